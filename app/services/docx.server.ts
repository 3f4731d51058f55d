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
 *
 * The WordprocessingML is written here as text, and word/document.xml is streamed into the ZIP
 * writer (app/services/zip.server.ts) a paragraph or a table row at a time, so a report of
 * 10,000 recommendations needs tens of MB, not the gigabyte a document-object library took
 * (docs/decisions/0005-own-docx-writer.md). Calibri 11 pt (10 pt in tables, 8 pt in the footer);
 * styles Heading1–3 (with outline levels, so they are headings to Word, PDF export and screen
 * readers) and ListParagraph; one bulleted list in word/numbering.xml; the footer is the text,
 * then "page / pages" (PAGE, NUMPAGES fields) at a right tab stop.
 */
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
import { clock } from '~/services/clock.server'
import { zip } from '~/services/zip.server'

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
const FOOTER_SIZE = 16 // 8 pt

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

// ---------------------------------------------------------------------------------------------
// WordprocessingML, written as text. Element order inside w:pPr, w:rPr, w:tblPr and w:tcPr
// follows the schema (ECMA-376 part 1), which Word enforces.

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
/** The id by which the section properties refer to the footer. */
const FOOTER_ID = 'rIdFooter'

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Markup characters escaped, for element text and attribute values (the text is XML-safe already). */
function escapeXml(value: string): string {
  return /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!) : value
}

type RunStyle = { bold?: boolean; italic?: boolean; size?: number }

type Context = { lang: string; textWidth: number }

/** The run properties of a style: bold, italic, size, then the language (schema order). */
function runProperties(style: RunStyle, ctx: Context): string {
  let props = ''
  if (style.bold) props += '<w:b/><w:bCs/>'
  if (style.italic) props += '<w:i/><w:iCs/>'
  if (style.size !== undefined) props += `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`
  return `${props}<w:lang w:val="${ctx.lang}"/>`
}

