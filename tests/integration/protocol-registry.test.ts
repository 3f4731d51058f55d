/**
 * The public registry of protocols, its open data (JSON), the staff CSV export and template,
 * and the secret calendar feed, over HTTP. Protocols are written straight into the app's
 * SQLite file (WAL mode lets a second connection write while the app runs).
 */
import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

const TODAY = '2025-01-15'
const LEGAL = 'juridic.pangarati@demo.planuri.ro'

let app: RunningApp
let db: Database.Database
const ids = {
  fixed: 'tstfixed00000001',
  addendum: 'tstaddendum00001',
  renewing: 'tstrenewing00001',
  hidden: 'tsthidden0000001',
  otherAuthority: 'tstother00000001',
}

type Party = { name: string; isAuthority?: boolean; number?: string; date?: string }
type Seed = {
  id: string
  authorityId: string
  parentId?: string
  kind: string
  listNumber?: string
  title: string
  object?: string
  isPublic: boolean
  responsibleUserId?: string
  lastReviewedOn?: string
  parties: Party[]
  term: {
    type: string
    start?: string
    end?: string
    renewal?: string
    notice?: string
    condition?: string
    validity?: string
  }
}

function seed(p: Seed) {
  db.prepare(
    `INSERT INTO protocols (id, authority_id, parent_id, kind, list_number, title, object, signed_on, addendum_effect,
       responsible_user_id, is_public, flagged, last_reviewed_on, search_text, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(
    p.id,
    p.authorityId,
    p.parentId ?? null,
    p.kind,
    p.listNumber ?? null,
    p.title,
    p.object ?? null,
    p.term.start ?? null,
    p.parentId ? 'extension' : null,
    p.responsibleUserId ?? null,
    p.isPublic ? 1 : 0,
    p.lastReviewedOn ?? null,
    p.title,
    Date.now(),
  )
  p.parties.forEach((party, position) =>
    db
      .prepare(
        `INSERT INTO protocol_parties (protocol_id, position, name, is_authority, registration_number, registration_date)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, position, party.name, party.isAuthority ? 1 : 0, party.number ?? null, party.date ?? null),
  )
  db.prepare(
    `INSERT INTO protocol_terms (protocol_id, type, start, "end", renewal_period, notice_period, condition, extension,
       validity_text, reason, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 'created', ?)`,
  ).run(
    p.id,
    p.term.type,
    p.term.start ?? null,
    p.term.end ?? null,
    p.term.renewal ?? null,
    p.term.notice ?? null,
    p.term.condition ?? null,
    p.term.validity ?? null,
    Date.now(),
  )
}

async function signedIn(email: string) {
  const client = new Client(app.url)
  await client.login(email, DEMO_PASSWORD)
  return client
}

