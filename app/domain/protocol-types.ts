/**
 * The vocabulary of partnership protocols (../shared/DOMAIN.md, "Partnership protocols").
 * Dates are Europe/Bucharest calendar dates 'YYYY-MM-DD'; an end date is inclusive.
 * Periods are ISO-8601 durations of one unit: 'P2Y', 'P6M', 'P30D' (also 'P2W').
 */
export const PROTOCOL_KINDS = [
  'protocol',
  'partnership_agreement',
  'association_agreement',
  'memorandum',
  'addendum',
  'other',
] as const
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number]

export const TERM_TYPES = ['fixed', 'auto_renewing', 'open_ended', 'conditional', 'unknown'] as const
export type TermType = (typeof TERM_TYPES)[number]

export type IsoDate = string
export type IsoDuration = string

/**
 * A term as written, before any rule is applied. Which fields matter depends on the type:
 * - fixed: start, end
 * - auto_renewing: start, end of the first period (or null: start + renewalPeriod − 1 day),
 *   renewalPeriod, noticePeriod (null: no notice needed)
 * - open_ended: start
 * - conditional: start, condition, end = the hard stop if any
 * - unknown: nothing usable
 * `extension` is what an addendum adds to its parent's end (e.g. 'P6M'), null otherwise.
 */
export type Term = {
  type: TermType
  start: IsoDate | null
  end: IsoDate | null
  renewalPeriod: IsoDuration | null
  extension: IsoDuration | null
  noticePeriod: IsoDuration | null
  condition: string | null
}

export const PROTOCOL_STATUSES = [
  'upcoming',
  'active',
  'expiring',
  'in_notice_window',
  'expired',
  'renewed',
  'terminated',
  'needs_review',
] as const
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number]

/** A problem found while reading a row: shown for review, never silently "fixed". */
export type ParseProblem = {
  code:
    | 'invalid_date'
    | 'missing_start'
    | 'missing_end'
    | 'no_term'
    | 'ambiguous_term'
    | 'unknown_base'
    | 'unknown_kind'
    | 'missing_parties'
    | 'csv_column'
    | 'missing_cells'
    | 'missing_renewal'
  message: string
}

/** One protocol as read from a table, a prose list or a CSV file (the CLI contract). */
export type ParsedProtocolRow = {
  number: string | null
  kind: ProtocolKind
  title: string
  parties: string[]
  object: string | null
  registrations: Array<{ number: string; date: IsoDate | null }>
  validityText: string | null
  term: Term
  problems: ParseProblem[]
  /** For an addendum: the number of the earlier row it amends (same partner, the kind its title names). */
  parentNumber: string | null
}
