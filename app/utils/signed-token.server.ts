/**
 * Tokens for links that act without a log-in (acknowledge a reminder, unsubscribe): the subject
 * in clear and an HMAC over purpose, subject and context with the server's secret, compared in
 * constant time. Nothing is stored; a changed secret invalidates every link.
 */
import crypto from 'node:crypto'
import { getConfig } from '~/services/config.server'

function mac(purpose: string, subject: string, context: string): Buffer {
  return crypto
    .createHmac('sha256', getConfig().sessionSecret)
    .update(`${purpose}\u0000${context}\u0000${subject}`)
    .digest()
}

/** `subject.mac`, for a subject without dots (ids are base32/hex). */
export function signToken(purpose: string, subject: string, context = ''): string {
  return `${subject}.${mac(purpose, subject, context).toString('base64url')}`
}

/** The subject a token was made for, when it is genuine for this purpose and context. */
export function verifyToken(purpose: string, token: string | null | undefined, context = ''): string | null {
  if (!token) return null
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const subject = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = mac(purpose, subject, context)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return subject
}
