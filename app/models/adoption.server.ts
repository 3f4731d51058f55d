/**
 * Adoption: the facts the gate of app/domain/adoption.ts needs, gathered from the plan's
 * recommendations, debates and minutes, and the adoption itself (all or nothing, audited,
 * the adopted version frozen).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  debateRequests,
  minutes,
  minutesParticipants,
  plans,
  planVersions,
  publicDebates,
  recommendations,
} from '#db/schema.ts'
import { adoptionChecklist, canAdopt, type AdoptionFacts, type Condition } from '~/domain/adoption'
import { planPhase } from '~/domain/consultation'
import type { LegalSettings } from '~/domain/legal-settings'
import type { ParticipantCategory } from '~/domain/minutes-rules'
import { recordAudit } from '~/models/audit.server'
import type { Plan } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'

export function adoptionFacts(plan: Plan, today = clock.today()): AdoptionFacts {
  const db = getDb()
  const unanswered = db
    .select({ n: sql<number>`count(*)` })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.planId, plan.id),
        eq(recommendations.status, 'registered'),
        isNull(recommendations.answer),
      ),
    )
    .get()!.n
  const requests = db
    .select({
      registrationNumber: debateRequests.registrationNumber,
      debateId: debateRequests.debateId,
      cancelledAt: publicDebates.cancelledAt,
    })
    .from(debateRequests)
    .leftJoin(publicDebates, eq(publicDebates.id, debateRequests.debateId))
    .where(eq(debateRequests.planId, plan.id))
    .all()
  const planMinutes = db
    .select({ id: minutes.id, kind: minutes.kind, status: minutes.status, debateId: minutes.debateId })
    .from(minutes)
    .where(eq(minutes.planId, plan.id))
    .all()
  const statusOfDebate = (debateId: string) => {
    const of = planMinutes.filter((m) => m.kind === 'public_debate' && m.debateId === debateId)
    if (of.some((m) => m.status === 'approved')) return 'approved' as const
    return of[0]?.status ?? null
  }
  const consultation = planMinutes.filter((m) => m.kind === 'consultation')
  const categories = new Map<string, ParticipantCategory[]>()
  if (consultation.length > 0) {
    for (const p of db
      .select({ minutesId: minutesParticipants.minutesId, category: minutesParticipants.category })
      .from(minutesParticipants)
      .where(
        inArray(
          minutesParticipants.minutesId,
          consultation.map((m) => m.id),
        ),
      )
      .all()) {
      categories.set(p.minutesId, [...(categories.get(p.minutesId) ?? []), p.category])
    }
  }
  return {
    kind: plan.kind,
    phase: planPhase(plan, today),
    closesOn: plan.closesOn,
    earliestAdoptionOn: plan.earliestAdoptionOn,
    unanswered,
    debateRequests: requests.map((r) => ({
      registrationNumber: r.registrationNumber,
      scheduled: r.debateId !== null && r.cancelledAt === null,
      minutesStatus: r.debateId && r.cancelledAt === null ? statusOfDebate(r.debateId) : null,
    })),
    consultationMinutes: consultation.map((m) => ({ status: m.status, categories: categories.get(m.id) ?? [] })),
  }
}

export class AdoptionRefusedError extends Error {
  constructor(public readonly conditions: Condition[]) {
    super('adoption refused')
  }
}

export type AdoptionInput = { decisionNumber: string; decisionDate: string; adoptingBody: string }

/** Adopts the plan if every condition holds; otherwise refuses with the conditions. */
export function adoptPlan(plan: Plan, input: AdoptionInput, settings: LegalSettings, actorUserId: string): void {
  const conditions = adoptionChecklist(adoptionFacts(plan), settings, input.decisionDate)
  if (!canAdopt(conditions) || input.decisionDate > clock.today()) throw new AdoptionRefusedError(conditions)
  const now = clock.now()
  getDb().transaction((tx) => {
    const changed = tx
      .update(plans)
      .set({
        status: 'adopted',
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        adoptingBody: input.adoptingBody,
        adoptedVersionId: plan.currentVersionId,
        adoptedAt: now,
        adoptedBy: actorUserId,
        updatedAt: now,
      })
      .where(and(eq(plans.id, plan.id), sql`${plans.status} IN ('in_consultation', 'consultation_closed')`))
      .run()
    if (changed.changes !== 1) throw new AdoptionRefusedError(conditions)
    if (plan.currentVersionId) {
      tx.update(planVersions).set({ frozenAt: now }).where(eq(planVersions.id, plan.currentVersionId)).run()
    }
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.adopted',
      before: { status: plan.status },
      after: { ...input, versionId: plan.currentVersionId },
    })
  })
}
