/**
 * Tripartite meetings: planned for one or more service types, invitations by email with an
 * iCalendar request (a stable UID, a SEQUENCE raised at every change, a cancellation when
 * cancelled), answers from the email without logging in, attendance by organisation and group,
 * minutes through the minutes component, reminders two days before, the coordinators' nudge 30
 * days before a semester ends and their reminder of overdue follow-up actions.
 */
import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import {
  authorities,
  meetingAttendance,
  meetingInvitations,
  meetings,
  meetingServiceTypes,
  minutes,
  minutesActions,
  staffRoles,
  users,
} from '#db/schema.ts'
import { addDays } from '~/domain/calendar'
import { calendarAttachment, meetingInvitationIcs, meetingUid } from '~/domain/meeting-ical'
import { acceptsAnswers } from '~/domain/meeting-rules'
import {
  complianceBoard,
  nudgeDate,
  previousSemesters,
  semesterBounds,
  semesterLabel,
  semesterOf,
  type BoardMeeting,
  type TripartiteGroup,
} from '~/domain/semesters'
import { personsOf } from '~/domain/minutes-rules'
import { recordAudit } from '~/models/audit.server'
import { listPartners, serviceTypes } from '~/models/services.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb, type DB } from '~/services/db.server'
import { enqueueEmail, kickDelivery, renderEmail, type RenderedEmail } from '~/services/email.server'
import { newId } from '~/utils/ids.server'
import { signToken, verifyToken } from '~/utils/signed-token.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type Meeting = typeof meetings.$inferSelect
export type Invitation = typeof meetingInvitations.$inferSelect
export type RsvpAnswer = 'accepted' | 'declined' | 'tentative'

export type MeetingInput = {
  title: string
  date: string
  startTime: string
  endTime: string
  place: string | null
  onlineUrl: string | null
  agenda: string
  serviceTypes: string[]
}

function audit(
  tx: Tx,
  m: Pick<Meeting, 'id' | 'authorityId'>,
  actorUserId: string | null,
  action: string,
  after?: unknown,
  before?: unknown,
) {
  recordAudit(tx, {
    actorUserId,
    authorityId: m.authorityId,
    entityType: 'meeting',
    entityId: m.id,
    action,
    after,
    before,
  })
}

export function createMeeting(authorityId: string, input: MeetingInput, actorUserId: string): Meeting {
  const id = newId()
  return getDb().transaction((tx) => {
    const { serviceTypes: types, ...fields } = input
    tx.insert(meetings)
      .values({ id, authorityId, ...fields, createdBy: actorUserId, createdAt: clock.now() })
      .run()
    for (const t of new Set(types)) tx.insert(meetingServiceTypes).values({ meetingId: id, serviceType: t }).run()
    audit(tx, { id, authorityId }, actorUserId, 'meeting.created', input)
    return tx.select().from(meetings).where(eq(meetings.id, id)).get()!
  })
}

export function getMeeting(authorityId: string, id: string): Meeting | undefined {
  return getDb()
    .select()
    .from(meetings)
    .where(and(eq(meetings.authorityId, authorityId), eq(meetings.id, id)))
    .get()
}

export function getMeetingById(id: string): Meeting | undefined {
  return getDb().select().from(meetings).where(eq(meetings.id, id)).get()
}

export function meetingTypes(meetingId: string): string[] {
  return getDb()
    .select({ t: meetingServiceTypes.serviceType })
    .from(meetingServiceTypes)
    .where(eq(meetingServiceTypes.meetingId, meetingId))
    .all()
    .map((r) => r.t)
    .sort()
}

export function invitationsOf(meetingId: string): Invitation[] {
  return getDb()
    .select()
    .from(meetingInvitations)
    .where(eq(meetingInvitations.meetingId, meetingId))
    .orderBy(asc(meetingInvitations.group), asc(meetingInvitations.organisationName))
    .all()
}

