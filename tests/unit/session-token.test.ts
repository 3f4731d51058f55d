import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  cookieMaxAgeSeconds,
  createToken,
  generateSecureRandomString,
  hashSecret,
  parseToken,
  secretMatches,
  sessionExpiry,
  shouldRefreshActivity,
} from '~/domain/session-token'

// a-z without the look-alikes l and o, then 2-9 (no 0 or 1): 32 characters.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'
const PART = /^[abcdefghijkmnpqrstuvwxyz23456789]{24}$/

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('token format', () => {
  it('is id.secret, 24 characters each, from the readable alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const { id, secret, token } = createToken()
      expect(token).toBe(`${id}.${secret}`)
      expect(id).toMatch(PART)
      expect(secret).toMatch(PART)
      expect(token).not.toMatch(/[lo01]/)
    }
  })

  it('gives a different id and secret every time', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const { id, secret } = createToken()
      expect(id).not.toBe(secret)
      seen.add(id)
      seen.add(secret)
    }
    expect(seen.size).toBe(1000)
  })

  it('uses exactly the 32 characters of the alphabet, each reachable', () => {
    expect(ALPHABET).toHaveLength(32)
    // Feed chosen bytes: the top five bits of each byte pick the character.
    const all = generateSecureRandomString((bytes) => bytes.forEach((_, i) => (bytes[i] = (i % 32) << 3)))
    expect(all).toBe((ALPHABET + ALPHABET).slice(0, 24))
    const rest = generateSecureRandomString((bytes) => bytes.forEach((_, i) => (bytes[i] = (((i + 24) % 32) << 3) | 7)))
    expect(rest).toBe((ALPHABET + ALPHABET).slice(24, 48))
    expect(generateSecureRandomString((b) => b.fill(0))).toBe('a'.repeat(24))
    expect(generateSecureRandomString((b) => b.fill(255))).toBe('9'.repeat(24))
  })
})

describe('parseToken', () => {
  const good = createToken()

  it('accepts a token it created and splits it into id and secret', () => {
    expect(parseToken(good.token)).toEqual({ id: good.id, secret: good.secret })
  })

  it.each([
    ['empty', ''],
    ['no dot', `${good.id}${good.secret}`],
    ['only an id', good.id],
    ['trailing dot', `${good.id}.`],
    ['leading dot', `.${good.secret}`],
    ['three parts', `${good.id}.${good.secret}.${good.id}`],
    ['id too short', `${good.id.slice(1)}.${good.secret}`],
    ['secret too long', `${good.id}.${good.secret}a`],
    ['upper case', `${good.id.toUpperCase()}.${good.secret}`],
    ['a digit 0', `${good.id.slice(0, 23)}0.${good.secret}`],
    ['a digit 1', `${good.id}.${good.secret.slice(0, 23)}1`],
    ['punctuation', `${good.id.slice(0, 23)}-.${good.secret}`],
    ['spaces', ` ${good.id}.${good.secret}`],
    ['url-encoded dot', `${good.id}%2E${good.secret}`],
  ])('rejects a malformed token (%s)', (_label, token) => {
    expect(parseToken(token)).toBeNull()
  })

  it.each([
    ['an l in the id', `${'l'.repeat(24)}.${good.secret}`],
    ['an o in the secret', `${good.id}.${'o'.repeat(24)}`],
  ])('rejects letters that are not in the alphabet (%s)', (_label, token) => {
    expect(parseToken(token)).toBeNull()
  })
})

