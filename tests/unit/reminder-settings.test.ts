/**
 * The authority's reminder settings as its settings page edits them: lists of days typed as
 * text, validated (whole numbers 1–730, each once, at most 8, sorted from the earliest reminder),
 * merged into the stored protocol settings, and read back by the planner.
 */
import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import {
  formatDayList,
  mergeReminderSettings,
  parseDayList,
  readReminderSettingsValues,
  reminderSettingsFormSchema,
  reminderSettingsFromForm,
  reminderSettingsToForm,
  type ReminderSettingsValues,
} from '~/domain/reminder-settings'
import { protocolSituation, readProtocolSettings } from '~/domain/protocol-term'
import { DEFAULT_REMINDER_SETTINGS, readReminderSettings, remindersOfTerm } from '~/domain/reminders'

const DEFAULTS: ReminderSettingsValues = {
  endOffsets: [90, 30, 7, 1],
  noticeOffsets: [30, 7, 1],
  reviewEveryMonths: 6,
  escalateWithinDays: 7,
  expiringWithinDays: 90,
  noticeWarningDays: 30,
}

function submit(fields: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries({ intent: 'reminders', ...reminderSettingsToForm(DEFAULTS), ...fields })) {
    form.append(k, v)
  }
  return parseWithZod(form, { schema: reminderSettingsFormSchema })
}

describe('a list of days typed in the form', () => {
  it('reads numbers separated by commas, semicolons or spaces, earliest reminder first', () => {
    expect(parseDayList('90, 30, 7, 1')).toEqual({ ok: true, days: [90, 30, 7, 1] })
    expect(parseDayList('1,7,30,90')).toEqual({ ok: true, days: [90, 30, 7, 1] })
    expect(parseDayList(' 14; 60  3 ')).toEqual({ ok: true, days: [60, 14, 3] })
    expect(parseDayList('730')).toEqual({ ok: true, days: [730] })
    expect(parseDayList('1, 2, 3, 4, 5, 6, 7, 8')).toEqual({ ok: true, days: [8, 7, 6, 5, 4, 3, 2, 1] })
  })

  it('refuses anything else, saying why', () => {
    expect(parseDayList('')).toMatchObject({ ok: false, problem: 'empty' })
    expect(parseDayList(' , ;')).toMatchObject({ ok: false, problem: 'empty' })
    expect(parseDayList('30, treizeci')).toMatchObject({ ok: false, problem: 'notInteger', value: 'treizeci' })
    expect(parseDayList('7.5')).toMatchObject({ ok: false, problem: 'notInteger' })
    expect(parseDayList('1e2')).toMatchObject({ ok: false, problem: 'notInteger' })
    expect(parseDayList('0, 7')).toMatchObject({ ok: false, problem: 'range', value: '0' })
    expect(parseDayList('-7')).toMatchObject({ ok: false, problem: 'range' })
    expect(parseDayList('731')).toMatchObject({ ok: false, problem: 'range', value: '731' })
    expect(parseDayList('30, 7, 30')).toMatchObject({ ok: false, problem: 'duplicate', value: '30' })
    expect(parseDayList('1 2 3 4 5 6 7 8 9')).toMatchObject({ ok: false, problem: 'tooMany' })
  })

  it('is shown back as the form wrote it', () => {
    expect(formatDayList([90, 30, 7, 1])).toBe('90, 30, 7, 1')
    const again = parseDayList(formatDayList([60, 14]))
    expect(again).toEqual({ ok: true, days: [60, 14] })
  })
})

describe('the settings form', () => {
  it('accepts the defaults as shown, and a changed list', () => {
    const same = submit({})
    expect(same.status).toBe('success')
    if (same.status === 'success') expect(reminderSettingsFromForm(same.value)).toEqual(DEFAULTS)
    const changed = submit({ endOffsets: '14, 60', reviewEveryMonths: '12', escalateWithinDays: '3' })
    expect(changed.status).toBe('success')
    if (changed.status === 'success') {
      expect(reminderSettingsFromForm(changed.value)).toEqual({
        ...DEFAULTS,
        endOffsets: [60, 14],
        reviewEveryMonths: 12,
        escalateWithinDays: 3,
      })
    }
  })

  it('refuses wrong values with a translated message on the field', () => {
    const res = submit({
      endOffsets: '30, 30',
      noticeOffsets: '',
      reviewEveryMonths: '61',
      escalateWithinDays: '0',
      expiringWithinDays: '731',
      noticeWarningDays: '2.5',
    })
    expect(res.status).toBe('error')
    const errors = res.reply().error ?? {}
    expect(errors.endOffsets).toEqual(['reminders.settings.errors.duplicate'])
    expect(errors.noticeOffsets).toEqual(['reminders.settings.errors.empty'])
    expect(errors.reviewEveryMonths).toEqual(['reminders.settings.errors.months'])
    expect(errors.escalateWithinDays).toEqual(['reminders.settings.errors.days'])
    expect(errors.expiringWithinDays).toEqual(['reminders.settings.errors.days'])
    expect(errors.noticeWarningDays).toEqual(['reminders.settings.errors.days'])
    expect(submit({ endOffsets: '1, 2, 3, 4, 5, 6, 7, 8, 9' }).reply().error?.endOffsets).toEqual([
      'reminders.settings.errors.tooMany',
    ])
    expect(submit({ noticeOffsets: 'x' }).reply().error?.noticeOffsets).toEqual([
      'reminders.settings.errors.notInteger',
    ])
    expect(submit({ noticeOffsets: '1000' }).reply().error?.noticeOffsets).toEqual(['reminders.settings.errors.range'])
  })
})

