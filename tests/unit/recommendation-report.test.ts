import { describe, expect, it } from 'vitest'
import { ANSWERS } from '~/domain/consultation'
import {
  ANSWER_KINDS,
  buildRecommendationReport,
  publicRecommendationText,
  REPORT_LABELS_EN,
  REPORT_LABELS_RO,
  reportToCsv,
  sectionLabel,
  type ReportLabels,
  type ReportRecommendation,
} from '~/domain/recommendation-report'

const SECTIONS = {
  whole: { sectionNumber: null, sectionHeading: null, sectionOrder: null },
  ia: { sectionNumber: 'CAPITOLUL I – A.', sectionHeading: 'Servicii sociale existente', sectionOrder: 1 },
  ib: { sectionNumber: 'CAPITOLUL I – B.', sectionHeading: 'Servicii sociale nou-înființate', sectionOrder: 2 },
  ii: { sectionNumber: 'CAPITOLUL II', sectionHeading: 'Activități de informare', sectionOrder: 3 },
} as const

const rec = (
  registrationNumber: string,
  section: keyof typeof SECTIONS,
  extra: Partial<ReportRecommendation> = {},
): ReportRecommendation => ({
  registrationNumber,
  submittedOn: '2023-03-14',
  authorLabel: 'Asociația „Vârstnici Activi”',
  ...SECTIONS[section],
  text: `Recomandarea ${registrationNumber}`,
  proposedWording: null,
  answer: 'accepted',
  justification: null,
  hidden: false,
  hiddenReason: null,
  ...extra,
})

const TRICKY_TEXT = 'Propunem; varianta "B",\nîn două rânduri'
const FORMULA = '=HYPERLINK("http://rău.example","click")'

/** 7 recommendations across 3 sections and the whole plan, in no particular order. */
const SAMPLE: ReportRecommendation[] = [
  rec('PAS-2023-0009', 'ib', {
    answer: 'rejected',
    text: TRICKY_TEXT,
    proposedWording: FORMULA,
    justification: 'Nu există buget, deocamdată; vom reveni.',
    authorLabel: '+40 Grupul de inițiativă',
  }),
  rec('PAS-2023-0005', 'whole', { answer: 'accepted', submittedOn: '2023-03-02' }),
  rec('PAS-2023-0007', 'ii', {
    answer: 'not_applicable',
    hidden: true,
    hiddenReason: 'Limbaj jignitor',
    text: 'SECRET-ABUSIVE-TEXT',
    proposedWording: 'SECRET-WORDING',
    justification: 'Conținut nepotrivit.',
  }),
  rec('PAS-2023-0010', 'ia', { answer: 'accepted', proposedWording: 'Se introduce un centru de zi.' }),
  rec('PAS-2023-0002', 'whole', { answer: 'rejected', justification: 'Depășește obiectul planului.' }),
  rec('PAS-2023-0003', 'ia', { answer: null }),
  rec('PAS-2023-0001', 'ib', { answer: 'partially_accepted', justification: 'Doar prima parte.' }),
]

