/**
 * Hostile input that is not markup: search boxes and filters fed FTS5 syntax, quotes, NUL,
 * very long and odd Unicode text always answer an ordinary page (never 500); uploads over their
 * limit are refused with a message saying so and store nothing; a file is accepted by what it
 * is, not by its name or claimed type, and served back with its real type.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from '../support/app'
import {
  PDF,
  People,
  count,
  expectInertPage,
  fileForm,
  makeFixtures,
  openDb,
  parsePage,
  startSecurityApp,
  type Fixtures,
} from './helpers'

let app: RunningApp
let people: People
let f: Fixtures

beforeAll(async () => {
  app = await startSecurityApp()
  people = new People(app)
  await Promise.all(['anon', 'member', 'editor', 'legal', 'coord', 'operator'].map((w) => people.as(w)))
  f = await makeFixtures(app, people)
})

afterAll(async () => {
  await app?.stop()
})

// ------------------------------------------------------------------ search

/** Typed into a search box (encoded as a browser would). */
const HOSTILE = [
  '"',
  '"unbalanced',
  "'",
  'a"b"c"',
  'NEAR(asistență servicii)',
  'servicii OR sociale AND NOT plan',
  'NEAR',
  'AND',
  '*',
  'asist*',
  '^servicii',
  'title:servicii',
  'text : plan',
  '(((',
  ')',
  '{servicii plan}',
  '-servicii',
  '+servicii',
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '\\"',
  'a\u0000b',
  '\u0000',
  'x'.repeat(5000),
  'cuvânt '.repeat(700),
  'ș ț ş ţ s\u0326 t\u0327 Ă Î Â',
  'e\u0301'.repeat(50),
  '🙂🧓🏽 👨‍👩‍👧',
  '\u202Eplan\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '中文 搜索',
  'Ελληνικά άέή',
  'Кириллица',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<mark>servicii</mark>',
  '&amp; &lt; &#0;',
  ' ',
  '\t\n\r',
]

/** Already encoded: malformed or invalid UTF-8 percent-encoding, as a crafted link would carry. */
const RAW_ENCODED = ['%ED%A0%80', '%FF%FE', '%', '%%', '%E2%82', '%C0%AF', '%00', '%2500', 'a%0Ab%0Dc']

describe('hostile search input', () => {
  const targets: Array<{ who: string; path: (q: string) => string }> = [
    { who: 'anon', path: (q) => `/search?q=${q}` },
    { who: 'anon', path: (q) => `/authorities?q=${q}` },
    { who: 'anon', path: (q) => `/organisations?q=${q}` },
    { who: 'anon', path: (q) => `/consultations?county=${q}&authority=${q}&kind=${q}&year=${q}&page=${q}` },
    { who: 'legal', path: (q) => `/a/pangarati/staff/protocols?q=${q}&partner=${q}&asOf=${q}&notice=${q}` },
    { who: 'operator', path: (q) => `/admin/outbox?to=${q}&status=${q}` },
    {
      who: 'editor',
      path: (q) => `/a/pangarati/staff/plans/${f.open}/recommendations?only=${q}&section=${q}&page=${q}&view=${q}`,
    },
  ]

  it('answers every search box and filter with an ordinary page (200), the input shown inert', async () => {
    const failures: string[] = []
    for (const target of targets) {
      const client = await people.as(target.who)
      for (const q of [...HOSTILE.map(encodeURIComponent), ...RAW_ENCODED]) {
        const url = target.path(q)
        const res = await client.get(url)
        const html = await res.text()
        // Past Node's 16 KB limit on the request head, the HTTP server refuses before the app (431).
        if (url.length > 16 * 1024 && res.status === 431) continue
        if (res.status !== 200) {
          failures.push(`${res.status} ${url.slice(0, 120)}`)
          continue
        }
        const page = parsePage(
          html,
          /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? null,
        )
        if (page.problems.length > 0) failures.push(`${url.slice(0, 120)}: ${page.problems.join(', ')}`)
        if (!/<h1[\s>]/.test(html)) failures.push(`${url.slice(0, 120)}: not a normal page`)
      }
    }
    expect(failures).toEqual([])
  })

  it('still finds what a plain query finds, and echoes the query back in the search box', async () => {
    const anon = await people.as('anon')
    const { html, page } = await expectInertPage(anon, `/search?q=${encodeURIComponent('asistenți personali')}`)
    expect(html).toContain(`/a/pangarati/plans/`)
    expect(page.values).toContain('asistenți personali')
    const hostile = await expectInertPage(anon, `/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`)
    expect(hostile.page.values).toContain('"><img src=x onerror=alert(1)>')
  })

  it('answers the open-data lists and the feed with hostile filters (never 500)', async () => {
    const anon = await people.as('anon')
    for (const q of [...HOSTILE.slice(0, 12).map(encodeURIComponent), ...RAW_ENCODED]) {
      for (const p of ['/consultations.json', '/consultations.csv', '/consultations/feed.xml']) {
        const res = await anon.get(`${p}?county=${q}&kind=${q}&year=${q}&authority=${q}`)
        await res.arrayBuffer()
        expect(res.status, `${p} ${q}`).toBe(200)
      }
    }
  })

  it('never logged an unexpected error while doing so', () => {
    expect(app.output()).not.toMatch(/SqliteError|fts5: syntax error|TypeError|RangeError|URIError/)
  })
})

