/**
 * The annual decisional-transparency report (Law 52/2003, art. 13): for one calendar year, the
 * drafts announced and adopted, the recommendations received and what became of them, the public
 * debates asked for and held with their participants, the consultation meetings, and the
 * meetings that were not public with the reasons. Pure functions, no I/O, no language: every
 * word comes from a TransparencyLabels passed in by the caller.
 *
 * What counts in a year (dates are 'YYYY-MM-DD' calendar dates; a date that does not exist, or
 * none, counts in no year):
 * - a draft is "published" in the year of its publishedOn, whatever its status since (a withdrawn
 *   draft was still announced), and "adopted" in the year of its decisionDate;
 * - a recommendation counts in the year it was submitted; a withdrawn one counts only as
 *   withdrawn (its answer, if any, is ignored); the registered ones are split by answer, so
 *   received = adopted (accepted + partially accepted) + rejected + not applicable + unanswered;
 * - a meeting counts only once its minutes exist: a public debate or a consultation when its
 *   minutes are approved, a meeting that was not public when its minutes are at least shared
 *   (a draft may be a meeting prepared in advance). A debate closed to the public is counted with
 *   the closed meetings, never as a public debate, nor are its participants.
 *
 * The CSV form follows the conventions of app/domain/protocol-csv.ts: RFC 4180 with commas, CRLF,
 * a UTF-8 byte-order mark, and a leading apostrophe on any cell a spreadsheet would take for a
 * formula.
 */
import type { PlanStatus } from './consultation'
import type { MinutesKind as MeetingKind } from './minutes-rules'
import { isValidIsoDate } from './dates'
import { neutraliseFormula, writeCsv } from './protocol-csv'

export type { PlanStatus } from './consultation'
export type { MinutesKind as MeetingKind } from './minutes-rules'

export type TransparencyInput = {
  year: number
  authorityName: string
  plans: Array<{
    reference: string
    title: string
    publishedOn: string | null
    status: PlanStatus
    decisionDate: string | null
  }>
  recommendations: Array<{
    planReference: string
    submittedOn: string
    status: 'registered' | 'withdrawn'
    answer: 'accepted' | 'partially_accepted' | 'rejected' | 'not_applicable' | null
  }>
  debateRequests: Array<{ planReference: string; requestedOn: string }>
  meetings: Array<{
    kind: MeetingKind
    date: string
    status: 'draft' | 'shared' | 'approved'
    /** persons */
    participants: number
    organisations: number
    closedReason: string | null
  }>
}

export type TransparencyCounts = {
  /** drafts published (publishedOn in the year) */
  draftsPublished: number
  /** drafts adopted (decisionDate in the year) */
  draftsAdopted: number
  /** registered recommendations submitted in the year (the withdrawn ones are counted apart) */
  recommendationsReceived: number
  recommendationsWithdrawn: number
  /** accepted + partially accepted */
  recommendationsAdopted: number
  recommendationsRejected: number
  recommendationsNotApplicable: number
  recommendationsUnanswered: number
  debateRequests: number
  /** approved public-debate minutes dated in the year (debates closed to the public excepted) */
  debatesHeld: number
  /** persons at those debates */
  debateParticipants: number
  /** approved consultation minutes dated in the year */
  consultationMeetings: number
  /** meetings in the year that were not public (a closedReason), minutes shared or approved */
  closedMeetings: number
  /** their reasons, each once, in the order of the meetings */
  closedMeetingReasons: string[]
}

/** The rows of the report, in the order they are shown. */
export const TRANSPARENCY_KEYS = [
  'draftsPublished',
  'draftsAdopted',
  'recommendationsReceived',
  'recommendationsAdopted',
  'recommendationsRejected',
  'recommendationsNotApplicable',
  'recommendationsUnanswered',
  'recommendationsWithdrawn',
  'debateRequests',
  'debatesHeld',
  'debateParticipants',
  'consultationMeetings',
  'closedMeetings',
  'closedMeetingReasons',
] as const satisfies ReadonlyArray<keyof TransparencyCounts>

/** Whether a 'YYYY-MM-DD' date (that exists) falls in the calendar year. */
export function inYear(date: string | null | undefined, year: number): boolean {
  if (date === null || date === undefined) return false
  const value = date.trim()
  return isValidIsoDate(value) && Number(value.slice(0, 4)) === year
}

function closedReason(meeting: { closedReason: string | null }): string | null {
  const reason = (meeting.closedReason ?? '').replace(/\s+/g, ' ').trim()
  return reason === '' ? null : reason
}

