/**
 * Session tokens as Lucia's current guide teaches: the token given to the browser is
 * `<id>.<secret>`; the database keeps the id and the SHA-256 of the secret, so a leaked
 * database does not leak usable tokens. Secrets are compared in constant time.
 */
import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'

/** Inactivity timeout: a session unused for this long ends. */
export const SESSION_INACTIVITY_TIMEOUT_MS = 1000 * 60 * 60 * 24 * 10
/** Absolute lifetime: a session ends this long after log-in, however active. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 1000 * 60 * 60 * 24 * 30
/** How often the last-activity time is written back (not on every request). */
export const SESSION_ACTIVITY_CHECK_INTERVAL_MS = 1000 * 60 * 60

// Human-readable alphabet without look-alike characters (no 0, 1, l, o), as in the guide.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** A random string with 120 bits of entropy (24 characters of a 32-letter alphabet). */
export function generateSecureRandomString(random: (bytes: Uint8Array) => void = fillRandom): string {
  const bytes = new Uint8Array(24)
  random(bytes)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte >> 3]
  return id
}

function fillRandom(bytes: Uint8Array) {
  crypto.getRandomValues(bytes)
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret))
}

export function createToken(): { id: string; secret: string; token: string; secretHash: Uint8Array } {
  const id = generateSecureRandomString()
  const secret = generateSecureRandomString()
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) }
}

const TOKEN_PART = /^[a-km-np-z2-9]{24}$/

export function parseToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [id, secret] = parts as [string, string]
  if (!TOKEN_PART.test(id) || !TOKEN_PART.test(secret)) return null
  return { id, secret }
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const hash = hashSecret(secret)
  return hash.length === storedHash.length && constantTimeEqual(hash, storedHash)
}

export type SessionTimes = { createdAt: Date; lastVerifiedAt: Date }

/** Why a session is no longer valid at `now`, or null if it still is. */
export function sessionExpiry(session: SessionTimes, now: Date): 'inactive' | 'lifetime_exceeded' | null {
  if (now.getTime() - session.createdAt.getTime() >= SESSION_ABSOLUTE_LIFETIME_MS) {
    return 'lifetime_exceeded'
  }
  if (now.getTime() - session.lastVerifiedAt.getTime() >= SESSION_INACTIVITY_TIMEOUT_MS) {
    return 'inactive'
  }
  return null
}

export function shouldRefreshActivity(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastVerifiedAt.getTime() >= SESSION_ACTIVITY_CHECK_INTERVAL_MS
}

/** How long the cookie should live: until the earlier of the two limits. */
export function cookieMaxAgeSeconds(session: SessionTimes, now: Date): number {
  const byLifetime = session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS - now.getTime()
  const byInactivity = SESSION_INACTIVITY_TIMEOUT_MS
  return Math.max(0, Math.floor(Math.min(byLifetime, byInactivity) / 1000))
}
