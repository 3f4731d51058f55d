import { inArray } from 'drizzle-orm'
import { users } from '#db/schema.ts'
import { formatDateTime } from '~/domain/dates'
import { listAuditEvents } from '~/models/audit.server'
import { getDb } from '~/services/db.server'

/** An entity's history, newest first, with the names of the people who acted. */
export function auditTrail(entityType: string, entityId: string, before?: number) {
  const events = listAuditEvents(entityType, entityId, { before, limit: 50 })
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => Boolean(id)))]
  const names = new Map(
    actorIds.length
      ? getDb()
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, actorIds))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  )
  return {
    events: events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      actor: e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId) : null,
      action: e.action,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
    nextBefore: events.length === 50 ? events.at(-1)!.id : null,
  }
}
