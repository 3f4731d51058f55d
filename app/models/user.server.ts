import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import { emailVerifications, passwordResets, users } from '#db/schema.ts'
import { generateSecureRandomString, hashSecret, secretMatches } from '~/domain/session-token'
import { recordAudit } from '~/models/audit.server'
import { invalidateUserSessions } from '~/models/session.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'
import { hashPassword } from '~/services/password.server'
import { newId } from '~/utils/ids.server'

export type User = typeof users.$inferSelect
export type Locale = 'ro' | 'en'

export const EMAIL_VERIFICATION_TTL_MS = 30 * 60_000
export const EMAIL_VERIFICATION_MAX_ATTEMPTS = 5
export const PASSWORD_RESET_TTL_MS = 60 * 60_000

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/** What the audit log keeps of a user: never the password hash. */
function publicUser(u: Pick<User, 'id' | 'email' | 'name' | 'locale' | 'isPlatformAdmin'>) {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale, isPlatformAdmin: u.isPlatformAdmin }
}

export function getUserById(id: string) {
  return getDb().select().from(users).where(eq(users.id, id)).get()
}

export function getUserByEmail(email: string) {
  return getDb()
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get()
}

export async function createUser(input: {
  email: string
  name: string
  password: string
  locale: Locale
  emailVerified?: boolean
  isPlatformAdmin?: boolean
  actorUserId?: string | null
}): Promise<User> {
  const passwordHash = await hashPassword(input.password)
  const now = clock.now()
  const user: User = {
    id: newId(),
    email: normaliseEmail(input.email),
    name: input.name.trim(),
    passwordHash,
    emailVerifiedAt: input.emailVerified ? now : null,
    locale: input.locale,
    isPlatformAdmin: input.isPlatformAdmin ?? false,
    createdAt: now,
    updatedAt: null,
  }
  const db = getDb()
  db.transaction((tx) => {
    tx.insert(users).values(user).run()
    recordAudit(tx, {
      actorUserId: input.actorUserId === undefined ? user.id : input.actorUserId,
      entityType: 'user',
      entityId: user.id,
      action: 'user.created',
      after: publicUser(user),
    })
  })
  return user
}

export function updateUserProfile(user: User, changes: { name?: string; locale?: Locale }) {
  const next = { ...user, ...changes }
  getDb().transaction((tx) => {
    tx.update(users)
      .set({ name: next.name, locale: next.locale, updatedAt: clock.now() })
      .where(eq(users.id, user.id))
      .run()
    recordAudit(tx, {
      actorUserId: user.id,
      entityType: 'user',
      entityId: user.id,
      action: 'user.profile_updated',
      before: { name: user.name, locale: user.locale },
      after: { name: next.name, locale: next.locale },
    })
  })
}

export function setPlatformAdmin(userId: string, isPlatformAdmin: boolean, actorUserId: string | null) {
  getDb().transaction((tx) => {
    tx.update(users).set({ isPlatformAdmin, updatedAt: clock.now() }).where(eq(users.id, userId)).run()
    recordAudit(tx, {
      actorUserId,
      entityType: 'user',
      entityId: userId,
      action: isPlatformAdmin ? 'user.platform_admin_granted' : 'user.platform_admin_revoked',
      after: { isPlatformAdmin },
    })
  })
}

/** Sets a new password and ends every session of the user. */
export async function changePassword(userId: string, newPassword: string, reason: 'changed' | 'reset') {
  const passwordHash = await hashPassword(newPassword)
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: clock.now() }).where(eq(users.id, userId)).run()
    invalidateUserSessions(userId, tx)
    recordAudit(tx, {
      actorUserId: userId,
      entityType: 'user',
      entityId: userId,
      action: reason === 'reset' ? 'user.password_reset' : 'user.password_changed',
    })
  })
}

// ---------------------------------------------------------------- email verification

function randomDigits(length: number): string {
  const bytes = new Uint32Array(length)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => String(b % 10)).join('')
}

