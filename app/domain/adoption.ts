/**
 * The adoption gate (../shared/DOMAIN.md, "Plans and their consultation"): a plan is adopted only
 * when every condition holds, each one explained with what to do about it. Pure: the facts are
 * gathered by the model, "today" is passed in.
 */
import { z } from 'zod'
import type { PlanKind, PlanPhase } from './consultation'
import type { LegalSettings } from './legal-settings'
import type { MinutesStatus, ParticipantCategory } from './minutes-rules'

export type AdoptionFacts = {
  kind: PlanKind
  phase: PlanPhase
  closesOn: string | null
  earliestAdoptionOn: string | null
  /** Registered recommendations without an answer. */
  unanswered: number
  /**
   * Written requests for a public debate: whether a debate answers each (scheduled, not
   * cancelled) and the status of that debate's minutes, if any.
   */
  debateRequests: Array<{ registrationNumber: string; scheduled: boolean; minutesStatus: MinutesStatus | null }>
  /** Minutes of kind "consultation" on this plan. */
  consultationMinutes: Array<{ status: MinutesStatus; categories: ParticipantCategory[] }>
}

export type Condition =
  | { code: 'window_closed'; met: boolean; closesOn: string | null }
  | { code: 'earliest_date'; met: boolean; earliestAdoptionOn: string | null }
  | { code: 'all_answered'; met: boolean; unanswered: number }
  | { code: 'debate_minutes'; met: boolean; requests: number; unscheduled: string[]; withoutMinutes: string[] }
  | { code: 'consultation_minutes'; met: boolean; approved: number }
  | { code: 'categories_covered'; met: boolean; missing: ParticipantCategory[] }

/**
 * Every condition of the adoption, in the order a user works through them. `decisionDate` is the
 * date of the council's decision being recorded (the earliest adoption date is checked on it).
 */
export function adoptionChecklist(facts: AdoptionFacts, settings: LegalSettings, decisionDate: string): Condition[] {
  const conditions: Condition[] = [
    {
      code: 'window_closed',
      met: facts.phase === 'closed' || facts.phase === 'adopted',
      closesOn: facts.closesOn,
    },
    {
      code: 'earliest_date',
      met: facts.earliestAdoptionOn !== null && decisionDate >= facts.earliestAdoptionOn,
      earliestAdoptionOn: facts.earliestAdoptionOn,
    },
    { code: 'all_answered', met: facts.unanswered === 0, unanswered: facts.unanswered },
  ]
  if (facts.debateRequests.length > 0) {
    // Every request is answered by a debate that took place and whose minutes are approved.
    const unscheduled = facts.debateRequests.filter((r) => !r.scheduled).map((r) => r.registrationNumber)
    const withoutMinutes = facts.debateRequests
      .filter((r) => r.scheduled && r.minutesStatus !== 'approved')
      .map((r) => r.registrationNumber)
    conditions.push({
      code: 'debate_minutes',
      met: unscheduled.length === 0 && withoutMinutes.length === 0,
      requests: facts.debateRequests.length,
      unscheduled,
      withoutMinutes,
    })
  }
  if (facts.kind === 'annual_action_plan' && settings.annualPlanRequiresConsultationMinutes) {
    const approved = facts.consultationMinutes.filter((m) => m.status === 'approved')
    conditions.push({ code: 'consultation_minutes', met: approved.length > 0, approved: approved.length })
    const covered = new Set(approved.flatMap((m) => m.categories))
    const missing = settings.consultationRequiredCategories.filter((c) => !covered.has(c))
    conditions.push({ code: 'categories_covered', met: approved.length > 0 && missing.length === 0, missing })
  }
  return conditions
}

export function canAdopt(conditions: Condition[]): boolean {
  return conditions.every((c) => c.met)
}

export const adoptionFormSchema = z.object({
  decisionNumber: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(50, 'plans.validation.tooLong'),
  decisionDate: z
    .string({ required_error: 'validation.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date'),
  adoptingBody: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(3, 'plans.validation.tooShort')
    .max(200, 'plans.validation.tooLong'),
})

/** "HCL nr. 83 / 14.12.2017" style: the short name of the decision for the public page. */
export function decisionLabel(d: { decisionNumber: string; decisionDate: string; adoptingBody: string }): string {
  const [y, m, day] = d.decisionDate.split('-')
  return `${d.adoptingBody} nr. ${d.decisionNumber} / ${day}.${m}.${y}`
}

/**
 * The council that usually adopts an authority's plans, in the genitive Romanian needs
 * ("Comuna Pângărați" → "Consiliul Local al Comunei Pângărați"); '' when it cannot be told.
 */
export function defaultAdoptingBody(authorityName: string): string {
  const name = authorityName.trim()
  const forms: Array<[RegExp, string]> = [
    [/^Comuna\s+/i, 'Consiliul Local al Comunei '],
    [/^Orașul\s+/i, 'Consiliul Local al Orașului '],
    [/^Municipiul\s+/i, 'Consiliul Local al Municipiului '],
    [/^Județul\s+/i, 'Consiliul Județean '],
    [/^Sectorul\s+/i, 'Consiliul Local al Sectorului '],
  ]
  for (const [pattern, body] of forms) if (pattern.test(name)) return body + name.replace(pattern, '')
  return ''
}
