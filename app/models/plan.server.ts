/**
 * Plans, their versions and sections, attachments and publication. Every change is audited in
 * the same transaction; the rules (window, gates, phases) are in app/domain/consultation.ts.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { preparedQuery } from '#db/client.ts'
import {
  authorities,
  follows,
  planAttachments,
  plans,
  planSections,
  planVersions,
  notifications,
  recommendations,
} from '#db/schema.ts'
import {
  checkPublication,
  planPhase,
  planReference,
  type PlanKind,
  type PlanPhase,
  type PlanStatus,
  type PublicStatusFilter,
  type WindowProblem,
} from '~/domain/consultation'
import { readLegalSettings } from '~/domain/legal-settings'
import type { ParsedSection } from '~/domain/plan-parser'
import { recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type Plan = typeof plans.$inferSelect
export type PlanVersion = typeof planVersions.$inferSelect
export type PlanSection = typeof planSections.$inferSelect
export type PlanAttachment = typeof planAttachments.$inferSelect

/** A section as the parser gives it (app/domain/plan-parser.ts). */
export type SectionInput = ParsedSection

export type PlanDetailsInput = {
  kind: PlanKind
  title: string
  year: number
  summary: string
  justification: string
}

function planSearchText(p: Pick<Plan, 'title' | 'summary' | 'justification' | 'reference'>) {
  return [p.reference, p.title, p.summary, p.justification].filter(Boolean).join(' \n ')
}

function sectionSearchText(s: SectionInput) {
  return [s.number, s.heading, s.text].filter(Boolean).join(' \n ')
}

function insertSections(tx: Tx, planId: string, versionId: string, sections: SectionInput[]) {
  sections.forEach((s, position) =>
    tx
      .insert(planSections)
      .values({
        id: newId(),
        versionId,
        planId,
        position,
        anchor: s.anchor,
        number: s.number,
        heading: s.heading,
        level: s.level,
        text: s.text,
        html: s.html,
        searchText: sectionSearchText(s),
      })
      .run(),
  )
}

function nextReference(tx: Tx, authorityId: string, year: number): string {
  const prefix = planReference(year, 0).slice(0, -1)
  const taken = tx
    .select({ reference: plans.reference })
    .from(plans)
    .where(and(eq(plans.authorityId, authorityId), sql`${plans.reference} LIKE ${`${prefix}%`}`))
    .all()
  const highest = taken.reduce((max, r) => Math.max(max, Number(r.reference.slice(prefix.length)) || 0), 0)
  return planReference(year, highest + 1)
}

export function createPlan(
  authorityId: string,
  input: PlanDetailsInput & { sections: SectionInput[]; sourceFileName: string | null },
  actorUserId: string,
): Plan {
  const id = newId()
  const versionId = newId()
  const now = clock.now()
  return getDb().transaction((tx) => {
    const reference = nextReference(tx, authorityId, input.year)
    const row = {
      id,
      authorityId,
      reference,
      kind: input.kind,
      title: input.title,
      year: input.year,
      summary: input.summary,
      justification: input.justification,
      status: 'draft' as const,
      currentVersionId: versionId,
      searchText: '',
      createdBy: actorUserId,
      createdAt: now,
    }
    row.searchText = planSearchText(row)
    tx.insert(plans).values(row).run()
    tx.insert(planVersions)
      .values({
        id: versionId,
        planId: id,
        number: 1,
        sourceFileName: input.sourceFileName,
        createdBy: actorUserId,
        createdAt: now,
      })
      .run()
    insertSections(tx, id, versionId, input.sections)
    recordAudit(tx, {
      actorUserId,
      authorityId,
      entityType: 'plan',
      entityId: id,
      action: 'plan.created',
      after: { reference, kind: input.kind, title: input.title, year: input.year, sections: input.sections.length },
    })
    return tx.select().from(plans).where(eq(plans.id, id)).get()!
  })
}

/** Every page of a plan and every recommendation sent looks the plan up: built once. */
const planById = preparedQuery((db) =>
  db
    .select()
    .from(plans)
    .where(eq(plans.id, sql.placeholder('id')))
    .prepare(),
)

