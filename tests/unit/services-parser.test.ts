import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  looksLikeServicesCsv,
  parseServices,
  parseServicesCsv,
  parseServicesTable,
  readAmount,
  readOccupancy,
  SERVICES_CSV_COLUMNS,
  servicesCsv,
  type ParsedService,
} from '~/domain/services-parser'

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const demo = fs.readFileSync(path.join(fixtures, 'demo-services-table.txt'), 'utf8')
const expectedMd = fs.readFileSync(path.join(fixtures, 'demo-services-table.expected.md'), 'utf8')
const pangarati = fs.readFileSync(path.join(fixtures, 'pangarati-plan-2023.txt'), 'utf8')

const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code)
const lei = (cell: string) => (cell.trim() === '–' ? null : Number(cell))

/** The rows of the table in demo-services-table.expected.md, as the reader understands them. */
function expectedRows() {
  return expectedMd
    .split('\n')
    .filter((l) => /^\|\s*\d+\s*\|/.test(l)) // however the columns are padded
    .map((l) => {
      const [n, written, canonical, capacity, occupancy, local, state] = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim())
      return {
        number: n!,
        code: written!,
        codeNormalized: canonical!.replace(/\s*\(.*\)$/, ''),
        capacity: Number(capacity),
        occupancyPercent: Number(occupancy!.replace('%', '')),
        local: lei(local!),
        state: lei(state!),
      }
    })
}

describe('the demo table (samples/demo-services-table.expected.md)', () => {
  const result = parseServicesTable(demo)

  it('gives exactly the six rows the reader sees, with no problem', () => {
    const rows = expectedRows()
    expect(rows).toHaveLength(6)
    expect(result.problems).toEqual([])
    expect(
      result.services.map((s) => ({
        number: s.number,
        code: s.code,
        codeNormalized: s.codeNormalized,
        capacity: s.capacity,
        occupancyPercent: s.occupancyPercent,
        local: s.budget.local,
        state: s.budget.state,
      })),
    ).toEqual(rows)
    for (const s of result.services) {
      expect(s.problems).toEqual([])
      expect(s.budget.county).toBeNull()
      expect(s.budget.beneficiaries).toBeNull()
      expect(s.budget.other).toBeNull()
    }
    expect(result.services.map((s) => s.name)).toEqual([
      'Cantina Socială Demo Nord',
      'Cantina Socială Demo Sud',
      'Centrul de primire în regim de urgență pentru victimele violenței domestice - AURORA',
      'Locuințe protejate pentru victimele violenței în familie - Demo',
      'Centrul de zi pentru copii - Curcubeu',
      'Unitate de îngrijiri la domiciliu Demo',
    ])
  })

  it('five distinct service types; local budgets sum to 5602810 lei', () => {
    expect(expectedMd).toContain('Five distinct service types; local budgets sum to 5602810 lei.')
    expect(new Set(result.services.map((s) => s.codeNormalized)).size).toBe(5)
    expect(result.services.reduce((sum, s) => sum + (s.budget.local ?? 0), 0)).toBe(5602810)
  })

  it('reads the sources of "A", "B", "C" from the legend above the table, not from their place', () => {
    const swapped = demo
      .replace('A - Buget de stat;', 'A - Alte surse;')
      .replace('C - Alte surse.', 'C - Buget de stat.')
    const five = parseServicesTable(swapped).services[4]!
    expect(five.budget).toEqual({ local: 1500000, county: null, state: null, beneficiaries: null, other: 120000 })
  })

  it('a letter no legend explains is a problem, and its amounts are not read', () => {
    const r = parseServicesTable(demo.replace('A - Buget de stat;', ''))
    expect(codes(r)).toEqual(['unexplained_column'])
    expect(r.services).toHaveLength(6)
    expect(r.services[4]!.budget.state).toBeNull()
    expect(r.services[4]!.budget.local).toBe(1500000)
  })

  it('one cell per line: a header cell over two lines, a row numbering the columns, a Total row, a note after', () => {
    const cells = (...values: string[]) => values.map((v) => `\t${v}`).join('\n')
    const text =
      demo
        .replace('\tNr. crt.', '\tNr.\n\ncrt.')
        .replace('\n\t1\n', `\n${cells('1', '2', '3', '4', '5', '6', '7', '8', '9', '10')}\n\n\t1\n`) +
      `\n${cells('Total', '', '', '924', '', '5602810', '-', '120000', '-', '')}\n\nNotă: sursa datelor este DGASPC.\n`
    expect(text).toContain('\tTotal')
    expect(parseServicesTable(text)).toEqual(result)
  })

  it('reads the table inside a whole plan, and with Windows line ends', () => {
    const plan = `Planul anual 2024\n\nCAPITOLUL I\n\n${demo}\n\nB. Serviciile sociale propuse spre a fi înființate\n\nNu este cazul.\n`
    expect(parseServicesTable(plan)).toEqual(result)
    expect(parseServicesTable(demo.replace(/\n/g, '\r\n'))).toEqual(result)
    expect(parseServicesTable(`\uFEFF${demo}`)).toEqual(result)
  })
})

