/**
 * The planner's stored schedule (app/domain/reminders.ts): the first date it has something to do
 * for a protocol, and the dates between which the protocol needs review, checked against the
 * planner itself run day by day over random protocols, settings and records.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, fromDayNumber } from '~/domain/calendar'
import {
  automaticRenewals,
  DEFAULT_PROTOCOL_SETTINGS,
  protocolSituation,
  type Ending,
  type ProtocolFacts,
  type ProtocolSettings,
} from '~/domain/protocol-term'
import type { Term } from '~/domain/protocol-types'
import {
  DEFAULT_REMINDER_SETTINGS,
  needsReviewWindow,
  nextPlanningDate,
  reminderKey,
  remindersOfTerm,
  reminderToSend,
  type ReminderSettings,
} from '~/domain/reminders'

const isoDate = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDayNumber)

const baseTerm = { end: null, renewalPeriod: null, extension: null, noticePeriod: null, condition: null }

const term: fc.Arbitrary<Term> = fc.oneof(
  fc
    .record({ start: isoDate('2023-01-01', '2026-06-30'), length: fc.integer({ min: 0, max: 1200 }) })
    .map(({ start, length }) => ({ ...baseTerm, type: 'fixed' as const, start, end: addDays(start, length) })),
  fc
    .record({
      start: isoDate('2023-01-01', '2026-06-30'),
      firstEnd: fc.option(fc.integer({ min: 0, max: 800 })),
      renewal: fc.constantFrom('P1Y', 'P6M', 'P1M', 'P30D', 'P10D'),
      notice: fc.constantFrom(null, 'P30D', 'P15D', 'P1M', 'P3M'),
    })
    .map(({ start, firstEnd, renewal, notice }) => ({
      ...baseTerm,
      type: 'auto_renewing' as const,
      start,
      end: firstEnd === null ? null : addDays(start, firstEnd),
      renewalPeriod: renewal,
      noticePeriod: notice,
    })),
  isoDate('2020-01-01', '2026-06-30').map((start) => ({ ...baseTerm, type: 'open_ended' as const, start })),
  fc
    .record({ start: isoDate('2022-01-01', '2026-06-30'), stop: fc.option(fc.integer({ min: 0, max: 1500 })) })
    .map(({ start, stop }) => ({
      ...baseTerm,
      type: 'conditional' as const,
      start,
      end: stop === null ? null : addDays(start, stop),
      condition: 'pe durata proiectului',
    })),
  fc.constant({ ...baseTerm, type: 'unknown' as const, start: null }),
  // incomplete: a fixed term without its end
  isoDate('2023-01-01', '2026-06-30').map((start) => ({ ...baseTerm, type: 'fixed' as const, start })),
)

const ending: fc.Arbitrary<Ending | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  isoDate('2022-06-01', '2027-06-30').map((decidedOn) => ({ kind: 'let_lapse' as const, decidedOn })),
  isoDate('2022-06-01', '2027-06-30').map((effectiveOn) => ({ kind: 'terminate' as const, effectiveOn })),
)

const facts: fc.Arbitrary<ProtocolFacts> = fc
  .record({
    term,
    ending,
    confirmed: fc.option(isoDate('2023-01-01', '2027-06-30')),
    reviewed: fc.option(isoDate('2019-06-01', '2026-12-31')),
    flagged: fc.boolean(),
  })
  .map(({ term, ending, confirmed, reviewed, flagged }) => ({
    term,
    ending,
    renewalConfirmedFor: confirmed,
    lastReviewedOn: reviewed,
    flagged,
  }))

const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 5 })
const reminderSettings: fc.Arbitrary<ReminderSettings> = fc
  .record({ end: offsets, notice: offsets, grace: fc.integer({ min: 0, max: 20 }) })
  .map(({ end, notice, grace }) => ({
    ...DEFAULT_REMINDER_SETTINGS,
    endOffsets: [...end].sort((a, b) => b - a),
    noticeOffsets: [...notice].sort((a, b) => b - a),
    lateGraceDays: grace,
  }))
const protocolSettings: fc.Arbitrary<ProtocolSettings> = fc
  .integer({ min: 1, max: 12 })
  .map((reviewEveryMonths) => ({ ...DEFAULT_PROTOCOL_SETTINGS, reviewEveryMonths }))

/** What the planner has to do on a date: a reminder message, or a renewal to record. */
function somethingToDo(
  f: ProtocolFacts,
  day: string,
  ps: ProtocolSettings,
  rs: ReminderSettings,
  recorded: Array<{ termKey: string; kind: string; offsetDays: number | null }>,
  renewed: Set<string>,
): boolean {
  if (reminderToSend(remindersOfTerm(f, day, ps, rs), recorded, day, rs)) return true
  return automaticRenewals(f, day).some((p) => !renewed.has(p.start))
}

const HORIZON = 1100

describe('the first date the planner has something to do', () => {
  it('is the first day, from the given one, on which the planner would send or record something', () => {
    fc.assert(
      fc.property(
        facts,
        isoDate('2022-06-01', '2027-06-30'),
        protocolSettings,
        reminderSettings,
        fc.array(isoDate('2022-06-01', '2028-06-30'), { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (f, from, ps, rs, recordOn, keepRenewals) => {
          // Records as a planner run on some dates (any order) would have left them.
          const recorded: Array<{ termKey: string; kind: string; offsetDays: number | null }> = []
          const renewed = new Set<string>()
          for (const day of recordOn) {
            const m = reminderToSend(remindersOfTerm(f, day, ps, rs), recorded, day, rs)
            if (m) recorded.push(m.primary, ...m.collapsed)
            automaticRenewals(f, day).forEach((p, i) => {
              if (keepRenewals[i] ?? true) renewed.add(p.start)
            })
          }
          const keys = new Set(recorded.map(reminderKey))
          const next = nextPlanningDate(f, from, ps, rs, keys, renewed)
          let expected: string | null = null
          for (let i = 0; i <= HORIZON; i++) {
            const day = addDays(from, i)
            if (somethingToDo(f, day, ps, rs, recorded, renewed)) {
              expected = day
              break
            }
          }
          if (expected !== null) expect(next).toBe(expected)
          else expect(next === null || next > addDays(from, HORIZON)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  }, 180_000)
})

describe('the dates between which a protocol needs review', () => {
  it('are exactly the days on which its status is "needs review"', () => {
    fc.assert(
      fc.property(
        facts,
        protocolSettings,
        fc.array(isoDate('2019-01-01', '2030-12-31'), { maxLength: 40 }),
        (f, ps, days) => {
          const window = needsReviewWindow(f, ps)
          for (const day of days) {
            const inside = window !== null && window.from <= day && (window.until === null || day <= window.until)
            expect(inside).toBe(protocolSituation(f, day, ps).status === 'needs_review')
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
