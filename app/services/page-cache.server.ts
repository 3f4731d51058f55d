/**
 * The rendered-page cache: the answer to a GET of a cached page (app/domain/page-cache-rules.ts),
 * kept in memory per address, language, person and minute for as long as the content revisions
 * it depends on do not change. The database raises those revisions in the same transaction as
 * any change a page shows (triggers of migration 0013), so a reader never sees a page older than
 * the data, whoever changed it (a request, the worker, the CLI).
 *
 * Why: rendering a plan with its sections and counts, or a registry dashboard over 1,500
 * protocols, costs tens of milliseconds of CPU; a national platform's readers ask for the same
 * few pages far more often than the data changes. A hit costs a primary-key read of three
 * counters and a copy of the stored bytes.
 *
 * - Only answers 200 without `Set-Cookie` are kept; the per-response CSP nonce is put back into
 *   each copy (the stored page is split at the nonce of the response that rendered it).
 * - Concurrent misses for one key wait for a single render (a burst of readers on a page that
 *   just changed renders it once, not once per reader).
 * - Memory is bounded (`PAGE_CACHE_MB`, least recently used pages go first; 0 turns it off).
 * - Compressed once: each part of a stored page is also kept deflated, so a reader whose browser
 *   takes gzip (every browser) gets a gzip stream assembled around its own nonce, without
 *   compressing the page again for each request (a plan page of 275 KB travels as about 40 KB).
 */
import zlib from 'node:zlib'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import {
  CACHE_NEUTRAL_COOKIES,
  cachedPageScopes,
  pageKey,
  parseCookies,
  type RevisionScope,
} from '~/domain/page-cache-rules'
import { validateSessionToken } from '~/models/session.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'
import { crc32 } from '~/services/zip.server'

type StoredPage = {
  status: number
  headers: Array<[string, string]>
  /** The body split at the nonce it was rendered with (one part when it carries none). */
  parts: Buffer[]
  /** Each part raw-deflated on its own, ending on a byte boundary without a final block (gzipWith). */
  deflated: Buffer[]
  bytes: number
}

export class PageCache {
  private readonly pages = new Map<string, StoredPage>()
  private readonly rendering = new Map<string, Promise<void>>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): StoredPage | undefined {
    const page = this.pages.get(key)
    if (page) {
      // Most recently used last: Map keeps insertion order.
      this.pages.delete(key)
      this.pages.set(key, page)
    }
    return page
  }

  set(key: string, page: StoredPage) {
    if (page.bytes > this.maxBytes / 4) return
    const previous = this.pages.get(key)
    if (previous) {
      this.bytes -= previous.bytes
      this.pages.delete(key)
    }
    this.pages.set(key, page)
    this.bytes += page.bytes
    for (const [oldest, stored] of this.pages) {
      if (this.bytes <= this.maxBytes) break
      this.pages.delete(oldest)
      this.bytes -= stored.bytes
    }
  }

  /** Runs `render` once for concurrent callers of the same key; the others wait for it. */
  async once(key: string, render: () => Promise<void>): Promise<'rendered' | 'waited'> {
    const pending = this.rendering.get(key)
    if (pending) {
      await pending.catch(() => {})
      return 'waited'
    }
    const promise = render().finally(() => this.rendering.delete(key))
    this.rendering.set(key, promise)
    await promise
    return 'rendered'
  }

  /** How much memory the kept pages take, and how many there are. */
  summary() {
    return { bytes: this.bytes, entries: this.pages.size }
  }
}

const revisionStatement = () =>
  getDb().$client.prepare<[], { scope: RevisionScope; revision: number }>(
    'SELECT scope, revision FROM content_revisions',
  )

/** The current revision of each scope. */
function currentRevisions(): Map<RevisionScope, number> {
  const rows = revisionStatement().all()
  return new Map(rows.map((r) => [r.scope, r.revision]))
}

export type RenderToResponse = (req: ExpressRequest, res: ExpressResponse) => Promise<Response>

/** Sends a fetch Response through Express (status, headers including every Set-Cookie, body). */
async function sendResponse(res: ExpressResponse, response: Response, body?: Buffer) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  const bytes = body ?? (response.body ? Buffer.from(await response.arrayBuffer()) : undefined)
  res.end(bytes)
}

/** A deflate stored block (not the last one) holding `bytes`: starts and ends on a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length)
  block[0] = 0 // BFINAL 0, BTYPE 00 (stored), then padding to the byte
  block.writeUInt16LE(bytes.length, 1)
  block.writeUInt16LE(~bytes.length & 0xffff, 3)
  bytes.copy(block, 5)
  return block
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** An empty stored block marked last: ends the deflate stream. */
const LAST_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff])

/** Each part deflated on its own and flushed to a byte boundary, not finished (see gzipWith). */
export function deflateParts(parts: readonly Buffer[]): Buffer[] {
  return parts.map((part) => zlib.deflateRawSync(part, { finishFlush: zlib.constants.Z_FULL_FLUSH }))
}

