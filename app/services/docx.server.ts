/**
 * Word documents (DOCX) from a small, language-free document model: headings, paragraphs,
 * tables, bulleted lists and page breaks. Used for the report of recommendations and, later,
 * the adopted plan and the annual decisional-transparency report.
 *
 * What every document gets:
 * - A4 pages (portrait, or landscape for wide tables), 2 cm margins;
 * - the language on every run and in the default style (ro-RO / en-GB), so Word spell-checks in
 *   the right language;
 * - the title (and subject, author) in the core properties, which screen readers announce;
 * - tables whose first row is marked as a header row repeated on every page (w:tblHeader);
 * - text with line breaks kept: a blank line starts a new paragraph, a single line break is a
 *   line break inside the paragraph;
 * - characters XML cannot carry (control characters pasted from other programs) removed, so the
 *   file always opens.
 */
import {
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx'
import { formatDate } from '~/domain/dates'
import {
  ANSWER_COLUMNS,
  answerLabel,
  publicProposedWording,
  publicRecommendationText,
  sectionLabel,
  type AnswerCounts,
  type RecommendationReport,
  type ReportLabels,
} from '~/domain/recommendation-report'

export type DocBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; bold?: boolean; italic?: boolean }
  /** widths in percent of the text width, one per column (normalised if they do not add up to 100) */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { type: 'bullets'; items: string[] }
  | { type: 'pageBreak' }

export type DocModel = {
  title: string
  subject?: string
  /** the author in the core properties (e.g. the authority) */
  author?: string
  language: 'ro' | 'en'
  /** portrait unless said otherwise */
  orientation?: 'portrait' | 'landscape'
  blocks: DocBlock[]
  /** a line at the foot of every page, followed by "page / pages" */
  footer?: string
}

// A4 in twentieths of a point; 2 cm margins.
const A4_WIDTH = 11906
const A4_HEIGHT = 16838
const MARGIN = 1134
const FONT = 'Calibri'
const BODY_SIZE = 22 // half-points: 11 pt
const TABLE_SIZE = 20 // 10 pt

const LANGUAGE_TAGS = { ro: 'ro-RO', en: 'en-GB' } as const

/**
 * Removes what XML 1.0 cannot hold (C0 controls other than tab and line ends, lone surrogates,
 * U+FFFE/U+FFFF); a vertical tab or form feed (Word's manual line break when copied) becomes a
 * line break.
 */
export function xmlSafeText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u000B\u000C]/g, '\n')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  )
}

/** Paragraphs of a text: separated by blank lines; each a list of lines. */
export function splitText(value: string): string[][] {
  const normalised = xmlSafeText(value).replace(/\r\n?/g, '\n')
  const paragraphs = normalised
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
  return paragraphs.map((p) => p.split('\n'))
}

type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }

type Context = { lang: string; textWidth: number }

/** The runs of one paragraph: its lines separated by line breaks, tabs kept as tabs. */
function runs(lines: readonly string[], ctx: Context, style: RunStyle): TextRun[] {
  return lines.map((line, i) => {
    const parts = line.split('\t')
    const children: Array<string | Tab> = []
    parts.forEach((part, j) => {
      if (j > 0) children.push(new Tab())
      if (part !== '') children.push(part)
    })
    return new TextRun({
      children,
      break: i > 0 ? 1 : undefined,
      language: { value: ctx.lang },
      ...style,
    })
  })
}

/** One or more paragraphs for a text (always at least one, empty if the text is). */
function paragraphs(text: string, ctx: Context, style: RunStyle, options: ParagraphOptions = {}): Paragraph[] {
  const blocks = splitText(text)
  if (blocks.length === 0) return [new Paragraph({ ...options, children: runs([''], ctx, style) })]
  return blocks.map((lines) => new Paragraph({ ...options, children: runs(lines, ctx, style) }))
}

/** One paragraph (headings, list items): paragraph breaks in the text become line breaks. */
function singleParagraph(text: string, ctx: Context, style: RunStyle, options: ParagraphOptions): Paragraph {
  const lines = splitText(text).flat()
  return new Paragraph({ ...options, children: runs(lines.length > 0 ? lines : [''], ctx, style) })
}

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const TABLE_BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
}
const CELL_MARGINS = { top: 57, bottom: 57, left: 85, right: 85 }

/** Column widths in twips from percentages (equal columns when none or the wrong number given). */
export function columnWidths(columns: number, widths: readonly number[] | undefined, textWidth: number): number[] {
  if (columns <= 0) return []
  const valid =
    widths !== undefined &&
    widths.length === columns &&
    widths.every((w) => Number.isFinite(w) && w > 0) &&
    widths.reduce((a, b) => a + b, 0) > 0
  const percents = valid ? widths : Array.from({ length: columns }, () => 1)
  const sum = percents.reduce((a, b) => a + b, 0)
  return percents.map((p) => Math.floor((textWidth * p) / sum))
}

function table(block: Extract<DocBlock, { type: 'table' }>, ctx: Context): Table | null {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 0)
  if (columns === 0) return null
  const widths = columnWidths(columns, block.widths, ctx.textWidth)
  const cellStyle: RunStyle = { size: TABLE_SIZE }
  const makeRow = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: header || undefined,
      children: widths.map(
        (width, i) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: CELL_MARGINS,
            shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
            children: paragraphs(cells[i] ?? '', ctx, header ? { ...cellStyle, bold: true } : cellStyle),
          }),
      ),
    })
  const rows = [
    ...(block.header.length > 0 ? [makeRow(block.header, true)] : []),
    ...block.rows.map((r) => makeRow(r, false)),
  ]
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  })
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

