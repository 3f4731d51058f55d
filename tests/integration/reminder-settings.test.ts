/**
 * The authority's reminder settings: an administrator changes the offsets on the settings page
 * (a plain form post, as without JavaScript), they are validated, merged into the stored protocol
 * settings, audited, and `reminders due --as-of` follows them.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { cliAt } from '../support/cli'

const settingsPath = '/a/pangarati/staff/settings'

const cli = cliAt

function withDb<T>(app: RunningApp, fn: (db: Database.Database) => T): T {
  const db = new Database(app.databasePath, { fileMustExist: true })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

const storedSettings = (app: RunningApp) =>
  withDb(app, (db) => {
    const row = db.prepare(`SELECT protocol_settings FROM authorities WHERE slug = 'pangarati'`).get() as {
      protocol_settings: string | null
    }
    return row.protocol_settings ? (JSON.parse(row.protocol_settings) as Record<string, unknown>) : null
  })

const text = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '')

const DEFAULT_FORM = {
  intent: 'reminders',
  endOffsets: '90, 30, 7, 1',
  noticeOffsets: '30, 7, 1',
  reviewEveryMonths: '6',
  escalateWithinDays: '7',
  expiringWithinDays: '90',
  noticeWarningDays: '30',
}

describe('the reminder settings of an authority', { timeout: 120_000 }, () => {
  let app: RunningApp
  let admin: Client
  let fixedId = ''
  let openId = ''

  /** The reminders of our two protocols `reminders due` lists on a date. */
  async function dueOn(asOf: string) {
    const res = await cli(app, '2026-01-10', 'reminders', 'due', '--as-of', asOf, '--authority', 'pangarati', '--json')
    expect(res.code, res.stderr).toBe(0)
    const due = JSON.parse(res.stdout) as {
      reminders: Array<{ protocolId: string; kind: string; offsetDays: number | null; dueOn: string }>
    }
    return due.reminders
      .filter((r) => r.protocolId === fixedId || r.protocolId === openId)
      .map((r) => `${r.protocolId === fixedId ? 'fixed' : 'open'} ${r.kind} ${r.offsetDays ?? '-'} ${r.dueOn}`)
  }

  beforeAll(async () => {
    app = await startApp({ APP_NOW: '2026-01-10T10:00:00Z', WORKER: 'off' })
    admin = new Client(app.url)
    await admin.login('admin.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    const legal = new Client(app.url)
    await legal.login('juridic.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    const create = async (fields: Record<string, string>) => {
      const res = await legal.post('/a/pangarati/staff/protocols/new', {
        kind: 'protocol',
        'partners[0].name': 'Asociația Setărilor',
        renewalUnit: 'Y',
        noticeUnit: 'D',
        isPublic: 'on',
        ...fields,
      })
      expect(res.status, await res.clone().text()).toBe(302)
      return res.headers.get('location')!.split('?')[0]!.split('/').pop()!
    }
    fixedId = await create({ title: 'Protocol setări fix', termType: 'fixed', start: '2024-07-01', end: '2026-06-30' })
    openId = await create({ title: 'Protocol setări nedeterminat', termType: 'open_ended', start: '2026-01-05' })
  })

  afterAll(async () => {
    await app?.stop()
  })

  it('shows the defaults to an administrator; other staff may not open the page', async () => {
    const page = await text(await admin.get(settingsPath))
    expect(page).toContain('Memento-uri pentru protocoale')
    expect(page).toContain('value="90, 30, 7, 1"')
    expect(page).toContain('value="30, 7, 1"')
    const legal = new Client(app.url)
    await legal.login('juridic.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    expect((await legal.get(settingsPath)).status).toBe(403)
    expect((await legal.post(settingsPath, { ...DEFAULT_FORM, endOffsets: '10' })).status).toBe(403)
  })

  it('with the defaults: the 90-day reminder of a term ending 30.06.2026 is due on 01.04.2026', async () => {
    expect(await dueOn('2026-03-15')).toEqual([])
    expect(await dueOn('2026-04-01')).toEqual(['fixed end 90 2026-04-01'])
    expect((await dueOn('2026-07-04')).filter((r) => r.startsWith('open'))).toEqual([])
    expect((await dueOn('2026-07-05')).filter((r) => r.startsWith('open'))).toEqual(['open review - 2026-07-05'])
  })

  it('refuses wrong values, saying why, and stores nothing', async () => {
    const before = storedSettings(app)
    const res = await admin.post(settingsPath, {
      ...DEFAULT_FORM,
      endOffsets: '30, 30',
      noticeOffsets: '0, 7',
      reviewEveryMonths: '100',
    })
    expect(res.status).toBe(400)
    const html = await text(res)
    expect(html).toContain('Fiecare număr de zile se scrie o singură dată.')
    expect(html).toContain('Fiecare număr de zile trebuie să fie între 1 și 730.')
    expect(html).toContain('Scrieți un număr întreg de luni, între 1 și 60.')
    expect(storedSettings(app)).toEqual(before)
    const tooMany = await admin.post(settingsPath, { ...DEFAULT_FORM, endOffsets: '1 2 3 4 5 6 7 8 9' })
    expect(tooMany.status).toBe(400)
    expect(await text(tooMany)).toContain('Cel mult 8 memento-uri înainte de un termen.')
  })

  it('saves changed offsets (merged with what is stored, audited) and the planner follows them', async () => {
    // something already stored that the page does not edit
    withDb(app, (db) =>
      db
        .prepare(`UPDATE authorities SET protocol_settings = ? WHERE slug = 'pangarati'`)
        .run(JSON.stringify({ reminders: { lateGraceDays: 5 }, other: 'kept' })),
    )
    const res = await admin.post(settingsPath, {
      ...DEFAULT_FORM,
      endOffsets: '14,120',
      reviewEveryMonths: '3',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${settingsPath}?done=reminders#reminder-settings`)
    expect(storedSettings(app)).toEqual({
      other: 'kept',
      expiringWithinDays: 90,
      noticeWarningDays: 30,
      reviewEveryMonths: 3,
      reminders: { lateGraceDays: 5, endOffsets: [120, 14], noticeOffsets: [30, 7, 1], escalateWithinDays: 7 },
    })
    const page = await text(await admin.get(`${settingsPath}?done=reminders`))
    expect(page).toContain('Setările memento-urilor au fost salvate.')
    expect(page).toContain('value="120, 14"')

    const audit = withDb(app, (db) =>
      db
        .prepare(
          `SELECT before, after FROM audit_events WHERE action = 'authority.updated' AND after LIKE '%reminderSettings%'`,
        )
        .all(),
    ) as Array<{ before: string; after: string }>
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.before)).toEqual({
      reminderSettings: { endOffsets: [90, 30, 7, 1], reviewEveryMonths: 6 },
    })
    expect(JSON.parse(audit[0]!.after)).toEqual({ reminderSettings: { endOffsets: [120, 14], reviewEveryMonths: 3 } })

    // 120 days before 30.06.2026 is 02.03.2026; no 90-day reminder on 01.04 any more
    expect(await dueOn('2026-03-01')).toEqual([])
    expect(await dueOn('2026-03-15')).toEqual(['fixed end 120 2026-03-02'])
    expect(await dueOn('2026-04-01')).toEqual(['fixed end 120 2026-03-02'])
    // the review comes every 3 months now: 05.04.2026 instead of 05.07.2026
    expect(await dueOn('2026-04-05')).toEqual(['fixed end 120 2026-03-02', 'open review - 2026-04-05'])
    expect(await dueOn('2026-06-16')).toEqual([
      'fixed end 120 2026-03-02',
      'fixed end 14 2026-06-16',
      'open review - 2026-04-05',
    ])

    // saving the same values again changes nothing and records nothing
    expect(
      (await admin.post(settingsPath, { ...DEFAULT_FORM, endOffsets: '120, 14', reviewEveryMonths: '3' })).status,
    ).toBe(302)
    const again = withDb(app, (db) =>
      db
        .prepare(
          `SELECT count(*) AS n FROM audit_events WHERE action = 'authority.updated' AND after LIKE '%reminderSettings%'`,
        )
        .get(),
    ) as { n: number }
    expect(again.n).toBe(1)
  })

  it('the main settings form still saves on its own', async () => {
    const page = await text(await admin.get(settingsPath))
    expect(page).toContain('Salvează memento-urile')
    expect(page).toContain('name="intent" value="reminders"')
  })
})
