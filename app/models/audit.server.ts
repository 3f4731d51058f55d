import { and, desc, eq, lt } from 'drizzle-orm'
import { auditEvents } from '#db/schema.ts'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'

export type AuditEntry = {
  actorUserId: string | null
  authorityId?: string | null
  entityType: string
  entityId: string
  action: string
  before?: unknown
  after?: unknown
}

type Tx = Pick<DB, 'insert'>

/** Appends one event to the audit log, inside the caller's transaction. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  tx.insert(auditEvents)
    .values({
      at: clock.now(),
      actorUserId: entry.actorUserId,
      authorityId: entry.authorityId ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run()
}

export function listAuditEvents(
  entityType: string,
  entityId: string,
  options: { before?: number; limit?: number } = {},
) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, entityId),
        options.before ? lt(auditEvents.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(options.limit ?? 100)
    .all()
}

/** Only the fields that changed, for a readable before/after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 }
}
