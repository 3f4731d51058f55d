/**
 * Protocol reminders: planned from the current term of every protocol (app/domain/reminders.ts),
 * recorded in protocol_reminders when they go out, emailed through the outbox.
 *
 * Exactly once, with any number of processes: for each protocol, the reminders to send are
 * decided again inside one IMMEDIATE transaction (one writer at a time), the reminder rows are
 * inserted with ON CONFLICT DO NOTHING on the unique (protocol, term, kind, offset) index, and the
 * emails are enqueued in that same transaction only when the row was inserted. Rendering is
 * asynchronous, so the emails are rendered before the transaction, for the decision made just
 * before it; when the decision inside the transaction differs (another process was quicker, an
 * acknowledgement arrived), nothing is written and the next cycle decides afresh.
 *
 * The weekly summary of protocols to review is not a reminder row: its outbox idempotency key
 * (authority, ISO week, recipient) makes it go out once a week.
 *
 * When a protocol says so (`remind_partners`), the deadline reminders (end, notice, renewed; not
 * reviews, summaries or escalations) also go to each partner's contact person with an email, in
 * Romanian, without the acknowledge link, saying why they receive it and how to ask to be removed.
 * They are recorded among the recipients as `{ as: 'partner', userId: '' }`.
 *
 * Each cycle also records, for every auto-renewing protocol, the periods it rolled over into by
 * itself (protocol_renewals, once each: see recordAutomaticRenewals).
 *
 * A cycle does not compute the term of every protocol of the country: each protocol's schedule
 * is stored (protocol_schedules: the first date the planner has something to do for it, and the
 * dates between which it needs review, see app/domain/reminders.ts) and kept current in the
 * transaction of every change (app/models/protocol.server.ts, refreshPlanningSchedule); a cycle
 * first computes the schedules marked as to compute (by the triggers of migration 0014: changes
 * made in SQL, a database just migrated), then loads only the protocols due by their schedule and
 * the authorities whose weekly summary is still to send (index ranges), and computes the
 * schedules of the protocols it looked at again.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import {
  authorities,
  emailOutbox,
  protocolReminders,
  protocols,
  protocolSchedules,
  protocolWeeklySummaries,
  staffRoles,
  users,
  type protocolParties,
  type ReminderRecipient,
} from '#db/schema.ts'
import type { ProtocolReminderData, ProtocolReminderItem } from '#emails/protocol-reminder.tsx'
import { formatDateTime } from '~/domain/dates'
import { protocolSituation } from '~/domain/protocol-term'
import {
  mergeReminderSettings,
  readReminderSettingsValues,
  type ReminderSettingsValues,
} from '~/domain/reminder-settings'
import { minDate } from '~/domain/calendar'
import {
  isoWeek,
  isPartnerReminder,
  NO_OFFSET,
  plannedReminders,
  readReminderSettings,
  reminderKey,
  remindersOfTerm,
  reminderToSend,
  weeklySummaryDue,
  type RecordedReminder,
  type Reminder,
  type ReminderMessage,
  type ReminderSettings,
} from '~/domain/reminders'
import type { AppLocale } from '~/i18n'
import { changedFields, recordAudit } from '~/models/audit.server'
import { getAuthorityById, getAuthorityBySlug, type Authority } from '~/models/authority.server'
import {
  getProtocol,
  listProtocolsByIds,
  recordAutomaticRenewalsOf,
  refreshPlanningSchedule,
  refreshStalePlanningSchedules,
  type ProtocolListItem,
} from '~/models/protocol.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb, type DB } from '~/services/db.server'
import { enqueueEmail, renderEmail, type RenderedEmail } from '~/services/email.server'
import { newId } from '~/utils/ids.server'
import { signToken, verifyToken } from '~/utils/signed-token.server'

export type ReminderRow = typeof protocolReminders.$inferSelect
type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

/** How many protocols a weekly summary lists by name (the rest are counted). */
const WEEKLY_LIST_LIMIT = 40

// ---------------------------------------------------------------- one-click acknowledgement

/** The token of an acknowledge link: who it was sent to, and an HMAC proving the platform made it. */
export function reminderAckToken(reminderId: string, userId: string): string {
  return signToken('reminder-ack', userId, reminderId)
}

/** The user a token was made for, when it is genuine for this reminder. */
export function verifyReminderAckToken(reminderId: string, token: string | null | undefined): string | null {
  return verifyToken('reminder-ack', token, reminderId)
}

export function reminderAckUrl(reminderId: string, userId: string): string {
  return `${getConfig().appUrl}/reminders/${reminderId}/ack?token=${encodeURIComponent(reminderAckToken(reminderId, userId))}`
}

// ---------------------------------------------------------------- who is told

