/**
 * Cross-site scripting: a corpus of payloads goes in through every kind of text a user controls
 * (recommendations and their proposed wording, people's and organisations' names, a plan
 * imported as text, as .docx or with a tampered outline, services and protocols imported from
 * CSV) and every page that shows it is parsed: no script without the response's nonce, no event
 * handler attribute, no javascript: URL, no frame or <base>; and the payload is shown as the
 * text that was typed.
 */
import type Database from 'better-sqlite3'
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { Parser } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client, RunningApp } from '../support/app'
import {
  People,
  expectInertPage,
  fileForm,
  idAfter,
  location,
  makeFixtures,
  one,
  openDb,
  parsePage,
  startSecurityApp,
  type Fixtures,
} from './helpers'

/** Each carries its number (`xss-N`) so that a page can be searched for it. */
const PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '<img src=x onerror=alert("xss-2")>',
  '<svg onload=alert("xss-3")><script>alert("xss-3")</script></svg>',
  '"><script>alert("xss-4")</script>',
  "'><img src=x onerror=alert('xss-5')>",
  '</textarea><script>alert("xss-6")</script>',
  '</script><script>alert("xss-7")</script>',
  '<a href="javascript:alert(\'xss-8\')">apăsați</a>',
  'javascript:alert("xss-9")',
  '${alert("xss-10")} `${alert(1)}` {{constructor.constructor("alert(10)")()}}',
  '<iframe src="javascript:alert(\'xss-11\')"></iframe>',
  '＜script＞alert("xss-12")＜/script＞ \u202Egnp.exe \u2028\u2029 \u200d',
  '<<script>script>alert("xss-13")<</script>/script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-14")>',
  '<!--<img src="--><img src=x onerror=alert("xss-15")//">',
  '<details open ontoggle=alert("xss-16")>',
  '&lt;script&gt;alert("xss-17")&lt;/script&gt; &#60;b&#62;',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(18)">',
  '<form action="javascript:alert(19)"><button formaction="javascript:alert(19)">xss-19</button></form>',
  '<object data="data:text/html,<script>alert(20)</script>"></object><embed src="javascript:alert(20)"> xss-20',
  '<div style="background:url(javascript:alert(21))">xss-21</div>',
  '\\u003cscript\\u003ealert("xss-22")\\u003c/script\\u003e <scr<script>ipt>alert(22)</script>',
]

let app: RunningApp
let people: People
let f: Fixtures
let db: Database.Database

beforeAll(async () => {
  app = await startSecurityApp()
  people = new People(app)
  await Promise.all(
    ['member', 'ngoAdmin', 'editor', 'admin', 'coord', 'legal', 'operator', 'anon'].map((w) => people.as(w)),
  )
  f = await makeFixtures(app, people)
  db = openDb(app)
})

afterAll(async () => {
  db?.close()
  await app?.stop()
})

/** The value of a form field as the browser would send it back (entities decoded). */
function inputValue(html: string, name: string): string | null {
  let found: string | null = null
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (found === null && (tag === 'input' || tag === 'textarea') && attribs.name === name)
          found = attribs.value ?? ''
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return found
}

async function inertEverywhere(client: Client, paths: string[], mustShow: string[] = []) {
  for (const p of paths) await expectInertPage(client, p, mustShow)
}

describe('the check itself', () => {
  it('finds active markup of every kind it looks for (so that a clean page means something)', () => {
    const nonce = 'abc123'
    const bad = [
      '<script>alert(1)</script>',
      '<script nonce="other">alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<a href=" java\tscript:alert(1)">x</a>',
      '<form action="javascript:alert(1)"></form>',
      '<iframe src="https://evil.example"></iframe>',
      '<object data="x"></object>',
      '<base href="https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<body onload="alert(1)">',
    ]
    for (const html of bad) expect(parsePage(`<p>ok</p>${html}`, nonce).problems, html).not.toEqual([])
    const good = parsePage(
      `<script nonce="${nonce}">ok()</script><p title="&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</p><iframe sandbox="" src="/admin/outbox/x/html"></iframe>`,
      nonce,
    )
    expect(good.problems).toEqual([])
    expect(good.text).toContain('<img src=x onerror=alert(1)>')
  })
})