describe('the Pângărați plan (tab-separated rows, "Total" row)', () => {
  const result = parseServicesTable(pangarati)

  it('gives its two services; the Total row and the table of proposed services are not read', () => {
    expect(result.problems).toEqual([])
    expect(result.services).toEqual<ParsedService[]>([
      {
        number: '1',
        code: '8810 ID - IV',
        codeNormalized: '8810 ID-IV',
        name: 'Servicii la domiciliu destinate persoanelor adulte cu dizabilități prin asistent personal',
        capacity: 45,
        // "Grad de Ocupare" 21 of a capacity of 45: a count of places (the Total row adds them up).
        occupancyPercent: 47,
        budget: { local: 140000, county: 0, state: 110000, beneficiaries: 0, other: 0 },
        problems: [],
      },
      {
        number: '2',
        code: '8899 CZ – PN – V',
        codeNormalized: '8899 CZ-PN-V',
        name: 'Servicii de asistență comunitară',
        capacity: 3,
        occupancyPercent: 100,
        budget: { local: 160000, county: 0, state: 85000, beneficiaries: 0, other: 0 },
        problems: [],
      },
    ])
  })

  it('the table alone reads the same', () => {
    const lines = pangarati.split('\n')
    const from = lines.findIndex((l) => l.startsWith('Nr. crt.'))
    const table = lines.slice(from, from + 5).join('\n')
    expect(table).toContain('Total\t')
    expect(parseServicesTable(table)).toEqual(result)
  })
})

