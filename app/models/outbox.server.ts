import { and, count, desc, eq, like, lt } from 'drizzle-orm'
import { emailOutbox, organisations, OUTBOX_STATUSES, users } from '#db/schema.ts'
import { getDb } from '~/services/db.server'

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** The newest emails first, optionally for one recipient and one status. */
export function listOutbox(filter: { to?: string; status?: OutboxStatus; before?: number; limit?: number } = {}) {
  return getDb()
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(
      and(
        filter.to ? like(emailOutbox.toAddress, `%${filter.to.trim().toLowerCase()}%`) : undefined,
        filter.status ? eq(emailOutbox.status, filter.status) : undefined,
        filter.before ? lt(emailOutbox.createdAt, new Date(filter.before)) : undefined,
      ),
    )
    .orderBy(desc(emailOutbox.createdAt))
    .limit(filter.limit ?? 50)
    .all()
}

export function getOutboxEmail(id: string) {
  return getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()
}

export function platformCounts() {
  const db = getDb()
  return {
    users: db.select({ n: count() }).from(users).get()?.n ?? 0,
    organisations: db.select({ n: count() }).from(organisations).get()?.n ?? 0,
    pendingEmails: db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'pending')).get()?.n ?? 0,
    failedEmails: db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'failed')).get()?.n ?? 0,
  }
}