/** A count of persons as given, never negative or fractional. */
function persons(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

export function computeTransparencyReport(input: TransparencyInput): TransparencyCounts {
  const { year } = input
  const counts: TransparencyCounts = {
    draftsPublished: 0,
    draftsAdopted: 0,
    recommendationsReceived: 0,
    recommendationsWithdrawn: 0,
    recommendationsAdopted: 0,
    recommendationsRejected: 0,
    recommendationsNotApplicable: 0,
    recommendationsUnanswered: 0,
    debateRequests: 0,
    debatesHeld: 0,
    debateParticipants: 0,
    consultationMeetings: 0,
    closedMeetings: 0,
    closedMeetingReasons: [],
  }

  for (const plan of input.plans) {
    if (inYear(plan.publishedOn, year)) counts.draftsPublished += 1
    if (inYear(plan.decisionDate, year)) counts.draftsAdopted += 1
  }

  for (const rec of input.recommendations) {
    if (!inYear(rec.submittedOn, year)) continue
    if (rec.status === 'withdrawn') {
      counts.recommendationsWithdrawn += 1
      continue
    }
    counts.recommendationsReceived += 1
    switch (rec.answer) {
      case 'accepted':
      case 'partially_accepted':
        counts.recommendationsAdopted += 1
        break
      case 'rejected':
        counts.recommendationsRejected += 1
        break
      case 'not_applicable':
        counts.recommendationsNotApplicable += 1
        break
      case null:
        counts.recommendationsUnanswered += 1
        break
    }
  }

  counts.debateRequests = input.debateRequests.filter((r) => inYear(r.requestedOn, year)).length

  const meetings = input.meetings
    .filter((m) => inYear(m.date, year))
    .map((m, index) => ({ ...m, index, reason: closedReason(m) }))
    .sort((a, b) => a.date.trim().localeCompare(b.date.trim()) || a.index - b.index)
  const reasons = new Map<string, string>()
  for (const meeting of meetings) {
    if (meeting.reason !== null) {
      if (meeting.status === 'draft') continue
      counts.closedMeetings += 1
      const key = meeting.reason.toLocaleLowerCase('ro')
      if (!reasons.has(key)) reasons.set(key, meeting.reason)
      continue
    }
    if (meeting.status !== 'approved') continue
    if (meeting.kind === 'public_debate') {
      counts.debatesHeld += 1
      counts.debateParticipants += persons(meeting.participants)
    } else if (meeting.kind === 'consultation') {
      counts.consultationMeetings += 1
    }
  }
  counts.closedMeetingReasons = [...reasons.values()]
  return counts
}

export type TransparencyLabels = {
  /** "… pe anul {year}" */
  title: string
  authority: string
  year: string
  // Columns (CSV header, table headers).
  /** the stable code of a row (the key), for a program reading the CSV */
  code: string
  indicator: string
  value: string
  /** one per row of the report */
  rows: Record<keyof TransparencyCounts, string>
  /** the value of the reasons row when no meeting was closed */
  noReasons: string
  // The document.
  countsHeading: string
  /** "… în anul {year}" */
  draftsHeading: string
  noDrafts: string
  reference: string
  draftTitle: string
  publishedOn: string
  status: string
  adoptedOn: string
  statuses: Record<PlanStatus, string>
}

export const TRANSPARENCY_LABELS_RO: TransparencyLabels = {
  title: 'Raport anual privind transparența decizională pe anul {year}',
  authority: 'Autoritatea publică',
  year: 'Anul',
  code: 'Cod',
  indicator: 'Indicator',
  value: 'Răspuns',
  rows: {
    draftsPublished: 'Numărul proiectelor de acte normative care au fost anunțate în mod public',
    draftsAdopted: 'Numărul proiectelor de acte normative adoptate',
    recommendationsReceived: 'Numărul total al recomandărilor primite',
    recommendationsAdopted: 'Numărul total al recomandărilor incluse în proiectele de acte normative',
    recommendationsRejected: 'Numărul recomandărilor respinse, cu justificarea scrisă a respingerii',
    recommendationsNotApplicable: 'Numărul recomandărilor care nu se referă la obiectul proiectelor (nu este cazul)',
    recommendationsUnanswered: 'Numărul recomandărilor la care nu s-a răspuns încă',
    recommendationsWithdrawn: 'Numărul recomandărilor retrase de autorii lor',
    debateRequests: 'Numărul cererilor de organizare a unor dezbateri publice',
    debatesHeld: 'Numărul ședințelor publice / dezbaterilor organizate',
    debateParticipants: 'Numărul participanților la ședințele publice / dezbaterile organizate',
    consultationMeetings:
      'Numărul consultărilor cu furnizorii de servicii sociale, asociațiile profesionale și organizațiile beneficiarilor',
    closedMeetings: 'Numărul ședințelor care nu au fost publice și motivele restricționării accesului',
    closedMeetingReasons: 'Motivele restricționării accesului',
  },
  noReasons: 'nu este cazul',
  countsHeading: 'Indicatori',
  draftsHeading: 'Proiectele de acte normative din anul {year}',
  noDrafts: 'Nu au fost anunțate sau adoptate proiecte în acest an.',
  reference: 'Nr. referință',
  draftTitle: 'Titlul proiectului',
  publishedOn: 'Anunțat public la',
  status: 'Stadiu',
  adoptedOn: 'Adoptat la',
  statuses: {
    draft: 'Ciornă',
    in_consultation: 'În consultare publică',
    consultation_closed: 'Consultare încheiată',
    adopted: 'Adoptat',
    withdrawn: 'Retras',
  },
}

export const TRANSPARENCY_LABELS_EN: TransparencyLabels = {
  title: 'Annual decisional-transparency report for {year}',
  authority: 'Public authority',
  year: 'Year',
  code: 'Code',
  indicator: 'Indicator',
  value: 'Value',
  rows: {
    draftsPublished: 'Number of draft regulations announced publicly',
    draftsAdopted: 'Number of draft regulations adopted',
    recommendationsReceived: 'Total number of recommendations received',
    recommendationsAdopted: 'Total number of recommendations included in the draft regulations',
    recommendationsRejected: 'Number of recommendations rejected, with a written justification',
    recommendationsNotApplicable: 'Number of recommendations outside the subject of the drafts (not applicable)',
    recommendationsUnanswered: 'Number of recommendations not answered yet',
    recommendationsWithdrawn: 'Number of recommendations withdrawn by their authors',
    debateRequests: 'Number of requests for a public debate',
    debatesHeld: 'Number of public meetings / debates held',
    debateParticipants: 'Number of participants in the public meetings / debates',
    consultationMeetings:
      'Number of consultations with social-services providers, professional associations and beneficiaries’ organisations',
    closedMeetings: 'Number of meetings that were not public, and the reasons access was restricted',
    closedMeetingReasons: 'Reasons access was restricted',
  },
  noReasons: 'none',
  countsHeading: 'Indicators',
  draftsHeading: 'Draft regulations of {year}',
  noDrafts: 'No drafts were announced or adopted this year.',
  reference: 'Reference',
  draftTitle: 'Title of the draft',
  publishedOn: 'Announced on',
  status: 'Status',
  adoptedOn: 'Adopted on',
  statuses: {
    draft: 'Draft (not published)',
    in_consultation: 'In public consultation',
    consultation_closed: 'Consultation closed',
    adopted: 'Adopted',
    withdrawn: 'Withdrawn',
  },
}

/** A label with "{year}" filled in. */
export function withYear(label: string, year: number): string {
  return label.split('{year}').join(String(year))
}

export const REASON_SEPARATOR = '; '

/** The report as rows: every indicator with its label and its value as text. */
export function transparencyRows(
  counts: TransparencyCounts,
  labels: TransparencyLabels,
): Array<{ key: keyof TransparencyCounts; label: string; value: string }> {
  return TRANSPARENCY_KEYS.map((key) => {
    if (key === 'closedMeetingReasons') {
      const reasons = counts.closedMeetingReasons.map((r) => r.trim()).filter((r) => r !== '')
      return {
        key,
        label: labels.rows[key],
        value: reasons.length > 0 ? reasons.join(REASON_SEPARATOR) : labels.noReasons,
      }
    }
    return { key, label: labels.rows[key], value: String(counts[key]) }
  })
}

const cell = (value: string) => neutraliseFormula(value.trim())

/**
 * The export: a header (authority, year, code, indicator, value), then one record per indicator,
 * with a BOM. The code column holds the key, the same in every language.
 */
export function transparencyCsv(
  counts: TransparencyCounts,
  labels: TransparencyLabels,
  year: number,
  authorityName: string,
): string {
  const header = [labels.authority, labels.year, labels.code, labels.indicator, labels.value].map(cell)
  const records = transparencyRows(counts, labels).map((row) =>
    [authorityName, String(year), row.key, row.label, row.value].map(cell),
  )
  return writeCsv([header, ...records])
}

/** The drafts a report lists: announced or adopted in the year, by announcement date then reference. */
export function draftsOfYear<T extends TransparencyInput['plans'][number]>(plans: readonly T[], year: number): T[] {
  const naturalOrder = new Intl.Collator('ro', { numeric: true })
  const date = (plan: T) =>
    inYear(plan.publishedOn, year) ? plan.publishedOn!.trim() : (plan.decisionDate ?? '').trim()
  return plans
    .filter((p) => inYear(p.publishedOn, year) || inYear(p.decisionDate, year))
    .slice()
    .sort((a, b) => date(a).localeCompare(date(b)) || naturalOrder.compare(a.reference, b.reference))
}
