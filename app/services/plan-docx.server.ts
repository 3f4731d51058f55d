/**
 * Word documents of a plan and of the annual decisional-transparency report, as DocModels for
 * renderDocx (app/services/docx.server.ts).
 *
 * The plan: its title block (authority, title, "Proiect" or the adopting decision), its sections
 * in order, and the section the model plan leaves blank, "Procesul-verbal/Minuta consultării …
 * din data de ……" (Law 292/2011, art. 112(3)(b)), filled in from the recorded minutes: one
 * sentence per record (kind, date, place, organisations with their category), its conclusions
 * and the link to it, then the count of recommendations and the link to their report.
 *
 * Where the minutes go, in order of preference:
 * 1. the plan's own section whose heading names them (/proces(ul)?-verbal|minuta consult/i): its
 *    text is replaced, its number and level kept (and its heading, unless the heading itself
 *    holds the blanks "……", "____" or "nu este cazul", when the standard heading is used);
 * 2. the paragraph of a section that starts with them and is left blank (real plans have it as
 *    an item of the preamble: "7. Procesul-verbal/minuta consultării … din data de _____ nu este
 *    cazul."): the paragraph is replaced in place, its item number kept;
 * 3. otherwise a section of its own at the end.
 * Either way the minutes appear once.
 *
 * Section text is plain text (extracted from Word): a blank line starts a new paragraph; a run of
 * two or more lines holding TAB characters is a table (Word's table rows), its first line the
 * header; a single such line stays a paragraph with its tabs (a numbered item or a signature
 * line, not a table).
 */
import type { ParticipantCategory } from '~/domain/minutes-rules'
import { formatDate } from '~/domain/dates'
import {
  draftsOfYear,
  transparencyRows,
  withYear,
  type TransparencyCounts,
  type TransparencyInput,
  type TransparencyLabels,
} from '~/domain/transparency-report'
import type { DocBlock, DocModel } from './docx.server'

type Language = 'ro' | 'en'

export type { ParticipantCategory }

export type PlanDocInput = {
  language: Language
  authorityName: string
  title: string
  kind: 'annual_action_plan' | 'strategy' | 'draft_decision' | 'other'
  year: number
  versionNumber: number
  /** null: not adopted yet (a draft export says "Proiect") */
  decision: { number: string; date: string /* YYYY-MM-DD */; body: string } | null
  /** text: plain text; runs of lines containing TAB characters are table rows */
  sections: Array<{ number: string | null; heading: string; level: number; text: string }>
  minutes: Array<{
    kind: 'consultation' | 'public_debate' | 'tripartite_meeting' | 'other_meeting'
    title: string
    /** YYYY-MM-DD */
    date: string
    place: string | null
    onlineUrl: string | null
    participants: Array<{ organisationName: string; category: ParticipantCategory; persons: string[] }>
    summary: string
    conclusions: string
    /** public page of the minutes */
    url: string
  }>
  /** the report of recommendations */
  reportUrl: string | null
  recommendationCounts: {
    received: number
    accepted: number
    partiallyAccepted: number
    rejected: number
    notApplicable: number
  } | null
}

type Minutes = PlanDocInput['minutes'][number]

type Words = {
  draft: string
  adopted: (body: string, number: string, date: string) => string
  minutesHeading: string
  kinds: Record<Minutes['kind'], string>
  /** "din data de 12.01.2023" */
  onDate: (date: string) => string
  /** "organizată la …", "organizată online", or just "organizată" */
  heldAt: (place: string | null, online: boolean) => string
  /** before the list of organisations */
  with: string
  categories: Record<ParticipantCategory, string>
  conclusions: string
  fullText: string
  noMinutes: string
  recommendations: (c: NonNullable<PlanDocInput['recommendationCounts']>) => string
  reportLink: string
  kindTitles: Record<PlanDocInput['kind'], string>
  version: (n: number) => string
}

/** A place already written with its preposition ("în sala …", "at the town hall") keeps it. */
const RO_PREPOSITION = /^(la|în|in|pe|prin)\s/i
const EN_PREPOSITION = /^(at|in|on|by|via)\s/i

