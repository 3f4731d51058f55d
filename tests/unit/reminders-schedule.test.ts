/**
 * The planner's stored schedule of a protocol (app/domain/reminders.ts): the first date it has
 * something to do for it, and when the protocol needs review, on examples a legal officer would
 * recognise (the property tests check them against the planner day by day).
 */
import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import { DEFAULT_PROTOCOL_SETTINGS } from '~/domain/protocol-term'
import {
  ALWAYS,
  DEFAULT_REMINDER_SETTINGS,
  needsReviewWindow,
  nextPlanningDate,
  reminderKey,
  remindersOfTerm,
} from '~/domain/reminders'

const none = new Set<string>()
const next = (
  f: ReturnType<typeof facts>,
  from: string,
  recorded: ReadonlySet<string> = none,
  renewed: ReadonlySet<string> = none,
) => nextPlanningDate(f, from, DEFAULT_PROTOCOL_SETTINGS, DEFAULT_REMINDER_SETTINGS, recorded, renewed)

/** The keys of the term's reminders due by `date` (as the planner would have recorded them). */
const sentBy = (f: ReturnType<typeof facts>, date: string) =>
  new Set(
    remindersOfTerm(f, date)
      .filter((r) => r.dueOn <= date)
      .map(reminderKey),
  )

describe('a fixed term from 11.02.2024 to 10.02.2026', () => {
  const fixed = facts(term({ type: 'fixed', start: '2024-02-11', end: '2026-02-10' }))

  it('is due 90, 30, 7 and 1 days before its end, one after the other as each is sent', () => {
    expect(next(fixed, '2025-10-31')).toBe('2025-11-12')
    expect(next(fixed, '2025-11-12', sentBy(fixed, '2025-11-12'))).toBe('2026-01-11')
    expect(next(fixed, '2026-01-11', sentBy(fixed, '2026-01-11'))).toBe('2026-02-03')
    expect(next(fixed, '2026-02-09', sentBy(fixed, '2026-02-09'))).toBeNull()
  })

  it('a reminder missed is still due within the grace days after the end, then never', () => {
    expect(next(fixed, '2026-02-15', sentBy(fixed, '2026-01-11'))).toBe('2026-02-15')
    expect(next(fixed, '2026-02-18', sentBy(fixed, '2026-01-11'))).toBeNull()
  })

  it('extended by an addendum to 10.02.2027: due 90 days before the new end', () => {
    const extended = facts(term({ type: 'fixed', start: '2024-02-11', end: '2027-02-10' }))
    expect(next(extended, '2025-11-12', sentBy(fixed, '2025-11-12'))).toBe('2026-11-12')
  })

  it('terminated from 01.01.2026: its reminders count from its last day, 31.12.2025', () => {
    const terminated = facts(fixed.term, { ending: { kind: 'terminate', effectiveOn: '2026-01-01' } })
    expect(next(terminated, '2025-09-01')).toBe('2025-10-02')
  })

  it('never needs review unless flagged, and then only while it is valid', () => {
    expect(needsReviewWindow(fixed)).toBeNull()
    expect(needsReviewWindow({ ...fixed, flagged: true })).toEqual({ from: '2024-02-11', until: '2026-02-10' })
  })
})

describe('an agreement from 01.03.2025 that renews itself every year unless denounced 30 days before', () => {
  const renewing = facts(
    term({ type: 'auto_renewing', start: '2025-03-01', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }),
  )

  it('is due before its notice deadline (29.01.2026), then on the day it rolls over', () => {
    expect(next(renewing, '2025-10-31')).toBe('2025-12-30')
    expect(next(renewing, '2026-01-28', sentBy(renewing, '2026-01-28'))).toBe('2026-03-01')
  })

  it('once the roll-over and its reminder are recorded: before the next notice deadline', () => {
    const recorded = new Set([...sentBy(renewing, '2026-01-28'), ...sentBy(renewing, '2026-03-01')])
    expect(next(renewing, '2026-03-01', recorded, new Set(['2026-03-01']))).toBe('2026-12-30')
  })

  it('after a downtime, the roll-overs not recorded are due at once', () => {
    expect(next(renewing, '2027-06-01', sentBy(renewing, '2027-06-01'), new Set(['2026-03-01']))).toBe('2027-06-01')
  })

  it('terminated from 28.02.2026 (its last day 27.02.2026): reminded up to the day after, then no more', () => {
    const terminated = facts(renewing.term, { ending: { kind: 'terminate', effectiveOn: '2026-02-28' } })
    expect(next(terminated, '2026-02-27', sentBy(terminated, '2026-02-20'))).toBe('2026-02-27') // 1 day before
    expect(next(terminated, '2026-02-28', sentBy(terminated, '2026-02-20'))).toBe('2026-02-28')
    // Unlike a fixed term's end, the planner has no period left for it after that: a reminder
    // missed by then is not sent in the grace days (as remindersOfTerm decides, which this follows).
    expect(next(terminated, '2026-03-01', sentBy(terminated, '2026-02-20'))).toBeNull()
    expect(next(terminated, '2026-03-06', sentBy(terminated, '2026-02-20'))).toBeNull()
  })

  it('let lapse: its last period ends 28.02.2026 and is reminded as an end, with no roll-over', () => {
    const lapsing = facts(renewing.term, { ending: { kind: 'let_lapse', decidedOn: '2025-11-20' } })
    expect(next(lapsing, '2025-11-20')).toBe('2025-11-30') // 90 days before 28.02.2026
    expect(next(lapsing, '2026-02-27', sentBy(lapsing, '2026-02-27'))).toBeNull()
  })
})

describe('terms reviewed periodically, and terms that cannot be computed', () => {
  it('an open-ended protocol from 15.01.2025 is reviewed every 6 months: due and to review from 15.07.2025', () => {
    const open = facts(term({ type: 'open_ended', start: '2025-01-15' }))
    expect(next(open, '2025-03-01')).toBe('2025-07-15')
    expect(needsReviewWindow(open)).toEqual({ from: '2025-07-15', until: null })
    // reviewed on 31.10.2025: the next review on 30.04.2026
    const reviewed = { ...open, lastReviewedOn: '2025-10-31' }
    expect(next(reviewed, '2025-10-31', sentBy(open, '2025-10-31'))).toBe('2026-04-30')
    expect(needsReviewWindow(reviewed)).toEqual({ from: '2026-04-30', until: null })
  })

  it('a validity nobody could read has no date the planner acts on, and needs review always', () => {
    const unknown = facts(term({ type: 'unknown' }))
    expect(next(unknown, '2025-10-31')).toBeNull()
    expect(needsReviewWindow(unknown)).toEqual({ from: ALWAYS, until: null })
  })
})
