import { describe, expect, it } from 'vitest'
import { CSV_BOM, parseCsv } from '~/domain/protocol-csv'
import {
  computeTransparencyReport,
  draftsOfYear,
  inYear,
  TRANSPARENCY_KEYS,
  TRANSPARENCY_LABELS_EN,
  TRANSPARENCY_LABELS_RO,
  transparencyCsv,
  transparencyRows,
  withYear,
  type TransparencyCounts,
  type TransparencyInput,
} from '~/domain/transparency-report'

type Plan = TransparencyInput['plans'][number]
type Rec = TransparencyInput['recommendations'][number]
type Meeting = TransparencyInput['meetings'][number]

const plan = (reference: string, publishedOn: string | null, decisionDate: string | null, status: Plan['status']) => ({
  reference,
  title: `Planul ${reference}`,
  publishedOn,
  decisionDate,
  status,
})

const rec = (submittedOn: string, answer: Rec['answer'], status: Rec['status'] = 'registered'): Rec => ({
  planReference: 'P1',
  submittedOn,
  status,
  answer,
})

const meeting = (
  kind: Meeting['kind'],
  date: string,
  status: Meeting['status'],
  participants = 0,
  closedReason: string | null = null,
): Meeting => ({ kind, date, status, participants, organisations: 1, closedReason })

const INPUT: TransparencyInput = {
  year: 2023,
  authorityName: 'Comuna Pângărați',
  plans: [
    plan('P1', '2023-01-01', '2023-03-01', 'adopted'),
    plan('P2', '2022-12-31', '2023-01-10', 'adopted'), // announced in 2022, adopted in 2023
    plan('P3', '2023-12-31', null, 'in_consultation'),
    plan('P4', '2024-01-01', null, 'in_consultation'),
    plan('P5', '2023-05-05', null, 'withdrawn'), // announced, then withdrawn: still announced
    plan('P6', null, null, 'draft'),
    plan('P7', '2023-11-01', '2024-01-01', 'adopted'),
    plan('P8', '2023-02-30', null, 'consultation_closed'), // a day that does not exist: no year
  ],
  recommendations: [
    rec('2023-01-01', 'accepted'),
    rec('2023-06-01', 'partially_accepted'),
    rec('2023-06-02', 'rejected'),
    rec('2023-06-03', 'rejected'),
    rec('2023-06-04', 'not_applicable'),
    rec('2023-12-31', null),
    rec('2023-07-01', 'accepted', 'withdrawn'), // its answer does not count
    rec('2023-07-02', null, 'withdrawn'),
    rec('2022-12-31', 'accepted'),
    rec('2024-01-01', null),
    rec('2023-02-30', 'accepted'),
  ],
  debateRequests: [
    { planReference: 'P1', requestedOn: '2023-01-01' },
    { planReference: 'P3', requestedOn: '2023-12-31' },
    { planReference: 'P2', requestedOn: '2022-12-31' },
    { planReference: 'P4', requestedOn: '2024-01-01' },
  ],
  meetings: [
    meeting('public_debate', '2023-02-10', 'approved', 25),
    meeting('public_debate', '2023-12-31', 'approved', 12),
    meeting('public_debate', '2023-03-03', 'draft', 40), // draft minutes: not counted
    meeting('public_debate', '2023-04-04', 'shared', 30), // not approved yet
    meeting('public_debate', '2024-01-01', 'approved', 50),
    meeting('public_debate', '2022-12-31', 'approved', 9),
    meeting('consultation', '2023-01-12', 'approved', 8),
    meeting('consultation', '2023-09-09', 'draft', 8),
    meeting('consultation', '2022-12-31', 'approved', 8),
    meeting('tripartite_meeting', '2023-05-05', 'approved', 14),
    meeting('other_meeting', '2023-10-10', 'approved', 5, '  informații   clasificate (Legea nr. 182/2002) '),
    meeting('other_meeting', '2023-08-08', 'shared', 5, 'Informații clasificate (Legea nr. 182/2002)'),
    meeting('tripartite_meeting', '2023-11-11', 'approved', 7, 'Date personale ale beneficiarilor'),
    meeting('other_meeting', '2023-06-06', 'draft', 3, 'Ciornă, încă neținută'),
    meeting('public_debate', '2023-07-07', 'approved', 100, '=HYPERLINK("http://example.com")'),
    meeting('other_meeting', '2023-12-30', 'approved', 4, '   '),
    meeting('other_meeting', '2024-01-01', 'approved', 4, 'Anul următor'),
  ],
}