/** The runs of one paragraph: one per line, each after the first starting with a line break; tabs kept. */
function runs(lines: readonly string[], rPr: string): string {
  let xml = ''
  lines.forEach((line, i) => {
    xml += `<w:r><w:rPr>${rPr}</w:rPr>`
    if (i > 0) xml += '<w:br/>'
    line.split('\t').forEach((part, j) => {
      if (j > 0) xml += '<w:tab/>'
      if (part !== '') xml += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`
    })
    xml += '</w:r>'
  })
  return xml
}

/** A paragraph of lines; an empty one keeps the run properties on its mark (its height). */
function paragraph(lines: readonly string[], rPr: string, pPr = ''): string {
  if (lines.length === 0) return `<w:p><w:pPr>${pPr}<w:rPr>${rPr}</w:rPr></w:pPr></w:p>`
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs(lines, rPr)}</w:p>`
}

/** One or more paragraphs for a text (always at least one, empty if the text is). */
function paragraphs(text: string, rPr: string, pPr = ''): string {
  const blocks = splitText(text)
  if (blocks.length === 0) return paragraph([], rPr, pPr)
  let xml = ''
  for (const lines of blocks) xml += paragraph(lines, rPr, pPr)
  return xml
}

/** One paragraph (headings, list items): paragraph breaks in the text become line breaks. */
function singleParagraph(text: string, rPr: string, pPr: string): string {
  return paragraph(splitText(text).flat(), rPr, pPr)
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="808080"'
const TABLE_BORDERS =
  `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
  `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`
const CELL_MARGINS =
  '<w:tcMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>' +
  '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tcMar>'
const HEADER_SHADING = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>'

/**
 * A table, one row at a time: fixed layout, grid widths in twips, grey single borders; the
 * header row shaded, bold, kept on one page and repeated on every page (w:tblHeader); then an
 * empty paragraph, which keeps two tables (or a table and a heading) apart. Nothing when the
 * table has no column.
 */
function* table(block: Extract<DocBlock, { type: 'table' }>, ctx: Context): Generator<string> {
  let columns = block.header.length
  for (const row of block.rows) columns = Math.max(columns, row.length)
  if (columns === 0) return
  const widths = columnWidths(columns, block.widths, ctx.textWidth)
  const total = widths.reduce((a, b) => a + b, 0)
  const bodyRun = runProperties({ size: TABLE_SIZE }, ctx)
  const headerRun = runProperties({ size: TABLE_SIZE, bold: true }, ctx)
  const cellStart = (width: number, header: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${header ? HEADER_SHADING : ''}${CELL_MARGINS}</w:tcPr>`
  const bodyCells = widths.map((w) => cellStart(w, false))
  const headerCells = widths.map((w) => cellStart(w, true))
  const row = (cells: readonly string[], header: boolean) => {
    let xml = header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr>'
    const starts = header ? headerCells : bodyCells
    for (let i = 0; i < columns; i++) {
      xml += `${starts[i]}${paragraphs(cells[i] ?? '', header ? headerRun : bodyRun)}</w:tc>`
    }
    return `${xml}</w:tr>`
  }
  yield (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  )
  if (block.header.length > 0) yield row(block.header, true)
  for (const cells of block.rows) yield row(cells, false)
  yield '</w:tbl><w:p/>'
}

const BULLET = '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'

function* block(block: DocBlock, ctx: Context): Generator<string> {
  switch (block.type) {
    case 'heading':
      yield singleParagraph(
        block.text,
        runProperties({}, ctx),
        `<w:pStyle w:val="Heading${block.level}"/><w:keepNext/>`,
      )
      return
    case 'paragraph':
      yield paragraphs(
        block.text,
        runProperties({ bold: block.bold, italic: block.italic }, ctx),
        '<w:spacing w:after="120"/>',
      )
      return
    case 'bullets': {
      const rPr = runProperties({}, ctx)
      for (const item of block.items) yield singleParagraph(item, rPr, BULLET)
      return
    }
    case 'table':
      yield* table(block, ctx)
      return
    case 'pageBreak':
      yield '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
      return
  }
}

type Page = { landscape: boolean; footer: boolean }

/** word/document.xml, piece by piece: a paragraph, or a table row, at a time. */
function* documentXml(model: DocModel, ctx: Context, page: Page): Generator<string> {
  yield `${XML_DECLARATION}<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>`
  let empty = true
  for (const b of model.blocks) {
    for (const piece of block(b, ctx)) {
      empty = false
      yield piece
    }
  }
  // A body holds at least one paragraph before its section properties.
  if (empty) yield '<w:p/>'
  const size = page.landscape
    ? `<w:pgSz w:w="${A4_HEIGHT}" w:h="${A4_WIDTH}" w:orient="landscape"/>`
    : `<w:pgSz w:w="${A4_WIDTH}" w:h="${A4_HEIGHT}"/>`
  yield (
    '<w:sectPr>' +
    (page.footer ? `<w:footerReference w:type="default" r:id="${FOOTER_ID}"/>` : '') +
    size +
    `<w:pgMar w:top="${MARGIN}" w:right="${MARGIN}" w:bottom="${MARGIN}" w:left="${MARGIN}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>'
  )
}

/** A complex field (PAGE, NUMPAGES): Word and LibreOffice compute its value when laying out. */
function field(instruction: string, rPr: string): string {
  const run = (content: string) => `<w:r><w:rPr>${rPr}</w:rPr>${content}</w:r>`
  return (
    run('<w:fldChar w:fldCharType="begin"/>') +
    run(`<w:instrText xml:space="preserve"> ${instruction} </w:instrText>`) +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:fldChar w:fldCharType="end"/>')
  )
}

/** word/footer1.xml: the text, then at a right tab stop at the text width "page / pages". */
function footerXml(text: string, ctx: Context): string {
  const rPr = runProperties({ size: FOOTER_SIZE }, ctx)
  return (
    `${XML_DECLARATION}<w:ftr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p><w:pPr>` +
    `<w:tabs><w:tab w:val="right" w:pos="${ctx.textWidth}"/></w:tabs><w:spacing w:after="0"/></w:pPr>` +
    runs(splitText(text).flat(), rPr) +
    `<w:r><w:rPr>${rPr}</w:rPr><w:tab/></w:r>` +
    field('PAGE', rPr) +
    `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve"> / </w:t></w:r>` +
    field('NUMPAGES', rPr) +
    '</w:p></w:ftr>'
  )
}

const HEADINGS = [
  { level: 1, size: 32, color: '2E74B5', before: 240, after: 120 },
  { level: 2, size: 26, color: '2E74B5', before: 200, after: 100 },
  { level: 3, size: 24, color: '1F4D78', before: 160, after: 80 },
] as const

/** word/styles.xml: Calibri 11 pt in the document's language; Normal, Heading1–3, ListParagraph. */
function stylesXml(lang: string): string {
  const headings = HEADINGS.map(
    (h) =>
      `<w:style w:type="paragraph" w:styleId="Heading${h.level}"><w:name w:val="heading ${h.level}"/>` +
      '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
      `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${h.before}" w:after="${h.after}"/>` +
      `<w:outlineLvl w:val="${h.level - 1}"/></w:pPr>` +
      `<w:rPr><w:color w:val="${h.color}"/><w:sz w:val="${h.size}"/><w:szCs w:val="${h.size}"/></w:rPr></w:style>`,
  ).join('')
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${NS_W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/>` +
    `<w:sz w:val="${BODY_SIZE}"/><w:szCs w:val="${BODY_SIZE}"/><w:lang w:val="${lang}"/>` +
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>' +
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    headings +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>' +
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>' +
    '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>' +
    '</w:styles>'
  )
}

/** word/numbering.xml: one bulleted list (numId 1), nine levels. */
function numberingXml(): string {
  const levels = Array.from({ length: 9 }, (_, i) => {
    const symbol = i % 2 === 0 ? '•' : '–'
    return (
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${symbol}"/>` +
      `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>`
    )
  }).join('')
  return (
    `${XML_DECLARATION}<w:numbering xmlns:w="${NS_W}"><w:abstractNum w:abstractNumId="0">` +
    `<w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
  )
}

/** word/settings.xml: Word 2013+ layout (compatibility mode 15), so tables sit on the margin. */
function settingsXml(): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="708"/>` +
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>' +
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
    '</w:compat></w:settings>'
  )
}

/** A relationships part: each relationship's id, type (after the officeDocument prefix unless a full URI) and target. */
function relationships(items: ReadonlyArray<readonly [id: string, type: string, target: string]>): string {
  const rels = items.map(([id, type, target]) => {
    const uri = type.startsWith('http') ? type : `${REL}/${type}`
    return `<Relationship Id="${id}" Type="${uri}" Target="${target}"/>`
  })
  return `${XML_DECLARATION}<Relationships xmlns="${NS_RELS}">${rels.join('')}</Relationships>`
}

function contentTypesXml(footer: boolean): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', `${CONTENT_TYPE}.document.main+xml`) +
    override('/word/styles.xml', `${CONTENT_TYPE}.styles+xml`) +
    override('/word/settings.xml', `${CONTENT_TYPE}.settings+xml`) +
    override('/word/numbering.xml', `${CONTENT_TYPE}.numbering+xml`) +
    (footer ? override('/word/footer1.xml', `${CONTENT_TYPE}.footer+xml`) : '') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  )
}

