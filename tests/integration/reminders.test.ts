/**
 * Protocol reminders end to end: protocols created through the forms, the planner run by
 * `jobs run-once` as system cron would, at successive dates (time travel through APP_NOW),
 * emails delivered to a fake Resend. Then three processes at once on one database.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend, type ReceivedEmail } from '../support/fake-resend'

const root = path.resolve(import.meta.dirname, '../..')
const base = '/a/pangarati/staff/protocols'
const LEGAL = 'juridic.pangarati@demo.planuri.ro'
const EDITOR = 'editor.pangarati@demo.planuri.ro'
const ADMIN = 'admin.pangarati@demo.planuri.ro'

function cliEnv(app: RunningApp, resend: FakeResend, date: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test' as const,
    DATABASE_PATH: app.databasePath,
    APP_NOW: `${date}T09:00:00Z`,
    APP_URL: app.url,
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
  }
}

/** The CLI, waited for synchronously: only for commands that send nothing (the fake Resend runs here). */
function cli(app: RunningApp, resend: FakeResend, date: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    cwd: root,
    env: cliEnv(app, resend, date),
    encoding: 'utf8',
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

function cliAsync(app: RunningApp, resend: FakeResend, date: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
      cwd: root,
      env: cliEnv(app, resend, date),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The outbox's idempotency keys by the id Resend gave each email. */
function outboxKeysById(app: RunningApp): Map<string, string> {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    const rows = db
      .prepare('SELECT idempotency_key, provider_message_id FROM email_outbox WHERE provider_message_id IS NOT NULL')
      .all() as Array<{ idempotency_key: string; provider_message_id: string }>
    return new Map(rows.map((r) => [r.provider_message_id, r.idempotency_key]))
  } finally {
    db.close()
  }
}

async function legalOfficer(app: RunningApp) {
  const client = new Client(app.url)
  await client.login(LEGAL, DEMO_PASSWORD)
  return client
}

/** The staff member's id, from the "responsible person" options of the new-protocol form. */
async function staffId(client: Client, name: string): Promise<string> {
  const html = await (await client.get(`${base}/new`)).text()
  const m = new RegExp(`<option value="([^"]+)"[^>]*>${name}</option>`).exec(html)
  if (!m) throw new Error(`No staff option for ${name}`)
  return m[1]!
}

async function createProtocol(client: Client, fields: Record<string, string>): Promise<string> {
  const res = await client.post(`${base}/new`, {
    kind: 'protocol',
    object: 'Colaborare pentru servicii sociale',
    isPublic: 'on',
    renewalUnit: 'Y',
    noticeUnit: 'D',
    ...fields,
  })
  expect(res.status, await res.clone().text()).toBe(302)
  return res.headers.get('location')!.split('?')[0]!.split('/').pop()!
}

type Row = {
  id: string
  protocol_id: string
  term_key: string
  kind: string
  offset_days: number
  status: string
  recipients: string
  acknowledged_at: number | null
  acknowledged_by: string | null
  escalated_at: number | null
}

function reminderRows(app: RunningApp): Row[] {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT * FROM protocol_reminders ORDER BY due_on, offset_days DESC').all() as Row[]
  } finally {
    db.close()
  }
}

const pathOf = (url: string) => {
  const u = new URL(url)
  return u.pathname + u.search
}