const EXPECTED_2023: TransparencyCounts = {
  draftsPublished: 4, // P1, P3, P5, P7
  draftsAdopted: 2, // P1, P2
  recommendationsReceived: 6,
  recommendationsWithdrawn: 2,
  recommendationsAdopted: 2,
  recommendationsRejected: 2,
  recommendationsNotApplicable: 1,
  recommendationsUnanswered: 1,
  debateRequests: 2,
  debatesHeld: 2,
  debateParticipants: 37,
  consultationMeetings: 1,
  closedMeetings: 4,
  closedMeetingReasons: [
    '=HYPERLINK("http://example.com")',
    'Informații clasificate (Legea nr. 182/2002)',
    'Date personale ale beneficiarilor',
  ],
}

describe('inYear', () => {
  it('takes the calendar year of a real date, nothing else', () => {
    expect(inYear('2023-01-01', 2023)).toBe(true)
    expect(inYear('2023-12-31', 2023)).toBe(true)
    expect(inYear('2022-12-31', 2023)).toBe(false)
    expect(inYear('2024-01-01', 2023)).toBe(false)
    expect(inYear('2023-02-30', 2023)).toBe(false)
    expect(inYear('31.12.2023', 2023)).toBe(false)
    expect(inYear(null, 2023)).toBe(false)
    expect(inYear(' 2023-06-01 ', 2023)).toBe(true)
  })
})

describe('computeTransparencyReport', () => {
  it('counts the year exactly, boundaries included', () => {
    expect(computeTransparencyReport(INPUT)).toEqual(EXPECTED_2023)
  })

  it('counts the years around it from the same data', () => {
    expect(computeTransparencyReport({ ...INPUT, year: 2022 })).toEqual({
      draftsPublished: 1,
      draftsAdopted: 0,
      recommendationsReceived: 1,
      recommendationsWithdrawn: 0,
      recommendationsAdopted: 1,
      recommendationsRejected: 0,
      recommendationsNotApplicable: 0,
      recommendationsUnanswered: 0,
      debateRequests: 1,
      debatesHeld: 1,
      debateParticipants: 9,
      consultationMeetings: 1,
      closedMeetings: 0,
      closedMeetingReasons: [],
    } satisfies TransparencyCounts)
    expect(computeTransparencyReport({ ...INPUT, year: 2024 })).toEqual({
      draftsPublished: 1,
      draftsAdopted: 1,
      recommendationsReceived: 1,
      recommendationsWithdrawn: 0,
      recommendationsAdopted: 0,
      recommendationsRejected: 0,
      recommendationsNotApplicable: 0,
      recommendationsUnanswered: 1,
      debateRequests: 1,
      debatesHeld: 1,
      debateParticipants: 50,
      consultationMeetings: 0,
      closedMeetings: 1,
      closedMeetingReasons: ['Anul următor'],
    } satisfies TransparencyCounts)
  })

  it('splits the received recommendations by answer, with nothing left over', () => {
    const c = computeTransparencyReport(INPUT)
    expect(
      c.recommendationsAdopted +
        c.recommendationsRejected +
        c.recommendationsNotApplicable +
        c.recommendationsUnanswered,
    ).toBe(c.recommendationsReceived)
  })

  it('is all zeros for an empty year', () => {
    const c = computeTransparencyReport({ ...INPUT, year: 2030 })
    for (const key of TRANSPARENCY_KEYS) {
      expect(c[key]).toEqual(key === 'closedMeetingReasons' ? [] : 0)
    }
  })
})

