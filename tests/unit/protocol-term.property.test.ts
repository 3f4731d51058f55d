import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, dayNumber } from '~/domain/calendar'
import { periodContaining, protocolSituation, renewalPeriod } from '~/domain/protocol-term'
import type { Term } from '~/domain/protocol-types'

const isoDate = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') }).map(fromDayNumber)
// Month-end and leap-day anchors are where renewals go wrong: give them extra weight.
const anchorDate = fc.oneof(
  isoDate,
  fc.constantFrom('2024-02-29', '2023-01-31', '2023-03-31', '2020-02-29', '2023-08-31', '2022-12-31'),
)
const renewal = fc.constantFrom('P1Y', 'P2Y', 'P3Y', 'P1M', 'P3M', 'P6M', 'P30D', 'P90D')
const notice = fc.constantFrom(null, 'P30D', 'P15D', 'P1M', 'P7D')

const autoRenewing = fc
  .record({ start: anchorDate, firstEndOffset: fc.option(fc.integer({ min: 0, max: 800 })), renewal, notice })
  .map(({ start, firstEndOffset, renewal, notice }): Term => ({
    type: 'auto_renewing',
    start,
    end: firstEndOffset === null ? null : addDays(start, firstEndOffset),
    renewalPeriod: renewal,
    noticePeriod: notice,
    extension: null,
    condition: null,
  }))

const facts = (term: Term) => ({ term, ending: null, renewalConfirmedFor: null, lastReviewedOn: null, flagged: false })

describe('properties of auto-renewing terms over random terms and dates', () => {
  it('the period containing a date starts on or before it and ends on or after it; an end is never before its start', () => {
    fc.assert(
      fc.property(autoRenewing, isoDate, (term, today) => {
        fc.pre(today >= term.start!)
        const p = periodContaining(term, today)
        expect(p.start <= today && today <= p.end).toBe(true)
        expect(p.end >= p.start).toBe(true)
      }),
    )
  })

  it('a renewal starts the day after the previous end, whatever "today" is', () => {
    fc.assert(
      fc.property(autoRenewing, isoDate, isoDate, (term, d1, d2) => {
        fc.pre(d1 >= term.start! && d2 >= term.start!)
        const p1 = periodContaining(term, d1)
        const p2 = periodContaining(term, d2)
        for (const p of [p1, p2]) {
          if (p.index > 0) expect(p.start).toBe(addDays(renewalPeriod(term, p.index - 1).end, 1))
          // the same period is found from any date inside it: nothing depends on today
          expect(periodContaining(term, p.start)).toEqual(p)
          expect(periodContaining(term, p.end)).toEqual(p)
        }
      }),
    )
  })

  it('the notice deadline always belongs to the current term', () => {
    fc.assert(
      fc.property(autoRenewing, isoDate, (term, today) => {
        const s = protocolSituation(facts(term), today)
        if (s.noticeDeadline === null) return
        expect(s.period!.start <= s.noticeDeadline && s.noticeDeadline <= s.period!.end!).toBe(true)
      }),
    )
  })

  it('periods follow each other with no gap and no overlap', () => {
    fc.assert(
      fc.property(autoRenewing, fc.integer({ min: 0, max: 40 }), (term, k) => {
        const a = renewalPeriod(term, k)
        const b = renewalPeriod(term, k + 1)
        expect(b.start).toBe(addDays(a.end, 1))
        expect(b.end > a.end).toBe(true)
      }),
    )
  })
})

describe('properties of fixed terms', () => {
  it('the status follows the dates: upcoming, then valid, then expired, never back', () => {
    const order = { upcoming: 0, active: 1, expiring: 1, expired: 2 } as Record<string, number>
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 3000 }), isoDate, isoDate, (start, length, d1, d2) => {
        const term: Term = {
          type: 'fixed',
          start,
          end: addDays(start, length),
          renewalPeriod: null,
          noticePeriod: null,
          extension: null,
          condition: null,
        }
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1]
        const a = protocolSituation(facts(term), early).status
        const b = protocolSituation(facts(term), late).status
        expect(order[a]! <= order[b]!).toBe(true)
      }),
    )
  })
})
