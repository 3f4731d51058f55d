/**
 * The report of recommendations of a consultation (Law 52/2003): every registered
 * recommendation with the authority's answer, counted per answer and per section. Pure functions,
 * no I/O, no language: every word comes from a ReportLabels passed in by the caller.
 *
 * A recommendation hidden by moderation keeps its row (it was registered and is counted) but its
 * text and proposed wording never leave buildRecommendationReport: the report shows the public
 * reason instead.
 *
 * The CSV form follows the conventions of app/domain/protocol-csv.ts: RFC 4180 with commas, CRLF,
 * a UTF-8 byte-order mark, and a leading apostrophe on any cell a spreadsheet would take for a
 * formula.
 */
import { ANSWERS } from './consultation'
import { formatDate } from './dates'
import { neutraliseFormula, writeCsv } from './protocol-csv'

export const ANSWER_KINDS = ANSWERS
export type AnswerKind = (typeof ANSWER_KINDS)[number]

/** The answers and "not answered yet", in the order reports show them. */
export const ANSWER_COLUMNS = [...ANSWER_KINDS, 'unanswered'] as const
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number]

export type ReportRecommendation = {
  /** e.g. "PAS-2023-0007" */
  registrationNumber: string
  /** YYYY-MM-DD */
  submittedOn: string
  /** organisation name, or the person's name, or "Anonim"/masked: computed by the caller */
  authorLabel: string
  /** "CAPITOLUL I – A.", or null for the whole plan */
  sectionNumber: string | null
  sectionHeading: string | null
  /** order of the section in the plan (null = whole plan, sorts first) */
  sectionOrder: number | null
  text: string
  proposedWording: string | null
  /** null = not answered yet */
  answer: AnswerKind | null
  justification: string | null
  /** hidden by moderation: row kept, text replaced by the public reason */
  hidden: boolean
  hiddenReason: string | null
}

export type ReportLabels = {
  // Columns (CSV header, table headers).
  registrationNumber: string
  date: string
  author: string
  section: string
  recommendation: string
  proposedWording: string
  answer: string
  justification: string
  count: string
  total: string
  /** The label of each answer, and of a recommendation not answered yet. */
  answers: Record<AnswerColumn, string>
  /** The section of a recommendation on the plan as a whole. */
  wholePlan: string
  /** What replaces the text of a hidden recommendation; "{reason}" is the public reason. */
  hidden: string
  /** The same, when the moderator gave no reason. */
  hiddenWithoutReason: string
  // The document.
  reportTitle: string
  authority: string
  consultationWindow: string
  summaryHeading: string
  perSectionHeading: string
  recommendationsHeading: string
  noRecommendations: string
}

export const REPORT_LABELS_RO: ReportLabels = {
  registrationNumber: 'Nr. înregistrare',
  date: 'Data',
  author: 'Autor',
  section: 'Secțiunea',
  recommendation: 'Recomandarea',
  proposedWording: 'Formulare propusă',
  answer: 'Răspuns',
  justification: 'Motivare',
  count: 'Număr',
  total: 'Total',
  answers: {
    accepted: 'Acceptată',
    partially_accepted: 'Acceptată parțial',
    rejected: 'Respinsă',
    not_applicable: 'Nu este cazul',
    unanswered: 'Fără răspuns',
  },
  wholePlan: 'Întregul document',
  hidden: 'Ascunsă de moderator: {reason}',
  hiddenWithoutReason: 'Ascunsă de moderator',
  reportTitle: 'Raportul recomandărilor',
  authority: 'Autoritatea publică',
  consultationWindow: 'Perioada de consultare',
  summaryHeading: 'Sinteza răspunsurilor',
  perSectionHeading: 'Recomandări pe secțiuni',
  recommendationsHeading: 'Recomandările primite și răspunsurile autorității',
  noRecommendations: 'Nu au fost primite recomandări.',
}

export const REPORT_LABELS_EN: ReportLabels = {
  registrationNumber: 'Registration no.',
  date: 'Date',
  author: 'Author',
  section: 'Section',
  recommendation: 'Recommendation',
  proposedWording: 'Proposed wording',
  answer: 'Answer',
  justification: 'Justification',
  count: 'Number',
  total: 'Total',
  answers: {
    accepted: 'Accepted',
    partially_accepted: 'Partially accepted',
    rejected: 'Rejected',
    not_applicable: 'Not applicable',
    unanswered: 'Not answered',
  },
  wholePlan: 'Whole document',
  hidden: 'Hidden by a moderator: {reason}',
  hiddenWithoutReason: 'Hidden by a moderator',
  reportTitle: 'Report of recommendations',
  authority: 'Public authority',
  consultationWindow: 'Consultation period',
  summaryHeading: 'Summary of answers',
  perSectionHeading: 'Recommendations by section',
  recommendationsHeading: 'Recommendations received and the authority’s answers',
  noRecommendations: 'No recommendations were received.',
}