describe('protocol reminders by time travel', { timeout: 120_000 }, () => {
  let app: RunningApp
  let resend: FakeResend
  let fixedId = ''
  let renewingId = ''
  let editorId = ''
  // What reached Resend on each run date, for our two protocols.
  const received: Array<{ on: string; email: ReceivedEmail }> = []
  const ours = (e: ReceivedEmail) =>
    e.subject.includes('Protocol memento fix') || e.subject.includes('Acord memento auto')

  async function runOn(date: string) {
    const before = resend.emails.length
    // Asynchronous: the fake Resend answers from this process, which must not be blocked.
    const res = await cliAsync(app, resend, date, 'jobs', 'run-once')
    expect(res.code, res.stderr).toBe(0)
    const fresh = resend.emails.slice(before).filter(ours)
    for (const email of fresh) received.push({ on: date, email })
    return fresh
  }

  const summary = (emails: ReceivedEmail[]) =>
    emails.map((e) => ({ to: e.to.join(','), subject: e.subject })).sort((a, b) => (a.to < b.to ? -1 : 1))

  beforeAll(async () => {
    resend = await startFakeResend()
    app = await startApp({
      APP_NOW: '2025-10-31T10:00:00Z',
      WORKER: 'off',
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.url,
    })
    const legal = await legalOfficer(app)
    editorId = await staffId(legal, 'Ioana Ciobanu')
    fixedId = await createProtocol(legal, {
      title: 'Protocol memento fix',
      'partners[0].name': 'Asociația Memento',
      termType: 'fixed',
      start: '2024-02-11',
      end: '2026-02-10',
      responsibleUserId: editorId,
    })
    renewingId = await createProtocol(legal, {
      kind: 'partnership_agreement',
      title: 'Acord memento auto',
      'partners[0].name': 'Fundația Reînnoire',
      termType: 'auto_renewing',
      start: '2025-03-01',
      renewalAmount: '1',
      renewalUnit: 'Y',
      noticeAmount: '30',
      noticeUnit: 'D',
      // the legal officer is also the responsible person: told once
      responsibleUserId: await staffId(legal, 'Andrei Lungu'),
    })
  })

  afterAll(async () => {
    await app?.stop()
    await resend?.close()
  })

  it('lists what is due on a date without sending or recording anything', () => {
    const first = cli(
      app,
      resend,
      '2025-10-31',
      'reminders',
      'due',
      '--as-of',
      '2026-01-22',
      '--authority',
      'pangarati',
      '--json',
    )
    expect(first.code, first.stderr).toBe(0)
    const due = JSON.parse(first.stdout) as {
      asOf: string
      reminders: Array<{
        protocolId: string
        title: string
        kind: string
        offsetDays: number | null
        recipients: string[]
      }>
    }
    expect(due.asOf).toBe('2026-01-22')
    const mine = due.reminders.filter((r) => r.protocolId === renewingId || r.protocolId === fixedId)
    // Nothing was ever sent: on that date, everything due before comes as one overdue message each.
    expect(mine.filter((r) => r.protocolId === renewingId).map((r) => [r.kind, r.offsetDays])).toEqual([
      ['notice', 30],
      ['notice', 7],
    ])
    expect(mine.find((r) => r.protocolId === renewingId)!.recipients.sort()).toEqual([ADMIN, LEGAL])
    expect(mine.filter((r) => r.protocolId === fixedId).map((r) => r.offsetDays)).toEqual([90, 30])
    expect(reminderRows(app)).toEqual([])
    expect(resend.emails).toEqual([])
    const again = cli(
      app,
      resend,
      '2025-10-31',
      'reminders',
      'due',
      '--as-of',
      '2026-01-22',
      '--authority',
      'pangarati',
      '--json',
    )
    expect(again.stdout).toBe(first.stdout)
    // wrong arguments: usage, exit 2
    expect(cli(app, resend, '2025-10-31', 'reminders', 'due', '--as-of', '2026-02-30').code).toBe(2)
    expect(cli(app, resend, '2025-10-31', 'reminders', 'due', '--dry-run').code).toBe(2)
    expect(cli(app, resend, '2025-10-31', 'jobs', 'run-once', '--authority', 'pangarati').code).toBe(2)
    expect(cli(app, resend, '2025-10-31', 'reminders', 'due', '--authority', 'nope').code).toBe(1)
  })

  it('a fixed term ending 10.02.2026 is reminded on 12.11.2025, 11.01.2026, 03.02.2026 and 09.02.2026', async () => {
    expect(await runOn('2025-11-01')).toEqual([])
    expect(summary(await runOn('2025-11-12'))).toEqual([
      { to: EDITOR, subject: 'Protocolul „Protocol memento fix (Asociația Memento)” expiră pe 10.02.2026' },
      { to: LEGAL, subject: 'Protocolul „Protocol memento fix (Asociația Memento)” expiră pe 10.02.2026' },
    ])
    expect(await runOn('2025-11-12')).toEqual([]) // the same day again: nothing twice
    expect(await runOn('2025-11-13')).toEqual([])
  })

  it('an auto-renewing term is reminded before its notice deadline, to the legal officer once', async () => {
    expect(summary(await runOn('2025-12-30'))).toEqual([
      {
        to: LEGAL,
        subject:
          '„Acord memento auto (Fundația Reînnoire)” se prelungește automat pe 01.03.2026 dacă nu este denunțat până pe 29.01.2026',
      },
    ])
  })

  it('one click in the email acknowledges a reminder: GET only asks, POST records', async () => {
    const thirty = await runOn('2026-01-11')
    expect(summary(thirty).map((e) => e.to)).toEqual([EDITOR, LEGAL])
    const toEditor = thirty.find((e) => e.to.includes(EDITOR))!
    const link = /https?:\/\/\S+\/reminders\/\S+\/ack\?token=\S+/.exec(toEditor.text)?.[0]
    expect(link).toBeDefined()
    expect(toEditor.html).toContain('/reminders/')

    const anonymous = new Client(app.url)
    const page = await anonymous.get(pathOf(link!))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Am luat la cunoștință')
    expect(html).toContain('Ioana Ciobanu')
    expect(reminderRows(app).every((r) => r.acknowledged_at === null)).toBe(true)

    // a forged token is refused
    const forged = pathOf(link!).replace(/token=[^.]+\./, 'token=someoneelse.')
    expect(
      (await anonymous.post(forged, { token: new URL(`http://x${forged}`).searchParams.get('token')! })).status,
    ).toBe(403)

    const token = new URL(link!).searchParams.get('token')!
    const posted = await anonymous.post(pathOf(link!), { token })
    expect(posted.status).toBe(302)
    const done = await (await anonymous.get(pathOf(link!))).text()
    expect(done.replaceAll('<!-- -->', '')).toContain('luat la cunoștință de Ioana Ciobanu')
    const acked = reminderRows(app).filter((r) => r.acknowledged_at !== null)
    expect(acked).toHaveLength(1)
    expect(acked[0]).toMatchObject({ protocol_id: fixedId, offset_days: 30, acknowledged_by: editorId })
  })

  it('a deadline reminder nobody acknowledged goes to the admins too, from 7 days before', async () => {
    expect(summary(await runOn('2026-01-22')).map((e) => e.to)).toEqual([ADMIN, LEGAL])
    const escalated = received.find((r) => r.on === '2026-01-22' && r.email.to.includes(ADMIN))!.email
    expect(escalated.text).toContain('ca administrator al autorității')
    expect(summary(await runOn('2026-01-28')).map((e) => e.to)).toEqual([ADMIN, LEGAL])
    // the fixed term's 30-day reminder was acknowledged: its 7-day reminder is not escalated
    expect(summary(await runOn('2026-02-03'))).toEqual([
      { to: EDITOR, subject: 'Protocolul „Protocol memento fix (Asociația Memento)” expiră pe 10.02.2026' },
      { to: LEGAL, subject: 'Protocolul „Protocol memento fix (Asociația Memento)” expiră pe 10.02.2026' },
    ])
    expect(summary(await runOn('2026-02-09')).map((e) => e.to)).toEqual([EDITOR, LEGAL])
    expect(await runOn('2026-02-10')).toEqual([])
    expect(await runOn('2026-02-15')).toEqual([])
  })

  it('the auto-renewing term rolls over by itself, says so, and its next reminders belong to the new term', async () => {
    const renewed = await runOn('2026-03-01')
    expect(summary(renewed)).toEqual([
      { to: LEGAL, subject: '„Acord memento auto (Fundația Reînnoire)” s-a prelungit automat până pe 28.02.2027' },
    ])
    expect(renewed[0]!.text).toContain('29.01.2027') // the new notice deadline
    expect(await runOn('2026-03-02')).toEqual([])
    const next = await runOn('2026-12-30')
    expect(summary(next)[0]!.subject).toContain(
      'se prelungește automat pe 01.03.2027 dacă nu este denunțat până pe 29.01.2027',
    )
    const rows = reminderRows(app).filter((r) => r.protocol_id === renewingId)
    expect(rows.map((r) => [r.term_key, r.kind, r.offset_days])).toEqual([
      ['2025-03-01..2026-02-28', 'notice', 30],
      ['2025-03-01..2026-02-28', 'notice', 7],
      ['2025-03-01..2026-02-28', 'notice', 1],
      ['2026-03-01..2027-02-28', 'renewed', -1],
      ['2026-03-01..2027-02-28', 'notice', 30],
    ])
  })

  it('everything went out exactly once, with its idempotency key', () => {
    // Emails due together go out in one batch request, under the batch's key: each email is
    // matched to its outbox row (keyed by reminder and recipient) by the id Resend gave it.
    const keyById = outboxKeysById(app)
    const keys = received.map((r) => keyById.get(r.email.id) ?? null)
    expect(keys.every((k) => k !== null && /^reminder:[a-z0-9]+:[a-z0-9]+$/.test(k))).toBe(true)
    expect(new Set(keys).size).toBe(keys.length)
    for (const [, count] of resend.acceptedByKey()) expect(count).toBe(1)
    // 2 + 1 + 2 + 2 + 2 + 2 + 2 (fixed and notice reminders) + 1 (renewed) + 1 (next term)
    expect(received).toHaveLength(15)
    const rows = reminderRows(app).filter((r) => r.protocol_id === fixedId || r.protocol_id === renewingId)
    expect(rows.map((r) => r.status)).toEqual(Array(9).fill('sent')) // 4 + 5, none collapsed: the planner ran on each due date
    for (const row of rows.filter((r) => r.status === 'sent')) {
      const recipients = JSON.parse(row.recipients) as Array<{ userId: string; email: string }>
      for (const r of recipients) expect(keys).toContain(`reminder:${row.id}:${r.userId}`)
    }
  })

  it('the protocol page shows the reminders sent, who acknowledged them, and those planned', async () => {
    const legal = await legalOfficer(app)
    const html = (await (await legal.get(`${base}/${fixedId}`)).text()).replaceAll('<!-- -->', '')
    expect(html).toContain('Memento-uri')
    expect(html).toContain('Expirare: cu 90 de zile înainte')
    expect(html).toContain('Ioana Ciobanu, ')
    expect(html).toContain('Am luat la cunoștință')
    // the legal officer acknowledges the 7-day reminder from the page
    const rows = reminderRows(app).filter((r) => r.protocol_id === fixedId && r.offset_days === 7)
    const res = await legal.post(`/reminders/${rows[0]!.id}/ack`, { back: 'protocol' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${base}/${fixedId}?done=acknowledged#reminders`)
    expect(reminderRows(app).find((r) => r.id === rows[0]!.id)!.acknowledged_at).not.toBeNull()
    // a viewer may not acknowledge a reminder of another authority
    const other = new Client(app.url)
    await other.login('juridic.dgaspc@demo.planuri.ro', DEMO_PASSWORD)
    expect((await other.post(`/reminders/${rows[0]!.id}/ack`, { back: 'protocol' })).status).toBe(403)
  })
})

describe('three `jobs run-once` processes at the same time on one database', { timeout: 120_000 }, () => {
  let app: RunningApp
  let resend: FakeResend

  beforeAll(async () => {
    resend = await startFakeResend()
    app = await startApp({
      APP_NOW: '2025-10-31T10:00:00Z',
      WORKER: 'off',
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.url,
    })
    const legal = await legalOfficer(app)
    const editor = await staffId(legal, 'Ioana Ciobanu')
    for (let i = 1; i <= 6; i++) {
      await createProtocol(legal, {
        title: `Protocol concurent ${i}`,
        'partners[0].name': `Partener ${i}`,
        termType: 'fixed',
        start: '2024-01-01',
        // due on 20.01.2026: the 30-day reminder (some with the 90-day one as overdue)
        end: i % 2 ? '2026-02-19' : `2026-02-${String(18 + i).padStart(2, '0')}`,
        responsibleUserId: i % 3 === 0 ? editor : '',
      })
    }
  })

  afterAll(async () => {
    await app?.stop()
    await resend?.close()
  })

  it('each reminder is recorded and emailed exactly once', async () => {
    const runs = await Promise.all(
      [1, 2, 3].map(() => cliAsync(app, resend, '2026-01-20', 'jobs', 'run-once', '--json')),
    )
    for (const r of runs) expect(r.code, r.stderr).toBe(0)
    const outputs = runs.map(
      (r) => JSON.parse(r.stdout) as { reminders: { messages: Array<{ protocolId: string }>; recorded: number } },
    )
    const rows = reminderRows(app)
    const sent = rows.filter((r) => r.status === 'sent')
    // every message went out from exactly one process
    const messages = outputs.flatMap((o) => o.reminders.messages.map((m) => m.protocolId))
    expect(messages.sort()).toEqual(sent.map((r) => r.protocol_id).sort())
    expect(outputs.reduce((n, o) => n + o.reminders.recorded, 0)).toBe(rows.length)
    expect(new Set(rows.map((r) => `${r.protocol_id}|${r.term_key}|${r.kind}|${r.offset_days}`)).size).toBe(rows.length)
    expect(sent.length).toBeGreaterThanOrEqual(6)

    const keyById = outboxKeysById(app)
    const emailKeys = resend.emails.map((e) => keyById.get(e.id) ?? '')
    const expected = sent.flatMap((row) =>
      (JSON.parse(row.recipients) as Array<{ userId: string }>).map((r) => `reminder:${row.id}:${r.userId}`),
    )
    expect(emailKeys.filter((k) => k.startsWith('reminder:')).sort()).toEqual(expected.sort())
    for (const [, count] of resend.acceptedByKey()) expect(count).toBe(1)
    const weekly = emailKeys.filter((k) => k.startsWith('weekly-review:'))
    expect(new Set(weekly).size).toBe(weekly.length)

    // and a later run sends nothing more
    const before = resend.emails.length
    const again = await cliAsync(app, resend, '2026-01-20', 'jobs', 'run-once', '--json')
    expect(JSON.parse(again.stdout).reminders.messages).toEqual([])
    expect(resend.emails.length).toBe(before)
  })
})
