import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MAX_PLAN_FILE_BYTES,
  PlanFileError,
  readPlanFile,
  sanitisePlanHtml,
  type PlanFileErrorCode,
} from '~/services/plan-import.server'
import { planParseCommand } from '../../scripts/plan-parse-command'

const root = path.resolve(import.meta.dirname, '../..')
const pangarati = path.join(root, 'tests/fixtures/pangarati-plan-2023.txt')
let dir: string
let docxPath: string

const XSS = '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">click</a>'

function cell(text: string) {
  return new TableCell({ children: [new Paragraph(text)] })
}

/** A small plan as Word writes it: a title, a preamble, chapters in Heading 1, a bold part, a table. */
async function planDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Planul anual de acțiune privind serviciile sociale 2024',
            heading: HeadingLevel.TITLE,
          }),
          new Paragraph('Având în vedere Legea nr. 292/2011 a asistenței sociale;'),
          new Paragraph({
            text: 'CAPITOLUL I: Administrarea, înființarea și finanțarea serviciilor sociale',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({
            children: [
              new TextRun({ text: 'A. ', bold: true }),
              new TextRun({ text: 'Serviciile sociale existente', bold: true }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Cod serviciu'), cell('Denumire')] }),
              new TableRow({
                children: [cell('8899 CZ-PN-V'), cell('Asistență comunitară şi îngrijire la domiciliu')],
              }),
            ],
          }),
          new Paragraph(XSS),
          new Paragraph({ text: 'B. Serviciile sociale propuse spre a fi înființate' }),
          new Paragraph('Nu este cazul.'),
          new Paragraph({ text: 'CAPITOLUL II: Informarea publicului', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Campanii de informare – când este cazul.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

async function codeOf(promise: Promise<unknown>): Promise<PlanFileErrorCode | 'none'> {
  try {
    await promise
    return 'none'
  } catch (e) {
    if (e instanceof PlanFileError) return e.code
    throw e
  }
}

const bytes = (s: string) => new TextEncoder().encode(s)

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-plan-parse-'))
  docxPath = path.join(dir, 'plan.docx')
  fs.writeFileSync(docxPath, await planDocx())
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('readPlanFile', () => {
  it('reads a .docx: outline, the table in the html, diacritics as written', async () => {
    const plan = await readPlanFile({ name: 'plan.docx', bytes: fs.readFileSync(docxPath) })
    expect(plan.title).toBe('Planul anual de acțiune privind serviciile sociale 2024')
    expect(plan.sections.map((s) => [s.number, s.heading, s.level, s.anchor])).toEqual([
      [null, 'Preambul', 1, 'preambul'],
      ['CAPITOLUL I', 'Administrarea, înființarea și finanțarea serviciilor sociale', 1, 'cap-i'],
      ['A.', 'Serviciile sociale existente', 2, 'cap-i-a'],
      ['B.', 'Serviciile sociale propuse spre a fi înființate', 2, 'cap-i-b'],
      ['CAPITOLUL II', 'Informarea publicului', 1, 'cap-ii'],
    ])
    const a = plan.sections[2]!
    expect(a.html).toContain('<table>')
    expect(a.html).toContain(
      '<td><p>8899 CZ-PN-V</p></td><td><p>Asistență comunitară şi îngrijire la domiciliu</p></td>',
    )
    expect(a.text).toContain('8899 CZ-PN-V\tAsistență comunitară şi îngrijire la domiciliu')
    expect(plan.sections[1]!.text).toBe('')
    expect(plan.sections[3]!.text).toBe('Nu este cazul.')
  })

  it('the XSS payloads typed in the document come out as inert text', async () => {
    const plan = await readPlanFile({ name: 'plan.docx', bytes: fs.readFileSync(docxPath) })
    const a = plan.sections[2]!
    expect(a.text).toContain(XSS)
    expect(a.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(a.html).not.toMatch(/<script|<img|<a /i)
  })

  it('a plan in UTF-8 text (with a BOM, or UTF-16 as Word saves "Unicode text")', async () => {
    const text = fs.readFileSync(pangarati, 'utf8')
    const plain = await readPlanFile({ name: 'plan.txt', bytes: bytes(text) })
    expect(plain.sections.map((s) => s.anchor)).toContain('cap-iii')
    const bom = await readPlanFile({ name: 'plan.TXT', bytes: bytes(`\ufeff${text}`) })
    expect(bom).toEqual(plain)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(await readPlanFile({ name: 'plan.txt', bytes: utf16 })).toEqual(plain)
  })

  it('sanitises the html of text plans too, and on its own strips everything but the allowlist', async () => {
    const plan = await readPlanFile({ name: 'x.txt', bytes: bytes(`CAPITOLUL I\n${XSS}\na\tb`) })
    expect(plan.sections[0]!.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &lt;a href="javascript:alert(1)"&gt;click&lt;/a&gt;</p>\n' +
        '<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
    )
    expect(
      sanitisePlanHtml(
        `<h2 id="x">T</h2><p style="color:red" onclick="x()">a<script>bad()</script><img src="x" onerror="y()"><a href="javascript:z()">b</a></p>` +
          `<table><tr><td colspan="2" rowspan="x" class="c">c</td></tr></table><iframe src="//evil"></iframe><style>p{}</style>`,
      ),
    ).toBe('<h2>T</h2><p>ab</p><table><tr><td colspan="2">c</td></tr></table>')
  })

  it('refuses what it cannot read, with a code', async () => {
    const pdf = bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')
    expect(await codeOf(readPlanFile({ name: 'plan.docx', bytes: pdf }))).toBe('unsupported_type')
    expect(await codeOf(readPlanFile({ name: 'plan.pdf', bytes: pdf }))).toBe('unsupported_type')
    expect(await codeOf(readPlanFile({ name: 'plan.docx', bytes: bytes('not a zip at all') }))).toBe('unreadable_docx')
    // A ZIP that is not a Word document.
    const zip = Buffer.from(
      'UEsDBAoAAAAAAAAAIQAAAAAAAAAAAAAAAAAFAAAAYS50eHRQSwECFAAKAAAAAAAAACEAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAAAAAAAAAYS50eHRQSwUGAAAAAAEAAQAzAAAAIwAAAAAA',
      'base64',
    )
    expect(await codeOf(readPlanFile({ name: 'plan.docx', bytes: zip }))).toBe('unreadable_docx')
    const truncated = fs.readFileSync(docxPath).subarray(0, 400)
    expect(await codeOf(readPlanFile({ name: 'plan.docx', bytes: truncated }))).toBe('unreadable_docx')
    expect(await codeOf(readPlanFile({ name: 'plan.doc', bytes: bytes('x') }))).toBe('unsupported_type')
    expect(await codeOf(readPlanFile({ name: 'plan.odt', bytes: bytes('x') }))).toBe('unsupported_type')
    expect(await codeOf(readPlanFile({ name: 'plan', bytes: bytes('x') }))).toBe('unsupported_type')
    // "Pângărați" in Windows-1250: not UTF-8, refused rather than guessed.
    const cp1250 = Uint8Array.from([0x50, 0xe2, 0x6e, 0x67, 0xe3, 0x72, 0x61, 0xfe, 0x69])
    expect(await codeOf(readPlanFile({ name: 'plan.txt', bytes: cp1250 }))).toBe('not_utf8')
    expect(await codeOf(readPlanFile({ name: 'plan.txt', bytes: bytes('a\u0000b') }))).toBe('not_utf8')
    expect(await codeOf(readPlanFile({ name: 'plan.txt', bytes: new Uint8Array() }))).toBe('empty')
    expect(await codeOf(readPlanFile({ name: 'plan.txt', bytes: bytes(' \r\n\t\n') }))).toBe('empty')
    const big = new Uint8Array(MAX_PLAN_FILE_BYTES + 1).fill(0x61)
    expect(await codeOf(readPlanFile({ name: 'plan.txt', bytes: big }))).toBe('too_large')
  })
})

describe('plan parse (CLI contract)', () => {
  async function run(file: string, json: boolean) {
    const out: string[] = []
    const err: string[] = []
    const code = await planParseCommand(
      file,
      { json },
      (l) => out.push(l),
      (l) => err.push(l),
    )
    return { code, out, err }
  }

  it('--json prints exactly one object with title and sections of four keys', async () => {
    const { code, out, err } = await run(pangarati, true)
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(out).toHaveLength(1)
    const parsed = JSON.parse(out[0]!) as { title: string; sections: Array<Record<string, unknown>> }
    expect(Object.keys(parsed)).toEqual(['title', 'sections'])
    expect(parsed.title).toContain('Pângărați pentru anul 2023')
    for (const s of parsed.sections) expect(Object.keys(s)).toEqual(['number', 'heading', 'level', 'text'])
    expect(parsed.sections.map((s) => s.number)).toEqual([
      null,
      'CAPITOLUL I',
      'A.',
      'B.',
      'C.',
      'D.',
      'CAPITOLUL II',
      'CAPITOLUL III',
      null,
      null,
    ])
  })

  it('prints an indented outline with the length of each section', async () => {
    const { code, out } = await run(docxPath, false)
    expect(code).toBe(0)
    expect(out).toEqual([
      'Title: Planul anual de acțiune privind serviciile sociale 2024',
      '5 sections',
      'Preambul  (56 characters)',
      'CAPITOLUL I Administrarea, înființarea și finanțarea serviciilor sociale  (0 characters)',
      expect.stringMatching(/^ {2}A\. Serviciile sociale existente {2}\(\d+ characters\)$/),
      '  B. Serviciile sociale propuse spre a fi înființate  (14 characters)',
      'CAPITOLUL II Informarea publicului  (40 characters)',
    ])
  })

  it('a missing or unreadable file: a message on stderr and exit code 1', async () => {
    const missing = await run(path.join(dir, 'nope.txt'), true)
    expect(missing).toMatchObject({ code: 1, out: [] })
    expect(missing.err.join('\n')).toContain('no such file')
    const fake = path.join(dir, 'fake.docx')
    fs.writeFileSync(fake, '%PDF-1.4 not a word document')
    const unsupported = await run(fake, false)
    expect(unsupported).toMatchObject({ code: 1, out: [] })
    expect(unsupported.err.join('\n')).toContain('PDF')
    expect((await run(dir, true)).code).toBe(1)
  })

  it('runs on its own: node --import tsx scripts/plan-parse-command.ts FILE --json', () => {
    const res = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/plan-parse-command.ts', 'tests/fixtures/pangarati-plan-2023.txt', '--json'],
      { cwd: root, encoding: 'utf8' },
    )
    expect(res.status).toBe(0)
    expect(res.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(res.stdout).sections).toHaveLength(10)
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plan-parse-command.ts', 'missing.txt'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(bad.status).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('missing.txt: no such file.')
  })

  it("is the platform CLI's `plan parse FILE --json` (the documented contract)", () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'plan', 'parse', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test' },
      })
    const res = cli('tests/fixtures/pangarati-plan-2023.txt', '--json')
    expect(res.status).toBe(0)
    const parsed = JSON.parse(res.stdout) as { title: string; sections: Array<Record<string, unknown>> }
    expect(parsed.title).toContain('Pângărați')
    expect(parsed.sections.map((s) => s.number)).toEqual([
      null,
      'CAPITOLUL I',
      'A.',
      'B.',
      'C.',
      'D.',
      'CAPITOLUL II',
      'CAPITOLUL III',
      null,
      null,
    ])
    expect(Object.keys(parsed.sections[1]!)).toEqual(['number', 'heading', 'level', 'text'])
    expect(cli('missing.txt').status).toBe(1)
    expect(cli().status).toBe(2)
  })
})
