/**
 * The rules of a plan's consultation (../shared/DOMAIN.md, "Plans and their consultation"):
 * the publication gate, the comment window, the earliest adoption date, what a user may do in
 * each phase, and the answer rule. Pure: dates are 'YYYY-MM-DD' in Europe/Bucharest, "today"
 * is always passed in.
 */
import { addDays, daysBetween } from './calendar'
import { isValidIsoDate } from './dates'
import type { LegalSettings } from './legal-settings'

export const PLAN_KINDS = ['annual_action_plan', 'strategy', 'draft_decision', 'other'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]
export const PLAN_STATUSES = ['draft', 'in_consultation', 'consultation_closed', 'adopted', 'withdrawn'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]
export const ANSWERS = ['accepted', 'partially_accepted', 'rejected', 'not_applicable'] as const
export type Answer = (typeof ANSWERS)[number]

/**
 * What a reader sees of a plan today: the stored status with the calendar applied (a
 * consultation whose last day has passed is closed even before the worker records it).
 */
export type PlanPhase = 'draft' | 'announced' | 'open' | 'closed' | 'adopted' | 'withdrawn'

export type PlanDates = {
  status: PlanStatus
  opensOn: string | null
  closesOn: string | null
}

export function planPhase(plan: PlanDates, today: string): PlanPhase {
  switch (plan.status) {
    case 'draft':
      return 'draft'
    case 'adopted':
      return 'adopted'
    case 'withdrawn':
      return 'withdrawn'
    case 'consultation_closed':
      return 'closed'
    case 'in_consultation':
      if (plan.opensOn && today < plan.opensOn) return 'announced'
      if (plan.closesOn && today > plan.closesOn) return 'closed'
      return 'open'
  }
}

/** Recommendations are received, edited and withdrawn only while the window is open. */
export function acceptsRecommendations(plan: PlanDates, today: string): boolean {
  return planPhase(plan, today) === 'open'
}

/** Days of a window, both ends included (10.01 – 19.01 is ten days). */
export function windowDays(opensOn: string, closesOn: string): number {
  return daysBetween(opensOn, closesOn) + 1
}

/** Days left to comment, today included (0 when closed). */
export function daysLeft(closesOn: string, today: string): number {
  return Math.max(0, daysBetween(today, closesOn) + 1)
}

// --- Romanian working days (Codul muncii, art. 139): for authorities counting working days ---

/** Orthodox Easter Sunday (Gregorian date) by Meeus's Julian algorithm, valid 1900–2099. */
export function orthodoxEaster(year: number): string {
  const a = year % 4
  const b = year % 7
  const c = year % 19
  const d = (19 * c + 15) % 30
  const e = (2 * a + 4 * b - d + 34) % 7
  const month = Math.floor((d + e + 114) / 31)
  const day = ((d + e + 114) % 31) + 1
  const julian = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return addDays(julian, 13)
}

const FIXED_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-06',
  '01-07',
  '01-24',
  '05-01',
  '06-01',
  '08-15',
  '11-30',
  '12-01',
  '12-25',
  '12-26',
]

/** Legal public holidays of Romania in a year ('YYYY-MM-DD'). */
export function publicHolidays(year: number): Set<string> {
  const easter = orthodoxEaster(year)
  const days = FIXED_HOLIDAYS.map((md) => `${year}-${md}`)
  days.push(addDays(easter, -2), easter, addDays(easter, 1), addDays(easter, 49), addDays(easter, 50))
  return new Set(days)
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  if (weekday === 0 || weekday === 6) return false
  return !publicHolidays(Number(date.slice(0, 4))).has(date)
}

/** The date `days` working days after `from` (from itself not counted). */
export function addWorkingDays(from: string, days: number): string {
  let date = from
  let left = days
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date)) left -= 1
  }
  return date
}

