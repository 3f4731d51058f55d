/**
 * Protocol reminders (../shared/DOMAIN.md, "Partnership protocols"): which reminders the current
 * term of a protocol calls for, and which of them to send on a date given those already recorded.
 * Pure functions over Europe/Bucharest calendar dates: "today" is always an argument and due dates
 * come from calendar arithmetic only, so a change of daylight-saving time never moves a reminder.
 *
 * - Before the last day of a fixed term, of a conditional term's hard stop, or of a decided
 *   ending (a termination, or a decision not to renew): 90, 30, 7 and 1 days (`end`).
 * - Before the notice deadline of an auto-renewing period: 30, 7 and 1 days (`notice`): "renews by
 *   itself on D unless terminated by N". None when the renewal of that period was confirmed.
 * - Open-ended and conditional terms: on the date of their next periodic review (`review`).
 * - An auto-renewing period that ended without a decision to let it lapse or terminate it rolled
 *   over by itself: one `renewed` reminder on the first day of the new period, with its new notice
 *   deadline.
 *
 * Each reminder belongs to a term key (the period it is about, `start..end`): a renewal, an
 * addendum or an edit that changes the term gives new keys, so a fresh set is planned and the old
 * term's reminders that were not due yet are simply never computed again (they were never stored:
 * only sent reminders are recorded, so there is nothing to cancel).
 *
 * What became due while nothing ran goes out once: several due reminders of one protocol make
 * one "overdue" message, the others being recorded as collapsed into it.
 *
 * The offsets, the escalation window and the review interval are authority settings (edited on
 * the settings page, see ./reminder-settings.ts). The deadline reminders (`end`, `notice`,
 * `renewed`: PARTNER_REMINDER_KINDS) may also go to the partners' contact persons.
 */
import { addDays, dayNumber, daysBetween, fromDayNumber, maxDate, minDate } from './calendar'
import {
  automaticRenewals,
  DEFAULT_PROTOCOL_SETTINGS,
  firstPeriodEnd,
  nextReviewDate,
  periodContaining,
  protocolSituation,
  renewalPeriod,
  termIsUsable,
  type ProtocolFacts,
  type ProtocolSettings,
} from './protocol-term'
import type { IsoDate } from './protocol-types'

export const REMINDER_KINDS = ['end', 'notice', 'review', 'renewed'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/**
 * The reminders about a deadline of the partnership itself (its last day, its notice deadline, its
 * roll-over): the ones the partners' contact persons receive too when the protocol says so.
 */
export const PARTNER_REMINDER_KINDS: readonly ReminderKind[] = ['end', 'notice', 'renewed']

export const isPartnerReminder = (r: { kind: string }) => (PARTNER_REMINDER_KINDS as readonly string[]).includes(r.kind)

/** The largest reminder offset, in days (two years). */
export const MAX_OFFSET_DAYS = 730

/** Stored in place of "no offset" so that the unique index (which treats NULLs as distinct) holds. */
export const NO_OFFSET = -1

export type ReminderSettings = {
  /** Days before the last day of validity (fixed term, hard stop, decided ending). */
  endOffsets: number[]
  /** Days before the notice deadline of an auto-renewing period. */
  noticeOffsets: number[]
  /** A deadline reminder this close to its deadline also goes to the admins, unless acknowledged. */
  escalateWithinDays: number
  /** A deadline reminder missed (downtime, late entry) is still sent this many days after its deadline. */
  lateGraceDays: number
  /** The weekly summary of protocols to review is due from this ISO weekday (1 = Monday). */
  weeklySummaryWeekday: number
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  endOffsets: [90, 30, 7, 1],
  noticeOffsets: [30, 7, 1],
  escalateWithinDays: 7,
  lateGraceDays: 7,
  weeklySummaryWeekday: 1,
}

/**
 * The reminder settings of an authority, read from `reminders` inside its stored protocol
 * settings (authorities.protocol_settings), with the defaults for anything missing or invalid.
 */
export function readReminderSettings(storedProtocolSettings: unknown): ReminderSettings {
  const root = typeof storedProtocolSettings === 'object' && storedProtocolSettings ? storedProtocolSettings : {}
  const stored = (root as Record<string, unknown>).reminders
  const value = typeof stored === 'object' && stored ? (stored as Record<string, unknown>) : {}
  const offsets = (key: 'endOffsets' | 'noticeOffsets') => {
    const v = value[key]
    if (!Array.isArray(v) || v.length === 0 || v.length > 10) return DEFAULT_REMINDER_SETTINGS[key]
    if (!v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_OFFSET_DAYS)) {
      return DEFAULT_REMINDER_SETTINGS[key]
    }
    return [...new Set(v as number[])].sort((a, b) => b - a)
  }
  const int = (key: 'escalateWithinDays' | 'lateGraceDays' | 'weeklySummaryWeekday', min: number, max: number) => {
    const v = value[key]
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : DEFAULT_REMINDER_SETTINGS[key]
  }
  return {
    endOffsets: offsets('endOffsets'),
    noticeOffsets: offsets('noticeOffsets'),
    escalateWithinDays: int('escalateWithinDays', 0, MAX_OFFSET_DAYS),
    lateGraceDays: int('lateGraceDays', 0, 60),
    weeklySummaryWeekday: int('weeklySummaryWeekday', 1, 7),
  }
}

