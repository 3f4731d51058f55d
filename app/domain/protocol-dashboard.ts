/**
 * The legal officers' dashboard of partnership protocols: which protocols need a decision on a
 * date, grouped in sections, and the rows of the validity timeline. Pure functions over the
 * registry's rows; "today" (the "as of" date) is always an argument (../shared/DOMAIN.md,
 * "Partnership protocols").
 *
 * Addenda that belong to a protocol are left out: their effect is already in the parent's term.
 */
import { foldText } from './search-query'
import { addDays, addMonths, dayNumber, daysBetween } from './calendar'
import { isValidIsoDate } from './dates'
import {
  protocolSituation,
  renewalPeriod,
  type ProtocolFacts,
  type ProtocolSettings,
  type ProtocolSituation,
} from './protocol-term'
import {
  PROTOCOL_KINDS,
  PROTOCOL_STATUSES,
  type IsoDate,
  type ProtocolKind,
  type ProtocolStatus,
  type TermType,
} from './protocol-types'

/** One protocol as the registry lists it (the shape of `listProtocols` items, structurally). */
export type DashboardInput = {
  protocol: {
    id: string
    parentId: string | null
    kind: ProtocolKind
    title: string
    responsibleUserId: string | null
    flagReasons: ReadonlyArray<{ code: string; message: string }> | null
  }
  parties: ReadonlyArray<{ name: string; isAuthority: boolean }>
  term: { validityText?: string | null }
  facts: ProtocolFacts
}

/** The choices of the "expires within" section. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number]

/** Expired protocols this recent are listed; older ones are only counted. */
export const RECENTLY_EXPIRED_DAYS = 90
/** The timeline draws at most this many rows, the most urgent first. */
export const TIMELINE_MAX_ROWS = 40
/** The timeline runs from the date minus 12 months to the date plus 24 months. */
export const TIMELINE_MONTHS_BEFORE = 12
export const TIMELINE_MONTHS_AFTER = 24

/** `responsible` is a staff member's user id, 'none' for "nobody", or null for anyone. */
export type DashboardFilters = {
  partner: string
  kind: ProtocolKind | null
  responsible: string | null
  status: ProtocolStatus | null
  q: string
}

export const NO_FILTERS: DashboardFilters = { partner: '', kind: null, responsible: null, status: null, q: '' }

/** The dashboard's lists, each shown a page at a time (`?reviewPage=2`). */
export const DASHBOARD_LISTS = ['selected', 'notice', 'expiring', 'review', 'noTerm', 'expired'] as const
export type DashboardList = (typeof DASHBOARD_LISTS)[number]
/** Rows of a list on one page: enough to act on, small enough for a page that loads at once. */
export const DASHBOARD_PAGE_SIZE = 25

/** The address parameter that holds a list's page. */
export function pageParam(list: DashboardList): string {
  return `${list}Page`
}

export type DashboardQuery = {
  asOf: IsoDate
  /** An `asOf` value that is not a calendar date (the dashboard then shows today). */
  rejectedAsOf: string | null
  noticeDays: number
  /** A `notice` value that is not a whole number of days from 1 to 365. */
  rejectedNotice: string | null
  expiryWindow: ExpiryWindow
  filters: DashboardFilters
  /** The page asked for each list (1 when absent or not a whole number; clamped when shown). */
  pages: Record<DashboardList, number>
}

const MAX_TEXT = 200