describe('rows that are not right are problems on the row, never guesses', () => {
  const header = [
    'Nr. crt.\tCod serviciu social\tDenumirea serviciului social\tCapacitate\tGrad de ocupare',
    '\tBuget local\tBuget județean\tBuget de stat\tContribuții persoane beneficiare\tAlte surse',
  ].join('\t')
  const table = (...rows: string[]) => [header, ...rows].join('\n')

  it('an unreadable code, a missing code, an unreadable amount', () => {
    const r = parseServicesTable(
      table(
        '1.\tcentru de zi\tCentrul A\t10\t50%\t1.000\t-\t-\t-\t-',
        '2.\t\tCentrul B\t10\t50%\t1.000\t-\t-\t-\t-',
        '3.\t8891 CZ-C-I\tCentrul C\t10\t50%\tcinci mii\t1,250\t-\t-\t-',
      ),
    )
    expect(r.services.map((s) => [s.number, s.codeNormalized, codes(s)])).toEqual([
      ['1', null, ['invalid_code']],
      ['2', null, ['missing_code']],
      ['3', '8891 CZ-C-I', ['invalid_amount', 'ambiguous_amount']],
    ])
    expect(r.services[0]!.code).toBe('centru de zi')
    expect(r.services[2]!.budget).toEqual({ local: null, county: null, state: null, beneficiaries: null, other: null })
  })

  it('occupancy: a count above the capacity, or with no capacity, is not turned into a percentage', () => {
    const r = parseServicesTable(
      table(
        '1\t8891 CZ-C-I\tA\t24\t80\t-\t-\t-\t-\t-',
        '2\t8891 CZ-C-I\tB\t-\t12\t-\t-\t-\t-\t-',
        '3\t8891 CZ-C-I\tC\t20\t120%\t-\t-\t-\t-\t-',
        '4\t8891 CZ-C-I\tD\t20\tplin\t-\t-\t-\t-\t-',
      ),
    )
    expect(r.services.map((s) => [s.occupancyPercent, codes(s)])).toEqual([
      [null, ['ambiguous_occupancy']],
      [null, ['ambiguous_occupancy']],
      [120, ['occupancy_over_100']],
      [null, ['invalid_occupancy']],
    ])
  })

  it('a header that says "%" makes plain numbers percentages', () => {
    const r = parseServicesTable(
      [header.replace('Grad de ocupare', 'Grad de ocupare (%)'), '1\t8891 CZ-C-I\tA\t24\t80\t-\t-\t-\t-\t-'].join('\n'),
    )
    expect(r.services[0]!.occupancyPercent).toBe(80)
  })

  it('a row with a cell less, or more, says so', () => {
    const r = parseServicesTable(
      table('1\t8891 CZ-C-I\tA\t24\t50%\t100\t-\t-\t-', '2\t8891 CZ-C-I\tB\t24\t50%\t100\t-\t-\t-\t-\tnotă'),
    )
    expect(r.services.map(codes)).toEqual([['missing_cells'], ['extra_cells']])
  })

  it('one cell per line: a row that lost a cell does not swallow the next row', () => {
    const cells = (...values: string[]) => values.map((v) => `\t${v}`).join('\n')
    const text = [
      cells('Nr. crt.', 'Cod serviciu', 'Denumirea serviciului', 'Capacitate', 'Grad de ocupare'),
      cells('Buget local', 'Buget județean', 'Buget de stat', 'Contribuții beneficiari', 'Alte surse'),
      '',
      cells('1', '8899 CPDH-I', 'Cantina', '400', '35%', '1250000', '-', '-', '-'), // the last cell is missing
      '',
      cells('2', '8810 ID-I', 'Îngrijire', '120', '25%', '640000', '-', '-', '-', '-'),
      '',
    ].join('\n')
    const r = parseServicesTable(text)
    expect(r.services.map((s) => [s.number, s.codeNormalized, s.budget.local, codes(s)])).toEqual([
      ['1', '8899 CPDH-I', 1250000, ['missing_cells']],
      ['2', '8810 ID-I', 640000, []],
    ])
  })

  it('skips a row numbering the columns; a row split over two lines is a problem, not a guess', () => {
    const text = [
      header,
      '1\t2\t3\t4\t5\t6\t7\t8\t9\t10',
      '1\t8891 CZ-C-I\tCentrul de zi',
      'pentru copii\t30\t100%\t1.500.000\t-\t120 000\t-\t-',
    ].join('\n')
    const r = parseServicesTable(text)
    expect(r.services.map((s) => [s.number, s.name, codes(s)])).toEqual([['1', 'Centrul de zi', ['missing_cells']]])
    expect(codes(r)).toEqual(['skipped_row'])
  })

  it('no table: a problem, no services', () => {
    expect(parseServicesTable('Nu este cazul.')).toEqual({
      services: [],
      problems: [expect.objectContaining({ code: 'no_table' })],
    })
    expect(codes(parseServicesTable(header))).toEqual(['no_services'])
  })
})

describe('values', () => {
  it.each([
    ['1.250.000', 1250000],
    ['1250000', 1250000],
    ['902 310', 902310],
    ['902\u00a0310', 902310],
    ['15.000', 15000],
    ['15.000 lei', 15000],
    ['1.250.000,50', 1250000.5],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1,250,000', 1250000],
    ['0', 0],
    ['-', null],
    ['–', null],
    ['', null],
    ['   ', null],
  ])('amount %j → %j', (text, value) => {
    expect(readAmount(text)).toEqual({ value, problem: null })
  })

  it.each([['1,250'], ['12.34.56'], ['abc'], ['-100'], ['1.250,000.5'], ['9'.repeat(30)]])(
    'amount %j is a problem',
    (text) => {
      const r = readAmount(text)
      expect(r.value).toBeNull()
      expect(r.problem?.code).toMatch(/_amount$/)
    },
  )

  it.each<[string, number | null, boolean, number | null]>([
    ['35%', 400, false, 35],
    ['35 %', null, false, 35],
    ['87,5%', 10, false, 87.5],
    ['21', 45, false, 47],
    ['3', 3, false, 100],
    ['0', 10, false, 0],
    ['80', 24, true, 80],
    ['-', 10, false, null],
  ])('occupancy %j (capacity %j, percent column %j) → %j', (text, capacity, percent, value) => {
    expect(readOccupancy(text, capacity, percent)).toEqual({ value, problem: null })
  })
})

