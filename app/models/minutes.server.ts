/**
 * Minutes of consultations, public debates and meetings: drafted by staff, shared with the
 * participating organisations for remarks until a date, approved by an editor (then public).
 * Approved minutes are never edited; their follow-up actions still move. Every change is audited.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  minutes,
  minutesActions,
  minutesAttachments,
  minutesParticipants,
  minutesReferences,
  minutesRemarks,
  notifications,
  organisationMembers,
  organisations,
  planSections,
  recommendations,
  users,
} from '#db/schema.ts'
import {
  acceptsRemarks,
  approvalProblems,
  personsOf,
  type MinutesKind,
  type MinutesProblem,
  type ParticipantCategory,
} from '~/domain/minutes-rules'
import { recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type Minutes = typeof minutes.$inferSelect
export type MinutesParticipant = typeof minutesParticipants.$inferSelect
export type MinutesAction = typeof minutesActions.$inferSelect

export type MinutesInput = {
  kind: MinutesKind
  title: string
  date: string
  time: string | null
  place: string | null
  onlineUrl: string | null
  agenda: string
  summary: string
  conclusions: string
  closedReason: string | null
}

export type ParticipantInput = {
  organisationId: string | null
  organisationName: string
  category: ParticipantCategory
  persons: string
}

export class MinutesStateError extends Error {
  constructor(
    public readonly code: 'approved' | 'not_shared' | 'remarks_closed' | 'not_participant' | 'not_draft',
    public readonly problems: MinutesProblem[] = [],
  ) {
    super(code)
  }
}

function audit(
  tx: Tx,
  m: Pick<Minutes, 'id' | 'authorityId'>,
  actorUserId: string | null,
  action: string,
  after?: unknown,
  before?: unknown,
) {
  recordAudit(tx, {
    actorUserId,
    authorityId: m.authorityId,
    entityType: 'minutes',
    entityId: m.id,
    action,
    after,
    before,
  })
}

export function createMinutes(
  authorityId: string,
  link: { planId: string | null; debateId: string | null; meetingId: string | null },
  input: MinutesInput,
  participants: ParticipantInput[],
  actorUserId: string,
): Minutes {
  const id = newId()
  const now = clock.now()
  return getDb().transaction((tx) => {
    tx.insert(minutes)
      .values({ id, authorityId, ...link, ...input, status: 'draft', createdBy: actorUserId, createdAt: now })
      .run()
    for (const p of participants)
      tx.insert(minutesParticipants)
        .values({ minutesId: id, ...p })
        .run()
    audit(tx, { id, authorityId }, actorUserId, 'minutes.created', {
      ...link,
      kind: input.kind,
      title: input.title,
      date: input.date,
    })
    return tx.select().from(minutes).where(eq(minutes.id, id)).get()!
  })
}

export function getMinutes(id: string): Minutes | undefined {
  return getDb().select().from(minutes).where(eq(minutes.id, id)).get()
}

function requireEditable(m: Minutes) {
  if (m.status === 'approved') throw new MinutesStateError('approved')
}

export function updateMinutes(m: Minutes, input: MinutesInput, actorUserId: string) {
  requireEditable(m)
  getDb().transaction((tx) => {
    tx.update(minutes)
      .set({ ...input, updatedAt: clock.now() })
      .where(eq(minutes.id, m.id))
      .run()
    audit(tx, m, actorUserId, 'minutes.updated', input, {
      title: m.title,
      date: m.date,
      place: m.place,
      agenda: m.agenda,
      summary: m.summary,
      conclusions: m.conclusions,
    })
  })
}

export function addParticipant(m: Minutes, p: ParticipantInput, actorUserId: string) {
  requireEditable(m)
  getDb().transaction((tx) => {
    tx.insert(minutesParticipants)
      .values({ minutesId: m.id, ...p })
      .run()
    audit(tx, m, actorUserId, 'minutes.participant_added', { organisation: p.organisationName, category: p.category })
  })
}

export function removeParticipant(m: Minutes, participantId: number, actorUserId: string) {
  requireEditable(m)
  getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(minutesParticipants)
      .where(and(eq(minutesParticipants.id, participantId), eq(minutesParticipants.minutesId, m.id)))
      .get()
    if (!row) return
    tx.delete(minutesParticipants).where(eq(minutesParticipants.id, participantId)).run()
    audit(tx, m, actorUserId, 'minutes.participant_removed', undefined, { organisation: row.organisationName })
  })
}

export function addAction(
  m: Minutes,
  a: { description: string; owner: string; dueOn: string | null },
  actorUserId: string,
) {
  requireEditable(m)
  getDb().transaction((tx) => {
    tx.insert(minutesActions)
      .values({ minutesId: m.id, ...a })
      .run()
    audit(tx, m, actorUserId, 'minutes.action_added', a)
  })
}

/** Follow-up actions move on after approval too. */
export function setActionStatus(m: Minutes, actionId: number, status: 'open' | 'done', actorUserId: string) {
  getDb().transaction((tx) => {
    const res = tx
      .update(minutesActions)
      .set({ status, doneAt: status === 'done' ? clock.now() : null })
      .where(and(eq(minutesActions.id, actionId), eq(minutesActions.minutesId, m.id)))
      .run()
    if (res.changes) audit(tx, m, actorUserId, 'minutes.action_status', { actionId, status })
  })
}