const WORDS: Record<Language, Words> = {
  ro: {
    draft: 'Proiect',
    adopted: (body, number, date) => `Adoptat prin ${body} nr. ${number} / ${date}`,
    minutesHeading: 'Procesul-verbal/Minuta consultării',
    kinds: {
      consultation: 'Procesul-verbal al consultării',
      public_debate: 'Minuta dezbaterii publice',
      tripartite_meeting: 'Procesul-verbal al întâlnirii',
      other_meeting: 'Procesul-verbal al întâlnirii',
    },
    onDate: (date) => `din data de ${date}`,
    heldAt: (place, online) => {
      const where = place === null ? '' : RO_PREPOSITION.test(place) ? place : `la ${place}`
      if (where === '') return online ? 'organizată online' : 'organizată'
      return online ? `organizată ${where} și online` : `organizată ${where}`
    },
    with: 'cu',
    categories: {
      public_provider: 'furnizor public de servicii sociale',
      private_provider: 'furnizor privat de servicii sociale',
      professional_association: 'asociație profesională',
      beneficiaries_organisation: 'organizație a beneficiarilor',
      volunteer_organisation: 'organizație de voluntariat',
      other: 'altă organizație',
    },
    conclusions: 'Concluzii',
    fullText: 'Textul integral',
    noMinutes: 'Procesul-verbal al consultării nu a fost încă înregistrat.',
    recommendations: (c) =>
      c.received === 0
        ? 'În consultarea publică nu au fost primite recomandări.'
        : `Recomandări primite în consultarea publică: ${c.received} (${answerParts(c, {
            accepted: 'acceptate',
            partiallyAccepted: 'acceptate parțial',
            rejected: 'respinse',
            notApplicable: 'nu este cazul',
            unanswered: 'fără răspuns',
          })}).`,
    reportLink: 'Raportul recomandărilor',
    kindTitles: {
      annual_action_plan: 'Planul anual de acțiune privind serviciile sociale',
      strategy: 'Strategia de dezvoltare a serviciilor sociale',
      draft_decision: 'Proiect de hotărâre',
      other: 'Document supus consultării publice',
    },
    version: (n) => `versiunea ${n}`,
  },
  en: {
    draft: 'Draft',
    adopted: (body, number, date) => `Adopted by ${body} no. ${number} of ${date}`,
    minutesHeading: 'Minutes of the consultation',
    kinds: {
      consultation: 'Minutes of the consultation',
      public_debate: 'Minutes of the public debate',
      tripartite_meeting: 'Minutes of the meeting',
      other_meeting: 'Minutes of the meeting',
    },
    onDate: (date) => `of ${date}`,
    heldAt: (place, online) => {
      const where = place === null ? '' : EN_PREPOSITION.test(place) ? place : `at ${place}`
      if (where === '') return online ? 'held online' : 'held'
      return online ? `held ${where} and online` : `held ${where}`
    },
    with: 'with',
    categories: {
      public_provider: 'public social-services provider',
      private_provider: 'private social-services provider',
      professional_association: 'professional association',
      beneficiaries_organisation: 'beneficiaries’ organisation',
      volunteer_organisation: 'volunteer organisation',
      other: 'other organisation',
    },
    conclusions: 'Conclusions',
    fullText: 'Full text',
    noMinutes: 'The minutes of the consultation have not been recorded yet.',
    recommendations: (c) =>
      c.received === 0
        ? 'No recommendations were received in the public consultation.'
        : `Recommendations received in the public consultation: ${c.received} (${answerParts(c, {
            accepted: 'accepted',
            partiallyAccepted: 'partially accepted',
            rejected: 'rejected',
            notApplicable: 'not applicable',
            unanswered: 'not answered',
          })}).`,
    reportLink: 'Report of recommendations',
    kindTitles: {
      annual_action_plan: 'Annual action plan for social services',
      strategy: 'Social-services development strategy',
      draft_decision: 'Draft council decision',
      other: 'Document under public consultation',
    },
    version: (n) => `version ${n}`,
  },
}

/** "acceptate: 5; acceptate parțial: 2; …", with "not answered" only when some are. */
function answerParts(
  c: NonNullable<PlanDocInput['recommendationCounts']>,
  words: Record<'accepted' | 'partiallyAccepted' | 'rejected' | 'notApplicable' | 'unanswered', string>,
): string {
  const unanswered = c.received - c.accepted - c.partiallyAccepted - c.rejected - c.notApplicable
  const parts = [
    `${words.accepted}: ${c.accepted}`,
    `${words.partiallyAccepted}: ${c.partiallyAccepted}`,
    `${words.rejected}: ${c.rejected}`,
    `${words.notApplicable}: ${c.notApplicable}`,
  ]
  if (unanswered > 0) parts.push(`${words.unanswered}: ${unanswered}`)
  return parts.join('; ')
}

/** Text on one line, without surrounding blanks. */
const oneLine = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim()

/**
 * The sentence of one minutes record, e.g. "Procesul-verbal al consultării din data de
 * 12.01.2023, organizată la Sala de ședințe a Primăriei cu: Asociația Vârstnici Activi Pângărați
 * (organizație a beneficiarilor), Fundația Casa cu Suflet (furnizor privat de servicii sociale)."
 * Organisations only (the persons are in the minutes themselves), each once, in the order given.
 */