describe('stored in the authority’s protocol settings', () => {
  it('reads the defaults from nothing, and what was stored', () => {
    expect(readReminderSettingsValues(null)).toEqual(DEFAULTS)
    expect(readReminderSettingsValues('nonsense')).toEqual(DEFAULTS)
    const stored = mergeReminderSettings(null, { ...DEFAULTS, endOffsets: [365, 60], noticeWarningDays: 45 })
    expect(readReminderSettingsValues(stored)).toEqual({ ...DEFAULTS, endOffsets: [365, 60], noticeWarningDays: 45 })
  })

  it('merges with what is there: the keys the page does not edit are kept', () => {
    const before = {
      expiringWithinDays: 60,
      somethingElse: 'kept',
      reminders: { lateGraceDays: 3, weeklySummaryWeekday: 5, endOffsets: [10] },
    }
    const after = mergeReminderSettings(before, { ...DEFAULTS, noticeOffsets: [45, 15] })
    expect(after).toEqual({
      expiringWithinDays: 90,
      noticeWarningDays: 30,
      reviewEveryMonths: 6,
      somethingElse: 'kept',
      reminders: {
        lateGraceDays: 3,
        weeklySummaryWeekday: 5,
        endOffsets: [90, 30, 7, 1],
        noticeOffsets: [45, 15],
        escalateWithinDays: 7,
      },
    })
    // the stored object itself is not changed
    expect(before.reminders.endOffsets).toEqual([10])
    expect(readReminderSettings(after)).toEqual({
      ...DEFAULT_REMINDER_SETTINGS,
      noticeOffsets: [45, 15],
      lateGraceDays: 3,
      weeklySummaryWeekday: 5,
    })
  })

  it('accepts up to 730 days, for the offsets and the warning windows', () => {
    const stored = mergeReminderSettings(null, {
      ...DEFAULTS,
      endOffsets: [730, 365],
      expiringWithinDays: 730,
      noticeWarningDays: 400,
      escalateWithinDays: 730,
    })
    expect(readReminderSettings(stored).endOffsets).toEqual([730, 365])
    expect(readReminderSettings(stored).escalateWithinDays).toBe(730)
    expect(readProtocolSettings(stored)).toEqual({
      expiringWithinDays: 730,
      noticeWarningDays: 400,
      reviewEveryMonths: 6,
    })
    expect(readProtocolSettings({ expiringWithinDays: 731 }).expiringWithinDays).toBe(90)
  })

  it('is what the planner and the statuses use', () => {
    const stored = mergeReminderSettings(null, {
      ...DEFAULTS,
      endOffsets: [60, 14],
      reviewEveryMonths: 12,
      expiringWithinDays: 120,
    })
    const fixed = facts(term({ type: 'fixed', start: '2024-02-11', end: '2026-02-10' }))
    const reminders = remindersOfTerm(fixed, '2025-11-01', readProtocolSettings(stored), readReminderSettings(stored))
    expect(reminders.map((r) => [r.offsetDays, r.dueOn])).toEqual([
      [60, '2025-12-12'],
      [14, '2026-01-27'],
    ])
    // 101 days before the end: "expiring" with a 120-day window, not with the default 90
    expect(protocolSituation(fixed, '2025-11-01', readProtocolSettings(stored)).status).toBe('expiring')
    expect(protocolSituation(fixed, '2025-11-01').status).toBe('active')
    const open = facts(term({ type: 'open_ended', start: '2025-01-15' }))
    const review = remindersOfTerm(open, '2025-03-01', readProtocolSettings(stored), readReminderSettings(stored))
    expect(review.map((r) => [r.kind, r.dueOn])).toEqual([['review', '2026-01-15']])
  })
})
