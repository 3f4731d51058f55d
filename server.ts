/**
 * The HTTP entry: Express with security headers (CSP with a nonce per response), compression,
 * rate limits, the same-origin check for every state-changing request, static files, the Remix
 * request handler, and the background worker.
 *
 *   npm start        build, then serve (development settings, demo data on an empty database)
 *   npm run dev      Vite dev server with hot reload (this file run through tsx)
 *   NODE_ENV=production npm run start:prod   production (SESSION_SECRET and APP_URL required)
 *
 * `npm run build` compiles this file with the app modules it uses into build/express/server.js
 * (scripts/build-server.mjs), which `npm start`, the tests and the benchmark run with plain node.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { createRequestHandler as createFetchHandler, type ServerBuild } from '@remix-run/node'
import zlib from 'node:zlib'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, databaseHealth, isDatabaseBusy } from '#db/client.ts'
import { ensureDemoData } from '~/models/demo.server'
import { ConfigError, getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'
import { pageCacheMiddleware, type RenderToResponse } from '~/services/page-cache.server'
import { en } from '~/locales/en'
import { ro } from '~/locales/ro'
import { startWorker } from '~/services/worker.server'
import { isSameOrigin, ONE_CLICK_UNSUBSCRIBE_PATH } from '~/utils/origin'

process.setSourceMapsEnabled(true)

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let config: ReturnType<typeof getConfig>
try {
  config = getConfig()
} catch (e) {
  if (e instanceof ConfigError) fail(e.message)
  throw e
}

const devServer = process.env.DEV_SERVER === '1'

try {
  getDb() // opens and migrates
} catch (e) {
  fail(`Cannot open the database at ${config.databasePath}: ${e instanceof Error ? e.message : String(e)}`)
}

/** The sandboxed HTML of an email (outbox message, template preview): the only inline styles allowed. */
function showsEmailHtml(req: Request): boolean {
  return (
    /^\/admin\/outbox\/[^/]+\/html$/.test(req.path) || (req.path.startsWith('/emails/') && req.query.part === 'html')
  )
}

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', process.env.TRUST_PROXY === '1' ? 1 : 'loopback')

app.get('/healthz', (_req, res) => {
  const health = databaseHealth(getDb())
  res.set('Cache-Control', 'no-store')
  if (health.ok) res.status(200).type('text/plain').send('ok')
  else res.status(503).type('text/plain').send(`database unavailable: ${health.error}`)
})

// Brotli with a 256 KB window instead of its default 4 MB: every browser asks for br, and with
// the default window each answer's encoder cost 5.5 ms of CPU on the constant page (1.8 ms with
// this window, about gzip's cost), for output within a few percent. Pages the page cache keeps
// are sent gzipped from their stored compressed parts and do not come through here.
app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } }))

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: devServer
          ? ["'self'", "'unsafe-inline'"]
          : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        // Emails carry inline styles: only their sandboxed preview may use them.
        styleSrc: ["'self'", (req) => (devServer || showsEmailHtml(req as Request) ? "'unsafe-inline'" : '')],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...(devServer ? ['ws:'] : [])],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    // With "no-referrer" (helmet's default) Chromium sends `Origin: null` on a plain form POST,
    // which the same-origin check below must refuse: forms would not work without JavaScript.
    referrerPolicy: { policy: 'same-origin' },
    hsts: config.isProduction,
  }),
)

// Every state-changing request must come from a page of this site. The one exception is the
// one-click unsubscribe of RFC 8058, posted by mail clients without an Origin: it carries its own
// signed token and can only switch a notification off.
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  if (req.method === 'POST' && req.path === ONE_CLICK_UNSUBSCRIBE_PATH) return next()
  if (isSameOrigin(req.get('origin'), { host: req.get('host'), protocol: req.protocol, appUrl: config.appUrl })) {
    return next()
  }
  res.status(403).type('text/plain').send('Forbidden: cross-origin or origin-less request refused.')
})

// Uploads are limited per file by each form (15 MB at most); no request body may exceed this in
// total, so that many parts or a huge form cannot fill the memory. Browsers always send the length.
const MAX_REQUEST_BYTES = 20 * 1024 * 1024
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const length = req.get('content-length')
  if (length === undefined && req.get('transfer-encoding')) {
    res.status(411).type('text/plain').send('Cererea trebuie să spună cât de mare este (Content-Length).')
    return
  }
  if (Number(length ?? 0) > MAX_REQUEST_BYTES) {
    res
      .status(413)
      .type('text/plain')
      .send('Cererea este prea mare: cel mult 20 MB în total (un fișier are cel mult 15 MB). The request is too large.')
    return
  }
  next()
})

const generalLimiter = rateLimit({
  windowMs: 60_000,
  limit: config.rateLimitPerMinute,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  skip: (req) => req.path.startsWith('/assets/'),
  message: 'Too many requests, please slow down.',
})
const authLimiter = rateLimit({
  windowMs: 60_000,
  limit: Math.max(10, Math.floor(config.rateLimitPerMinute / 20)),
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  skip: (req) => req.method !== 'POST',
  message: 'Too many attempts, please wait a minute.',
})
app.use(generalLimiter)

