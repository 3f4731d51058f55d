/**
 * Arithmetic on calendar dates 'YYYY-MM-DD' (Europe/Bucharest days, no time, no time zone:
 * a date is never a UTC midnight). Periods are ISO-8601 durations of one unit.
 *
 * Adding periods anchors on the original day: 31.01 + 1 month = 28/29.02, + 2 months = 31.03;
 * 29.02.2024 + 1 year = 28.02.2025, + 4 years = 29.02.2028. So a series of renewals is always
 * computed from the anchor (`addPeriod(anchor, period, k)`), never step by step.
 */
import { daysInMonth, isValidIsoDate } from './dates'

export type Period = { unit: 'Y' | 'M' | 'D'; amount: number }

const DURATION = /^P(\d+)([YMWD])$/

/** 'P2Y' → 2 years, 'P6M' → 6 months, 'P2W' → 14 days, 'P30D' → 30 days; null when malformed. */
export function parsePeriod(duration: string): Period | null {
  const m = DURATION.exec(duration.trim().toUpperCase())
  if (!m) return null
  const amount = Number(m[1])
  if (!Number.isSafeInteger(amount) || amount <= 0) return null
  const unit = m[2] as 'Y' | 'M' | 'W' | 'D'
  return unit === 'W' ? { unit: 'D', amount: amount * 7 } : { unit, amount }
}

export function isPeriod(duration: string | null | undefined): duration is string {
  return typeof duration === 'string' && parsePeriod(duration) !== null
}

function parts(date: string): [number, number, number] {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`)
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Days since 1970-01-01 of a calendar date (pure arithmetic, no time zone involved). */
export function dayNumber(date: string): number {
  const [y, m, d] = parts(date)
  return Date.UTC(y, m - 1, d) / 86_400_000
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000)
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate())
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export const minDate = (a: string, b: string) => (a <= b ? a : b)
export const maxDate = (a: string, b: string) => (a >= b ? a : b)

/** Adds `times` months to a date, keeping its day where the month has it, else the last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return format(year, month, Math.min(d, daysInMonth(year, month)))
}

/** The anchor plus `times` whole periods (negative to go back), anchored on the original day. */
export function addPeriod(anchor: string, duration: string | Period, times = 1): string {
  const period = typeof duration === 'string' ? parsePeriod(duration) : duration
  if (!period) throw new RangeError(`Not a period: ${String(duration)}`)
  switch (period.unit) {
    case 'Y':
      return addMonths(anchor, 12 * period.amount * times)
    case 'M':
      return addMonths(anchor, period.amount * times)
    case 'D':
      return addDays(anchor, period.amount * times)
  }
}

/**
 * The last day of a period that starts on `start` and lasts `duration` (end dates are inclusive):
 * the day before the same day `duration` later — one year from 15.05.2024 runs through
 * 14.05.2025, from 01.03.2023 through 29.02.2024. When that later month has no such day, the
 * period ends on the month's last day: one year from 29.02.2024 runs through 28.02.2025, one
 * month from 31.01.2023 through 28.02.2023.
 */
export function periodEndFrom(start: string, duration: string | Period): string {
  const period = typeof duration === 'string' ? parsePeriod(duration) : duration
  if (!period) throw new RangeError(`Not a period: ${String(duration)}`)
  const same = addPeriod(start, period)
  const clamped = period.unit !== 'D' && same.slice(8) !== start.slice(8)
  return clamped ? same : addDays(same, -1)
}

/** The first day of a period of `duration` that ends (inclusive) on `end`: the day after the end, `duration` earlier. */
export function periodStartFrom(end: string, duration: string | Period): string {
  const period = typeof duration === 'string' ? parsePeriod(duration) : duration
  if (!period) throw new RangeError(`Not a period: ${String(duration)}`)
  return addPeriod(addDays(end, 1), period, -1)
}

/**
 * How many whole periods after the anchor the first date on or after `date` lies:
 * the smallest k ≥ 0 with addPeriod(anchor, period, k) ≥ date.
 */
export function periodsUntil(anchor: string, duration: string | Period, date: string): number {
  const period = typeof duration === 'string' ? parsePeriod(duration) : duration
  if (!period) throw new RangeError(`Not a period: ${String(duration)}`)
  if (date <= anchor) return 0
  const months = period.unit === 'Y' ? 12 * period.amount : period.unit === 'M' ? period.amount : 0
  let k: number
  if (months > 0) {
    const [ay, am] = parts(anchor)
    const [dy, dm] = parts(date)
    k = Math.max(0, Math.floor((dy * 12 + dm - (ay * 12 + am)) / months) - 1)
  } else {
    k = Math.max(0, Math.floor(daysBetween(anchor, date) / period.amount) - 1)
  }
  while (addPeriod(anchor, period, k) < date) k++
  return k
}
