/**
 * Semesters and the tripartite-meetings compliance board (../shared/DOMAIN.md, "Tripartite
 * meetings"). Pure: dates are calendar dates 'YYYY-MM-DD' (Europe/Bucharest), no clock here.
 *
 * S1 = 1 January – 30 June, S2 = 1 July – 31 December. For each service type the authority
 * provides, each semester needs one tripartite meeting whose participants include at least one
 * provider, one volunteer organisation and one beneficiary association.
 *
 * Board cells, for a service type and a semester:
 * - `held`: a meeting dated in the semester, recorded as held, covering the type, with all three
 *   groups present (`meetingIds`: those meetings);
 * - `scheduled`: otherwise, a meeting in the semester covering the type that is still
 *   `scheduled` — in the future, or past but not yet recorded (`meetingIds`: those meetings);
 * - `missing`: neither. Cancelled meetings never count.
 * A held meeting that lacks a group does not count; it is listed in `reasons` with the groups it
 * lacked, whatever the state of the cell, so the board can say why a cell is not green.
 */
import { addDays } from './calendar'
import { isValidIsoDate } from './dates'
import { serviceTypeKey } from './service-codes'

export type Semester = { year: number; half: 1 | 2 }

export const TRIPARTITE_GROUPS = ['provider', 'volunteer_organisation', 'beneficiary_association'] as const
export type TripartiteGroup = (typeof TRIPARTITE_GROUPS)[number]

export type BoardMeeting = {
  id: string
  date: string
  status: 'scheduled' | 'held' | 'cancelled'
  /** Canonical codes (written forms are normalised too). */
  serviceTypes: string[]
  groupsPresent: TripartiteGroup[]
}

export type BoardCell = {
  state: 'held' | 'scheduled' | 'missing'
  meetingIds: string[]
  /** Held meetings that do not count, and why. */
  reasons: Array<{ meetingId: string; missingGroups: TripartiteGroup[] }>
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The semester a date falls in; a RangeError for a text that is not a 'YYYY-MM-DD' date. */
export function semesterOf(date: string): Semester {
  if (!isValidIsoDate(date)) throw new RangeError(`${date} is not a date (YYYY-MM-DD)`)
  const [year, month] = date.split('-').map(Number) as [number, number]
  return { year, half: month <= 6 ? 1 : 2 }
}

/** First and last day (inclusive). */
export function semesterBounds(s: Semester): { start: string; end: string } {
  const y = pad(s.year, 4)
  return s.half === 1 ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` }
}

/** "S1 2026". */
export function semesterLabel(s: Semester): string {
  return `S${s.half} ${s.year}`
}

function previous(s: Semester): Semester {
  return s.half === 2 ? { year: s.year, half: 1 } : { year: s.year - 1, half: 2 }
}

/** `count` semesters ending with `current`, current first: S1 2026, S2 2025, S1 2025, … */
export function previousSemesters(current: Semester, count: number): Semester[] {
  const out: Semester[] = []
  let s: Semester = { year: current.year, half: current.half }
  for (let i = 0; i < Math.floor(count); i++) {
    out.push(s)
    s = previous(s)
  }
  return out
}

const YEAR_FIRST = /^(\d{4})\s*[-/ ]?\s*S\s*([12])$/i
const HALF_FIRST = /^S\s*([12])\s*[-/ ,]?\s*(\d{4})$/i
const WORDS = /^sem(?:estrul|\.)?\s*(I{1,2}|[12])\s*[-/ ,]?\s*(?:din\s+|anul\s+)?(\d{4})$/i

/** "2026-S1", "2026 S1", "S2 2025", "S2/2025", "semestrul II 2025"; null otherwise. */
export function parseSemester(text: string): Semester | null {
  const t = text.trim()
  let year: string | undefined
  let half: string | undefined
  let m = YEAR_FIRST.exec(t)
  if (m) [, year, half] = m
  else if ((m = HALF_FIRST.exec(t))) [, half, year] = m
  else if ((m = WORDS.exec(t))) [, half, year] = m
  if (!year || !half) return null
  const h = half.toUpperCase()
  return { year: Number(year), half: h === '1' || h === 'I' ? 1 : 2 }
}

/** 30 days before a semester ends: the date the coordinators are nudged. */
export function nudgeDate(s: Semester): string {
  return addDays(semesterBounds(s).end, -30)
}

/** Distinct service types (by serviceTypeKey), in first-seen order; empty texts are dropped. */
function distinctTypes(serviceTypes: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const t of serviceTypes) {
    const key = serviceTypeKey(t)
    if (key) keys.add(key)
  }
  return [...keys]
}

/** One meeting per type per semester: the count of distinct canonical types. */
export function requiredMeetings(serviceTypes: string[]): number {
  return distinctTypes(serviceTypes).length
}

const missingGroups = (m: BoardMeeting): TripartiteGroup[] =>
  TRIPARTITE_GROUPS.filter((g) => !m.groupsPresent.includes(g))

/**
 * For each service type and semester: held (a held meeting covering the type with at least one
 * participant of each group), scheduled (a future or not-yet-recorded meeting covers it), or
 * missing. Keyed by canonical type, then semesterLabel. A meeting whose date is not a date is
 * ignored.
 */
export function complianceBoard(
  serviceTypes: string[],
  semesters: Semester[],
  meetings: BoardMeeting[],
): Record<string, Record<string, BoardCell>> {
  const dated = meetings.flatMap((m) =>
    isValidIsoDate(m.date)
      ? [{ meeting: m, semester: semesterLabel(semesterOf(m.date)), types: new Set(distinctTypes(m.serviceTypes)) }]
      : [],
  )
  const board: Record<string, Record<string, BoardCell>> = {}
  for (const type of distinctTypes(serviceTypes)) {
    const row: Record<string, BoardCell> = {}
    for (const s of semesters) {
      const label = semesterLabel(s)
      const covering = dated.filter((d) => d.semester === label && d.types.has(type)).map((d) => d.meeting)
      const held = covering.filter((m) => m.status === 'held' && missingGroups(m).length === 0)
      const scheduled = covering.filter((m) => m.status === 'scheduled')
      const reasons = covering
        .filter((m) => m.status === 'held' && missingGroups(m).length > 0)
        .map((m) => ({ meetingId: m.id, missingGroups: missingGroups(m) }))
      row[label] = held.length
        ? { state: 'held', meetingIds: held.map((m) => m.id), reasons }
        : scheduled.length
          ? { state: 'scheduled', meetingIds: scheduled.map((m) => m.id), reasons }
          : { state: 'missing', meetingIds: [], reasons }
    }
    board[type] = row
  }
  return board
}
