import { redirect } from '@remix-run/node'
import { decide, type Action, type Actor, type Resource } from '~/domain/permissions'
import { SESSION_ABSOLUTE_LIFETIME_MS } from '~/domain/session-token'
import { staffRolesOf } from '~/models/authority.server'
import { organisationRolesOf } from '~/models/organisation.server'
import { createSession, invalidateSession, validateSessionToken } from '~/models/session.server'
import type { User } from '~/models/user.server'
import { getConfig } from '~/services/config.server'

export const SESSION_COOKIE = 'session'

function cookieAttributes(maxAgeSeconds: number) {
  const parts = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAgeSeconds}`]
  if (getConfig().isProduction) parts.push('Secure')
  return parts.join('; ')
}

export function sessionCookieHeader(token: string) {
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(Math.floor(SESSION_ABSOLUTE_LIFETIME_MS / 1000))}`
}

export function clearSessionCookieHeader() {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`
}

function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) return rest.join('=') || null
  }
  return null
}

type Auth = { sessionId: string; user: User }
const cache = new WeakMap<Request, Auth | null>()

/** The signed-in user of a request, or null. Validated once per request. */
export function getAuth(request: Request): Auth | null {
  if (cache.has(request)) return cache.get(request) ?? null
  const token = readSessionToken(request)
  const row = token ? validateSessionToken(token) : null
  const auth = row ? { sessionId: row.session.id, user: row.user } : null
  cache.set(request, auth)
  return auth
}

export function getUser(request: Request): User | null {
  return getAuth(request)?.user ?? null
}

export function actorFor(user: User): Actor {
  return {
    userId: user.id,
    emailVerified: user.emailVerifiedAt !== null,
    isPlatformAdmin: user.isPlatformAdmin,
    staffRoles: staffRolesOf(user.id),
    organisationRoles: organisationRolesOf(user.id),
  }
}

export function getActor(request: Request): Actor | null {
  const user = getUser(request)
  return user ? actorFor(user) : null
}

function loginRedirect(request: Request) {
  const url = new URL(request.url)
  const back = `${url.pathname}${url.search}`
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

/** The signed-in user, or a redirect to log in. Unverified users are sent to verify first. */
export function requireUser(request: Request, options: { allowUnverified?: boolean } = {}): User {
  const user = getUser(request)
  if (!user) throw loginRedirect(request)
  if (!user.emailVerifiedAt && !options.allowUnverified) throw redirect('/account/verify')
  return user
}

export function forbidden(): Response {
  return new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
}

export function notFound(): Response {
  return new Response('Not Found', { status: 404, statusText: 'Not Found' })
}

/**
 * Asks the permission module; throws a redirect to log in for anonymous visitors, to
 * verification for unverified ones, and 403 for everyone else who may not.
 */
export function requirePermission(request: Request, action: Action, resource: Resource): { user: User; actor: Actor } {
  const user = getUser(request)
  const actor = user ? actorFor(user) : null
  const decision = decide(actor, action, resource)
  if (decision.allowed) return { user: user!, actor: actor! }
  if (decision.reason === 'not_signed_in') throw loginRedirect(request)
  if (decision.reason === 'email_not_verified') throw redirect('/account/verify')
  throw forbidden()
}

/**
 * A new session for the user, and its cookie. Whatever session the browser held before ends on
 * the server: a session planted before log-in (fixation), or another account's, never carries
 * over, and its cookie value stops working.
 */
export function startSession(userId: string, request: Request): string {
  const previous = getAuth(request)
  if (previous) invalidateSession(previous.sessionId)
  const { token } = createSession(userId, request.headers.get('User-Agent'))
  return sessionCookieHeader(token)
}

export function endSession(request: Request): string {
  const auth = getAuth(request)
  if (auth) invalidateSession(auth.sessionId)
  return clearSessionCookieHeader()
}

/** Only same-site relative paths are followed after log-in (no open redirects). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
    return fallback
  }
  return to
}