describe('CSV', () => {
  const demoServices = parseServicesTable(demo).services

  it('round trip: the demo written as CSV reads back the same', () => {
    const csv = servicesCsv(demoServices)
    expect(csv.startsWith('\uFEFFnumber,code,name,capacity,occupancy_percent,budget_local')).toBe(true)
    expect(looksLikeServicesCsv(csv)).toBe(true)
    expect(parseServicesCsv(csv)).toEqual({ services: demoServices, problems: [] })
    expect(parseServices(csv)).toEqual({ services: demoServices, problems: [] })
  })

  it('semicolons, quotes, columns in any order, decimal commas, a formula guard', () => {
    const csv = [
      'name;code;number;occupancy_percent;capacity;budget_local;budget_state',
      '"Cantina ""Demo""; Nord";8899CPDH-I;1;35;400;1.250.000;-',
      `'=Centru;8790 CR-VD-I;2;87,5;24;902 310;1,5`,
    ].join('\r\n')
    const r = parseServicesCsv(csv)
    expect(r.problems).toEqual([])
    expect(r.services.map((s) => [s.number, s.name, s.codeNormalized, s.occupancyPercent, s.capacity])).toEqual([
      ['1', 'Cantina "Demo"; Nord', '8899 CPDH-I', 35, 400],
      ['2', '=Centru', '8790 CR-VD-I', 87.5, 24],
    ])
    expect(r.services[1]!.budget).toEqual({ local: 902310, county: null, state: 1.5, beneficiaries: null, other: null })
  })

  it('a name that looks like a formula is guarded on the way out and restored on the way in', () => {
    const [first] = demoServices
    const risky = { ...first!, name: '=HYPERLINK("x")', problems: [] }
    const csv = servicesCsv([risky])
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(parseServicesCsv(csv).services[0]!.name).toBe('=HYPERLINK("x")')
  })

  it('the header is required; unknown columns are named', () => {
    expect(codes(parseServicesCsv('1,8899 CPDH-I,Cantina\n'))).toEqual(['csv_header'])
    const r = parseServicesCsv('number,code,name,observatii\n1,8899 CPDH-I,Cantina,x\n')
    expect(codes(r)).toEqual(['unknown_column'])
    expect(r.services[0]).toMatchObject({ number: '1', codeNormalized: '8899 CPDH-I', capacity: null })
    expect(SERVICES_CSV_COLUMNS).toHaveLength(10)
  })

  it('rows with problems keep them', () => {
    const r = parseServicesCsv(
      'number,code,name,capacity,occupancy_percent,budget_local\n1,xx,Cantina,mulți,35,1,250\n',
    )
    expect(codes(r.services[0]!)).toEqual(['extra_cells', 'invalid_code', 'invalid_number'])
    expect(r.services[0]!.budget.local).toBe(1)
    const s = parseServicesCsv('number,code,name,budget_local\n1,8899 CPDH-I,Cantina,"1,250"\n').services[0]!
    expect([s.budget.local, codes(s)]).toEqual([null, ['ambiguous_amount']])
  })
})

describe('hostile and messy input never throws', () => {
  const alphabet = fc.constantFrom(
    '\t',
    '\n',
    '\r\n',
    ' ',
    '-',
    '.',
    ',',
    ';',
    '%',
    '"',
    '1',
    '2',
    '45',
    'Total',
    'A',
    'A - Buget de stat;',
    'Nr. crt.',
    'Cod serviciu',
    'Denumirea serviciului',
    'Capacitate',
    'Grad de ocupare',
    'Buget local',
    '8790CRVD-I',
    'B. Serviciile',
    'number,code,name',
    '\uFEFF',
  )
  const messy = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(alphabet, { maxLength: 120 }).map((parts) => parts.join('')),
    // The demo with lines dropped, duplicated or mangled.
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'tab', 'text')), { maxLength: 12 }).map((edits) => {
      const lines = demo.split('\n')
      for (const [at, edit] of edits) {
        const i = at % lines.length
        if (edit === 'drop') lines.splice(i, 1)
        else if (edit === 'dup') lines.splice(i, 0, lines[i]!)
        else if (edit === 'tab') lines[i] = `\t${lines[i]}\t`
        else lines[i] = 'xyz 12,5 – lei'
      }
      return lines.join('\n')
    }),
  )

  it('every service has the contract shape; every problem has a code and a message', () => {
    fc.assert(
      fc.property(messy, (text) => {
        for (const r of [parseServicesTable(text), parseServicesCsv(text), parseServices(text)]) {
          for (const p of r.problems) expect(p).toEqual({ code: expect.any(String), message: expect.any(String) })
          for (const s of r.services) {
            expect(typeof s.number).toBe('string')
            expect(typeof s.name).toBe('string')
            for (const v of [s.capacity, s.occupancyPercent, ...Object.values(s.budget)]) {
              expect(v === null || Number.isFinite(v)).toBe(true)
            }
            if (s.codeNormalized === null) expect(codes(s).some((c) => /_code$/.test(c))).toBe(true)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