// ------------------------------------------------------------------ uploads

function uploadedFiles(): number {
  const root = path.join(app.dataDir, 'uploads')
  if (!fs.existsSync(root)) return 0
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
}

const bigPdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 9, 0x20)])
const MB = 1024 * 1024

describe('upload limits', () => {
  const cases = (): Array<{
    name: string
    who: string
    path: string
    fields: Record<string, string>
    file: string
    size: number
    message: string
    table: string
  }> => [
    {
      name: "a recommendation's attachment over 10 MB",
      who: 'member',
      path: `/a/pangarati/plans/${f.open}/sections/${f.anchor}`,
      fields: { signAs: 'person', text: 'O recomandare cu o anexă prea mare.' },
      file: 'attachment',
      size: 10 * MB + 1,
      message: 'Anexa depășește 10 MB.',
      table: 'recommendations',
    },
    {
      name: "a plan's attachment over 15 MB",
      who: 'editor',
      path: `/a/pangarati/staff/plans/${f.draft}`,
      fields: { intent: 'attachment', title: 'Prea mare' },
      file: 'file',
      size: 15 * MB + 1,
      message: 'Fișierul depășește 15 MB.',
      table: 'plan_attachments',
    },
    {
      name: 'a scan of minutes over 15 MB',
      who: 'editor',
      path: `/a/pangarati/staff/minutes/${f.minutes}`,
      fields: { intent: 'attachment', title: 'Prea mare' },
      file: 'file',
      size: 15 * MB + 1,
      message: 'Fișierul depășește 15 MB.',
      table: 'minutes_attachments',
    },
    {
      name: "a protocol's signed scan over 15 MB",
      who: 'legal',
      path: `/a/pangarati/staff/protocols/${f.protocol}`,
      fields: {},
      file: 'document',
      size: 15 * MB + 1,
      message: 'Fișierul depășește 15 MB.',
      table: 'protocol_documents',
    },
    {
      name: 'a plan file over 10 MB',
      who: 'editor',
      path: '/a/pangarati/staff/plans/new',
      fields: { intent: 'preview', kind: 'strategy', title: 'Plan prea mare', year: '2027' },
      file: 'file',
      size: 10 * MB + 1,
      message: 'Fișierul depășește 10 MB.',
      table: 'plans',
    },
    {
      name: 'a new version over 10 MB',
      who: 'editor',
      path: `/a/pangarati/staff/plans/${f.open}/versions/new`,
      fields: { intent: 'preview', note: 'Versiune prea mare' },
      file: 'file',
      size: 10 * MB + 1,
      message: 'Fișierul depășește 10 MB.',
      table: 'plan_versions',
    },
    {
      name: 'a services table over 2 MB',
      who: 'coord',
      path: '/a/pangarati/staff/services',
      fields: { intent: 'import' },
      file: 'file',
      size: 2 * MB + 1,
      message: 'Fișierul depășește 2 MB.',
      table: 'social_services',
    },
    {
      name: 'a protocols table over 2 MB',
      who: 'legal',
      path: '/a/pangarati/staff/protocols/import',
      fields: { intent: 'import', format: 'csv', acceptFlagged: 'on' },
      file: 'file',
      size: 2 * MB + 1,
      message: 'Fișierul depășește 2 MB.',
      table: 'protocols',
    },
  ]

  it('refuses each with a message saying so, and stores nothing (no row, no file)', async () => {
    const db = openDb(app)
    try {
      for (const c of cases()) {
        const rows = count(db, `select count(*) from ${c.table}`)
        const files = uploadedFiles()
        const client = await people.as(c.who)
        const res = await client.postMultipart(
          c.path,
          fileForm(c.fields, {
            field: c.file,
            name: c.file === 'document' ? 'mare.pdf' : 'mare.txt',
            bytes: bigPdf(c.size),
          }),
        )
        expect(res.status, c.name).toBe(400)
        expect(parsePage(await res.text(), null).text, c.name).toContain(c.message)
        expect(count(db, `select count(*) from ${c.table}`), c.name).toBe(rows)
        expect(uploadedFiles(), c.name).toBe(files)
      }
    } finally {
      db.close()
    }
  })

  it('accepts a file just under a limit (the limit is where it says)', async () => {
    const editor = await people.as('editor')
    const res = await editor.postMultipart(
      `/a/pangarati/staff/plans/${f.draft}`,
      fileForm(
        { intent: 'attachment', title: 'La limită' },
        { field: 'file', name: 'limita.pdf', bytes: bigPdf(15 * MB) },
      ),
    )
    expect(res.status).toBe(302)
  })

  it('refuses a request over 20 MB in total before reading it, whatever its parts', async () => {
    const editor = await people.as('editor')
    const db = openDb(app)
    try {
      const rows = count(db, 'select count(*) from plan_attachments')
      const files = uploadedFiles()
      const form = new FormData()
      form.set('intent', 'attachment')
      form.set('title', 'Prea multe părți')
      for (let i = 0; i < 2; i++)
        form.append('file', new Blob([bigPdf(11 * MB)], { type: 'application/pdf' }), `p${i}.pdf`)
      const res = await editor.postMultipart(`/a/pangarati/staff/plans/${f.draft}`, form)
      expect(res.status).toBe(413)
      expect(await res.text()).toContain('cel mult 20 MB')
      expect(count(db, 'select count(*) from plan_attachments')).toBe(rows)
      expect(uploadedFiles()).toBe(files)
    } finally {
      db.close()
    }
  })
})