export function attendanceOf(meetingId: string) {
  return getDb()
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(meetingAttendance.group), asc(meetingAttendance.id))
    .all()
}

export function minutesOfMeeting(meetingId: string) {
  return getDb().select().from(minutes).where(eq(minutes.meetingId, meetingId)).orderBy(asc(minutes.createdAt)).all()
}

// --- invitations -------------------------------------------------------------------------------------

const RSVP = 'meeting-rsvp'

/** A meeting's public address: the authority's calendar page, at the meeting. */
export function meetingUrl(slug: string, meetingId: string): string {
  return `${getConfig().appUrl}/a/${slug}/meetings#meeting-${meetingId}`
}

export function rsvpToken(invitationId: string): string {
  return signToken(RSVP, invitationId)
}

export function rsvpUrl(slug: string, invitationId: string, answer: RsvpAnswer): string {
  return `${getConfig().appUrl}/a/${slug}/meetings/rsvp?token=${encodeURIComponent(rsvpToken(invitationId))}&answer=${answer}`
}

/** The invitation a signed RSVP link was made for, if genuine. */
export function invitationForToken(token: string | null | undefined): Invitation | undefined {
  const id = verifyToken(RSVP, token)
  if (!id) return undefined
  return getDb().select().from(meetingInvitations).where(eq(meetingInvitations.id, id)).get()
}

/** Records the answer; false when the meeting no longer takes answers (cancelled, or its day passed). */
export function answerInvitation(invitation: Invitation, answer: RsvpAnswer): boolean {
  return getDb().transaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, invitation.meetingId)).get()!
    if (!acceptsAnswers(meeting, clock.today())) return false
    tx.update(meetingInvitations)
      .set({ rsvp: answer, respondedAt: clock.now() })
      .where(eq(meetingInvitations.id, invitation.id))
      .run()
    audit(tx, meeting, null, 'meeting.rsvp', {
      email: invitation.email,
      organisation: invitation.organisationName,
      answer,
    })
    return true
  })
}

export type InviteeInput = {
  partnerId: string | null
  organisationName: string
  group: TripartiteGroup
  name: string
  email: string
}

/** Suggested invitees: the contacts (with an email) of the partners linked to the covered service types. */
export function suggestedInvitees(meeting: Meeting): Array<InviteeInput & { key: string }> {
  const types = new Set(meetingTypes(meeting.id))
  const invited = new Set(invitationsOf(meeting.id).map((i) => i.email.toLowerCase()))
  const out: Array<InviteeInput & { key: string }> = []
  for (const p of listPartners(meeting.authorityId)) {
    if (!p.serviceTypes.some((t) => types.has(t))) continue
    for (const c of p.contacts) {
      if (!c.email || invited.has(c.email.toLowerCase())) continue
      out.push({ key: c.id, partnerId: p.id, organisationName: p.name, group: p.group, name: c.name, email: c.email })
    }
  }
  return out.sort((a, b) => a.group.localeCompare(b.group) || a.organisationName.localeCompare(b.organisationName))
}

type MeetingContext = {
  meeting: Meeting
  authority: typeof authorities.$inferSelect
  types: string[]
  typeNames: Map<string, string>
}

function contextOf(meeting: Meeting): MeetingContext {
  const authority = getDb().select().from(authorities).where(eq(authorities.id, meeting.authorityId)).get()!
  const typeNames = new Map(serviceTypes(meeting.authorityId).map((t) => [t.code, t.names[0] ?? '']))
  return { meeting, authority, types: meetingTypes(meeting.id), typeNames }
}

function ics(
  ctx: MeetingContext,
  invitation: Pick<Invitation, 'id' | 'name' | 'email' | 'rsvp'>,
  method: 'REQUEST' | 'CANCEL',
  sequence: number,
) {
  const m = ctx.meeting
  const content = meetingInvitationIcs({
    uid: meetingUid(m.id),
    sequence,
    method,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    onlineUrl: m.onlineUrl,
    description: [m.agenda, ctx.types.join(', ')].filter(Boolean).join('\n\n'),
    organizer: { name: ctx.authority.name, email: ctx.authority.contactEmail },
    attendee: { name: invitation.name, email: invitation.email, rsvp: invitation.rsvp },
    url: meetingUrl(ctx.authority.slug, m.id),
    stamp: clock.now(),
  })
  return calendarAttachment(content, method)
}

