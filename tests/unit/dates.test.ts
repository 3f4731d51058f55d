import { describe, expect, it } from 'vitest'
import { bucharestDate, daysInMonth, formatDate, formatDateTime, formatLongDate, isValidIsoDate } from '~/domain/dates'

describe('bucharestDate: the calendar day in Bucharest', () => {
  it.each([
    // Winter time, UTC+2: midnight in Bucharest is 22:00 UTC the day before.
    ['2026-01-14T21:59:59Z', '2026-01-14'],
    ['2026-01-14T22:00:00Z', '2026-01-15'],
    ['2025-12-31T21:59:59Z', '2025-12-31'],
    ['2025-12-31T22:00:00Z', '2026-01-01'],
    // Summer time, UTC+3: midnight is 21:00 UTC.
    ['2026-07-14T20:59:59Z', '2026-07-14'],
    ['2026-07-14T21:00:00Z', '2026-07-15'],
    // Clocks go forward on Sunday 29 March 2026 at 03:00.
    ['2026-03-28T21:59:59Z', '2026-03-28'],
    ['2026-03-28T22:30:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29'],
    ['2026-03-29T20:59:59Z', '2026-03-29'],
    ['2026-03-29T21:00:00Z', '2026-03-30'],
    // Clocks go back on Sunday 25 October 2026 at 04:00.
    ['2026-10-24T20:59:59Z', '2026-10-24'],
    ['2026-10-24T21:30:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'],
    ['2026-10-25T01:30:00Z', '2026-10-25'],
    ['2026-10-25T21:59:59Z', '2026-10-25'],
    ['2026-10-25T22:00:00Z', '2026-10-26'],
  ])('%s is %s', (instant, day) => {
    expect(bucharestDate(new Date(instant))).toBe(day)
  })
})

describe('isValidIsoDate', () => {
  it.each(['2026-01-31', '2026-04-30', '2024-02-29', '2000-02-29', '2023-02-28', '2026-12-31'])(
    '%s is a real day',
    (d) => {
      expect(isValidIsoDate(d)).toBe(true)
    },
  )

  it.each([
    ['2026-04-31', 'April has 30 days'],
    ['2023-02-29', '2023 is not a leap year'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2026-02-30', 'February'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-05-00', 'day 0'],
    ['2026-05-32', 'day 32'],
    ['2026-5-1', 'not zero-padded'],
    ['01.05.2026', 'Romanian notation'],
    ['2026-05-01T00:00:00Z', 'an instant'],
    ['', 'empty'],
    [' 2026-05-01', 'leading space'],
  ])('%s is refused (%s)', (d) => {
    expect(isValidIsoDate(d)).toBe(false)
  })

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysInMonth(2024, 2)).toBe(29)
  })
})

describe('showing dates', () => {
  it('writes a date as dd.MM.yyyy', () => {
    expect(formatDate('2017-12-14')).toBe('14.12.2017')
    expect(formatDate('2026-03-01')).toBe('01.03.2026')
  })

  it('leaves something that is not a date as it is', () => {
    expect(formatDate('mâine')).toBe('mâine')
  })

  it('shows an instant in Bucharest time', () => {
    expect(formatDateTime(new Date('2026-07-14T21:05:00Z'))).toBe('15.07.2026 00:05')
    expect(formatDateTime(Date.parse('2026-01-14T08:30:00Z'))).toBe('14.01.2026 10:30')
  })

  it('spells the month out in Romanian', () => {
    expect(formatLongDate('2017-12-14', 'ro')).toBe('14 decembrie 2017')
    expect(formatLongDate('2026-03-01', 'ro')).toBe('1 martie 2026')
    expect(formatLongDate('2026-10-25', 'ro')).toBe('25 octombrie 2026')
  })

  it('spells the month out in English', () => {
    expect(formatLongDate('2017-12-14', 'en')).toBe('14 December 2017')
    expect(formatLongDate('2026-03-29', 'en')).toBe('29 March 2026')
    expect(formatLongDate('2026-10-25', 'en')).toBe('25 October 2026')
  })

  it('leaves a long date that is not a date as it is', () => {
    expect(formatLongDate('14.12.2017', 'ro')).toBe('14.12.2017')
  })
})
