/**
 * iCalendar (RFC 5545) for the protocol deadlines feed, and which deadlines a protocol has.
 * Pure functions: the time stamp and "today" are arguments.
 *
 * The writer produces CRLF line endings, lines folded at 75 octets without cutting a UTF-8
 * character, TEXT values escaped (\\ ; , and line breaks), and all-day events
 * (DTSTART;VALUE=DATE and DTEND the next day, as RFC 5545 §3.6.1 says for anniversaries).
 */
import { addDays } from './calendar'
import { TIME_ZONE } from './dates'
import {
  DEFAULT_PROTOCOL_SETTINGS,
  noticeDeadline,
  protocolSituation,
  renewalPeriod,
  type ProtocolFacts,
  type ProtocolSettings,
  type ProtocolSituation,
} from './protocol-term'
import type { IsoDate } from './protocol-types'

export const MAX_LINE_OCTETS = 75
export const UID_DOMAIN = 'planuri-sociale'

/** TEXT escaping (RFC 5545 §3.3.11); other control characters are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((c) => !isControl(c))
    .join('')
}

/** Control characters other than the tab are not allowed in a TEXT value (line breaks are escaped before). */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0)
  return (code < 0x20 && code !== 0x09) || code === 0x7f
}

const encoder = new TextEncoder()
const octets = (s: string) => encoder.encode(s).length

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines begin
 * with one space, and a character is never split (the cut falls between code points).
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_LINE_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let size = 0
  let limit = MAX_LINE_OCTETS
  for (const char of line) {
    const n = octets(char)
    if (size + n > limit) {
      parts.push(current)
      current = ''
      size = 0
      limit = MAX_LINE_OCTETS - 1 // the leading space counts
    }
    current += char
    size += n
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** '2024-05-14' → '20240514'. */
export function dateValue(date: IsoDate): string {
  return date.replace(/-/g, '')
}

/** An instant in UTC: '20240514T081500Z'. */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

export type CalendarEvent = {
  uid: string
  /** The day of the all-day event. */
  date: IsoDate
  summary: string
  description?: string
  url?: string
  categories?: string[]
}

export type CalendarInput = {
  prodId: string
  name: string
  description?: string
  /** DTSTAMP of every event: when the feed was produced. */
  stamp: Date
  events: readonly CalendarEvent[]
  /** How often clients should fetch the feed again (ISO-8601 duration). */
  refreshInterval?: string
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`)
}

export function writeEvent(event: CalendarEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    property('UID', event.uid),
    property('DTSTAMP', utcDateTime(stamp)),
    property('DTSTART;VALUE=DATE', dateValue(event.date)),
    property('DTEND;VALUE=DATE', dateValue(addDays(event.date, 1))),
    property('SUMMARY', escapeText(event.summary)),
  ]
  if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)))
  if (event.url) lines.push(property('URL', event.url))
  if (event.categories?.length) lines.push(property('CATEGORIES', event.categories.map(escapeText).join(',')))
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT')
  return lines
}

/** A whole VCALENDAR, CRLF after every line (the last one too). */
export function writeCalendar(input: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    property('PRODID', input.prodId),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(input.name)),
    property('X-WR-TIMEZONE', TIME_ZONE),
  ]
  if (input.description) lines.push(property('X-WR-CALDESC', escapeText(input.description)))
  if (input.refreshInterval) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${input.refreshInterval}`, `X-PUBLISHED-TTL:${input.refreshInterval}`)
  }
  for (const event of input.events) lines.push(...writeEvent(event, input.stamp))
  lines.push('END:VCALENDAR')
  return lines.map((l) => `${l}\r\n`).join('')
}

// ---------------------------------------------------------------- protocol deadlines

export type DeadlineKind = 'end' | 'notice' | 'review'
export type ProtocolDeadline = { kind: DeadlineKind; date: IsoDate }

/** How many further notice deadlines of an auto-renewing term are listed after the current one. */
export const FUTURE_NOTICE_PERIODS = 2

/**
 * The days to watch for a protocol, from its situation on `today`:
 * - `end`: when it stops being valid: a fixed end, a hard stop, or the end decided by a
 *   termination or a decision not to renew (an auto-renewing period's end is not an end);
 * - `notice`: the last day to refuse a renewal, for the current period and the next ones;
 * - `review`: the next periodic review of an open-ended or conditional term still in force.
 * Sorted by date, without duplicates.
 */
export function protocolDeadlines(
  facts: ProtocolFacts,
  today: IsoDate,
  settings: ProtocolSettings = DEFAULT_PROTOCOL_SETTINGS,
  situation: ProtocolSituation = protocolSituation(facts, today, settings),
): ProtocolDeadline[] {
  if (!situation.usable) return []
  const { term } = facts
  const out: ProtocolDeadline[] = []
  const over = situation.status === 'expired' || situation.status === 'terminated'

  if (situation.end && (term.type !== 'auto_renewing' || situation.terminatesAfter)) {
    out.push({ kind: 'end', date: situation.end })
  }
  if (situation.noticeDeadline) out.push({ kind: 'notice', date: situation.noticeDeadline })
  if (
    term.type === 'auto_renewing' &&
    term.noticePeriod &&
    situation.period &&
    situation.renewsOn &&
    !situation.terminatesAfter &&
    !over
  ) {
    for (let k = 1; k <= FUTURE_NOTICE_PERIODS; k++) {
      const next = renewalPeriod(term, situation.period.index + k)
      const deadline = noticeDeadline(term, next)
      if (deadline) out.push({ kind: 'notice', date: deadline })
    }
  }
  if (situation.nextReview && !over && (!situation.end || situation.nextReview <= situation.end)) {
    out.push({ kind: 'review', date: situation.nextReview })
  }

  const unique = out.filter((d, i) => out.findIndex((e) => e.kind === d.kind && e.date === d.date) === i)
  return unique.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)))
}

/** A UID that stays the same for the same protocol, kind and day across fetches. */
export function deadlineUid(protocolId: string, deadline: ProtocolDeadline): string {
  return `${protocolId}-${deadline.kind}-${deadline.date}@${UID_DOMAIN}`
}