type Person = { userId: string; name: string; email: string; locale: AppLocale }
type Recipient = Person & {
  as: ReminderRecipient['as']
  /** Unique among a message's recipients: the user's id, or `partner<position>` for a partner's contact. */
  key: string
  /** For a partner's contact person: the partner they stand for. */
  partyName?: string
}

/**
 * The people a cycle looks up, each once per cycle (an authority's legal officers and admins, a
 * responsible person): a message reads them from here rather than from the database again.
 */
type People = { staff: Map<string, Person[]>; users: Map<string, Person | undefined> }
const newPeople = (): People => ({ staff: new Map(), users: new Map() })

function staffWithRole(authorityId: string, role: 'legal' | 'admin', people: People = newPeople()): Person[] {
  const key = `${authorityId}|${role}`
  const known = people.staff.get(key)
  if (known) return known
  const found = getDb()
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.role, role)))
    .orderBy(asc(users.name))
    .all()
  people.staff.set(key, found)
  return found
}

function person(userId: string | null, people: People = newPeople()): Person | undefined {
  if (!userId) return undefined
  if (people.users.has(userId)) return people.users.get(userId)
  const found = getDb()
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  people.users.set(userId, found)
  return found
}

/**
 * The legal officers and the protocol's responsible person, each once; the admins follow, marked
 * as such (they receive a reminder only when it is escalated, or when there is nobody else).
 */
function recipientsOf(authorityId: string, responsibleUserId: string | null, people?: People): Recipient[] {
  const out: Recipient[] = []
  const add = (p: Person | undefined, as: Recipient['as']) => {
    if (p && !out.some((r) => r.userId === p.userId)) out.push({ ...p, as, key: p.userId })
  }
  for (const p of staffWithRole(authorityId, 'legal', people)) add(p, 'legal')
  add(person(responsibleUserId, people), 'responsible')
  for (const p of staffWithRole(authorityId, 'admin', people)) add(p, 'admin')
  return out
}

/** Who actually receives a message: admins only when escalated, or when nobody else would. */
function addressees(all: Recipient[], escalate: boolean): Recipient[] {
  const regular = all.filter((r) => r.as !== 'admin')
  return escalate || regular.length === 0 ? all : regular
}

const snapshot = (r: Recipient): ReminderRecipient => ({ userId: r.userId, name: r.name, email: r.email, as: r.as })

type PartyRow = typeof protocolParties.$inferSelect

/**
 * The partners' contact persons who receive the protocol's deadline reminders: none unless the
 * protocol says so; each address once. They have no account: Romanian, no user id.
 */
function partnerContacts(item: { protocol: { remindPartners: boolean }; parties: PartyRow[] }): Recipient[] {
  if (!item.protocol.remindPartners) return []
  const out: Recipient[] = []
  for (const p of item.parties) {
    const email = p.contactEmail?.trim().toLowerCase()
    if (p.isAuthority || !email || out.some((r) => r.email === email)) continue
    out.push({
      userId: '',
      name: p.contactName?.trim() || p.name,
      email,
      locale: 'ro',
      as: 'partner',
      key: `partner${p.position}`,
      partyName: p.name,
    })
  }
  return out
}

/**
 * Everyone a message goes to: the staff (admins only when escalated or when nobody else would
 * receive it), then the partners' contacts when the message is about a deadline of the
 * partnership (an address already among the staff is not repeated).
 */
function messageAddressees(
  authorityId: string,
  item: ProtocolListItem,
  reminders: Reminder[],
  escalate: boolean,
  people?: People,
) {
  const staff = addressees(recipientsOf(authorityId, item.protocol.responsibleUserId, people), escalate)
  const partners = reminders.some(isPartnerReminder)
    ? partnerContacts(item).filter((p) => !staff.some((s) => s.email.toLowerCase() === p.email))
    : []
  return [...staff, ...partners]
}

// ---------------------------------------------------------------- what is due

function reminderSettingsOf(authorityId: string): ReminderSettings {
  const row = getDb()
    .select({ stored: authorities.protocolSettings })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .get()
  return readReminderSettings(row?.stored)
}

function recorded(row: Pick<ReminderRow, 'termKey' | 'kind' | 'offsetDays' | 'acknowledgedAt'>): RecordedReminder {
  return {
    termKey: row.termKey,
    kind: row.kind,
    offsetDays: row.offsetDays === NO_OFFSET ? null : row.offsetDays,
    acknowledged: row.acknowledgedAt !== null,
  }
}

const recordedColumns = {
  protocolId: protocolReminders.protocolId,
  termKey: protocolReminders.termKey,
  kind: protocolReminders.kind,
  offsetDays: protocolReminders.offsetDays,
  acknowledgedAt: protocolReminders.acknowledgedAt,
}

const chunks = <T>(list: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size))