describe('transparencyRows', () => {
  it('gives every indicator once, in order, with its label', () => {
    const rows = transparencyRows(EXPECTED_2023, TRANSPARENCY_LABELS_RO)
    expect(rows.map((r) => r.key)).toEqual([...TRANSPARENCY_KEYS])
    expect(new Set(rows.map((r) => r.key)).size).toBe(Object.keys(EXPECTED_2023).length)
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]))
    expect(byKey.recommendationsReceived).toEqual({
      key: 'recommendationsReceived',
      label: 'Numărul total al recomandărilor primite',
      value: '6',
    })
    expect(byKey.recommendationsAdopted?.label).toBe(
      'Numărul total al recomandărilor incluse în proiectele de acte normative',
    )
    expect(byKey.debatesHeld?.label).toBe('Numărul ședințelor publice / dezbaterilor organizate')
    expect(byKey.debateParticipants?.label).toMatch(/^Numărul participanților/)
    expect(byKey.closedMeetings?.label).toBe(
      'Numărul ședințelor care nu au fost publice și motivele restricționării accesului',
    )
    expect(byKey.closedMeetingReasons?.value).toBe(
      '=HYPERLINK("http://example.com"); Informații clasificate (Legea nr. 182/2002); Date personale ale beneficiarilor',
    )
  })

  it('says so when no meeting was closed', () => {
    const rows = transparencyRows(
      { ...EXPECTED_2023, closedMeetings: 0, closedMeetingReasons: [] },
      TRANSPARENCY_LABELS_EN,
    )
    expect(rows.find((r) => r.key === 'closedMeetingReasons')?.value).toBe(TRANSPARENCY_LABELS_EN.noReasons)
  })

  it('has a label for every indicator in both languages', () => {
    for (const labels of [TRANSPARENCY_LABELS_RO, TRANSPARENCY_LABELS_EN]) {
      for (const row of transparencyRows(EXPECTED_2023, labels)) expect(row.label.trim()).not.toBe('')
    }
    expect(withYear(TRANSPARENCY_LABELS_RO.title, 2023)).toBe(
      'Raport anual privind transparența decizională pe anul 2023',
    )
    expect(withYear(TRANSPARENCY_LABELS_EN.title, 2023)).toBe('Annual decisional-transparency report for 2023')
  })
})

describe('transparencyCsv', () => {
  it('writes a BOM, a header and one record per indicator, read back the same', () => {
    const csv = transparencyCsv(EXPECTED_2023, TRANSPARENCY_LABELS_RO, 2023, 'Comuna Pângărați, jud. Neamț')
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const [header, ...records] = parseCsv(csv)
    expect(header).toEqual(['Autoritatea publică', 'Anul', 'Cod', 'Indicator', 'Răspuns'])
    expect(records).toHaveLength(TRANSPARENCY_KEYS.length)
    expect(records.map((r) => r[2])).toEqual([...TRANSPARENCY_KEYS])
    for (const r of records) {
      expect(r).toHaveLength(5)
      expect(r[0]).toBe('Comuna Pângărați, jud. Neamț')
      expect(r[1]).toBe('2023')
    }
    expect(records.find((r) => r[2] === 'debateParticipants')?.[4]).toBe('37')
    expect(records.find((r) => r[2] === 'recommendationsWithdrawn')?.[4]).toBe('2')
  })

  it('keeps a formula from running', () => {
    const csv = transparencyCsv(EXPECTED_2023, TRANSPARENCY_LABELS_EN, 2023, '=cmd|"/c calc"!A1')
    const records = parseCsv(csv).slice(1)
    expect(records[0]?.[0]).toBe(`'=cmd|"/c calc"!A1`)
    const reasons = records.find((r) => r[2] === 'closedMeetingReasons')?.[4]
    expect(reasons?.startsWith(`'=HYPERLINK`)).toBe(true)
    for (const r of records) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/)
  })
})

describe('draftsOfYear', () => {
  it('lists the drafts announced or adopted in the year, by date', () => {
    expect(draftsOfYear(INPUT.plans, 2023).map((p) => p.reference)).toEqual(['P1', 'P2', 'P5', 'P7', 'P3'])
  })
})