/** Law 52/2003: the draft is announced at least N days before it is submitted for adoption. */
export function earliestAdoptionDate(publishedOn: string, settings: LegalSettings): string {
  return settings.announcementDayCounting === 'working'
    ? addWorkingDays(publishedOn, settings.announcementMinDays)
    : addDays(publishedOn, settings.announcementMinDays)
}

export type WindowProblem =
  | { code: 'invalid_date'; field: 'opensOn' | 'closesOn' }
  | { code: 'opens_before_publication' }
  | { code: 'closes_before_opening' }
  | { code: 'window_too_short'; minimum: number; days: number }
  | { code: 'closes_after_adoption'; earliestAdoptionOn: string }

export type PublicationCheck = {
  problems: WindowProblem[]
  earliestAdoptionOn: string
  days: number | null
}

/**
 * The publication gate: the comment window opens on or after the publication date and lasts
 * at least the legal minimum; it must close before the earliest adoption date, or the plan could
 * be adopted while recommendations are still coming in.
 */
export function checkPublication(
  input: { publishedOn: string; opensOn: string; closesOn: string },
  settings: LegalSettings,
): PublicationCheck {
  const problems: WindowProblem[] = []
  const earliestAdoptionOn = earliestAdoptionDate(input.publishedOn, settings)
  const opensValid = isValidIsoDate(input.opensOn)
  const closesValid = isValidIsoDate(input.closesOn)
  if (!opensValid) problems.push({ code: 'invalid_date', field: 'opensOn' })
  if (!closesValid) problems.push({ code: 'invalid_date', field: 'closesOn' })
  if (!opensValid || !closesValid) return { problems, earliestAdoptionOn, days: null }
  if (input.opensOn < input.publishedOn) problems.push({ code: 'opens_before_publication' })
  if (input.closesOn < input.opensOn) {
    problems.push({ code: 'closes_before_opening' })
    return { problems, earliestAdoptionOn, days: null }
  }
  const days = windowDays(input.opensOn, input.closesOn)
  if (days < settings.recommendationWindowMinDays) {
    problems.push({ code: 'window_too_short', minimum: settings.recommendationWindowMinDays, days })
  }
  if (input.closesOn >= earliestAdoptionOn) problems.push({ code: 'closes_after_adoption', earliestAdoptionOn })
  return { problems, earliestAdoptionOn, days }
}

/** A justification is required unless the recommendation is accepted (Law 52/2003). */
export function answerNeedsJustification(answer: Answer): boolean {
  return answer !== 'accepted'
}

/** Registration numbers: the plan's reference and a per-plan sequence ("P2026-3/0007"). */
export function registrationNumber(planReference: string, sequence: number): string {
  return `${planReference}/${String(sequence).padStart(4, '0')}`
}

/** The authority's reference of its n-th plan of a year. */
export function planReference(year: number, n: number): string {
  return `P${year}-${n}`
}

/**
 * How a recommendation is signed in public: the organisation's name, or the person's name
 * only when they chose to sign as a person (DOMAIN.md, data protection). Never an address.
 */
export function publicAuthorLabel(input: { organisationName: string | null; personName: string }): string {
  return input.organisationName ?? input.personName
}

/** Recommendations per user and hour before the platform asks to slow down. */
export const RECOMMENDATIONS_PER_HOUR = 30
/** Largest attachment of a recommendation. */
export const MAX_RECOMMENDATION_ATTACHMENT_BYTES = 10 * 1024 * 1024
/** Recommendations shown per page of a section. */
export const RECOMMENDATIONS_PAGE_SIZE = 20

/** The address of comments on the whole plan rather than a section (the parser's anchors never take it). */
export const WHOLE_PLAN_ANCHOR = 'document'

/** The statuses a reader filters the public list of consultations by. */
export const PUBLIC_STATUS_FILTERS = ['open', 'closing_soon', 'closed', 'adopted', 'withdrawn'] as const
export type PublicStatusFilter = (typeof PUBLIC_STATUS_FILTERS)[number]