/** Reads the dashboard's address (?asOf, notice, within, partner, kind, responsible, status, q). */
export function readDashboardQuery(
  params: URLSearchParams,
  context: { today: IsoDate; noticeWarningDays: number; staffIds: readonly string[] },
): DashboardQuery {
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, MAX_TEXT)

  const asOfParam = text('asOf')
  const asOfValid = asOfParam !== '' && isValidIsoDate(asOfParam)
  const noticeParam = text('notice')
  const notice = /^\d{1,3}$/.test(noticeParam) ? Number(noticeParam) : NaN
  const noticeValid = Number.isInteger(notice) && notice >= 1 && notice <= 365
  const within = Number(text('within'))
  const kind = text('kind')
  const status = text('status')
  const responsible = text('responsible')
  const pages = {} as Record<DashboardList, number>
  for (const list of DASHBOARD_LISTS) {
    const value = text(pageParam(list))
    pages[list] = /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1
  }

  return {
    asOf: asOfValid ? asOfParam : context.today,
    rejectedAsOf: asOfParam !== '' && !asOfValid ? asOfParam : null,
    noticeDays: noticeValid ? notice : context.noticeWarningDays,
    rejectedNotice: noticeParam !== '' && !noticeValid ? noticeParam : null,
    expiryWindow: EXPIRY_WINDOWS.find((w) => w === within) ?? EXPIRY_WINDOWS[0],
    filters: {
      partner: text('partner'),
      kind: PROTOCOL_KINDS.find((k) => k === kind) ?? null,
      responsible: responsible === 'none' || context.staffIds.includes(responsible) ? responsible : null,
      status: PROTOCOL_STATUSES.find((s) => s === status) ?? null,
      q: text('q'),
    },
    pages,
  }
}

/** One page of a list: its rows and where they sit in the whole list. */
export type ListPage<T> = {
  rows: T[]
  /** The page shown: the one asked for, or the last one when it asked beyond the end. */
  page: number
  pageCount: number
  total: number
  /** Position of the first and last row shown, counted from 1 (0 and 0 for an empty list). */
  first: number
  last: number
}

/**
 * The page numbers a pager links to: the first, the last, and two either side of the current
 * one; `null` stands for the pages left out between them (never for a single page).
 */
export function pageNumbers(page: number, pageCount: number): Array<number | null> {
  const shown = new Set([1, pageCount])
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pageCount) shown.add(n)
  const sorted = [...shown].sort((a, b) => a - b)
  const out: Array<number | null> = []
  for (const n of sorted) {
    const previous = out.length > 0 ? out[out.length - 1] : undefined
    if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1)
    else if (typeof previous === 'number' && n - previous > 2) out.push(null)
    out.push(n)
  }
  return out
}

export function pageOf<T>(rows: readonly T[], requested: number, size: number = DASHBOARD_PAGE_SIZE): ListPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size))
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount)
  const shown = rows.slice((page - 1) * size, page * size)
  const first = shown.length === 0 ? 0 : (page - 1) * size + 1
  return { rows: shown, page, pageCount, total: rows.length, first, last: first === 0 ? 0 : first + shown.length - 1 }
}

/** How many filters are set (the "as of" date and the windows are not filters). */
export function activeFilterCount(filters: DashboardFilters): number {
  return [filters.partner !== '', filters.kind, filters.responsible, filters.status, filters.q !== ''].filter(Boolean)
    .length
}

/** Lower case, without diacritics (ș and ş alike), single spaces: for matching names. */
export { foldText }

/** Why a protocol ends without renewing itself. */
export type EndingReason = 'fixed_end' | 'hard_stop' | 'terminated' | 'not_renewed'

export type DashboardRow = {
  id: string
  title: string
  kind: ProtocolKind
  termType: TermType
  /** The parties that are not the authority. */
  partners: string[]
  responsibleUserId: string | null
  status: ProtocolStatus
  usable: boolean
  start: IsoDate | null
  end: IsoDate | null
  noticeDeadline: IsoDate | null
  renewsOn: IsoDate | null
  nextReview: IsoDate | null
  /** Set when the protocol ends (on `end`) without renewing itself. */
  endingReason: EndingReason | null
  /** A renewal of the current period was already decided: no notice to give. */
  renewalConfirmed: boolean
  /** Flagged by an import or a person, with the reasons recorded (possibly none). */
  flagged: boolean
  flagReasons: Array<{ code: string; message: string }>
  /** The periodic review is due since this date. */
  reviewDueSince: IsoDate | null
  validityText: string | null
}

export type TimelineRow = {
  id: string
  title: string
  status: ProtocolStatus
  termType: TermType
  start: IsoDate
  /** The last day of validity as it stands; null: open-ended or conditional without a stop. */
  end: IsoDate | null
  /** An auto-renewing protocol's next period, drawn dashed. */
  next: { start: IsoDate; end: IsoDate } | null
  noticeDeadline: IsoDate | null
  nextReview: IsoDate | null
}