/** The reminders recorded for these protocols (the unique index's first column). */
function recordedByProtocol(protocolIds: string[]): Map<string, RecordedReminder[]> {
  const map = new Map<string, RecordedReminder[]>()
  for (const chunk of chunks(protocolIds)) {
    const rows = getDb()
      .select(recordedColumns)
      .from(protocolReminders)
      .where(inArray(protocolReminders.protocolId, chunk))
      .all()
    for (const row of rows)
      (map.get(row.protocolId) ?? map.set(row.protocolId, []).get(row.protocolId)!).push(recorded(row))
  }
  return map
}

type Due = {
  authority: Authority
  settings: ReminderSettings
  item: ProtocolListItem
  reminders: Reminder[]
  message: ReminderMessage
}

/** A protocol the reminders are computed for: not an addendum (its effect is in its parent's term). */
const isMainProtocol = (item: ProtocolListItem) => item.protocol.kind !== 'addendum' && !item.protocol.parentId

/** Authorities in the order of their names, as SQLite sorts them (bytes of UTF-8), then by id. */
const byName = (a: Authority, b: Authority) =>
  Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * What a cycle on `today` has to look at, from the protocols' stored schedules (index ranges
 * only, never every protocol): the protocols with something to do by then (or whose schedule was
 * computed from a later date, which says nothing about `today`), and the authorities with
 * protocols to review whose weekly summary did not go out that week. Their authorities, in the
 * order of their names (the order the planner goes through them).
 */
function planningWork(today: string, authorityId?: string) {
  const db = getDb()
  const inAuthority = authorityId ? eq(protocolSchedules.authorityId, authorityId) : undefined
  const candidates = new Map<string, Set<string>>()
  for (const row of [
    ...db
      .select({ id: protocolSchedules.protocolId, authorityId: protocolSchedules.authorityId })
      .from(protocolSchedules)
      .where(and(lte(protocolSchedules.dueOn, today), inAuthority))
      .all(),
    ...db
      .select({ id: protocolSchedules.protocolId, authorityId: protocolSchedules.authorityId })
      .from(protocolSchedules)
      .where(and(gt(protocolSchedules.dueFrom, today), inAuthority))
      .all(),
  ]) {
    ;(candidates.get(row.authorityId) ?? candidates.set(row.authorityId, new Set()).get(row.authorityId)!).add(row.id)
  }
  // How many protocols of each authority need review on that day (a covering index range).
  const toReview = new Map(
    db
      .select({ authorityId: protocolSchedules.authorityId, n: count() })
      .from(protocolSchedules)
      .where(
        and(
          lte(protocolSchedules.reviewFrom, today),
          or(isNull(protocolSchedules.reviewUntil), gte(protocolSchedules.reviewUntil, today)),
          inAuthority,
        ),
      )
      // `+`: grouped after the range on the review dates, not by walking the authority index whole.
      .groupBy(sql`+${protocolSchedules.authorityId}`)
      .all()
      .map((r) => [r.authorityId, r.n]),
  )
  const week = isoWeek(today)
  for (const row of db
    .select({ authorityId: protocolWeeklySummaries.authorityId })
    .from(protocolWeeklySummaries)
    .where(
      and(
        eq(protocolWeeklySummaries.week, week),
        authorityId ? eq(protocolWeeklySummaries.authorityId, authorityId) : undefined,
      ),
    )
    .all()) {
    toReview.delete(row.authorityId)
  }
  const list = [...new Set([...candidates.keys(), ...toReview.keys()])]
    .map((id) => getAuthorityById(id))
    .filter((a): a is Authority => a !== undefined)
    .sort(byName)
  return {
    authorities: list,
    candidates: (id: string) => [...(candidates.get(id) ?? [])],
    toReview: (id: string) => toReview.get(id) ?? 0,
  }
}

/** The messages due on `today` for these protocols of the authority (the same `reminderToSend` decides). */
function dueIn(
  authority: Authority,
  protocolIds: string[],
  today: string,
): { settings: ReminderSettings; due: Due[]; items: ProtocolListItem[] } {
  const settings = reminderSettingsOf(authority.id)
  const items = listProtocolsByIds(protocolIds).filter(isMainProtocol)
  const recordedMap = recordedByProtocol(items.map((i) => i.protocol.id))
  const due: Due[] = []
  for (const item of items) {
    const reminders = remindersOfTerm(item.facts, today, authority.protocolSettings, settings)
    const message = reminderToSend(reminders, recordedMap.get(item.protocol.id) ?? [], today, settings)
    if (message) due.push({ authority, settings, item, reminders, message })
  }
  return { settings, due, items }
}

const partnersOf = (item: ProtocolListItem) =>
  item.parties
    .filter((p) => !p.isAuthority)
    .map((p) => p.name)
    .join(', ')

type Flagged = { item: ProtocolListItem; reason: 'no_term' | 'flagged' | 'review' }

/**
 * The first protocols (oldest first) whose status on the date is "needs review", with why: from
 * their stored review dates (an index range of the authority), the status computed for these only.
 */
