/**
 * Public debates (Law 52/2003): an organisation asks in writing on the platform, the request is
 * registered and the authority's editors are told; staff schedule the debate, which is shown on
 * the plan page, and the organisations that asked and the plan's followers are told.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import {
  debateRequests,
  follows,
  notifications,
  organisations,
  plans,
  publicDebates,
  staffRoles,
  users,
} from '#db/schema.ts'
import { acceptsRecommendations, registrationNumber } from '~/domain/consultation'
import { recordAudit } from '~/models/audit.server'
import type { Plan } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

export type DebateRequest = typeof debateRequests.$inferSelect
export type PublicDebate = typeof publicDebates.$inferSelect

export class DebateError extends Error {
  constructor(public readonly code: 'window_closed' | 'already_requested' | 'not_public') {
    super(code)
  }
}

export function requestDebate(
  plan: Plan,
  input: { organisationId: string; reason: string },
  userId: string,
): DebateRequest {
  if (!acceptsRecommendations(plan, clock.today())) throw new DebateError('window_closed')
  const existing = getDb()
    .select()
    .from(debateRequests)
    .where(and(eq(debateRequests.planId, plan.id), eq(debateRequests.organisationId, input.organisationId)))
    .get()
  if (existing) throw new DebateError('already_requested')
  const id = newId()
  const now = clock.now()
  return getDb().transaction((tx) => {
    const seq = tx
      .update(plans)
      .set({ recommendationSequence: sql`${plans.recommendationSequence} + 1` })
      .where(eq(plans.id, plan.id))
      .returning({ n: plans.recommendationSequence })
      .get()!.n
    const number = registrationNumber(plan.reference, seq)
    tx.insert(debateRequests)
      .values({
        id,
        planId: plan.id,
        organisationId: input.organisationId,
        requestedBy: userId,
        reason: input.reason,
        registrationNumber: number,
        createdAt: now,
      })
      .run()
    recordAudit(tx, {
      actorUserId: userId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.debate_requested',
      after: { organisationId: input.organisationId, registrationNumber: number },
    })
    // The authority's editors and admins are told: the debate is mandatory once requested.
    const editors = tx
      .selectDistinct({ userId: staffRoles.userId })
      .from(staffRoles)
      .where(and(eq(staffRoles.authorityId, plan.authorityId), sql`${staffRoles.role} IN ('editor', 'admin')`))
      .all()
    for (const e of editors) {
      tx.insert(notifications)
        .values({
          id: newId(),
          userId: e.userId,
          kind: 'debate_requested',
          subjectId: id,
          dedupeKey: `debate_requested:${id}:${e.userId}`,
          createdAt: now,
        })
        .onConflictDoNothing()
        .run()
    }
    return tx.select().from(debateRequests).where(eq(debateRequests.id, id)).get()!
  })
}

export type DebateInput = {
  date: string
  time: string
  place: string | null
  onlineUrl: string | null
  notes: string | null
}

/** Schedules a debate; every open request of the plan is answered by it. */
export function scheduleDebate(plan: Plan, input: DebateInput, actorUserId: string): PublicDebate {
  const id = newId()
  const now = clock.now()
  return getDb().transaction((tx) => {
    tx.insert(publicDebates)
      .values({ id, planId: plan.id, ...input, createdBy: actorUserId, createdAt: now })
      .run()
    const open = tx
      .select()
      .from(debateRequests)
      .where(and(eq(debateRequests.planId, plan.id), isNull(debateRequests.debateId)))
      .all()
    tx.update(debateRequests)
      .set({ debateId: id })
      .where(and(eq(debateRequests.planId, plan.id), isNull(debateRequests.debateId)))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.debate_scheduled',
      after: { ...input, answersRequests: open.map((r) => r.registrationNumber) },
    })
    const recipients = new Map<string, string | null>()
    for (const r of open) recipients.set(r.requestedBy, null)
    const followers = tx
      .select({ userId: follows.userId })
      .from(follows)
      .where(and(eq(follows.targetType, 'plan'), eq(follows.targetId, plan.id)))
      .all()
    for (const f of followers) if (!recipients.has(f.userId)) recipients.set(f.userId, 'plan')
    for (const [userId, reason] of recipients) {
      tx.insert(notifications)
        .values({
          id: newId(),
          userId,
          kind: 'debate_scheduled',
          subjectId: id,
          reason,
          dedupeKey: `debate_scheduled:${id}:${userId}`,
          createdAt: now,
        })
        .onConflictDoNothing()
        .run()
    }
    return tx.select().from(publicDebates).where(eq(publicDebates.id, id)).get()!
  })
}

export function cancelDebate(plan: Plan, debate: PublicDebate, actorUserId: string) {
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(publicDebates).set({ cancelledAt: now }).where(eq(publicDebates.id, debate.id)).run()
    // Requests answered by a cancelled debate are open again: a new date must be set.
    tx.update(debateRequests).set({ debateId: null }).where(eq(debateRequests.debateId, debate.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.debate_cancelled',
      before: { date: debate.date, time: debate.time },
    })
  })
}

export function debatesOf(planId: string): PublicDebate[] {
  return getDb()
    .select()
    .from(publicDebates)
    .where(eq(publicDebates.planId, planId))
    .orderBy(asc(publicDebates.date), asc(publicDebates.time))
    .all()
}

export function getDebate(planId: string, debateId: string): PublicDebate | undefined {
  return getDb()
    .select()
    .from(publicDebates)
    .where(and(eq(publicDebates.planId, planId), eq(publicDebates.id, debateId)))
    .get()
}

export function debateRequestsOf(planId: string) {
  return getDb()
    .select({
      id: debateRequests.id,
      registrationNumber: debateRequests.registrationNumber,
      organisationId: debateRequests.organisationId,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      requesterName: users.name,
      reason: debateRequests.reason,
      debateId: debateRequests.debateId,
      createdAt: debateRequests.createdAt,
    })
    .from(debateRequests)
    .innerJoin(organisations, eq(organisations.id, debateRequests.organisationId))
    .innerJoin(users, eq(users.id, debateRequests.requestedBy))
    .where(eq(debateRequests.planId, planId))
    .orderBy(asc(debateRequests.createdAt))
    .all()
}