export type Reminder = {
  kind: ReminderKind
  /** The period the reminder is about, `start..end` (a review: the review interval). */
  termKey: string
  /** Days before the deadline; null for a review or a renewal. */
  offsetDays: number | null
  /** The date the reminder is about: last day, notice deadline, review date, new notice deadline. */
  deadline: IsoDate
  dueOn: IsoDate
  /** The last day on which sending it still makes sense; null: until it is sent. */
  sendUntil: IsoDate | null
  /** Auto-renewing: the day the next period starts (notice), or the one that started (renewed). */
  renewsOn: IsoDate | null
  /** The end of the period the reminder is about, when it has one. */
  periodEnd: IsoDate | null
}

/** What identifies a reminder once and for all (the unique index of protocol_reminders). */
export function reminderKey(r: { termKey: string; kind: string; offsetDays: number | null }): string {
  return `${r.termKey}|${r.kind}|${r.offsetDays ?? NO_OFFSET}`
}

const KIND_ORDER: Record<ReminderKind, number> = { end: 0, notice: 1, renewed: 2, review: 3 }

/** Earliest due first; for one due date, the most pressing kind first. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
}

/**
 * Every reminder of the protocol's term or period current on `today`, due or not (sorted by due
 * date). The period is the one `protocolSituation` computes for that date.
 */
export function remindersOfTerm(
  facts: ProtocolFacts,
  today: IsoDate,
  protocolSettings: ProtocolSettings = DEFAULT_PROTOCOL_SETTINGS,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): Reminder[] {
  const s = protocolSituation(facts, today, protocolSettings)
  if (!s.usable || !s.period) return []
  const period = s.period
  const out: Reminder[] = []
  const grace = (date: IsoDate) => addDays(date, settings.lateGraceDays)

  if (facts.term.type === 'auto_renewing' && s.renewsOn && period.end) {
    // No decided ending: the notice deadline of the current period, then the renewal.
    const termKey = `${period.start}..${period.end}`
    const deadline = s.noticeDeadline ?? period.end
    const confirmed = facts.renewalConfirmedFor !== null && facts.renewalConfirmedFor >= period.start
    if (!confirmed) {
      for (const offset of settings.noticeOffsets) {
        const dueOn = addDays(deadline, -offset)
        if (dueOn < period.start) continue
        out.push({
          kind: 'notice',
          termKey,
          offsetDays: offset,
          deadline,
          dueOn,
          sendUntil: grace(deadline),
          renewsOn: s.renewsOn,
          periodEnd: period.end,
        })
      }
    }
    if (period.index > 0) {
      out.push({
        kind: 'renewed',
        termKey,
        offsetDays: null,
        deadline,
        dueOn: period.start,
        sendUntil: grace(period.start),
        renewsOn: period.start,
        periodEnd: period.end,
      })
    }
  } else if (s.end) {
    // A fixed term, a hard stop, or a decided ending: its last day.
    const termKey = `${period.start}..${s.end}`
    for (const offset of settings.endOffsets) {
      const dueOn = addDays(s.end, -offset)
      if (dueOn < period.start) continue
      out.push({
        kind: 'end',
        termKey,
        offsetDays: offset,
        deadline: s.end,
        dueOn,
        sendUntil: grace(s.end),
        renewsOn: null,
        periodEnd: s.end,
      })
    }
  }

  const over = s.end !== null && today > s.end
  if (s.nextReview && !s.terminatesAfter && !over) {
    const from = facts.lastReviewedOn ?? facts.term.start!
    out.push({
      kind: 'review',
      termKey: `${from}..${s.nextReview}`,
      offsetDays: null,
      deadline: s.nextReview,
      dueOn: s.nextReview,
      sendUntil: null,
      renewsOn: null,
      periodEnd: s.end,
    })
  }
  return out.sort(compareReminders)
}

/** A reminder already recorded (sent or collapsed into a message). */
export type RecordedReminder = {
  termKey: string
  kind: string
  offsetDays: number | null
  acknowledged?: boolean
}

export type ReminderMessage = {
  /** The reminder the message is recorded as (status `sent`): the latest that came due. */
  primary: Reminder
  /** The other reminders that came due, in the same message (status `collapsed`). */
  collapsed: Reminder[]
  /** More than one reminder came due: one "overdue" message lists them. */
  overdue: boolean
  /** The primary reminder was due before today (it is sent late). */
  late: boolean
  /** The admins receive it too: a deadline is close and nobody acknowledged a reminder of the term. */
  escalate: boolean
}

