import { describe, expect, it } from 'vitest'
import {
  CSV_BOM,
  csvField,
  csvRecord,
  neutraliseFormula,
  parseCsv,
  PROTOCOL_CSV_COLUMNS,
  protocolCsvFileName,
  protocolCsvRecord,
  protocolCsvTemplate,
  protocolsCsv,
  registrationsText,
  withAddendaUnderParents,
  writeCsv,
  type ProtocolCsvInput,
} from '~/domain/protocol-csv'
import { parseProtocols } from '~/domain/protocol-parser'

const HEADER =
  'number,kind,title,parties,object,registrations,validity,term_type,start,end,renewal_period,notice_period,extension,condition,status,notice_deadline,responsible,public'

const input = (extra: Partial<ProtocolCsvInput> = {}): ProtocolCsvInput => ({
  listNumber: '3',
  kind: 'protocol',
  title: 'Protocol de colaborare',
  object: 'Sprijin alimentar, consiliere',
  parties: [
    { name: 'Comuna Pângărați', registrationNumber: '1665', registrationDate: '2017-03-02' },
    { name: 'Asociația „Vârstnici Activi”', registrationNumber: '8217', registrationDate: '2017-03-03' },
  ],
  term: {
    type: 'auto_renewing',
    start: '2017-03-03',
    end: null,
    renewalPeriod: 'P1Y',
    noticePeriod: 'P30D',
    extension: null,
    condition: null,
    validityText: 'Se prelungește automat cu câte 1 an',
  },
  status: 'in_notice_window',
  noticeDeadline: '2025-02-01',
  responsible: 'Andrei Lungu',
  isPublic: false,
  ...extra,
})

describe('RFC 4180 fields and records', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('simplu')).toBe('simplu')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('spune "da"')).toBe('"spune ""da"""')
    expect(csvField('două\nrânduri')).toBe('"două\nrânduri"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField('')).toBe('')
    expect(csvField('ăîșțâ; punct și virgulă')).toBe('ăîșțâ; punct și virgulă')
  })

  it('writes CRLF after every record and a BOM first', () => {
    const text = writeCsv([
      ['a', 'b'],
      ['1', '2,3'],
    ])
    expect(text).toBe(`${CSV_BOM}a,b\r\n1,"2,3"\r\n`)
    expect(writeCsv([['x']], { bom: false })).toBe('x\r\n')
    expect(csvRecord(['a', '"', ''])).toBe('a,"""",')
  })

  it('reads back what it writes (BOM, quotes, commas, line breaks)', () => {
    const rows = [
      ['nr', 'titlu', 'obiect'],
      ['1', 'Acord "Casa", 2024', 'rând 1\r\nrând 2'],
      ['', '', 'ultimul'],
    ]
    expect(parseCsv(writeCsv(rows))).toEqual(rows)
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('neutralises formulas for spreadsheets', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(neutraliseFormula('+40 123')).toBe(`'+40 123`)
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(neutraliseFormula('-1')).toBe(`'-1`)
    expect(neutraliseFormula('Protocol 1-2')).toBe('Protocol 1-2')
  })
})

describe('a protocol row', () => {
  it('has the columns in the agreed order', () => {
    expect(PROTOCOL_CSV_COLUMNS.join(',')).toBe(HEADER)
  })

  it('writes parties, registrations, dates, periods and flags as the import reads them', () => {
    const record = protocolCsvRecord(input())
    expect(record).toEqual({
      number: '3',
      kind: 'protocol',
      title: 'Protocol de colaborare',
      parties: 'Comuna Pângărați; Asociația „Vârstnici Activi”',
      object: 'Sprijin alimentar, consiliere',
      registrations: '1665/02.03.2017; 8217/03.03.2017',
      validity: 'Se prelungește automat cu câte 1 an',
      term_type: 'auto_renewing',
      start: '2017-03-03',
      end: '',
      renewal_period: 'P1Y',
      notice_period: 'P30D',
      extension: '',
      condition: '',
      status: 'in_notice_window',
      notice_deadline: '2025-02-01',
      responsible: 'Andrei Lungu',
      public: 'nu',
    })
    expect(protocolCsvRecord(input({ isPublic: true, responsible: null })).public).toBe('da')
  })

  it('registrations: a number without a date stands alone; a party without a number is left out', () => {
    expect(
      registrationsText([
        { name: 'A', registrationNumber: ' 12 ', registrationDate: null },
        { name: 'B', registrationNumber: null, registrationDate: '2020-01-01' },
        { name: 'C', registrationNumber: '7', registrationDate: '2020-01-31' },
      ]),
    ).toBe('12; 7/31.01.2020')
  })

  it('the whole export: BOM, header, one quoted row per protocol', () => {
    const text = protocolsCsv([input(), input({ title: 'Titlu "citat", cu virgulă', listNumber: null })])
    expect(text.startsWith(`${CSV_BOM}${HEADER}\r\n`)).toBe(true)
    const rows = parseCsv(text)
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.length === PROTOCOL_CSV_COLUMNS.length)).toBe(true)
    expect(rows[2]![2]).toBe('Titlu "citat", cu virgulă')
    expect(rows[2]![0]).toBe('')
  })
})

