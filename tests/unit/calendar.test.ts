import { describe, expect, it } from 'vitest'
import { addDays, addPeriod, parsePeriod, periodEndFrom, periodStartFrom, periodsUntil } from '~/domain/calendar'

describe('periods', () => {
  it('reads ISO-8601 durations of one unit', () => {
    expect(parsePeriod('P2Y')).toEqual({ unit: 'Y', amount: 2 })
    expect(parsePeriod('P6M')).toEqual({ unit: 'M', amount: 6 })
    expect(parsePeriod('P30D')).toEqual({ unit: 'D', amount: 30 })
    expect(parsePeriod('P2W')).toEqual({ unit: 'D', amount: 14 })
    expect(parsePeriod('P0Y')).toBeNull()
    expect(parsePeriod('1Y')).toBeNull()
    expect(parsePeriod('P1Y6M')).toBeNull()
  })
})

describe('adding periods anchored on the original day', () => {
  it('a yearly series from 29.02 ends on 28.02 in common years and 29.02 in leap years', () => {
    expect(addPeriod('2024-02-29', 'P1Y', 1)).toBe('2025-02-28')
    expect(addPeriod('2024-02-29', 'P1Y', 2)).toBe('2026-02-28')
    expect(addPeriod('2024-02-29', 'P1Y', 4)).toBe('2028-02-29')
  })

  it('31.01 + 1 month is the last day of February, and the next month is the 31st again', () => {
    expect(addPeriod('2023-01-31', 'P1M', 1)).toBe('2023-02-28')
    expect(addPeriod('2024-01-31', 'P1M', 1)).toBe('2024-02-29')
    expect(addPeriod('2023-01-31', 'P1M', 2)).toBe('2023-03-31')
    expect(addPeriod('2023-01-31', 'P1M', 3)).toBe('2023-04-30')
  })

  it('goes back as well as forward', () => {
    expect(addPeriod('2025-03-31', 'P1M', -1)).toBe('2025-02-28')
    expect(addPeriod('2025-01-15', 'P30D', -1)).toBe('2024-12-16')
  })

  it('crosses the DST changes without losing or gaining a day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
  })

  it('an inclusive period: one year from 15.05.2024 runs through 14.05.2025', () => {
    expect(periodEndFrom('2024-05-15', 'P1Y')).toBe('2025-05-14')
    expect(periodEndFrom('2023-01-12', 'P2Y')).toBe('2025-01-11')
    expect(periodEndFrom('2023-03-01', 'P1Y')).toBe('2024-02-29')
  })

  it('a period whose anniversary day does not exist ends on the last day of that month', () => {
    expect(periodEndFrom('2024-02-29', 'P1Y')).toBe('2025-02-28')
    expect(periodEndFrom('2023-01-31', 'P1M')).toBe('2023-02-28')
    expect(periodEndFrom('2023-01-28', 'P1M')).toBe('2023-02-27')
    expect(periodEndFrom('2024-01-01', 'P30D')).toBe('2024-01-30')
  })

  it('finds the start of a period from its end, the other way round', () => {
    expect(periodStartFrom('2027-05-14', 'P3Y')).toBe('2024-05-15')
    expect(periodStartFrom('2025-02-28', 'P1Y')).toBe('2024-03-01')
    expect(periodStartFrom('2024-02-29', 'P1Y')).toBe('2023-03-01')
    expect(periodStartFrom('2024-01-30', 'P30D')).toBe('2024-01-01')
  })

  it('counts the periods from an anchor to a date', () => {
    expect(periodsUntil('2025-01-11', 'P2Y', '2025-01-11')).toBe(0)
    expect(periodsUntil('2025-01-11', 'P2Y', '2025-01-12')).toBe(1)
    expect(periodsUntil('2025-01-11', 'P2Y', '2027-01-11')).toBe(1)
    expect(periodsUntil('2025-01-11', 'P2Y', '2027-01-12')).toBe(2)
    expect(periodsUntil('2024-02-29', 'P1Y', '2025-03-01')).toBe(2)
    expect(periodsUntil('2024-01-01', 'P30D', '2024-03-01')).toBe(2)
  })
})
