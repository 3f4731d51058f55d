import { inflateRawSync } from 'node:zlib'
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
import { tableCrc32 } from '~/services/zip.server'

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

type ZipRecord = { name: string; crc: number; size: number; compressedSize: number; data: Uint8Array }

/** The entries of a ZIP read from its central directory, checked against their local headers. */
function zipEntries(bytes: Uint8Array): ZipRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.byteLength - 22
  expect(view.getUint32(end, true)).toBe(0x06054b50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  expect(at + view.getUint32(end + 12, true)).toBe(end)
  const records: ZipRecord[] = []
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = view.getUint16(at + 28, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    const crc = view.getUint32(at + 16, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const local = view.getUint32(at + 42, true)
    expect(view.getUint32(local, true)).toBe(0x04034b50)
    expect(view.getUint16(local + 8, true)).toBe(8)
    expect(view.getUint32(local + 14, true)).toBe(crc)
    expect(view.getUint32(local + 18, true)).toBe(compressedSize)
    expect(view.getUint32(local + 22, true)).toBe(size)
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    records.push({ name, crc, size, compressedSize, data: bytes.subarray(dataAt, dataAt + compressedSize) })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return records
}

describe('the DOCX file', () => {
  it('is a ZIP whose every entry has the right CRC-32 and sizes, [Content_Types].xml first', async () => {
    const bytes = await renderDocx(MODEL)
    const entries = zipEntries(bytes)
    expect(entries[0]!.name).toBe('[Content_Types].xml')
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/footer1.xml',
        'word/numbering.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    )
    for (const entry of entries) {
      const content = inflateRawSync(entry.data)
      expect(content.length).toBe(entry.size)
      expect(tableCrc32(content)).toBe(entry.crc)
    }
    await expect(JSZip.loadAsync(bytes, { checkCRC32: true })).resolves.toBeDefined()
  })

  it('declares and relates every part', async () => {
    const bytes = await renderDocx(MODEL)
    const types = await part(bytes, '[Content_Types].xml')
    for (const name of ['document', 'styles', 'settings', 'numbering', 'footer1']) {
      expect(types).toContain(`PartName="/word/${name}.xml"`)
    }
    expect(types).toContain('PartName="/docProps/core.xml"')
    expect(await part(bytes, '_rels/.rels')).toContain('Target="word/document.xml"')
    const rels = await part(bytes, 'word/_rels/document.xml.rels')
    const xml = await part(bytes, 'word/document.xml')
    const footerId = /<w:footerReference w:type="default" r:id="([^"]+)"\/>/.exec(xml)?.[1]
    expect(rels).toContain(
      `Id="${footerId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"`,
    )
    expect(rels).toContain('Target="styles.xml"')
    expect(rels).toContain('Target="numbering.xml"')
    // Without a footer, neither the part nor a reference to it.
    const plain = await renderDocx({ ...MODEL, footer: undefined })
    expect((await unzip(plain)).file('word/footer1.xml')).toBeNull()
    expect(await part(plain, 'word/document.xml')).not.toContain('footerReference')
    expect(await part(plain, '[Content_Types].xml')).not.toContain('footer')
  })

  it('writes the page, fonts, headings and bullets the documents promise', async () => {
    const bytes = await renderDocx(MODEL)
    const xml = await part(bytes, 'word/document.xml')
    expect(xml).toContain(
      '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/>',
    )
    expect(xml).toContain('<w:pPr><w:pStyle w:val="Heading1"/><w:keepNext/></w:pPr>')
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>/)
    const styles = await part(bytes, 'word/styles.xml')
    expect(styles).toContain('<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>')
    expect(styles).toContain('<w:sz w:val="22"/>')
    for (const level of [1, 2, 3]) {
      expect(styles).toMatch(
        new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?<w:keepNext/>.*?</w:style>`),
      )
    }
    const numbering = await part(bytes, 'word/numbering.xml')
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>')
    expect(numbering).toContain('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
  })

  it('writes tables with fixed layout, grid widths, grey borders, cell margins and a shaded header', async () => {
    const xml = await part(await renderDocx(MODEL), 'word/document.xml')
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0]
    // 60/25/15 % of the portrait text width (11906 − 2 × 1134 = 9638 twips)
    expect(table).toContain(
      '<w:tblGrid><w:gridCol w:w="5782"/><w:gridCol w:w="2409"/><w:gridCol w:w="1445"/></w:tblGrid>',
    )
    expect(table).toContain('<w:tblLayout w:type="fixed"/>')
    expect(table.match(/w:val="single" w:sz="4" w:space="0" w:color="808080"/g)).toHaveLength(6)
    expect(table.match(/<w:tcMar><w:top w:w="57" w:type="dxa"\/><w:left w:w="85" w:type="dxa"\/>/g)).toHaveLength(9)
    const [header, ...body] = [...table.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0])
    expect(header).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>')
    expect(header!.match(/<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"\/>/g)).toHaveLength(3)
    expect(header!.match(/<w:b\/>/g)).toHaveLength(3)
    expect(header).toContain('<w:sz w:val="20"/>')
    for (const row of body) {
      expect(row).not.toContain('<w:trPr>')
      expect(row).not.toContain('<w:b/>')
      expect(row).toContain('<w:sz w:val="20"/>')
    }
    // An empty paragraph after the table.
    expect(xml).toContain('</w:tbl><w:p/>')
  })

  it('writes the footer text, a right tab stop at the text width, then the PAGE / NUMPAGES fields', async () => {
    const footer = await part(await renderDocx({ ...MODEL, orientation: 'landscape' }), 'word/footer1.xml')
    expect(footer).toContain('<w:tab w:val="right" w:pos="14570"/>')
    expect(footer).toMatch(
      /Comuna Pângărați – proiect<\/w:t><\/w:r><w:r><w:rPr>[^]*?<\/w:rPr><w:tab\/><\/w:r>[^]*?<w:instrText xml:space="preserve"> PAGE <\/w:instrText>[^]*?<w:t xml:space="preserve"> \/ <\/w:t>[^]*?<w:instrText xml:space="preserve"> NUMPAGES <\/w:instrText>/,
    )
    expect(footer.match(/<w:fldChar w:fldCharType="(begin|separate|end)"\/>/g)).toHaveLength(6)
  })

  it('escapes the core properties and keeps them XML-safe', async () => {
    const core = await part(
      await renderDocx({ ...MODEL, title: 'A <b> & "c"\u0001', author: 'Ion & Maria', subject: undefined }),
      'docProps/core.xml',
    )
    expect(core).toContain('<dc:title>A &lt;b&gt; &amp; &quot;c&quot;</dc:title>')
    expect(core).toContain('<dc:creator>Ion &amp; Maria</dc:creator>')
    expect(core).toContain('<cp:lastModifiedBy>Ion &amp; Maria</cp:lastModifiedBy>')
    expect(core).toContain('<dc:language>ro-RO</dc:language>')
    expect(core).not.toContain('<dc:subject>')
  })

  it('gives an empty document a paragraph before its section properties', async () => {
    const bytes = await renderDocx({ title: 'Gol', language: 'en', blocks: [] })
    const xml = await part(bytes, 'word/document.xml')
    expect(xml).toMatch(/<w:body><w:p\/><w:sectPr>/)
    // A table without columns writes nothing, so the body is empty too.
    const noColumns = await renderDocx({
      title: 'Gol',
      language: 'en',
      blocks: [{ type: 'table', header: [], rows: [] }],
    })
    expect(await part(noColumns, 'word/document.xml')).toMatch(/<w:body><w:p\/><w:sectPr>/)
    expect(await part(bytes, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>')
  })

  it('renders a 10,000-row table with a small, bounded memory', async () => {
    const text = 'Recomandare privind înființarea unui centru de zi pentru vârstnici; țintele și indicatorii anuali. '
    const long = text.repeat(12)
    const model: DocModel = {
      title: 'Raport',
      language: 'ro',
      orientation: 'landscape',
      blocks: [
        {
          type: 'table',
          header: ['Nr.', 'Recomandarea', 'Motivare'],
          rows: Array.from({ length: 10_000 }, (_, i) => [`PAS-${i}\n10.03.2023`, long, long]),
        },
      ],
    }
    const used = () => {
      const m = process.memoryUsage()
      return m.heapUsed + m.arrayBuffers
    }
    const before = used()
    let peak = before
    const timer = setInterval(() => (peak = Math.max(peak, used())), 1)
    const bytes = await renderDocx(model)
    clearInterval(timer)
    peak = Math.max(peak, used())
    const document = zipEntries(bytes).find((e) => e.name === 'word/document.xml')!
    // The XML alone (tens of MB, twice that as a JavaScript string) never sits in memory.
    expect(document.size).toBeGreaterThan(32 * 2 ** 20)
    expect(peak - before).toBeLessThan(64 * 2 ** 20)
    const xml = inflateRawSync(document.data).toString('utf8')
    expect(xml.match(/<w:tr>/g)).toHaveLength(10_001) // and the header row
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    expect(xml).toContain('PAS-9999</w:t>')
  }, 60_000)
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