beforeAll(async () => {
  app = await startApp({ APP_NOW: `${TODAY}T09:00:00.000Z` })
  db = new Database(app.databasePath)
  db.pragma('busy_timeout = 5000')
  const authority = (slug: string) =>
    db.prepare('SELECT id, name FROM authorities WHERE slug = ?').get(slug) as { id: string; name: string }
  const pangarati = authority('pangarati')
  const other = db.prepare("SELECT id FROM authorities WHERE slug <> 'pangarati' LIMIT 1").get() as { id: string }
  const legal = db.prepare('SELECT id FROM users WHERE email = ?').get(LEGAL) as { id: string }
  const us = { name: pangarati.name, isAuthority: true }

  seed({
    id: ids.fixed,
    authorityId: pangarati.id,
    kind: 'protocol',
    listNumber: '1',
    title: 'Protocol de colaborare pentru sprijin alimentar',
    object: 'Sprijin alimentar pentru persoanele vârstnice singure',
    isPublic: true,
    responsibleUserId: legal.id,
    parties: [
      { ...us, number: '1665', date: '2024-03-01' },
      { name: 'Asociația Lumina Zilei', number: '217', date: '2024-03-04' },
    ],
    term: { type: 'fixed', start: '2024-03-01', end: '2025-03-31', validity: 'Valabil până la 31.03.2025' },
  })
  seed({
    id: ids.renewing,
    authorityId: pangarati.id,
    kind: 'partnership_agreement',
    listNumber: '2',
    title: 'Acord de parteneriat "Vecini Buni"',
    object: 'Voluntariat în centrele rezidențiale, sâmbăta',
    isPublic: true,
    parties: [
      { ...us, number: '8217', date: '2024-03-02' },
      { name: 'Asociația Vecini Buni, filiala Neamț', number: '45', date: '2024-03-03' },
    ],
    term: { type: 'auto_renewing', start: '2024-03-02', end: '2025-03-01', renewal: 'P1Y', notice: 'P30D' },
  })
  seed({
    id: ids.addendum,
    authorityId: pangarati.id,
    parentId: ids.fixed,
    kind: 'addendum',
    title: 'Act adițional nr. 1 la protocolul de sprijin alimentar',
    isPublic: true,
    parties: [us, { name: 'Asociația Lumina Zilei' }],
    term: { type: 'fixed', start: '2024-09-01', end: '2025-03-31' },
  })
  seed({
    id: ids.hidden,
    authorityId: pangarati.id,
    kind: 'protocol',
    listNumber: '3',
    title: 'Protocol nepublic cu poliția locală',
    isPublic: false,
    lastReviewedOn: '2024-12-01',
    parties: [us, { name: 'Poliția Locală' }],
    term: { type: 'open_ended', start: '2022-10-03' },
  })
  seed({
    id: ids.otherAuthority,
    authorityId: other.id,
    kind: 'protocol',
    title: 'Protocolul altei autorități',
    isPublic: true,
    parties: [{ name: 'Altă autoritate', isAuthority: true }, { name: 'Fundația X' }],
    term: { type: 'fixed', start: '2024-01-01', end: '2025-02-01' },
  })
})

afterAll(async () => {
  db?.close()
  await app?.stop()
})

describe('the public registry page', () => {
  it('shows the public protocols to anyone, addenda under their parent, never the others', async () => {
    const res = await new Client(app.url).get('/a/pangarati/protocols')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Registrul protocoalelor de parteneriat</h1>')
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<caption>')
    const fixed = html.indexOf('Protocol de colaborare pentru sprijin alimentar<')
    const addendum = html.indexOf('Act adițional nr. 1 la protocolul de sprijin alimentar')
    expect(fixed).toBeGreaterThan(0)
    expect(addendum).toBeGreaterThan(fixed)
    expect(html).toContain('Act adițional la: Protocol de colaborare pentru sprijin alimentar')
    expect(html).toContain('Asociația Vecini Buni, filiala Neamț')
    expect(html).toContain('01.03.2024 – 31.03.2025')
    expect(html).toContain('expiră curând')
    expect(html).toContain('termen de denunțare aproape')
    expect(html).not.toContain('Protocol nepublic')
    expect(html).not.toContain('Protocolul altei autorități')
    expect(html).toContain('href="/a/pangarati/protocols.json"')
    expect(html).not.toContain('export.csv') // staff only
  })

  it('links staff to the CSV export', async () => {
    const html = await (await (await signedIn(LEGAL)).get('/a/pangarati/protocols')).text()
    expect(html).toContain('href="/a/pangarati/staff/protocols/export.csv"')
  })

  it('the authority page counts the public protocols and links to the registry', async () => {
    const { n } = db
      .prepare(
        `SELECT count(*) AS n FROM protocols p JOIN authorities a ON a.id = p.authority_id
         WHERE a.slug = 'pangarati' AND p.is_public = 1 AND p.parent_id IS NULL`,
      )
      .get() as { n: number }
    const html = await (await new Client(app.url).get('/a/pangarati')).text()
    expect(html).toContain('Protocoale de parteneriat')
    expect(html).toContain(`${n} protocoale sau acorduri de parteneriat publice.`)
    expect(html).toContain('href="/a/pangarati/protocols"')
  })

  it('an unknown authority is 404', async () => {
    expect((await new Client(app.url).get('/a/nu-exista/protocols')).status).toBe(404)
  })
})