/** Whether a reminder is due on `today` and still worth sending (not yet recorded is checked apart). */
export function isSendable(r: Reminder, today: IsoDate): boolean {
  return r.dueOn <= today && (r.sendUntil === null || today <= r.sendUntil)
}

/**
 * What to send now for one protocol: everything due on or before today that was not recorded,
 * as one message (an "overdue" one when several came due), or null.
 */
export function reminderToSend(
  reminders: Reminder[],
  recorded: RecordedReminder[],
  today: IsoDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): ReminderMessage | null {
  const done = new Set(recorded.map(reminderKey))
  const due = reminders.filter((r) => isSendable(r, today) && !done.has(reminderKey(r))).sort(compareReminders)
  if (due.length === 0) return null
  const primary = due[due.length - 1]!
  const collapsed = due.slice(0, -1)
  const deadlineKinds = new Set<string>(['end', 'notice'])
  const close = due.some(
    (r) => deadlineKinds.has(r.kind) && r.offsetDays !== null && r.offsetDays <= settings.escalateWithinDays,
  )
  const termKeys = new Set(due.filter((r) => deadlineKinds.has(r.kind)).map((r) => r.termKey))
  const acknowledged = recorded.some((r) => r.acknowledged && deadlineKinds.has(r.kind) && termKeys.has(r.termKey))
  return {
    primary,
    collapsed,
    overdue: due.length > 1,
    late: primary.dueOn < today,
    escalate: close && !acknowledged,
  }
}

/** The reminders of the current term not sent yet (due later, or due and waiting for the next run). */
export function plannedReminders(reminders: Reminder[], recorded: RecordedReminder[], today: IsoDate): Reminder[] {
  const done = new Set(recorded.map(reminderKey))
  return reminders.filter(
    (r) => !done.has(reminderKey(r)) && (r.dueOn > today || r.sendUntil === null || today <= r.sendUntil),
  )
}

// ---------------------------------------------------------------- the weekly summary

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1
}

