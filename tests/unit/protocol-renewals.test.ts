/**
 * The periods an auto-renewing term rolled over into by itself (automaticRenewals), which the
 * planner records in the protocol's history the day after each period ends: anchored on the first
 * end, none after a decision to let it lapse or a termination, all of them after a downtime.
 */
import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import { automaticRenewals } from '~/domain/protocol-term'
import { remindersOfTerm } from '~/domain/reminders'

const yearly = term({
  type: 'auto_renewing',
  start: '2025-03-01',
  renewalPeriod: 'P1Y',
  noticePeriod: 'P30D',
})

const periods = (list: Array<{ start: string; end: string }>) => list.map((p) => `${p.start}..${p.end}`)

describe('an agreement from 01.03.2025 that renews by itself every year, with 30 days’ notice', () => {
  it('has not renewed during its first period, up to its last day', () => {
    expect(automaticRenewals(facts(yearly), '2025-03-01')).toEqual([])
    expect(automaticRenewals(facts(yearly), '2026-02-28')).toEqual([])
  })

  it('rolls over the day after its end: one period, 01.03.2026 – 28.02.2027', () => {
    expect(automaticRenewals(facts(yearly), '2026-03-01')).toEqual([
      { index: 1, start: '2026-03-01', end: '2027-02-28' },
    ])
    expect(periods(automaticRenewals(facts(yearly), '2027-02-28'))).toEqual(['2026-03-01..2027-02-28'])
  })

  it('after a long downtime, every period that started, oldest first, anchored on the first end', () => {
    expect(periods(automaticRenewals(facts(yearly), '2028-02-29'))).toEqual([
      '2026-03-01..2027-02-28',
      // anchored on the first end, the 28th: in a leap year the period ends on 28.02 too
      '2027-03-01..2028-02-28',
      '2028-02-29..2029-02-28',
    ])
  })

  it('its reminders then belong to the new period', () => {
    const reminders = remindersOfTerm(facts(yearly), '2026-03-01')
    expect(reminders.map((r) => [r.kind, r.termKey, r.dueOn])).toEqual([
      ['renewed', '2026-03-01..2027-02-28', '2026-03-01'],
      ['notice', '2026-03-01..2027-02-28', '2026-12-30'],
      ['notice', '2026-03-01..2027-02-28', '2027-01-22'],
      ['notice', '2026-03-01..2027-02-28', '2027-01-28'],
    ])
  })

  it('does not renew after the period in which it was decided to let it lapse', () => {
    const lapsing = facts(yearly, { ending: { kind: 'let_lapse', decidedOn: '2026-01-10' } })
    expect(automaticRenewals(lapsing, '2026-03-01')).toEqual([])
    expect(automaticRenewals(lapsing, '2030-01-01')).toEqual([])
    const later = facts(yearly, { ending: { kind: 'let_lapse', decidedOn: '2026-06-10' } })
    expect(periods(automaticRenewals(later, '2030-01-01'))).toEqual(['2026-03-01..2027-02-28'])
  })

  it('does not renew into a period starting on or after a termination takes effect', () => {
    const terminated = facts(yearly, { ending: { kind: 'terminate', effectiveOn: '2026-03-01' } })
    expect(automaticRenewals(terminated, '2026-03-01')).toEqual([])
    const midPeriod = facts(yearly, { ending: { kind: 'terminate', effectiveOn: '2026-09-01' } })
    expect(periods(automaticRenewals(midPeriod, '2028-01-01'))).toEqual(['2026-03-01..2027-02-28'])
  })

  it('a renewal confirmed by a decision is still a renewal of the term', () => {
    const confirmed = facts(yearly, { renewalConfirmedFor: '2026-01-10' })
    expect(periods(automaticRenewals(confirmed, '2026-03-01'))).toEqual(['2026-03-01..2027-02-28'])
  })
})

describe('a monthly renewal ending on the 31st', () => {
  const monthly = term({
    type: 'auto_renewing',
    start: '2025-01-01',
    end: '2025-01-31',
    renewalPeriod: 'P1M',
    noticePeriod: 'P10D',
  })

  it('two roll-overs missed by a downtime are both found, each month going back to the 31st when it exists', () => {
    expect(periods(automaticRenewals(facts(monthly), '2025-01-31'))).toEqual([])
    expect(periods(automaticRenewals(facts(monthly), '2025-03-05'))).toEqual([
      '2025-02-01..2025-02-28',
      '2025-03-01..2025-03-31',
    ])
    expect(periods(automaticRenewals(facts(monthly), '2025-04-01')).slice(-1)).toEqual(['2025-04-01..2025-04-30'])
  })
})

describe('terms that never roll over by themselves', () => {
  it('fixed, open-ended, conditional, unknown, and an incomplete auto-renewing term', () => {
    const today = '2030-01-01'
    expect(automaticRenewals(facts(term({ type: 'fixed', start: '2020-01-01', end: '2021-01-01' })), today)).toEqual([])
    expect(automaticRenewals(facts(term({ type: 'open_ended', start: '2020-01-01' })), today)).toEqual([])
    expect(automaticRenewals(facts(term({ type: 'conditional', start: '2020-01-01' })), today)).toEqual([])
    expect(automaticRenewals(facts(term({ type: 'unknown' })), today)).toEqual([])
    expect(automaticRenewals(facts(term({ type: 'auto_renewing', start: '2020-01-01' })), today)).toEqual([])
  })
})
