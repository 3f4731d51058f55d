import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { facts, term } from '../support/protocol-fixtures'
import {
  dateValue,
  deadlineUid,
  escapeText,
  foldLine,
  protocolDeadlines,
  utcDateTime,
  writeCalendar,
  type CalendarEvent,
} from '~/domain/icalendar'

const octets = (s: string) => new TextEncoder().encode(s).length
const STAMP = new Date('2025-01-15T08:30:00.000Z')

describe('TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
    expect(escapeText('unu\ndoi\r\ntrei\rpatru')).toBe('unu\\ndoi\\ntrei\\npatru')
    expect(escapeText('Asociația „Pași Mici”: ăîșțâ')).toBe('Asociația „Pași Mici”: ăîșțâ')
    expect(escapeText('bell\u0007')).toBe('bell')
  })
})

describe('line folding', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:scurt')).toBe('SUMMARY:scurt')
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75))
  })

  it('folds at 75 octets with a leading space on continuation lines', () => {
    const folded = foldLine('X'.repeat(200))
    const lines = folded.split('\r\n')
    expect(lines[0]).toHaveLength(75)
    for (const l of lines.slice(1)) {
      expect(l.startsWith(' ')).toBe(true)
      expect(octets(l)).toBeLessThanOrEqual(75)
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe('X'.repeat(200))
  })

  it('never cuts a multi-byte character (diacritics, emoji)', () => {
    const text = `SUMMARY:${'șțăîâ'.repeat(30)}😀${'ț'.repeat(40)}`
    const folded = foldLine(text)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(2)
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75)
      expect(l).not.toContain('\uFFFD')
      // Each line is valid UTF-8 on its own: encoding and decoding gives it back.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l)
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(text)
  })
})

describe('values', () => {
  it('dates and UTC instants', () => {
    expect(dateValue('2025-03-09')).toBe('20250309')
    expect(utcDateTime(new Date('2025-03-09T22:05:07.123Z'))).toBe('20250309T220507Z')
  })
})

describe('the calendar', () => {
  const events: CalendarEvent[] = [
    {
      uid: 'p1-notice-2025-02-01@planuri-sociale',
      date: '2025-02-01',
      summary: 'Termen de denunțare: Acord de parteneriat, voluntariat; centre',
      description: 'Autoritatea: Comuna Pângărați\nParteneri: Asociația „Vecini Buni”\nStarea: în vigoare',
      url: 'https://planuri.example/a/pangarati/staff/protocols/p1',
      categories: ['Comuna Pângărați'],
    },
    { uid: 'p2-end-2024-12-31@planuri-sociale', date: '2024-12-31', summary: 'Expiră: Protocol' },
  ]
  const text = writeCalendar({ prodId: '-//Test//RO', name: 'Termene, protocoale', stamp: STAMP, events })

  it('uses CRLF everywhere and no line over 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
  })

  it('has the calendar properties', () => {
    const lines = text.split('\r\n')
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Test//RO',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Termene\\, protocoale',
      'X-WR-TIMEZONE:Europe/Bucharest',
    ])
  })

  it('writes all-day events ending the next day, with a UTC stamp', () => {
    expect(text).toContain('DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n')
    expect(text).toContain('DTSTAMP:20250115T083000Z')
    expect(text).toContain('UID:p2-end-2024-12-31@planuri-sociale')
  })

  it('is read back by a real iCalendar parser (ical.js)', () => {
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    // ical.js keeps X- properties raw (RFC 5545 makes them TEXT by default: escaped above).
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Bucharest')
    const parsed = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
    expect(parsed).toHaveLength(2)
    const [notice, end] = parsed as [ICAL.Event, ICAL.Event]
    expect(notice.summary).toBe('Termen de denunțare: Acord de parteneriat, voluntariat; centre')
    expect(notice.description).toBe(events[0]!.description)
    expect(notice.uid).toBe('p1-notice-2025-02-01@planuri-sociale')
    expect(notice.startDate.isDate).toBe(true)
    expect(notice.startDate.toString()).toBe('2025-02-01')
    expect(notice.endDate.toString()).toBe('2025-02-02')
    expect(notice.component.getFirstPropertyValue('url')).toBe(events[0]!.url)
    expect(end.startDate.toString()).toBe('2024-12-31')
    expect(end.endDate.toString()).toBe('2025-01-01')
    const stamp = notice.component.getFirstPropertyValue('dtstamp') as ICAL.Time
    expect(stamp.toJSDate().toISOString()).toBe(STAMP.toISOString())
  })

  it('a long description with diacritics survives folding through the parser', () => {
    const description = `Parteneri: ${'Asociația „Împreună pentru Țară”, '.repeat(8)}\nURL`
    const long = writeCalendar({
      prodId: '-//Test//RO',
      name: 'x',
      stamp: STAMP,
      events: [{ uid: 'u@x', date: '2025-05-05', summary: 'ș'.repeat(100), description }],
    })
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(long)).getFirstSubcomponent('vevent')!)
    expect(event.summary).toBe('ș'.repeat(100))
    expect(event.description).toBe(description)
  })
})