function needingReview(authority: Authority, today: string, limit: number): Flagged[] {
  const ids = getDb()
    .select({ id: protocolSchedules.protocolId })
    .from(protocolSchedules)
    .innerJoin(protocols, eq(protocols.id, protocolSchedules.protocolId))
    .where(
      and(
        eq(protocolSchedules.authorityId, authority.id),
        lte(protocolSchedules.reviewFrom, today),
        or(isNull(protocolSchedules.reviewUntil), gte(protocolSchedules.reviewUntil, today)),
      ),
    )
    .orderBy(asc(protocols.createdAt), asc(sql`${protocols}.rowid`))
    .limit(limit)
    .all()
    .map((r) => r.id)
  const out: Flagged[] = []
  for (const item of listProtocolsByIds(ids)) {
    const s = protocolSituation(item.facts, today, authority.protocolSettings)
    out.push({ item, reason: !s.usable ? 'no_term' : item.facts.flagged ? 'flagged' : 'review' })
  }
  return out
}

const weeklyKeyPrefix = (authorityId: string, week: string) => `weekly-review:${authorityId}:${week}:`

/** Whether the week's summary went out: recorded as such, or (sent before it was) found in the outbox. */
function weeklyAlreadySent(authorityId: string, week: string, db: Pick<DB, 'select'> = getDb()): boolean {
  const recordedRow = db
    .select({ week: protocolWeeklySummaries.week })
    .from(protocolWeeklySummaries)
    .where(and(eq(protocolWeeklySummaries.week, week), eq(protocolWeeklySummaries.authorityId, authorityId)))
    .get()
  if (recordedRow) return true
  return (
    db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      // A range on the unique key (LIKE is case-insensitive in SQLite and would scan the outbox).
      .where(
        and(
          gte(emailOutbox.idempotencyKey, weeklyKeyPrefix(authorityId, week)),
          lt(emailOutbox.idempotencyKey, `${weeklyKeyPrefix(authorityId, week)}\uffff`),
        ),
      )
      .limit(1)
      .get() !== undefined
  )
}

/** The schedules to compute (new protocols, changes made in SQL, a database just migrated), before a cycle reads them. */
function refreshStale(today: string): number {
  return refreshStalePlanningSchedules(minDate(today, clock.today()))
}

// ---------------------------------------------------------------- what would go out (no writes)

export type DueReminder = {
  protocolId: string
  authority: string
  title: string
  kind: Reminder['kind']
  offsetDays: number | null
  deadline: string
  dueOn: string
  /** Every address the reminder goes to (the partners' contacts included). */
  recipients: string[]
  /** The same, with why each receives it (`partner`: a partner's contact person, no account). */
  to: Array<{ as: ReminderRecipient['as']; name: string; email: string }>
  /** Part of one "overdue" message with the protocol's other due reminders. */
  overdue: boolean
  /** Also to the admins (nobody acknowledged the term's earlier reminders). */
  escalated: boolean
}

export type DueSummary = { authority: string; week: string; protocols: number; recipients: string[] }

/**
 * What the planner would send on `asOf`, without sending or recording anything (it only computes
 * the protocols' schedules that were still to compute, as a cycle would first).
 */
export function dueReminders(
  asOf: string,
  authoritySlug?: string,
): { asOf: string; reminders: DueReminder[]; summaries: DueSummary[] } {
  const reminders: DueReminder[] = []
  const summaries: DueSummary[] = []
  let only: Authority | undefined
  if (authoritySlug !== undefined) {
    only = getAuthorityBySlug(authoritySlug)
    if (!only) return { asOf, reminders, summaries }
  }
  refreshStale(asOf)
  const work = planningWork(asOf, only?.id)
  const people = newPeople()
  for (const authority of work.authorities) {
    const { settings, due } = dueIn(authority, work.candidates(authority.id), asOf)
    for (const d of due) {
      const everyone = messageAddressees(
        authority.id,
        d.item,
        [d.message.primary, ...d.message.collapsed],
        d.message.escalate,
        people,
      )
      for (const r of [...d.message.collapsed, d.message.primary]) {
        // A partner's contact is told of the partnership's deadlines only.
        const to = everyone.filter((p) => p.as !== 'partner' || isPartnerReminder(r))
        reminders.push({
          protocolId: d.item.protocol.id,
          authority: authority.slug,
          title: d.item.protocol.title,
          kind: r.kind,
          offsetDays: r.offsetDays,
          deadline: r.deadline,
          dueOn: r.dueOn,
          recipients: to.map((p) => p.email),
          to: to.map((p) => ({ as: p.as, name: p.name, email: p.email })),
          overdue: d.message.overdue,
          escalated: d.message.escalate,
        })
      }
    }
    const flagged = work.toReview(authority.id)
    const week = weeklySummaryDue(asOf, settings)
    if (flagged > 0 && week && !weeklyAlreadySent(authority.id, week.week)) {
      const to = addressees(recipientsOf(authority.id, null, people), false)
      summaries.push({
        authority: authority.slug,
        week: week.week,
        protocols: flagged,
        recipients: to.map((p) => p.email),
      })
    }
  }
  return { asOf, reminders, summaries }
}