export function getPlan(id: string): Plan | undefined {
  return planById(getDb()).get({ id })
}

export function getVersion(versionId: string): PlanVersion | undefined {
  return getDb().select().from(planVersions).where(eq(planVersions.id, versionId)).get()
}

export function listVersions(planId: string): PlanVersion[] {
  return getDb()
    .select()
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.number))
    .all()
}

export function sectionsOf(versionId: string): PlanSection[] {
  return getDb()
    .select()
    .from(planSections)
    .where(eq(planSections.versionId, versionId))
    .orderBy(asc(planSections.position))
    .all()
}

export function getSection(sectionId: string): PlanSection | undefined {
  return getDb().select().from(planSections).where(eq(planSections.id, sectionId)).get()
}

export function sectionByAnchor(versionId: string, anchor: string): PlanSection | undefined {
  return getDb()
    .select()
    .from(planSections)
    .where(and(eq(planSections.versionId, versionId), eq(planSections.anchor, anchor)))
    .get()
}

export class PlanStateError extends Error {
  constructor(public readonly code: 'not_draft' | 'not_editable' | 'not_closed' | 'already_withdrawn' | 'frozen') {
    super(code)
  }
}

/** Title, kind, year, summary and justification; once published, only before adoption. */
export function updatePlanDetails(plan: Plan, input: PlanDetailsInput, actorUserId: string) {
  if (plan.status === 'adopted' || plan.status === 'withdrawn') throw new PlanStateError('not_editable')
  // The announcement is a legal act: once published, its title and justification stay as announced.
  if (plan.status !== 'draft' && (input.kind !== plan.kind || input.year !== plan.year)) {
    throw new PlanStateError('not_draft')
  }
  const now = clock.now()
  getDb().transaction((tx) => {
    const next = { ...plan, ...input }
    tx.update(plans)
      .set({ ...input, searchText: planSearchText(next), updatedAt: now })
      .where(eq(plans.id, plan.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.updated',
      before: {
        title: plan.title,
        kind: plan.kind,
        year: plan.year,
        summary: plan.summary,
        justification: plan.justification,
      },
      after: input,
    })
  })
}

/**
 * A new version after the consultation (the window has closed): recommendations stay on the
 * version they were written on; the new version becomes the current one.
 */
export function addVersion(
  plan: Plan,
  input: { sections: SectionInput[]; note: string; sourceFileName: string | null },
  actorUserId: string,
  today = clock.today(),
): PlanVersion {
  if (planPhase(plan, today) !== 'closed') throw new PlanStateError('not_closed')
  const id = newId()
  const now = clock.now()
  return getDb().transaction((tx) => {
    const last = tx
      .select({ n: sql<number>`max(${planVersions.number})` })
      .from(planVersions)
      .where(eq(planVersions.planId, plan.id))
      .get()
    const number = (last?.n ?? 0) + 1
    tx.insert(planVersions)
      .values({
        id,
        planId: plan.id,
        number,
        note: input.note,
        sourceFileName: input.sourceFileName,
        createdBy: actorUserId,
        createdAt: now,
      })
      .run()
    insertSections(tx, plan.id, id, input.sections)
    tx.update(plans).set({ currentVersionId: id, updatedAt: now }).where(eq(plans.id, plan.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.version_added',
      after: { number, note: input.note, sections: input.sections.length },
    })
    return tx.select().from(planVersions).where(eq(planVersions.id, id)).get()!
  })
}

export class PublicationRefusedError extends Error {
  constructor(public readonly problems: WindowProblem[]) {
    super('publication refused')
  }
}

/**
 * Publishes a draft for consultation: checks the window against the authority's legal
 * settings, freezes the version, records the earliest adoption date and tells the followers
 * (in the same transaction: the notifications are written with the change).
 */