export function minutesSentence(m: Minutes, language: Language): string {
  const words = WORDS[language]
  const place = oneLine(m.place)
  const online = oneLine(m.onlineUrl) !== ''
  const seen = new Set<string>()
  const organisations: string[] = []
  for (const p of m.participants) {
    const name = oneLine(p.organisationName)
    if (name === '') continue
    const key = `${name.toLocaleLowerCase(language)}\u0000${p.category}`
    if (seen.has(key)) continue
    seen.add(key)
    organisations.push(`${name} (${words.categories[p.category]})`)
  }
  let sentence = `${words.kinds[m.kind]} ${words.onDate(formatDate(m.date.trim()))}, ${words.heldAt(place === '' ? null : place, online)}`
  if (organisations.length > 0) sentence += ` ${words.with}: ${organisations.join(', ')}`
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}

/** The blocks of the minutes: per record its sentence, conclusions and link; then the counts. */
function minutesBlocks(input: PlanDocInput, firstPrefix: string): DocBlock[] {
  const words = WORDS[input.language]
  const blocks: DocBlock[] = []
  const records = input.minutes
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.date.trim().localeCompare(b.m.date.trim()) || a.index - b.index)
    .map(({ m }) => m)
  if (records.length === 0) blocks.push({ type: 'paragraph', text: words.noMinutes, italic: true })
  for (const m of records) {
    blocks.push({ type: 'paragraph', text: minutesSentence(m, input.language) })
    const conclusions = m.conclusions.trim()
    if (conclusions !== '') blocks.push({ type: 'paragraph', text: `${words.conclusions}: ${conclusions}` })
    const url = m.url.trim()
    if (url !== '') blocks.push({ type: 'paragraph', text: `${words.fullText}: ${url}` })
  }
  const lines: string[] = []
  if (input.recommendationCounts) lines.push(words.recommendations(input.recommendationCounts))
  const reportUrl = (input.reportUrl ?? '').trim()
  if (reportUrl !== '') lines.push(`${words.reportLink}: ${reportUrl}`)
  if (lines.length > 0) blocks.push({ type: 'paragraph', text: lines.join('\n') })
  const first = blocks[0]
  if (firstPrefix !== '' && first?.type === 'paragraph') blocks[0] = { ...first, text: firstPrefix + first.text }
  return blocks
}

/** The heading of a plan's section naming the minutes. */
export const MINUTES_HEADING = /proces(ul)?-verbal|minuta consult/i
/** A paragraph that is the model plan's minutes line; group 1 is its item number ("7. "). */
const MINUTES_PARAGRAPH =
  /^\s*((?:\d+(?:\.\d+)*|[a-z]|[IVX]+)[.)]\s*)?(?:proces(?:ul)?[- ]verbal\s*\/\s*minuta|proces(?:ul)?[- ]verbal|minuta)\s+(?:al\s+|a\s+)?consult/i
/** Blanks left to fill in, or "nu este cazul" where the minutes should be. */
const BLANKS = /\.{3,}|…|_{2,}|\bnu este cazul\b/i

type TextHooks = {
  /** the blocks replacing a paragraph, or null to keep it */
  replaceParagraph?: (lines: string[]) => DocBlock[] | null
}

/** Cells of a table row: split on tabs, trimmed, trailing empty cells dropped. */
function rowCells(line: string): string[] {
  const cells = line.split('\t').map((c) => c.trim())
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  return cells
}

/** A section's plain text as paragraphs and tables. */
export function textBlocks(text: string, hooks: TextHooks = {}): DocBlock[] {
  const blocks: DocBlock[] = []
  let paragraph: string[] = []
  let rows: string[] = []
  const flushParagraph = () => {
    const lines = paragraph
    paragraph = []
    if (lines.every((l) => l.trim() === '')) return
    const replaced = hooks.replaceParagraph?.(lines) ?? null
    if (replaced) blocks.push(...replaced)
    else blocks.push({ type: 'paragraph', text: lines.join('\n') })
  }
  const flushTable = () => {
    const lines = rows
    rows = []
    if (lines.length === 0) return
    if (lines.length === 1) {
      blocks.push({ type: 'paragraph', text: lines[0]!.trim() })
      return
    }
    const [header, ...body] = lines.map(rowCells)
    blocks.push({ type: 'table', header: header!, rows: body })
  }
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const blank = line.trim() === ''
    if (line.includes('\t') && !blank) {
      flushParagraph()
      rows.push(line)
    } else if (blank) {
      // A line of tabs only inside a table is an empty row: dropped, the table goes on.
      if (rows.length > 0 && line.includes('\t')) continue
      flushTable()
      flushParagraph()
    } else {
      flushTable()
      paragraph.push(line)
    }
  }
  flushTable()
  flushParagraph()
  return blocks
}