async function renderInvitation(
  ctx: MeetingContext,
  invitation: Invitation,
  kind: 'new' | 'changed',
): Promise<RenderedEmail> {
  const m = ctx.meeting
  const slug = ctx.authority.slug
  return renderEmail(
    'meeting-invitation',
    {
      recipientName: invitation.name,
      organisationName: invitation.organisationName,
      authorityName: ctx.authority.name,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      onlineUrl: m.onlineUrl,
      agenda: m.agenda,
      serviceTypes: ctx.types.map((t) => (ctx.typeNames.get(t) ? `${t} – ${ctx.typeNames.get(t)}` : t)),
      groups: '',
      kind,
      rsvpUrls: {
        accepted: rsvpUrl(slug, invitation.id, 'accepted'),
        declined: rsvpUrl(slug, invitation.id, 'declined'),
        tentative: rsvpUrl(slug, invitation.id, 'tentative'),
      },
      meetingUrl: meetingUrl(slug, m.id),
      authorityEmail: ctx.authority.contactEmail,
    },
    'ro',
  )
}

/** Sends the current version of the meeting to the invitations that have not received it yet. */
async function sendPending(meeting: Meeting, kind: 'new' | 'changed') {
  const ctx = contextOf(meeting)
  const pending = invitationsOf(meeting.id).filter(
    (i) => i.sentSequence === null || i.sentSequence < meeting.icalSequence,
  )
  for (const invitation of pending) {
    const email = await renderInvitation(ctx, invitation, invitation.sentSequence === null ? 'new' : kind)
    getDb().transaction((tx) => {
      const claimed = tx
        .update(meetingInvitations)
        .set({ sentSequence: meeting.icalSequence })
        .where(
          and(
            eq(meetingInvitations.id, invitation.id),
            sql`(${meetingInvitations.sentSequence} IS NULL OR ${meetingInvitations.sentSequence} < ${meeting.icalSequence})`,
          ),
        )
        .run()
      if (claimed.changes !== 1) return
      enqueueEmail(tx, email, {
        to: invitation.email,
        authorityId: meeting.authorityId,
        idempotencyKey: `meeting-invitation-${invitation.id}-${meeting.icalSequence}`,
        attachments: [ics(ctx, invitation, 'REQUEST', meeting.icalSequence)],
      })
    })
  }
  kickDelivery()
  return pending.length
}

/** Invites people (new ones only: an address already invited is skipped) and emails them. */
export async function invite(meeting: Meeting, invitees: InviteeInput[], actorUserId: string): Promise<number> {
  if (meeting.status === 'cancelled') return 0
  const now = clock.now()
  getDb().transaction((tx) => {
    for (const i of invitees) {
      tx.insert(meetingInvitations)
        .values({ id: newId(), meetingId: meeting.id, ...i, email: i.email.trim().toLowerCase(), createdAt: now })
        .onConflictDoNothing()
        .run()
    }
    audit(tx, meeting, actorUserId, 'meeting.invited', {
      invitees: invitees.map((i) => `${i.name} <${i.email}> (${i.organisationName})`),
    })
  })
  return sendPending(meeting, 'new')
}

