/**
 * The partners' contact persons: entered on the protocol form, kept private (never on the public
 * registry or its open data), and told of the partnership's deadlines when the protocol says so:
 * `reminders due` lists them, `jobs run-once` emails them in Romanian, without the acknowledge
 * link, saying why and how to be removed; the protocol page shows them among the recipients.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { cliAt } from '../support/cli'

const base = '/a/pangarati/staff/protocols'
const LEGAL = 'juridic.pangarati@demo.planuri.ro'
const CONTACT = 'ioana.marin@vecini-buni.ro'
const CONTACT_2 = 'contact@lumina.ro'

const cli = cliAt

function query<T>(app: RunningApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

type Outbox = {
  to_address: string
  subject: string
  text: string
  html: string
  user_id: string | null
  locale: string
}
const emailsTo = (app: RunningApp, address: string) =>
  query<Outbox>(
    app,
    'SELECT to_address, subject, text, html, user_id, locale FROM email_outbox WHERE to_address = ? ORDER BY created_at',
    address,
  )

const text = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '')

describe('reminders to the partners’ contact persons', { timeout: 120_000 }, () => {
  let app: RunningApp
  let legal: Client
  let fixedId = ''
  let openId = ''

  const fixed = {
    kind: 'protocol',
    title: 'Protocol cu parteneri anunțați',
    object: 'Cantina socială',
    'partners[0].name': 'Asociația Vecini Buni',
    'partners[0].contactName': 'Ioana Marin',
    'partners[0].contactEmail': 'Ioana.Marin@Vecini-Buni.ro',
    'partners[1].name': 'Fundația Lumina',
    'partners[1].contactEmail': CONTACT_2,
    'partners[2].name': 'Parohia Sf. Nicolae',
    termType: 'fixed',
    start: '2024-07-01',
    end: '2026-06-30',
    renewalUnit: 'Y',
    noticeUnit: 'D',
    isPublic: 'on',
    remindPartners: 'on',
  }

  beforeAll(async () => {
    app = await startApp({ APP_NOW: '2026-03-01T10:00:00Z', WORKER: 'off' })
    legal = new Client(app.url)
    await legal.login(LEGAL, DEMO_PASSWORD)
  })

  afterAll(async () => {
    await app?.stop()
  })

  it('the form refuses a wrong address and reminders without any contact email, saying why', async () => {
    const wrong = await legal.post(`${base}/new`, { ...fixed, 'partners[0].contactEmail': 'ioana.marin' })
    expect(wrong.status).toBe(400)
    const none = await legal.post(`${base}/new`, {
      ...fixed,
      'partners[0].contactEmail': '',
      'partners[1].contactEmail': '',
    })
    expect(none.status).toBe(400)
    expect(await text(none)).toContain('Scrieți emailul persoanei de contact pentru cel puțin un partener.')
  })

  it('stores the contacts, shows them to the staff and in the edit form, and audits them', async () => {
    const created = await legal.post(`${base}/new`, fixed)
    expect(created.status, await created.clone().text()).toBe(302)
    fixedId = created.headers.get('location')!.split('?')[0]!.split('/').pop()!
    const page = await text(await legal.get(`${base}/${fixedId}`))
    expect(page).toContain('Ioana Marin')
    expect(page).toContain(CONTACT)
    expect(page).toContain('memento-urile despre termene merg și la persoanele de contact')
    const edit = await text(await legal.get(`${base}/${fixedId}/edit`))
    expect(edit).toContain(`value="${CONTACT}"`)
    expect(edit).toContain('value="Ioana Marin"')
    const audit = query<{ after: string }>(
      app,
      `SELECT after FROM audit_events WHERE entity_id = ? AND action = 'protocol.created'`,
      fixedId,
    )
    expect(JSON.parse(audit[0]!.after)).toMatchObject({
      remindPartners: true,
      parties: [
        { isAuthority: true, contactEmail: null },
        { name: 'Asociația Vecini Buni', contactName: 'Ioana Marin', contactEmail: CONTACT },
        { name: 'Fundația Lumina', contactName: null, contactEmail: CONTACT_2 },
        { name: 'Parohia Sf. Nicolae', contactEmail: null },
      ],
    })
    // an edit that only changes a contact is recorded too
    const saved = await legal.post(`${base}/${fixedId}/edit`, {
      ...fixed,
      'partners[1].contactName': 'Dan Pop',
    })
    expect(saved.status).toBe(302)
    const updated = query<{ before: string; after: string }>(
      app,
      `SELECT before, after FROM audit_events WHERE entity_id = ? AND action = 'protocol.updated'`,
      fixedId,
    )
    expect(updated).toHaveLength(1)
    expect(updated[0]!.after).toContain('Dan Pop')
  })

  it('never shows the contacts publicly: the registry page and its open data', async () => {
    const anonymous = new Client(app.url)
    const registry = await text(await anonymous.get('/a/pangarati/protocols'))
    expect(registry).toContain('Protocol cu parteneri anunțați')
    const json = await text(await anonymous.get('/a/pangarati/protocols.json'))
    expect(json).toContain('Protocol cu parteneri anunțați')
    for (const body of [registry, json]) {
      expect(body).not.toContain(CONTACT)
      expect(body).not.toContain(CONTACT_2)
      expect(body).not.toContain('Ioana Marin')
      expect(body).not.toContain('Dan Pop')
    }
  })

  it('`reminders due` lists the partners among the recipients of the deadline reminders', async () => {
    // 30 days before 30.06.2026
    const due = await cli(
      app,
      '2026-03-01',
      'reminders',
      'due',
      '--as-of',
      '2026-05-31',
      '--authority',
      'pangarati',
      '--json',
    )
    expect(due.code, due.stderr).toBe(0)
    const mine = (
      JSON.parse(due.stdout) as {
        reminders: Array<{
          protocolId: string
          kind: string
          offsetDays: number
          recipients: string[]
          to: Array<{ as: string; name: string; email: string }>
        }>
      }
    ).reminders.filter((r) => r.protocolId === fixedId)
    expect(mine.map((r) => [r.kind, r.offsetDays])).toEqual([
      ['end', 90],
      ['end', 30],
    ])
    for (const r of mine) {
      expect(r.recipients).toContain(CONTACT)
      expect(r.recipients).toContain(CONTACT_2)
      expect(r.recipients).toContain(LEGAL)
      expect(r.to.filter((p) => p.as === 'partner')).toEqual([
        { as: 'partner', name: 'Ioana Marin', email: CONTACT },
        { as: 'partner', name: 'Dan Pop', email: CONTACT_2 },
      ])
    }
    const plain = await cli(app, '2026-03-01', 'reminders', 'due', '--as-of', '2026-05-31', '--authority', 'pangarati')
    expect(plain.stdout).toContain(`${CONTACT} (partner: Ioana Marin)`)
  })

  it('`jobs run-once` emails them in Romanian, with why and how to be removed, without the acknowledge link', async () => {
    const run = await cli(app, '2026-04-01', 'jobs', 'run-once', '--json')
    expect(run.code, run.stderr).toBe(0)
    const toContact = emailsTo(app, CONTACT)
    expect(toContact).toHaveLength(1)
    const email = toContact[0]!
    expect(email.locale).toBe('ro')
    expect(email.user_id).toBeNull()
    expect(email.subject).toContain('expiră pe 30.06.2026')
    expect(email.text).toContain('Ioana Marin')
    expect(email.text).toContain('persoana de contact a Asociația Vecini Buni')
    expect(email.text).toContain('Legea nr. 292/2011')
    expect(email.text).toContain('Legea nr. 52/2003')
    expect(email.text).toMatch(/scrieți autorității la \S+@\S+/)
    expect(email.html).not.toContain('/ack?token=')
    expect(email.html).not.toContain('/staff/')
    expect(emailsTo(app, CONTACT_2)).toHaveLength(1)
    expect(emailsTo(app, CONTACT_2)[0]!.text).toContain('persoana de contact a Fundația Lumina')
    // the staff's copy keeps its acknowledge link
    const toLegal = emailsTo(app, LEGAL).filter((e) => e.subject.includes('Protocol cu parteneri anunțați'))
    expect(toLegal).toHaveLength(1)
    expect(toLegal[0]!.html).toContain('/ack?token=')

    const rows = query<{ recipients: string }>(
      app,
      'SELECT recipients FROM protocol_reminders WHERE protocol_id = ?',
      fixedId,
    )
    expect(rows).toHaveLength(1)
    const recipients = JSON.parse(rows[0]!.recipients) as Array<{ as: string; userId: string; email: string }>
    expect(recipients.filter((r) => r.as === 'partner')).toEqual([
      { as: 'partner', userId: '', name: 'Ioana Marin', email: CONTACT },
      { as: 'partner', userId: '', name: 'Dan Pop', email: CONTACT_2 },
    ])
    // once only
    expect((await cli(app, '2026-04-01', 'jobs', 'run-once')).code).toBe(0)
    expect(emailsTo(app, CONTACT)).toHaveLength(1)
  })

  it('the protocol page shows the partners among the recipients', async () => {
    const page = await text(await legal.get(`${base}/${fixedId}`))
    expect(page).toContain('Ioana Marin (persoană de contact a partenerului)')
    expect(page).toContain('și partenerilor')
  })

  it('review reminders do not go to the partners; nothing goes to them when the protocol does not say so', async () => {
    const open = await legal.post(`${base}/new`, {
      ...fixed,
      title: 'Protocol pe perioadă nedeterminată',
      'partners[0].contactEmail': 'revizie@example.ro',
      'partners[1].contactEmail': '',
      termType: 'open_ended',
      start: '2025-01-10',
      end: '',
    })
    expect(open.status).toBe(302)
    openId = open.headers.get('location')!.split('?')[0]!.split('/').pop()!
    const quiet = await legal.post(`${base}/new`, {
      ...fixed,
      title: 'Protocol fără memento-uri pentru parteneri',
      'partners[0].contactEmail': 'tacut@example.ro',
      'partners[1].contactEmail': '',
      remindPartners: '',
    })
    expect(quiet.status).toBe(302)
    const quietId = quiet.headers.get('location')!.split('?')[0]!.split('/').pop()!
    const due = await cli(
      app,
      '2026-03-01',
      'reminders',
      'due',
      '--as-of',
      '2026-04-01',
      '--authority',
      'pangarati',
      '--json',
    )
    const all = (
      JSON.parse(due.stdout) as { reminders: Array<{ protocolId: string; kind: string; recipients: string[] }> }
    ).reminders
    const review = all.filter((r) => r.protocolId === openId)
    expect(review.map((r) => r.kind)).toEqual(['review'])
    expect(review[0]!.recipients).not.toContain('revizie@example.ro')
    const silent = all.filter((r) => r.protocolId === quietId)
    expect(silent.length).toBeGreaterThan(0)
    for (const r of silent) expect(r.recipients).not.toContain('tacut@example.ro')
    expect((await cli(app, '2026-04-01', 'jobs', 'run-once')).code).toBe(0)
    expect(emailsTo(app, 'revizie@example.ro')).toEqual([])
    expect(emailsTo(app, 'tacut@example.ro')).toEqual([])
  })
})