export type TimelineTick = { date: IsoDate; year: number; month: number }

export type Timeline = {
  from: IsoDate
  to: IsoDate
  asOf: IsoDate
  /** The first day of every month inside the window. */
  ticks: TimelineTick[]
  rows: TimelineRow[]
  /** Drawable protocols beyond the row limit. */
  hiddenCount: number
  /** Protocols that cannot be drawn: no usable term, or valid only outside the window. */
  notDrawnCount: number
}

export type Dashboard = {
  asOf: IsoDate
  /** Protocols in the registry (addenda of a protocol not counted). */
  total: number
  /** Protocols that pass the filters. */
  matching: number
  /** Per status, with every filter applied except the status one. */
  statusCounts: Record<ProtocolStatus, number>
  /** Auto-renewing protocols whose notice deadline falls within `noticeDays`, by deadline. */
  notice: DashboardRow[]
  /** Protocols that end within `expiryWindow` days without renewing themselves, by end. */
  expiring: DashboardRow[]
  /** Expired or terminated in the last 90 days (most recent first), and how many before. */
  expired: { recent: DashboardRow[]; olderCount: number }
  /** Status needs_review, with a usable term: flagged first, then by the review's due date. */
  needsReview: DashboardRow[]
  /** Protocols whose term cannot be computed. */
  noUsableTerm: DashboardRow[]
  /** Every protocol that passes the filters, the most urgent first. */
  selected: DashboardRow[]
  timeline: Timeline
}

export type DashboardOptions = {
  asOf: IsoDate
  settings: ProtocolSettings
  noticeDays: number
  expiryWindow: number
  filters: DashboardFilters
  /** Ids matched by the full-text search `filters.q` (null: no search). */
  searchMatches: ReadonlySet<string> | null
  maxTimelineRows?: number
}

function endingReason(input: DashboardInput, situation: ProtocolSituation): EndingReason | null {
  if (!situation.usable || situation.end === null || situation.renewsOn !== null) return null
  if (situation.terminatesAfter !== null) {
    return input.facts.ending?.kind === 'let_lapse' ? 'not_renewed' : 'terminated'
  }
  switch (input.facts.term.type) {
    case 'fixed':
      return 'fixed_end'
    case 'conditional':
      return 'hard_stop'
    default:
      return null
  }
}

/** One protocol's row on a date. */
export function dashboardRow(input: DashboardInput, asOf: IsoDate, settings: ProtocolSettings): DashboardRow {
  return rowOf(input, protocolSituation(input.facts, asOf, settings), asOf)
}

function rowOf(input: DashboardInput, situation: ProtocolSituation, asOf: IsoDate): DashboardRow {
  const { facts, protocol } = input
  const period = situation.period
  return {
    id: protocol.id,
    title: protocol.title,
    kind: protocol.kind,
    termType: facts.term.type,
    partners: input.parties.filter((p) => !p.isAuthority).map((p) => p.name),
    responsibleUserId: protocol.responsibleUserId,
    status: situation.status,
    usable: situation.usable,
    start: period?.start ?? facts.term.start,
    end: situation.end,
    noticeDeadline: situation.noticeDeadline,
    renewsOn: situation.renewsOn,
    nextReview: situation.nextReview,
    endingReason: endingReason(input, situation),
    renewalConfirmed:
      period !== null && facts.renewalConfirmedFor !== null && facts.renewalConfirmedFor >= period.start,
    flagged: facts.flagged,
    flagReasons: (protocol.flagReasons ?? []).map((r) => ({ code: r.code, message: r.message })),
    reviewDueSince: situation.nextReview !== null && asOf >= situation.nextReview ? situation.nextReview : null,
    validityText: input.term.validityText ?? null,
  }
}