/** A change of date, time or place is sent again to every invitee as an update of the same event. */
export async function updateMeeting(meeting: Meeting, input: MeetingInput, actorUserId: string) {
  const changed =
    meeting.date !== input.date ||
    meeting.startTime !== input.startTime ||
    meeting.endTime !== input.endTime ||
    (meeting.place ?? null) !== input.place ||
    (meeting.onlineUrl ?? null) !== input.onlineUrl
  const updated = getDb().transaction((tx) => {
    const { serviceTypes: types, ...fields } = input
    tx.update(meetings)
      .set({
        ...fields,
        icalSequence: changed ? meeting.icalSequence + 1 : meeting.icalSequence,
        updatedAt: clock.now(),
      })
      .where(eq(meetings.id, meeting.id))
      .run()
    tx.delete(meetingServiceTypes).where(eq(meetingServiceTypes.meetingId, meeting.id)).run()
    for (const t of new Set(types))
      tx.insert(meetingServiceTypes).values({ meetingId: meeting.id, serviceType: t }).run()
    audit(tx, meeting, actorUserId, 'meeting.updated', input, {
      date: meeting.date,
      startTime: meeting.startTime,
      place: meeting.place,
    })
    return tx.select().from(meetings).where(eq(meetings.id, meeting.id)).get()!
  })
  if (changed && updated.status === 'scheduled') await sendPending(updated, 'changed')
}

export async function cancelMeeting(meeting: Meeting, reason: string | null, actorUserId: string) {
  if (meeting.status === 'cancelled') return
  const sequence = meeting.icalSequence + 1
  const cancelled = getDb().transaction((tx) => {
    tx.update(meetings)
      .set({ status: 'cancelled', cancelledAt: clock.now(), icalSequence: sequence, updatedAt: clock.now() })
      .where(eq(meetings.id, meeting.id))
      .run()
    audit(tx, meeting, actorUserId, 'meeting.cancelled', { reason })
    return tx.select().from(meetings).where(eq(meetings.id, meeting.id)).get()!
  })
  const ctx = contextOf(cancelled)
  for (const invitation of invitationsOf(meeting.id).filter((i) => i.sentSequence !== null)) {
    const email = await renderEmail(
      'meeting-cancelled',
      {
        recipientName: invitation.name,
        authorityName: ctx.authority.name,
        title: cancelled.title,
        date: cancelled.date,
        startTime: cancelled.startTime,
        reason,
        authorityEmail: ctx.authority.contactEmail,
      },
      'ro',
    )
    getDb().transaction((tx) => {
      tx.update(meetingInvitations)
        .set({ sentSequence: sequence })
        .where(eq(meetingInvitations.id, invitation.id))
        .run()
      enqueueEmail(tx, email, {
        to: invitation.email,
        authorityId: meeting.authorityId,
        idempotencyKey: `meeting-cancel-${invitation.id}-${sequence}`,
        attachments: [ics(ctx, invitation, 'CANCEL', sequence)],
      })
    })
  }
  kickDelivery()
}

// --- the meeting itself -------------------------------------------------------------------------------

export function addAttendance(
  meeting: Meeting,
  row: { partnerId: string | null; organisationName: string; group: TripartiteGroup; persons: string },
  actorUserId: string,
) {
  getDb().transaction((tx) => {
    tx.insert(meetingAttendance)
      .values({ meetingId: meeting.id, ...row, persons: personsOf(row.persons).join('\n') })
      .run()
    audit(tx, meeting, actorUserId, 'meeting.attendance_added', {
      organisation: row.organisationName,
      group: row.group,
    })
  })
}

export function removeAttendance(meeting: Meeting, id: number, actorUserId: string) {
  getDb().transaction((tx) => {
    tx.delete(meetingAttendance)
      .where(and(eq(meetingAttendance.id, id), eq(meetingAttendance.meetingId, meeting.id)))
      .run()
    audit(tx, meeting, actorUserId, 'meeting.attendance_removed', { id })
  })
}

/** Records that the meeting took place (on or after its date). */
export function markHeld(meeting: Meeting, actorUserId: string): boolean {
  if (meeting.status !== 'scheduled' || meeting.date > clock.today()) return false
  getDb().transaction((tx) => {
    tx.update(meetings).set({ status: 'held', updatedAt: clock.now() }).where(eq(meetings.id, meeting.id)).run()
    audit(tx, meeting, actorUserId, 'meeting.held')
  })
  return true
}

