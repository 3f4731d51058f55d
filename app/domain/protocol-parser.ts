/**
 * Reads partnership protocols (../shared/DOMAIN.md, "Partnership protocols") from the three
 * shapes they arrive in. Pure: text in, rows out, no I/O.
 *
 * - `plan-table`: the protocols table of an annual plan as Word extracts it to text. Every cell
 *   starts with a tab; a cell's continuation lines have no tab; blank lines and lone "." lines
 *   inside cells are noise; rows have 5 cells (number, title, parties, validity, object).
 * - `prose`: a list such as "- Protocol de colaborare încheiat în luna martie 2017 între X și Y
 *   nr. 1665 / 02.03.2017 / 8217 / 03.03.2017, având ca scop …", possibly inside a whole plan.
 * - `csv`: one row per protocol with the columns of CSV_COLUMNS (RFC 4180 quoting).
 *
 * The parser never guesses silently: a date that does not exist, a missing start, a term it cannot
 * read are problems on the row, and the field stays null. In particular the signature or
 * registration date of an act is never taken as the start of its validity unless the text says
 * the validity runs from the signature ("de la data semnării").
 *
 * Derivations it does make, because the text determines them:
 * - start + "pe o perioadă de N" → end = start + N − 1 day (end dates are inclusive);
 * - end + "N … de la semnare" with no start → start = (end + 1 day) − N, the start whose term of
 *   N ends on that end ("Valabil 3 ani …, până la 14.05.2027" → 15.05.2024);
 * - an addendum "prelungire cu 6 luni" whose parent row has an end → the parent's term with end =
 *   parent end + 6 months (anchored, see addPeriod); when the parent's end is unknown the row
 *   keeps type `unknown` with `extension` and the problem `unknown_base`.
 */
import { addPeriod, periodEndFrom, periodStartFrom } from './calendar'
import { isValidIsoDate } from './dates'
import {
  PROTOCOL_KINDS,
  TERM_TYPES,
  type IsoDate,
  type IsoDuration,
  type ParsedProtocolRow,
  type ParseProblem,
  type ProtocolKind,
  type Term,
  type TermType,
} from './protocol-types'

export const PROTOCOL_FORMATS = ['plan-table', 'prose', 'csv'] as const
export type ProtocolFormat = (typeof PROTOCOL_FORMATS)[number]

export const CSV_COLUMNS = [
  'number',
  'kind',
  'title',
  'parties',
  'object',
  'registrations',
  'validity',
  'term_type',
  'start',
  'end',
  'renewal_period',
  'notice_period',
  'extension',
  'condition',
] as const
type CsvColumn = (typeof CSV_COLUMNS)[number]

const problem = (code: ParseProblem['code'], message: string): ParseProblem => ({ code, message })

// ---------------------------------------------------------------------------------------------
// Folding: diacritics- and case-insensitive matching that can still cut the original text.

type Folded = {
  /** Lower case, no diacritics (ș ş ț ţ ă â î → s t a a i), every whitespace a space, dashes '-'. */
  text: string
  /** origin[i] = index in the original text of folded character i; origin[text.length] = its length. */
  origin: number[]
}

function foldMapped(original: string): Folded {
  let text = ''
  const origin: number[] = []
  let i = 0
  for (const ch of original) {
    let f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    if (/^\s$/u.test(ch)) f = ' '
    else if (/^[\u2010-\u2015\u2212]$/u.test(ch)) f = '-'
    for (let k = 0; k < f.length; k++) origin.push(i)
    text += f
    i += ch.length
  }
  origin.push(original.length)
  return { text, origin }
}

/** Text for matching: lower case, no diacritics (both ș/ş and ț/ţ), whitespace as spaces. */
export function fold(text: string): string {
  return foldMapped(text).text
}

