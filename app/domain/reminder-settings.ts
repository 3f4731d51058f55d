/**
 * The reminder settings of an authority as its administrators edit them (the settings page): the
 * offsets of the deadline reminders, the review interval of open-ended and conditional terms, when
 * a reminder nobody acknowledged goes to the admins, and the warning windows of the registry.
 *
 * They live in authorities.protocol_settings (one JSON object): the warning windows and the review
 * interval at its top level (read by readProtocolSettings, ./protocol-term.ts), the reminders under
 * `reminders` (read by readReminderSettings, ./reminders.ts). Saving merges into what is stored, so
 * a key this page does not edit (the late-grace days, the weekday of the summary) is kept.
 *
 * Lists of days are typed as text, comma-separated ("90, 30, 7, 1"): the form works without
 * JavaScript. Pure functions, no I/O.
 */
import { z } from 'zod'
import { MAX_REVIEW_MONTHS, MAX_WARNING_DAYS, readProtocolSettings } from './protocol-term'
import { MAX_OFFSET_DAYS, readReminderSettings } from './reminders'

/** At most this many reminders before one deadline. */
export const MAX_OFFSETS = 8
export const MIN_OFFSET_DAYS = 1
export { MAX_OFFSET_DAYS }

export type DayListProblem = 'empty' | 'notInteger' | 'range' | 'duplicate' | 'tooMany'

/**
 * "90, 30, 7, 1" (commas, semicolons or spaces between the numbers) → [90, 30, 7, 1], sorted from
 * the earliest reminder to the latest (largest number of days first). Refused: no number at all,
 * anything but whole numbers, a number outside 1–730, the same number twice, more than 8 numbers.
 */
export function parseDayList(
  text: string,
): { ok: true; days: number[] } | { ok: false; problem: DayListProblem; value?: string } {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean)
  if (tokens.length === 0) return { ok: false, problem: 'empty' }
  const days: number[] = []
  for (const token of tokens) {
    if (!/^[+-]?\d+$/.test(token)) return { ok: false, problem: 'notInteger', value: token }
    const n = Number(token)
    if (n < MIN_OFFSET_DAYS || n > MAX_OFFSET_DAYS) return { ok: false, problem: 'range', value: token }
    if (days.includes(n)) return { ok: false, problem: 'duplicate', value: token }
    days.push(n)
  }
  if (days.length > MAX_OFFSETS) return { ok: false, problem: 'tooMany' }
  return { ok: true, days: days.sort((a, b) => b - a) }
}

/** [90, 30, 7, 1] → "90, 30, 7, 1" (what the form shows). */
export function formatDayList(days: readonly number[]): string {
  return days.join(', ')
}

/** A list of days typed in the form; the messages are translation keys. */
const dayList = z
  .string({ required_error: 'reminders.settings.errors.empty' })
  .max(200, 'validation.tooLong')
  .transform((value, ctx) => {
    const parsed = parseDayList(value)
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `reminders.settings.errors.${parsed.problem}` })
      return z.NEVER
    }
    return parsed.days
  })

const wholeNumber = (max: number, message: string) =>
  z
    .number({ required_error: 'validation.required', invalid_type_error: message })
    .int(message)
    .min(1, message)
    .max(max, message)

export const reminderSettingsFormSchema = z.object({
  intent: z.literal('reminders'),
  endOffsets: dayList,
  noticeOffsets: dayList,
  reviewEveryMonths: wholeNumber(MAX_REVIEW_MONTHS, 'reminders.settings.errors.months'),
  escalateWithinDays: wholeNumber(MAX_OFFSET_DAYS, 'reminders.settings.errors.days'),
  expiringWithinDays: wholeNumber(MAX_WARNING_DAYS, 'reminders.settings.errors.days'),
  noticeWarningDays: wholeNumber(MAX_WARNING_DAYS, 'reminders.settings.errors.days'),
})

/** What the settings page edits, as values. */
export type ReminderSettingsValues = {
  /** Days before the last day of a fixed term, a hard stop or a decided ending. */
  endOffsets: number[]
  /** Days before the notice deadline of an auto-renewing period. */
  noticeOffsets: number[]
  /** Months between two reviews of an open-ended or conditional term. */
  reviewEveryMonths: number
  /** A deadline reminder this close also goes to the admins when nobody acknowledged the term's reminders. */
  escalateWithinDays: number
  /** A fixed term this close to its end is shown as "expiring". */
  expiringWithinDays: number
  /** A notice deadline this close shows the protocol as "in the notice window". */
  noticeWarningDays: number
}

export function reminderSettingsFromForm(v: z.output<typeof reminderSettingsFormSchema>): ReminderSettingsValues {
  return {
    endOffsets: v.endOffsets,
    noticeOffsets: v.noticeOffsets,
    reviewEveryMonths: v.reviewEveryMonths,
    escalateWithinDays: v.escalateWithinDays,
    expiringWithinDays: v.expiringWithinDays,
    noticeWarningDays: v.noticeWarningDays,
  }
}

/** The values in force, from the stored JSON (defaults for anything missing or invalid). */
export function readReminderSettingsValues(stored: unknown): ReminderSettingsValues {
  const protocol = readProtocolSettings(stored)
  const reminders = readReminderSettings(stored)
  return {
    endOffsets: reminders.endOffsets,
    noticeOffsets: reminders.noticeOffsets,
    reviewEveryMonths: protocol.reviewEveryMonths,
    escalateWithinDays: reminders.escalateWithinDays,
    expiringWithinDays: protocol.expiringWithinDays,
    noticeWarningDays: protocol.noticeWarningDays,
  }
}

/** The form's default values (lists as text). */
export function reminderSettingsToForm(v: ReminderSettingsValues) {
  return {
    endOffsets: formatDayList(v.endOffsets),
    noticeOffsets: formatDayList(v.noticeOffsets),
    reviewEveryMonths: String(v.reviewEveryMonths),
    escalateWithinDays: String(v.escalateWithinDays),
    expiringWithinDays: String(v.expiringWithinDays),
    noticeWarningDays: String(v.noticeWarningDays),
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The stored JSON with the new values merged in: every other key (at the top level and under
 * `reminders`) is kept as it was.
 */
export function mergeReminderSettings(stored: unknown, v: ReminderSettingsValues): Record<string, unknown> {
  const root = isObject(stored) ? stored : {}
  const reminders = isObject(root.reminders) ? root.reminders : {}
  return {
    ...root,
    expiringWithinDays: v.expiringWithinDays,
    noticeWarningDays: v.noticeWarningDays,
    reviewEveryMonths: v.reviewEveryMonths,
    reminders: {
      ...reminders,
      endOffsets: [...v.endOffsets],
      noticeOffsets: [...v.noticeOffsets],
      escalateWithinDays: v.escalateWithinDays,
    },
  }
}
