/**
 * The CSV form of the protocol registry: the staff export, and the template for an import that
 * reads the same columns. Pure functions, no I/O.
 *
 * The file follows RFC 4180: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF (a quote inside is doubled). It starts with a UTF-8 byte-order
 * mark, so that Excel (Romanian locale) reads the diacritics right.
 *
 * Values are written for a program to read back:
 * - kind, term_type and status are the codes of app/domain/protocol-types.ts;
 * - start, end and notice_deadline are 'YYYY-MM-DD';
 * - renewal_period, notice_period and extension are ISO-8601 durations ('P1Y', 'P30D');
 * - parties are joined with "; ", in the order of the act (the authority among them);
 * - registrations are "number/dd.MM.yyyy" joined with "; " (a number without a date: "number");
 * - public is "da" or "nu" (a word, not TRUE/FALSE, which Excel would turn into a boolean).
 * A text that starts with = + - @ (a formula to a spreadsheet) is written with a leading
 * apostrophe, so that opening the file never runs it.
 */
import { formatDate } from './dates'
import { CSV_COLUMNS } from './protocol-parser'
import type { IsoDate, ProtocolKind, ProtocolStatus, Term } from './protocol-types'

/** The import's columns (read by app/domain/protocol-parser.ts), then what only an export knows. */
export const PROTOCOL_CSV_COLUMNS = [...CSV_COLUMNS, 'status', 'notice_deadline', 'responsible', 'public'] as const

export type ProtocolCsvColumn = (typeof PROTOCOL_CSV_COLUMNS)[number]
export type ProtocolCsvRecord = Record<ProtocolCsvColumn, string>

export const CSV_BOM = '\uFEFF'
export const PARTY_SEPARATOR = '; '
export const PUBLIC_YES = 'da'
export const PUBLIC_NO = 'nu'

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One record (without its line break). */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',')
}

/** A whole file: optional BOM, every record ended by CRLF. */
export function writeCsv(rows: ReadonlyArray<readonly string[]>, options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => `${csvRecord(r)}\r\n`).join('')
  return (options.bom === false ? '' : CSV_BOM) + body
}

/**
 * Reads RFC 4180 text back into records (a leading BOM is skipped; CRLF, LF or CR end a record;
 * a final line break does not start an empty record). Used to check the files we write.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < input.length) {
    const c = input[i]!
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        field += c
      }
      i += 1
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' || c === '\n') {
      endRow()
      if (c === '\r' && input[i + 1] === '\n') i += 1
    } else field += c
    i += 1
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

/** A text a spreadsheet would take for a formula gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export type CsvParty = { name: string; registrationNumber: string | null; registrationDate: IsoDate | null }

/** "1665/02.03.2017; 8217/03.03.2017": each registered party in order. */
export function registrationsText(parties: readonly CsvParty[]): string {
  return parties
    .filter((p) => p.registrationNumber?.trim())
    .map((p) => {
      const number = p.registrationNumber!.trim()
      return p.registrationDate ? `${number}/${formatDate(p.registrationDate)}` : number
    })
    .join(PARTY_SEPARATOR)
}

/** What one row of the export needs: the stored protocol, and its status computed for a date. */
export type ProtocolCsvInput = {
  listNumber: string | null
  kind: ProtocolKind
  title: string
  object: string | null
  parties: readonly CsvParty[]
  term: Term & { validityText?: string | null }
  status: ProtocolStatus | null
  noticeDeadline: IsoDate | null
  responsible: string | null
  isPublic: boolean
}

const text = (value: string | null | undefined) => neutraliseFormula((value ?? '').trim())

export function protocolCsvRecord(input: ProtocolCsvInput): ProtocolCsvRecord {
  const { term } = input
  return {
    number: text(input.listNumber),
    kind: input.kind,
    title: text(input.title),
    parties: text(input.parties.map((p) => p.name.trim()).join(PARTY_SEPARATOR)),
    object: text(input.object),
    registrations: text(registrationsText(input.parties)),
    validity: text(term.validityText),
    term_type: term.type,
    start: term.start ?? '',
    end: term.end ?? '',
    renewal_period: term.renewalPeriod ?? '',
    notice_period: term.noticePeriod ?? '',
    extension: term.extension ?? '',
    condition: text(term.condition),
    status: input.status ?? '',
    notice_deadline: input.noticeDeadline ?? '',
    responsible: text(input.responsible),
    public: input.isPublic ? PUBLIC_YES : PUBLIC_NO,
  }
}

