/**
 * The rules of a protocol's term (../shared/DOMAIN.md): its current period, deadlines and
 * status on a given date. Pure functions over calendar dates; "today" is always an argument.
 *
 * - A fixed term runs from start through end (inclusive).
 * - An auto-renewing term's first period ends on `end` (or start + renewal − 1 day); each renewal
 *   counts from the previous end and is anchored on the first end's day. The notice deadline of a
 *   period is its end minus the notice period: the last day a party can refuse the renewal.
 * - Open-ended and conditional terms are reviewed periodically; a conditional one may have a hard
 *   stop (`end`).
 * - A decision to let an auto-renewing term lapse ends it at the end of the current period; a
 *   termination ends any term on its effective date (a future one shows as "terminating").
 */
import { addDays, addMonths, addPeriod, daysBetween, isPeriod, maxDate, periodEndFrom, periodsUntil } from './calendar'
import type { IsoDate, ProtocolStatus, Term } from './protocol-types'

export type ProtocolSettings = {
  /** A fixed term (or a hard stop) this close to its end is "expiring" (days). */
  expiringWithinDays: number
  /** A notice deadline this close makes an auto-renewing term "in_notice_window". */
  noticeWarningDays: number
  /** Open-ended and conditional terms are reviewed this often. */
  reviewEveryMonths: number
}

export const DEFAULT_PROTOCOL_SETTINGS: ProtocolSettings = {
  expiringWithinDays: 90,
  noticeWarningDays: 30,
  reviewEveryMonths: 6,
}

/** The largest warning window, in days (two years). */
export const MAX_WARNING_DAYS = 730
/** The longest review interval, in months. */
export const MAX_REVIEW_MONTHS = 60

/**
 * Stored settings (authorities.protocol_settings, a JSON object), with the defaults filled in for
 * anything missing or out of range. The same object holds the reminder settings under `reminders`
 * (read by readReminderSettings in ./reminders.ts; edited with ./reminder-settings.ts).
 */
export function readProtocolSettings(stored: unknown): ProtocolSettings {
  const value = typeof stored === 'object' && stored ? (stored as Record<string, unknown>) : {}
  const pick = (key: keyof ProtocolSettings, min: number, max: number) => {
    const v = value[key]
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : DEFAULT_PROTOCOL_SETTINGS[key]
  }
  return {
    expiringWithinDays: pick('expiringWithinDays', 1, MAX_WARNING_DAYS),
    noticeWarningDays: pick('noticeWarningDays', 1, MAX_WARNING_DAYS),
    reviewEveryMonths: pick('reviewEveryMonths', 1, MAX_REVIEW_MONTHS),
  }
}

export type Ending =
  /** The authority decided not to renew: the term ends with the period in which it was decided. */
  | { kind: 'let_lapse'; decidedOn: IsoDate }
  /** Terminated with effect from a date (the last day of validity is the day before). */
  | { kind: 'terminate'; effectiveOn: IsoDate }

export type ProtocolFacts = {
  term: Term
  /** A decision that ends the protocol, if one was recorded. */
  ending: Ending | null
  /** A decision to renew the auto-renewing period that contains this date. */
  renewalConfirmedFor: IsoDate | null
  lastReviewedOn: IsoDate | null
  /** Flagged on import or by a person: the record itself needs to be checked. */
  flagged: boolean
}

/** A period of validity; `end` is null while an open-ended or conditional term has no stop. */
export type Period = { index: number; start: IsoDate; end: IsoDate | null }

export type ProtocolSituation = {
  status: ProtocolStatus
  /** Whether the term can be computed at all (false: "no usable term"). */
  usable: boolean
  /** The period containing the date (for a fixed term, the whole term). */
  period: Period | null
  /** The last day of validity as it stands (period end, hard stop, or the day before termination). */
  end: IsoDate | null
  noticeDeadline: IsoDate | null
  nextReview: IsoDate | null
  /** A termination or a decision not to renew takes effect after this day. */
  terminatesAfter: IsoDate | null
  /** For an auto-renewing term: when the next period would start. */
  renewsOn: IsoDate | null
}

/** Whether the term holds enough to compute dates with (an `unknown` term never does). */
export function termIsUsable(term: Term): boolean {
  switch (term.type) {
    case 'fixed':
      return term.start !== null && term.end !== null && term.end >= term.start
    case 'auto_renewing':
      return (
        term.start !== null &&
        isPeriod(term.renewalPeriod) &&
        (term.noticePeriod === null || isPeriod(term.noticePeriod)) &&
        (term.end === null || term.end >= term.start)
      )
    case 'open_ended':
      return term.start !== null
    case 'conditional':
      return term.start !== null && (term.end === null || term.end >= term.start)
    case 'unknown':
      return false
  }
}

/** The end of the first period of an auto-renewing term. */
export function firstPeriodEnd(term: Term): IsoDate {
  if (term.end) return term.end
  return periodEndFrom(term.start!, term.renewalPeriod!)
}

/** The k-th period of an auto-renewing term (k = 0 is the first). */
export function renewalPeriod(term: Term, k: number): Period & { end: IsoDate } {
  const anchor = firstPeriodEnd(term)
  const end = addPeriod(anchor, term.renewalPeriod!, k)
  const start = k === 0 ? term.start! : addDays(addPeriod(anchor, term.renewalPeriod!, k - 1), 1)
  return { index: k, start, end }
}