describe('secret hashing', () => {
  it('stores the SHA-256 of the secret, not the secret', () => {
    const { secret, secretHash } = createToken()
    expect(secretHash).toHaveLength(32)
    expect(hex(secretHash)).toBe(sha256Hex(secret))
    expect(hex(hashSecret('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('matches the right secret and refuses any other', () => {
    const { secret, secretHash } = createToken()
    expect(secretMatches(secret, secretHash)).toBe(true)
    const other = createToken()
    expect(secretMatches(other.secret, secretHash)).toBe(false)
    // One character changed.
    const last = secret.at(-1) === 'a' ? 'b' : 'a'
    expect(secretMatches(secret.slice(0, -1) + last, secretHash)).toBe(false)
    expect(secretMatches('', secretHash)).toBe(false)
    // The hash itself is not a password.
    expect(secretMatches(hex(secretHash), secretHash)).toBe(false)
  })

  it('refuses a stored hash of the wrong length', () => {
    const { secret, secretHash } = createToken()
    expect(secretMatches(secret, secretHash.slice(0, 31))).toBe(false)
    expect(secretMatches(secret, new Uint8Array(0))).toBe(false)
  })
})

describe('session lifetime', () => {
  const login = new Date('2026-03-01T08:00:00Z')
  const at = (ms: number) => new Date(login.getTime() + ms)

  it('keeps a session that was used less than 10 days ago', () => {
    const session = { createdAt: login, lastVerifiedAt: login }
    expect(sessionExpiry(session, login)).toBeNull()
    expect(sessionExpiry(session, at(10 * DAY - 1))).toBeNull()
  })

  it('ends a session unused for 10 days (inactivity)', () => {
    const session = { createdAt: login, lastVerifiedAt: login }
    expect(sessionExpiry(session, at(10 * DAY))).toBe('inactive')
    expect(sessionExpiry(session, at(11 * DAY))).toBe('inactive')
  })

  it('counts inactivity from the last activity, not from log-in', () => {
    const session = { createdAt: login, lastVerifiedAt: at(15 * DAY) }
    expect(sessionExpiry(session, at(24 * DAY))).toBeNull()
    expect(sessionExpiry(session, at(25 * DAY - 1))).toBeNull()
    expect(sessionExpiry(session, at(25 * DAY))).toBe('inactive')
  })

  it('ends even an active session 30 days after log-in (absolute lifetime)', () => {
    const justBefore = at(30 * DAY - 1)
    expect(sessionExpiry({ createdAt: login, lastVerifiedAt: at(30 * DAY - HOUR) }, justBefore)).toBeNull()
    expect(sessionExpiry({ createdAt: login, lastVerifiedAt: at(30 * DAY - HOUR) }, at(30 * DAY))).toBe(
      'lifetime_exceeded',
    )
    expect(sessionExpiry({ createdAt: login, lastVerifiedAt: at(30 * DAY) }, at(30 * DAY))).toBe('lifetime_exceeded')
  })

  it('reports the absolute lifetime when both limits are passed', () => {
    expect(sessionExpiry({ createdAt: login, lastVerifiedAt: login }, at(40 * DAY))).toBe('lifetime_exceeded')
  })

  it('writes the activity time back only once an hour has passed', () => {
    const session = { createdAt: login, lastVerifiedAt: at(2 * DAY) }
    expect(shouldRefreshActivity(session, at(2 * DAY))).toBe(false)
    expect(shouldRefreshActivity(session, at(2 * DAY + HOUR - 1))).toBe(false)
    expect(shouldRefreshActivity(session, at(2 * DAY + HOUR))).toBe(true)
    expect(shouldRefreshActivity(session, at(3 * DAY))).toBe(true)
  })

  it('lets the cookie live until the earlier of the two limits', () => {
    const fresh = { createdAt: login, lastVerifiedAt: login }
    expect(cookieMaxAgeSeconds(fresh, login)).toBe((10 * DAY) / SECOND)
    // 25 days after log-in only 5 days of lifetime remain.
    expect(cookieMaxAgeSeconds({ createdAt: login, lastVerifiedAt: at(25 * DAY) }, at(25 * DAY))).toBe(
      (5 * DAY) / SECOND,
    )
    expect(cookieMaxAgeSeconds(fresh, at(31 * DAY))).toBe(0)
  })
})
