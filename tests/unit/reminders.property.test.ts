import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, fromDayNumber } from '~/domain/calendar'
import type { Ending, ProtocolFacts } from '~/domain/protocol-term'
import type { Term } from '~/domain/protocol-types'
import { reminderKey, remindersOfTerm, reminderToSend, type RecordedReminder } from '~/domain/reminders'

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
      renewal: fc.constantFrom('P1Y', 'P2Y', 'P6M', 'P1M', 'P90D', 'P30D'),
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
)

const ending: fc.Arbitrary<Ending | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  isoDate('2024-01-01', '2027-06-30').map((decidedOn) => ({ kind: 'let_lapse' as const, decidedOn })),
  isoDate('2024-01-01', '2027-06-30').map((effectiveOn) => ({ kind: 'terminate' as const, effectiveOn })),
)

const protocol: fc.Arbitrary<ProtocolFacts> = fc
  .record({ term, ending, reviewed: fc.option(isoDate('2023-01-01', '2026-12-31')) })
  .map(({ term, ending, reviewed }) => ({
    term,
    ending,
    renewalConfirmedFor: null,
    lastReviewedOn: reviewed && term.start && reviewed >= term.start ? reviewed : null,
    flagged: false,
  }))

/** Runs the planner on each date, as given (a clock may even go back), recording what it sends. */
function run(p: ProtocolFacts, dates: string[]) {
  const recorded: RecordedReminder[] = []
  const messages: Array<{ on: string; dueOns: string[] }> = []
  const keys: string[] = []
  for (const today of dates) {
    const message = reminderToSend(remindersOfTerm(p, today), recorded, today)
    if (!message) continue
    const all = [message.primary, ...message.collapsed]
    messages.push({ on: today, dueOns: all.map((r) => r.dueOn) })
    for (const r of all) {
      keys.push(reminderKey(r))
      recorded.push(r)
    }
  }
  return { messages, keys }
}

describe('properties of the reminder planner over random protocols and run dates', () => {
  it('each reminder is sent at most once, whatever the sequence of run dates', () => {
    fc.assert(
      fc.property(protocol, fc.array(isoDate('2023-01-01', '2028-12-31'), { maxLength: 60 }), (p, dates) => {
        const { keys } = run(p, dates)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      { numRuns: 300 },
    )
  })

  it('nothing is sent before its due date', () => {
    fc.assert(
      fc.property(protocol, fc.array(isoDate('2023-01-01', '2028-12-31'), { maxLength: 60 }), (p, dates) => {
        for (const m of run(p, dates).messages) for (const due of m.dueOns) expect(due <= m.on).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('run every day, every reminder goes out on its due date, never late', () => {
    fc.assert(
      fc.property(protocol, isoDate('2024-01-01', '2026-12-31'), (p, from) => {
        // What was due before the first run counts as sent.
        const dates = Array.from({ length: 400 }, (_, i) => addDays(from, i))
        const recorded: RecordedReminder[] = remindersOfTerm(p, from).filter((r) => r.dueOn < from)
        for (const today of dates) {
          const message = reminderToSend(remindersOfTerm(p, today), recorded, today)
          if (!message) continue
          for (const r of [message.primary, ...message.collapsed]) {
            expect(r.dueOn).toBe(today)
            recorded.push(r)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