export function listMeetings(authorityId: string) {
  const rows = getDb()
    .select()
    .from(meetings)
    .where(eq(meetings.authorityId, authorityId))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .all()
  const ids = rows.map((r) => r.id)
  const types = ids.length
    ? getDb().select().from(meetingServiceTypes).where(inArray(meetingServiceTypes.meetingId, ids)).all()
    : []
  return rows.map((m) => ({
    ...m,
    serviceTypes: types
      .filter((t) => t.meetingId === m.id)
      .map((t) => t.serviceType)
      .sort(),
  }))
}

/** The meetings as the compliance board sees them: which groups were present at each. */
export function boardMeetings(authorityId: string): BoardMeeting[] {
  const rows = listMeetings(authorityId)
  const ids = rows.map((r) => r.id)
  const present = ids.length
    ? getDb()
        .select({ meetingId: meetingAttendance.meetingId, group: meetingAttendance.group })
        .from(meetingAttendance)
        .where(inArray(meetingAttendance.meetingId, ids))
        .all()
    : []
  return rows.map((m) => ({
    id: m.id,
    date: m.date,
    status: m.status,
    serviceTypes: m.serviceTypes,
    groupsPresent: [...new Set(present.filter((p) => p.meetingId === m.id).map((p) => p.group))],
  }))
}

/** The board of the current and past semesters (newest first). */
export function authorityBoard(authorityId: string, semesterCount = 4, today = clock.today()) {
  const types = serviceTypes(authorityId)
  const semesters = previousSemesters(semesterOf(today), semesterCount)
  const board = complianceBoard(
    types.map((t) => t.code),
    semesters,
    boardMeetings(authorityId),
  )
  return { types, semesters, board }
}

// --- background jobs ----------------------------------------------------------------------------------

function coordinatorsOf(authorityId: string) {
  return getDb()
    .selectDistinct({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.role, 'coordinator')))
    .all()
}

/** Reminders two days before to the invitees who have not declined (once each). */
export async function sendMeetingReminders(today = clock.today()): Promise<number> {
  const day = addDays(today, 2)
  const due = getDb()
    .select({
      invitation: meetingInvitations,
      meeting: meetings,
      slug: authorities.slug,
      authorityName: authorities.name,
    })
    .from(meetingInvitations)
    .innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
    .innerJoin(authorities, eq(authorities.id, meetings.authorityId))
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        sql`${meetings.date} > ${today} AND ${meetings.date} <= ${day}`,
        isNull(meetingInvitations.reminderSentAt),
        ne(meetingInvitations.rsvp, 'declined'),
      ),
    )
    .all()
  let sent = 0
  for (const { invitation, meeting, slug, authorityName } of due) {
    const email = await renderEmail(
      'meeting-reminder',
      {
        recipientName: invitation.name,
        authorityName,
        title: meeting.title,
        date: meeting.date,
        startTime: meeting.startTime,
        place: meeting.place,
        onlineUrl: meeting.onlineUrl,
        rsvp: invitation.rsvp === 'declined' ? 'pending' : invitation.rsvp,
        rsvpUrls: {
          accepted: rsvpUrl(slug, invitation.id, 'accepted'),
          declined: rsvpUrl(slug, invitation.id, 'declined'),
          tentative: rsvpUrl(slug, invitation.id, 'tentative'),
        },
        meetingUrl: meetingUrl(slug, meeting.id),
      },
      'ro',
    )
    getDb().transaction((tx) => {
      const claimed = tx
        .update(meetingInvitations)
        .set({ reminderSentAt: clock.now() })
        .where(and(eq(meetingInvitations.id, invitation.id), isNull(meetingInvitations.reminderSentAt)))
        .run()
      if (claimed.changes !== 1) return
      enqueueEmail(tx, email, {
        to: invitation.email,
        authorityId: meeting.authorityId,
        idempotencyKey: `meeting-reminder-${invitation.id}`,
      })
      sent += 1
    })
  }
  if (sent) kickDelivery()
  return sent
}