function matches(
  input: DashboardInput,
  row: DashboardRow,
  filters: DashboardFilters,
  search: ReadonlySet<string> | null,
  withStatus: boolean,
) {
  if (filters.kind && input.protocol.kind !== filters.kind) return false
  if (filters.responsible === 'none' && input.protocol.responsibleUserId !== null) return false
  if (
    filters.responsible &&
    filters.responsible !== 'none' &&
    input.protocol.responsibleUserId !== filters.responsible
  ) {
    return false
  }
  if (filters.partner) {
    const needle = foldText(filters.partner)
    if (needle && !row.partners.some((name) => foldText(name).includes(needle))) return false
  }
  if (filters.q && search && !search.has(row.id)) return false
  if (withStatus && filters.status && row.status !== filters.status) return false
  return true
}

/** Most urgent first: a notice to give, an end, a review; ended protocols last. */
const STATUS_URGENCY: Record<ProtocolStatus, number> = {
  in_notice_window: 0,
  expiring: 1,
  needs_review: 2,
  upcoming: 3,
  active: 4,
  renewed: 4,
  expired: 5,
  terminated: 5,
}

/** The next date that asks for attention (for ended protocols: the end). */
function urgencyDate(row: DashboardRow, asOf: IsoDate): IsoDate | null {
  if (row.status === 'expired' || row.status === 'terminated') return row.end
  const dates = [row.noticeDeadline, row.end, row.nextReview, row.status === 'upcoming' ? row.start : null].filter(
    (d): d is IsoDate => d !== null && (d >= asOf || d === row.nextReview),
  )
  return dates.length ? dates.reduce((a, b) => (a <= b ? a : b)) : null
}

/** The one date that says most about a protocol on the date of the situation. */
export type KeyDate = {
  kind: 'notice' | 'renews' | 'ends' | 'ended' | 'review_due' | 'review' | 'starts'
  date: IsoDate
}

export function keyDate(row: DashboardRow, asOf: IsoDate): KeyDate | null {
  if (!row.usable) return null
  if (row.status === 'upcoming' && row.start) return { kind: 'starts', date: row.start }
  if (row.status === 'expired' || row.status === 'terminated') return row.end ? { kind: 'ended', date: row.end } : null
  if (row.reviewDueSince) return { kind: 'review_due', date: row.reviewDueSince }
  if (row.renewsOn) {
    if (row.noticeDeadline && row.noticeDeadline >= asOf && !row.renewalConfirmed) {
      return { kind: 'notice', date: row.noticeDeadline }
    }
    return { kind: 'renews', date: row.renewsOn }
  }
  if (row.end) return { kind: 'ends', date: row.end }
  return row.nextReview ? { kind: 'review', date: row.nextReview } : null
}

const byTitle = (a: DashboardRow, b: DashboardRow) => a.title.localeCompare(b.title, 'ro') || a.id.localeCompare(b.id)

/** Orders rows most urgent first (the timeline's order). */
export function compareUrgency(asOf: IsoDate) {
  return (a: DashboardRow, b: DashboardRow): number => {
    const byStatus = STATUS_URGENCY[a.status] - STATUS_URGENCY[b.status]
    if (byStatus) return byStatus
    const da = urgencyDate(a, asOf)
    const db = urgencyDate(b, asOf)
    if (da !== db) {
      if (da === null) return 1
      if (db === null) return -1
      const ended = a.status === 'expired' || a.status === 'terminated'
      return (da < db ? -1 : 1) * (ended ? -1 : 1)
    }
    return byTitle(a, b)
  }
}

const byDate =
  (pick: (row: DashboardRow) => IsoDate | null, direction: 1 | -1 = 1) =>
  (a: DashboardRow, b: DashboardRow) => {
    const da = pick(a) ?? ''
    const db = pick(b) ?? ''
    return da === db ? byTitle(a, b) : (da < db ? -1 : 1) * direction
  }

/** The first day of every month after `from` up to and including `to`. */
export function monthTicks(from: IsoDate, to: IsoDate): TimelineTick[] {
  const ticks: TimelineTick[] = []
  let date = addMonths(`${from.slice(0, 7)}-01`, 1)
  if (from.endsWith('-01')) date = from
  while (date <= to) {
    ticks.push({ date, year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) })
    date = addMonths(date, 1)
  }
  return ticks
}

