/**
 * Written recommendations on a plan: registered with a number and a receipt, edited (earlier
 * wordings kept) or withdrawn while the window is open, hidden by moderation with a public
 * reason, answered by the authority. Nothing is ever deleted. Every change is audited and its
 * notification written in the same transaction.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { preparedQuery } from '#db/client.ts'
import {
  abuseReports,
  authorities,
  notifications,
  organisations,
  plans,
  planSections,
  recommendationRevisions,
  recommendations,
  users,
} from '#db/schema.ts'
import { textFingerprint } from '~/domain/campaign-groups'
import {
  acceptsRecommendations,
  answerNeedsJustification,
  publicAuthorLabel,
  RECOMMENDATIONS_PER_HOUR,
  registrationNumber,
  type Answer,
} from '~/domain/consultation'
import { recordAudit } from '~/models/audit.server'
import type { ReportRecommendation } from '~/domain/recommendation-report'
import type { Plan } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type Recommendation = typeof recommendations.$inferSelect

export type RecommendationInput = {
  sectionId: string | null
  organisationId: string | null
  text: string
  proposedWording: string | null
  attachment: { name: string; type: string; size: number; sha256: string } | null
}

export class RecommendationError extends Error {
  constructor(
    public readonly code:
      | 'window_closed'
      | 'rate_limited'
      | 'not_author'
      | 'withdrawn'
      | 'justification_required'
      | 'section_not_in_version'
      | 'answered',
  ) {
    super(code)
  }
}

function searchTextOf(r: Pick<Recommendation, 'registrationNumber' | 'text' | 'proposedWording'>) {
  return [r.registrationNumber, r.text, r.proposedWording].filter(Boolean).join(' \n ')
}

function notify(
  tx: Tx,
  input: {
    userId: string
    kind: 'recommendation_receipt' | 'recommendation_answered'
    subjectId: string
    dedupeKey: string
    details?: Record<string, string | number | null>
  },
) {
  tx.insert(notifications)
    .values({
      id: newId(),
      userId: input.userId,
      kind: input.kind,
      subjectId: input.subjectId,
      reason: null,
      details: input.details ?? null,
      dedupeKey: input.dedupeKey,
      createdAt: clock.now(),
    })
    .onConflictDoNothing()
    .run()
}

/** How many recommendations the user registered in the last hour (on any plan). */
export function recentSubmissions(userId: string): number {
  const since = new Date(clock.now().getTime() - 60 * 60_000)
  return submitQueries.recentCount(getDb()).get({ userId, since: since.getTime() })!.n
}

/**
 * The statements of sending a recommendation, built once: under a campaign of thousands an
 * hour, building their SQL again each time cost more than running them.
 */
const submitQueries = {
  recentCount: preparedQuery((db) =>
    db
      .select({ n: count() })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.authorUserId, sql.placeholder('userId')),
          gt(recommendations.submittedAt, sql.placeholder('since')),
        ),
      )
      .prepare(),
  ),
  sectionVersion: preparedQuery((db) =>
    db
      .select({ versionId: planSections.versionId })
      .from(planSections)
      .where(eq(planSections.id, sql.placeholder('id')))
      .prepare(),
  ),
  nextNumber: preparedQuery((db) =>
    db
      .update(plans)
      .set({ recommendationSequence: sql`${plans.recommendationSequence} + 1` })
      .where(eq(plans.id, sql.placeholder('planId')))
      .returning({ n: plans.recommendationSequence })
      .prepare(),
  ),
  byId: preparedQuery((db) =>
    db
      .select()
      .from(recommendations)
      .where(eq(recommendations.id, sql.placeholder('id')))
      .prepare(),
  ),
}

/**
 * Registers a recommendation on the plan's current version: a number from the plan's sequence,
 * a receipt notification, an audit event, all or nothing.
 */