export function addReference(
  m: Minutes,
  ref: { sectionAnchor: string | null; recommendationId: string | null },
  actorUserId: string,
) {
  requireEditable(m)
  getDb().transaction((tx) => {
    tx.insert(minutesReferences)
      .values({ minutesId: m.id, ...ref })
      .run()
    audit(tx, m, actorUserId, 'minutes.reference_added', ref)
  })
}

export function removeReference(m: Minutes, referenceId: number, actorUserId: string) {
  requireEditable(m)
  getDb().transaction((tx) => {
    tx.delete(minutesReferences)
      .where(and(eq(minutesReferences.id, referenceId), eq(minutesReferences.minutesId, m.id)))
      .run()
    audit(tx, m, actorUserId, 'minutes.reference_removed', { referenceId })
  })
}

export function addMinutesAttachment(
  m: Minutes,
  file: { title: string; fileName: string; contentType: string; size: number; sha256: string },
  actorUserId: string,
) {
  const id = newId()
  getDb().transaction((tx) => {
    tx.insert(minutesAttachments)
      .values({ id, minutesId: m.id, ...file, uploadedBy: actorUserId, uploadedAt: clock.now() })
      .run()
    audit(tx, m, actorUserId, 'minutes.attachment_added', { title: file.title, fileName: file.fileName })
  })
  return id
}

export function getMinutesAttachment(minutesId: string, attachmentId: string) {
  return getDb()
    .select()
    .from(minutesAttachments)
    .where(and(eq(minutesAttachments.minutesId, minutesId), eq(minutesAttachments.id, attachmentId)))
    .get()
}

/** The people who may add remarks: active members of the participating organisations. */
function participantMembers(tx: Tx, minutesId: string): string[] {
  return tx
    .selectDistinct({ userId: organisationMembers.userId })
    .from(minutesParticipants)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, minutesParticipants.organisationId))
    .where(and(eq(minutesParticipants.minutesId, minutesId), eq(organisationMembers.status, 'active')))
    .all()
    .map((r) => r.userId)
}

/** Shares the draft with the participating organisations, who may add remarks until `remarksUntil`. */
export function shareMinutes(m: Minutes, remarksUntil: string, actorUserId: string) {
  requireEditable(m)
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(minutes)
      .set({ status: 'shared', sharedAt: now, remarksUntil, updatedAt: now })
      .where(eq(minutes.id, m.id))
      .run()
    audit(tx, m, actorUserId, 'minutes.shared', { remarksUntil })
    for (const userId of participantMembers(tx, m.id)) {
      tx.insert(notifications)
        .values({
          id: newId(),
          userId,
          kind: 'minutes_shared',
          subjectId: m.id,
          dedupeKey: `minutes_shared:${m.id}:${remarksUntil}:${userId}`,
          createdAt: now,
        })
        .onConflictDoNothing()
        .run()
    }
  })
}

/** A member of a participating organisation adds a remark while remarks are open. */
export function addRemark(m: Minutes, input: { organisationId: string; text: string }, userId: string) {
  if (!acceptsRemarks(m, clock.today())) throw new MinutesStateError('remarks_closed')
  getDb().transaction((tx) => {
    const participant = tx
      .select({ id: minutesParticipants.id })
      .from(minutesParticipants)
      .innerJoin(organisationMembers, eq(organisationMembers.organisationId, minutesParticipants.organisationId))
      .where(
        and(
          eq(minutesParticipants.minutesId, m.id),
          eq(minutesParticipants.organisationId, input.organisationId),
          eq(organisationMembers.userId, userId),
          eq(organisationMembers.status, 'active'),
        ),
      )
      .get()
    if (!participant) throw new MinutesStateError('not_participant')
    tx.insert(minutesRemarks)
      .values({ minutesId: m.id, ...input, userId, createdAt: clock.now() })
      .run()
    audit(tx, m, userId, 'minutes.remark_added', { organisationId: input.organisationId })
  })
}