describe('recommendations and proposed wording', () => {
  const recs: string[] = []

  beforeAll(async () => {
    const member = await people.as('member')
    for (const [i, payload] of PAYLOADS.entries()) {
      const res = await member.post(`/a/pangarati/plans/${f.open}/sections/${f.anchor}`, {
        signAs: 'person',
        text: `Recomandarea ${i + 1}: ${payload}`,
        proposedWording: payload,
      })
      expect(res.status, payload).toBe(302)
      recs.push(idAfter(res, 'recommendations'))
    }
  })

  it('stores every payload as typed', () => {
    for (const [i, id] of recs.entries()) {
      expect(one<{ text: string }>(db, 'select text from recommendations where id = ?', id).text).toBe(
        `Recomandarea ${i + 1}: ${PAYLOADS[i]}`,
      )
    }
  })

  it('shows each one inert, as text, on its page, to everyone', async () => {
    for (const who of ['anon', 'member', 'editor']) {
      const client = await people.as(who)
      for (const [i, id] of recs.entries()) {
        await expectInertPage(client, `/a/pangarati/plans/${f.open}/recommendations/${id}`, [PAYLOADS[i]!])
      }
    }
  })

  it('keeps the lists, the report, the staff pages and the search results inert', async () => {
    const editor = await people.as('editor')
    const anon = await people.as('anon')
    const member = await people.as('member')
    const lists = [
      `/a/pangarati/plans/${f.open}`,
      `/a/pangarati/plans/${f.open}/sections/${f.anchor}`,
      `/a/pangarati/plans/${f.open}/sections/${f.anchor}?page=2`,
      `/a/pangarati/plans/${f.open}/report`,
      `/a/pangarati/plans/${f.open}/report?page=2`,
      `/a/pangarati/plans/${f.open}/changes`,
      '/search?q=xss',
      '/search?q=alert',
      '/search?q=script+img+onerror',
    ]
    await inertEverywhere(anon, lists)
    await inertEverywhere(editor, [
      ...lists,
      `/a/pangarati/staff/plans/${f.open}/recommendations`,
      `/a/pangarati/staff/plans/${f.open}/recommendations?page=2`,
      `/a/pangarati/staff/plans/${f.open}/recommendations?view=groups`,
      `/a/pangarati/staff/plans/${f.open}/minutes`,
    ])
    await inertEverywhere(member, ['/account/notifications'])
    // The search results highlight the words found: the highlighting must not unescape anything.
    const { page } = await expectInertPage(anon, '/search?q=xss-1')
    expect(page.text).toContain('<script>alert("xss-1")</script>')
  })

  it('keeps the receipts emailed to the author inert too (the HTML the operator reads)', async () => {
    const operator = await people.as('operator')
    const ids = db
      .prepare("select id from email_outbox where template = 'recommendation-receipt' and to_address = ? ")
      .pluck()
      .all('voluntar@demo.planuri.ro') as string[]
    expect(ids.length).toBeGreaterThan(PAYLOADS.length)
    for (const id of ids) {
      const res = await operator.get(`/admin/outbox/${id}/html`)
      expect(res.status).toBe(200)
      const page = parsePage(await res.text(), null)
      expect(page.problems, id).toEqual([])
      expect(page.scripts).toBe(0)
      await expectInertPage(operator, `/admin/outbox/${id}`)
    }
  })
})