export function submitRecommendation(plan: Plan, input: RecommendationInput, authorUserId: string): Recommendation {
  const today = clock.today()
  if (!acceptsRecommendations(plan, today)) throw new RecommendationError('window_closed')
  if (recentSubmissions(authorUserId) >= RECOMMENDATIONS_PER_HOUR) throw new RecommendationError('rate_limited')
  const versionId = plan.currentVersionId!
  const id = newId()
  const now = clock.now()
  const db = getDb()
  return db.transaction((tx) => {
    // The prepared statements run on the same connection, inside this transaction.
    if (input.sectionId) {
      const section = submitQueries.sectionVersion(db).get({ id: input.sectionId })
      if (!section || section.versionId !== versionId) throw new RecommendationError('section_not_in_version')
    }
    const seq = submitQueries.nextNumber(db).get({ planId: plan.id })!.n
    const number = registrationNumber(plan.reference, seq)
    const row = {
      id,
      planId: plan.id,
      versionId,
      sectionId: input.sectionId,
      registrationNumber: number,
      authorUserId,
      organisationId: input.organisationId,
      text: input.text,
      proposedWording: input.proposedWording,
      attachmentName: input.attachment?.name ?? null,
      attachmentType: input.attachment?.type ?? null,
      attachmentSize: input.attachment?.size ?? null,
      attachmentSha256: input.attachment?.sha256 ?? null,
      fingerprint: textFingerprint(input.text),
      submittedAt: now,
      submittedOn: today,
      searchText: '',
    }
    row.searchText = searchTextOf(row)
    tx.insert(recommendations).values(row).run()
    recordAudit(tx, {
      actorUserId: authorUserId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: id,
      action: 'recommendation.registered',
      after: {
        planId: plan.id,
        registrationNumber: number,
        sectionId: input.sectionId,
        organisationId: input.organisationId,
      },
    })
    notify(tx, {
      userId: authorUserId,
      kind: 'recommendation_receipt',
      subjectId: id,
      dedupeKey: `receipt:${id}:registered`,
      details: { receipt: 'registered' },
    })
    return submitQueries.byId(db).get({ id })!
  })
}

export function getRecommendation(id: string): Recommendation | undefined {
  return getDb().select().from(recommendations).where(eq(recommendations.id, id)).get()
}

function requireOpenAndOwn(plan: Plan, rec: Recommendation, userId: string) {
  if (rec.authorUserId !== userId) throw new RecommendationError('not_author')
  if (rec.status === 'withdrawn') throw new RecommendationError('withdrawn')
  if (!acceptsRecommendations(plan, clock.today())) throw new RecommendationError('window_closed')
  if (rec.answer) throw new RecommendationError('answered')
}

/** The author edits the wording while the window is open; the earlier wording is kept. */
export function editRecommendation(
  plan: Plan,
  rec: Recommendation,
  input: { text: string; proposedWording: string | null },
  userId: string,
) {
  requireOpenAndOwn(plan, rec, userId)
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.insert(recommendationRevisions)
      .values({ recommendationId: rec.id, text: rec.text, proposedWording: rec.proposedWording, replacedAt: now })
      .run()
    const next = { ...rec, ...input }
    tx.update(recommendations)
      .set({
        ...input,
        fingerprint: textFingerprint(input.text),
        searchText: rec.hiddenAt ? '' : searchTextOf(next),
        updatedAt: now,
      })
      .where(eq(recommendations.id, rec.id))
      .run()
    recordAudit(tx, {
      actorUserId: userId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: rec.id,
      action: 'recommendation.edited',
      before: { text: rec.text, proposedWording: rec.proposedWording },
      after: input,
    })
    notify(tx, {
      userId,
      kind: 'recommendation_receipt',
      subjectId: rec.id,
      dedupeKey: `receipt:${rec.id}:edited:${now.getTime()}`,
      details: { receipt: 'edited' },
    })
  })
}

/** Withdrawn by its author: it stays registered (and counted) as withdrawn. */
export function withdrawRecommendation(plan: Plan, rec: Recommendation, userId: string) {
  requireOpenAndOwn(plan, rec, userId)
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(recommendations)
      .set({ status: 'withdrawn', withdrawnAt: now, searchText: '', updatedAt: now })
      .where(eq(recommendations.id, rec.id))
      .run()
    recordAudit(tx, {
      actorUserId: userId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: rec.id,
      action: 'recommendation.withdrawn',
    })
    notify(tx, {
      userId,
      kind: 'recommendation_receipt',
      subjectId: rec.id,
      dedupeKey: `receipt:${rec.id}:withdrawn`,
      details: { receipt: 'withdrawn' },
    })
  })
}

