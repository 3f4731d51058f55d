import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import { addDays } from '~/domain/calendar'
import { bucharestDate } from '~/domain/dates'
import type { ProtocolFacts } from '~/domain/protocol-term'
import {
  DEFAULT_REMINDER_SETTINGS,
  isoWeek,
  isoWeekday,
  plannedReminders,
  readReminderSettings,
  reminderKey,
  remindersOfTerm,
  reminderToSend,
  weeklySummaryDue,
  type RecordedReminder,
  type Reminder,
  type ReminderMessage,
} from '~/domain/reminders'

type Sent = { on: string; message: ReminderMessage }

/** Runs the planner on each date in order, recording what it sends, as the database would. */
function simulate(protocol: ProtocolFacts, dates: string[], recorded: RecordedReminder[] = []) {
  const sent: Sent[] = []
  for (const today of dates) {
    const message = reminderToSend(remindersOfTerm(protocol, today), recorded, today)
    if (!message) continue
    sent.push({ on: today, message })
    for (const r of [message.primary, ...message.collapsed]) recorded.push(r)
  }
  return { sent, recorded }
}

function days(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

describe('a fixed term ending 10.02.2026, the planner run every day from 01.11.2025 to 15.02.2026', () => {
  const fixed = facts(term({ type: 'fixed', start: '2024-02-11', end: '2026-02-10' }))
  const { sent, recorded } = simulate(fixed, days('2025-11-01', '2026-02-15'))

  it('sends its reminders on 12.11.2025, 11.01.2026, 03.02.2026 and 09.02.2026, each on its day', () => {
    expect(sent.map((s) => s.on)).toEqual(['2025-11-12', '2026-01-11', '2026-02-03', '2026-02-09'])
    expect(sent.map((s) => s.message.primary.offsetDays)).toEqual([90, 30, 7, 1])
    for (const s of sent) {
      expect(s.message.primary).toMatchObject({ kind: 'end', deadline: '2026-02-10', dueOn: s.on })
      expect(s.message.overdue).toBe(false)
      expect(s.message.late).toBe(false)
      expect(s.message.collapsed).toEqual([])
    }
  })

  it('sends none twice', () => {
    const keys = recorded.map(reminderKey)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toHaveLength(4)
  })

  it('escalates from the 7-day reminder on, unless a reminder of the term was acknowledged', () => {
    expect(sent.map((s) => s.message.escalate)).toEqual([false, false, true, true])
    const acked: RecordedReminder[] = [{ ...sent[0]!.message.primary, acknowledged: true }, sent[1]!.message.primary]
    const seven = reminderToSend(remindersOfTerm(fixed, '2026-02-03'), acked, '2026-02-03')
    expect(seven?.primary.offsetDays).toBe(7)
    expect(seven?.escalate).toBe(false)
  })

  it('lists the planned reminders of the term until they are sent', () => {
    const planned = plannedReminders(remindersOfTerm(fixed, '2026-01-20'), recorded.slice(0, 2), '2026-01-20')
    expect(planned.map((r) => [r.offsetDays, r.dueOn])).toEqual([
      [7, '2026-02-03'],
      [1, '2026-02-09'],
    ])
  })

  it('stops reminding once the deadline is well past (nothing for a protocol long expired)', () => {
    expect(reminderToSend(remindersOfTerm(fixed, '2026-03-01'), [], '2026-03-01')).toBeNull()
  })
})

describe('an auto-renewing term with a 30-day notice', () => {
  // First period 01.03.2025 – 28.02.2026, notice deadline 29.01.2026; renews on 01.03.2026.
  const renewing = facts(
    term({ type: 'auto_renewing', start: '2025-03-01', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }),
  )
  const { sent, recorded } = simulate(renewing, days('2025-12-01', '2027-02-15'))

  it('reminds 30, 7 and 1 days before the notice deadline, saying when it renews', () => {
    const first = sent.filter((s) => s.message.primary.termKey === '2025-03-01..2026-02-28')
    expect(first.map((s) => [s.on, s.message.primary.kind, s.message.primary.offsetDays])).toEqual([
      ['2025-12-30', 'notice', 30],
      ['2026-01-22', 'notice', 7],
      ['2026-01-28', 'notice', 1],
    ])
    expect(first[0]!.message.primary).toMatchObject({ deadline: '2026-01-29', renewsOn: '2026-03-01' })
  })

  it('rolls over by itself and says so; its next reminders belong to the new term', () => {
    const second = sent.filter((s) => s.message.primary.termKey === '2026-03-01..2027-02-28')
    expect(second.map((s) => [s.on, s.message.primary.kind, s.message.primary.offsetDays])).toEqual([
      ['2026-03-01', 'renewed', null],
      ['2026-12-30', 'notice', 30],
      ['2027-01-22', 'notice', 7],
      ['2027-01-28', 'notice', 1],
    ])
    expect(second[0]!.message.primary).toMatchObject({ deadline: '2027-01-29', periodEnd: '2027-02-28' })
    expect(sent).toHaveLength(7)
    const keys = recorded.map(reminderKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('says nothing of a renewal after a decision to let it lapse: the end is reminded instead', () => {
    const lapsing = { ...renewing, ending: { kind: 'let_lapse' as const, decidedOn: '2025-10-01' } }
    const { sent: lapse } = simulate(lapsing, days('2025-11-01', '2026-03-31'))
    expect(lapse.map((s) => [s.on, s.message.primary.kind, s.message.primary.offsetDays])).toEqual([
      ['2025-11-30', 'end', 90],
      ['2026-01-29', 'end', 30],
      ['2026-02-21', 'end', 7],
      ['2026-02-27', 'end', 1],
    ])
  })

  it('sends no notice reminders for a period whose renewal was confirmed', () => {
    const confirmed = { ...renewing, renewalConfirmedFor: '2025-12-01' }
    const { sent: c } = simulate(confirmed, days('2025-12-01', '2026-03-05'))
    expect(c.map((s) => [s.on, s.message.primary.kind])).toEqual([['2026-03-01', 'renewed']])
  })
})

describe('an edit or an addendum that changes the term', () => {
  it('starts a fresh set: the old term’s reminders no longer match', () => {
    const before = facts(term({ type: 'fixed', start: '2024-01-01', end: '2026-03-31' }))
    const { recorded } = simulate(before, days('2025-12-01', '2026-01-15'))
    expect(recorded.map((r) => r.offsetDays)).toEqual([90])
    const extended = facts(term({ type: 'fixed', start: '2024-01-01', end: '2026-09-30' }))
    const planned = plannedReminders(remindersOfTerm(extended, '2026-01-16'), recorded, '2026-01-16')
    expect(planned.map((r) => [r.termKey, r.offsetDays, r.dueOn])).toEqual([
      ['2024-01-01..2026-09-30', 90, '2026-07-02'],
      ['2024-01-01..2026-09-30', 30, '2026-08-31'],
      ['2024-01-01..2026-09-30', 7, '2026-09-23'],
      ['2024-01-01..2026-09-30', 1, '2026-09-29'],
    ])
  })

  it('a termination makes the day before it takes effect the deadline', () => {
    const terminated = facts(term({ type: 'open_ended', start: '2020-01-01' }), {
      ending: { kind: 'terminate', effectiveOn: '2026-05-01' },
      lastReviewedOn: '2026-01-10',
    })
    const reminders = remindersOfTerm(terminated, '2026-02-01')
    expect(reminders.map((r) => [r.kind, r.offsetDays, r.dueOn])).toEqual([
      ['end', 90, '2026-01-30'],
      ['end', 30, '2026-03-31'],
      ['end', 7, '2026-04-23'],
      ['end', 1, '2026-04-29'],
    ])
  })
})

describe('reviews of open-ended and conditional protocols', () => {
  it('come when the next review date comes, and again six months after each review', () => {
    const open = facts(term({ type: 'open_ended', start: '2025-05-10' }))
    const { sent } = simulate(open, days('2025-10-01', '2025-12-31'))
    expect(sent.map((s) => [s.on, s.message.primary.kind, s.message.primary.termKey])).toEqual([
      ['2025-11-10', 'review', '2025-05-10..2025-11-10'],
    ])
    const reviewed = { ...open, lastReviewedOn: '2025-11-12' }
    const next = remindersOfTerm(reviewed, '2025-12-01')
    expect(next.map((r) => [r.kind, r.dueOn, r.termKey])).toEqual([['review', '2026-05-12', '2025-11-12..2026-05-12']])
  })

  it('a conditional term with a hard stop gets both its end and its review reminders', () => {
    const conditional = facts(
      term({ type: 'conditional', start: '2025-06-01', end: '2026-06-30', condition: 'pe durata proiectului' }),
    )
    const kinds = remindersOfTerm(conditional, '2025-07-01').map((r) => [r.kind, r.dueOn])
    expect(kinds).toEqual(
      [
        ['end', '2026-04-01'],
        ['review', '2025-12-01'],
        ['end', '2026-05-31'],
        ['end', '2026-06-23'],
        ['end', '2026-06-29'],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    )
  })

  it('an unusable term has no reminders (the weekly summary lists it)', () => {
    expect(remindersOfTerm(facts(term({ type: 'unknown' })), '2026-01-01')).toEqual([])
    expect(remindersOfTerm(facts(term({ type: 'fixed', start: '2026-01-01' })), '2026-01-01')).toEqual([])
  })
})

/** The reminders due before a date, as if they had been sent on their day. */
const sentBefore = (protocol: ProtocolFacts, date: string): RecordedReminder[] =>
  remindersOfTerm(protocol, date).filter((r) => r.dueOn < date)

describe('across the changes of daylight-saving time', () => {
  // Bucharest: 29.03.2026 03:00 EET → 04:00 EEST; 25.10.2026 04:00 EEST → 03:00 EET.
  const endsAfterSpring = facts(term({ type: 'fixed', start: '2025-01-01', end: '2026-04-05' })) // 7 days: 29.03
  const endsAfterAutumn = facts(term({ type: 'fixed', start: '2025-01-01', end: '2026-10-26' })) // 1 day: 25.10

  /** Runs every hour between two instants, "today" being the Bucharest date of each instant. */
  function hourly(protocol: ProtocolFacts, fromUtc: string, toUtc: string) {
    const recorded: RecordedReminder[] = sentBefore(protocol, bucharestDate(new Date(fromUtc)))
    const sent: Array<{ instant: string; today: string; reminder: Reminder }> = []
    for (let t = Date.parse(fromUtc); t <= Date.parse(toUtc); t += 3_600_000) {
      const today = bucharestDate(new Date(t))
      const message = reminderToSend(remindersOfTerm(protocol, today), recorded, today)
      if (!message) continue
      sent.push({ instant: new Date(t).toISOString(), today, reminder: message.primary })
      recorded.push(message.primary, ...message.collapsed)
    }
    return sent
  }

  it('the reminder due on 29.03.2026 goes out at local midnight, still 28.03 in UTC', () => {
    const sent = hourly(endsAfterSpring, '2026-03-27T00:00:00Z', '2026-03-31T23:00:00Z')
    expect(sent).toEqual([
      {
        instant: '2026-03-28T22:00:00.000Z',
        today: '2026-03-29',
        reminder: expect.objectContaining({ offsetDays: 7, dueOn: '2026-03-29' }),
      },
    ])
  })

  it('the reminder due on 25.10.2026 goes out at local midnight (21:00 UTC, summer time) and once only', () => {
    const sent = hourly(endsAfterAutumn, '2026-10-23T00:00:00Z', '2026-10-27T23:00:00Z')
    expect(sent).toEqual([
      {
        instant: '2026-10-24T21:00:00.000Z',
        today: '2026-10-25',
        reminder: expect.objectContaining({ offsetDays: 1, dueOn: '2026-10-25' }),
      },
    ])
  })

  it('run once on each day around the changes, the due dates are the local dates', () => {
    const endsOn = (end: string) => facts(term({ type: 'fixed', start: '2025-01-01', end }))
    for (const due of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      const protocol = endsOn(addDays(due, 7))
      // each day at 00:30 and 23:30 local time, expressed in UTC
      const instants = days(addDays(due, -2), addDays(due, 2)).flatMap((d) => {
        const offset = d >= '2026-03-29' && d < '2026-10-25' ? 3 : 2
        const midnightUtc = Date.parse(`${d}T00:00:00Z`) - offset * 3_600_000
        return [midnightUtc + 30 * 60_000, midnightUtc + 23.5 * 3_600_000]
      })
      const recorded = sentBefore(protocol, addDays(due, -2))
      const sentOn: string[] = []
      for (const instant of instants) {
        const today = bucharestDate(new Date(instant))
        const message = reminderToSend(remindersOfTerm(protocol, today), recorded, today)
        if (!message) continue
        sentOn.push(today)
        recorded.push(message.primary, ...message.collapsed)
      }
      expect(sentOn, `reminder due ${due}`).toEqual([due])
    }
  })
})

describe('after ten days without running', () => {
  const protocols = {
    fixed: facts(term({ type: 'fixed', start: '2024-02-11', end: '2026-02-10' })),
    // period 11.03.2025 – 10.03.2026, notice deadline 08.02.2026
    renewing: facts(term({ type: 'auto_renewing', start: '2025-03-11', renewalPeriod: 'P1Y', noticePeriod: 'P30D' })),
    other: facts(term({ type: 'fixed', start: '2024-01-01', end: '2026-02-09' })),
  }

  it('what came due goes out as one overdue message per protocol, the rest recorded as collapsed', () => {
    const runs = [...days('2026-01-01', '2026-01-30'), '2026-02-10']
    const results = Object.fromEntries(Object.entries(protocols).map(([name, p]) => [name, simulate(p, runs).sent]))
    for (const [name, sent] of Object.entries(results)) {
      const resumed = sent.filter((s) => s.on === '2026-02-10')
      expect(resumed, name).toHaveLength(1)
      expect(resumed[0]!.message.overdue, name).toBe(true)
      expect(resumed[0]!.message.late, name).toBe(true)
    }
    const fixed = results.fixed!.find((s) => s.on === '2026-02-10')!.message
    expect([fixed.primary.offsetDays, ...fixed.collapsed.map((r) => r.offsetDays)]).toEqual([1, 7])
    const renewing = results.renewing!.find((s) => s.on === '2026-02-10')!.message
    expect(renewing.primary).toMatchObject({ kind: 'notice', offsetDays: 1, deadline: '2026-02-08' })
    expect(renewing.collapsed.map((r) => r.offsetDays)).toEqual([7])
    const other = results.other!.find((s) => s.on === '2026-02-10')!.message
    // its deadline passed yesterday, while nothing ran: still told, once
    expect([other.primary.offsetDays, ...other.collapsed.map((r) => r.offsetDays)]).toEqual([1, 7])
  })

  it('a single reminder that came due is sent alone, marked late', () => {
    const single = facts(term({ type: 'fixed', start: '2024-01-01', end: '2026-02-14' }))
    const { sent } = simulate(single, [...days('2026-01-01', '2026-01-30'), '2026-02-10'])
    const resumed = sent.find((s) => s.on === '2026-02-10')!.message
    expect(resumed).toMatchObject({ overdue: false, late: true, primary: { offsetDays: 7 } })
  })
})

describe('settings and the weekly summary', () => {
  it('reads stored settings with defaults for anything missing or wrong', () => {
    expect(readReminderSettings(null)).toEqual(DEFAULT_REMINDER_SETTINGS)
    expect(readReminderSettings({ expiringWithinDays: 60 })).toEqual(DEFAULT_REMINDER_SETTINGS)
    expect(
      readReminderSettings({ reminders: { endOffsets: [7, 60, 7], noticeOffsets: 'x', lateGraceDays: 3 } }),
    ).toEqual({ ...DEFAULT_REMINDER_SETTINGS, endOffsets: [60, 7], lateGraceDays: 3 })
    expect(readReminderSettings({ reminders: { endOffsets: [-1], weeklySummaryWeekday: 9 } })).toEqual(
      DEFAULT_REMINDER_SETTINGS,
    )
  })

  it('uses the settings of the authority', () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, endOffsets: [60, 14] }
    const fixed = facts(term({ type: 'fixed', start: '2024-02-11', end: '2026-02-10' }))
    expect(remindersOfTerm(fixed, '2025-11-01', undefined, settings).map((r) => r.dueOn)).toEqual([
      '2025-12-12',
      '2026-01-27',
    ])
  })

  it('knows ISO weeks and weekdays', () => {
    expect(isoWeekday('2026-02-09')).toBe(1) // a Monday
    expect(isoWeekday('2026-02-15')).toBe(7)
    expect(isoWeek('2026-02-09')).toBe('2026-W07')
    expect(isoWeek('2026-01-01')).toBe('2026-W01')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
  })

  it('the summary is due from Monday, so a missed Monday still sends it that week', () => {
    expect(weeklySummaryDue('2026-02-09')).toEqual({ week: '2026-W07', dueOn: '2026-02-09' })
    expect(weeklySummaryDue('2026-02-11')).toEqual({ week: '2026-W07', dueOn: '2026-02-09' })
    const thursday = { ...DEFAULT_REMINDER_SETTINGS, weeklySummaryWeekday: 4 }
    expect(weeklySummaryDue('2026-02-11', thursday)).toBeNull()
    expect(weeklySummaryDue('2026-02-12', thursday)).toEqual({ week: '2026-W07', dueOn: '2026-02-12' })
  })
})
