/**
 * The calendar invitations of tripartite meetings, read back with ical.js as a calendar client
 * would: iTIP method, stable UID with a growing SEQUENCE, Bucharest local times converted right
 * on both sides of the DST changes, the attendee's answer, cancellations, folding and escaping.
 */
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import {
  calendarAttachment,
  meetingInvitationIcs,
  meetingsFeedIcs,
  meetingUid,
  type MeetingIcalInput,
} from '~/domain/meeting-ical'

const octets = (s: string) => new TextEncoder().encode(s).length
const STAMP = new Date('2026-03-10T08:30:15.000Z')

const base: MeetingIcalInput = {
  uid: meetingUid('m-8790-s1-2026'),
  sequence: 0,
  method: 'REQUEST',
  title: 'Întâlnire tripartită S1 2026: 8790 CR-VD-I',
  date: '2026-03-29',
  startTime: '10:00',
  endTime: '12:00',
  place: 'Sala de ședințe a Primăriei Pângărați',
  onlineUrl: null,
  description: 'Ordinea de zi: analiza serviciilor sociale',
  organizer: { name: 'Comuna Pângărați', email: 'coordonator.pangarati@demo.planuri.ro' },
  attendee: { name: 'Elena Rusu', email: 'elena.rusu@example.org', rsvp: 'pending' },
  url: 'http://localhost:3000/meetings/rsvp/token-1',
  stamp: STAMP,
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  // As a client does: the calendar's own VTIMEZONE resolves TZID=Europe/Bucharest.
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
  return { calendar, events, event: events[0]! }
}