// ------------------------------------------------------------------ type sniffing

const HTML_AS_PDF = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
const EXE_AS_PDF = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)])
const ZIP_NOT_DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 0x41)])
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')

describe('type sniffing', () => {
  it('refuses a file whose content is not what its name claims, wherever files are uploaded', async () => {
    const db = openDb(app)
    try {
      const member = await people.as('member')
      const editor = await people.as('editor')
      const legal = await people.as('legal')
      const attempts = [
        ...[HTML_AS_PDF, EXE_AS_PDF, ZIP_NOT_DOCX, SVG].map((bytes, i) => ({
          name: `recommendation attachment #${i}`,
          send: () =>
            member.postMultipart(
              `/a/pangarati/plans/${f.open}/sections/${f.anchor}`,
              fileForm(
                { signAs: 'person', text: `Anexă falsă numărul ${i}, refuzată.` },
                { field: 'attachment', name: i === 2 ? 'studiu.docx' : 'studiu.pdf', bytes },
              ),
            ),
          message: 'Anexa trebuie să fie un document PDF sau Word (.docx).',
          table: 'recommendations',
        })),
        ...[HTML_AS_PDF, EXE_AS_PDF, ZIP_NOT_DOCX].map((bytes, i) => ({
          name: `plan attachment #${i}`,
          send: () =>
            editor.postMultipart(
              `/a/pangarati/staff/plans/${f.draft}`,
              fileForm({ intent: 'attachment', title: 'Fals' }, { field: 'file', name: 'referat.pdf', bytes }),
            ),
          message: 'Fișierul trebuie să fie PDF sau Word (.docx).',
          table: 'plan_attachments',
        })),
        {
          name: 'minutes scan that is a Word document',
          send: async () => {
            const { Document, Packer, Paragraph } = await import('docx')
            const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('PV')] }] }))
            return editor.postMultipart(
              `/a/pangarati/staff/minutes/${f.minutes}`,
              fileForm({ intent: 'attachment', title: 'PV' }, { field: 'file', name: 'pv.pdf', bytes: docx }),
            )
          },
          message: 'Procesul-verbal semnat trebuie să fie un PDF.',
          table: 'minutes_attachments',
        },
        ...[HTML_AS_PDF, EXE_AS_PDF].map((bytes, i) => ({
          name: `protocol document #${i}`,
          send: () =>
            legal.postMultipart(
              `/a/pangarati/staff/protocols/${f.protocol}`,
              fileForm({}, { field: 'document', name: 'semnat.pdf', bytes }),
            ),
          message: 'Fișierul nu este un PDF.',
          table: 'protocol_documents',
        })),
        ...[
          ['plan.txt', EXE_AS_PDF, 'Fișierul text nu este în codificarea UTF-8.'],
          ['plan.docx', HTML_AS_PDF, 'Fișierul Word nu poate fi citit.'],
          ['plan.docx', ZIP_NOT_DOCX, 'Fișierul Word nu poate fi citit.'],
          ['plan.html', HTML_AS_PDF, 'Fișierul trebuie să fie Word (.docx) sau text (.txt).'],
          ['plan.txt', PDF, 'Fișierul trebuie să fie Word (.docx) sau text (.txt).'],
        ].map(([fileName, bytes, message]) => ({
          name: `plan import ${String(fileName)}`,
          send: () =>
            editor.postMultipart(
              '/a/pangarati/staff/plans/new',
              fileForm(
                { intent: 'preview', kind: 'strategy', title: 'Plan din fișier fals', year: '2027' },
                { field: 'file', name: fileName as string, bytes: bytes as Buffer },
              ),
            ),
          message: message as string,
          table: 'plans',
        })),
      ]
      for (const attempt of attempts) {
        const rows = count(db, `select count(*) from ${attempt.table}`)
        const files = uploadedFiles()
        const res = await attempt.send()
        expect(res.status, attempt.name).toBe(400)
        expect(parsePage(await res.text(), null).text, attempt.name).toContain(attempt.message)
        expect(count(db, `select count(*) from ${attempt.table}`), attempt.name).toBe(rows)
        expect(uploadedFiles(), attempt.name).toBe(files)
      }
    } finally {
      db.close()
    }
  })

  it('serves an accepted file with its real type, as a download or inline PDF, never as a page of this site', async () => {
    const editor = await people.as('editor')
    // A real PDF under a hostile name and a claimed HTML type.
    const form = new FormData()
    form.append('intent', 'attachment')
    form.append('title', 'Nume ostil')
    form.append('file', new Blob([PDF], { type: 'text/html' }), '../../<script>alert(1)</script>.html')
    expect((await editor.postMultipart(`/a/pangarati/staff/plans/${f.draft}`, form)).status).toBe(302)
    // A polyglot: a PDF header followed by HTML. It is a PDF to the platform and is served as one.
    const polyglot = Buffer.concat([Buffer.from('%PDF-1.4\n'), HTML_AS_PDF])
    expect(
      (
        await editor.postMultipart(
          `/a/pangarati/staff/plans/${f.draft}`,
          fileForm(
            { intent: 'attachment', title: 'Poliglot' },
            { field: 'file', name: 'poliglot.pdf', bytes: polyglot },
          ),
        )
      ).status,
    ).toBe(302)
    const db = openDb(app)
    const attachments = db
      .prepare("select id, file_name from plan_attachments where plan_id = ? and title in ('Nume ostil', 'Poliglot')")
      .all(f.draft) as Array<{ id: string; file_name: string }>
    db.close()
    expect(attachments).toHaveLength(2)
    for (const a of attachments) {
      expect(a.file_name).not.toMatch(/[/\\<>]/)
      const res = await editor.get(`/a/pangarati/plans/${f.draft}/attachments/${a.id}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-disposition')).not.toMatch(/[/\\<>]/)
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-")
    }
  })
})