function sectionHeading(
  section: { number: string | null; heading: string; level: number },
  text: string = section.heading,
): DocBlock[] {
  const line = [section.number, text]
    .map((p) => oneLine(p))
    .filter((p) => p !== '')
    .join(' ')
  if (line === '') return []
  if (section.level <= 1) return [{ type: 'heading', level: 2, text: line }]
  if (section.level === 2) return [{ type: 'heading', level: 3, text: line }]
  return [{ type: 'paragraph', text: line, bold: true }]
}

/**
 * The plan as a document: title block, sections, and the consultation minutes filled in (in the
 * plan's own minutes section or paragraph, or at the end).
 */
export function planDocModel(input: PlanDocInput): DocModel {
  const words = WORDS[input.language]
  const authority = oneLine(input.authorityName)
  const title = oneLine(input.title)
  const decision = input.decision
  const status = decision
    ? words.adopted(oneLine(decision.body), oneLine(decision.number), formatDate(decision.date.trim()))
    : words.draft
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: authority, bold: true },
    { type: 'heading', level: 1, text: title },
    decision ? { type: 'paragraph', text: status, italic: true } : { type: 'paragraph', text: status, bold: true },
  ]

  const headingIndex = input.sections.findIndex((s) => MINUTES_HEADING.test(s.heading))
  let placed = false
  input.sections.forEach((section, i) => {
    if (i === headingIndex) {
      const heading = BLANKS.test(section.heading) ? words.minutesHeading : section.heading
      blocks.push(...sectionHeading(section, heading), ...minutesBlocks(input, ''))
      placed = true
      return
    }
    blocks.push(...sectionHeading(section))
    blocks.push(
      ...textBlocks(section.text, {
        replaceParagraph: (lines) => {
          if (placed || headingIndex >= 0) return null
          const match = MINUTES_PARAGRAPH.exec(lines[0] ?? '')
          const whole = lines.join(' ')
          if (!match || !(BLANKS.test(whole) || /din data de/i.test(whole))) return null
          placed = true
          return minutesBlocks(input, match[1] ? `${match[1].trim()} ` : '')
        },
      }),
    )
  })
  if (!placed) {
    blocks.push({ type: 'heading', level: 2, text: words.minutesHeading }, ...minutesBlocks(input, ''))
  }

  return {
    title,
    subject: `${words.kindTitles[input.kind]} – ${input.year}`,
    author: authority,
    language: input.language,
    blocks,
    footer: `${authority} – ${title} – ${decision ? words.version(input.versionNumber) : `${words.draft}, ${words.version(input.versionNumber)}`}`,
  }
}

/**
 * The annual decisional-transparency report as a document: title and authority, the table of
 * indicators, then the drafts of the year (announced or adopted in it).
 */
export function transparencyDocModel(input: {
  counts: TransparencyCounts
  labels: TransparencyLabels
  year: number
  authorityName: string
  language: Language
  plans: TransparencyInput['plans']
}): DocModel {
  const { counts, labels, year, language } = input
  const authorityName = oneLine(input.authorityName)
  const title = withYear(labels.title, year)
  const drafts = draftsOfYear(input.plans, year)
  const date = (value: string | null) => (value === null || value.trim() === '' ? '' : formatDate(value.trim()))
  const blocks: DocBlock[] = [
    { type: 'heading', level: 1, text: title },
    { type: 'paragraph', text: `${labels.authority}: ${authorityName}` },
    { type: 'heading', level: 2, text: labels.countsHeading },
    {
      type: 'table',
      header: [labels.indicator, labels.value],
      rows: transparencyRows(counts, labels).map((row) => [row.label, row.value]),
      widths: [75, 25],
    },
    { type: 'heading', level: 2, text: withYear(labels.draftsHeading, year) },
    drafts.length === 0
      ? { type: 'paragraph', text: labels.noDrafts, italic: true }
      : {
          type: 'table',
          header: [labels.reference, labels.draftTitle, labels.publishedOn, labels.status, labels.adoptedOn],
          rows: drafts.map((p) => [
            p.reference,
            p.title,
            date(p.publishedOn),
            labels.statuses[p.status],
            date(p.decisionDate),
          ]),
          widths: [15, 43, 14, 14, 14],
        },
  ]
  return {
    title,
    subject: title,
    author: authorityName,
    language,
    blocks,
    footer: `${authorityName} – ${title}`,
  }
}
