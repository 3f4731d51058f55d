/**
 * Reads the existing social services of a plan — chapter I, "A. Serviciile sociale existente la
 * nivel local" (../shared/DOMAIN.md, "Tripartite meetings") — from the two shapes they arrive in.
 * Pure: text in, rows out, no I/O.
 *
 * The plan table, as Word extracts it to text, in either of two layouts:
 * - one cell per line: every cell starts with a tab, a cell's continuation lines have no tab,
 *   blank lines and lone "." lines inside cells are noise, spacer rows are runs of empty cells
 *   (samples/demo-services-table.txt);
 * - one row per line, cells separated by tabs (samples/pangarati-plan-2023.txt, and the text of a
 *   .docx table).
 * Either may sit inside a whole plan: reading starts at the heading "A. Serviciile sociale
 * existente" when there is one, and stops at the next section heading ("B. …", "CAPITOLUL II").
 *
 * The columns are read from the table's header, in order, never assumed: number, code, name,
 * capacity, occupancy, and the budget sources. A budget column is recognised by its words ("Buget
 * local", "Buget județean", "Buget de stat", "Contribuții persoane beneficiare", "Alte surse") or,
 * when the header only says "A", "B", "C", by the legend above the table ("A - Buget de stat;").
 * A letter no legend explains is a problem, and its column is not read.
 *
 * Values:
 * - amounts are lei, Romanian style: "1.250.000", "1250000", "902 310", "15.000" (dots or spaces
 *   group thousands), "1.250.000,50" and "1,5" (decimal comma), "1.5" (a dot before one or two
 *   digits can only be decimal); "-" or an empty cell is null (no amount), "0" is 0. A text that
 *   is not an amount, or "1,250" (thousands or decimals?), is a problem and null;
 * - occupancy ("Grad de ocupare") is returned as a percentage. "35%" is 35. A plain number is
 *   what plans such as Pângărați write: the number of places occupied — there 21 of a capacity of
 *   45, and the "Total" row adds them up (21 + 3 = 24), which percentages would not. So a plain
 *   whole number no larger than the capacity is read as a count and converted:
 *   round(21 / 45 × 100) = 47. A plain number with no capacity, larger than the capacity, or not
 *   whole cannot be told from a percentage written without "%": null and a problem. A header that
 *   says "%" makes plain numbers percentages (as does the CSV column occupancy_percent);
 * - the code is kept as written and normalised (app/domain/service-codes.ts); a missing code or
 *   one that is not a Nomenclator code is a problem on the row.
 * "Total" rows and a row numbering the columns (1 2 3 … 10) are skipped. The parser never throws
 * and never guesses silently: whatever it could not read is a problem, the field stays null.
 *
 * CSV: one row per service, the columns of SERVICES_CSV_COLUMNS (header required; any order;
 * comma or semicolon; UTF-8 with or without BOM; RFC 4180 quoting).
 */
import { neutraliseFormula, writeCsv } from './protocol-csv'
import { fold, normaliseNumber, parseCsv } from './protocol-parser'
import { normaliseServiceCode } from './service-codes'

export type ServiceProblem = { code: string; message: string }

export const BUDGET_SOURCES = ['local', 'county', 'state', 'beneficiaries', 'other'] as const
export type BudgetSource = (typeof BUDGET_SOURCES)[number]
export type ServiceBudget = Record<BudgetSource, number | null>

export type ParsedService = {
  number: string
  /** As written. */
  code: string | null
  codeNormalized: string | null
  name: string
  capacity: number | null
  /** A percentage: "35%" → 35; a count of places occupied → its share of the capacity. */
  occupancyPercent: number | null
  /** Lei; null where the table says "-" or nothing. */
  budget: ServiceBudget
  problems: ServiceProblem[]
}

export type ServicesParseResult = { services: ParsedService[]; problems: ServiceProblem[] }

export const SERVICES_CSV_COLUMNS = [
  'number',
  'code',
  'name',
  'capacity',
  'occupancy_percent',
  'budget_local',
  'budget_county',
  'budget_state',
  'budget_beneficiaries',
  'budget_other',
] as const satisfies readonly string[]
type CsvColumn = (typeof SERVICES_CSV_COLUMNS)[number]