/** A new verification code for the user's address; earlier codes stop working. */
export function createEmailVerification(user: Pick<User, 'id' | 'email'>) {
  const code = randomDigits(8)
  const now = clock.now()
  const id = newId()
  const db = getDb()
  db.transaction((tx) => {
    tx.delete(emailVerifications).where(eq(emailVerifications.userId, user.id)).run()
    tx.insert(emailVerifications)
      .values({
        id,
        userId: user.id,
        email: user.email,
        codeHash: Buffer.from(hashSecret(code)),
        expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
        createdAt: now,
      })
      .run()
  })
  return { id, code }
}

export type VerificationOutcome =
  { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' | 'too_many_attempts' }

/**
 * Checks a code: by the user's pending request (signed in) or by the request id from the
 * emailed link. Five wrong codes end the request.
 */
export function verifyEmailCode(lookup: { userId: string } | { requestId: string }, code: string): VerificationOutcome {
  const db = getDb()
  const request = db
    .select()
    .from(emailVerifications)
    .where(
      'userId' in lookup ? eq(emailVerifications.userId, lookup.userId) : eq(emailVerifications.id, lookup.requestId),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .get()
  if (!request) return { ok: false, reason: 'invalid' }
  const now = clock.now()
  if (request.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' }
  if (request.attempts >= EMAIL_VERIFICATION_MAX_ATTEMPTS) return { ok: false, reason: 'too_many_attempts' }
  if (!secretMatches(code.trim(), request.codeHash)) {
    db.update(emailVerifications)
      .set({ attempts: request.attempts + 1 })
      .where(eq(emailVerifications.id, request.id))
      .run()
    return {
      ok: false,
      reason: request.attempts + 1 >= EMAIL_VERIFICATION_MAX_ATTEMPTS ? 'too_many_attempts' : 'invalid',
    }
  }
  db.transaction((tx) => {
    tx.update(users)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, request.userId), eq(users.email, request.email)))
      .run()
    tx.delete(emailVerifications).where(eq(emailVerifications.userId, request.userId)).run()
    recordAudit(tx, {
      actorUserId: request.userId,
      entityType: 'user',
      entityId: request.userId,
      action: 'user.email_verified',
      after: { email: request.email },
    })
  })
  return { ok: true, userId: request.userId }
}

// ---------------------------------------------------------------- password reset

/** A single-use reset token valid for one hour; returns the token to email. */
export function createPasswordReset(userId: string): string {
  const id = generateSecureRandomString()
  const secret = generateSecureRandomString()
  const now = clock.now()
  getDb()
    .insert(passwordResets)
    .values({
      id,
      userId,
      secretHash: Buffer.from(hashSecret(secret)),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      createdAt: now,
    })
    .run()
  return `${id}.${secret}`
}

/** The reset request behind a token if it is still usable. */
export function findUsablePasswordReset(token: string) {
  const [id, secret] = token.split('.')
  if (!id || !secret) return null
  const row = getDb()
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, clock.now())))
    .get()
  if (!row || !secretMatches(secret, row.secretHash)) return null
  return row
}

/** Uses a reset token: sets the password, marks every reset of the user used, ends all sessions. */
export async function resetPassword(token: string, newPassword: string): Promise<string | null> {
  const reset = findUsablePasswordReset(token)
  if (!reset) return null
  const passwordHash = await hashPassword(newPassword)
  const now = clock.now()
  const db = getDb()
  const done = db.transaction((tx) => {
    // Claim the token atomically so that two concurrent uses cannot both succeed.
    const claimed = tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .run()
    if (claimed.changes !== 1) return false
    tx.update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
      .run()
    tx.update(users)
      .set({
        passwordHash,
        updatedAt: now,
        // the reset link reached the inbox: the address is proven
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})`,
      })
      .where(eq(users.id, reset.userId))
      .run()
    invalidateUserSessions(reset.userId, tx)
    recordAudit(tx, {
      actorUserId: reset.userId,
      entityType: 'user',
      entityId: reset.userId,
      action: 'user.password_reset',
    })
    return true
  })
  return done ? reset.userId : null
}
