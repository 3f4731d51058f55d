/**
 * iCalendar (RFC 5545) and iTIP (RFC 5546) for tripartite meetings: the invitation or the
 * cancellation attached to each invitee's email, and the authority's public feed of meetings.
 * Pure functions: the time stamp is an argument.
 *
 * A meeting is a local time in Europe/Bucharest: DTSTART/DTEND carry `TZID=Europe/Bucharest`
 * and the calendar holds the VTIMEZONE (EET/EEST with the EU rules), so that every client
 * converts it right on both sides of a DST change. The UID stays the same for a meeting; each
 * change (a new time, a cancellation) is sent with a higher SEQUENCE, so calendars update the
 * event they have instead of adding a second one.
 */
import { TIME_ZONE } from './dates'
import { addDays } from './calendar'
import { dateValue, escapeText, foldLine, UID_DOMAIN, utcDateTime } from './icalendar'

export const MEETING_PROD_ID = '-//Planuri sociale//Intalniri tripartite//RO'

export type MeetingRsvp = 'pending' | 'accepted' | 'declined' | 'tentative'

export type MeetingIcalInput = {
  /** Stable per meeting: `meetingUid(meetingId)`. */
  uid: string
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  title: string
  /** Local Europe/Bucharest: 'YYYY-MM-DD', 'HH:mm', 'HH:mm'. */
  date: string
  startTime: string
  endTime: string
  place: string | null
  onlineUrl: string | null
  /** The text calendars show (the agenda; add the online link if clients should show it). */
  description: string
  organizer: { name: string; email: string }
  attendee: { name: string; email: string; rsvp: MeetingRsvp }
  /** The meeting's page or the invitee's answer page. */
  url: string
  /** DTSTAMP: the clock's now. */
  stamp: Date
}

export type MeetingFeedEvent = {
  uid: string
  sequence: number
  title: string
  date: string
  startTime: string
  endTime: string
  place: string | null
  onlineUrl: string | null
  url: string
  cancelled: boolean
}

/** The UID of a meeting's event, the same in every invitation, update, cancellation and the feed. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@${UID_DOMAIN}`
}

/** The RSVP of an invitation as an iCalendar participation status. */
export const PARTSTAT: Record<MeetingRsvp, string> = {
  pending: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
}

/**
 * Europe/Bucharest since 1997 (EU rules): EEST (+0300) from the last Sunday of March at 03:00,
 * EET (+0200) from the last Sunday of October at 04:00 (both at 01:00 UTC).
 */
export const BUCHAREST_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19970330T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19971026T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

function timeValue(time: string): string {
  const m = TIME.exec(time)
  if (!m) throw new Error(`Not a time 'HH:mm': ${time}`)
  return `${m[1]}${m[2]}00`
}

/** A local date-time in Bucharest: '20260329T100000'. */
function localDateTime(date: string, time: string): string {
  if (!ISO_DATE.test(date)) throw new Error(`Not a date 'YYYY-MM-DD': ${date}`)
  return `${dateValue(date)}T${timeValue(time)}`
}

function line(name: string, value: string): string {
  return foldLine(`${name}:${value}`)
}

/**
 * A parameter value (RFC 5545 §3.2): always quoted, so that `:` `;` `,` in a name are safe;
 * a double quote cannot be written inside one, and line breaks or control characters are dropped.
 */
function paramValue(value: string): string {
  const clean = [...value]
    .map((c) => (c === '"' ? "'" : c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  return `"${clean}"`
}

function mailto(email: string): string {
  return `mailto:${email.trim()}`
}

/** DTSTART and DTEND in Bucharest time; an end not after the start is taken to be the next day. */
function timeLines(event: { date: string; startTime: string; endTime: string }): string[] {
  const endDate = event.endTime > event.startTime ? event.date : addDays(event.date, 1)
  return [
    line(`DTSTART;TZID=${TIME_ZONE}`, localDateTime(event.date, event.startTime)),
    line(`DTEND;TZID=${TIME_ZONE}`, localDateTime(endDate, event.endTime)),
  ]
}

/** LOCATION: the place, else the online link; CONFERENCE (RFC 7986) with the online link. */
function placeLines(event: { place: string | null; onlineUrl: string | null }): string[] {
  const place = event.place?.trim() || null
  const online = event.onlineUrl?.trim() || null
  const lines: string[] = []
  const location = place ?? online
  if (location) lines.push(line('LOCATION', escapeText(location)))
  if (online) lines.push(line('CONFERENCE;VALUE=URI;FEATURE=VIDEO', online))
  return lines
}

const document = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('')

/**
 * The calendar attached to one invitee's email: `METHOD:REQUEST` (a new or changed meeting,
 * answerable from the calendar) or `METHOD:CANCEL` with `STATUS:CANCELLED`.
 */
export function meetingInvitationIcs(input: MeetingIcalInput): string {
  const cancel = input.method === 'CANCEL'
  const attendee = [
    'ATTENDEE',
    `CN=${paramValue(input.attendee.name)}`,
    'CUTYPE=INDIVIDUAL',
    'ROLE=REQ-PARTICIPANT',
    `PARTSTAT=${PARTSTAT[input.attendee.rsvp]}`,
    // A cancellation expects no answer.
    `RSVP=${cancel ? 'FALSE' : 'TRUE'}`,
  ].join(';')
  return document([
    'BEGIN:VCALENDAR',
    line('PRODID', MEETING_PROD_ID),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...BUCHAREST_VTIMEZONE,
    'BEGIN:VEVENT',
    line('UID', input.uid),
    line('SEQUENCE', String(input.sequence)),
    line('DTSTAMP', utcDateTime(input.stamp)),
    ...timeLines(input),
    line('SUMMARY', escapeText(input.title)),
    ...placeLines(input),
    ...(input.description.trim() ? [line('DESCRIPTION', escapeText(input.description))] : []),
    line('URL', input.url),
    line(`ORGANIZER;CN=${paramValue(input.organizer.name)}`, mailto(input.organizer.email)),
    line(attendee, mailto(input.attendee.email)),
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ])
}

/**
 * The authority's public feed of meetings (`METHOD:PUBLISH`): no organiser nor attendees (no
 * email address is public); a cancelled meeting stays in the feed with `STATUS:CANCELLED`.
 */
export function meetingsFeedIcs(events: readonly MeetingFeedEvent[], calendarName: string, stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    line('PRODID', MEETING_PROD_ID),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    line('X-WR-CALNAME', escapeText(calendarName)),
    line('X-WR-TIMEZONE', TIME_ZONE),
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...BUCHAREST_VTIMEZONE,
  ]
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      line('UID', event.uid),
      line('SEQUENCE', String(event.sequence)),
      line('DTSTAMP', utcDateTime(stamp)),
      ...timeLines(event),
      line('SUMMARY', escapeText(event.title)),
      ...placeLines(event),
      line('URL', event.url),
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return document(lines)
}

/** An .ics file as an email attachment (`EmailMeta.attachments`), base64 of its UTF-8 bytes. */
export function calendarAttachment(
  ics: string,
  method: MeetingIcalInput['method'],
): { filename: string; contentType: string; content: string } {
  let binary = ''
  for (const byte of new TextEncoder().encode(ics)) binary += String.fromCharCode(byte)
  return {
    filename: method === 'CANCEL' ? 'anulare.ics' : 'invitatie.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: btoa(binary),
  }
}