describe("people's and organisations' names", () => {
  const names = [
    '<script>alert("xss-n1")</script>',
    '"><img src=x onerror=alert("xss-n2")>',
    "Ana' onmouseover='alert(3)",
    '</title><script>alert("xss-n4")</script>',
    '＜svg onload=alert(5)＞ \u202E',
  ]

  it("a person's name is shown as text in the header, on their account, their recommendations and to their organisation's admin", async () => {
    const member = await people.as('member')
    const ngoAdmin = await people.as('ngoAdmin')
    const anon = await people.as('anon')
    for (const name of names) {
      const res = await member.post('/account', { intent: 'profile', name, locale: 'ro' })
      expect(res.status, name).toBe(302)
      await expectInertPage(member, '/account', [name])
      await expectInertPage(member, `/audit/user/${f.memberUserId}`, [name])
      await expectInertPage(ngoAdmin, `/organisations/${f.ngoSlug}/members`, [name])
      await expectInertPage(ngoAdmin, `/organisations/${f.ngoSlug}`, [name])
      // Recommendations signed in person show the name publicly.
      await expectInertPage(anon, `/a/pangarati/plans/${f.open}/sections/${f.anchor}`, [name])
    }
  })

  it("a staff member's name is shown as text on the team page and where they answered", async () => {
    const editor = await people.as('editor')
    const admin = await people.as('admin')
    for (const name of names.slice(0, 3)) {
      expect((await editor.post('/account', { intent: 'profile', name, locale: 'ro' })).status).toBe(302)
      await expectInertPage(admin, '/a/pangarati/staff/team', [name])
      await expectInertPage(admin, `/audit/authority/${f.pangaratiId}`)
      await expectInertPage(editor, `/a/pangarati/staff/plans/${f.open}`)
    }
  })

  it("an organisation's name, description and website are shown as text; a javascript: website is refused", async () => {
    const ngoAdmin = await people.as('ngoAdmin')
    const anon = await people.as('anon')
    const refused = await ngoAdmin.post('/organisations/new', {
      name: 'Asociația cu site periculos',
      kind: 'ngo',
      registryNumber: '1/2020',
      website: 'javascript:alert(1)//.example',
      contactEmail: 'x@example.org',
      description: 'Descriere.',
    })
    expect(refused.status).toBe(400)
    expect(await refused.text()).not.toContain('href="javascript:')
    expect(one(db, "select count(*) as n from organisations where name = 'Asociația cu site periculos'")).toEqual({
      n: 0,
    })

    for (const [i, name] of names.entries()) {
      const res = await ngoAdmin.post('/organisations/new', {
        name: `${name} ${i}`,
        kind: 'ngo',
        registryNumber: `${i}/2024 "><script>alert(${i})</script>`,
        website: `https://asociatie${i}.example/"><script>alert(${i})</script>`,
        contactEmail: `asociatie${i}@example.org`,
        description: PAYLOADS[i]!,
      })
      expect(res.status, name).toBe(302)
      const page = location(res).replace(/\?.*$/, '')
      await expectInertPage(anon, page, [`${name} ${i}`, PAYLOADS[i]!])
      await expectInertPage(ngoAdmin, `${page}/edit`)
      await expectInertPage(anon, `/organisations?q=${encodeURIComponent(name.slice(0, 10))}`)
      // A recommendation signed in the organisation's name shows it publicly.
      const orgId = one<{ id: string }>(db, 'select id from organisations where name = ?', `${name} ${i}`).id
      const rec = await ngoAdmin.post(`/a/pangarati/plans/${f.open}/sections/${f.anchor}`, {
        signAs: orgId,
        text: `Recomandare semnată de organizația ${i}.`,
      })
      expect(rec.status).toBe(302)
      await expectInertPage(anon, location(rec).replace(/\?.*$/, ''), [`${name} ${i}`])
    }
    await expectInertPage(anon, '/organisations')
  })
})