export function recordFields(record: ProtocolCsvRecord): string[] {
  return PROTOCOL_CSV_COLUMNS.map((c) => record[c])
}

/** The export: header, then one row per protocol, with a BOM. */
export function protocolsCsv(inputs: readonly ProtocolCsvInput[]): string {
  return writeCsv([[...PROTOCOL_CSV_COLUMNS], ...inputs.map((i) => recordFields(protocolCsvRecord(i)))])
}

/**
 * The import template: the header and two example rows, one fixed term and one that renews by
 * itself, with the authority as the first party. Status and notice deadline are left empty: they
 * are computed, never imported.
 */
export function protocolCsvTemplate(authorityName: string): string {
  const examples: ProtocolCsvInput[] = [
    {
      listNumber: '1',
      kind: 'protocol',
      title: 'Protocol de colaborare',
      object: 'Sprijin alimentar pentru persoanele vârstnice singure',
      parties: [
        { name: authorityName, registrationNumber: '1665', registrationDate: '2024-03-01' },
        { name: 'Asociația Lumina Zilei', registrationNumber: '217', registrationDate: '2024-03-04' },
      ],
      term: {
        type: 'fixed',
        start: '2024-03-01',
        end: '2027-02-28',
        renewalPeriod: null,
        noticePeriod: null,
        extension: null,
        condition: null,
        validityText: 'Valabil 3 ani de la semnare, până la 28.02.2027',
      },
      status: null,
      noticeDeadline: null,
      responsible: null,
      isPublic: true,
    },
    {
      listNumber: '2',
      kind: 'partnership_agreement',
      title: 'Acord de parteneriat',
      object: 'Voluntariat în centrele rezidențiale, în zilele de sâmbătă',
      parties: [
        { name: authorityName, registrationNumber: '8217', registrationDate: '2024-01-15' },
        { name: 'Asociația Vecini Buni', registrationNumber: '45', registrationDate: '2024-01-16' },
      ],
      term: {
        type: 'auto_renewing',
        start: '2024-01-15',
        end: '2025-01-14',
        renewalPeriod: 'P1Y',
        noticePeriod: 'P30D',
        extension: null,
        condition: null,
        validityText:
          'Se prelungește automat cu câte 1 an dacă niciuna dintre părți nu îl denunță cu 30 de zile înainte de expirare',
      },
      status: null,
      noticeDeadline: null,
      responsible: null,
      isPublic: true,
    },
  ]
  return protocolsCsv(examples)
}

/**
 * Protocols in list order with each addendum right after its parent (and the parent's other
 * addenda); an addendum whose parent is not in the list stays where it is.
 */
export function withAddendaUnderParents<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
): Array<T & { depth: number }> {
  const ids = new Set(items.map((i) => i.id))
  const children = new Map<string, T[]>()
  for (const item of items) {
    if (item.parentId && ids.has(item.parentId) && item.parentId !== item.id) {
      const list = children.get(item.parentId) ?? []
      list.push(item)
      children.set(item.parentId, list)
    }
  }
  const out: Array<T & { depth: number }> = []
  const seen = new Set<string>()
  const visit = (item: T, depth: number) => {
    if (seen.has(item.id)) return
    seen.add(item.id)
    out.push({ ...item, depth })
    for (const child of children.get(item.id) ?? []) visit(child, depth + 1)
  }
  for (const item of items) {
    const isChild = item.parentId !== null && ids.has(item.parentId) && item.parentId !== item.id
    if (!isChild) visit(item, 0)
  }
  // A cycle of parents (bad data) must not hide its members.
  for (const item of items) visit(item, 0)
  return out
}

/** protocoale-<slug>-<date>.csv */
export function protocolCsvFileName(slug: string, date: IsoDate): string {
  return `protocoale-${slug.replace(/[^a-z0-9-]/gi, '')}-${date}.csv`
}