// ---------------------------------------------------------------- sending

export type PlanSummary = {
  date: string
  /** Messages that went out (one per protocol at most), each to several people. */
  messages: Array<{
    protocolId: string
    authority: string
    title: string
    kind: ProtocolReminderData['kind']
    reminders: number
    recipients: string[]
    escalated: boolean
  }>
  /** Reminder rows recorded (sent and collapsed). */
  recorded: number
  emails: number
  weeklySummaries: Array<{ authority: string; week: string; protocols: number; recipients: string[] }>
  /** Messages another process sent first, or whose decision changed meanwhile. */
  skipped: number
  /** Periods auto-renewing protocols rolled over into by themselves, recorded by this cycle. */
  renewals: Array<{ protocolId: string; authority: string; title: string; periodStart: string; periodEnd: string }>
  /** Schedules of protocols computed before the cycle read them (changed outside the models, or just migrated). */
  scheduled: number
}

const asItem = (r: Reminder): ProtocolReminderItem => ({
  kind: r.kind,
  offsetDays: r.offsetDays,
  deadline: r.deadline,
  dueOn: r.dueOn,
  renewsOn: r.renewsOn,
  periodEnd: r.periodEnd,
})

const protocolUrl = (authority: Authority, protocolId: string) =>
  `${getConfig().appUrl}/a/${authority.slug}/staff/protocols/${protocolId}`

/** What a partner's contact person is told: only the partnership's deadlines, without the staff's links. */
function partnerData(d: Due, r: Recipient, today: string): ProtocolReminderData | null {
  const items = [...d.message.collapsed, d.message.primary].filter(isPartnerReminder)
  const primary = items[items.length - 1]
  if (!primary) return null
  const { authority, item } = d
  return {
    kind: items.length > 1 ? 'overdue' : primary.kind,
    recipientName: r.name,
    authorityName: authority.name,
    protocolTitle: item.protocol.title,
    partners: partnersOf(item),
    today,
    item: asItem(primary),
    items: items.map(asItem),
    protocols: [],
    more: 0,
    protocolUrl: item.protocol.isPublic ? `${getConfig().appUrl}/a/${authority.slug}/protocols` : '',
    ackUrl: null,
    escalated: false,
    partner: { partyName: r.partyName ?? '', authorityEmail: authority.contactEmail },
  }
}

type Prepared = {
  d: Due
  to: Recipient[]
  primaryId: string
  kind: ProtocolReminderData['kind']
  rendered: Map<string, RenderedEmail>
}

/** A message's emails, rendered (asynchronous) before the transaction that records and enqueues them. */
async function prepareDue(d: Due, today: string, people: People): Promise<Prepared> {
  const { authority, item, message } = d
  const to = messageAddressees(authority.id, item, [message.primary, ...message.collapsed], message.escalate, people)
  const primaryId = newId()
  const kind: ProtocolReminderData['kind'] = message.overdue ? 'overdue' : message.primary.kind
  const rendered = new Map<string, RenderedEmail>()
  for (const r of to) {
    if (r.as === 'partner') {
      const data = partnerData(d, r, today)
      if (data) rendered.set(r.key, await renderEmail('protocol-reminder', data, 'ro'))
      continue
    }
    const data: ProtocolReminderData = {
      kind,
      recipientName: r.name,
      authorityName: authority.name,
      protocolTitle: item.protocol.title,
      partners: partnersOf(item),
      today,
      item: asItem(message.primary),
      items: [...message.collapsed, message.primary].map(asItem),
      protocols: [],
      more: 0,
      protocolUrl: protocolUrl(authority, item.protocol.id),
      ackUrl: reminderAckUrl(primaryId, r.userId),
      escalated: message.escalate && r.as === 'admin',
    }
    rendered.set(r.key, await renderEmail('protocol-reminder', data, r.locale))
  }
  return { d, to, primaryId, kind, rendered }
}

