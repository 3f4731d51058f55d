import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addPeriod,
  detectFormat,
  findDates,
  findDurations,
  fold,
  normaliseNumber,
  parseCsv,
  parseProtocols,
  readDate,
  readDuration,
  readKind,
  readTerm,
  termEnd,
  termStart,
} from '~/domain/protocol-parser'
import type { ParsedProtocolRow, Term } from '~/domain/protocol-types'

const root = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) => path.join(root, 'tests/fixtures', name)
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8')

const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code).sort()
const term = (t: Partial<Term> & Pick<Term, 'type'>): Term => ({
  start: null,
  end: null,
  renewalPeriod: null,
  extension: null,
  noticePeriod: null,
  condition: null,
  ...t,
})

describe('the demo protocols table, row by row as its .expected.md says', () => {
  const { rows } = parseProtocols(read('demo-protocols-table.txt'))

  it('is detected as a plan table and holds the 10 rows, header skipped, numbers normalised', () => {
    expect(detectFormat(read('demo-protocols-table.txt'))).toBe('plan-table')
    expect(rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
  })

  const expected: Array<{
    number: string
    kind: ParsedProtocolRow['kind']
    term: Term
    problems: string[]
    parentNumber?: string
  }> = [
    // Start derived as (end + 1 day) − 3 years: "3 ani de la semnare, până la 14.05.2027".
    {
      number: '1',
      kind: 'protocol',
      term: term({ type: 'fixed', start: '2024-05-15', end: '2027-05-14' }),
      problems: [],
    },
    // Two dates on separate lines, the second with a stray space ("31.08. 2024").
    {
      number: '2',
      kind: 'protocol',
      term: term({ type: 'fixed', start: '2022-09-01', end: '2024-08-31' }),
      problems: [],
    },
    {
      number: '3',
      kind: 'addendum',
      term: term({ type: 'auto_renewing', start: '2023-01-12', renewalPeriod: 'P2Y' }),
      problems: [],
    },
    {
      number: '4',
      kind: 'partnership_agreement',
      term: term({ type: 'auto_renewing', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }),
      problems: ['missing_start'],
    },
    { number: '5', kind: 'protocol', term: term({ type: 'open_ended', start: '2022-10-03' }), problems: [] },
    {
      number: '6',
      kind: 'association_agreement',
      term: term({
        type: 'conditional',
        start: '2023-02-20',
        condition: 'pe durata implementării proiectului „Acasă”',
      }),
      problems: [],
    },
    // Extends row 4 (same partner, an "Acord de parteneriat"), whose term has no end: base unknown.
    {
      number: '7',
      kind: 'addendum',
      term: term({ type: 'unknown', start: '2023-06-15', extension: 'P6M' }),
      problems: ['unknown_base'],
      parentNumber: '4',
    },
    // 30.02.2024 does not exist: the end stays null, never rolled to 01.03.2024.
    { number: '8', kind: 'protocol', term: term({ type: 'fixed', start: '2023-03-01' }), problems: ['invalid_date'] },
    {
      number: '9',
      kind: 'memorandum',
      term: term({
        type: 'conditional',
        start: '2023-04-10',
        end: '2025-12-31',
        condition: 'până la finalizarea proiectului',
      }),
      problems: [],
    },
    {
      number: '10',
      kind: 'protocol',
      term: term({ type: 'auto_renewing', renewalPeriod: 'P1Y' }),
      problems: ['missing_start'],
    },
  ]

  it.each(expected)('row $number: $kind, $term.type', (want) => {
    const row = rows.find((r) => r.number === want.number)!
    expect(row.kind).toBe(want.kind)
    expect(row.term.type).toBe(want.term.type)
    expect(row.term.start).toBe(want.term.start)
    expect(row.term.end).toBe(want.term.end)
    expect(row.term.renewalPeriod).toBe(want.term.renewalPeriod)
    expect(row.term.extension).toBe(want.term.extension)
    expect(row.term.noticePeriod).toBe(want.term.noticePeriod)
    expect(row.term.condition).toBe(want.term.condition)
    expect(codes(row.problems)).toEqual(want.problems)
    expect(row.parentNumber).toBe(want.parentNumber ?? null)
  })

  it('reads the cells: titles, parties split on "/", multi-line cells joined, stray "." lines dropped', () => {
    expect(rows[0]).toMatchObject({
      title: 'Protocol de colaborare',
      parties: ['DGASPC Demo', 'Asociația Lumina Zilei'],
      object: 'Sprijin alimentar pentru persoanele vârstnice singure',
      validityText: 'Valabil 3 ani de la semnare, până la 14.05.2027',
      registrations: [],
    })
    expect(rows[1]!.parties).toEqual(['DGASPC Demo', 'Fundația Casa Speranței'])
    expect(rows[1]!.object).toBe('Consiliere pentru tinerii care părăsesc sistemul de protecție')
    expect(rows[5]!.title).toBe('Convenție de asociere')
    expect(rows[5]!.parties).toEqual(['DGASPC Demo', 'Fundația Drum Drept'])
    expect(rows[3]!.parties).toEqual(['D.G.A.S.P.C. Demo', 'Asociația Vecini Buni'])
  })

  it('says why in short English messages', () => {
    expect(rows[7]!.problems).toEqual([{ code: 'invalid_date', message: '30.02.2024 is not a date' }])
    expect(rows[6]!.problems[0]!.message).toBe('extends row 4, whose term has no known end')
  })
})

describe('the plan table layout', () => {
  const cell = (...lines: string[]) => `\t${lines.join('\n')}`
  const table = (...rows: string[][]) =>
    [
      'Acorduri de parteneriat:',
      '',
      cell('Nr.', '', 'crt.'),
      cell('DENUMIREA ACTULUI '),
      cell('PĂRȚILE SEMNATARE'),
      cell('PERIOADA DE VALABILITATE'),
      cell('OBIECT'),
      '',
      ...rows.flatMap((r) => [...r.map((c) => cell(c)), '']),
    ].join('\n')

  it('flags a row with missing cells and a row with a single party', () => {
    const { rows } = parseProtocols(
      table(['1.', 'Protocol de colaborare', 'DGASPC Demo', '01.01.2023 - 31.12.2023']),
      'plan-table',
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.object).toBeNull()
    expect(codes(rows[0]!.problems)).toEqual(['missing_cells', 'missing_parties'])
  })

  it('ends the table at the next numbered heading', () => {
    const text = `${table(['1', 'Protocol de colaborare', 'A/ B', '01.01.2023 - 31.12.2023', 'Sprijin'])}\n7. Procesul-verbal al consultării\n`
    expect(parseProtocols(text).rows.map((r) => r.object)).toEqual(['Sprijin'])
  })

  it('applies an addendum extension to a parent with a known end, and chains a second one', () => {
    const { rows } = parseProtocols(
      table(
        ['1.', 'Protocol de colaborare', 'DGASPC Demo/ Asociația A', '01.09.2022 - 31.08.2024', 'x'],
        ['2.', 'Protocol de colaborare', 'DGASPC Demo/ Asociația B', '01.01.2023 - 31.12.2023', 'y'],
        [
          '3.',
          'Act adițional la Protocolul de colaborare',
          'DGASPC Demo/ Asociația A',
          '15.06.2024-prelungire cu 6 luni',
          'x',
        ],
        [
          '4.',
          'Act adițional nr. 2 la Protocolul de colaborare',
          'DGASPC Demo/ Asociatia A',
          '10.02.2025 prelungire cu 1 an',
          'x',
        ],
      ),
    )
    expect(rows[2]!.parentNumber).toBe('1')
    expect(rows[2]!.term).toEqual(term({ type: 'fixed', start: '2024-06-15', end: '2025-02-28', extension: 'P6M' }))
    expect(rows[2]!.problems).toEqual([])
    expect(rows[3]!.parentNumber).toBe('1')
    expect(rows[3]!.term).toEqual(term({ type: 'fixed', start: '2025-02-10', end: '2026-02-28', extension: 'P1Y' }))
  })

  it('flags an extension whose act is not in the list', () => {
    const { rows } = parseProtocols(
      table([
        '1.',
        'Act adițional la Protocolul de colaborare',
        'DGASPC Demo/ Asociația A',
        '15.06.2024 prelungire cu 6 luni',
        'x',
      ]),
    )
    expect(rows[0]!.parentNumber).toBeNull()
    expect(rows[0]!.term).toMatchObject({ type: 'unknown', start: '2024-06-15', extension: 'P6M' })
    expect(codes(rows[0]!.problems)).toEqual(['unknown_base'])
  })
})

describe('the Pângărați plan (prose list inside a whole document)', () => {
  const text = read('pangarati-plan-2023.txt')
  const { rows } = parseProtocols(text)

  it('is detected as prose and yields exactly the 6 protocols of section 6', () => {
    expect(detectFormat(text)).toBe('prose')
    expect(rows).toHaveLength(6)
    expect(rows.every((r) => r.kind === 'protocol' && r.title === 'Protocol de colaborare')).toBe(true)
  })

  it('reads the first item completely', () => {
    expect(rows[0]).toEqual({
      number: null,
      kind: 'protocol',
      title: 'Protocol de colaborare',
      parties: ['Primăria Comunei Pângărați', 'Direcția Generală de Asistență Socială și Protecția Copilului Neamț'],
      object:
        'asigurarea aplicării politicilor sociale în domeniul protecției copilului, familiei, persoanelor vârstnice, persoanelor cu dizabilități, precum și altor persoane, grupuri sau comunități aflate în nevoie socială',
      registrations: [
        { number: '1665', date: '2017-03-02' },
        { number: '8217', date: '2017-03-03' },
      ],
      validityText: null,
      term: term({ type: 'unknown' }),
      problems: [{ code: 'no_term', message: 'no validity period stated' }],
      parentNumber: null,
    })
  })

  it('ends the second party before the registration "nr.", not before an earlier "nr." in its name', () => {
    expect(rows[1]!.parties[1]).toBe(
      'Inspectoratul de Poliție al Județului Neamț, Secția de Poliție Rurală nr. 5 Gîrcina, Postul de Poliție Pângărați',
    )
  })

  it('reads every registration pair, however spaced, and never takes it as a start', () => {
    expect(rows.map((r) => r.registrations)).toEqual([
      [
        { number: '1665', date: '2017-03-02' },
        { number: '8217', date: '2017-03-03' },
      ],
      [
        { number: '2077', date: '2017-03-15' },
        { number: '718633', date: '2017-03-15' },
      ],
      [
        { number: '3182', date: '2017-04-25' },
        { number: '67', date: '2017-04-25' },
      ],
      [
        { number: '3181', date: '2017-04-25' },
        { number: '66', date: '2017-04-25' },
      ],
      [
        { number: '7143', date: '2017-08-24' },
        { number: '31435', date: '2017-08-24' },
      ],
      [
        { number: '1220', date: '2018-02-08' },
        { number: '1792', date: '2018-02-08' },
      ],
    ])
    for (const row of rows) {
      expect(row.term).toEqual(term({ type: 'unknown' }))
      expect(codes(row.problems)).toEqual(['no_term'])
      expect(row.validityText).toBeNull()
      expect(row.object).not.toMatch(/\.$/)
    }
  })

  it('reads a validity clause when an item states one, and other kinds of act', () => {
    const { rows } = parseProtocols(
      [
        '- Acord de parteneriat încheiat între Primăria X și Asociația Y nr. 12/01.02.2023/5/02.02.2023, valabil până la 31.12.2025, având ca scop sprijinul vârstnicilor.',
        '- Contract de sponsorizare încheiat între Primăria X și SC Z SRL, având ca scop donații.',
      ].join('\n'),
      'prose',
    )
    expect(rows[0]).toMatchObject({
      kind: 'partnership_agreement',
      parties: ['Primăria X', 'Asociația Y'],
      validityText: 'valabil până la 31.12.2025',
      object: 'sprijinul vârstnicilor',
    })
    // The registration dates are not a start: the start is missing.
    expect(rows[0]!.term).toEqual(term({ type: 'fixed', end: '2025-12-31' }))
    expect(codes(rows[0]!.problems)).toEqual(['missing_start'])
    expect(rows[1]!.kind).toBe('other')
    expect(codes(rows[1]!.problems)).toEqual(['no_term', 'unknown_kind'])
  })
})

describe('dates', () => {
  it('reads dd.MM.yyyy with stray spaces, ISO dates and dates with the month spelled out', () => {
    expect(readDate('14.05.2027')).toEqual({ date: '2027-05-14', problem: null })
    expect(readDate('31.08. 2024')).toEqual({ date: '2024-08-31', problem: null })
    expect(readDate('1.9.2022').date).toBe('2022-09-01')
    expect(readDate('2024-02-29').date).toBe('2024-02-29')
    expect(readDate('14 mai 2027').date).toBe('2027-05-14')
  })

  it('never rolls over a date that does not exist: null and a problem with the text', () => {
    expect(readDate('30.02.2024')).toEqual({
      date: null,
      problem: { code: 'invalid_date', message: '30.02.2024 is not a date' },
    })
    expect(readDate('31.04.2023').problem?.message).toBe('31.04.2023 is not a date')
    expect(readDate('29.02.2023').date).toBeNull()
    expect(readDate('2023-02-29').date).toBeNull()
    expect(readDate('mâine').problem?.code).toBe('invalid_date')
  })

  it('finds dates touching a dash or a word, in order', () => {
    expect(findDates('15.06.2023-prelungire').map((d) => d.iso)).toEqual(['2023-06-15'])
    expect(findDates('01.03.2023 - 30.02.2024').map((d) => [d.text, d.iso])).toEqual([
      ['01.03.2023', '2023-03-01'],
      ['30.02.2024', null],
    ])
    expect(findDates('nr. 1665 / 02.03.2017 / 8217 / 03.03.2017').map((d) => d.iso)).toEqual([
      '2017-03-02',
      '2017-03-03',
    ])
  })
})

describe('durations', () => {
  it.each([
    ['1 an', 'P1Y'],
    ['2 ani', 'P2Y'],
    ['cu câte 1 an', 'P1Y'],
    ['anuală', 'P1Y'],
    ['anual', 'P1Y'],
    ['6 luni', 'P6M'],
    ['30 de zile', 'P30D'],
    ['30 (treizeci) de zile', 'P30D'],
    ['doi ani', 'P2Y'],
    ['două luni', 'P2M'],
    ['șase luni', 'P6M'],
    ['şase luni', 'P6M'],
    ['un an', 'P1Y'],
    ['o lună', 'P1M'],
    ['unu an', 'P1Y'],
    ['trei ani', 'P3Y'],
    ['zece zile', 'P10D'],
    ['unsprezece luni', 'P11M'],
    ['doisprezece luni', 'P12M'],
    ['douăsprezece luni', 'P12M'],
    ['2 săptămâni', 'P2W'],
    ['DOI ANI', 'P2Y'],
  ])('"%s" → %s', (text, period) => {
    expect(readDuration(text)).toBe(period)
  })

  it('reads nothing where there is no duration', () => {
    expect(readDuration('pe o perioadă nedeterminată')).toBeNull()
    expect(readDuration('14.05.2027')).toBeNull()
    expect(readDuration('o nouă perioadă')).toBeNull()
    expect(findDurations('Valabil 3 ani, preaviz de 30 de zile').map((d) => d.period)).toEqual(['P3Y', 'P30D'])
  })
})

describe('addPeriod and term arithmetic', () => {
  it('clamps the 31st to the last day of a shorter month and comes back to the 31st', () => {
    expect(addPeriod('2023-01-31', 'P1M')).toBe('2023-02-28')
    expect(addPeriod('2024-01-31', 'P1M')).toBe('2024-02-29')
    expect(addPeriod('2023-01-31', 'P1M', 2)).toBe('2023-03-31')
    expect(addPeriod('2023-08-31', 'P6M')).toBe('2024-02-29')
  })

  it('29.02 + 1 year is 28.02 in a common year and 29.02 again in a leap year', () => {
    expect(addPeriod('2024-02-29', 'P1Y')).toBe('2025-02-28')
    expect(addPeriod('2024-02-29', 'P1Y', 4)).toBe('2028-02-29')
  })

  it('adds days and weeks, goes back with a negative count, refuses what is not a date or a period', () => {
    expect(addPeriod('2023-12-15', 'P30D')).toBe('2024-01-14')
    expect(addPeriod('2023-12-15', 'P2W')).toBe('2023-12-29')
    expect(addPeriod('2024-03-31', 'P1M', -1)).toBe('2024-02-29')
    expect(() => addPeriod('2023-02-30', 'P1Y')).toThrow(RangeError)
    expect(() => addPeriod('2023-02-01', '1Y')).toThrow(RangeError)
    expect(() => addPeriod('2023-02-01', 'P0Y')).toThrow(RangeError)
  })

  it('an end is inclusive: start + period − 1 day, and back', () => {
    expect(termEnd('2024-05-15', 'P3Y')).toBe('2027-05-14')
    expect(termEnd('2022-09-01', 'P2Y')).toBe('2024-08-31')
    expect(termStart('2027-05-14', 'P3Y')).toBe('2024-05-15')
    // The start whose one-year term ends on 28.02.2025 is 01.03.2024, not 29.02.2024.
    expect(termStart('2025-02-28', 'P1Y')).toBe('2024-03-01')
  })
})

describe('validity text → term', () => {
  const t = (text: string) => readTerm(text)

  it('a range "A - B", with any dash, or two dates on separate lines → fixed', () => {
    expect(t('01.09.2022 - 31.08.2024').term).toEqual(term({ type: 'fixed', start: '2022-09-01', end: '2024-08-31' }))
    expect(t('01.09.2022 – 31.08.2024').term.end).toBe('2024-08-31')
    expect(t('01.09.2022\n\n31.08. 2024').term.end).toBe('2024-08-31')
    expect(t('de la 01.09.2022 până la 31.08.2024').term.start).toBe('2022-09-01')
    expect(t('până la 31.08.2024, începând cu 01.09.2022').term).toMatchObject({
      start: '2022-09-01',
      end: '2024-08-31',
    })
  })

  it('a start and "pe o perioadă de 5 ani" → end = start + 5 years − 1 day', () => {
    const r = t('01.03.2023, pe o perioadă de 5 ani')
    expect(r.term).toEqual(term({ type: 'fixed', start: '2023-03-01', end: '2028-02-29' }))
    expect(r.problems).toEqual([])
    expect(t('Începând cu 31.08.2023 pe o perioadă de șase luni').term.end).toBe('2024-02-29') // no 31.02: the period ends on the month's last day
    expect(t('de la 01.01.2024, pe o perioadă de doi ani').term.end).toBe('2025-12-31')
  })

  it('a duration "de la semnare" and an end → the start is derived from the end', () => {
    expect(t('Valabil 3 ani de la semnare, până la 14.05.2027').term).toEqual(
      term({ type: 'fixed', start: '2024-05-15', end: '2027-05-14' }),
    )
  })

  it('a duration with neither date: fixed, missing start and end', () => {
    const r = t('pe o perioadă de 5 ani')
    expect(r.term).toEqual(term({ type: 'fixed' }))
    expect(codes(r.problems)).toEqual(['missing_end', 'missing_start'])
  })

  it('a single date: fixed from it, end missing', () => {
    const r = t('01.09.2022')
    expect(r.term).toEqual(term({ type: 'fixed', start: '2022-09-01' }))
    expect(codes(r.problems)).toEqual(['missing_end'])
  })

  it('a written start and end that disagree with the stated duration are flagged, kept as written', () => {
    const r = t('01.01.2023 - 31.12.2025, pe o perioadă de 2 ani')
    expect(r.term).toMatchObject({ start: '2023-01-01', end: '2025-12-31' })
    expect(codes(r.problems)).toEqual(['ambiguous_term'])
  })

  it('the signature date is not a start, unless the term runs from the signature', () => {
    const signed = t('încheiat la 01.02.2023, pe o perioadă de 2 ani')
    expect(signed.term).toEqual(term({ type: 'fixed' }))
    expect(codes(signed.problems)).toEqual(['missing_end', 'missing_start'])
    const fromSignature = t('valabil 2 ani de la data semnării, semnat la 01.02.2023')
    expect(fromSignature.term).toEqual(term({ type: 'fixed', start: '2023-02-01', end: '2025-01-31' }))
  })

  it('automatic renewal: period, notice when stated, no start → missing_start', () => {
    const r = t(
      'Se prelungește automat cu câte 1 an dacă niciuna dintre părți nu îl denunță cu 30 de zile înainte de expirare',
    )
    expect(r.term).toEqual(term({ type: 'auto_renewing', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }))
    expect(codes(r.problems)).toEqual(['missing_start'])
    expect(t('Prelungire automată pe 2 ani').term.renewalPeriod).toBe('P2Y')
    expect(t('prelungire automată anuală').term).toEqual(term({ type: 'auto_renewing', renewalPeriod: 'P1Y' }))
    expect(t('12.01.2023 Prelungire automată pe 2 ani').problems).toEqual([])
  })

  it('automatic renewal in other wordings, cases and cedilla diacritics', () => {
    expect(t('SE PRELUNGEŞTE AUTOMAT CU CÂTE UN AN').term.renewalPeriod).toBe('P1Y')
    expect(t('01.01.2023, se prelungește în mod tacit cu perioade de 6 luni').term).toMatchObject({
      type: 'auto_renewing',
      start: '2023-01-01',
      renewalPeriod: 'P6M',
    })
    expect(t('01.01.2023, cu un preaviz de 30 de zile, prelungire automată anuală').term.noticePeriod).toBe('P30D')
  })

  it('automatic renewal after a first period of another length: the first end is written out', () => {
    const r = t('01.01.2023, pe o perioadă de 2 ani, cu prelungire automată cu câte 1 an')
    expect(r.term).toEqual(
      term({ type: 'auto_renewing', start: '2023-01-01', end: '2024-12-31', renewalPeriod: 'P1Y' }),
    )
    expect(t('01.01.2023, valabil 1 an, cu prelungire automată').term).toEqual(
      term({ type: 'auto_renewing', start: '2023-01-01', renewalPeriod: 'P1Y' }),
    )
  })

  it('automatic renewal with no period is flagged', () => {
    expect(codes(t('01.01.2023, se prelungește automat').problems)).toEqual(['missing_renewal'])
  })

  it('a negated renewal is not automatic', () => {
    expect(t('01.01.2023 - 31.12.2023, nu se prelungește automat').term.type).toBe('fixed')
  })

  it('"pe perioadă nedeterminată" → open_ended', () => {
    expect(t('03.10.2022 - pe perioadă nedeterminată').term).toEqual(term({ type: 'open_ended', start: '2022-10-03' }))
    expect(codes(t('Pe perioadă nedeterminată').problems)).toEqual(['missing_start'])
  })

  it('conditions, as written with their quotes; a hard stop as the end', () => {
    expect(t('20.02.2023 - pe durata implementării proiectului „Acasă”').term.condition).toBe(
      'pe durata implementării proiectului „Acasă”',
    )
    const state = t(
      '01.01.2020, pe toată perioada în care statul, prin ministerul de resort, se angajează să finanțeze serviciul',
    )
    expect(state.term).toMatchObject({
      type: 'conditional',
      start: '2020-01-01',
      condition: 'pe toată perioada în care statul, prin ministerul de resort, se angajează să finanțeze serviciul',
    })
    const stop = t('10.04.2023 - până la finalizarea proiectului, dar nu mai târziu de 31.12.2025')
    expect(stop.term).toEqual(
      term({
        type: 'conditional',
        start: '2023-04-10',
        end: '2025-12-31',
        condition: 'până la finalizarea proiectului',
      }),
    )
  })

  it('an addendum extension keeps its own date as start and the extension', () => {
    const r = t('15.06.2023-prelungire cu 6 luni')
    expect(r.term).toEqual(term({ type: 'unknown', start: '2023-06-15', extension: 'P6M' }))
    expect(r.needsBase).toBe(true)
    expect(r.problems).toEqual([])
    // A possible extension is no extension.
    expect(t('01.01.2023 - 31.12.2023, cu posibilitatea prelungirii cu 1 an').term.extension).toBeNull()
  })

  it('an invalid date is a problem and its field stays null', () => {
    const r = t('01.05.2023 - 31.04.2024')
    expect(r.term).toEqual(term({ type: 'fixed', start: '2023-05-01' }))
    expect(r.problems).toEqual([{ code: 'invalid_date', message: '31.04.2024 is not a date' }])
    const derived = t('31.04.2023, pe o perioadă de 1 an')
    expect(derived.term.start).toBeNull()
    expect(derived.term.end).toBeNull()
    expect(codes(derived.problems)).toEqual(['invalid_date'])
  })

  it('anything else → unknown with no_term', () => {
    expect(t('conform legii')).toEqual({
      term: term({ type: 'unknown' }),
      problems: [{ code: 'no_term', message: 'validity not understood: "conform legii"' }],
      needsBase: false,
    })
    expect(codes(readTerm(null).problems)).toEqual(['no_term'])
    expect(codes(readTerm('  ').problems)).toEqual(['no_term'])
  })
})

describe('kinds and numbers', () => {
  it.each([
    ['Protocol de colaborare', 'protocol'],
    ['PROTOCOL DE COLABORARE', 'protocol'],
    ['Acord de parteneriat', 'partnership_agreement'],
    ['Acord de cooperare', 'partnership_agreement'],
    ['Convenție de asociere', 'association_agreement'],
    ['Convenţie de asociere', 'association_agreement'],
    ['Acord de asociere', 'association_agreement'],
    ['Memorandum de înțelegere', 'memorandum'],
    ['Act adițional la Protocolul de colaborare', 'addendum'],
    ['Act aditional nr. 2', 'addendum'],
    ['Act adiţional', 'addendum'],
  ])('"%s" → %s', (title, kind) => {
    expect(readKind(title)).toBe(kind)
  })

  it('an unknown kind is other, with a problem', () => {
    expect(readKind('Contract de sponsorizare')).toBeNull()
    const { rows } = parseProtocols(
      'number,kind,title,parties,validity\n1,,Contract de sponsorizare,A;B,pe perioadă nedeterminată',
    )
    expect(rows[0]!.kind).toBe('other')
    expect(rows[0]!.problems).toContainEqual({
      code: 'unknown_kind',
      message: 'unknown kind of act: "Contract de sponsorizare"',
    })
  })

  it('folds ș/ş, ț/ţ, ă, â, î and case', () => {
    expect(fold('ȘşȚţĂÂÎ')).toBe('ssttaai')
  })

  it('normalises row numbers', () => {
    expect(['1.', '3', '10', ' 7 .', 'Nr. 4', '', '2a'].map(normaliseNumber)).toEqual([
      '1',
      '3',
      '10',
      '7',
      '4',
      null,
      '2a',
    ])
  })
})

describe('CSV', () => {
  const header =
    'number,kind,title,parties,object,registrations,validity,term_type,start,end,renewal_period,notice_period,extension,condition'

  it('parses RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF', () => {
    expect(parseCsv('a,"b, c","d ""e""",f\r\n"g\nh",,i\n')).toEqual([
      ['a', 'b, c', 'd "e"', 'f'],
      ['g\nh', '', 'i'],
    ])
  })

  it('reads a row with an explicit term, dates in both forms and registrations', () => {
    const { rows } = parseProtocols(
      `${header}\n` +
        '"1.",protocol,Protocol de colaborare,"Primăria Pângărați; DGASPC Neamț","Sprijin, consiliere","1665/02.03.2017; 8217/03.03.2017",,fixed,01.03.2023,2025-02-28,,,,\n',
    )
    expect(detectFormat(`${header}\n`)).toBe('csv')
    expect(rows[0]).toEqual({
      number: '1',
      kind: 'protocol',
      title: 'Protocol de colaborare',
      parties: ['Primăria Pângărați', 'DGASPC Neamț'],
      object: 'Sprijin, consiliere',
      registrations: [
        { number: '1665', date: '2017-03-02' },
        { number: '8217', date: '2017-03-03' },
      ],
      validityText: null,
      term: term({ type: 'fixed', start: '2023-03-01', end: '2025-02-28' }),
      problems: [],
      parentNumber: null,
    })
  })

  it('reads the term from validity when term_type is empty, with the same reader', () => {
    const { rows } = parseProtocols(
      `${header}\n2,,Acord de parteneriat,A;B,,,"Se prelungește automat cu câte 1 an, preaviz de 30 de zile",,,,,,,\n`,
    )
    expect(rows[0]!.kind).toBe('partnership_agreement')
    expect(rows[0]!.term).toEqual(term({ type: 'auto_renewing', renewalPeriod: 'P1Y', noticePeriod: 'P30D' }))
    expect(codes(rows[0]!.problems)).toEqual(['missing_start'])
  })

  it('names the column of a bad value', () => {
    const { rows } = parseProtocols(
      `${header}\n3,treaty,Protocol de colaborare,A;B,,1665/31.04.2017,,auto_renewing,2023-13-01,,every year,P30D,,\n`,
    )
    const messages = rows[0]!.problems.filter((p) => p.code === 'csv_column').map((p) => p.message)
    expect(messages).toEqual([
      expect.stringMatching(/^kind: "treaty"/),
      'registrations: "1665/31.04.2017": 31.04.2017 is not a date',
      'start: 2023-13-01 is not a date',
      expect.stringMatching(/^renewal_period: "every year"/),
    ])
    expect(rows[0]!.registrations).toEqual([{ number: '1665', date: null }])
    expect(rows[0]!.term.start).toBeNull()
    // Written, wrongly: csv_column says so, not a second "missing_start" / "missing_renewal".
    expect(codes(rows[0]!.problems)).toEqual(['csv_column', 'csv_column', 'csv_column', 'csv_column'])
  })

  it('refuses an unknown term type and reads validity instead; says when term columns are ignored', () => {
    const bad = parseProtocols(`${header}\n4,,Protocol de colaborare,A;B,,,pe perioadă nedeterminată,forever,,,,,,\n`)
    expect(bad.rows[0]!.term.type).toBe('open_ended')
    expect(bad.rows[0]!.problems[0]!.message).toMatch(/^term_type: "forever"/)
    const ignored = parseProtocols(`${header}\n5,,Protocol de colaborare,A;B,,,,,2023-01-01,,,,,\n`)
    expect(ignored.rows[0]!.problems.map((p) => p.message)).toContain(
      'term_type: empty, so start were ignored and the term was read from validity',
    )
  })

  it('accepts periods written in Romanian and semicolon-delimited files', () => {
    const { rows } = parseProtocols(
      'number;title;parties;term_type;start;renewal_period;notice_period\n1;Protocol de colaborare;"A;B";auto_renewing;01.01.2023;2 ani;30 de zile\n',
    )
    expect(rows[0]!.parties).toEqual(['A', 'B'])
    expect(rows[0]!.term).toEqual(
      term({ type: 'auto_renewing', start: '2023-01-01', renewalPeriod: 'P2Y', noticePeriod: 'P30D' }),
    )
  })

  it('links an addendum with an extension column to its parent', () => {
    const { rows } = parseProtocols(
      `${header}\n` +
        '1,,Protocol de colaborare,DGASPC;Asociația A,,,01.01.2023 - 31.12.2023,,,,,,,\n' +
        '2,,Act adițional la Protocolul de colaborare,DGASPC;Asociația A,,,15.12.2023 prelungire cu 6 luni,,,,,,,\n',
    )
    expect(rows[1]!.parentNumber).toBe('1')
    expect(rows[1]!.term).toEqual(term({ type: 'fixed', start: '2023-12-15', end: '2024-06-30', extension: 'P6M' }))
  })
})

describe('the CLI: protocols parse', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'protocols', 'parse', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    })

  it('prints one JSON object with the rows of the sample table', { timeout: 30_000 }, () => {
    const r = cli(fixture('demo-protocols-table.txt'), '--json')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout) as { rows: ParsedProtocolRow[] }
    expect(Object.keys(json)).toEqual(['rows'])
    expect(json.rows).toHaveLength(10)
    expect(json).toEqual(parseProtocols(read('demo-protocols-table.txt')))
    expect(Object.keys(json.rows[0]!)).toEqual(
      expect.arrayContaining([
        'number',
        'kind',
        'title',
        'parties',
        'object',
        'registrations',
        'validityText',
        'term',
        'problems',
      ]),
    )
    expect(json.rows[7]).toMatchObject({
      number: '8',
      term: { type: 'fixed', start: '2023-03-01', end: null },
      problems: [{ code: 'invalid_date', message: '30.02.2024 is not a date' }],
    })
    expect(json.rows[6]).toMatchObject({ number: '7', parentNumber: '4', term: { extension: 'P6M' } })
  })

  it('honours --format and prints a readable table without --json', { timeout: 30_000 }, () => {
    const r = cli(fixture('pangarati-plan-2023.txt'), '--format', 'prose')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Protocol de colaborare: Primăria Comunei Pângărați')
    expect(r.stdout).toContain('6 protocols, 6 to review.')
  })

  it('a missing file: a message on stderr, exit 1', { timeout: 30_000 }, () => {
    const r = cli(fixture('no-such-file.txt'), '--json')
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/Cannot read .*no-such-file\.txt: no such file/)
  })

  it('wrong arguments: the usage, exit 2', { timeout: 30_000 }, () => {
    const none = cli('--json')
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('protocols parse FILE')
    const badFormat = cli(fixture('demo-protocols-table.txt'), '--format', 'xml')
    expect(badFormat.status).toBe(2)
    expect(badFormat.stderr).toContain('--format must be one of plan-table, prose, csv')
  })
})