describe('the import template', () => {
  it('has the header and a fixed and an auto-renewing example, the authority first', () => {
    const rows = parseCsv(protocolCsvTemplate('Comuna Pângărați'))
    expect(rows[0]!.join(',')).toBe(HEADER)
    expect(rows).toHaveLength(3)
    const col = (name: string) => PROTOCOL_CSV_COLUMNS.indexOf(name as (typeof PROTOCOL_CSV_COLUMNS)[number])
    const [fixed, renewing] = [rows[1]!, rows[2]!]
    expect(fixed[col('term_type')]).toBe('fixed')
    expect(fixed[col('start')]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(fixed[col('end')]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(renewing[col('term_type')]).toBe('auto_renewing')
    expect(renewing[col('renewal_period')]).toBe('P1Y')
    expect(renewing[col('notice_period')]).toBe('P30D')
    for (const row of [fixed, renewing]) {
      expect(row[col('parties')]!.startsWith('Comuna Pângărați; ')).toBe(true)
      expect(row[col('registrations')]).toMatch(/^\d+\/\d{2}\.\d{2}\.\d{4}; \d+\/\d{2}\.\d{2}\.\d{4}$/)
      expect(row[col('status')]).toBe('')
    }
  })
})

describe('the import reads what the export writes (contract with app/domain/protocol-parser.ts)', () => {
  it('the template imports without problems, with its terms', () => {
    const { rows } = parseProtocols(protocolCsvTemplate('Comuna Pângărați'))
    expect(rows).toHaveLength(2)
    expect(rows.flatMap((r) => r.problems)).toEqual([])
    expect(rows.map((r) => r.term.type)).toEqual(['fixed', 'auto_renewing'])
    expect(rows[1]!.term).toMatchObject({ renewalPeriod: 'P1Y', noticePeriod: 'P30D', start: '2024-01-15' })
  })

  it('an exported row comes back with the same parties, registrations and term', () => {
    const exported = input({ term: { ...input().term, end: '2018-03-02' } })
    const { rows } = parseProtocols(protocolsCsv([exported]))
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row.problems).toEqual([])
    expect(row.parties).toEqual(exported.parties.map((p) => p.name))
    expect(row.registrations).toEqual([
      { number: '1665', date: '2017-03-02' },
      { number: '8217', date: '2017-03-03' },
    ])
    expect(row.term).toMatchObject({
      type: 'auto_renewing',
      start: '2017-03-03',
      end: '2018-03-02',
      renewalPeriod: 'P1Y',
      noticePeriod: 'P30D',
    })
    expect(row.object).toBe('Sprijin alimentar, consiliere')
  })
})

describe('ordering', () => {
  it('puts addenda right after their parent, keeps orphans, survives cycles', () => {
    const items = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'x1', parentId: 'missing' },
      { id: 'b1', parentId: 'b' },
      { id: 'a2', parentId: 'a' },
      { id: 'c1', parentId: 'c2' },
      { id: 'c2', parentId: 'c1' },
    ]
    const ordered = withAddendaUnderParents(items)
    expect(ordered.map((i) => i.id)).toEqual(['a', 'a1', 'a2', 'b', 'b1', 'x1', 'c1', 'c2'])
    expect(ordered.find((i) => i.id === 'a1')!.depth).toBe(1)
    expect(ordered.find((i) => i.id === 'x1')!.depth).toBe(0)
  })

  it('names the file protocoale-<slug>-<date>.csv', () => {
    expect(protocolCsvFileName('pangarati', '2025-01-15')).toBe('protocoale-pangarati-2025-01-15.csv')
  })
})