const problem = (code: string, message: string): ServiceProblem => ({ code, message })
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const quote = (s: string) => {
  const q = squash(s)
  return `"${q.length > 60 ? `${q.slice(0, 59)}…` : q}"`
}
const emptyBudget = (): ServiceBudget => ({ local: null, county: null, state: null, beneficiaries: null, other: null })

// ---------------------------------------------------------------------------------------------
// Values.

export type ValueReading = { value: number | null; problem: ServiceProblem | null }

const NONE = /^[-–—‒_/]+$|^(?:nu este cazul|n\/a)$/i
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g

/** An amount in lei as a Romanian plan writes it; null for "-" or nothing (see the module comment). */
export function readAmount(text: string, what = 'amount'): ValueReading {
  const t = text
    .replace(SPACES, ' ')
    .trim()
    .replace(/\s*(?:lei|ron)\.?$/i, '')
    .trim()
  if (!t || NONE.test(t)) return { value: null, problem: null }
  let value: number | null = null
  let m: RegExpExecArray | null
  if (/^\d+$/.test(t)) value = Number(t)
  else if ((m = /^(\d{1,3}(?:([. ])\d{3})(?:\2\d{3})*)(?:,(\d+))?$/.exec(t))) {
    value = Number(`${m[1]!.replace(/[. ]/g, '')}${m[3] ? `.${m[3]}` : ''}`)
  } else if ((m = /^(\d+),(\d{1,2})$/.exec(t)) || (m = /^(\d+)\.(\d{1,2})$/.exec(t))) {
    value = Number(`${m[1]}.${m[2]}`)
  } else if ((m = /^(\d{1,3}(?:,\d{3}){2,})(?:\.(\d+))?$/.exec(t))) {
    value = Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`)
  } else if (/^\d+,\d{3}$/.test(t)) {
    return { value: null, problem: problem('ambiguous_amount', `${what}: ${quote(t)} — thousands or decimals?`) }
  }
  if (value === null || !Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) {
    return { value: null, problem: problem('invalid_amount', `${what}: ${quote(t)} is not an amount in lei`) }
  }
  return { value, problem: null }
}

/** A capacity: a whole number of places or beneficiaries ("45", "1.200", "30 locuri"). */
export function readCount(text: string, what = 'capacity'): ValueReading {
  const t = squash(text).replace(
    /\s*(?:locuri|loc|paturi|beneficiari|persoane|pers\.?)(?:\s*\/\s*(?:zi|luna|lună|an))?\.?$/i,
    '',
  )
  const read = readAmount(t, what)
  if (read.problem) {
    const ambiguous = read.problem.code === 'ambiguous_amount'
    return {
      value: null,
      problem: problem(
        ambiguous ? 'ambiguous_number' : 'invalid_number',
        `${what}: ${quote(text)} ${ambiguous ? '— thousands or decimals?' : 'is not a number'}`,
      ),
    }
  }
  if (read.value === null) return read
  if (!Number.isInteger(read.value)) {
    return { value: null, problem: problem('invalid_number', `${what}: ${quote(text)} is not a whole number`) }
  }
  return read
}

/**
 * Occupancy as a percentage (see the module comment): "35%" → 35; with `percentColumn`, a plain
 * number is a percentage; otherwise a plain whole number up to the capacity is a count of places.
 */
export function readOccupancy(text: string, capacity: number | null, percentColumn = false): ValueReading {
  const t = squash(text)
  if (!t || NONE.test(t)) return { value: null, problem: null }
  const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t)
  const plain = pct ? null : readAmount(t, 'occupancy')
  if (!pct && (plain?.problem || plain?.value === null || plain?.value === undefined)) {
    return {
      value: null,
      problem: problem('invalid_occupancy', `occupancy: ${quote(t)} is not a number or a percentage`),
    }
  }
  let value: number
  if (pct) value = Number(pct[1]!.replace(',', '.'))
  else if (percentColumn) value = plain!.value!
  else {
    const count = plain!.value!
    if (capacity === null || capacity <= 0 || count > capacity || !Number.isInteger(count)) {
      const why =
        capacity === null || capacity <= 0
          ? 'no capacity to compare it with'
          : count > capacity
            ? `more than the capacity ${capacity}`
            : 'not a whole number of places'
      return {
        value: null,
        problem: problem(
          'ambiguous_occupancy',
          `occupancy: ${quote(t)} has no "%" and is ${why}: a count of places or a percentage?`,
        ),
      }
    }
    value = Math.round((count / capacity) * 100)
  }
  if (value > 100) {
    return { value, problem: problem('occupancy_over_100', `occupancy: ${quote(t)} is more than 100%`) }
  }
  return { value, problem: null }
}

// ---------------------------------------------------------------------------------------------
// One service from its cells.

type Cells = Partial<Record<'number' | 'code' | 'name' | 'capacity' | 'occupancy' | BudgetSource, string>>

function service(cells: Cells, options: { percentColumn: boolean; sources: ReadonlySet<BudgetSource> }): ParsedService {
  const problems: ServiceProblem[] = []
  const note = (p: ServiceProblem | null) => {
    if (p) problems.push(p)
  }
  const number = normaliseNumber(cells.number ?? '') ?? ''
  if (!number) problems.push(problem('missing_number', 'no number'))
  const code = squash(cells.code ?? '') || null
  const codeNormalized = code ? normaliseServiceCode(code) : null
  if (!code) problems.push(problem('missing_code', 'no Nomenclator code: the service has no type'))
  else if (!codeNormalized) problems.push(problem('invalid_code', `${quote(code)} is not a Nomenclator code`))
  const name = squash(cells.name ?? '')
  if (!name) problems.push(problem('missing_name', 'no name'))
  const capacity = readCount(cells.capacity ?? '')
  note(capacity.problem)
  const occupancy = readOccupancy(cells.occupancy ?? '', capacity.value, options.percentColumn)
  note(occupancy.problem)
  const budget = emptyBudget()
  for (const source of BUDGET_SOURCES) {
    if (!options.sources.has(source)) continue
    const read = readAmount(cells[source] ?? '', `budget ${source}`)
    budget[source] = read.value
    note(read.problem)
  }
  return {
    number,
    code,
    codeNormalized,
    name,
    capacity: capacity.value,
    occupancyPercent: occupancy.value,
    budget,
    problems,
  }
}

// ---------------------------------------------------------------------------------------------
// The plan table: columns from the header.

type ColumnKind = keyof Cells | 'unknown'
type Column = { kind: ColumnKind; header: string }

function budgetSource(f: string): BudgetSource | null {
  if (/contributi|beneficiar/.test(f)) return 'beneficiaries'
  if (/\balte\b/.test(f)) return 'other'
  if (/judet/.test(f)) return 'county'
  if (/\bstat(ului)?\b/.test(f)) return 'state'
  if (/\blocal/.test(f)) return 'local'
  return null
}

const BUDGET_GROUP = /^bugetele\b|bugetul estimat|surse de finantare/
const LETTER = /^([a-e])(?:[\s.:)–-]+(.*))?$/

function classify(header: string, legend: ReadonlyMap<string, string>, problems: ServiceProblem[]): Column | null {
  const f = fold(header).trim()
  const column = (kind: ColumnKind): Column => ({ kind, header })
  if (/^(?:nr|numar)\b|^crt\b/.test(f)) return column('number')
  if (/^cod\b|\bcod(ul)? (?:serviciu|social)/.test(f)) return column('code')
  if (/\bdenumire/.test(f)) return column('name')
  if (/capacitat/.test(f)) return column('capacity')
  if (/ocupar/.test(f)) return column('occupancy')
  const letter = LETTER.exec(f)
  if (letter) {
    const own = letter[2] ? budgetSource(letter[2]) : null
    const explained = legend.get(letter[1]!)
    const source = own ?? (explained ? budgetSource(explained) : null)
    if (source) return column(source)
    problems.push(
      problem(
        'unexplained_column',
        `column ${quote(header)}: no legend says which source of funding it is; its amounts are not read`,
      ),
    )
    return column('unknown')
  }
  if (BUDGET_GROUP.test(f) && !/buget(ul)? (?:local|de stat|judet)/.test(f)) return null // spans the sources
  const source = budgetSource(f)
  if (source && /buget|lei|surse|contributi/.test(f)) return column(source)
  problems.push(problem('unknown_column', `column ${quote(header)} is not one the parser reads; ignored`))
  return column('unknown')
}

function columnsOf(headers: string[], legend: ReadonlyMap<string, string>, problems: ServiceProblem[]) {
  const columns: Column[] = []
  const seen = new Set<ColumnKind>()
  for (const header of headers) {
    const column = classify(header, legend, problems)
    if (!column) continue
    if (column.kind !== 'unknown' && seen.has(column.kind)) {
      problems.push(problem('duplicate_column', `two columns read as ${column.kind}: the second is ignored`))
      column.kind = 'unknown'
    }
    seen.add(column.kind)
    columns.push(column)
  }
  return columns
}

// ---------------------------------------------------------------------------------------------
// The plan table: lines → header and rows.

const ANCHOR = /^\s*a\s*[.)]\s*servicii(le)?\s+sociale\s+existente/
const SECTION_HEADING = /^\s*(?:(?:[A-Z]|[IVX]{1,4}|\d{1,2})\s*[.)]\s+\p{L}|CAPITOLUL\b)/iu
const LEGEND = /^\s*([A-E])\s*[-–—=:]\s*(.+?)\s*[;.,]?\s*$/
const NUMBER_CELL = /^\d{1,4}\s*\.?$/
const TOTAL = /^total\b/
const NOISE_LINE = /^[.·•]+$/

type Row = { cells: string[]; kind: 'service' | 'total' }

function isColumnNumbering(cells: string[]): boolean {
  if (cells.length < 3 || !cells.every((c) => /^\d+$/.test(c))) return false
  const first = Number(cells[0])
  return (first === 0 || first === 1) && cells.every((c, i) => Number(c) === first + i)
}

/**
 * The table that starts after line `from`; null when none does. `anchored`: `from` is the heading
 * of the section, and a next heading before any table means the section has none.
 */
function parseTableFrom(lines: string[], from: number, anchored: boolean): ServicesParseResult | null {
  const problems: ServiceProblem[] = []
  const legend = new Map<string, string>()
  const headers: string[] = []
  let phase: 'before' | 'header' | 'data' = 'before'
  let columns: Column[] = []
  const rows: Row[] = []
  let open: Row | null = null
  let afterBlank = false

  const width = () => columns.length
  const complete = (row: Row | null) => !row || row.cells.length >= width()
  // Continuation lines go to the last cell written.
  let lastCell: { into: string[]; index: number } | null = null
  const push = (into: string[], text: string) => {
    into.push(text)
    lastCell = { into, index: into.length - 1 }
  }
  const close = () => {
    if (open && open.kind === 'service') rows.push(open)
    open = null
  }
  /** The next cell with text, in one-cell-per-line layout, after line i; null if a whole row comes first. */
  const nextCell = (i: number): string | null => {
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!
      if (!line.includes('\t')) {
        if (line.trim()) return null
        continue
      }
      const parts = line.split('\t')
      if (!line.startsWith('\t') || parts.length >= Math.max(width(), 3)) return null
      const text = parts.slice(1).map(squash).find(Boolean)
      if (text) return text
    }
    return null
  }

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!
    if (!line.includes('\t')) {
      if (!line.trim()) {
        afterBlank = true
        continue
      }
      const text = line.trim()
      if (phase === 'before') {
        const m = LEGEND.exec(text)
        if (m) legend.set(m[1]!.toLowerCase(), fold(m[2]!))
        if (anchored && i > from && SECTION_HEADING.test(text) && !m) return null
        continue
      }
      const ends = afterBlank && (SECTION_HEADING.test(text) || (phase === 'data' && complete(open)))
      if (ends) break
      afterBlank = false
      const last = lastCell as { into: string[]; index: number } | null
      if (last && !NOISE_LINE.test(text)) last.into[last.index] = `${last.into[last.index]} ${text}`
      continue
    }
    afterBlank = false
    const parts = line.split('\t')
    const whole = !line.startsWith('\t') || parts.length >= Math.max(width() || 6, 3)
    const cells = (whole ? parts : parts.slice(1)).map(squash)

    if (phase === 'before') {
      const found = cells.some((c) => {
        const kind = c ? classify(c, legend, [])?.kind : undefined
        return kind === 'number' || kind === 'code' || kind === 'name'
      })
      if (!found) continue
      phase = 'header'
    }
    if (phase === 'header') {
      const startsRow = whole ? NUMBER_CELL.test(cells[0] ?? '') : cells.some((c) => NUMBER_CELL.test(c))
      if (!startsRow) {
        for (const c of cells) if (c) push(headers, c)
        continue
      }
      columns = columnsOf(headers, legend, problems)
      phase = 'data'
      if (!columns.length) return { services: [], problems }
    }

    // phase === 'data'
    if (whole) {
      close()
      lastCell = null
      if (cells.every((c) => !c)) continue
      if (NUMBER_CELL.test(cells[0]!)) {
        const row: Row = { cells: [], kind: 'service' }
        for (const c of cells) push(row.cells, c)
        rows.push(row)
      } else if (!cells.slice(0, 2).some((c) => TOTAL.test(fold(c)))) {
        // (a Total row is skipped without a word)
        problems.push(
          problem('skipped_row', `a row that is not a numbered service was skipped: ${quote(cells.join(' | '))}`),
        )
      }
      continue
    }
    for (const cell of cells) {
      const current = open as Row | null
      if (current && !complete(current)) {
        const expected = current.kind === 'service' ? Number(normaliseNumber(current.cells[0]!)) + 1 : NaN
        const next = NUMBER_CELL.test(cell) && Number(normaliseNumber(cell)) === expected ? nextCell(i) : null
        if (!(next && normaliseServiceCode(next))) {
          push(current.cells, cell)
          continue
        }
        close() // an incomplete row: the next service starts here
      }
      if (!cell) continue
      close()
      if (NUMBER_CELL.test(cell)) {
        open = { cells: [], kind: 'service' }
        push(open.cells, cell)
      } else if (TOTAL.test(fold(cell))) {
        open = { cells: [], kind: 'total' }
        push(open.cells, cell)
      } else {
        problems.push(problem('stray_cell', `a cell outside any row was skipped: ${quote(cell)}`))
        lastCell = null
      }
    }
  }
  close()
  if (phase === 'before') return null
  if (phase === 'header') {
    columns = columnsOf(headers, legend, problems)
  }
  return { services: toServices(rows, columns), problems }
}

function toServices(rows: Row[], columns: Column[]): ParsedService[] {
  const sources = new Set(
    columns.map((c) => c.kind).filter((k): k is BudgetSource => BUDGET_SOURCES.includes(k as never)),
  )
  const percentColumn = columns.some((c) => c.kind === 'occupancy' && /%|procent/i.test(c.header))
  const services: ParsedService[] = []
  for (const row of rows) {
    const values = row.cells.map(squash)
    if (isColumnNumbering(values)) continue
    const cells: Cells = {}
    columns.forEach((column, i) => {
      if (column.kind !== 'unknown') cells[column.kind] = values[i] ?? ''
    })
    const parsed = service(cells, { percentColumn, sources })
    if (values.length < columns.length) {
      parsed.problems.unshift(problem('missing_cells', `${values.length} of ${columns.length} cells`))
    } else if (values.slice(columns.length).some(Boolean)) {
      parsed.problems.unshift(
        problem(
          'extra_cells',
          `more cells than columns: ${quote(values.slice(columns.length).filter(Boolean).join(' | '))}`,
        ),
      )
    }
    services.push(parsed)
  }
  return services
}

/** The services of a plan's table of existing services (the whole plan, or the table alone). */
export function parseServicesTable(text: string): ServicesParseResult {
  const lines = String(text ?? '')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
  const anchors = lines.flatMap((line, i) => (!line.includes('\t') && ANCHOR.test(fold(line)) ? [i] : []))
  for (const [from, anchored] of [...anchors.map((a) => [a, true] as const), [0, false] as const]) {
    const result = parseTableFrom(lines, from, anchored)
    if (result) {
      if (!result.services.length && !result.problems.some((p) => p.code === 'no_services')) {
        result.problems.push(problem('no_services', 'the table of existing services has no service rows'))
      }
      return result
    }
  }
  return {
    services: [],
    problems: [
      problem(
        'no_table',
        'no table of existing services was found (a header with "Nr. crt.", "Cod serviciu", "Denumirea serviciului")',
      ),
    ],
  }
}

// ---------------------------------------------------------------------------------------------
// CSV.

const columnName = (h: string) =>
  fold(h)
    .trim()
    .replace(/[\s-]+/g, '_')

function csvHeader(text: string): { delimiter: string; columns: string[] } | null {
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .find((l) => l.trim())
  if (!first) return null
  let best: { delimiter: string; columns: string[]; known: number } | null = null
  for (const delimiter of [',', ';']) {
    const columns = (parseCsv(first, delimiter)[0] ?? []).map(columnName)
    const known = columns.filter((c) => (SERVICES_CSV_COLUMNS as readonly string[]).includes(c)).length
    if (!best || known > best.known) best = { delimiter, columns, known }
  }
  return best && best.known >= 3 && best.columns.includes('code') ? best : null
}

/** Whether a text is a CSV of services: its first line names at least three of our columns, among them code. */
export function looksLikeServicesCsv(text: string): boolean {
  return csvHeader(String(text ?? '')) !== null
}

/** A text written by servicesCsv (or a spreadsheet) back to the value: the formula guard is dropped. */
const csvText = (value: string) => value.trim().replace(/^'(?=[=+\-@\t\r])/, '')

export function parseServicesCsv(text: string): ServicesParseResult {
  const source = String(text ?? '')
  const header = csvHeader(source)
  if (!header) {
    return {
      services: [],
      problems: [problem('csv_header', `the first line must name the columns: ${SERVICES_CSV_COLUMNS.join(', ')}`)],
    }
  }
  const problems: ServiceProblem[] = []
  for (const c of header.columns) {
    if (c && !(SERVICES_CSV_COLUMNS as readonly string[]).includes(c)) {
      problems.push(problem('unknown_column', `column ${quote(c)} is not one the parser reads; ignored`))
    }
  }
  const present = new Set(header.columns)
  const sources = new Set(BUDGET_SOURCES.filter((s) => present.has(`budget_${s}`)))
  const [, ...records] = parseCsv(source, header.delimiter)
  const services = records.map((record) => {
    const get = (c: CsvColumn) => {
      const i = header.columns.indexOf(c)
      return i < 0 ? '' : csvText(record[i] ?? '')
    }
    const cells: Cells = {
      number: get('number'),
      code: get('code'),
      name: get('name'),
      capacity: get('capacity'),
      occupancy: get('occupancy_percent'),
    }
    for (const s of sources) cells[s] = get(`budget_${s}`)
    const parsed = service(cells, { percentColumn: true, sources })
    const extra = record.slice(header.columns.length).filter((v) => v.trim())
    if (extra.length) {
      parsed.problems.unshift(problem('extra_cells', `more fields than columns: ${quote(extra.join(' | '))}`))
    }
    return parsed
  })
  if (!services.length) problems.push(problem('no_services', 'the file has a header but no services'))
  return { services, problems }
}

const amountText = (n: number | null) => (n === null ? '' : String(n))

/** The services as CSV (SERVICES_CSV_COLUMNS, BOM, CRLF), read back by parseServicesCsv. */
export function servicesCsv(services: readonly ParsedService[]): string {
  return writeCsv([
    [...SERVICES_CSV_COLUMNS],
    ...services.map((s) => [
      neutraliseFormula(s.number),
      neutraliseFormula(s.code ?? ''),
      neutraliseFormula(s.name),
      amountText(s.capacity),
      amountText(s.occupancyPercent),
      ...BUDGET_SOURCES.map((source) => amountText(s.budget[source])),
    ]),
  ])
}

/** Either shape: a CSV of services when its header says so, otherwise the plan table. */
export function parseServices(text: string): ServicesParseResult {
  return looksLikeServicesCsv(text) ? parseServicesCsv(text) : parseServicesTable(text)
}