/** docProps/core.xml: title, subject, author, language and dates, which readers show and announce. */
function coreXml(model: DocModel, lang: string, now: Date): string {
  const element = (name: string, value: string | undefined) => {
    const clean = value === undefined ? '' : xmlSafeText(value)
    return clean === '' ? '' : `<${name}>${escapeXml(clean)}</${name}>`
  }
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return (
    `${XML_DECLARATION}<cp:coreProperties ` +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', model.title) +
    element('dc:subject', model.subject) +
    element('dc:creator', model.author) +
    `<dc:language>${lang}</dc:language>` +
    element('cp:lastModifiedBy', model.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  )
}

function appXml(): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>planuri-sociale</Application></Properties>'
  )
}

/**
 * The document model as DOCX bytes. word/document.xml is written a paragraph or table row at a
 * time straight into the compressor (app/services/zip.server.ts), so memory holds the model and
 * the compressed file, never the whole XML: a report of 10,000 recommendations takes tens of MB.
 */
export async function renderDocx(model: DocModel): Promise<Uint8Array<ArrayBuffer>> {
  const landscape = model.orientation === 'landscape'
  const lang = LANGUAGE_TAGS[model.language]
  const ctx: Context = { lang, textWidth: (landscape ? A4_HEIGHT : A4_WIDTH) - 2 * MARGIN }
  const footer = model.footer ? model.footer : null
  const now = clock.now()
  return zip(
    [
      { name: '[Content_Types].xml', content: contentTypesXml(footer !== null) },
      {
        name: '_rels/.rels',
        content: relationships([
          ['rId1', 'officeDocument', 'word/document.xml'],
          ['rId2', `${NS_RELS}/metadata/core-properties`, 'docProps/core.xml'],
          ['rId3', 'extended-properties', 'docProps/app.xml'],
        ]),
      },
      { name: 'docProps/core.xml', content: coreXml(model, lang, now) },
      { name: 'docProps/app.xml', content: appXml() },
      { name: 'word/document.xml', content: documentXml(model, ctx, { landscape, footer: footer !== null }) },
      {
        name: 'word/_rels/document.xml.rels',
        content: relationships([
          ['rId1', 'styles', 'styles.xml'],
          ['rId2', 'settings', 'settings.xml'],
          ['rId3', 'numbering', 'numbering.xml'],
          ...(footer === null ? [] : [[FOOTER_ID, 'footer', 'footer1.xml'] as const]),
        ]),
      },
      { name: 'word/styles.xml', content: stylesXml(lang) },
      { name: 'word/settings.xml', content: settingsXml() },
      { name: 'word/numbering.xml', content: numberingXml() },
      ...(footer === null ? [] : [{ name: 'word/footer1.xml', content: footerXml(footer, ctx) }]),
    ],
    now,
  )
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