// A request the database lock stopped (another process held it past the busy timeout) answers
// 503 with Retry-After, never 500. Remix's pages do it in entry.server.tsx; its resource routes
// (CSV, JSON, files) answer 500 after telling us through the load context's onDatabaseBusy.
app.use((_req: Request, res: Response, next: NextFunction) => {
  const writeHead = res.writeHead
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && res.locals.databaseBusy) {
      statusCode = 503
      this.setHeader('Retry-After', String(DATABASE_BUSY_RETRY_AFTER_SECONDS))
      this.setHeader('Cache-Control', 'no-store')
    }
    return writeHead.call(this, statusCode, ...(rest as [])) as Response
  } as typeof res.writeHead
  next()
})
app.use(['/login', '/signup', '/forgot-password', '/reset-password', '/account/verify'], authLimiter)

type LoadContext = { cspNonce: string; clientIp: string; onDatabaseBusy: () => void }
const getLoadContext = (req: Request, res: Response): LoadContext => ({
  cspNonce: res.locals.cspNonce as string,
  clientIp: req.ip ?? 'unknown',
  // Called by entry.server.tsx's handleError: the database lock stopped this request (see below).
  onDatabaseBusy: () => void (res.locals.databaseBusy = true),
})

/** The fetch Request Remix sees for an Express request (aborted if the client goes away). */
function fetchRequestOf(req: Request, res: Response): globalThis.Request {
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return new globalThis.Request(`${req.protocol}://${req.get('host')}${req.originalUrl}`, {
    method: req.method,
    headers,
    signal: controller.signal,
  })
}

async function remixHandler() {
  if (devServer) {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    app.use(vite.middlewares)
    return createRequestHandler({
      build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
      getLoadContext,
    })
  }
  const buildDir = path.resolve(process.env.BUILD_DIR || 'build')
  app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
  // The other public files (favicon, robots.txt…) are known at start-up: looking each page's
  // address up on disk first cost a file-system call per request.
  const clientDir = path.join(buildDir, 'client')
  const publicFiles = new Set(
    fs
      .readdirSync(clientDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => '/' + path.relative(clientDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => !file.startsWith('/assets/')),
  )
  const servePublicFile = express.static(clientDir, { maxAge: '1h', index: false })
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublicFile(req, res, next) : next()))
  const entry = path.join(buildDir, 'server/index.js')
  if (!fs.existsSync(entry)) fail('The app is not built: run `npm run build` first (or `npm start`, which builds).')
  const build = (await import(pathToFileURL(entry).href)) as ServerBuild
  // Pages many people read (a plan, the registry dashboard…) are kept rendered until the data
  // they show changes: see app/services/page-cache.server.ts.
  const handle = createFetchHandler(build, process.env.NODE_ENV)
  const render: RenderToResponse = (req, res) => handle(fetchRequestOf(req, res), getLoadContext(req, res))
  app.use(pageCacheMiddleware({ maxBytes: config.pageCacheBytes, render }))
  return createRequestHandler({ build, getLoadContext, mode: process.env.NODE_ENV })
}

app.all('*', await remixHandler())

// The database lock met outside Remix (the page cache checking a session): the same 503, with a
// short page in the language asked for.
app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
  if (!isDatabaseBusy(error) || res.headersSent) return next(error)
  console.error(`database locked by another process: ${req.method} ${req.path} answered 503`)
  const lng = req.query.lng === 'en' ? 'en' : 'ro'
  const { app: site, errors } = lng === 'en' ? en : ro
  const again = req.originalUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)
  res
    .status(503)
    .set({ 'Retry-After': String(DATABASE_BUSY_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' })
    .type('html')
    .send(
      `<!DOCTYPE html><html lang="${lng}"><head><meta charset="utf-8">` +
        `<title>${errors.unavailable.title} · ${site.name}</title></head><body><main>` +
        `<h1>${errors.unavailable.title}</h1><p>${errors.unavailable.body}</p>` +
        `<p><a href="${again}">${errors.unavailable.retry}</a></p></main></body></html>`,
    )
})

const demo = config.isProduction ? null : await ensureDemoData()

const worker = config.workerEnabled ? startWorker(config.workerIntervalMs) : null

const server = app.listen(config.port, () => {
  const { port } = server.address() as AddressInfo
  console.log(`Planuri sociale is listening on http://localhost:${port}`)
  if (!config.resendApiKey)
    console.log('Emails go to the local outbox (no RESEND_API_KEY): read them at /admin/outbox.')
  if (demo) {
    console.log(demo.created ? 'Demo data created. Demo accounts:' : 'Demo accounts:')
    for (const line of demo.logins) console.log(`  ${line}`)
  }
})

let closing = false
async function shutdown() {
  if (closing) return
  closing = true
  server.close()
  await worker?.stop()
  getDb().$client.close()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown())
process.on('SIGINT', () => void shutdown())