describe('protocol deadlines', () => {
  it('a fixed term: its end', () => {
    const f = facts(term({ type: 'fixed', start: '2024-01-01', end: '2025-12-31' }))
    expect(protocolDeadlines(f, '2025-01-15')).toEqual([{ kind: 'end', date: '2025-12-31' }])
  })

  it('an auto-renewing term: the current notice deadline and the next two, no end', () => {
    const f = facts(
      term({
        type: 'auto_renewing',
        start: '2024-01-15',
        end: '2025-01-14',
        renewalPeriod: 'P1Y',
        noticePeriod: 'P30D',
      }),
    )
    expect(protocolDeadlines(f, '2024-06-01')).toEqual([
      { kind: 'notice', date: '2024-12-15' },
      { kind: 'notice', date: '2025-12-15' },
      { kind: 'notice', date: '2026-12-15' },
    ])
    // After the first renewal the deadlines move on one period.
    expect(protocolDeadlines(f, '2025-01-20').map((d) => d.date)).toEqual(['2025-12-15', '2026-12-15', '2027-12-15'])
  })

  it('an auto-renewing term without notice: nothing to watch', () => {
    const f = facts(term({ type: 'auto_renewing', start: '2023-01-12', renewalPeriod: 'P2Y' }))
    expect(protocolDeadlines(f, '2025-01-15')).toEqual([])
  })

  it('a decision not to renew: the end of the current period, no more notices', () => {
    const f = facts(
      term({
        type: 'auto_renewing',
        start: '2024-01-15',
        end: '2025-01-14',
        renewalPeriod: 'P1Y',
        noticePeriod: 'P30D',
      }),
      { ending: { kind: 'let_lapse', decidedOn: '2024-11-01' } },
    )
    expect(protocolDeadlines(f, '2024-11-02')).toEqual([{ kind: 'end', date: '2025-01-14' }])
  })

  it('a termination: the day before it takes effect', () => {
    const f = facts(term({ type: 'open_ended', start: '2022-10-03' }), {
      ending: { kind: 'terminate', effectiveOn: '2025-03-01' },
    })
    // Sorted by date: the review is overdue since 2023.
    expect(protocolDeadlines(f, '2025-01-15')).toEqual([
      { kind: 'review', date: '2023-04-03' },
      { kind: 'end', date: '2025-02-28' },
    ])
  })

  it('open-ended and conditional terms: the next review, and a hard stop', () => {
    const open = facts(term({ type: 'open_ended', start: '2022-10-03' }), { lastReviewedOn: '2024-12-01' })
    expect(protocolDeadlines(open, '2025-01-15')).toEqual([{ kind: 'review', date: '2025-06-01' }])
    const conditional = facts(
      term({ type: 'conditional', start: '2023-04-10', end: '2025-12-31', condition: 'pe durata proiectului' }),
      { lastReviewedOn: '2025-01-10' },
    )
    expect(
      protocolDeadlines(conditional, '2025-01-15', {
        expiringWithinDays: 90,
        noticeWarningDays: 30,
        reviewEveryMonths: 3,
      }),
    ).toEqual([
      { kind: 'review', date: '2025-04-10' },
      { kind: 'end', date: '2025-12-31' },
    ])
  })

  it('an expired protocol keeps its end but has no review; an unusable term has nothing', () => {
    const expired = facts(term({ type: 'conditional', start: '2020-01-01', end: '2021-01-01' }))
    expect(protocolDeadlines(expired, '2025-01-15')).toEqual([{ kind: 'end', date: '2021-01-01' }])
    expect(protocolDeadlines(facts(term({ type: 'unknown' })), '2025-01-15')).toEqual([])
  })

  it('UIDs are stable per protocol, kind and date', () => {
    expect(deadlineUid('abc', { kind: 'notice', date: '2025-12-15' })).toBe('abc-notice-2025-12-15@planuri-sociale')
  })
})