/** The ISO week of a date, as '2026-W07'. */
export function isoWeek(date: IsoDate): string {
  const n = dayNumber(date)
  const thursday = fromDayNumber(n - isoWeekday(date) + 4)
  const year = thursday.slice(0, 4)
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/**
 * The weekly summary of protocols to review: due from the configured weekday of each ISO week
 * (Monday by default), so that a missed Monday still sends it, once, later that week.
 */
export function weeklySummaryDue(
  today: IsoDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): { week: string; dueOn: IsoDate } | null {
  const dueOn = addDays(today, settings.weeklySummaryWeekday - isoWeekday(today))
  return today >= dueOn ? { week: isoWeek(today), dueOn } : null
}

// ---------------------------------------------------------------- the planner's schedule

/*
 * What the planner stores with each protocol so that a cycle loads only the protocols with
 * something to do on its date (an index range), instead of computing every term of the country:
 * the first date from which it has something to do for the protocol, and the dates between which
 * the protocol "needs review" (for the weekly summary). Both follow from the facts, the
 * authority's settings and what was already recorded; they are computed again whenever any of
 * these changes (app/models/protocol.server.ts, refreshPlanningSchedule).
 */

/** Stored for "never": after every real date, so that a range `<= today` leaves it out. */
export const NEVER: IsoDate = '9999-12-31'
/** Stored for "always" (a term that cannot be computed needs review from the beginning of time). */
export const ALWAYS: IsoDate = '0000-01-01'

/** How many periods of an auto-renewing term are looked through before giving up (and looking again then). */
const MAX_PERIODS_AHEAD = 500

/**
 * The stretches of dates over which `protocolSituation` gives the same period, end, deadlines and
 * review date, from `from` on: the whole line for a term that does not renew; for an
 * auto-renewing term its periods (the first one from before its start; after a decision to let
 * it lapse, the last period for ever after; nothing after a termination's last day).
 */
function* situationStretches(facts: ProtocolFacts, from: IsoDate): Generator<{ lo: IsoDate; hi: IsoDate | null }> {
  const { term } = facts
  if (term.type !== 'auto_renewing') {
    yield { lo: from, hi: null }
    return
  }
  const lapse =
    facts.ending?.kind === 'let_lapse' ? periodContaining(term, maxDate(facts.ending.decidedOn, term.start!)) : null
  const lastDay = facts.ending?.kind === 'terminate' ? addDays(facts.ending.effectiveOn, -1) : null
  for (let k = periodContaining(term, from).index, first = true; ; k++, first = false) {
    const last = lapse !== null && k >= lapse.index
    const period = renewalPeriod(term, last ? lapse.index : k)
    // A period that starts after a termination's last day has nothing (its end reminders would
    // come before it); the period containing that day still has them, up to their grace days.
    if (lastDay !== null && period.start > lastDay) return
    const lo = first ? from : period.start
    yield { lo, hi: last ? null : period.end }
    if (last) return
  }
}

/**
 * The first date on or after `from` on which an auto-renewing protocol has rolled over into a
 * period not recorded yet (`automaticRenewals`); null: never.
 */
function nextRenewalDate(facts: ProtocolFacts, from: IsoDate, renewed: ReadonlySet<IsoDate>): IsoDate | null {
  const { term } = facts
  if (term.type !== 'auto_renewing' || !termIsUsable(term)) return null
  if (automaticRenewals(facts, from).some((p) => !renewed.has(p.start))) return from
  const lapse =
    facts.ending?.kind === 'let_lapse' ? periodContaining(term, maxDate(facts.ending.decidedOn, term.start!)) : null
  let k = from <= firstPeriodEnd(term) ? 1 : periodContaining(term, from).index + 1
  // Each period passed over was recorded already: at most that many, then one more.
  for (let n = 0; n <= renewed.size; n++, k++) {
    if (lapse && k > lapse.index) return null
    const period = renewalPeriod(term, k)
    if (facts.ending?.kind === 'terminate' && period.start >= facts.ending.effectiveOn) return null
    if (!renewed.has(period.start)) return period.start
  }
  return renewalPeriod(term, k).start
}

/**
 * The first date on or after `from` on which the planner has something to do for the protocol,
 * as things stand: a reminder of the term in force that day is due, still worth sending and not
 * recorded (`reminderToSend` would send it), or the term rolled over into a period not recorded
 * yet. null: nothing, ever (until the facts, the settings or the records change).
 *
 * `recorded` holds the reminder keys already recorded (`reminderKey`), `renewed` the starts of the
 * periods recorded for the term in force. A date too far to find is answered with an earlier one
 * (the planner then looks, and asks again): never later than the true one.
 */
export function nextPlanningDate(
  facts: ProtocolFacts,
  from: IsoDate,
  protocolSettings: ProtocolSettings,
  settings: ReminderSettings,
  recorded: ReadonlySet<string>,
  renewed: ReadonlySet<IsoDate>,
): IsoDate | null {
  if (!termIsUsable(facts.term)) return null
  let best = nextRenewalDate(facts, from, renewed)
  let stretches = 0
  for (const stretch of situationStretches(facts, from)) {
    if (best !== null && stretch.lo >= best) break
    if (++stretches > MAX_PERIODS_AHEAD) return stretch.lo
    // Within a stretch the reminders are the same each day (a review only up to the last day):
    // each is sendable from its due date to its last useful day, both cut to the stretch.
    const situation = protocolSituation(facts, stretch.lo, protocolSettings)
    for (const r of remindersOfTerm(facts, stretch.lo, protocolSettings, settings)) {
      if (recorded.has(reminderKey(r))) continue
      const lo = maxDate(r.dueOn, stretch.lo)
      let hi = r.sendUntil
      if (stretch.hi !== null) hi = hi === null ? stretch.hi : minDate(hi, stretch.hi)
      if (r.kind === 'review' && situation.end !== null) hi = hi === null ? situation.end : minDate(hi, situation.end)
      if (hi !== null && lo > hi) continue
      if (best === null || lo < best) best = lo
    }
  }
  return best
}

/**
 * The dates between which the protocol's status is "needs review" (`protocolSituation`), both
 * included; `until` null: for ever after `from`. null: never. A term that cannot be computed
 * needs review always (from ALWAYS); a flagged one from its start; an open-ended or conditional
 * one from its next review date; none after its last day of validity.
 */
export function needsReviewWindow(
  facts: ProtocolFacts,
  protocolSettings: ProtocolSettings = DEFAULT_PROTOCOL_SETTINGS,
): { from: IsoDate; until: IsoDate | null } | null {
  const { term } = facts
  if (!termIsUsable(term)) return { from: ALWAYS, until: null }
  const start = term.start!
  const reviewed = term.type === 'open_ended' || term.type === 'conditional'
  const from = facts.flagged
    ? start
    : reviewed
      ? maxDate(start, nextReviewDate(start, facts.lastReviewedOn, protocolSettings))
      : null
  if (from === null) return null
  let until: IsoDate | null =
    term.type !== 'auto_renewing'
      ? term.end
      : facts.ending?.kind === 'let_lapse'
        ? periodContaining(term, maxDate(facts.ending.decidedOn, start)).end
        : null
  if (facts.ending?.kind === 'terminate') {
    const lastDay = addDays(facts.ending.effectiveOn, -1)
    if (until === null || lastDay < until) until = lastDay
  }
  return until !== null && until < from ? null : { from, until }
}