/** Where a date falls on the timeline, from 0 (its first day) to 1 (the day after its last). */
export function timelinePosition(timeline: Pick<Timeline, 'from' | 'to'>, date: IsoDate): number {
  const span = dayNumber(timeline.to) + 1 - dayNumber(timeline.from)
  return (dayNumber(date) - dayNumber(timeline.from)) / span
}

function timelineRow(input: DashboardInput, situation: ProtocolSituation, row: DashboardRow): TimelineRow {
  const period = situation.period!
  const next =
    input.facts.term.type === 'auto_renewing' && situation.renewsOn !== null
      ? { start: situation.renewsOn, end: renewalPeriod(input.facts.term, period.index + 1).end }
      : null
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    termType: row.termType,
    start: period.start,
    end: situation.end,
    next,
    noticeDeadline: situation.noticeDeadline,
    nextReview: situation.nextReview,
  }
}

/** The dashboard on a date, for the filters given. */
export function buildDashboard(inputs: readonly DashboardInput[], options: DashboardOptions): Dashboard {
  const { asOf, settings, filters } = options
  const search = filters.q ? (options.searchMatches ?? new Set<string>()) : null
  const own = inputs.filter((i) => i.protocol.parentId === null)
  const all = own.map((input) => {
    const situation = protocolSituation(input.facts, asOf, settings)
    return { input, situation, row: rowOf(input, situation, asOf) }
  })

  const statusCounts = Object.fromEntries(PROTOCOL_STATUSES.map((s) => [s, 0])) as Record<ProtocolStatus, number>
  for (const { input, row } of all) if (matches(input, row, filters, search, false)) statusCounts[row.status] += 1

  const selected = all.filter(({ input, row }) => matches(input, row, filters, search, true))
  const rows = selected.map((s) => s.row)
  const ended = (r: DashboardRow) => r.status === 'expired' || r.status === 'terminated'

  const noticeLimit = addDays(asOf, options.noticeDays)
  const notice = rows
    .filter(
      (r) =>
        r.noticeDeadline !== null &&
        r.renewsOn !== null &&
        !r.renewalConfirmed &&
        !ended(r) &&
        r.noticeDeadline >= asOf &&
        r.noticeDeadline <= noticeLimit,
    )
    .sort(byDate((r) => r.noticeDeadline))

  const expiryLimit = addDays(asOf, options.expiryWindow)
  const expiring = rows
    .filter((r) => r.endingReason !== null && !ended(r) && r.end! >= asOf && r.end! <= expiryLimit)
    .sort(byDate((r) => r.end))

  const endedRows = rows.filter((r) => ended(r) && r.end !== null)
  const recent = endedRows
    .filter((r) => daysBetween(r.end!, asOf) <= RECENTLY_EXPIRED_DAYS)
    .sort(byDate((r) => r.end, -1))

  const needsReview = rows
    .filter((r) => r.status === 'needs_review' && r.usable)
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || byDate((r) => r.reviewDueSince)(a, b))

  const noUsableTerm = rows.filter((r) => !r.usable).sort(byTitle)

  // The timeline: usable protocols valid at some point of the window, the most urgent first.
  const from = addMonths(asOf, -TIMELINE_MONTHS_BEFORE)
  const to = addMonths(asOf, TIMELINE_MONTHS_AFTER)
  const drawable = selected
    .filter(({ row }) => row.usable && row.start !== null && row.start <= to && (row.end === null || row.end >= from))
    .sort((a, b) => compareUrgency(asOf)(a.row, b.row))
  const limit = options.maxTimelineRows ?? TIMELINE_MAX_ROWS
  const timeline: Timeline = {
    from,
    to,
    asOf,
    ticks: monthTicks(from, to),
    rows: drawable.slice(0, limit).map(({ input, situation, row }) => timelineRow(input, situation, row)),
    hiddenCount: Math.max(0, drawable.length - limit),
    notDrawnCount: selected.length - drawable.length,
  }

  return {
    asOf,
    total: own.length,
    matching: selected.length,
    statusCounts,
    notice,
    expiring,
    expired: { recent, olderCount: endedRows.length - recent.length },
    needsReview,
    noUsableTerm,
    selected: rows.slice().sort(compareUrgency(asOf)),
    timeline,
  }
}