describe('plan import', () => {
  // A heading is recognised by its numbering followed by words: the payloads follow the words.
  const heading = `Servicii ${PAYLOADS[0]}`
  const planText = [
    `Planul de test ${PAYLOADS[3]}`,
    '',
    `CAPITOLUL I ${heading}`,
    '',
    ...PAYLOADS.slice(1, 11),
    '',
    `CAPITOLUL II Informare ${PAYLOADS[11]}`,
    '',
    `A. Subsecțiune ${PAYLOADS[5]}`,
    '',
    ...PAYLOADS.slice(12),
  ].join('\n')

  async function previewAndSave(editor: Client, form: FormData | Record<string, string>, mustShow: string[]) {
    const preview =
      form instanceof FormData
        ? await editor.postMultipart('/a/pangarati/staff/plans/new', form)
        : await editor.post('/a/pangarati/staff/plans/new', form)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    const page = parsePage(html, /nonce="([^"]+)"/.exec(html)?.[1] ?? null)
    expect(page.problems).toEqual([])
    // The preview lists the sections in editable fields: the headings are the fields' values.
    for (const shown of mustShow) expect([page.text, ...page.values]).toContainEqual(expect.stringContaining(shown))
    const outline = inputValue(html, 'outline')
    expect(outline).toBeTruthy()
    const saved = await editor.post('/a/pangarati/staff/plans/new', {
      intent: 'save',
      kind: 'strategy',
      title: `Plan importat ${PAYLOADS[1]}`,
      year: '2027',
      summary: PAYLOADS[2]!,
      justification: PAYLOADS[4]!,
      outline: outline!,
    })
    expect(saved.status).toBe(302)
    return idAfter(saved, 'plans')
  }

  async function checkPlanPages(plan: string, mustShow: string[]) {
    const editor = await people.as('editor')
    const sections = db
      .prepare(
        'select s.anchor, s.html from plan_sections s join plans p on p.current_version_id = s.version_id where p.id = ?',
      )
      .all(plan) as Array<{ anchor: string; html: string }>
    expect(sections.length).toBeGreaterThan(0)
    // What is stored is already inert (it is rendered as HTML).
    for (const s of sections) expect(parsePage(s.html, null)).toMatchObject({ problems: [], scripts: 0 })
    await expectInertPage(editor, `/a/pangarati/plans/${plan}`, mustShow)
    await expectInertPage(editor, `/a/pangarati/staff/plans/${plan}`, [`Plan importat ${PAYLOADS[1]}`])
    await expectInertPage(editor, '/a/pangarati/staff/plans')
    for (const s of sections) await expectInertPage(editor, `/a/pangarati/plans/${plan}/sections/${s.anchor}`)
  }

  it('a pasted text: the preview, the saved draft and its sections show the payloads as text', async () => {
    const editor = await people.as('editor')
    const plan = await previewAndSave(
      editor,
      { intent: 'preview', kind: 'strategy', title: 'Plan', year: '2027', text: planText },
      [heading, `Subsecțiune ${PAYLOADS[5]}`],
    )
    await checkPlanPages(plan, [heading, `Subsecțiune ${PAYLOADS[5]}`, PAYLOADS[16]!])
  })

  it('a .docx with payloads in headings, text and a javascript: hyperlink', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: `Planul ${PAYLOADS[3]}`, heading: HeadingLevel.TITLE }),
            new Paragraph({ text: `CAPITOLUL I ${heading}`, heading: HeadingLevel.HEADING_1 }),
            ...PAYLOADS.slice(1).map((p) => new Paragraph({ children: [new TextRun(p)] })),
            new Paragraph({
              children: [
                new ExternalHyperlink({
                  link: 'javascript:alert("xss-docx")',
                  children: [new TextRun({ text: 'legătură periculoasă', style: 'Hyperlink' })],
                }),
                new ExternalHyperlink({
                  link: 'data:text/html,<script>alert(1)</script>',
                  children: [new TextRun({ text: 'altă legătură', style: 'Hyperlink' })],
                }),
              ],
            }),
          ],
        },
      ],
    })
    const bytes = await Packer.toBuffer(doc)
    const editor = await people.as('editor')
    const plan = await previewAndSave(
      editor,
      fileForm(
        { intent: 'preview', kind: 'strategy', title: 'Plan', year: '2027' },
        { field: 'file', name: 'plan <script>.docx', bytes },
      ),
      [heading],
    )
    await checkPlanPages(plan, [heading, PAYLOADS[6]!, 'legătură periculoasă'])
  })

  it('an outline tampered with between preview and save is sanitised again', async () => {
    const editor = await people.as('editor')
    const evil = JSON.stringify([
      {
        number: 'CAPITOLUL I',
        heading,
        level: 1,
        text: 'Text.',
        html: `<p>Text.</p><script>alert("xss-o1")</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe><p onclick="alert(4)" style="background:url(javascript:alert(5))">p</p><svg><script>alert(6)</script></svg><table><tr><td>celulă</td></tr></table>`,
        anchor: 'cap-i" onmouseover="alert(7)',
      },
    ])
    const saved = await editor.post('/a/pangarati/staff/plans/new', {
      intent: 'save',
      kind: 'strategy',
      title: `Plan importat ${PAYLOADS[1]}`,
      year: '2027',
      outline: evil,
    })
    expect(saved.status).toBe(302)
    const plan = idAfter(saved, 'plans')
    await checkPlanPages(plan, [heading, 'celulă'])
  })

  it('a new version imported over a closed consultation is held to the same rules', async () => {
    const editor = await people.as('editor')
    const closed = one<{ id: string }>(
      db,
      "select id from plans where authority_id = ? and status = 'consultation_closed'",
      f.pangaratiId,
    ).id
    const preview = await editor.post(`/a/pangarati/staff/plans/${closed}/versions/new`, {
      intent: 'preview',
      note: PAYLOADS[0]!,
      text: planText,
    })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    const page = parsePage(html, /nonce="([^"]+)"/.exec(html)?.[1] ?? null)
    expect(page.problems).toEqual([])
    expect([page.text, ...page.values]).toContainEqual(expect.stringContaining(heading))
  })
})

