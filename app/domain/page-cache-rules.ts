/**
 * Which pages the rendered-page cache may keep, and what each depends on.
 *
 * A page is kept per address, language, person and minute, and only while the content revisions
 * it depends on are unchanged (db/schema.ts `content_revisions`, raised by database triggers on
 * every change a page can show). Only pages that read the database and the clock, never the
 * request's body or one-time cookies, are listed; forms, downloads and every page with a
 * side effect are rendered each time.
 */
export const REVISION_SCOPES = ['content', 'recommendations', 'protocols'] as const
export type RevisionScope = (typeof REVISION_SCOPES)[number]

const CONSULTATION: readonly RevisionScope[] = ['content', 'recommendations']
const PROTOCOLS: readonly RevisionScope[] = ['content', 'protocols']
const EVERYTHING: readonly RevisionScope[] = REVISION_SCOPES

const RULES: ReadonlyArray<readonly [RegExp, readonly RevisionScope[]]> = [
  [/^\/$/, CONSULTATION],
  [/^\/consultations$/, CONSULTATION],
  [/^\/authorities$/, ['content']],
  [/^\/organisations$/, ['content']],
  [/^\/organisations\/(?!new$)[^/]+$/, CONSULTATION],
  [/^\/a\/[^/]+$/, EVERYTHING],
  [/^\/a\/[^/]+\/plans\/[^/]+$/, CONSULTATION],
  [/^\/a\/[^/]+\/plans\/[^/]+\/(sections\/[^/]+|report|changes)$/, CONSULTATION],
  [/^\/a\/[^/]+\/protocols$/, PROTOCOLS],
  [/^\/a\/[^/]+\/staff\/protocols$/, PROTOCOLS],
  [/^\/a\/[^/]+\/meetings$/, ['content']],
  [/^\/a\/[^/]+\/transparency$/, CONSULTATION],
]

/**
 * The revision scopes a page depends on, or null when the page is never cached. Single-fetch
 * data requests (`/x.data`, `/_root.data`) follow the page they load.
 */
export function cachedPageScopes(pathname: string): readonly RevisionScope[] | null {
  let path = pathname
  if (path === '/_root.data') path = '/'
  else if (path.endsWith('.data')) path = path.slice(0, -'.data'.length)
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  for (const [pattern, scopes] of RULES) if (pattern.test(path)) return scopes
  return null
}

/** The cookies a cached page may be asked with: anything else (a flash message, a form's state) renders afresh. */
export const CACHE_NEUTRAL_COOKIES = new Set(['session', 'lng'])

export type PageKeyParts = {
  /** Path and query string, exactly as asked. */
  url: string
  /** The raw language choice (`lng` query parameter and cookie); the page itself resolves it. */
  language: string
  /** The signed-in person, or '' for anonymous readers. */
  userId: string
  /** The current minute (ISO, Europe/Bucharest is irrelevant: it only has to change every minute). */
  minute: string
  /** The revisions of the page's scopes, in REVISION_SCOPES order. */
  revisions: readonly number[]
}

export function pageKey(parts: PageKeyParts): string {
  return [parts.url, parts.language, parts.userId, parts.minute, parts.revisions.join('.')].join('\n')
}

/** Cookie header → name/value pairs (first value of a name wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  if (!header) return cookies
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=')
    if (index < 0) continue
    const name = pair.slice(0, index).trim()
    if (name && !cookies.has(name)) cookies.set(name, pair.slice(index + 1).trim())
  }
  return cookies
}
