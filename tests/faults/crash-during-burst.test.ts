/**
 * The server killed with SIGKILL in the middle of a burst of recommendations from several people,
 * then started again on the same database: every recommendation that got its success answer
 * (the redirect to its page) is there, whole (registration number, history, receipt), nothing is
 * half-written (integrity and full-text indexes check out, the numbering has no gap), and each
 * recommendation stored gets exactly one emailed receipt, even those whose sending the crash
 * interrupted.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'
import { demoConsultation, loggedIn, readDatabase, waitUntil, type DemoConsultation } from './helpers'

const TODAY = '2026-11-23'
const AUTHORS = [
  'ong@demo.planuri.ro',
  'voluntar@demo.planuri.ro',
  'cetatean@demo.planuri.ro',
  'furnizor@demo.planuri.ro',
  'beneficiari@demo.planuri.ro',
  'admin.dgaspc@demo.planuri.ro',
  'juridic.dgaspc@demo.planuri.ro',
]
/** Under the limit of 30 recommendations per person per hour. */
const PER_AUTHOR = 25
/** Success answers to wait for before the kill: the rest of the burst is still in flight. */
const KILL_AFTER = 40

let resend: FakeResend
let app: RunningApp | undefined
let consultation: DemoConsultation

type Outcome = { text: string; author: string; status: number | 'no answer'; location: string }
const outcomes: Outcome[] = []

const env = (now: string) => ({ APP_NOW: now, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url })

beforeAll(async () => {
  resend = await startFakeResend()
  app = await startApp(env(`${TODAY}T09:00:00Z`))
  const db = readDatabase(app.databasePath)
  try {
    consultation = demoConsultation(db)
  } finally {
    db.close()
  }
})

afterAll(async () => {
  await app?.stop()
  await resend?.close()
})