const ics = (over: Partial<MeetingIcalInput> = {}) => meetingInvitationIcs({ ...base, ...over })
/** RFC 5545 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')

describe('a meeting invitation (METHOD:REQUEST)', () => {
  it('is an iTIP request with one event: UID, SEQUENCE, DTSTAMP in UTC, summary, place, url', () => {
    const { calendar, events, event } = parse(ics())
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(events).toHaveLength(1)
    expect(event.uid).toBe('m-8790-s1-2026@planuri-sociale')
    expect(event.sequence).toBe(0)
    expect(event.summary).toBe('Întâlnire tripartită S1 2026: 8790 CR-VD-I')
    expect(event.location).toBe('Sala de ședințe a Primăriei Pângărați')
    expect(event.description).toBe('Ordinea de zi: analiza serviciilor sociale')
    expect(event.component.getFirstPropertyValue('url')).toBe('http://localhost:3000/meetings/rsvp/token-1')
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time
    expect(stamp.toJSDate().toISOString()).toBe('2026-03-10T08:30:15.000Z')
    expect(ics()).toContain('\r\nDTSTAMP:20260310T083015Z\r\n')
  })

  it('keeps the UID across changes and carries the SEQUENCE it is given', () => {
    const first = parse(ics({ sequence: 0 })).event
    const changed = parse(ics({ sequence: 3, startTime: '11:00', endTime: '13:00' })).event
    expect(changed.uid).toBe(first.uid)
    expect(changed.sequence).toBe(3)
  })

  it('writes local Bucharest times with TZID and the VTIMEZONE (EET/EEST rules)', () => {
    const text = ics()
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Bucharest:20260329T100000\r\n')
    expect(text).toContain('\r\nDTEND;TZID=Europe/Bucharest:20260329T120000\r\n')
    const tz = parse(text).calendar.getFirstSubcomponent('vtimezone')!
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Bucharest')
    const daylight = tz.getFirstSubcomponent('daylight')!
    const standard = tz.getFirstSubcomponent('standard')!
    expect(String(daylight.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU')
    expect(String(standard.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU')
    expect(daylight.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+03:00')
    expect(standard.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+02:00')
  })

  it.each([
    // The morning of the spring change: 03:00 became 04:00, 10:00 is already summer time.
    ['2026-03-29', '10:00', '12:00', '2026-03-29T07:00:00.000Z', '2026-03-29T09:00:00.000Z'],
    // The day before it: still winter time.
    ['2026-03-28', '10:00', '12:00', '2026-03-28T08:00:00.000Z', '2026-03-28T10:00:00.000Z'],
    // The morning of the autumn change: 04:00 became 03:00, 10:00 is winter time again.
    ['2026-10-25', '10:00', '12:00', '2026-10-25T08:00:00.000Z', '2026-10-25T10:00:00.000Z'],
    ['2026-10-24', '10:00', '11:30', '2026-10-24T07:00:00.000Z', '2026-10-24T08:30:00.000Z'],
    ['2027-01-15', '09:30', '11:00', '2027-01-15T07:30:00.000Z', '2027-01-15T09:00:00.000Z'],
    ['2027-07-01', '14:00', '16:00', '2027-07-01T11:00:00.000Z', '2027-07-01T13:00:00.000Z'],
  ])('%s %s–%s Bucharest is %s to %s', (date, startTime, endTime, start, end) => {
    const { event } = parse(ics({ date, startTime, endTime }))
    expect(event.startDate.zone?.tzid).toBe('Europe/Bucharest')
    expect(event.startDate.toJSDate().toISOString()).toBe(start)
    expect(event.endDate.toJSDate().toISOString()).toBe(end)
  })

  it.each([
    ['pending', 'NEEDS-ACTION'],
    ['accepted', 'ACCEPTED'],
    ['declined', 'DECLINED'],
    ['tentative', 'TENTATIVE'],
  ] as const)('the attendee who answered %s has PARTSTAT=%s and is asked to answer', (rsvp, partstat) => {
    const { event } = parse(ics({ attendee: { ...base.attendee, rsvp } }))
    expect(event.attendees).toHaveLength(1)
    const attendee = event.attendees[0]!
    expect(attendee.getFirstValue()).toBe('mailto:elena.rusu@example.org')
    expect(attendee.getParameter('cn')).toBe('Elena Rusu')
    expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT')
    expect(attendee.getParameter('partstat')).toBe(partstat)
    expect(attendee.getParameter('rsvp')).toBe('TRUE')
    const organizer = event.component.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe('mailto:coordonator.pangarati@demo.planuri.ro')
    expect(organizer.getParameter('cn')).toBe('Comuna Pângărați')
  })

  it('quotes names with separators in parameters, and drops what a parameter cannot hold', () => {
    const { event } = parse(
      ics({
        organizer: { name: 'DGASPC Neamț; Serviciul: parteneriate, ONG', email: 'dgaspc@example.org' },
        attendee: { name: 'Asociația "Pași Mici"\nIon', email: 'ion@example.org', rsvp: 'pending' },
      }),
    )
    expect(event.component.getFirstProperty('organizer')!.getParameter('cn')).toBe(
      'DGASPC Neamț; Serviciul: parteneriate, ONG',
    )
    expect(event.attendees[0]!.getParameter('cn')).toBe("Asociația 'Pași Mici' Ion")
    expect(event.attendees[0]!.getFirstValue()).toBe('mailto:ion@example.org')
  })

  it('an online meeting: the link is the LOCATION and a CONFERENCE; with a place, the place is the LOCATION', () => {
    const online = parse(ics({ place: null, onlineUrl: 'https://meet.example.org/pangarati' })).event
    expect(online.location).toBe('https://meet.example.org/pangarati')
    expect(online.component.getFirstPropertyValue('conference')).toBe('https://meet.example.org/pangarati')
    const both = parse(ics({ onlineUrl: 'https://meet.example.org/pangarati' })).event
    expect(both.location).toBe('Sala de ședințe a Primăriei Pângărați')
    expect(both.component.getFirstPropertyValue('conference')).toBe('https://meet.example.org/pangarati')
    const neither = parse(ics({ place: null, onlineUrl: null })).event
    expect(neither.location).toBeNull()
  })

  it('escapes ; , \\ and line breaks in text, and reads back the same text', () => {
    const description = 'Ordinea de zi:\n1. Centre; capacitate, ocupare\r\n2. Buget \\ surse\n3. Diverse'
    const title = 'Întâlnire: vârstnici, copii; dizabilități'
    const text = ics({ description, title, place: 'Sala 2, etajul 1; intrarea B' })
    const unfolded = unfold(text)
    expect(unfolded).toContain(
      'DESCRIPTION:Ordinea de zi:\\n1. Centre\\; capacitate\\, ocupare\\n2. Buget \\\\ surse\\n3. Diverse\r\n',
    )
    expect(unfolded).toContain('SUMMARY:Întâlnire: vârstnici\\, copii\\; dizabilități\r\n')
    expect(unfolded).toContain('LOCATION:Sala 2\\, etajul 1\\; intrarea B\r\n')
    const { event } = parse(text)
    expect(event.description).toBe(description.replace(/\r\n/g, '\n'))
    expect(event.summary).toBe(title)
    expect(event.location).toBe('Sala 2, etajul 1; intrarea B')
  })

  it('uses CRLF only, folds at 75 octets without splitting a character, and keeps every byte of a long Romanian text', () => {
    const description = [
      'Ordinea de zi a întâlnirii tripartite pentru serviciul „Centru rezidențial pentru persoane vârstnice” (8790 CR-VD-I):',
      '1. Prezentarea situației serviciului: capacitate 40 de locuri, grad de ocupare 92%, lista de așteptare și costurile standard.',
      '2. Propunerile furnizorilor, ale organizațiilor de voluntariat și ale asociațiilor beneficiarilor pentru semestrul următor.',
      '3. Diverse: țintele anuale, îngrijirea la domiciliu în satele Oanțu și Poiana 🏠, transportul beneficiarilor.',
    ].join('\n')
    const text = ics({ description })
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n').slice(0, -1)
    const descriptionLines = lines.slice(lines.findIndex((l) => l.startsWith('DESCRIPTION:')))
    expect(descriptionLines[1]!.startsWith(' ')).toBe(true) // it was folded
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75)
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l)
    }
    // Unfolded, the line is exactly the escaped text, byte for byte.
    const escaped = description.replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\n/g, '\\n')
    const descriptionLine = unfold(text)
      .split('\r\n')
      .find((l) => l.startsWith('DESCRIPTION:'))!
    expect(new TextEncoder().encode(descriptionLine)).toEqual(new TextEncoder().encode(`DESCRIPTION:${escaped}`))
    expect(parse(text).event.description).toBe(description)
  })

  it('an end not after the start ends the next day', () => {
    const { event } = parse(ics({ date: '2026-06-10', startTime: '18:00', endTime: '00:00' }))
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-06-10T21:00:00.000Z')
  })

  it('refuses a malformed time or date (a bug in the caller, not a value to guess)', () => {
    expect(() => ics({ startTime: '9:00' })).toThrow(/HH:mm/)
    expect(() => ics({ date: '29.03.2026' })).toThrow(/YYYY-MM-DD/)
  })
})

describe('a cancellation (METHOD:CANCEL)', () => {
  it('cancels the same event with a higher sequence and expects no answer', () => {
    const invitation = parse(ics({ sequence: 1 })).event
    const { calendar, event } = parse(ics({ method: 'CANCEL', sequence: 2 }))
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(event.uid).toBe(invitation.uid)
    expect(event.sequence).toBe(2)
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.attendees[0]!.getFirstValue()).toBe('mailto:elena.rusu@example.org')
    expect(event.attendees[0]!.getParameter('rsvp')).toBe('FALSE')
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z')
  })
})

describe('the attachment', () => {
  it('is the UTF-8 bytes of the calendar in base64, typed as an iTIP calendar', () => {
    const text = ics()
    const attachment = calendarAttachment(text, 'REQUEST')
    expect(attachment).toMatchObject({
      filename: 'invitatie.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    })
    expect(Buffer.from(attachment.content, 'base64').toString('utf8')).toBe(text)
    expect(calendarAttachment(ics({ method: 'CANCEL' }), 'CANCEL')).toMatchObject({
      filename: 'anulare.ics',
      contentType: 'text/calendar; charset=utf-8; method=CANCEL',
    })
  })
})

describe("the authority's public feed of meetings", () => {
  const feed = meetingsFeedIcs(
    [
      {
        uid: meetingUid('m1'),
        sequence: 2,
        title: 'Întâlnire tripartită S1 2026: 8790 CR-VD-I',
        date: '2026-03-29',
        startTime: '10:00',
        endTime: '12:00',
        place: 'Sala de ședințe',
        onlineUrl: null,
        url: 'http://localhost:3000/a/pangarati/meetings/m1',
        cancelled: false,
      },
      {
        uid: meetingUid('m2'),
        sequence: 1,
        title: 'Întâlnire tripartită S2 2026: 8810 ID-I',
        date: '2026-10-25',
        startTime: '10:00',
        endTime: '11:00',
        place: null,
        onlineUrl: 'https://meet.example.org/id',
        url: 'http://localhost:3000/a/pangarati/meetings/m2',
        cancelled: true,
      },
    ],
    'Întâlniri tripartite, Comuna Pângărați',
    STAMP,
  )

  it('publishes every meeting with the same VTIMEZONE and no email address', () => {
    const { calendar, events } = parse(feed)
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    // An X- property is TEXT to the clients that read it (ical.js leaves it raw): escaped.
    expect(unfold(feed)).toContain('\r\nX-WR-CALNAME:Întâlniri tripartite\\, Comuna Pângărați\r\n')
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1)
    expect(events.map((e) => [e.uid, e.sequence])).toEqual([
      ['m1@planuri-sociale', 2],
      ['m2@planuri-sociale', 1],
    ])
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-29T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ])
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED'])
    expect(events[1]!.location).toBe('https://meet.example.org/id')
    expect(feed).not.toMatch(/mailto:|ORGANIZER|ATTENDEE/)
    for (const l of feed.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75)
  })

  it('an empty feed is still a valid calendar', () => {
    const { calendar, events } = parse(meetingsFeedIcs([], 'Întâlniri', STAMP))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(events).toEqual([])
  })
})