export function publishPlan(
  plan: Plan,
  input: { opensOn: string; closesOn: string },
  actorUserId: string,
  today = clock.today(),
): Plan {
  if (plan.status !== 'draft') throw new PlanStateError('not_draft')
  const authority = getDb().select().from(authorities).where(eq(authorities.id, plan.authorityId)).get()!
  const check = checkPublication({ publishedOn: today, ...input }, readLegalSettings(authority.legalSettings))
  if (check.problems.length > 0) throw new PublicationRefusedError(check.problems)
  const now = clock.now()
  return getDb().transaction((tx) => {
    tx.update(plans)
      .set({
        status: 'in_consultation',
        publishedOn: today,
        publishedAt: now,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        earliestAdoptionOn: check.earliestAdoptionOn,
        updatedAt: now,
      })
      .where(eq(plans.id, plan.id))
      .run()
    if (plan.currentVersionId) {
      tx.update(planVersions).set({ frozenAt: now }).where(eq(planVersions.id, plan.currentVersionId)).run()
    }
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.published',
      after: { publishedOn: today, ...input, earliestAdoptionOn: check.earliestAdoptionOn },
    })
    notifyFollowers(tx, { ...plan, status: 'in_consultation' }, 'consultation_opened')
    return tx.select().from(plans).where(eq(plans.id, plan.id)).get()!
  })
}

/** Writes one notification per follower of the plan, its authority or its kind (once each). */
export function notifyFollowers(tx: Tx, plan: Plan, kind: 'consultation_opened' | 'consultation_closing') {
  const now = clock.now()
  const reasonOrder = sql`CASE ${follows.targetType} WHEN 'plan' THEN 0 WHEN 'authority' THEN 1 ELSE 2 END`
  const followers = tx
    .select({ userId: follows.userId, reason: follows.targetType })
    .from(follows)
    .where(
      sql`(${follows.targetType} = 'plan' AND ${follows.targetId} = ${plan.id})
        OR (${follows.targetType} = 'authority' AND ${follows.targetId} = ${plan.authorityId})
        OR (${follows.targetType} = 'plan_kind' AND ${follows.targetId} = ${plan.kind})`,
    )
    .orderBy(reasonOrder)
    .all()
  const seen = new Set<string>()
  const rows: Array<typeof notifications.$inferInsert> = []
  for (const f of followers) {
    if (seen.has(f.userId)) continue
    seen.add(f.userId)
    rows.push({
      id: newId(),
      userId: f.userId,
      kind,
      subjectId: plan.id,
      reason: f.reason,
      dedupeKey: `${kind}:${plan.id}:${f.userId}`,
      createdAt: now,
    })
  }
  // A few hundred rows per statement: ten thousand followers in a fraction of a second.
  for (let i = 0; i < rows.length; i += 500) {
    tx.insert(notifications)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .run()
  }
  return seen.size
}

/** Withdraws a plan from any state, with a public reason. */
export function withdrawPlan(plan: Plan, reason: string, actorUserId: string) {
  if (plan.status === 'withdrawn') throw new PlanStateError('already_withdrawn')
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(plans)
      .set({ status: 'withdrawn', withdrawnReason: reason, withdrawnAt: now, updatedAt: now })
      .where(eq(plans.id, plan.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.withdrawn',
      before: { status: plan.status },
      after: { reason },
    })
  })
}

/** Deletes a draft nobody outside the authority has seen. */
export function deleteDraft(plan: Plan, actorUserId: string) {
  if (plan.status !== 'draft') throw new PlanStateError('not_draft')
  getDb().transaction((tx) => {
    tx.delete(plans).where(eq(plans.id, plan.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.deleted',
      before: { reference: plan.reference, title: plan.title },
    })
  })
}

/**
 * The worker's daily pass: consultations whose last day has passed become closed, and
 * followers hear three days before the end. Returns what it did.
 */