/** Records one prepared message and enqueues its emails, in the caller's transaction; false: decided otherwise now. */
function commitDue(tx: Tx, p: Prepared, today: string): boolean {
  const { d, to, primaryId } = p
  const { authority, item, message } = d
  // Decide again, now that no other process can write: the same message, or nothing.
  const rows = tx
    .select(recordedColumns)
    .from(protocolReminders)
    .where(eq(protocolReminders.protocolId, item.protocol.id))
    .all()
  const again = reminderToSend(d.reminders, rows.map(recorded), today, d.settings)
  if (!again || again.escalate !== message.escalate) return false
  const planned = [message.primary, ...message.collapsed].map(reminderKey).sort().join('\n')
  if ([again.primary, ...again.collapsed].map(reminderKey).sort().join('\n') !== planned) return false
  const now = clock.now()
  const recipients = to.map(snapshot)
  const row = (r: Reminder, status: 'sent' | 'collapsed', id: string) => ({
    id,
    protocolId: item.protocol.id,
    authorityId: authority.id,
    termKey: r.termKey,
    kind: r.kind,
    offsetDays: r.offsetDays ?? NO_OFFSET,
    deadline: r.deadline,
    dueOn: r.dueOn,
    status,
    collapsedInto: status === 'collapsed' ? primaryId : null,
    sentAt: now,
    recipients,
    escalatedAt: message.escalate ? now : null,
  })
  const inserted = tx
    .insert(protocolReminders)
    .values(row(message.primary, 'sent', primaryId))
    .onConflictDoNothing()
    .run()
  if (inserted.changes !== 1) return false
  for (const c of message.collapsed) {
    tx.insert(protocolReminders)
      .values(row(c, 'collapsed', newId()))
      .onConflictDoNothing()
      .run()
  }
  for (const r of to) {
    const email = p.rendered.get(r.key)
    if (!email) continue
    enqueueEmail(tx, email, {
      to: r.email,
      userId: r.userId || null,
      authorityId: authority.id,
      idempotencyKey: `reminder:${primaryId}:${r.key}`,
    })
  }
  // The schedule of the protocol, marked to compute by the rows just inserted, is computed at
  // the end of the authority's turn (or by the next cycle).
  return true
}

/** How many messages one transaction records (their emails rendered before it). */
const MESSAGES_PER_TRANSACTION = 100

/**
 * Sends the due messages: rendered a batch at a time, then each decided again and recorded with
 * its emails in one transaction per batch (the write lock held: exactly once, whatever the
 * number of processes). Returns, for each message, what went out, or null (skipped).
 */
async function sendDue(
  due: Due[],
  today: string,
  people: People,
): Promise<Array<PlanSummary['messages'][number] | null>> {
  const out: Array<PlanSummary['messages'][number] | null> = []
  for (let i = 0; i < due.length; i += MESSAGES_PER_TRANSACTION) {
    const prepared: Prepared[] = []
    for (const d of due.slice(i, i + MESSAGES_PER_TRANSACTION)) prepared.push(await prepareDue(d, today, people))
    const sent = getDb().transaction((tx) => prepared.map((p) => commitDue(tx, p, today)), { behavior: 'immediate' })
    prepared.forEach((p, n) => {
      const { d, to, kind } = p
      out.push(
        sent[n]
          ? {
              protocolId: d.item.protocol.id,
              authority: d.authority.slug,
              title: d.item.protocol.title,
              kind,
              reminders: 1 + d.message.collapsed.length,
              recipients: to.map((r) => r.email),
              escalated: d.message.escalate,
            }
          : null,
      )
    })
  }
  return out
}

async function sendWeeklySummary(
  authority: Authority,
  settings: ReminderSettings,
  flaggedCount: number,
  today: string,
  people: People,
): Promise<PlanSummary['weeklySummaries'][number] | null> {
  const week = weeklySummaryDue(today, settings)
  if (!week || flaggedCount === 0) return null
  if (weeklyAlreadySent(authority.id, week.week)) {
    // Sent before it was recorded as such (the outbox says so): recorded now, not looked for again.
    getDb()
      .insert(protocolWeeklySummaries)
      .values({ week: week.week, authorityId: authority.id, protocols: flaggedCount, sentAt: clock.now() })
      .onConflictDoNothing()
      .run()
    return null
  }
  const to = addressees(recipientsOf(authority.id, null, people), false)
  if (to.length === 0) return null
  const listed = needingReview(authority, today, WEEKLY_LIST_LIMIT).map((f) => ({
    title: f.item.protocol.title,
    partners: partnersOf(f.item),
    reason: f.reason,
    url: protocolUrl(authority, f.item.protocol.id),
  }))
  const rendered: Array<{ r: Recipient; email: RenderedEmail }> = []
  for (const r of to) {
    const data: ProtocolReminderData = {
      kind: 'weekly',
      recipientName: r.name,
      authorityName: authority.name,
      protocolTitle: '',
      partners: '',
      today,
      item: null,
      items: [],
      protocols: listed,
      more: flaggedCount - listed.length,
      protocolUrl: `${getConfig().appUrl}/a/${authority.slug}/staff/protocols`,
      ackUrl: null,
      escalated: false,
    }
    rendered.push({ r, email: await renderEmail('protocol-reminder', data, r.locale) })
  }
  const sent = getDb().transaction(
    (tx) => {
      // Checked again with the write lock held: another process may have sent it meanwhile (and
      // the keys would make its duplicates no-ops anyway).
      if (weeklyAlreadySent(authority.id, week.week, tx)) return false
      for (const { r, email } of rendered) {
        enqueueEmail(tx, email, {
          to: r.email,
          userId: r.userId,
          authorityId: authority.id,
          idempotencyKey: `${weeklyKeyPrefix(authority.id, week.week)}${r.userId}`,
        })
      }
      tx.insert(protocolWeeklySummaries)
        .values({ week: week.week, authorityId: authority.id, protocols: flaggedCount, sentAt: clock.now() })
        .onConflictDoNothing()
        .run()
      return true
    },
    { behavior: 'immediate' },
  )
  if (!sent) return null
  return { authority: authority.slug, week: week.week, protocols: flaggedCount, recipients: to.map((r) => r.email) }
}

