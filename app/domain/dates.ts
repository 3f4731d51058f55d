/**
 * Calendar dates of the domain live in Europe/Bucharest and are written 'YYYY-MM-DD'; they are
 * shown as dd.MM.yyyy. Instants (when something happened) are shown in Bucharest time too.
 */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { enGB, ro } from 'date-fns/locale'

export const TIME_ZONE = 'Europe/Bucharest'
export type Locale = 'ro' | 'en'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The calendar date in Bucharest at an instant. */
export function bucharestDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), TIME_ZONE), 'yyyy-MM-dd')
}

/** Whether a 'YYYY-MM-DD' string names a day that exists (no 31.04, no 29.02.2023). */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 'YYYY-MM-DD' → 'dd.MM.yyyy' (the same in both languages). */
export function formatDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate)
  if (!m) return isoDate
  return `${m[3]}.${m[2]}.${m[1]}`
}

/** An instant shown as 'dd.MM.yyyy HH:mm' in Bucharest time. */
export function formatDateTime(instant: Date | number): string {
  const t = typeof instant === 'number' ? instant : instant.getTime()
  return format(new TZDate(t, TIME_ZONE), 'dd.MM.yyyy HH:mm')
}

/** A date with the month spelled out in the locale: "14 decembrie 2017" / "14 December 2017". */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const m = ISO_DATE.exec(isoDate)
  if (!m) return isoDate
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return format(day, 'd MMMM yyyy', { locale: locale === 'ro' ? ro : enGB })
}