/** The auto-renewing period that contains `date` (the first one if the term has not begun). */
export function periodContaining(term: Term, date: IsoDate): Period & { end: IsoDate } {
  const anchor = firstPeriodEnd(term)
  return renewalPeriod(term, periodsUntil(anchor, term.renewalPeriod!, date))
}

/**
 * The notice deadline of a period: its end minus the notice period, never before the period's
 * start (a notice longer than the period must be given on its first day).
 */
export function noticeDeadline(term: Term, period: Period & { end: IsoDate }): IsoDate | null {
  if (!term.noticePeriod) return null
  return maxDate(period.start, addPeriod(period.end, term.noticePeriod, -1))
}

/**
 * The periods an auto-renewing term rolled over into by itself up to `today`, oldest first: every
 * period after the first that started on or before `today`, none after the period in which a
 * decision to let it lapse was taken, none starting on or after a termination's effective date.
 * The periods stay anchored on the first end (a renewal counts from the previous end).
 */
export function automaticRenewals(facts: ProtocolFacts, today: IsoDate): Array<Period & { end: IsoDate }> {
  const { term } = facts
  if (term.type !== 'auto_renewing' || !termIsUsable(term) || today <= firstPeriodEnd(term)) return []
  let last = periodContaining(term, today).index
  if (facts.ending?.kind === 'let_lapse') {
    last = Math.min(last, periodContaining(term, maxDate(facts.ending.decidedOn, term.start!)).index)
  }
  const out: Array<Period & { end: IsoDate }> = []
  for (let k = 1; k <= last; k++) {
    const period = renewalPeriod(term, k)
    if (facts.ending?.kind === 'terminate' && period.start >= facts.ending.effectiveOn) break
    out.push(period)
  }
  return out
}

export function nextReviewDate(start: IsoDate, lastReviewedOn: IsoDate | null, settings: ProtocolSettings): IsoDate {
  return addMonths(lastReviewedOn ?? start, settings.reviewEveryMonths)
}

/** Status and deadlines of a protocol on a date. */
export function protocolSituation(
  facts: ProtocolFacts,
  today: IsoDate,
  settings: ProtocolSettings = DEFAULT_PROTOCOL_SETTINGS,
): ProtocolSituation {
  const { term } = facts
  const none: ProtocolSituation = {
    status: 'needs_review',
    usable: false,
    period: null,
    end: null,
    noticeDeadline: null,
    nextReview: null,
    terminatesAfter: null,
    renewsOn: null,
  }
  if (!termIsUsable(term)) return none
  const start = term.start!

  // The day after which nothing is valid any more because of a termination decision.
  const terminationLastDay = facts.ending?.kind === 'terminate' ? addDays(facts.ending.effectiveOn, -1) : null

  let period: Period
  let end: IsoDate | null = null
  let notice: IsoDate | null = null
  let nextReview: IsoDate | null = null
  let renewsOn: IsoDate | null = null
  let lapseAfter: IsoDate | null = null

  switch (term.type) {
    case 'fixed':
      period = { index: 0, start, end: term.end! }
      end = term.end!
      break
    case 'auto_renewing': {
      let current = periodContaining(term, today)
      if (facts.ending?.kind === 'let_lapse') {
        // No renewal after the period in which the decision was taken.
        const last = periodContaining(term, maxDate(facts.ending.decidedOn, start))
        lapseAfter = last.end
        if (today > last.end) current = last
      }
      period = current
      end = current.end
      notice = lapseAfter ? null : noticeDeadline(term, current)
      renewsOn = lapseAfter ? null : addDays(current.end, 1)
      break
    }
    default:
      period = { index: 0, start, end: term.end }
      end = term.end
      nextReview = nextReviewDate(start, facts.lastReviewedOn, settings)
      break
  }

  let terminatesAfter = lapseAfter
  if (terminationLastDay && (end === null || terminationLastDay < end)) {
    terminatesAfter = terminationLastDay
    end = terminationLastDay
    if (notice && notice > terminationLastDay) notice = null
    renewsOn = null
  }
  if (terminatesAfter && end && terminatesAfter < end) end = terminatesAfter

  const result = (status: ProtocolStatus): ProtocolSituation => ({
    status,
    usable: true,
    period,
    end,
    noticeDeadline: notice,
    nextReview,
    terminatesAfter,
    renewsOn,
  })

  if (today < start) return result('upcoming')
  if (terminationLastDay && today > terminationLastDay) return result('terminated')
  if (end && today > end) return result('expired')
  if (facts.flagged) return result('needs_review')
  if (nextReview && today >= nextReview) return result('needs_review')

  if (term.type === 'auto_renewing' && !terminatesAfter) {
    const confirmed = facts.renewalConfirmedFor !== null && facts.renewalConfirmedFor >= period!.start
    if (notice && !confirmed && today <= notice && daysBetween(today, notice) <= settings.noticeWarningDays) {
      return result('in_notice_window')
    }
    return result(period!.index > 0 ? 'renewed' : 'active')
  }
  if (end && daysBetween(today, end) <= settings.expiringWithinDays) return result('expiring')
  return result('active')
}