/**
 * One planning cycle for every authority and protocol on `today`: sends what is due (each
 * reminder once), records the automatic renewals, and sends the weekly summary of protocols to
 * review. It reads only the protocols whose stored schedule says they have something to do (and
 * the authorities with protocols to review whose summary did not go out that week), then computes
 * their schedules again.
 */
export async function planReminders(today = clock.today()): Promise<PlanSummary> {
  const summary: PlanSummary = {
    date: today,
    messages: [],
    recorded: 0,
    emails: 0,
    weeklySummaries: [],
    skipped: 0,
    renewals: [],
    scheduled: 0,
  }
  summary.scheduled = refreshStale(today)
  const work = planningWork(today)
  const people = newPeople()
  for (const authority of work.authorities) {
    const candidates = work.candidates(authority.id)
    const { settings, due, items } = dueIn(authority, candidates, today)
    const titles = new Map(items.map((i) => [i.protocol.id, i.protocol.title]))
    for (const r of recordAutomaticRenewalsOf(items, today, { schedule: false })) {
      summary.renewals.push({ ...r, authority: authority.slug, title: titles.get(r.protocolId) ?? '' })
    }
    for (const sent of await sendDue(due, today, people)) {
      if (!sent) {
        summary.skipped += 1
        continue
      }
      summary.messages.push(sent)
      summary.recorded += sent.reminders
      summary.emails += sent.recipients.length
    }
    const weekly = await sendWeeklySummary(authority, settings, work.toReview(authority.id), today, people)
    if (weekly) {
      summary.weeklySummaries.push(weekly)
      summary.emails += weekly.recipients.length
    }
    // Every protocol looked at: its schedule from today on (nothing due any more, unless a
    // message was skipped: then it is looked at again next time).
    if (candidates.length) getDb().transaction((tx) => refreshPlanningSchedule(tx, candidates, today))
  }
  return summary
}

/** What the server's worker calls (hourly, say): one planning cycle for today. */
export function runReminderCycle(): Promise<PlanSummary> {
  return planReminders(clock.today())
}

// ---------------------------------------------------------------- reading and acknowledging

export type ReminderView = {
  id: string
  termKey: string
  kind: ReminderRow['kind']
  offsetDays: number | null
  deadline: string
  dueOn: string
  status: ReminderRow['status']
  sentAt: string
  recipients: ReminderRecipient[]
  escalated: boolean
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  /** Of the term in force (false: an earlier term, before a renewal or a change). */
  current: boolean
}

function namesOf(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map(
    getDb()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, unique))
      .all()
      .map((u) => [u.id, u.name]),
  )
}

/**
 * For the protocol page: the reminders sent (newest first), those planned for the current term,
 * and the partners' contact persons who receive the deadline reminders too.
 */
export function remindersOfProtocol(
  protocolId: string,
  today = clock.today(),
): {
  sent: ReminderView[]
  planned: Array<Reminder & { dueNow: boolean; toPartners: boolean }>
  partners: Array<{ name: string; email: string; partyName: string }>
} {
  const none = { sent: [], planned: [], partners: [] }
  const detail = getProtocol(protocolId)
  if (!detail || detail.protocol.kind === 'addendum' || detail.protocol.parentId) return none
  const authority = getAuthorityById(detail.protocol.authorityId)
  if (!authority) return none
  const partners = partnerContacts(detail).map((p) => ({ name: p.name, email: p.email, partyName: p.partyName ?? '' }))
  const rows = getDb()
    .select()
    .from(protocolReminders)
    .where(eq(protocolReminders.protocolId, protocolId))
    .orderBy(desc(protocolReminders.sentAt), desc(protocolReminders.dueOn))
    .all()
  const current = remindersOfTerm(detail.facts, today, authority.protocolSettings, reminderSettingsOf(authority.id))
  const currentKeys = new Set(current.map((r) => r.termKey))
  const names = namesOf(rows.map((r) => r.acknowledgedBy).filter((id): id is string => id !== null))
  return {
    sent: rows.map((r) => ({
      id: r.id,
      termKey: r.termKey,
      kind: r.kind,
      offsetDays: r.offsetDays === NO_OFFSET ? null : r.offsetDays,
      deadline: r.deadline,
      dueOn: r.dueOn,
      status: r.status,
      sentAt: formatDateTime(r.sentAt),
      recipients: r.recipients,
      escalated: r.escalatedAt !== null,
      acknowledgedAt: r.acknowledgedAt ? formatDateTime(r.acknowledgedAt) : null,
      acknowledgedBy: r.acknowledgedBy ? (names.get(r.acknowledgedBy) ?? null) : null,
      current: currentKeys.has(r.termKey),
    })),
    planned: plannedReminders(current, rows.map(recorded), today).map((r) => ({
      ...r,
      dueNow: r.dueOn <= today,
      toPartners: partners.length > 0 && isPartnerReminder(r),
    })),
    partners,
  }
}