/**
 * From 30 days before a semester ends, the coordinators of each authority get, once, the list of
 * service types with no tripartite meeting scheduled or held in that semester.
 */
export async function sendSemesterNudges(today = clock.today()): Promise<number> {
  const semester = semesterOf(today)
  if (today < nudgeDate(semester)) return 0
  const label = semesterLabel(semester)
  let sent = 0
  for (const authority of getDb().select().from(authorities).all()) {
    const types = serviceTypes(authority.id)
    if (types.length === 0) continue
    const board = complianceBoard(
      types.map((t) => t.code),
      [semester],
      boardMeetings(authority.id),
    )
    const missing = types.filter((t) => board[t.code]?.[label]?.state === 'missing')
    if (missing.length === 0) continue
    for (const c of coordinatorsOf(authority.id)) {
      const email = await renderEmail(
        'semester-nudge',
        {
          recipientName: c.name,
          authorityName: authority.name,
          semesterLabel: label,
          semesterEnd: semesterBounds(semester).end,
          missing: missing.map((t) => ({ code: t.code, name: t.names[0] ?? '' })),
          boardUrl: `${getConfig().appUrl}/a/${authority.slug}/staff/meetings`,
        },
        c.locale,
      )
      const id = enqueueEmail(getDb(), email, {
        to: c.email,
        userId: c.id,
        authorityId: authority.id,
        idempotencyKey: `semester-nudge-${authority.id}-${label}-${c.id}`,
      })
      if (id) sent += 1
    }
  }
  if (sent) kickDelivery()
  return sent
}

/** The coordinators hear, once per action, of the follow-up actions of tripartite meetings that became overdue. */
export async function sendOverdueActions(today = clock.today()): Promise<number> {
  const overdue = getDb()
    .select({
      action: minutesActions,
      minutesTitle: minutes.title,
      authorityId: minutes.authorityId,
      meetingId: minutes.meetingId,
    })
    .from(minutesActions)
    .innerJoin(minutes, eq(minutes.id, minutesActions.minutesId))
    .where(
      and(
        eq(minutesActions.status, 'open'),
        lt(minutesActions.dueOn, today),
        isNull(minutesActions.overdueNotifiedAt),
        sql`${minutes.meetingId} IS NOT NULL`,
      ),
    )
    .all()
  const byAuthority = new Map<string, typeof overdue>()
  for (const o of overdue) byAuthority.set(o.authorityId, [...(byAuthority.get(o.authorityId) ?? []), o])
  let sent = 0
  for (const [authorityId, rows] of byAuthority) {
    const authority = getDb().select().from(authorities).where(eq(authorities.id, authorityId)).get()!
    for (const c of coordinatorsOf(authorityId)) {
      const email = await renderEmail(
        'action-overdue',
        {
          recipientName: c.name,
          authorityName: authority.name,
          actions: rows.map((r) => ({
            description: r.action.description,
            owner: r.action.owner,
            dueOn: r.action.dueOn ?? '',
            meetingTitle: r.minutesTitle,
            url: `${getConfig().appUrl}/a/${authority.slug}/staff/minutes/${r.action.minutesId}#actions`,
          })),
          boardUrl: `${getConfig().appUrl}/a/${authority.slug}/staff/meetings`,
        },
        c.locale,
      )
      enqueueEmail(getDb(), email, {
        to: c.email,
        userId: c.id,
        authorityId,
        idempotencyKey: `actions-overdue-${c.id}-${rows.map((r) => r.action.id).join('-')}`,
      })
      sent += 1
    }
    getDb()
      .update(minutesActions)
      .set({ overdueNotifiedAt: clock.now() })
      .where(
        inArray(
          minutesActions.id,
          rows.map((r) => r.action.id),
        ),
      )
      .run()
  }
  if (sent) kickDelivery()
  return sent
}