export type AnswerCounts = Record<AnswerColumn, number> & { all: number }

export type SectionSummary = {
  sectionNumber: string | null
  sectionHeading: string | null
  counts: AnswerCounts
}

export type RecommendationReport = {
  /** sorted by section order (whole plan first), then registration number */
  rows: ReportRecommendation[]
  totals: AnswerCounts
  perSection: SectionSummary[]
}

export function emptyCounts(): AnswerCounts {
  return { accepted: 0, partially_accepted: 0, rejected: 0, not_applicable: 0, unanswered: 0, all: 0 }
}

function count(counts: AnswerCounts, answer: AnswerKind | null): void {
  counts[answer ?? 'unanswered'] += 1
  counts.all += 1
}

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

function compareSections(a: ReportRecommendation, b: ReportRecommendation): number {
  if (a.sectionOrder === null || b.sectionOrder === null) {
    if (a.sectionOrder === b.sectionOrder) return 0
    return a.sectionOrder === null ? -1 : 1
  }
  if (a.sectionOrder !== b.sectionOrder) return a.sectionOrder - b.sectionOrder
  return (
    naturalOrder.compare(a.sectionNumber ?? '', b.sectionNumber ?? '') ||
    naturalOrder.compare(a.sectionHeading ?? '', b.sectionHeading ?? '')
  )
}

function sectionKey(row: ReportRecommendation): string {
  return JSON.stringify([row.sectionOrder, row.sectionNumber, row.sectionHeading])
}

/**
 * Orders the recommendations, counts them, and strips the text of hidden ones (the row stays,
 * with an empty text and no proposed wording; the report shows the moderator's public reason).
 */
export function buildRecommendationReport(rows: readonly ReportRecommendation[]): RecommendationReport {
  const sorted = rows
    .map((row): ReportRecommendation => (row.hidden ? { ...row, text: '', proposedWording: null } : { ...row }))
    .sort(
      (a, b) =>
        compareSections(a, b) ||
        naturalOrder.compare(a.registrationNumber, b.registrationNumber) ||
        a.submittedOn.localeCompare(b.submittedOn),
    )
  const totals = emptyCounts()
  const perSection: SectionSummary[] = []
  const bySection = new Map<string, SectionSummary>()
  for (const row of sorted) {
    count(totals, row.answer)
    const key = sectionKey(row)
    let summary = bySection.get(key)
    if (!summary) {
      summary = { sectionNumber: row.sectionNumber, sectionHeading: row.sectionHeading, counts: emptyCounts() }
      bySection.set(key, summary)
      perSection.push(summary)
    }
    count(summary.counts, row.answer)
  }
  return { rows: sorted, totals, perSection }
}

/** "CAPITOLUL I – A. Servicii sociale", or the whole-plan label when there is no section. */
export function sectionLabel(
  section: { sectionNumber: string | null; sectionHeading: string | null },
  labels: ReportLabels,
): string {
  const parts = [section.sectionNumber, section.sectionHeading].map((p) => (p ?? '').trim()).filter((p) => p !== '')
  return parts.length > 0 ? parts.join(' ') : labels.wholePlan
}

/** The label of an answer, or of "not answered yet". */
export function answerLabel(answer: AnswerKind | null, labels: ReportLabels): string {
  return labels.answers[answer ?? 'unanswered']
}

/** The text a report may show: the recommendation, or for a hidden one the moderator's reason. */
export function publicRecommendationText(row: ReportRecommendation, labels: ReportLabels): string {
  if (!row.hidden) return row.text
  const reason = (row.hiddenReason ?? '').trim()
  return reason === '' ? labels.hiddenWithoutReason : labels.hidden.split('{reason}').join(reason)
}

/** The proposed wording a report may show (never that of a hidden recommendation). */
export function publicProposedWording(row: ReportRecommendation): string | null {
  if (row.hidden) return null
  const wording = (row.proposedWording ?? '').trim()
  return wording === '' ? null : wording
}

const cell = (value: string | null | undefined) => neutraliseFormula((value ?? '').trim())

/** The CSV columns, in order, as titled by the labels. */
export function reportCsvHeader(labels: ReportLabels): string[] {
  return [
    labels.registrationNumber,
    labels.date,
    labels.author,
    labels.section,
    labels.recommendation,
    labels.proposedWording,
    labels.answer,
    labels.justification,
  ].map(cell)
}

/** The export: a header, then one record per recommendation in report order, with a BOM. */
export function reportToCsv(report: RecommendationReport, labels: ReportLabels): string {
  const records = report.rows.map((row) =>
    [
      row.registrationNumber,
      formatDate(row.submittedOn),
      row.authorLabel,
      sectionLabel(row, labels),
      publicRecommendationText(row, labels),
      publicProposedWording(row),
      answerLabel(row.answer, labels),
      row.justification,
    ].map(cell),
  )
  return writeCsv([reportCsvHeader(labels), ...records])
}