/** The organisations of the minutes the user may write remarks for. */
export function remarkableOrganisations(minutesId: string, userId: string) {
  return getDb()
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(minutesParticipants)
    .innerJoin(organisations, eq(organisations.id, minutesParticipants.organisationId))
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .where(
      and(
        eq(minutesParticipants.minutesId, minutesId),
        eq(organisationMembers.userId, userId),
        eq(organisationMembers.status, 'active'),
      ),
    )
    .all()
}

export function approveMinutes(m: Minutes, actorUserId: string, today = clock.today()) {
  const detail = minutesDetail(m.id)!
  const problems = approvalProblems(
    {
      status: m.status,
      date: m.date,
      summary: m.summary,
      conclusions: m.conclusions,
      participants: detail.participants.map((p) => ({ category: p.category, persons: personsOf(p.persons) })),
    },
    today,
  )
  if (problems.length > 0) throw new MinutesStateError('not_draft', problems)
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.update(minutes)
      .set({ status: 'approved', approvedAt: now, approvedBy: actorUserId, updatedAt: now })
      .where(eq(minutes.id, m.id))
      .run()
    audit(tx, m, actorUserId, 'minutes.approved', { remarks: detail.remarks.length })
  })
}

export function minutesDetail(id: string) {
  const m = getMinutes(id)
  if (!m) return undefined
  const db = getDb()
  return {
    minutes: m,
    participants: db
      .select()
      .from(minutesParticipants)
      .where(eq(minutesParticipants.minutesId, id))
      .orderBy(asc(minutesParticipants.id))
      .all(),
    actions: db
      .select()
      .from(minutesActions)
      .where(eq(minutesActions.minutesId, id))
      .orderBy(asc(minutesActions.id))
      .all(),
    remarks: db
      .select({
        id: minutesRemarks.id,
        text: minutesRemarks.text,
        createdAt: minutesRemarks.createdAt,
        organisationName: organisations.name,
        authorName: users.name,
      })
      .from(minutesRemarks)
      .leftJoin(organisations, eq(organisations.id, minutesRemarks.organisationId))
      .innerJoin(users, eq(users.id, minutesRemarks.userId))
      .where(eq(minutesRemarks.minutesId, id))
      .orderBy(asc(minutesRemarks.id))
      .all(),
    attachments: db
      .select()
      .from(minutesAttachments)
      .where(eq(minutesAttachments.minutesId, id))
      .orderBy(asc(minutesAttachments.uploadedAt))
      .all(),
    references: db
      .select({
        id: minutesReferences.id,
        sectionAnchor: minutesReferences.sectionAnchor,
        recommendationId: minutesReferences.recommendationId,
        registrationNumber: recommendations.registrationNumber,
      })
      .from(minutesReferences)
      .leftJoin(recommendations, eq(recommendations.id, minutesReferences.recommendationId))
      .where(eq(minutesReferences.minutesId, id))
      .orderBy(asc(minutesReferences.id))
      .all(),
  }
}

export type MinutesDetail = NonNullable<ReturnType<typeof minutesDetail>>

/** The minutes of a plan; `approvedOnly` for the public. */
export function minutesOfPlan(planId: string, options: { approvedOnly?: boolean } = {}) {
  const conditions = [eq(minutes.planId, planId)]
  if (options.approvedOnly) conditions.push(eq(minutes.status, 'approved'))
  return getDb()
    .select({
      id: minutes.id,
      kind: minutes.kind,
      title: minutes.title,
      date: minutes.date,
      place: minutes.place,
      onlineUrl: minutes.onlineUrl,
      status: minutes.status,
      debateId: minutes.debateId,
      summary: minutes.summary,
      conclusions: minutes.conclusions,
      remarksUntil: minutes.remarksUntil,
      participants: sql<number>`(SELECT count(*) FROM ${minutesParticipants} p WHERE p.minutes_id = ${minutes.id})`,
    })
    .from(minutes)
    .where(and(...conditions))
    .orderBy(asc(minutes.date))
    .all()
}

/** Participants (with their categories and persons) of several minutes at once. */
export function participantsOf(minutesIds: string[]) {
  if (minutesIds.length === 0) return []
  return getDb().select().from(minutesParticipants).where(inArray(minutesParticipants.minutesId, minutesIds)).all()
}

/** Whether the user is an active member of an organisation that took part. */
export function isParticipantMember(minutesId: string, userId: string): boolean {
  return remarkableOrganisations(minutesId, userId).length > 0
}

/** Sections of the plan's current version, to pick references from. */
export function sectionChoices(versionId: string) {
  return getDb()
    .select({ anchor: planSections.anchor, number: planSections.number, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.versionId, versionId))
    .orderBy(asc(planSections.position))
    .all()
}
