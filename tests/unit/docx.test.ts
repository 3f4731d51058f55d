import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  buildRecommendationReport,
  REPORT_LABELS_EN,
  REPORT_LABELS_RO,
  type ReportRecommendation,
} from '~/domain/recommendation-report'
import {
  columnWidths,
  recommendationReportDocx,
  renderDocx,
  splitText,
  xmlSafeText,
  type DocModel,
} from '~/services/docx.server'

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes)
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await unzip(bytes)).file(name)
  if (!file) throw new Error(`${name} missing`)
  return file.async('string')
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The visible text of a piece of WordprocessingML: paragraphs and line breaks as "\n". */
function textOf(xml: string): string {
  let out = ''
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += decode(m[1])
    else if (m[0] === '<w:tab/>') out += '\t'
    else out += '\n'
  }
  return out.replace(/\n+$/, '')
}

/** Every table of the document: its rows, each a list of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  )
}

const DIACRITICS = 'Șase țări își împart ăla pâine: ĂÂÎȘȚ ăâîșț'

const MODEL: DocModel = {
  title: 'Planul anual de acțiune – Pângărați',
  subject: 'Consultare publică',
  author: 'Comuna Pângărați',
  language: 'ro',
  blocks: [
    { type: 'heading', level: 1, text: 'Planul anual de acțiune' },
    { type: 'paragraph', text: DIACRITICS, bold: true },
    { type: 'paragraph', text: 'Primul rând\nal doilea rând\n\nUn alt paragraf', italic: true },
    { type: 'paragraph', text: 'Caractere <b>speciale</b> & "ghilimele" \u0001\u000Bcu tab\taici' },
    {
      type: 'table',
      header: ['Serviciul', 'Cod', 'Capacitate'],
      rows: [
        ['Centrul de zi „Speranța”', '8891 CZ-V-II', '30'],
        ['Îngrijire la domiciliu', '8810 ID-I', 'fără\nlimită'],
      ],
      widths: [60, 25, 15],
    },
    { type: 'bullets', items: ['Întâlnire tripartită', 'Raport anual'] },
    { type: 'pageBreak' },
    { type: 'heading', level: 2, text: 'Anexa' },
  ],
  footer: 'Comuna Pângărați – proiect',
}

describe('text helpers', () => {
  it('splits paragraphs on blank lines and lines on line breaks', () => {
    expect(splitText('a\r\nb\n\n\nc\rd\n  \ne')).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    expect(splitText('')).toEqual([])
    expect(splitText('\n\n')).toEqual([])
  })

  it('removes what XML cannot carry', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\tș')).toBe('abc\nde' + 'fg\tș')
    expect(xmlSafeText('emoji 😀 ok')).toBe('emoji 😀 ok')
  })

  it('turns percentages into column widths that fill the text width', () => {
    expect(columnWidths(3, [50, 25, 25], 1000)).toEqual([500, 250, 250])
    expect(columnWidths(2, [1, 3], 1000)).toEqual([250, 750])
    expect(columnWidths(2, [50], 1000)).toEqual([500, 500])
    expect(columnWidths(2, undefined, 1000)).toEqual([500, 500])
    expect(columnWidths(0, undefined, 1000)).toEqual([])
  })
})

describe('renderDocx', () => {
  it('writes a ZIP with the document, styles and core properties', async () => {
    const bytes = await renderDocx(MODEL)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
    const zip = await unzip(bytes)
    expect(zip.file('word/document.xml')).not.toBeNull()
    expect(zip.file('[Content_Types].xml')).not.toBeNull()
    const core = await part(bytes, 'docProps/core.xml')
    expect(core).toContain('<dc:title>Planul anual de acțiune – Pângărați</dc:title>')
    expect(core).toContain('<dc:subject>Consultare publică</dc:subject>')
    expect(core).toContain('<dc:creator>Comuna Pângărați</dc:creator>')
  })

  it('keeps the diacritics, line breaks and paragraphs', async () => {
    const xml = await part(await renderDocx(MODEL), 'word/document.xml')
    const text = textOf(xml)
    expect(text).toContain(DIACRITICS)
    expect(text).toContain('Primul rând\nal doilea rând\nUn alt paragraf')
    // A single line break stays in its paragraph, a blank line starts another.
    expect(xml).toMatch(/Primul rând<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/>[\s\S]*?al doilea rând/)
    expect(xml).toMatch(/al doilea rând<\/w:t><\/w:r><\/w:p><w:p>/)
    expect(text).toContain('Planul anual de acțiune')
    expect(text).toContain('Întâlnire tripartită\nRaport anual')
  })

  it('escapes markup and drops control characters', async () => {
    const xml = await part(await renderDocx(MODEL), 'word/document.xml')
    expect(xml).not.toContain('<b>')
    expect(xml).not.toContain('\u0001')
    expect(xml).not.toContain('\u000B')
    expect(textOf(xml)).toContain('Caractere <b>speciale</b> & "ghilimele" \ncu tab\taici')
  })

  it('writes tables with a repeating header row and the cells', async () => {
    const xml = await part(await renderDocx(MODEL), 'word/document.xml')
    expect(xml).toContain('<w:tblHeader/>')
    expect(tables(xml)).toEqual([
      [
        ['Serviciul', 'Cod', 'Capacitate'],
        ['Centrul de zi „Speranța”', '8891 CZ-V-II', '30'],
        ['Îngrijire la domiciliu', '8810 ID-I', 'fără\nlimită'],
      ],
    ])
    // Only the header row repeats.
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
  })

  it('marks the language on the runs and in the default style', async () => {
    const bytes = await renderDocx(MODEL)
    const xml = await part(bytes, 'word/document.xml')
    expect(xml).toContain('<w:lang w:val="ro-RO"/>')
    expect(xml).not.toContain('en-GB')
    expect(await part(bytes, 'word/styles.xml')).toContain('<w:lang w:val="ro-RO"/>')
    const en = await part(await renderDocx({ ...MODEL, language: 'en' }), 'word/document.xml')
    expect(en).toContain('<w:lang w:val="en-GB"/>')
    expect(en).not.toContain('ro-RO')
  })

  it('uses headings, bullets, a page break and a footer with page numbers', async () => {
    const bytes = await renderDocx(MODEL)
    const xml = await part(bytes, 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:numPr>')
    expect(xml).toContain('<w:br w:type="page"/>')
    const zip = await unzip(bytes)
    const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!
    const footer = await part(bytes, footerName)
    expect(textOf(footer)).toContain('Comuna Pângărați – proiect')
    expect(footer).toContain('PAGE')
    expect(footer).toContain('NUMPAGES')
  })

  it('lays out a portrait A4 page unless asked for landscape', async () => {
    const portrait = await part(await renderDocx(MODEL), 'word/document.xml')
    expect(portrait).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const landscape = await part(await renderDocx({ ...MODEL, orientation: 'landscape' }), 'word/document.xml')
    expect(landscape).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
  })

  it('gives bytes a Response can send', async () => {
    const bytes = await renderDocx(MODEL)
    const response = new Response(bytes)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
  })

  it('renders an empty document', async () => {
    const bytes = await renderDocx({ title: 'Gol', language: 'en', blocks: [] })
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
  })
})

const rec = (n: string, extra: Partial<ReportRecommendation>): ReportRecommendation => ({
  registrationNumber: n,
  submittedOn: '2023-03-10',
  authorLabel: 'Asociația Vecini Buni',
  sectionNumber: 'CAPITOLUL I – A.',
  sectionHeading: 'Servicii sociale existente',
  sectionOrder: 1,
  text: `Textul recomandării ${n}`,
  proposedWording: null,
  answer: 'accepted',
  justification: null,
  hidden: false,
  hiddenReason: null,
  ...extra,
})

const RECS: ReportRecommendation[] = [
  rec('PAS-2023-0004', { answer: 'rejected', justification: 'Nu există fonduri alocate.' }),
  rec('PAS-2023-0001', { proposedWording: 'Centrul funcționează și sâmbăta.' }),
  rec('PAS-2023-0002', {
    sectionNumber: null,
    sectionHeading: null,
    sectionOrder: null,
    answer: 'partially_accepted',
    justification: 'Parțial: doar pentru 2024.',
  }),
  rec('PAS-2023-0003', {
    sectionNumber: 'CAPITOLUL II',
    sectionHeading: 'Informare',
    sectionOrder: 2,
    hidden: true,
    hiddenReason: 'Limbaj ofensator',
    text: 'SECRET-ABUSE',
    proposedWording: 'SECRET-WORDING',
    answer: 'not_applicable',
    justification: 'Conținut eliminat de moderator.',
  }),
  rec('PAS-2023-0005', { answer: null, authorLabel: 'Anonim' }),
]

const INPUT = {
  planTitle: 'Planul anual de acțiune privind serviciile sociale 2024',
  authorityName: 'Consiliul Local Pângărați',
  consultation: { opensOn: '2023-03-01', closesOn: '2023-03-15' },
  report: buildRecommendationReport(RECS),
  labels: REPORT_LABELS_RO,
  language: 'ro' as const,
}

describe('recommendationReportDocx', () => {
  it('describes the report in a landscape document', () => {
    const model = recommendationReportDocx(INPUT)
    expect(model.title).toBe('Raportul recomandărilor – Planul anual de acțiune privind serviciile sociale 2024')
    expect(model.language).toBe('ro')
    expect(model.orientation).toBe('landscape')
    expect(model.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Raportul recomandărilor' })
    expect(JSON.stringify(model)).not.toContain('SECRET')
  })

  it('renders the title, authority, window and the three tables', async () => {
    const bytes = await renderDocx(recommendationReportDocx(INPUT))
    const xml = await part(bytes, 'word/document.xml')
    const text = textOf(xml)
    expect(text).toContain('Raportul recomandărilor')
    expect(text).toContain('Planul anual de acțiune privind serviciile sociale 2024')
    expect(text).toContain('Autoritatea publică: Consiliul Local Pângărați')
    expect(text).toContain('Perioada de consultare: 01.03.2023 – 15.03.2023')
    expect(xml).toContain('<w:lang w:val="ro-RO"/>')
    expect(xml).toContain('w:orient="landscape"')

    const [summary, perSection, full] = tables(xml)
    expect(summary).toEqual([
      ['Răspuns', 'Număr'],
      ['Acceptată', '1'],
      ['Acceptată parțial', '1'],
      ['Respinsă', '1'],
      ['Nu este cazul', '1'],
      ['Fără răspuns', '1'],
      ['Total', '5'],
    ])
    expect(perSection).toEqual([
      ['Secțiunea', 'Acceptată', 'Acceptată parțial', 'Respinsă', 'Nu este cazul', 'Fără răspuns', 'Total'],
      ['Întregul document', '0', '1', '0', '0', '0', '1'],
      ['CAPITOLUL I – A. Servicii sociale existente', '1', '0', '1', '0', '1', '3'],
      ['CAPITOLUL II Informare', '0', '0', '0', '1', '0', '1'],
      ['Total', '1', '1', '1', '1', '1', '5'],
    ])
    expect(full![0]).toEqual(['Nr. înregistrare\nData', 'Autor', 'Secțiunea', 'Recomandarea', 'Răspuns', 'Motivare'])
    expect(full!.slice(1).map((r) => r[0])).toEqual([
      'PAS-2023-0002\n10.03.2023',
      'PAS-2023-0001\n10.03.2023',
      'PAS-2023-0004\n10.03.2023',
      'PAS-2023-0005\n10.03.2023',
      'PAS-2023-0003\n10.03.2023',
    ])
    const row = (n: string) => full!.find((r) => r[0]!.startsWith(n))!
    expect(row('PAS-2023-0001')).toEqual([
      'PAS-2023-0001\n10.03.2023',
      'Asociația Vecini Buni',
      'CAPITOLUL I – A. Servicii sociale existente',
      'Textul recomandării PAS-2023-0001\nFormulare propusă:\nCentrul funcționează și sâmbăta.',
      'Acceptată',
      '',
    ])
    expect(row('PAS-2023-0004')[5]).toBe('Nu există fonduri alocate.')
    expect(row('PAS-2023-0005')[1]).toBe('Anonim')
    expect(row('PAS-2023-0005')[4]).toBe('Fără răspuns')
    expect(row('PAS-2023-0003')[3]).toBe('Ascunsă de moderator: Limbaj ofensator')
    expect(row('PAS-2023-0003')[4]).toBe('Nu este cazul')
    // Only the header row of each table repeats.
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(3)
  })

  it('never puts a hidden text anywhere in the file', async () => {
    const bytes = await renderDocx(recommendationReportDocx({ ...INPUT, report: { ...INPUT.report, rows: RECS } }))
    const zip = await unzip(bytes)
    for (const name of Object.keys(zip.files)) {
      const file = zip.file(name)
      if (file) expect(await file.async('string')).not.toContain('SECRET')
    }
  })

  it('puts the report title and plan in the core properties', async () => {
    const core = await part(await renderDocx(recommendationReportDocx(INPUT)), 'docProps/core.xml')
    expect(core).toContain('<dc:title>Raportul recomandărilor – Planul anual de acțiune')
    expect(core).toContain('<dc:creator>Consiliul Local Pângărați</dc:creator>')
  })

  it('speaks English with the English labels', async () => {
    const xml = await part(
      await renderDocx(recommendationReportDocx({ ...INPUT, labels: REPORT_LABELS_EN, language: 'en' })),
      'word/document.xml',
    )
    const text = textOf(xml)
    expect(text).toContain('Report of recommendations')
    expect(text).toContain('Consultation period: 01.03.2023 – 15.03.2023')
    expect(text).toContain('Partially accepted')
    expect(text).toContain('Hidden by a moderator: Limbaj ofensator')
    expect(xml).toContain('<w:lang w:val="en-GB"/>')
  })

  it('writes the consultation window only when there is one', () => {
    const windowText = (consultation: { opensOn: string; closesOn: string }) =>
      recommendationReportDocx({ ...INPUT, consultation })
        .blocks.filter((b) => b.type === 'paragraph')
        .map((b) => b.text)
        .filter((t) => t.startsWith('Perioada de consultare'))
    expect(windowText({ opensOn: '', closesOn: '' })).toEqual([])
    expect(windowText({ opensOn: '2023-03-01', closesOn: '' })).toEqual(['Perioada de consultare: 01.03.2023 – …'])
  })

  it('says so when no recommendation was received', async () => {
    const xml = await part(
      await renderDocx(recommendationReportDocx({ ...INPUT, report: buildRecommendationReport([]) })),
      'word/document.xml',
    )
    expect(textOf(xml)).toContain('Nu au fost primite recomandări.')
    const [summary, ...rest] = tables(xml)
    expect(summary!.at(-1)).toEqual(['Total', '0'])
    expect(rest).toEqual([])
  })
})