// ---------------------------------------------------------------- the authority's settings

/** The reminder settings in force for an authority (what its settings page shows). */
export function reminderSettingsValues(authorityId: string): ReminderSettingsValues {
  const row = getDb()
    .select({ stored: authorities.protocolSettings })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .get()
  return readReminderSettingsValues(row?.stored)
}

/**
 * Saves an authority's reminder settings into its protocol settings (merged with the other keys
 * stored there), with an `authority.updated` audit event of what changed. Returns whether
 * anything changed. The planner reads them at its next cycle.
 */
export function saveReminderSettings(
  authorityId: string,
  values: ReminderSettingsValues,
  actorUserId: string,
): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ stored: authorities.protocolSettings })
        .from(authorities)
        .where(eq(authorities.id, authorityId))
        .get()
      if (!row) return false
      const before = readReminderSettingsValues(row.stored)
      const diff = changedFields(before, values)
      if (!diff.changed) return false
      tx.update(authorities)
        .set({ protocolSettings: mergeReminderSettings(row.stored, values), updatedAt: clock.now() })
        .where(eq(authorities.id, authorityId))
        .run()
      recordAudit(tx, {
        actorUserId,
        authorityId,
        entityType: 'authority',
        entityId: authorityId,
        action: 'authority.updated',
        before: { reminderSettings: diff.before },
        after: { reminderSettings: diff.after },
      })
      // Offsets and the review interval move every protocol's schedule.
      const ids = tx
        .select({ id: protocolSchedules.protocolId })
        .from(protocolSchedules)
        .where(eq(protocolSchedules.authorityId, authorityId))
        .all()
        .map((r) => r.id)
      refreshPlanningSchedule(tx, ids)
      return true
    },
    { behavior: 'immediate' },
  )
}

export type ReminderDetail = {
  reminder: ReminderRow
  protocol: { id: string; title: string; authorityId: string }
  authority: { id: string; slug: string; name: string }
  acknowledgedByName: string | null
}

export function getReminder(reminderId: string): ReminderDetail | undefined {
  const reminder = getDb().select().from(protocolReminders).where(eq(protocolReminders.id, reminderId)).get()
  if (!reminder) return undefined
  const detail = getProtocol(reminder.protocolId)
  const authority = getAuthorityById(reminder.authorityId)
  if (!detail || !authority) return undefined
  return {
    reminder,
    protocol: { id: detail.protocol.id, title: detail.protocol.title, authorityId: detail.protocol.authorityId },
    authority: { id: authority.id, slug: authority.slug, name: authority.name },
    acknowledgedByName: reminder.acknowledgedBy
      ? (namesOf([reminder.acknowledgedBy]).get(reminder.acknowledgedBy) ?? null)
      : null,
  }
}

/**
 * Records that a person took note of a reminder (the first acknowledgement counts). Returns
 * 'acknowledged', 'already' (someone did before), or 'not_found'.
 */
export function acknowledge(reminderId: string, userId: string): 'acknowledged' | 'already' | 'not_found' {
  return getDb().transaction((tx) => {
    const reminder = tx.select().from(protocolReminders).where(eq(protocolReminders.id, reminderId)).get()
    if (!reminder) return 'not_found'
    const now = clock.now()
    const done = tx
      .update(protocolReminders)
      .set({ acknowledgedAt: now, acknowledgedBy: userId })
      .where(and(eq(protocolReminders.id, reminderId), isNull(protocolReminders.acknowledgedAt)))
      .run()
    if (done.changes !== 1) return 'already'
    recordAudit(tx, {
      actorUserId: userId,
      authorityId: reminder.authorityId,
      entityType: 'protocol',
      entityId: reminder.protocolId,
      action: 'protocol.reminder_acknowledged',
      after: {
        reminderId,
        kind: reminder.kind,
        offsetDays: reminder.offsetDays === NO_OFFSET ? null : reminder.offsetDays,
        deadline: reminder.deadline,
      },
    })
    return 'acknowledged'
  })
}