export function revisionsOf(recommendationId: string) {
  return getDb()
    .select()
    .from(recommendationRevisions)
    .where(eq(recommendationRevisions.recommendationId, recommendationId))
    .orderBy(asc(recommendationRevisions.id))
    .all()
}

// --- moderation --------------------------------------------------------------------------------

export function hideRecommendation(plan: Plan, rec: Recommendation, reason: string, actorUserId: string) {
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(recommendations)
      .set({ hiddenAt: now, hiddenReason: reason, hiddenBy: actorUserId, searchText: '', updatedAt: now })
      .where(eq(recommendations.id, rec.id))
      .run()
    tx.update(abuseReports)
      .set({ resolvedAt: now, resolvedBy: actorUserId })
      .where(and(eq(abuseReports.recommendationId, rec.id), isNull(abuseReports.resolvedAt)))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: rec.id,
      action: 'recommendation.hidden',
      after: { reason },
    })
  })
}

export function unhideRecommendation(plan: Plan, rec: Recommendation, actorUserId: string) {
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(recommendations)
      .set({
        hiddenAt: null,
        hiddenReason: null,
        hiddenBy: null,
        searchText: rec.status === 'registered' ? searchTextOf(rec) : '',
        updatedAt: now,
      })
      .where(eq(recommendations.id, rec.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: rec.id,
      action: 'recommendation.unhidden',
      before: { reason: rec.hiddenReason },
    })
  })
}

/** A signed-in user reports abuse; one report per person and recommendation. */
export function reportAbuse(rec: Recommendation, reporterUserId: string, reason: string): 'reported' | 'already' {
  const res = getDb()
    .insert(abuseReports)
    .values({ id: newId(), recommendationId: rec.id, reporterUserId, reason, createdAt: clock.now() })
    .onConflictDoNothing()
    .run()
  return res.changes === 1 ? 'reported' : 'already'
}

export function dismissReports(plan: Plan, rec: Recommendation, actorUserId: string) {
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(abuseReports)
      .set({ resolvedAt: now, resolvedBy: actorUserId })
      .where(and(eq(abuseReports.recommendationId, rec.id), isNull(abuseReports.resolvedAt)))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: plan.authorityId,
      entityType: 'recommendation',
      entityId: rec.id,
      action: 'recommendation.reports_dismissed',
    })
  })
}

// --- answers -----------------------------------------------------------------------------------

/**
 * Answers one or several recommendations of the plan at once (a campaign group): the same
 * answer and justification for each, each author told. Withdrawn ones are skipped.
 */
export function answerRecommendations(
  plan: Plan,
  ids: string[],
  input: { answer: Answer; justification: string | null },
  actorUserId: string,
): number {
  const justification = input.justification?.trim() || null
  if (answerNeedsJustification(input.answer) && !justification) throw new RecommendationError('justification_required')
  const now = clock.now()
  return getDb().transaction((tx) => {
    const targets = tx
      .select()
      .from(recommendations)
      .where(
        and(
          eq(recommendations.planId, plan.id),
          inArray(recommendations.id, ids),
          eq(recommendations.status, 'registered'),
        ),
      )
      .all()
    for (const rec of targets) {
      tx.update(recommendations)
        .set({
          answer: input.answer,
          answerJustification: justification,
          answeredAt: now,
          answeredBy: actorUserId,
          updatedAt: now,
        })
        .where(eq(recommendations.id, rec.id))
        .run()
      recordAudit(tx, {
        actorUserId,
        authorityId: plan.authorityId,
        entityType: 'recommendation',
        entityId: rec.id,
        action: rec.answer ? 'recommendation.answer_changed' : 'recommendation.answered',
        before: rec.answer ? { answer: rec.answer, justification: rec.answerJustification } : undefined,
        after: { answer: input.answer, justification },
      })
      notify(tx, {
        userId: rec.authorUserId,
        kind: 'recommendation_answered',
        subjectId: rec.id,
        dedupeKey: `answered:${rec.id}:${now.getTime()}`,
      })
    }
    return targets.length
  })
}

// --- reading -----------------------------------------------------------------------------------