describe('the server killed during a burst of recommendations', () => {
  it('loses none of the recommendations it answered with success', async () => {
    const running = app!
    const clients = new Map<string, Client>()
    for (const author of AUTHORS) clients.set(author, await loggedIn(running.url, author))

    let successes = 0
    let killed: Promise<void> | null = null
    const sends: Array<Promise<void>> = []
    for (let i = 0; i < PER_AUTHOR; i++) {
      for (const [a, author] of AUTHORS.entries()) {
        const anchor = consultation.anchors[(i + a) % consultation.anchors.length]!
        const text = `Recomandarea de probă ${a}-${i}: propunem extinderea serviciului de îngrijire la domiciliu.`
        const outcome: Outcome = { text, author, status: 'no answer', location: '' }
        outcomes.push(outcome)
        const send = async () => {
          try {
            const res = await clients
              .get(author)!
              .post(`${consultation.url}/sections/${anchor}`, { signAs: 'person', text })
            outcome.status = res.status
            outcome.location = res.headers.get('location') ?? ''
            await res.arrayBuffer()
            if (res.status === 302 && ++successes === KILL_AFTER) killed = running.kill('SIGKILL')
          } catch {
            // The connection died with the server: no answer, so no promise was made.
          }
        }
        sends.push(send())
      }
    }
    await Promise.all(sends)
    await (killed ?? running.kill('SIGKILL'))

    const answered = outcomes.filter((o) => o.status === 302)
    const unanswered = outcomes.filter((o) => o.status === 'no answer')
    // The kill came mid-burst: some recommendations were answered, others were still in flight.
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(unanswered.length).toBeGreaterThan(0)
    // Nothing else than success or no answer at all (no 500, no refusal).
    expect(outcomes.filter((o) => o.status !== 302 && o.status !== 'no answer')).toEqual([])
    for (const o of answered) expect(o.location).toMatch(/\/recommendations\/[^/?]+\?done=registered$/)

    // Started again on the same database (the clock a few minutes later).
    app = await startApp(env(`${TODAY}T09:05:00Z`), { dataDir: running.dataDir })
    const anonymous = new Client(app.url)
    for (const o of answered) {
      const page = await anonymous.get(o.location.replace(/\?.*$/, ''))
      expect(page.status, o.text).toBe(200)
      expect(await page.text()).toContain(o.text)
    }
  })

  it('leaves a consistent database: integrity, full-text indexes, numbering, history and receipts', () => {
    const db = readDatabase(app!.databasePath)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      const ftsTables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")
        .pluck()
        .all() as string[]
      expect(ftsTables.length).toBeGreaterThan(0)
      // FTS5's own check, against the table it indexes too (rank 1); it is an INSERT, so it
      // takes a writable connection (waiting for the server's writes, if any).
      const writable = new Database(app!.databasePath, { timeout: 10_000 })
      try {
        for (const table of ftsTables) {
          expect(() =>
            writable.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run(),
          ).not.toThrow()
        }
      } finally {
        writable.close()
      }

      const plan = db
        .prepare('SELECT recommendation_sequence AS seq FROM plans WHERE id = ?')
        .get(consultation.planId) as { seq: number }
      const stored = db
        .prepare('SELECT id, registration_number AS number, text FROM recommendations WHERE plan_id = ?')
        .all(consultation.planId) as Array<{ id: string; number: string; text: string }>
      // Each registration number handed out belongs to a stored recommendation (or to a request
      // for a public debate, numbered in the same register), with no gap and no repeat.
      const debates = db
        .prepare('SELECT registration_number FROM debate_requests WHERE plan_id = ?')
        .pluck()
        .all(consultation.planId) as string[]
      const numbers = [...stored.map((r) => r.number), ...debates].map((n) => Number(n.split('/').pop()))
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: plan.seq }, (_, i) => i + 1))
      expect(stored.length).toBeGreaterThanOrEqual(4 + KILL_AFTER)
      // Every answered recommendation is stored once; some sent without an answer may be too
      // (the crash came between the commit and the answer), once as well.
      const texts = new Map<string, number>()
      for (const r of stored) texts.set(r.text, (texts.get(r.text) ?? 0) + 1)
      for (const o of outcomes.filter((x) => x.status === 302)) expect(texts.get(o.text), o.text).toBe(1)
      const burst = new Set(outcomes.map((o) => o.text))
      expect([...texts].filter(([text, n]) => burst.has(text) && n !== 1)).toEqual([])
      expect(stored.length).toBe(4 + [...texts.keys()].filter((text) => burst.has(text)).length)

      // Written in the same transaction: the history entry and the receipt's notification.
      for (const r of stored) {
        const audited = db
          .prepare("SELECT count(*) FROM audit_events WHERE entity_id = ? AND action = 'recommendation.registered'")
          .pluck()
          .get(r.id)
        const receipts = db
          .prepare('SELECT count(*) FROM notifications WHERE dedupe_key = ?')
          .pluck()
          .get(`receipt:${r.id}:registered`)
        expect([r.number, audited, receipts]).toEqual([r.number, 1, 1])
      }
    } finally {
      db.close()
    }
  })

  it('sends every stored recommendation its receipt exactly once after the restart', async () => {
    const db = readDatabase(app!.databasePath)
    let numbers: string[]
    try {
      numbers = (
        db
          .prepare('SELECT registration_number FROM recommendations WHERE plan_id = ?')
          .pluck()
          .all(consultation.planId) as string[]
      ).filter((n) => Number(n.split('/').pop()) > 4) // the demo's own four were sent at seeding
    } finally {
      db.close()
    }
    expect(numbers.length).toBeGreaterThanOrEqual(KILL_AFTER)
    const receiptsOf = (number: string) =>
      resend.emails.filter((e) => e.subject.startsWith(`Recomandare înregistrată cu nr. ${number}:`)).length
    await waitUntil(() => numbers.every((n) => receiptsOf(n) >= 1), {
      timeoutMs: 60_000,
      what: 'every receipt',
    })
    // A moment more for any duplicate to show up, then each number exactly once.
    await new Promise((r) => setTimeout(r, 1_000))
    expect(numbers.filter((n) => receiptsOf(n) !== 1)).toEqual([])
    expect([...resend.acceptedByKey().values()].every((n) => n === 1)).toBe(true)

    const check = readDatabase(app!.databasePath)
    try {
      const open = check
        .prepare("SELECT count(*) FROM notifications WHERE status = 'pending' AND kind = 'recommendation_receipt'")
        .pluck()
        .get()
      expect(open).toBe(0)
    } finally {
      check.close()
    }
  })
})
