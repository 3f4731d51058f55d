import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import { protocolSituation } from '~/domain/protocol-term'

describe('a fixed term', () => {
  const fixed = facts(term({ type: 'fixed', start: '2022-09-01', end: '2024-08-31' }))

  it('is upcoming before its start, active, expiring within 90 days, expired after its end', () => {
    expect(protocolSituation(fixed, '2022-08-31').status).toBe('upcoming')
    expect(protocolSituation(fixed, '2022-09-01').status).toBe('active')
    expect(protocolSituation(fixed, '2024-06-01').status).toBe('active') // 91 days before the end
    expect(protocolSituation(fixed, '2024-06-02').status).toBe('expiring') // 90 days
    expect(protocolSituation(fixed, '2024-06-01').end).toBe('2024-08-31')
  })

  it('is valid through the whole of its end day (inclusive end)', () => {
    expect(protocolSituation(fixed, '2024-08-31').status).toBe('expiring')
    expect(protocolSituation(fixed, '2024-09-01').status).toBe('expired')
  })

  it('a future-dated termination shows as terminating until then, terminated after', () => {
    const terminating = { ...fixed, ending: { kind: 'terminate' as const, effectiveOn: '2023-07-01' } }
    const before = protocolSituation(terminating, '2023-01-10')
    expect(before.status).toBe('active')
    expect(before.terminatesAfter).toBe('2023-06-30')
    expect(before.end).toBe('2023-06-30')
    expect(protocolSituation(terminating, '2023-05-01').status).toBe('expiring')
    expect(protocolSituation(terminating, '2023-06-30').status).toBe('expiring')
    expect(protocolSituation(terminating, '2023-07-01').status).toBe('terminated')
  })
})

describe('an auto-renewing term', () => {
  // Row 4 of the sample, with a start: renews by itself for 1 year unless denounced 30 days before.
  const yearly = facts(term({ type: 'auto_renewing', start: '2023-03-01', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }))

  it('ends its first period a year after the start, inclusive, with the notice deadline 30 days before its end', () => {
    const s = protocolSituation(yearly, '2023-05-10')
    expect(s.status).toBe('active')
    expect(s.period).toEqual({ index: 0, start: '2023-03-01', end: '2024-02-29' })
    expect(s.noticeDeadline).toBe('2024-01-30')
    expect(s.renewsOn).toBe('2024-03-01')
  })

  it('is in the notice window during the 30 days before the notice deadline, until a decision', () => {
    expect(protocolSituation(yearly, '2023-12-30').status).toBe('active')
    expect(protocolSituation(yearly, '2023-12-31').status).toBe('in_notice_window')
    expect(protocolSituation(yearly, '2024-01-30').status).toBe('in_notice_window')
    // the deadline passed with no decision: it will renew by itself
    expect(protocolSituation(yearly, '2024-01-31').status).toBe('active')
    const confirmed = { ...yearly, renewalConfirmedFor: '2024-01-05' }
    expect(protocolSituation(confirmed, '2024-01-10').status).toBe('active')
  })

  it('renews counting from the previous end, anchored on the day: 29.02 → 28.02 → … → 29.02', () => {
    const s1 = protocolSituation(yearly, '2024-03-01')
    expect(s1.status).toBe('renewed')
    expect(s1.period).toEqual({ index: 1, start: '2024-03-01', end: '2025-02-28' })
    expect(protocolSituation(yearly, '2026-01-01').period).toEqual({ index: 2, start: '2025-03-01', end: '2026-02-28' })
    expect(protocolSituation(yearly, '2028-01-01').period).toEqual({ index: 4, start: '2027-03-01', end: '2028-02-29' })
  })

  it('recomputes the notice deadline from the current period after every renewal', () => {
    expect(protocolSituation(yearly, '2024-06-01').noticeDeadline).toBe('2025-01-29')
    expect(protocolSituation(yearly, '2025-06-01').noticeDeadline).toBe('2026-01-29')
  })

  it('monthly from 31.01 follows the month ends and comes back to the 31st', () => {
    const monthly = facts(term({ type: 'auto_renewing', start: '2023-01-01', end: '2023-01-31', renewalPeriod: 'P1M' }))
    expect(protocolSituation(monthly, '2023-02-10').period).toEqual({
      index: 1,
      start: '2023-02-01',
      end: '2023-02-28',
    })
    expect(protocolSituation(monthly, '2023-03-10').period).toEqual({
      index: 2,
      start: '2023-03-01',
      end: '2023-03-31',
    })
  })

  it('never renews after a decision to let it lapse: expired after the current period', () => {
    const lapsing = { ...yearly, ending: { kind: 'let_lapse' as const, decidedOn: '2024-01-10' } }
    const s = protocolSituation(lapsing, '2024-01-20')
    expect(s.status).toBe('expiring')
    expect(s.terminatesAfter).toBe('2024-02-29')
    expect(s.noticeDeadline).toBeNull()
    expect(s.renewsOn).toBeNull()
    const after = protocolSituation(lapsing, '2024-03-01')
    expect(after.status).toBe('expired')
    expect(after.end).toBe('2024-02-29')
  })

  it('without a start it has no usable term and needs review', () => {
    const s = protocolSituation(facts(term({ type: 'auto_renewing', renewalPeriod: 'P1Y' })), '2024-01-01')
    expect(s).toMatchObject({ status: 'needs_review', usable: false, end: null, noticeDeadline: null })
  })
})

describe('open-ended and conditional terms', () => {
  const open = facts(term({ type: 'open_ended', start: '2022-10-03' }))

  it('are reviewed every 6 months from the start, then from the last review', () => {
    expect(protocolSituation(open, '2023-01-01')).toMatchObject({
      status: 'active',
      nextReview: '2023-04-03',
      end: null,
    })
    expect(protocolSituation(open, '2023-04-03').status).toBe('needs_review')
    const reviewed = { ...open, lastReviewedOn: '2023-04-05' }
    expect(protocolSituation(reviewed, '2023-04-06')).toMatchObject({ status: 'active', nextReview: '2023-10-05' })
  })

  it('a conditional term with a hard stop expires on it', () => {
    const memo = facts(
      term({
        type: 'conditional',
        start: '2023-04-10',
        end: '2025-12-31',
        condition: 'până la finalizarea proiectului',
      }),
      { lastReviewedOn: '2025-09-01' },
    )
    expect(protocolSituation(memo, '2025-10-15').status).toBe('expiring')
    expect(protocolSituation(memo, '2026-01-01').status).toBe('expired')
  })

  it('an unknown term needs review and has no dates', () => {
    expect(protocolSituation(facts(term({ type: 'unknown' })), '2024-01-01')).toMatchObject({
      status: 'needs_review',
      usable: false,
    })
  })

  it('a flagged protocol needs review while it is valid', () => {
    expect(protocolSituation({ ...open, flagged: true }, '2023-01-01').status).toBe('needs_review')
  })
})