export type RecommendationView = {
  id: string
  registrationNumber: string
  sectionId: string | null
  sectionAnchor: string | null
  sectionNumber: string | null
  sectionHeading: string | null
  sectionText: string | null
  sectionPosition: number | null
  versionId: string
  authorUserId: string
  authorLabel: string
  organisationName: string | null
  organisationSlug: string | null
  text: string
  proposedWording: string | null
  attachmentName: string | null
  attachmentSize: number | null
  status: Recommendation['status']
  hidden: boolean
  hiddenReason: string | null
  answer: Answer | null
  answerJustification: string | null
  answeredAt: Date | null
  submittedAt: Date
  submittedOn: string
  updatedAt: Date | null
  fingerprint: string
  openReports: number
}

function viewQuery() {
  return getDb()
    .select({
      id: recommendations.id,
      registrationNumber: recommendations.registrationNumber,
      sectionId: recommendations.sectionId,
      sectionAnchor: planSections.anchor,
      sectionNumber: planSections.number,
      sectionHeading: planSections.heading,
      sectionText: planSections.text,
      sectionPosition: planSections.position,
      versionId: recommendations.versionId,
      authorUserId: recommendations.authorUserId,
      personName: users.name,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      text: recommendations.text,
      proposedWording: recommendations.proposedWording,
      attachmentName: recommendations.attachmentName,
      attachmentSize: recommendations.attachmentSize,
      status: recommendations.status,
      hiddenAt: recommendations.hiddenAt,
      hiddenReason: recommendations.hiddenReason,
      answer: recommendations.answer,
      answerJustification: recommendations.answerJustification,
      answeredAt: recommendations.answeredAt,
      submittedAt: recommendations.submittedAt,
      submittedOn: recommendations.submittedOn,
      updatedAt: recommendations.updatedAt,
      fingerprint: recommendations.fingerprint,
      openReports: sql<number>`(SELECT count(*) FROM ${abuseReports} a WHERE a.recommendation_id = ${recommendations.id} AND a.resolved_at IS NULL)`,
    })
    .from(recommendations)
    .innerJoin(users, eq(users.id, recommendations.authorUserId))
    .leftJoin(organisations, eq(organisations.id, recommendations.organisationId))
    .leftJoin(planSections, eq(planSections.id, recommendations.sectionId))
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['all']>>[number]

function toView(r: ViewRow): RecommendationView {
  const { personName, hiddenAt, ...rest } = r
  return {
    ...rest,
    authorLabel: publicAuthorLabel({ organisationName: r.organisationName, personName }),
    hidden: hiddenAt !== null,
  }
}

/** What the public may read of a recommendation: hidden text is replaced by the reason. */
export function publicView(v: RecommendationView): RecommendationView {
  if (!v.hidden) return v
  return { ...v, text: '', proposedWording: null, attachmentName: null, attachmentSize: null }
}

export type SectionFilter = { sectionAnchor: string | null } | 'all'

/** A page of a plan's recommendations on a section (by anchor, any version) or on the whole plan. */
export function listRecommendations(
  planId: string,
  filter: SectionFilter,
  options: {
    page?: number
    pageSize?: number
    includeWithdrawn?: boolean
    only?: 'unanswered' | 'answered' | 'hidden' | 'reported'
    fingerprint?: string
  } = {},
): { items: RecommendationView[]; total: number } {
  const conditions: SQL[] = [eq(recommendations.planId, planId)]
  if (filter !== 'all') {
    conditions.push(
      filter.sectionAnchor === null ? isNull(recommendations.sectionId) : eq(planSections.anchor, filter.sectionAnchor),
    )
  }
  if (!options.includeWithdrawn) conditions.push(eq(recommendations.status, 'registered'))
  if (options.only === 'unanswered')
    conditions.push(isNull(recommendations.answer), eq(recommendations.status, 'registered'))
  if (options.only === 'answered') conditions.push(isNotNull(recommendations.answer))
  if (options.only === 'hidden') conditions.push(isNotNull(recommendations.hiddenAt))
  if (options.only === 'reported') {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${abuseReports} a WHERE a.recommendation_id = ${recommendations.id} AND a.resolved_at IS NULL)`,
    )
  }
  if (options.fingerprint) conditions.push(eq(recommendations.fingerprint, options.fingerprint))
  const where = and(...conditions)
  const pageSize = options.pageSize ?? 20
  const page = Math.max(1, options.page ?? 1)
  const total = getDb()
    .select({ n: count() })
    .from(recommendations)
    .leftJoin(planSections, eq(planSections.id, recommendations.sectionId))
    .where(where)
    .get()!.n
  const rows = viewQuery()
    .where(where)
    .orderBy(asc(recommendations.submittedAt), asc(recommendations.registrationNumber))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
  return { items: rows.map(toView), total }
}

export function getRecommendationView(id: string): RecommendationView | undefined {
  const row = viewQuery().where(eq(recommendations.id, id)).get()
  return row ? toView(row) : undefined
}

/** Every registered recommendation of a plan (for the report and the campaign groups). */
export function allRecommendations(planId: string, options: { includeWithdrawn?: boolean } = {}): RecommendationView[] {
  const conditions: SQL[] = [eq(recommendations.planId, planId)]
  if (!options.includeWithdrawn) conditions.push(eq(recommendations.status, 'registered'))
  return viewQuery()
    .where(and(...conditions))
    .orderBy(asc(planSections.position), asc(recommendations.submittedAt))
    .all()
    .map(toView)
}

/** The texts of a plan's registered recommendations, for grouping campaigns. */
export function recommendationTexts(planId: string): Array<{ id: string; text: string }> {
  return getDb()
    .select({ id: recommendations.id, text: recommendations.text })
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), eq(recommendations.status, 'registered')))
    .all()
}

/** A user's own recommendations, newest first, with their plan. */
export function recommendationsOfUser(userId: string) {
  return getDb()
    .select({
      id: recommendations.id,
      registrationNumber: recommendations.registrationNumber,
      planId: plans.id,
      planTitle: plans.title,
      authoritySlug: authorities.slug,
      status: recommendations.status,
      answer: recommendations.answer,
      hidden: sql<boolean>`${recommendations.hiddenAt} IS NOT NULL`,
      submittedOn: recommendations.submittedOn,
      text: recommendations.text,
    })
    .from(recommendations)
    .innerJoin(plans, eq(plans.id, recommendations.planId))
    .innerJoin(authorities, eq(authorities.id, plans.authorityId))
    .where(eq(recommendations.authorUserId, userId))
    .orderBy(desc(recommendations.submittedAt))
    .limit(200)
    .all()
}

/** Recommendations of the plan by this user (to show "yours" on the plan page). */
export function myRecommendationIds(planId: string, userId: string): Set<string> {
  return new Set(
    getDb()
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(and(eq(recommendations.planId, planId), eq(recommendations.authorUserId, userId)))
      .all()
      .map((r) => r.id),
  )
}

export function countByAnswer(planId: string) {
  const rows = getDb()
    .select({ answer: recommendations.answer, n: count() })
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), eq(recommendations.status, 'registered')))
    .groupBy(recommendations.answer)
    .all()
  const result = { accepted: 0, partially_accepted: 0, rejected: 0, not_applicable: 0, unanswered: 0, total: 0 }
  for (const r of rows) {
    result[r.answer ?? 'unanswered'] += r.n
    result.total += r.n
  }
  return result
}

export function openReportsCount(planId: string): number {
  return getDb()
    .select({ n: count() })
    .from(abuseReports)
    .innerJoin(recommendations, eq(recommendations.id, abuseReports.recommendationId))
    .where(and(eq(recommendations.planId, planId), isNull(abuseReports.resolvedAt)))
    .get()!.n
}

/** The rows of the report of recommendations (Law 52/2003): every registered one, hidden ones masked. */
export function reportRows(planId: string): ReportRecommendation[] {
  return allRecommendations(planId).map((r) => ({
    registrationNumber: r.registrationNumber,
    submittedOn: r.submittedOn,
    authorLabel: r.authorLabel,
    sectionNumber: r.sectionId ? r.sectionNumber : null,
    sectionHeading: r.sectionId ? r.sectionHeading : null,
    sectionOrder: r.sectionId ? r.sectionPosition : null,
    text: r.hidden ? '' : r.text,
    proposedWording: r.hidden ? null : r.proposedWording,
    answer: r.answer,
    justification: r.answerJustification,
    hidden: r.hidden,
    hiddenReason: r.hiddenReason,
  }))
}

export function getRecommendationByNumber(planId: string, registrationNumber: string): Recommendation | undefined {
  return getDb()
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), eq(recommendations.registrationNumber, registrationNumber)))
    .get()
}