function blockElements(block: DocBlock, ctx: Context): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [singleParagraph(block.text, ctx, {}, { heading: HEADING_LEVELS[block.level], keepNext: true })]
    case 'paragraph':
      return paragraphs(block.text, ctx, { bold: block.bold, italics: block.italic }, { spacing: { after: 120 } })
    case 'bullets':
      return block.items.map((item) => singleParagraph(item, ctx, {}, { bullet: { level: 0 } }))
    case 'table': {
      const t = table(block, ctx)
      // An empty paragraph after a table keeps two tables (or a table and a heading) apart.
      return t ? [t, new Paragraph({ children: [] })] : []
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
  }
}

function footer(text: string, ctx: Context): Footer {
  const lines = splitText(text).flat()
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidth }],
        children: [
          ...runs(lines, ctx, { size: 16 }),
          new TextRun({
            children: [new Tab(), PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
            size: 16,
            language: { value: ctx.lang },
          }),
        ],
      }),
    ],
  })
}

/** The document model as DOCX bytes. */
export async function renderDocx(model: DocModel): Promise<Uint8Array<ArrayBuffer>> {
  const landscape = model.orientation === 'landscape'
  const lang = LANGUAGE_TAGS[model.language]
  const ctx: Context = { lang, textWidth: (landscape ? A4_HEIGHT : A4_WIDTH) - 2 * MARGIN }
  const clean = (value: string | undefined) => (value === undefined ? undefined : xmlSafeText(value))
  const document = new Document({
    title: clean(model.title),
    subject: clean(model.subject),
    creator: clean(model.author) ?? '',
    lastModifiedBy: clean(model.author) ?? '',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: lang } },
          paragraph: { spacing: { after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: {
              width: A4_WIDTH,
              height: A4_HEIGHT,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: model.footer ? { default: footer(model.footer, ctx) } : undefined,
        children: model.blocks.flatMap((b) => blockElements(b, ctx)),
      },
    ],
  })
  // Over a plain ArrayBuffer (not a Node Buffer's pool), so it is a valid Response body.
  return new Uint8Array(await Packer.toArrayBuffer(document))
}

function countsRow(first: string, counts: AnswerCounts): string[] {
  return [first, ...ANSWER_COLUMNS.map((c) => String(counts[c])), String(counts.all)]
}

/** "Perioada de consultare: 01.03.2023 – 15.03.2023"; nothing when the plan was never opened. */
function consultationWindow(period: { opensOn: string; closesOn: string }, labels: ReportLabels): DocBlock[] {
  const opens = period.opensOn.trim()
  const closes = period.closesOn.trim()
  if (opens === '' && closes === '') return []
  const date = (d: string) => (d === '' ? '…' : formatDate(d))
  return [{ type: 'paragraph', text: `${labels.consultationWindow}: ${date(opens)} – ${date(closes)}` }]
}

/**
 * The report of recommendations as a document: title, plan, authority and consultation window;
 * the count of each answer; the count per section; then every recommendation with its answer.
 * A hidden recommendation shows the moderator's public reason, never its text.
 */
export function recommendationReportDocx(input: {
  planTitle: string
  authorityName: string
  consultation: { opensOn: string; closesOn: string }
  report: RecommendationReport
  labels: ReportLabels
  language: 'ro' | 'en'
}): DocModel {
  const { planTitle, authorityName, consultation, report, labels, language } = input
  const blocks: DocBlock[] = [
    { type: 'heading', level: 1, text: labels.reportTitle },
    { type: 'paragraph', text: planTitle, bold: true },
    { type: 'paragraph', text: `${labels.authority}: ${authorityName}` },
    ...consultationWindow(consultation, labels),
    { type: 'heading', level: 2, text: labels.summaryHeading },
    {
      type: 'table',
      header: [labels.answer, labels.count],
      rows: [
        ...ANSWER_COLUMNS.map((c) => [labels.answers[c], String(report.totals[c])]),
        [labels.total, String(report.totals.all)],
      ],
      widths: [70, 30],
    },
    { type: 'heading', level: 2, text: labels.perSectionHeading },
  ]
  if (report.rows.length === 0) {
    blocks.push({ type: 'paragraph', text: labels.noRecommendations, italic: true })
  } else {
    blocks.push({
      type: 'table',
      header: [labels.section, ...ANSWER_COLUMNS.map((c) => labels.answers[c]), labels.total],
      rows: [
        ...report.perSection.map((s) => countsRow(sectionLabel(s, labels), s.counts)),
        countsRow(labels.total, report.totals),
      ],
      widths: [34, 11, 11, 11, 11, 11, 11],
    })
  }
  blocks.push({ type: 'heading', level: 2, text: labels.recommendationsHeading })
  if (report.rows.length === 0) {
    blocks.push({ type: 'paragraph', text: labels.noRecommendations, italic: true })
  } else {
    blocks.push({
      type: 'table',
      header: [
        `${labels.registrationNumber}\n${labels.date}`,
        labels.author,
        labels.section,
        labels.recommendation,
        labels.answer,
        labels.justification,
      ],
      rows: report.rows.map((row) => {
        const wording = publicProposedWording(row)
        const recommendation = publicRecommendationText(row, labels)
        return [
          `${row.registrationNumber}\n${formatDate(row.submittedOn)}`,
          row.authorLabel,
          sectionLabel(row, labels),
          wording === null ? recommendation : `${recommendation}\n\n${labels.proposedWording}:\n${wording}`,
          answerLabel(row.answer, labels),
          row.justification ?? '',
        ]
      }),
      widths: [11, 13, 13, 33, 10, 20],
    })
  }
  return {
    title: `${labels.reportTitle} – ${planTitle}`,
    subject: planTitle,
    author: authorityName,
    language,
    orientation: 'landscape',
    blocks,
    footer: `${authorityName} – ${labels.reportTitle}`,
  }
}