/** The original text under folded positions [from, to). */
function cut(original: string, folded: Folded, from: number, to: number): string {
  return original.slice(folded.origin[from], folded.origin[to])
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic lives in ./calendar (anchored periods, inclusive ends).
const PERIOD = /^P(\d+)([YMWD])$/
const termEnd = periodEndFrom
const termStart = periodStartFrom
export { addPeriod, termEnd, termStart }

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`

// ---------------------------------------------------------------------------------------------
// Dates.

export type DateMatch = {
  /** The date as written, e.g. "31.08. 2024". */
  text: string
  /** 'YYYY-MM-DD', or null when the written date does not exist (30.02.2024). */
  iso: IsoDate | null
  /** Position in the text read. */
  index: number
  end: number
}

const MONTHS = [
  'ianuarie',
  'februarie',
  'martie',
  'aprilie',
  'mai',
  'iunie',
  'iulie',
  'august',
  'septembrie',
  'octombrie',
  'noiembrie',
  'decembrie',
]
// dd.MM.yyyy with stray spaces around the dots; or "14 mai 2027".
const NUMERIC_DATE = /(?<![\d.])(\d{1,2}) *\. *(\d{1,2}) *\. *(\d{4})(?!\d)/g
const NAMED_DATE = new RegExp(`(?<!\\d)(\\d{1,2}) +(${MONTHS.join('|')}) +(\\d{4})(?!\\d)`, 'g')

function datesIn(original: string, folded: Folded): DateMatch[] {
  const found: DateMatch[] = []
  for (const re of [NUMERIC_DATE, NAMED_DATE]) {
    re.lastIndex = 0
    for (const m of folded.text.matchAll(re)) {
      const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : MONTHS.indexOf(m[2]!) + 1
      const value = iso(Number(m[3]), month, Number(m[1]))
      found.push({
        text: cut(original, folded, m.index, m.index + m[0].length),
        iso: isValidIsoDate(value) ? value : null,
        index: m.index,
        end: m.index + m[0].length,
      })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** Every date written in the text ("dd.MM.yyyy", stray spaces allowed, or "14 mai 2027"). */
export function findDates(text: string): DateMatch[] {
  return datesIn(text, foldMapped(text))
}

const invalidDate = (d: DateMatch) => problem('invalid_date', `${squash(d.text)} is not a date`)

/**
 * One date value: 'YYYY-MM-DD' or 'dd.MM.yyyy' (stray spaces tolerated). `date` is null with a
 * problem when the text holds no date or names a day that does not exist; never rolled over.
 */
export function readDate(text: string): { date: IsoDate | null; problem: ParseProblem | null } {
  const value = text.trim()
  const isoForm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  if (isoForm) {
    const date = iso(Number(isoForm[1]), Number(isoForm[2]), Number(isoForm[3]))
    return isValidIsoDate(date)
      ? { date, problem: null }
      : { date: null, problem: problem('invalid_date', `${value} is not a date`) }
  }
  const dates = findDates(value)
  const only = dates[0]
  if (dates.length !== 1 || !only || squash(value) !== squash(only.text)) {
    return { date: null, problem: problem('invalid_date', `"${value}" is not a date (dd.MM.yyyy)`) }
  }
  return only.iso ? { date: only.iso, problem: null } : { date: null, problem: invalidDate(only) }
}

// ---------------------------------------------------------------------------------------------
// Durations in Romanian: "2 ani", "câte 1 an", "6 luni", "30 de zile", "doi ani", "anuală".

const NUMBER_WORDS: Record<string, number> = {
  o: 1,
  un: 1,
  unu: 1,
  una: 1,
  doi: 2,
  doua: 2,
  trei: 3,
  patru: 4,
  cinci: 5,
  sase: 6,
  sapte: 7,
  opt: 8,
  noua: 9,
  zece: 10,
  unsprezece: 11,
  doisprezece: 12,
  douasprezece: 12,
  treisprezece: 13,
  paisprezece: 14,
  patrusprezece: 14,
  cincisprezece: 15,
  saisprezece: 16,
  saptesprezece: 17,
  optsprezece: 18,
  nouasprezece: 19,
  douazeci: 20,
  treizeci: 30,
  patruzeci: 40,
  cincizeci: 50,
  saizeci: 60,
  nouazeci: 90,
}
const NUMBER_WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')
const UNITS: Array<[RegExp, 'Y' | 'M' | 'W' | 'D']> = [
  [/^an(i|ul)?$/, 'Y'],
  [/^lun(a|i|ile)$/, 'M'],
  [/^saptaman(a|i)$/, 'W'],
  [/^zi(le|lele)?$/, 'D'],
]
// "30 de zile", "30 (treizeci) de zile", "câte un an", "doi ani", "6 luni".
const COUNTED = new RegExp(
  `(?<![\\w.])(\\d{1,3}|${NUMBER_WORD})(?: *\\([a-z ]+\\))? +(?:de +)?(ani|anul|an|lunile|luni|luna|saptamani|saptamana|zilele|zile|zi)(?![a-z])`,
  'g',
)
const ADJECTIVES: Record<string, IsoDuration> = {
  anual: 'P1Y',
  anuala: 'P1Y',
  anuale: 'P1Y',
  semestrial: 'P6M',
  semestriala: 'P6M',
  trimestrial: 'P3M',
  trimestriala: 'P3M',
  lunar: 'P1M',
  lunara: 'P1M',
}
const ADJECTIVE = new RegExp(`(?<![a-z])(${Object.keys(ADJECTIVES).join('|')})(?![a-z])`, 'g')

export type DurationMatch = { period: IsoDuration; text: string; index: number; end: number }

function durationsIn(original: string, folded: Folded): DurationMatch[] {
  const found: DurationMatch[] = []
  for (const m of folded.text.matchAll(COUNTED)) {
    const amount = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]
    const unit = UNITS.find(([re]) => re.test(m[2]!))?.[1]
    if (!amount || !unit) continue
    found.push({
      period: `P${amount}${unit}`,
      text: cut(original, folded, m.index, m.index + m[0].length),
      index: m.index,
      end: m.index + m[0].length,
    })
  }
  for (const m of folded.text.matchAll(ADJECTIVE)) {
    found.push({
      period: ADJECTIVES[m[1]!]!,
      text: cut(original, folded, m.index, m.index + m[0].length),
      index: m.index,
      end: m.index + m[0].length,
    })
  }
  return found.sort((a, b) => a.index - b.index)
}

/** Every duration written in the text, as ISO-8601 periods of one unit ('P2Y', 'P6M', 'P30D'). */
export function findDurations(text: string): DurationMatch[] {
  return durationsIn(text, foldMapped(text))
}

/** The first duration in the text: "2 ani" → 'P2Y', "câte 1 an" → 'P1Y', "șase luni" → 'P6M'. */
export function readDuration(text: string): IsoDuration | null {
  return findDurations(text)[0]?.period ?? null
}

// ---------------------------------------------------------------------------------------------
// Kinds.

/**
 * The kind an act's name says, or null when it names none we know. Accepts the articled forms
 * ("Protocolul", "Acordul", "Convenția") so an addendum's "la Acordul de parteneriat" reads too.
 */
export function readKind(title: string): ProtocolKind | null {
  const t = fold(title).replace(/^[\s\-–•*"„“]+/, '')
  if (/^act(ul|e)? +aditional/.test(t)) return 'addendum'
  if (/^protocol(ul)?(?![a-z])/.test(t)) return 'protocol'
  if (/^acord(ul)?(-cadru)? +de +(parteneriat|cooperare|colaborare)/.test(t)) return 'partnership_agreement'
  if (/^(conventi(a|e)|acord(ul)?) +de +asociere/.test(t)) return 'association_agreement'
  if (/^memorandum(ul)?(?![a-z])/.test(t)) return 'memorandum'
  return null
}

function kindOf(title: string, problems: ParseProblem[]): ProtocolKind {
  const kind = readKind(title)
  if (kind) return kind
  problems.push(problem('unknown_kind', title.trim() ? `unknown kind of act: "${squash(title)}"` : 'no title'))
  return 'other'
}

// ---------------------------------------------------------------------------------------------
// Validity text → Term.

export type TermReading = {
  term: Term
  problems: ParseProblem[]
  /** The row states an extension of an earlier act; the base is resolved across rows. */
  needsBase: boolean
}

const emptyTerm = (type: TermType): Term => ({
  type,
  start: null,
  end: null,
  renewalPeriod: null,
  extension: null,
  noticePeriod: null,
  condition: null,
})

const DATE_WORD = '(?: +data(?: +de)?)?'
const HARD_STOP_BEFORE = new RegExp(
  `(?:nu +mai +tarziu +de|cel +(?:mai +)?tarziu(?: +(?:la|pe|in|de))?)${DATE_WORD} *[:,]? *$`,
)
const END_BEFORE = new RegExp(
  `(?:pana +(?:la|in|pe)|expira\\w*(?: +(?:la|pe|in))?|valabil\\w* +pana)${DATE_WORD} *[:,]? *$`,
)
const START_BEFORE = new RegExp(
  `(?:de +la|incepand +(?:cu|de +la|din)|cu +incepere +(?:de +la|din)|intra +in +vigoare +(?:la|pe|din)|in +vigoare +(?:de +la|din))${DATE_WORD} *[:,]? *$`,
)
// A signature or registration date: never a start unless the term runs "de la semnare".
const SIGNATURE_BEFORE =
  /(?:nr\.? *[\w-]+ *(?:din|\/)|(?:incheiat|semnat|inregistrat)\w*(?: +(?:la|in|pe))?)(?: +data(?: +de)?)? *[:,]? *$/
const FROM_SIGNATURE = /de +la +(?:data +)?semnar/

const AUTO =
  /(?:prelung|reinno|reinnoi)\w*(?: +\S+){0,3}? +(?:automat|tacit|de +drept)|(?:automat|tacit)\w* +(?:\S+ +){0,2}?(?:prelung|reinno)|tacit\w* +reconduct/
const NEGATED = /(?:\bnu +(?:se +)?|fara +(?:\S+ +)?)$/
const OPEN = /nedeterminat/
const CONDITIONAL =
  /pe +(?:toata +)?(?:durata|perioada) +(?!(?:de|nedeterminat\w*|determinat\w*)\b)[a-z]|pana +la +(?:finalizar|incheier|terminar|implementar|realizar|indeplinir|atinger|epuizar|incetar|final)\w*|(?:atata +)?cat +timp/
const CLAUSE_END = /;|,? +(?:dar|insa|iar)\b|, *(?:nu +mai +tarziu|cel +(?:mai +)?tarziu|pana +la +\d|valabil)|\. |\.$/
const EXTENSION = /prelung\w*/g
const OPTIONAL_EXTENSION = /(?:posibilitat\w*|poate|putea|pot)(?: +\S+){0,2} *$/
const NOTICE_AFTER = /^ *(?:\S+ +){0,2}?(?:inainte|anterior)/
const NOTICE_BEFORE = /(?:preaviz\w*|notific\w*(?: +scris\w*| +in +scris)?|denunt\w*(?: +\S+){0,3}?)(?: +(?:de|cu))? *$/

function shortText(text: string): string {
  const s = squash(text)
  return s.length > 80 ? `${s.slice(0, 77)}…` : s
}

/**
 * Reads a validity text ("01.09.2022 - 31.08.2024", "Prelungire automată anuală",
 * "pe perioadă nedeterminată", "pe durata implementării proiectului „Acasă”", …) into a Term.
 * A date that does not exist is a problem and its field stays null; a missing start is a problem.
 */
export function readTerm(text: string | null | undefined): TermReading {
  if (text === null || text === undefined || !squash(text)) {
    return { term: emptyTerm('unknown'), problems: [problem('no_term', 'no validity period stated')], needsBase: false }
  }
  const original = text
  const folded = foldMapped(original)
  const f = folded.text
  const problems: ParseProblem[] = []

  // Dates, by what precedes them.
  const dates = datesIn(original, folded)
  for (const d of dates) if (!d.iso) problems.push(invalidDate(d))
  let start: DateMatch | null = null
  let end: DateMatch | null = null
  let hardStop: DateMatch | null = null
  const signature: DateMatch[] = []
  const untagged: DateMatch[] = []
  let ambiguous = false
  const put = (slot: DateMatch | null, d: DateMatch) => {
    if (slot) ambiguous = true
    return slot ?? d
  }
  for (const d of dates) {
    const before = f.slice(Math.max(0, d.index - 40), d.index)
    if (HARD_STOP_BEFORE.test(before)) hardStop = put(hardStop, d)
    else if (END_BEFORE.test(before)) end = put(end, d)
    else if (START_BEFORE.test(before)) start = put(start, d)
    else if (SIGNATURE_BEFORE.test(before)) signature.push(d)
    else untagged.push(d)
  }
  for (const d of untagged) {
    if (!start && !end) start = d
    else if (!end) end = d
    else if (!start) start = d
    else ambiguous = true
  }
  if (!start && signature[0] && FROM_SIGNATURE.test(f)) start = signature[0]
  if (ambiguous)
    problems.push(problem('ambiguous_term', `more dates than a start and an end: "${shortText(original)}"`))

  // Durations: a notice ("cu 30 de zile înainte", "preaviz de 30 de zile") or a length.
  const durations = durationsIn(original, folded)
  const isNotice = (d: DurationMatch) =>
    NOTICE_AFTER.test(f.slice(d.end, d.end + 40)) || NOTICE_BEFORE.test(f.slice(Math.max(0, d.index - 50), d.index))
  const notice = durations.find(isNotice)?.period ?? null
  const lengths = durations.filter((d) => !isNotice(d))

  const auto = (() => {
    for (const m of f.matchAll(new RegExp(AUTO.source, 'g'))) {
      if (!NEGATED.test(f.slice(Math.max(0, m.index - 15), m.index))) return m
    }
    return null
  })()
  const extension = (() => {
    if (auto) return null
    for (const m of f.matchAll(EXTENSION)) {
      if (OPTIONAL_EXTENSION.test(f.slice(Math.max(0, m.index - 40), m.index))) continue
      if (NEGATED.test(f.slice(Math.max(0, m.index - 15), m.index))) continue
      const length = lengths.find((d) => d.index > m.index && d.index - m.index < 80)
      if (length) return length
    }
    return null
  })()

  const startIso = start?.iso ?? null
  const endWritten = end ?? hardStop
  const term = emptyTerm('unknown')
  term.noticePeriod = notice
  const requireStart = () => {
    if (!start) problems.push(problem('missing_start', 'no start date'))
  }

  if (auto) {
    term.type = 'auto_renewing'
    term.start = startIso
    term.end = endWritten?.iso ?? null
    const initial = lengths.find((d) => d.index < auto.index)
    const renewal = lengths.find((d) => d.index > auto.index) ?? initial
    term.renewalPeriod = renewal?.period ?? null
    if (!endWritten && startIso && initial && renewal && initial.period !== renewal.period) {
      term.end = termEnd(startIso, initial.period)
    }
    requireStart()
    if (!term.renewalPeriod) problems.push(problem('missing_renewal', 'automatic renewal without a renewal period'))
    return { term, problems, needsBase: false }
  }

  if (extension) {
    // An addendum's extension: its own date stays its start; the base term is another row's.
    term.start = startIso
    term.end = endWritten?.iso ?? null
    term.extension = extension.period
    return { term, problems, needsBase: true }
  }

  if (OPEN.test(f)) {
    term.type = 'open_ended'
    term.start = startIso
    if (endWritten)
      problems.push(problem('ambiguous_term', `an end date with an indefinite term: "${shortText(original)}"`))
    requireStart()
    return { term, problems, needsBase: false }
  }

  const condition = CONDITIONAL.exec(f)
  if (condition) {
    term.type = 'conditional'
    term.start = startIso
    term.end = (hardStop ?? end)?.iso ?? null
    const rest = f.slice(condition.index)
    const stop = CLAUSE_END.exec(rest)
    const to = condition.index + (stop ? stop.index : rest.length)
    term.condition = cut(original, folded, condition.index, to)
      .replace(/[\s,;:.]+$/u, '')
      .replace(/\s+/g, ' ')
    requireStart()
    return { term, problems, needsBase: false }
  }

  const length = lengths[0]
  if (start || endWritten || length) {
    term.type = 'fixed'
    term.start = startIso
    term.end = endWritten?.iso ?? null
    if (length && lengths.some((d) => d.period !== length.period)) {
      problems.push(problem('ambiguous_term', `several durations: "${shortText(original)}"`))
    }
    if (length && start && !endWritten && startIso) term.end = termEnd(startIso, length.period)
    if (length && !start && endWritten?.iso) term.start = termStart(endWritten.iso, length.period)
    if (length && startIso && endWritten?.iso && termEnd(startIso, length.period) !== endWritten.iso) {
      problems.push(
        problem(
          'ambiguous_term',
          `${squash(start!.text)} + ${length.period} does not end on ${squash(endWritten.text)}`,
        ),
      )
    }
    // Missing only when neither written nor derivable (an invalid date is its own problem).
    if (!start && !(length && endWritten)) problems.push(problem('missing_start', 'no start date'))
    if (!endWritten && !(length && start)) problems.push(problem('missing_end', 'no end date'))
    return { term, problems, needsBase: false }
  }

  problems.push(problem('no_term', `validity not understood: "${shortText(original)}"`))
  return { term, problems, needsBase: false }
}

// ---------------------------------------------------------------------------------------------
// Rows.

type Draft = { row: ParsedProtocolRow; needsBase: boolean; explicitTerm: boolean }

/** "1." / " 3" / "Nr. 10" → "1" / "3" / "10"; other labels are kept trimmed. */
export function normaliseNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const s = squash(value)
  if (!s) return null
  const m = /^(?:nr\.?\s*)?(\d+)\s*\.?$/i.exec(s)
  return m ? String(Number(m[1])) : s.replace(/\.$/, '')
}

function splitParties(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map(squash)
    .filter((p) => p.length > 0)
}

function checkParties(parties: string[], problems: ParseProblem[]) {
  if (parties.length === 0) problems.push(problem('missing_parties', 'no parties'))
  else if (parties.length === 1) problems.push(problem('missing_parties', `only one party: ${parties[0]}`))
}

function draftRow(fields: {
  number: string | null
  title: string
  parties: string[]
  object: string | null
  registrations: ParsedProtocolRow['registrations']
  validityText: string | null
  problems?: ParseProblem[]
  kind?: ProtocolKind
  reading?: TermReading
  explicitTerm?: boolean
}): Draft {
  const problems: ParseProblem[] = [...(fields.problems ?? [])]
  const kind = fields.kind ?? kindOf(fields.title, problems)
  checkParties(fields.parties, problems)
  const reading = fields.reading ?? readTerm(fields.validityText)
  problems.push(...reading.problems)
  return {
    row: {
      number: fields.number,
      kind,
      title: squash(fields.title),
      parties: fields.parties,
      object: fields.object && squash(fields.object) ? squash(fields.object) : null,
      registrations: fields.registrations,
      validityText: fields.validityText && squash(fields.validityText) ? squash(fields.validityText) : null,
      term: reading.term,
      problems,
      parentNumber: null,
    },
    needsBase: reading.needsBase,
    explicitTerm: fields.explicitTerm ?? false,
  }
}

const partyKey = (party: string) => fold(party).replace(/[^a-z0-9]/g, '')
/** The partners of a row: every party but the first, which is the authority in all formats. */
const partners = (row: ParsedProtocolRow) => (row.parties.length > 1 ? row.parties.slice(1) : row.parties).map(partyKey)

/** The kind of act an addendum's title names: "Act adițional la Acordul de parteneriat" → partnership_agreement. */
function namedParentKind(title: string): ProtocolKind | null {
  const m = /^act(?:ul|e)? +aditional\w*(?: +nr\.? *\S+)?(?: +din +\S+)? +(?:la|al|pentru) +(.*)$/.exec(fold(title))
  return m ? readKind(m[1]!) : null
}

/** The last day the term reaches as written, or null when it cannot be known. */
function usableEnd(term: Term): IsoDate | null {
  switch (term.type) {
    case 'fixed':
    case 'conditional':
      return term.end
    case 'auto_renewing':
      if (term.end) return term.end
      return term.start && term.renewalPeriod && PERIOD.test(term.renewalPeriod)
        ? termEnd(term.start, term.renewalPeriod)
        : null
    default:
      return null
  }
}

/**
 * Links each addendum to its parent: the nearest earlier non-addendum row that shares a partner
 * and is of the kind the addendum's title names (any kind when the title names none). An extension
 * is applied to the parent's end (or to the end an earlier addendum of the same parent gave it);
 * when that end is unknown the addendum keeps type `unknown` and the problem `unknown_base`.
 */
function resolveAddenda(drafts: Draft[]): ParsedProtocolRow[] {
  const rows = drafts.map((d) => d.row)
  const extendedEnd = new Map<ParsedProtocolRow, IsoDate>()
  drafts.forEach((draft, i) => {
    const row = draft.row
    let parent: ParsedProtocolRow | undefined
    if (row.kind === 'addendum') {
      const named = namedParentKind(row.title)
      const mine = new Set(partners(row))
      for (let j = i - 1; j >= 0 && !parent; j--) {
        const candidate = rows[j]!
        if (candidate.kind === 'addendum' || (named && candidate.kind !== named)) continue
        if (partners(candidate).some((p) => mine.has(p))) parent = candidate
      }
      row.parentNumber = parent?.number ?? null
    }
    const extension = row.term.extension
    if (!extension || !PERIOD.test(extension)) return
    const base = parent ? (extendedEnd.get(parent) ?? usableEnd(parent.term)) : null
    if (!parent || !base) {
      const which = parent ? `row ${parent.number ?? '?'}` : null
      row.problems.push(
        problem(
          'unknown_base',
          which
            ? `extends ${which}, whose term has no known end`
            : 'extends an earlier act that is not in this list; its end is unknown',
        ),
      )
      return
    }
    const newEnd = addPeriod(base, extension)
    extendedEnd.set(parent, newEnd)
    if (draft.explicitTerm) return
    const own = row.term
    row.term = { ...parent.term, start: own.start, end: newEnd, extension }
    if (!own.start) row.problems.push(problem('missing_start', 'no start date'))
  })
  return rows
}

// ---------------------------------------------------------------------------------------------
// plan-table

const HEADER_CELL =
  /^(nr\.? *(crt\.?)?|crt\.?|denumirea actului|partile semnatare|parti semnatare|perioada de valabilitate|valabilitate|obiect(ul)?( (actului|protocolului))?)$/
const TABLE_HEADER = /denumirea actului|partile semnatare|perioada de valabilitate/
const NUMBER_CELL = /^\d{1,4}\s*\.?$/
// A numbered heading after the table ("7. Procesul-verbal …") ends it.
const HEADING = /^\s*(?:\d{1,2}\.(?:\d{1,2}\.)*|[IVX]+\.|capitolul\b)\s+\p{L}/iu

function tableCells(text: string): string[] {
  const cells: string[][] = []
  let afterBlank = false
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('\t')) {
      for (const part of line.split('\t').slice(1)) cells.push([part])
      afterBlank = false
      continue
    }
    const current = cells[cells.length - 1]
    if (!current) continue // text before the table
    if (afterBlank && HEADING.test(line) && cells.length >= 5) break
    if (!line.trim()) {
      afterBlank = true
      continue
    }
    afterBlank = false
    current.push(line)
  }
  return cells.map((lines) =>
    squash(
      lines
        .map((l) => l.trim())
        .filter((l) => l && !/^[.·•]+$/.test(l))
        .join(' '),
    ),
  )
}

function parsePlanTable(text: string): Draft[] {
  const rows: string[][] = []
  let current: string[] | null = null
  for (const cell of tableCells(text)) {
    const f = fold(cell)
    if (HEADER_CELL.test(f)) continue
    if (NUMBER_CELL.test(cell)) {
      current = [cell]
      rows.push(current)
    } else if (current) current.push(cell)
  }
  return rows.map((cells) => {
    const problems: ParseProblem[] = []
    if (cells.length < 5) problems.push(problem('missing_cells', `${cells.length} of 5 cells`))
    const [number, title = '', parties = '', validity = '', ...object] = cells
    return draftRow({
      number: normaliseNumber(number),
      title,
      parties: splitParties(parties, '/'),
      object: object.join(' ') || null,
      registrations: [],
      validityText: validity || null,
      problems,
    })
  })
}

// ---------------------------------------------------------------------------------------------
// prose

const PROSE_BULLET = /^\s*(?:[-–—•*]|(\d+)[.)])?\s*/
const PROSE_ITEM = /^(?:protocol|acord|conventi|memorandum|act(?:ul)? +aditional|contract|parteneriat)\w*\b.*\bintre\b/
const REGISTRATION =
  /^ *[/,;]? *(?:si +)?(?:nr\.? *)?([a-z]*\d[\w-]*) *(?:\/|din) *(\d{1,2} *\. *\d{1,2} *\. *\d{4})(?!\d)/d
const OBJECT_MARKER = /,? *(?:avand +ca +(?:scop|obiect)|cu +scopul|in +scopul)\b/
const VALIDITY_HINT = /valabil|perioad|durata|nedeterminat|prelung|pana +la|incepand/

function isProseItem(line: string): boolean {
  const f = fold(line)
  const bullet = PROSE_BULLET.exec(f)!
  return PROSE_ITEM.test(f.slice(bullet[0].length))
}

function proseItems(text: string): Array<{ number: string | null; body: string }> {
  const items: Array<{ number: string | null; body: string }> = []
  let current: { number: string | null; body: string } | null = null
  for (const line of text.split(/\r?\n/)) {
    if (isProseItem(line)) {
      const bullet = PROSE_BULLET.exec(line)!
      current = { number: bullet[1] ?? null, body: line.slice(bullet[0].length) }
      items.push(current)
    } else if (!line.trim() || PROSE_BULLET.exec(line)![0].trim() || HEADING.test(line)) {
      current = null // a blank line, another bullet or a heading ends the item
    } else if (current) {
      current.body += ` ${line.trim()}`
    }
  }
  return items
}

function parseProseItem(number: string | null, body: string): Draft {
  const problems: ParseProblem[] = []
  const folded = foldMapped(body)
  const f = folded.text
  // isProseItem made sure of "între".
  const between = /\bintre\b */.exec(f)!
  const titleEnd = Math.min(
    f.length,
    ...[/ (?:incheiat|semnat)\w*/, /\bintre\b/, / nr\.? *\d/, /,/, / din /]
      .map((re) => re.exec(f)?.index ?? f.length)
      .filter((i) => i > 0),
  )
  const title = cut(body, folded, 0, titleEnd).trim()

  // Parties: "între X și Y", Y up to its registration numbers, the object or the end.
  const afterBetween = between.index + between[0].length
  const objectAt = OBJECT_MARKER.exec(f)
  const partiesEnd = objectAt ? objectAt.index : f.length
  const regAt = / nr\.? *(?=[a-z]*\d[\w-]* *(?:\/|din) *\d{1,2} *\. *\d{1,2} *\. *\d{4})/.exec(f.slice(afterBetween))
  const yEnd = regAt && afterBetween + regAt.index < partiesEnd ? afterBetween + regAt.index : partiesEnd
  const and = / si /.exec(f.slice(afterBetween, yEnd))
  const parties = and
    ? [
        cut(body, folded, afterBetween, afterBetween + and.index),
        cut(body, folded, afterBetween + and.index + and[0].length, yEnd),
      ]
    : [cut(body, folded, afterBetween, yEnd)]
  const cleanParties = parties.map((p) => squash(p).replace(/[,;]+$/, '')).filter(Boolean)

  // Registrations: pairs "number / date" after " nr.".
  const registrations: ParsedProtocolRow['registrations'] = []
  let restFrom = yEnd
  if (regAt && yEnd === afterBetween + regAt.index) {
    let at = yEnd + regAt[0].length
    for (;;) {
      const m = REGISTRATION.exec(f.slice(at))
      if (!m?.indices) break
      const [numberFrom, numberTo] = m.indices[1]!
      const [dateFrom, dateTo] = m.indices[2]!
      const read = readDate(cut(body, folded, at + dateFrom, at + dateTo))
      if (read.problem) problems.push(read.problem)
      registrations.push({ number: cut(body, folded, at + numberFrom, at + numberTo), date: read.date })
      at += m[0].length
    }
    restFrom = at
  }

  // A validity clause, if any, between the registrations and the object.
  const middle = cut(body, folded, restFrom, partiesEnd)
  const validityText = VALIDITY_HINT.test(fold(middle)) ? squash(middle.replace(/^[\s,;.]+|[\s,;.]+$/g, '')) : null

  const object = objectAt
    ? squash(cut(body, folded, objectAt.index + objectAt[0].length, f.length)).replace(/\.+$/, '')
    : null

  return draftRow({
    number: normaliseNumber(number),
    title,
    parties: cleanParties,
    object,
    registrations,
    validityText: validityText || null,
    problems,
  })
}

function parseProse(text: string): Draft[] {
  return proseItems(text).map((item) => parseProseItem(item.number, item.body))
}

// ---------------------------------------------------------------------------------------------
// csv

/** RFC 4180: quoted fields with "" escapes and line breaks; CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"' && field.trim() === '') {
      quoted = true
      field = ''
    } else if (c === delimiter) {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''))
}

const columnName = (h: string) =>
  fold(h)
    .trim()
    .replace(/[\s-]+/g, '_')

function csvHeader(text: string): { delimiter: string; columns: string[] } | null {
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((l) => l.trim())
  if (!first) return null
  const delimiter = !first.includes(',') && first.includes(';') ? ';' : ','
  const columns = (parseCsv(first, delimiter)[0] ?? []).map(columnName)
  const known = columns.filter((c) => (CSV_COLUMNS as readonly string[]).includes(c))
  if (known.length < 3 || !columns.some((c) => c === 'title' || c === 'kind' || c === 'validity')) return null
  return { delimiter, columns }
}

function readPeriodValue(value: string): IsoDuration | null {
  const v = value.trim().toUpperCase()
  if (PERIOD.test(v) && Number(PERIOD.exec(v)![1]) > 0) return v
  const found = findDurations(value)
  return found.length === 1 && squash(found[0]!.text) === squash(value.replace(/^câte\s+|^cate\s+/i, ''))
    ? found[0]!.period
    : null
}

function parseCsvRows(text: string): Draft[] {
  const header = csvHeader(text)
  if (!header) return []
  const [, ...records] = parseCsv(text, header.delimiter)
  return records.map((record) => {
    const get = (c: CsvColumn) => {
      const i = header.columns.indexOf(c)
      return i < 0 ? '' : (record[i] ?? '').trim()
    }
    const problems: ParseProblem[] = []
    const bad = (c: CsvColumn, message: string) => problems.push(problem('csv_column', `${c}: ${message}`))

    const title = get('title')
    let kind: ProtocolKind | undefined
    const kindValue = get('kind')
    if (kindValue) {
      const canonical = columnName(kindValue) as ProtocolKind
      kind = (PROTOCOL_KINDS as readonly string[]).includes(canonical) ? canonical : (readKind(kindValue) ?? undefined)
      if (!kind) bad('kind', `"${kindValue}" is not a kind (${PROTOCOL_KINDS.join(', ')})`)
    }
    if (!kind) kind = kindOf(title, problems)

    const registrations: ParsedProtocolRow['registrations'] = []
    for (const item of get('registrations')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(.+?)\s*(?:\/|\bdin\b)\s*(\S.*)$/.exec(item)
      const number = squash(m ? m[1]! : item)
      if (!m) {
        registrations.push({ number, date: null })
        continue
      }
      const read = readDate(m[2]!)
      if (read.problem) bad('registrations', `"${item}": ${m[2]} is not a date`)
      registrations.push({ number, date: read.date })
    }

    const validity = get('validity')
    const typeValue = get('term_type')
    const termColumns = ['start', 'end', 'renewal_period', 'notice_period', 'extension', 'condition'] as const
    let reading: TermReading | undefined
    let explicitTerm = false
    if (!typeValue) {
      reading = readTerm(validity || null)
      const ignored = termColumns.filter((c) => get(c))
      if (ignored.length)
        bad('term_type', `empty, so ${ignored.join(', ')} were ignored and the term was read from validity`)
    } else {
      const type = columnName(typeValue) as TermType
      if (!(TERM_TYPES as readonly string[]).includes(type)) {
        bad('term_type', `"${typeValue}" is not a term type (${TERM_TYPES.join(', ')})`)
        reading = readTerm(validity || null)
      } else {
        explicitTerm = true
        const term = emptyTerm(type)
        const termProblems: ParseProblem[] = []
        for (const c of ['start', 'end'] as const) {
          const v = get(c)
          if (!v) continue
          const read = readDate(v)
          if (read.date) term[c] = read.date
          else bad(c, `${v} is not a date`)
        }
        for (const [c, key] of [
          ['renewal_period', 'renewalPeriod'],
          ['notice_period', 'noticePeriod'],
          ['extension', 'extension'],
        ] as const) {
          const v = get(c)
          if (!v) continue
          const period = readPeriodValue(v)
          if (period) term[key] = period
          else bad(c, `"${v}" is not a period (P2Y, P6M, P30D or "2 ani")`)
        }
        term.condition = get('condition') || null
        const written = (c: CsvColumn) => get(c) !== ''
        if (type === 'unknown') termProblems.push(problem('no_term', 'term type unknown'))
        else if (!written('start')) termProblems.push(problem('missing_start', 'no start date'))
        if (type === 'fixed' && !written('end')) termProblems.push(problem('missing_end', 'no end date'))
        if (type === 'auto_renewing' && !written('renewal_period')) {
          termProblems.push(problem('missing_renewal', 'automatic renewal without a renewal period'))
        }
        reading = { term, problems: termProblems, needsBase: term.extension !== null }
      }
    }

    return draftRow({
      number: normaliseNumber(get('number')),
      title,
      kind,
      parties: splitParties(get('parties'), ';'),
      object: get('object') || null,
      registrations,
      validityText: validity || null,
      problems,
      reading,
      explicitTerm,
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/**
 * Which of the three shapes a text is: a CSV header naming our columns → csv; the tab-celled
 * protocols table (its header, or more tab cells naming acts than prose items) → plan-table;
 * otherwise prose (a whole plan with a list of protocols in it reads as prose).
 */
export function detectFormat(text: string): ProtocolFormat {
  if (csvHeader(text)) return 'csv'
  let table = 0
  let prose = 0
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('\t')) {
      const f = fold(line)
      if (TABLE_HEADER.test(f)) table += 5
      else if (readKind(line.trim())) table += 1
    } else if (isProseItem(line)) prose += 1
  }
  return table > 0 && table >= prose ? 'plan-table' : 'prose'
}

/** Reads every protocol in the text; the format is detected when not given. */
export function parseProtocols(
  text: string,
  format: ProtocolFormat = detectFormat(text),
): { rows: ParsedProtocolRow[] } {
  const source = text.replace(/^\uFEFF/, '')
  const drafts =
    format === 'csv' ? parseCsvRows(source) : format === 'plan-table' ? parsePlanTable(source) : parseProse(source)
  return { rows: resolveAddenda(drafts) }
}
