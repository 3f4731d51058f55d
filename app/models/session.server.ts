import { eq, sql } from 'drizzle-orm'
import { preparedQuery } from '#db/client.ts'
import { sessions, users } from '#db/schema.ts'
import { createToken, parseToken, secretMatches, sessionExpiry, shouldRefreshActivity } from '~/domain/session-token'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'

export type SessionUser = typeof users.$inferSelect

export function createSession(userId: string, userAgent: string | null): { token: string; id: string } {
  const { id, token, secretHash } = createToken()
  const now = clock.now()
  getDb()
    .insert(sessions)
    .values({
      id,
      userId,
      secretHash: Buffer.from(secretHash),
      createdAt: now,
      lastVerifiedAt: now,
      userAgent: userAgent?.slice(0, 200) ?? null,
    })
    .run()
  return { token, id }
}

/** Run on every request that carries a session cookie: built once. */
const sessionWithUser = preparedQuery((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
)

/** The session and user behind a token, or null (expired sessions are removed on the way). */
export function validateSessionToken(token: string) {
  const parsed = parseToken(token)
  if (!parsed) return null
  const db = getDb()
  const row = sessionWithUser(db).get({ id: parsed.id })
  if (!row) return null
  if (!secretMatches(parsed.secret, row.session.secretHash)) return null
  const now = clock.now()
  if (sessionExpiry(row.session, now)) {
    db.delete(sessions).where(eq(sessions.id, row.session.id)).run()
    return null
  }
  if (shouldRefreshActivity(row.session, now)) {
    db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, row.session.id)).run()
  }
  return row
}

export function invalidateSession(sessionId: string) {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run()
}

export function invalidateUserSessions(userId: string, tx: Pick<DB, 'delete'> = getDb()) {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run()
}

export function listUserSessions(userId: string) {
  return getDb()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
}