describe('CSV imports', () => {
  const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

  it('services imported from CSV are shown as text in the preview, the list and the partners page', async () => {
    const coord = await people.as('coord')
    const csv = [
      'number,code,name,capacity,occupancy_percent,budget_local',
      ...PAYLOADS.slice(0, 8).map((p, i) =>
        [String(i + 1), '8810 ID-I', `Serviciul ${p}`, '10', '50', '1000'].map(csvCell).join(','),
      ),
    ].join('\n')
    const file = { field: 'file', name: 'servicii.csv', bytes: Buffer.from(csv) }
    const preview = await coord.postMultipart('/a/pangarati/staff/services', fileForm({ intent: 'preview' }, file))
    expect(preview.status).toBe(200)
    const html = await preview.text()
    const page = parsePage(html, /nonce="([^"]+)"/.exec(html)?.[1] ?? null)
    expect(page.problems).toEqual([])
    expect(page.text).toContain(`Serviciul ${PAYLOADS[0]}`)
    const imported = await coord.postMultipart('/a/pangarati/staff/services', fileForm({ intent: 'import' }, file))
    expect(imported.status).toBe(302)
    await expectInertPage(
      coord,
      '/a/pangarati/staff/services',
      PAYLOADS.slice(0, 8).map((p) => `Serviciul ${p}`),
    )
    await expectInertPage(coord, '/a/pangarati/staff/partners')
    await expectInertPage(coord, '/a/pangarati/staff/meetings')
  })

  it('protocols imported from CSV are shown as text in the preview, the dashboard, their pages and the public registry', async () => {
    const legal = await people.as('legal')
    const header =
      'number,kind,title,parties,object,registrations,validity,term_type,start,end,renewal_period,notice_period,extension,condition,status,notice_deadline,responsible,public'
    const safeForParties = PAYLOADS.filter((p) => !p.includes(';')).slice(0, 6)
    const rows = safeForParties.map((p, i) =>
      [
        String(100 + i),
        'protocol',
        `Protocol ${p}`,
        `Comuna Pângărați; Asociația ${p}`,
        `Obiectul ${PAYLOADS[(i + 7) % PAYLOADS.length]}`,
        '',
        `Valabil ${p}`,
        'fixed',
        '2026-01-01',
        '2027-12-31',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'da',
      ]
        .map(csvCell)
        .join(','),
    )
    const text = [header, ...rows].join('\n')
    const preview = await legal.post('/a/pangarati/staff/protocols/import', { text, format: 'csv' })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    const page = parsePage(html, /nonce="([^"]+)"/.exec(html)?.[1] ?? null)
    expect(page.problems).toEqual([])
    expect(page.text).toContain(`Protocol ${safeForParties[0]}`)
    const imported = await legal.post('/a/pangarati/staff/protocols/import', {
      text,
      format: 'csv',
      intent: 'import',
      acceptFlagged: 'on',
    })
    expect(imported.status).toBe(302)
    const ids = db
      .prepare("select id from protocols where authority_id = ? and title like 'Protocol %xss-%'")
      .pluck()
      .all(f.pangaratiId) as string[]
    expect(ids.length).toBe(safeForParties.length)
    await expectInertPage(legal, '/a/pangarati/staff/protocols', [`Protocol ${safeForParties[0]}`])
    await expectInertPage(legal, `/a/pangarati/staff/protocols?q=${encodeURIComponent('Protocol')}`)
    for (const id of ids) {
      await expectInertPage(legal, `/a/pangarati/staff/protocols/${id}`)
      await expectInertPage(legal, `/a/pangarati/staff/protocols/${id}/edit`)
    }
    await expectInertPage(await people.as('anon'), '/a/pangarati/protocols', [`Asociația ${safeForParties[1]}`])
  })
})