/**
 * The gzip stream (RFC 1952) of the parts joined by `marker`, from the parts deflated beforehand:
 * the marker (the response's nonce) goes between them as a stored block, and only the CRC-32 is
 * computed per response (a few hundredths of a millisecond for a large page).
 */
export function gzipWith(parts: readonly Buffer[], deflated: readonly Buffer[], marker: Buffer): Buffer[] {
  const chunks: Buffer[] = [GZIP_HEADER]
  let crc = 0
  let size = 0
  parts.forEach((part, i) => {
    if (i > 0) {
      chunks.push(storedBlock(marker))
      crc = crc32(marker, crc)
      size += marker.length
    }
    chunks.push(deflated[i]!)
    crc = crc32(part, crc)
    size += part.length
  })
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size % 2 ** 32, 4)
  chunks.push(LAST_BLOCK, trailer)
  return chunks
}

function splitAt(body: Buffer, marker: string): Buffer[] {
  if (!marker) return [body]
  const needle = Buffer.from(marker)
  const parts: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at))
    from = at + needle.length
  }
  parts.push(body.subarray(from))
  return parts
}

/** Writes chunks as one body with its length, without copying them together. */
function writeChunks(res: ExpressResponse, chunks: readonly Buffer[]) {
  res.setHeader(
    'content-length',
    chunks.reduce((n, c) => n + c.length, 0),
  )
  res.cork()
  for (const chunk of chunks) res.write(chunk)
  res.end()
  res.uncork()
}

/**
 * Writes a stored page with the response's nonce between its parts: gzipped when the reader
 * takes it (the compression middleware leaves an encoded answer alone), plain otherwise.
 */
function writePage(req: ExpressRequest, res: ExpressResponse, page: StoredPage, marker: string) {
  const needle = Buffer.from(marker)
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.setHeader('content-encoding', 'gzip')
    return writeChunks(res, gzipWith(page.parts, page.deflated, needle))
  }
  if (page.parts.length === 1) return void res.end(page.parts[0])
  writeChunks(
    res,
    page.parts.flatMap((part, i) => (i > 0 ? [needle, part] : [part])),
  )
}

/**
 * Express middleware: serves cached pages, renders and keeps the others through `render`
 * (the Remix request handler as a fetch function), and passes everything it does not cache on
 * to `next`. `res.locals.cspNonce` must be set before it runs.
 */
export function pageCacheMiddleware(options: { maxBytes: number; render: RenderToResponse }) {
  const cache = new PageCache(options.maxBytes)
  const middleware = async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      if (req.method !== 'GET' || options.maxBytes <= 0) return next()
      const scopes = cachedPageScopes(req.path)
      if (!scopes) return next()
      const cookies = parseCookies(req.get('cookie'))
      for (const name of cookies.keys()) if (!CACHE_NEUTRAL_COOKIES.has(name)) return next()
      let userId = ''
      const token = cookies.get('session')
      if (token) {
        const auth = validateSessionToken(token)
        // An unknown or expired session: the app answers (and clears the cookie).
        if (!auth) return next()
        userId = auth.user.id
      }
      const revisions = currentRevisions()
      const key = pageKey({
        url: req.originalUrl,
        language: `${typeof req.query.lng === 'string' ? req.query.lng : ''}|${cookies.get('lng') ?? ''}`,
        userId,
        minute: clock.now().toISOString().slice(0, 16),
        revisions: scopes.map((s) => revisions.get(s) ?? 0),
      })
      const nonce = String(res.locals.cspNonce ?? '')
      const serve = (page: StoredPage, state: 'hit' | 'miss') => {
        res.status(page.status)
        for (const [name, value] of page.headers) res.setHeader(name, value)
        res.setHeader('x-page-cache', state)
        writePage(req, res, page, nonce)
      }
      const cached = cache.get(key)
      if (cached) {
        return serve(cached, 'hit')
      }
      let answered = false
      const outcome = await cache.once(key, async () => {
        const response = await options.render(req, res)
        const body = Buffer.from(await response.arrayBuffer())
        const keep = response.status === 200 && response.headers.getSetCookie().length === 0
        if (keep) {
          const headers = [...response.headers].filter(([name]) => name !== 'content-length')
          const parts = splitAt(body, nonce)
          const deflated = deflateParts(parts)
          const bytes = body.length + deflated.reduce((n, d) => n + d.length, 0)
          cache.set(key, { status: response.status, headers, parts, deflated, bytes })
        }
        answered = true
        res.setHeader('x-page-cache', 'miss')
        await sendResponse(res, response, body)
      })
      if (answered || res.headersSent) return
      // Another request rendered it: serve its copy, or render ourselves if it could not be kept.
      const page = outcome === 'waited' ? cache.get(key) : undefined
      if (page) {
        return serve(page, 'hit')
      }
      return next()
    } catch (error) {
      if (res.headersSent) return res.destroy(error instanceof Error ? error : undefined)
      next(error)
    }
  }
  return middleware
}