describe('open data (JSON)', () => {
  it('serves the public protocols with CORS, no emails and no responsible person', async () => {
    const res = await new Client(app.url).get('/a/pangarati/protocols.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const text = await res.text()
    expect(text).not.toMatch(/@/)
    expect(text).not.toMatch(/responsible/i)
    const body = JSON.parse(text) as {
      authority: { slug: string; name: string }
      generatedAt: string
      asOf: string
      protocols: Array<Record<string, unknown> & { id: string; term: Record<string, unknown> }>
    }
    expect(body.authority.slug).toBe('pangarati')
    expect(body.asOf).toBe(TODAY)
    expect(new Date(body.generatedAt).toISOString()).toBe(body.generatedAt)
    const byId = new Map(body.protocols.map((p) => [p.id, p]))
    expect(byId.has(ids.hidden)).toBe(false)
    expect(byId.has(ids.otherAuthority)).toBe(false)
    const order = body.protocols.map((p) => p.id)
    expect(order.indexOf(ids.addendum)).toBe(order.indexOf(ids.fixed) + 1)
    expect(byId.get(ids.addendum)!.parentId).toBe(ids.fixed)
    expect(byId.get(ids.renewing)).toMatchObject({
      kind: 'partnership_agreement',
      title: 'Acord de parteneriat "Vecini Buni"',
      signedOn: '2024-03-02',
      parentId: null,
      status: 'in_notice_window',
      end: '2025-03-01',
      noticeDeadline: '2025-01-30',
      term: {
        type: 'auto_renewing',
        start: '2024-03-02',
        end: '2025-03-01',
        renewalPeriod: 'P1Y',
        noticePeriod: 'P30D',
        condition: null,
      },
      parties: [
        { name: expect.any(String), registrationNumber: '8217', registrationDate: '2024-03-02' },
        { name: 'Asociația Vecini Buni, filiala Neamț', registrationNumber: '45', registrationDate: '2024-03-03' },
      ],
    })
    expect(byId.get(ids.fixed)).toMatchObject({ status: 'expiring', end: '2025-03-31', noticeDeadline: null })
  })

  it('an unknown authority is a JSON 404', async () => {
    const res = await new Client(app.url).get('/a/nu-exista/protocols.json')
    expect(res.status).toBe(404)
  })
})

/** RFC 4180 reader, enough for the test (quotes, doubled quotes, commas, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        field += c
      }
    } else if (c === '"') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += c
    }
  }
  return rows
}

const HEADER =
  'number,kind,title,parties,object,registrations,validity,term_type,start,end,renewal_period,notice_period,extension,condition,status,notice_deadline,responsible,public'

describe('the CSV export', () => {
  it('gives a legal officer every protocol of the authority, UTF-8 with BOM, RFC 4180', async () => {
    const res = await (await signedIn(LEGAL)).get('/a/pangarati/staff/protocols/export.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="protocoale-pangarati-${TODAY}.csv"`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true)
    const [header, ...rows] = parseCsv(text)
    const col = (name: string) => header!.indexOf(name)
    expect(rows.every((r) => r.length === header!.length)).toBe(true)
    const byTitle = new Map(rows.map((r) => [r[col('title')]!, r]))
    expect(byTitle.has('Protocolul altei autorități')).toBe(false)
    const hidden = byTitle.get('Protocol nepublic cu poliția locală')!
    expect(hidden[col('public')]).toBe('nu')
    expect(hidden[col('term_type')]).toBe('open_ended')
    const renewing = byTitle.get('Acord de parteneriat "Vecini Buni"')!
    expect(renewing[col('parties')]).toMatch(/; Asociația Vecini Buni, filiala Neamț$/)
    expect(renewing[col('registrations')]).toBe('8217/02.03.2024; 45/03.03.2024')
    expect(renewing[col('start')]).toBe('2024-03-02')
    expect(renewing[col('end')]).toBe('2025-03-01')
    expect(renewing[col('renewal_period')]).toBe('P1Y')
    expect(renewing[col('notice_period')]).toBe('P30D')
    expect(renewing[col('status')]).toBe('in_notice_window')
    expect(renewing[col('notice_deadline')]).toBe('2025-01-30')
    expect(renewing[col('public')]).toBe('da')
    const fixed = byTitle.get('Protocol de colaborare pentru sprijin alimentar')!
    expect(fixed[col('responsible')]).toBe('Andrei Lungu')
    expect(fixed[col('validity')]).toBe('Valabil până la 31.03.2025')
    expect(fixed[col('number')]).toBe('1')
    // The raw line quotes the fields with a comma or a quote.
    expect(text).toContain('"Acord de parteneriat ""Vecini Buni"""')
    const titles = rows.map((r) => r[col('title')])
    expect(titles.indexOf('Act adițional nr. 1 la protocolul de sprijin alimentar')).toBe(
      titles.indexOf('Protocol de colaborare pentru sprijin alimentar') + 1,
    )
  })

  it('refuses an NGO user (403) and sends an anonymous visitor to log in', async () => {
    const ong = await signedIn('ong@demo.planuri.ro')
    expect((await ong.get('/a/pangarati/staff/protocols/export.csv')).status).toBe(403)
    expect((await ong.get('/a/pangarati/staff/protocols/template.csv')).status).toBe(403)
    const anonymous = await new Client(app.url).get('/a/pangarati/staff/protocols/export.csv')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?redirectTo=/)
  })

  it('offers the import template: header and two examples', async () => {
    const res = await (await signedIn(LEGAL)).get('/a/pangarati/staff/protocols/template.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/)
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const rows = parseCsv(text)
    expect(rows[0]!.join(',')).toBe(HEADER)
    expect(rows.slice(1).map((r) => r[7])).toEqual(['fixed', 'auto_renewing'])
  })
})

describe('the calendar feed', () => {
  const feedPath = (html: string) => {
    const m = /\/calendar\/([a-z0-9]+\.[a-z0-9]+)\.ics/.exec(html)
    if (!m) throw new Error('no calendar address on the page')
    return m[0]
  }

  it('is created from the account page, shown once, and read by a calendar parser', async () => {
    const legal = await signedIn(LEGAL)
    const before = await (await legal.get('/account')).text()
    expect(before).toContain('Creează adresa calendarului')

    const created = await legal.post('/account', { intent: 'calendar-create' })
    expect(created.status).toBe(200)
    const path = feedPath(await created.text())

    // Afterwards the page says a feed exists but cannot show its address again.
    const after = await (await legal.get('/account')).text()
    expect(after).toContain('Calendarul dumneavoastră există din')
    expect(after).not.toContain('/calendar/')

    const res = await new Client(app.url).get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await res.text()
    expect(text).toMatch(/\r\n$/)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)

    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
    const mine = events.filter((e) => e.uid.startsWith('tst'))
    const summary = (uid: string) => mine.find((e) => e.uid === uid)
    expect(mine.map((e) => e.uid).sort()).toEqual(
      [
        `${ids.fixed}-end-2025-03-31@planuri-sociale`,
        `${ids.renewing}-notice-2025-01-30@planuri-sociale`,
        `${ids.renewing}-notice-2026-01-30@planuri-sociale`,
        `${ids.renewing}-notice-2027-01-30@planuri-sociale`,
        `${ids.hidden}-review-2025-06-01@planuri-sociale`,
      ].sort(),
    )
    const end = summary(`${ids.fixed}-end-2025-03-31@planuri-sociale`)!
    expect(end.summary).toBe('Expiră: Protocol de colaborare pentru sprijin alimentar')
    expect(end.startDate.isDate).toBe(true)
    expect(end.startDate.toString()).toBe('2025-03-31')
    expect(end.endDate.toString()).toBe('2025-04-01')
    expect(end.description).toContain('Asociația Lumina Zilei')
    expect(end.description).toContain('expiră curând')
    expect(end.description).toContain(`/a/pangarati/staff/protocols/${ids.fixed}`)
    expect(end.component.getFirstPropertyValue('url')).toMatch(new RegExp(`/a/pangarati/staff/protocols/${ids.fixed}$`))
    const notice = summary(`${ids.renewing}-notice-2025-01-30@planuri-sociale`)!
    expect(notice.summary).toBe('Termen de denunțare: Acord de parteneriat "Vecini Buni"')
    expect(notice.startDate.toString()).toBe('2025-01-30')
    const review = summary(`${ids.hidden}-review-2025-06-01@planuri-sociale`)!
    expect(review.summary).toBe('Revizuire: Protocol nepublic cu poliția locală')
    expect(events.some((e) => e.summary.includes('Protocolul altei autorități'))).toBe(false)
    expect(events.some((e) => e.uid.startsWith(ids.addendum))).toBe(false)
  })

  it('regenerating ends the old address; revoking ends the new one; each step is audited', async () => {
    const legal = await signedIn(LEGAL)
    const { id: userId } = db.prepare('SELECT id FROM users WHERE email = ?').get(LEGAL) as { id: string }
    const audited = () =>
      (
        db
          .prepare(
            "SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = ? AND action LIKE 'calendar_feed.%' ORDER BY id",
          )
          .all(userId) as Array<{ action: string }>
      ).map((r) => r.action)
    const countBefore = audited().length

    const first = feedPath(await (await legal.post('/account', { intent: 'calendar-create' })).text())
    const second = feedPath(await (await legal.post('/account', { intent: 'calendar-create' })).text())
    expect(second).not.toBe(first)
    const anonymous = new Client(app.url)
    expect((await anonymous.get(first)).status).toBe(404)
    expect((await anonymous.get(second)).status).toBe(200)

    const revoked = await legal.post('/account', { intent: 'calendar-revoke' })
    expect(revoked.status).toBe(302)
    expect(revoked.headers.get('location')).toBe('/account?calendar=revoked')
    expect((await anonymous.get(second)).status).toBe(404)
    expect(await (await legal.get('/account?calendar=revoked')).text()).toContain('Calendarul a fost dezactivat')

    expect(audited().slice(countBefore)).toEqual([
      'calendar_feed.regenerated',
      'calendar_feed.regenerated',
      'calendar_feed.revoked',
    ])
    // The database keeps the hash of the secret only.
    const secret = second.split('.')[1]!
    const stored = db.prepare('SELECT token_id, secret_hash FROM calendar_feeds').all() as Array<{ token_id: string }>
    expect(JSON.stringify(stored)).not.toContain(secret)
  })

  it('a malformed or unknown address is 404', async () => {
    const anonymous = new Client(app.url)
    expect((await anonymous.get('/calendar/nimic.ics')).status).toBe(404)
    expect((await anonymous.get(`/calendar/${'a'.repeat(24)}.${'b'.repeat(24)}.ics`)).status).toBe(404)
  })

  it('is only for staff: an NGO user has no calendar section and cannot create one', async () => {
    const ong = await signedIn('ong@demo.planuri.ro')
    expect(await (await ong.get('/account')).text()).not.toContain('Creează adresa calendarului')
    expect((await ong.post('/account', { intent: 'calendar-create' })).status).toBe(403)
  })
})
