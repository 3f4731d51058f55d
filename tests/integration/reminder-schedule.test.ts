/**
 * The reminder planner's stored schedule (protocol_schedules): the first date the planner has
 * something to do for each protocol, kept current in the transaction of every change made in the
 * app (a new protocol, an addendum that extends it, an edit, a termination, a review, the
 * planner's own records of reminders and renewals), marked to compute again by a trigger when a
 * change is made in SQL and then computed by the next cycle. A cycle reads only the protocols due
 * by it: what it sends must still be exactly what is due.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { cliAt } from '../support/cli'

const base = '/a/pangarati/staff/protocols'

type Schedule = {
  due_on: string | null
  due_from: string | null
  review_from: string | null
  review_until: string | null
}

function query<T>(app: RunningApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

const schedule = (app: RunningApp, id: string) =>
  query<Schedule>(
    app,
    'SELECT due_on, due_from, review_from, review_until FROM protocol_schedules WHERE protocol_id = ?',
    id,
  )[0]

async function runOn(app: RunningApp, date: string) {
  const res = await cliAt(app, date, 'jobs', 'run-once', '--json')
  expect(res.code, res.stderr).toBe(0)
  return (
    JSON.parse(res.stdout) as {
      reminders: {
        messages: Array<{ protocolId: string; kind: string; reminders: number }>
        renewals: Array<{ protocolId: string; periodStart: string }>
      }
    }
  ).reminders
}

async function dueOn(app: RunningApp, date: string) {
  const res = await cliAt(app, date, 'reminders', 'due', '--as-of', date, '--authority', 'pangarati', '--json')
  expect(res.code, res.stderr).toBe(0)
  return (
    JSON.parse(res.stdout) as { reminders: Array<{ protocolId: string; kind: string; offsetDays: number | null }> }
  ).reminders
}

describe('the planner’s schedule of each protocol', { timeout: 120_000 }, () => {
  let app: RunningApp
  let legal: Client

  async function create(fields: Record<string, string>): Promise<string> {
    const res = await legal.post(`${base}/new`, {
      kind: 'protocol',
      object: 'Colaborare pentru servicii sociale',
      isPublic: 'on',
      renewalUnit: 'Y',
      noticeUnit: 'D',
      'partners[0].name': 'Asociația Calendar',
      ...fields,
    })
    expect(res.status, await res.clone().text()).toBe(302)
    return res.headers.get('location')!.split('?')[0]!.split('/').pop()!
  }

  beforeAll(async () => {
    // The server's today: 31.10.2025.
    app = await startApp({ APP_NOW: '2025-10-31T10:00:00Z', WORKER: 'off' })
    legal = new Client(app.url)
    await legal.login('juridic.pangarati@demo.planuri.ro', DEMO_PASSWORD)
  })

  afterAll(async () => {
    await app?.stop()
  })

  it('a fixed term is due 90 days before its end; an addendum, an edit and a termination move it', async () => {
    const id = await create({
      title: 'Protocol cu termen fix',
      termType: 'fixed',
      start: '2024-02-11',
      end: '2026-02-10',
    })
    // 90 days before 10.02.2026; a fixed term is never "to review"
    expect(schedule(app, id)).toEqual({
      due_on: '2025-11-12',
      due_from: '2025-10-31',
      review_from: null,
      review_until: null,
    })

    // extended by a year: its reminders count from 10.02.2027
    const addendum = await legal.post(`${base}/${id}/addendum`, {
      title: 'Act adițional nr. 1',
      signedOn: '2025-10-31',
      effect: 'extension',
      extensionAmount: '1',
      extensionUnit: 'Y',
    })
    expect(addendum.status).toBe(302)
    expect(schedule(app, id)!.due_on).toBe('2026-11-12')
    // the addendum itself has no reminders of its own
    const addendumId = query<{ id: string }>(app, 'SELECT id FROM protocols WHERE parent_id = ?', id)[0]!.id
    expect(schedule(app, addendumId)!.due_on).toBe('9999-12-31')

    // edited to end on 30.06.2026: 90 days before
    const edit = await legal.post(`${base}/${id}/edit`, {
      kind: 'protocol',
      title: 'Protocol cu termen fix',
      object: 'Colaborare pentru servicii sociale',
      isPublic: 'on',
      'partners[0].name': 'Asociația Calendar',
      termType: 'fixed',
      start: '2024-02-11',
      end: '2026-06-30',
      renewalUnit: 'Y',
      noticeUnit: 'D',
    })
    expect(edit.status, await edit.clone().text()).toBe(302)
    expect(schedule(app, id)!.due_on).toBe('2026-04-01')

    // terminated from 01.01.2026: its last day is 31.12.2025, so the 90-day reminder (02.10.2025)
    // is late but still to send, today
    const terminated = await legal.post(`${base}/${id}`, {
      intent: 'decide',
      decision: 'terminate',
      decidedOn: '2025-10-31',
      effectiveOn: '2026-01-01',
      reason: 'Proiectul s-a încheiat.',
    })
    expect(terminated.status).toBe(302)
    expect(schedule(app, id)!.due_on).toBe('2025-10-31')
    const sent = (await runOn(app, '2025-10-31')).messages.filter((m) => m.protocolId === id)
    expect(sent).toEqual([expect.objectContaining({ kind: 'end', reminders: 1 })])
    // sent and recorded: next, 30 days before its last day
    expect(schedule(app, id)).toMatchObject({ due_on: '2025-12-01', due_from: '2025-10-31' })
    expect((await runOn(app, '2025-11-30')).messages.filter((m) => m.protocolId === id)).toEqual([])
    expect((await runOn(app, '2025-12-01')).messages.filter((m) => m.protocolId === id)).toHaveLength(1)
  })

  it('an auto-renewing agreement is due before its notice deadline, then when it rolls over', async () => {
    const id = await create({
      kind: 'partnership_agreement',
      title: 'Acord care se prelungește',
      termType: 'auto_renewing',
      start: '2025-03-01',
      renewalAmount: '1',
      renewalUnit: 'Y',
      noticeAmount: '30',
      noticeUnit: 'D',
    })
    // notice deadline 29.01.2026: 30 days before
    expect(schedule(app, id)!.due_on).toBe('2025-12-30')
    for (const day of ['2025-12-30', '2026-01-22', '2026-01-28']) {
      expect((await runOn(app, day)).messages.filter((m) => m.protocolId === id)).toHaveLength(1)
    }
    // every notice reminder sent: nothing until it rolls over, on 01.03.2026
    expect(schedule(app, id)).toMatchObject({ due_on: '2026-03-01', due_from: '2026-01-28' })
    const before = await runOn(app, '2026-02-27')
    expect([...before.renewals, ...before.messages].filter((r) => r.protocolId === id)).toEqual([])
    const rolled = await runOn(app, '2026-03-01')
    expect(rolled.renewals.filter((r) => r.protocolId === id)).toEqual([
      expect.objectContaining({ periodStart: '2026-03-01' }),
    ])
    expect(rolled.messages.filter((m) => m.protocolId === id)).toEqual([expect.objectContaining({ kind: 'renewed' })])
    // the renewal and its reminder recorded: the next notice deadline, 29.01.2027, 30 days before
    expect(schedule(app, id)).toMatchObject({ due_on: '2026-12-30', due_from: '2026-03-01' })
  })

  it('an open-ended protocol needs review from its review date; a review moves both dates', async () => {
    const id = await create({ title: 'Protocol pe durată nedeterminată', termType: 'open_ended', start: '2025-01-15' })
    // reviewed every 6 months: due since 15.07.2025, a review reminder that waits until it is sent
    expect(schedule(app, id)).toEqual({
      due_on: '2025-10-31',
      due_from: '2025-10-31',
      review_from: '2025-07-15',
      review_until: null,
    })
    const reviewed = await legal.post(`${base}/${id}`, { intent: 'review', reviewedOn: '2025-10-31', note: '' })
    expect(reviewed.status).toBe(302)
    expect(schedule(app, id)).toEqual({
      due_on: '2026-04-30',
      due_from: '2025-10-31',
      review_from: '2026-04-30',
      review_until: null,
    })
  })

  it('a change made in SQL marks the schedule to compute, and the next cycle computes it', async () => {
    const id = await create({
      title: 'Protocol schimbat din SQL',
      termType: 'fixed',
      start: '2024-01-01',
      end: '2027-06-30',
    })
    expect(schedule(app, id)!.due_on).toBe('2027-04-01')
    const db = new Database(app.databasePath)
    try {
      // a new term written by hand: ends on 31.03.2026
      db.prepare(
        `INSERT INTO protocol_terms (protocol_id, type, start, "end", reason, recorded_at)
         VALUES (?, 'fixed', '2024-01-01', '2026-03-31', 'edited', ?)`,
      ).run(id, Date.now())
    } finally {
      db.close()
    }
    expect(schedule(app, id)!.due_on).toBeNull()
    // what is due on 31.12.2025 (90 days before 31.03.2026) includes it, computed afresh
    const due = (await dueOn(app, '2025-12-31')).filter((r) => r.protocolId === id)
    expect(due.map((r) => [r.kind, r.offsetDays])).toEqual([['end', 90]])
    expect(schedule(app, id)!.due_on).toBe('2025-12-31')
    // and the settings of the authority, changed in SQL, too: every protocol of it is to compute
    const settings = new Database(app.databasePath)
    try {
      settings
        .prepare(`UPDATE authorities SET protocol_settings = ? WHERE slug = 'pangarati'`)
        .run(JSON.stringify({ reminders: { endOffsets: [100] } }))
    } finally {
      settings.close()
    }
    expect(schedule(app, id)!.due_on).toBeNull()
    expect((await dueOn(app, '2025-12-21')).filter((r) => r.protocolId === id).map((r) => r.offsetDays)).toEqual([100])
    expect(schedule(app, id)!.due_on).toBe('2025-12-21')
  })
})