/** A tiny RFC 4180 reader for comma-separated text (BOM not expected: strip it first). */
function parseRfc4180(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') inQuotes = false
      else field += c
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      inQuotes = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`)
    } else field += c
  }
  if (inQuotes) throw new Error('unterminated quote')
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF')
  return rows
}

describe('answer kinds', () => {
  it('are the answers of the consultation domain', () => {
    expect([...ANSWER_KINDS]).toEqual([...ANSWERS])
  })
})

describe('buildRecommendationReport', () => {
  const report = buildRecommendationReport(SAMPLE)

  it('orders by section (whole plan first), then registration number', () => {
    expect(report.rows.map((r) => r.registrationNumber)).toEqual([
      'PAS-2023-0002',
      'PAS-2023-0005',
      'PAS-2023-0003',
      'PAS-2023-0010',
      'PAS-2023-0001',
      'PAS-2023-0009',
      'PAS-2023-0007',
    ])
  })

  it('counts every answer, the unanswered, and all', () => {
    expect(report.totals).toEqual({
      accepted: 2,
      partially_accepted: 1,
      rejected: 2,
      not_applicable: 1,
      unanswered: 1,
      all: 7,
    })
  })

  it('counts per section, in plan order', () => {
    expect(report.perSection).toEqual([
      {
        sectionNumber: null,
        sectionHeading: null,
        counts: { accepted: 1, partially_accepted: 0, rejected: 1, not_applicable: 0, unanswered: 0, all: 2 },
      },
      {
        sectionNumber: 'CAPITOLUL I – A.',
        sectionHeading: 'Servicii sociale existente',
        counts: { accepted: 1, partially_accepted: 0, rejected: 0, not_applicable: 0, unanswered: 1, all: 2 },
      },
      {
        sectionNumber: 'CAPITOLUL I – B.',
        sectionHeading: 'Servicii sociale nou-înființate',
        counts: { accepted: 0, partially_accepted: 1, rejected: 1, not_applicable: 0, unanswered: 0, all: 2 },
      },
      {
        sectionNumber: 'CAPITOLUL II',
        sectionHeading: 'Activități de informare',
        counts: { accepted: 0, partially_accepted: 0, rejected: 0, not_applicable: 1, unanswered: 0, all: 1 },
      },
    ])
  })

  it('keeps a hidden recommendation (counted) but drops its text and wording', () => {
    const hidden = report.rows.find((r) => r.registrationNumber === 'PAS-2023-0007')!
    expect(hidden.hidden).toBe(true)
    expect(hidden.text).toBe('')
    expect(hidden.proposedWording).toBeNull()
    expect(hidden.justification).toBe('Conținut nepotrivit.')
    expect(JSON.stringify(report)).not.toContain('SECRET')
  })

  it('does not change its input', () => {
    const copy = structuredClone(SAMPLE)
    buildRecommendationReport(SAMPLE)
    expect(SAMPLE).toEqual(copy)
  })

  it('sorts registration numbers by their numbers, not as text', () => {
    const r = buildRecommendationReport([rec('R-10', 'ia'), rec('R-9', 'ia'), rec('R-100', 'ia')])
    expect(r.rows.map((x) => x.registrationNumber)).toEqual(['R-9', 'R-10', 'R-100'])
  })

  it('gives zero counts and no sections for an empty consultation', () => {
    const r = buildRecommendationReport([])
    expect(r.rows).toEqual([])
    expect(r.perSection).toEqual([])
    expect(r.totals).toEqual({
      accepted: 0,
      partially_accepted: 0,
      rejected: 0,
      not_applicable: 0,
      unanswered: 0,
      all: 0,
    })
  })
})

describe('labels', () => {
  it('have the same keys in both languages, none empty', () => {
    const keys = (l: ReportLabels) => Object.keys(l).sort()
    expect(keys(REPORT_LABELS_EN)).toEqual(keys(REPORT_LABELS_RO))
    for (const labels of [REPORT_LABELS_RO, REPORT_LABELS_EN]) {
      for (const value of Object.values(labels)) {
        if (typeof value === 'string') expect(value.trim()).not.toBe('')
        else for (const v of Object.values(value)) expect(String(v).trim()).not.toBe('')
      }
      expect(labels.hidden).toContain('{reason}')
    }
  })

  it('name the section, or the whole plan', () => {
    expect(sectionLabel(SECTIONS.ia, REPORT_LABELS_RO)).toBe('CAPITOLUL I – A. Servicii sociale existente')
    expect(sectionLabel(SECTIONS.whole, REPORT_LABELS_RO)).toBe('Întregul document')
    expect(sectionLabel(SECTIONS.whole, REPORT_LABELS_EN)).toBe('Whole document')
  })

  it('show the reason of a hidden recommendation, or only that it is hidden', () => {
    const hidden = rec('X-1', 'ia', { hidden: true, hiddenReason: 'Spam', text: 'SECRET' })
    expect(publicRecommendationText(hidden, REPORT_LABELS_RO)).toBe('Ascunsă de moderator: Spam')
    expect(publicRecommendationText({ ...hidden, hiddenReason: null }, REPORT_LABELS_RO)).toBe('Ascunsă de moderator')
    expect(publicRecommendationText({ ...hidden, hiddenReason: '  ' }, REPORT_LABELS_EN)).toBe('Hidden by a moderator')
  })
})

describe('reportToCsv', () => {
  const report = buildRecommendationReport(SAMPLE)
  const csv = reportToCsv(report, REPORT_LABELS_RO)

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // parseRfc4180 throws on a bare LF or CR outside quotes.
    expect(() => parseRfc4180(csv.slice(1))).not.toThrow()
  })

  it('has the header and one record per recommendation, in report order', () => {
    const rows = parseRfc4180(csv.slice(1))
    expect(rows[0]).toEqual([
      'Nr. înregistrare',
      'Data',
      'Autor',
      'Secțiunea',
      'Recomandarea',
      'Formulare propusă',
      'Răspuns',
      'Motivare',
    ])
    expect(rows).toHaveLength(8)
    expect(rows.slice(1).map((r) => r[0])).toEqual(report.rows.map((r) => r.registrationNumber))
    for (const r of rows) expect(r).toHaveLength(8)
  })

  it('writes dates, sections, answers and justifications', () => {
    const rows = parseRfc4180(csv.slice(1))
    expect(rows[1]).toEqual([
      'PAS-2023-0002',
      '14.03.2023',
      'Asociația „Vârstnici Activi”',
      'Întregul document',
      'Recomandarea PAS-2023-0002',
      '',
      'Respinsă',
      'Depășește obiectul planului.',
    ])
    expect(rows[2]![1]).toBe('02.03.2023')
    expect(rows[3]![3]).toBe('CAPITOLUL I – A. Servicii sociale existente')
    expect(rows[3]![6]).toBe('Fără răspuns')
    expect(rows[4]![5]).toBe('Se introduce un centru de zi.')
    expect(rows[4]![6]).toBe('Acceptată')
    expect(rows[5]![6]).toBe('Acceptată parțial')
  })

  it('round-trips separators, quotes and line breaks, and neutralises formulas', () => {
    const rows = parseRfc4180(csv.slice(1))
    const tricky = rows.find((r) => r[0] === 'PAS-2023-0009')!
    expect(tricky[2]).toBe("'+40 Grupul de inițiativă")
    expect(tricky[4]).toBe(TRICKY_TEXT)
    expect(tricky[5]).toBe(`'${FORMULA}`)
    expect(tricky[7]).toBe('Nu există buget, deocamdată; vom reveni.')
    // No cell of the file starts a formula.
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('shows the moderator’s reason for a hidden recommendation, never its text', () => {
    const rows = parseRfc4180(csv.slice(1))
    const hidden = rows.find((r) => r[0] === 'PAS-2023-0007')!
    expect(hidden[4]).toBe('Ascunsă de moderator: Limbaj jignitor')
    expect(hidden[5]).toBe('')
    expect(hidden[6]).toBe('Nu este cazul')
    expect(csv).not.toContain('SECRET')
  })

  it('never leaks a hidden text even from a report not built by buildRecommendationReport', () => {
    const raw = { ...report, rows: SAMPLE }
    expect(reportToCsv(raw, REPORT_LABELS_EN)).not.toContain('SECRET')
  })

  it('uses the labels it is given', () => {
    const rows = parseRfc4180(reportToCsv(report, REPORT_LABELS_EN).slice(1))
    expect(rows[0]![0]).toBe('Registration no.')
    expect(rows[1]![3]).toBe('Whole document')
    expect(rows[1]![6]).toBe('Rejected')
    expect(rows.find((r) => r[0] === 'PAS-2023-0007')![4]).toBe('Hidden by a moderator: Limbaj jignitor')
  })

  it('writes only the header for an empty consultation', () => {
    const empty = reportToCsv(buildRecommendationReport([]), REPORT_LABELS_RO)
    expect(parseRfc4180(empty.slice(1))).toHaveLength(1)
  })
})