export function advanceConsultations(today = clock.today()): { closed: number; closingNotices: number } {
  const db = getDb()
  const now = clock.now()
  let closed = 0
  let closingNotices = 0
  // Immediate: it reads then writes, and other processes may run the same pass.
  db.transaction(
    (tx) => {
      const ending = tx
        .select()
        .from(plans)
        .where(and(eq(plans.status, 'in_consultation'), sql`${plans.closesOn} < ${today}`))
        .all()
      for (const plan of ending) {
        tx.update(plans).set({ status: 'consultation_closed', updatedAt: now }).where(eq(plans.id, plan.id)).run()
        recordAudit(tx, {
          actorUserId: null,
          authorityId: plan.authorityId,
          entityType: 'plan',
          entityId: plan.id,
          action: 'plan.consultation_closed',
          after: { closesOn: plan.closesOn },
        })
        closed += 1
      }
      const closingSoon = tx
        .select()
        .from(plans)
        .where(
          and(
            eq(plans.status, 'in_consultation'),
            isNull(plans.closingNoticeSentAt),
            sql`${plans.opensOn} <= ${today}`,
            sql`${plans.closesOn} >= ${today}`,
            sql`julianday(${plans.closesOn}) - julianday(${today}) <= 2`,
          ),
        )
        .all()
      for (const plan of closingSoon) {
        tx.update(plans).set({ closingNoticeSentAt: now }).where(eq(plans.id, plan.id)).run()
        notifyFollowers(tx, plan, 'consultation_closing')
        closingNotices += 1
      }
    },
    { behavior: 'immediate' },
  )
  return { closed, closingNotices }
}

export type PlanListItem = Pick<
  Plan,
  | 'id'
  | 'reference'
  | 'kind'
  | 'title'
  | 'year'
  | 'status'
  | 'summary'
  | 'publishedOn'
  | 'opensOn'
  | 'closesOn'
  | 'earliestAdoptionOn'
> & { authorityName: string; authoritySlug: string; county: string; recommendationCount: number; phase: PlanPhase }

export type ConsultationFilters = {
  authorityId?: string
  county?: string
  kind?: PlanKind
  status?: PublicStatusFilter
  year?: number
}

function statusCondition(status: PublicStatusFilter, today: string): SQL {
  switch (status) {
    case 'open':
      return sql`${plans.status} = 'in_consultation' AND ${plans.closesOn} >= ${today}`
    case 'closing_soon':
      return sql`${plans.status} = 'in_consultation' AND ${plans.opensOn} <= ${today} AND ${plans.closesOn} >= ${today} AND julianday(${plans.closesOn}) - julianday(${today}) <= 7`
    case 'closed':
      return sql`(${plans.status} = 'consultation_closed' OR (${plans.status} = 'in_consultation' AND ${plans.closesOn} < ${today}))`
    case 'adopted':
      return sql`${plans.status} = 'adopted'`
    case 'withdrawn':
      return sql`${plans.status} = 'withdrawn' AND ${plans.publishedOn} IS NOT NULL`
  }
}

const visibleCount = sql<number>`(SELECT count(*) FROM ${recommendations} r WHERE r.plan_id = ${plans.id} AND r.status = 'registered')`

/** Published plans across every authority (drafts never), newest first, with filters. */
export function listConsultations(
  filters: ConsultationFilters,
  options: { today?: string; limit?: number; offset?: number } = {},
): { items: PlanListItem[]; total: number } {
  const today = options.today ?? clock.today()
  const conditions: SQL[] = [sql`${plans.publishedOn} IS NOT NULL`]
  if (filters.authorityId) conditions.push(eq(plans.authorityId, filters.authorityId))
  if (filters.county) conditions.push(eq(authorities.county, filters.county))
  if (filters.kind) conditions.push(eq(plans.kind, filters.kind))
  if (filters.year) conditions.push(eq(plans.year, filters.year))
  if (filters.status) conditions.push(statusCondition(filters.status, today))
  const where = and(...conditions)
  const db = getDb()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(plans)
    .innerJoin(authorities, eq(authorities.id, plans.authorityId))
    .where(where)
    .get()!.n
  const rows = db
    .select({
      id: plans.id,
      reference: plans.reference,
      kind: plans.kind,
      title: plans.title,
      year: plans.year,
      status: plans.status,
      summary: plans.summary,
      publishedOn: plans.publishedOn,
      opensOn: plans.opensOn,
      closesOn: plans.closesOn,
      earliestAdoptionOn: plans.earliestAdoptionOn,
      authorityName: authorities.name,
      authoritySlug: authorities.slug,
      county: authorities.county,
      recommendationCount: visibleCount,
    })
    .from(plans)
    .innerJoin(authorities, eq(authorities.id, plans.authorityId))
    .where(where)
    // Open consultations first (the soonest to close on top), then the rest by publication.
    .orderBy(
      sql`CASE WHEN ${plans.status} = 'in_consultation' AND ${plans.closesOn} >= ${today} THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${plans.status} = 'in_consultation' AND ${plans.closesOn} >= ${today} THEN ${plans.closesOn} END`,
      desc(plans.publishedAt),
    )
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .all()
  return { items: rows.map((r) => ({ ...r, phase: planPhase(r, today) })), total }
}

