/**
 * Automatic renewals recorded in the protocol's history: `jobs run-once`, as system cron runs it,
 * on the day after an auto-renewing period ends records the period it rolled over into (once,
 * whatever the number of runs), with an audit event; after a downtime, every period missed; the
 * protocol page lists them under the term, in order. The term itself is never rewritten.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { cliAt } from '../support/cli'

const base = '/a/pangarati/staff/protocols'

const cli = cliAt

type RunSummary = {
  reminders: {
    messages: Array<{ protocolId: string; kind: string }>
    renewals: Array<{ protocolId: string; authority: string; periodStart: string; periodEnd: string }>
  }
}

async function runOnce(app: RunningApp, date: string): Promise<RunSummary> {
  const res = await cli(app, date, 'jobs', 'run-once', '--json')
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout) as RunSummary
}

function query<T>(app: RunningApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

type RenewalRow = { term_id: number; period_start: string; period_end: string }
const renewals = (app: RunningApp, protocolId: string) =>
  query<RenewalRow>(
    app,
    'SELECT term_id, period_start, period_end FROM protocol_renewals WHERE protocol_id = ? ORDER BY period_start',
    protocolId,
  )
const auditRenewals = (app: RunningApp, protocolId: string) =>
  query<{ actor_user_id: string | null; after: string }>(
    app,
    `SELECT actor_user_id, after FROM audit_events WHERE entity_id = ? AND action = 'protocol.renewed_automatically' ORDER BY id`,
    protocolId,
  )
const termRows = (app: RunningApp, protocolId: string) =>
  query<{ id: number; end: string | null }>(
    app,
    'SELECT id, "end" FROM protocol_terms WHERE protocol_id = ?',
    protocolId,
  )

async function createProtocol(client: Client, fields: Record<string, string>): Promise<string> {
  const res = await client.post(`${base}/new`, {
    kind: 'partnership_agreement',
    object: 'Voluntariat',
    isPublic: 'on',
    termType: 'auto_renewing',
    renewalUnit: 'Y',
    noticeUnit: 'D',
    ...fields,
  })
  expect(res.status, await res.clone().text()).toBe(302)
  return res.headers.get('location')!.split('?')[0]!.split('/').pop()!
}

describe('automatic renewals recorded in the history', { timeout: 120_000 }, () => {
  let app: RunningApp
  let legal: Client
  let yearlyId = ''
  let monthlyId = ''

  beforeAll(async () => {
    app = await startApp({ APP_NOW: '2025-01-20T10:00:00Z', WORKER: 'off' })
    legal = new Client(app.url)
    await legal.login('juridic.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    yearlyId = await createProtocol(legal, {
      title: 'Acord reînnoit anual',
      'partners[0].name': 'Fundația Anuală',
      start: '2025-03-01',
      renewalAmount: '1',
      renewalUnit: 'Y',
      noticeAmount: '30',
      noticeUnit: 'D',
    })
    monthlyId = await createProtocol(legal, {
      title: 'Acord reînnoit lunar',
      'partners[0].name': 'Asociația Lunară',
      start: '2025-01-01',
      end: '2025-01-31',
      renewalAmount: '1',
      renewalUnit: 'M',
      noticeAmount: '10',
      noticeUnit: 'D',
    })
  })

  afterAll(async () => {
    await app?.stop()
  })

  it('a monthly renewal: a downtime across two roll-overs records both, once, in order', async () => {
    // the last run before the downtime: still in the first period
    await runOnce(app, '2025-01-31')
    expect(renewals(app, monthlyId)).toEqual([])
    // the next run comes after 01.02 and 01.03 (the periods stay anchored on the 31st)
    const run = await runOnce(app, '2025-03-05')
    expect(run.reminders.renewals.filter((r) => r.protocolId === monthlyId).map((r) => r.periodStart)).toEqual([
      '2025-02-01',
      '2025-03-01',
    ])
    expect(renewals(app, monthlyId).map((r) => [r.period_start, r.period_end])).toEqual([
      ['2025-02-01', '2025-02-28'],
      ['2025-03-01', '2025-03-31'],
    ])
    expect(auditRenewals(app, monthlyId)).toHaveLength(2)
    // a ten-day downtime across the next roll-over: that one too, once
    await runOnce(app, '2025-03-28')
    await runOnce(app, '2025-04-07')
    await runOnce(app, '2025-04-07')
    expect(renewals(app, monthlyId).map((r) => r.period_start)).toEqual(['2025-02-01', '2025-03-01', '2025-04-01'])
    expect(auditRenewals(app, monthlyId)).toHaveLength(3)
  })

  it('no renewal after a decision to let it lapse', async () => {
    const lapsing = await createProtocol(legal, {
      title: 'Acord care nu se mai prelungește',
      'partners[0].name': 'Asociația Finală',
      start: '2025-01-01',
      end: '2025-01-31',
      renewalAmount: '1',
      renewalUnit: 'M',
    })
    const decided = await legal.post(`${base}/${lapsing}`, {
      intent: 'decide',
      decision: 'let_lapse',
      decidedOn: '2025-01-20',
      reason: 'Proiectul s-a încheiat.',
    })
    expect(decided.status).toBe(302)
    await runOnce(app, '2025-04-08')
    expect(renewals(app, lapsing)).toEqual([])
    expect(auditRenewals(app, lapsing)).toEqual([])
  })
  it('an auto-renewing term with 30 days’ notice rolls over: recorded once, the day after its end', async () => {
    expect((await runOnce(app, '2026-02-28')).reminders.renewals.filter((r) => r.protocolId === yearlyId)).toEqual([])
    expect(renewals(app, yearlyId)).toEqual([])

    const run = await runOnce(app, '2026-03-01')
    expect(run.reminders.renewals.filter((r) => r.protocolId === yearlyId)).toEqual([
      {
        protocolId: yearlyId,
        authority: 'pangarati',
        title: 'Acord reînnoit anual',
        periodStart: '2026-03-01',
        periodEnd: '2027-02-28',
      },
    ])
    // the same run sends the "renewed" reminder
    expect(run.reminders.messages.filter((m) => m.protocolId === yearlyId).map((m) => m.kind)).toEqual(['renewed'])
    const terms = termRows(app, yearlyId)
    expect(terms).toHaveLength(1) // no new term: the periods stay anchored on the first end
    expect(renewals(app, yearlyId)).toEqual([
      { term_id: terms[0]!.id, period_start: '2026-03-01', period_end: '2027-02-28' },
    ])
    const audit = auditRenewals(app, yearlyId)
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_user_id).toBeNull()
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ periodStart: '2026-03-01', periodEnd: '2027-02-28' })

    // running twice records it once
    expect((await runOnce(app, '2026-03-01')).reminders.renewals.filter((r) => r.protocolId === yearlyId)).toEqual([])
    expect((await runOnce(app, '2026-03-02')).reminders.renewals.filter((r) => r.protocolId === yearlyId)).toEqual([])
    expect(renewals(app, yearlyId)).toHaveLength(1)
    expect(auditRenewals(app, yearlyId)).toHaveLength(1)
  })

  it('the next reminders belong to the new period', async () => {
    const due = await cli(
      app,
      '2026-03-02',
      'reminders',
      'due',
      '--as-of',
      '2026-12-30',
      '--authority',
      'pangarati',
      '--json',
    )
    expect(due.code, due.stderr).toBe(0)
    const mine = (
      JSON.parse(due.stdout) as {
        reminders: Array<{ protocolId: string; kind: string; offsetDays: number; deadline: string }>
      }
    ).reminders.filter((r) => r.protocolId === yearlyId)
    expect(mine.map((r) => [r.kind, r.offsetDays, r.deadline])).toEqual([['notice', 30, '2027-01-29']])
    const rows = query<{ term_key: string; kind: string }>(
      app,
      'SELECT term_key, kind FROM protocol_reminders WHERE protocol_id = ? AND kind = ?',
      yearlyId,
      'renewed',
    )
    expect(rows).toEqual([{ term_key: '2026-03-01..2027-02-28', kind: 'renewed' }])
  })

  it('the protocol page shows the renewals in the history of terms, in order', async () => {
    const html = (await (await legal.get(`${base}/${monthlyId}`)).text()).replaceAll('<!-- -->', '')
    const lines = [
      'Prelungit automat: 01.02.2025 – 28.02.2025',
      'Prelungit automat: 01.03.2025 – 31.03.2025',
      'Prelungit automat: 01.04.2025 – 30.04.2025',
    ]
    const at = lines.map((l) => html.indexOf(l))
    expect(at.every((i) => i > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(html.indexOf('Istoricul duratelor')).toBeLessThan(at[0]!)
    const yearly = (await (await legal.get(`${base}/${yearlyId}`)).text()).replaceAll('<!-- -->', '')
    expect(yearly).toContain('Prelungit automat: 01.03.2026 – 28.02.2027')
    expect(yearly).toContain('prelungire automată')
  })
})