/** Every plan of an authority for its staff, drafts included. */
export function listPlansOfAuthority(authorityId: string, today = clock.today()) {
  return getDb()
    .select({
      id: plans.id,
      reference: plans.reference,
      kind: plans.kind,
      title: plans.title,
      year: plans.year,
      status: plans.status,
      opensOn: plans.opensOn,
      closesOn: plans.closesOn,
      recommendationCount: visibleCount,
      unanswered: sql<number>`(SELECT count(*) FROM ${recommendations} r WHERE r.plan_id = ${plans.id} AND r.status = 'registered' AND r.answer IS NULL)`,
    })
    .from(plans)
    .where(eq(plans.authorityId, authorityId))
    .orderBy(desc(plans.createdAt))
    .all()
    .map((r) => ({ ...r, phase: planPhase(r, today) }))
}

/** Counties with at least one published plan, for the list's filter. */
export function countiesWithConsultations(): string[] {
  return getDb()
    .selectDistinct({ county: authorities.county })
    .from(plans)
    .innerJoin(authorities, eq(authorities.id, plans.authorityId))
    .where(sql`${plans.publishedOn} IS NOT NULL`)
    .orderBy(asc(authorities.county))
    .all()
    .map((r) => r.county)
}

export function yearsWithConsultations(): number[] {
  return getDb()
    .selectDistinct({ year: plans.year })
    .from(plans)
    .where(sql`${plans.publishedOn} IS NOT NULL`)
    .orderBy(desc(plans.year))
    .all()
    .map((r) => r.year)
}

// --- attachments -----------------------------------------------------------------------------

export function listAttachments(planId: string): PlanAttachment[] {
  return getDb()
    .select()
    .from(planAttachments)
    .where(eq(planAttachments.planId, planId))
    .orderBy(asc(planAttachments.uploadedAt))
    .all()
}

export function addAttachment(
  plan: Plan,
  file: { title: string; fileName: string; contentType: string; size: number; sha256: string },
  actorUserId: string,
): string {
  const id = newId()
  getDb().transaction((tx) => {
    tx.insert(planAttachments)
      .values({ id, planId: plan.id, ...file, uploadedBy: actorUserId, uploadedAt: clock.now() })
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'plan',
      entityId: plan.id,
      action: 'plan.attachment_added',
      after: { title: file.title, fileName: file.fileName, size: file.size },
    })
  })
  return id
}

export function getAttachment(planId: string, attachmentId: string): PlanAttachment | undefined {
  return getDb()
    .select()
    .from(planAttachments)
    .where(and(eq(planAttachments.planId, planId), eq(planAttachments.id, attachmentId)))
    .get()
}

// --- counts for the plan page --------------------------------------------------------------------

/** Registered recommendations per section of the plan (any version), keyed by section anchor ('' = whole plan). */
export function recommendationCountsByAnchor(planId: string): Map<string, { total: number; answered: number }> {
  const rows = getDb()
    .select({
      anchor: sql<string>`coalesce(${planSections.anchor}, '')`,
      total: sql<number>`count(*)`,
      answered: sql<number>`sum(CASE WHEN ${recommendations.answer} IS NOT NULL THEN 1 ELSE 0 END)`,
    })
    .from(recommendations)
    .leftJoin(planSections, eq(planSections.id, recommendations.sectionId))
    .where(and(eq(recommendations.planId, planId), eq(recommendations.status, 'registered')))
    .groupBy(sql`coalesce(${planSections.anchor}, '')`)
    .all()
  return new Map(rows.map((r) => [r.anchor, { total: r.total, answered: r.answered }]))
}

export type { PlanStatus }
