/**
 * The database write-locked by another process (a maintenance script, a second instance): the
 * pages keep being read (WAL), a request that must write waits for the lock (the busy timeout),
 * then answers 503 with `Retry-After` and a page saying what to do, never 500, with nothing
 * half-written; when the lock goes within the timeout, the request simply succeeds, late. The
 * worker stays alive: it pauses while the lock lasts and delivers afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'
import { demoConsultation, holdWriteLock, loggedIn, readDatabase, waitUntil, type DemoConsultation } from './helpers'

const TODAY = '2026-11-23'
const NGO = 'ong@demo.planuri.ro'
const LEGAL_OFFICER = 'juridic.pangarati@demo.planuri.ro'
/** The app's busy timeout (db/client.ts), less a little for timer granularity. */
const WAITED_MS = 4_500

let app: RunningApp
let resend: FakeResend
let consultation: DemoConsultation
let offsetFile: string
const offsetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-clock-'))

function query<T>(sql: string, ...params: unknown[]): T {
  const db = readDatabase(app.databasePath)
  try {
    return db.prepare(sql).get(...params) as T
  } finally {
    db.close()
  }
}

const stored = (text: string) =>
  query<{ n: number }>('SELECT count(*) AS n FROM recommendations WHERE text = ?', text).n

/** Nothing left for the worker to do now: it will not touch the lock during a measurement. */
async function workerIdle() {
  await waitUntil(
    () =>
      query<{ n: number }>(
        `SELECT (SELECT count(*) FROM notifications WHERE status = 'pending' AND mode IS NULL)
              + (SELECT count(*) FROM email_outbox WHERE status = 'pending' AND attempts = 0) AS n`,
      ).n === 0,
    { what: 'the worker to be idle' },
  )
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now()
  const value = await run()
  return { value, ms: Date.now() - start }
}

beforeAll(async () => {
  resend = await startFakeResend()
  offsetFile = path.join(offsetDir, 'offset-ms')
  fs.writeFileSync(offsetFile, '0')
  app = await startApp({
    APP_NOW: `${TODAY}T09:00:00Z`,
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
    APP_CLOCK_OFFSET_FILE: offsetFile,
  })
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
  fs.rmSync(offsetDir, { recursive: true, force: true })
})

describe('the database write-locked by another process', () => {
  it('keeps serving pages, and answers a form sent meanwhile with 503, Retry-After and what to do', async () => {
    const ngo = await loggedIn(app.url, NGO)
    const text = 'Trimisă cât timp baza de date era blocată de alt proces: propunem un centru de zi.'
    await workerIdle()
    const lock = await holdWriteLock(app.databasePath)
    try {
      // Reading needs no lock (WAL): the plan's page answers at once.
      const read = await timed(() => new Client(app.url).get(consultation.url))
      expect(read.value.status).toBe(200)
      expect(read.ms).toBeLessThan(WAITED_MS)

      const sent = await timed(() => ngo.post(`${consultation.url}/sections/document`, { signAs: 'person', text }))
      expect(sent.ms).toBeGreaterThanOrEqual(WAITED_MS) // it waited for the lock first
      expect(sent.value.status).toBe(503)
      expect(sent.value.headers.get('retry-after')).toBe('5')
      expect(sent.value.headers.get('cache-control')).toBe('no-store')
      expect(sent.value.headers.get('content-type')).toMatch(/^text\/html/)
      const page = await sent.value.text()
      expect(page).toContain('<html lang="ro">')
      expect(page).toContain('Platforma este ocupată pentru moment')
      expect(page).toContain('Reveniți la pagina anterioară (formularul păstrează ce ați scris)')
      expect(page).not.toContain('<script') // a static page: nothing re-renders it as another error

      // The same submission from the page's script (single fetch): the same 503.
      const data = await timed(() => ngo.post(`${consultation.url}/sections/document.data`, { signAs: 'person', text }))
      expect(data.ms).toBeGreaterThanOrEqual(WAITED_MS)
      expect(data.value.status).toBe(503)
      expect(data.value.headers.get('retry-after')).toBe('5')
      await data.value.arrayBuffer()
    } finally {
      await lock.release('rollback')
    }
    expect(stored(text)).toBe(0) // nothing half-written

    // Once the lock is gone, sending it again works.
    const again = await ngo.post(`${consultation.url}/sections/document`, { signAs: 'person', text })
    expect(again.status).toBe(302)
    expect(stored(text)).toBe(1)
    expect(app.output()).toMatch(/database locked by another process: POST \/a\/pangarati\/plans\/\S+ answered 503/)
  })

  it('answers 503 in the reader’s language to a page that must write (the hourly session check)', async () => {
    const ngo = await loggedIn(app.url, NGO)
    // An hour later the session's activity is checked (and written) on the next request.
    fs.writeFileSync(offsetFile, String(61 * 60_000))
    await new Promise((r) => setTimeout(r, 200))
    await workerIdle()
    const lock = await holdWriteLock(app.databasePath)
    try {
      // A page of the app.
      const account = await timed(() => ngo.get('/account?lng=en'))
      expect(account.ms).toBeGreaterThanOrEqual(WAITED_MS)
      expect(account.value.status).toBe(503)
      expect(account.value.headers.get('retry-after')).toBe('5')
      const page = await account.value.text()
      expect(page).toContain('<html lang="en">')
      expect(page).toContain('The platform is busy for a moment')
      expect(page).toContain('<a href="/account?lng=en">Try again</a>')
    } finally {
      await lock.release('rollback')
    }
    // The same page, the lock gone: the session still valid, the page served.
    const account = await ngo.get('/account?lng=en')
    expect(account.status).toBe(200)
    expect(await account.text()).toContain('Log out')
  })

  it('answers 503 too outside the app’s pages: the page cache’s session check, a file to download', async () => {
    const ngo = await loggedIn(app.url, NGO)
    const staff = await loggedIn(app.url, LEGAL_OFFICER)
    fs.writeFileSync(offsetFile, String(Number(fs.readFileSync(offsetFile, 'utf8')) + 61 * 60_000))
    await new Promise((r) => setTimeout(r, 200))
    await workerIdle()
    const lock = await holdWriteLock(app.databasePath)
    try {
      const cached = await ngo.get('/consultations?lng=en')
      expect(cached.status).toBe(503)
      expect(cached.headers.get('retry-after')).toBe('5')
      expect(await cached.text()).toContain('The platform is busy for a moment')
      const file = await staff.get('/a/pangarati/staff/protocols/export.csv')
      expect(file.status).toBe(503)
      expect(file.headers.get('retry-after')).toBe('5')
      await file.arrayBuffer()
    } finally {
      await lock.release('rollback')
    }
    expect((await ngo.get('/consultations?lng=en')).status).toBe(200)
    expect((await staff.get('/a/pangarati/staff/protocols/export.csv')).status).toBe(200)
  })

  it('lets a request wait for a lock released within the busy timeout, then succeed', async () => {
    const ngo = await loggedIn(app.url, NGO)
    const text = 'Trimisă cât timp alt proces scria în baza de date: se înregistrează după ce termină.'
    await workerIdle()
    const lock = await holdWriteLock(app.databasePath)
    // The other process commits its write 1.5 s after the form was sent.
    const released = new Promise<void>((resolve, reject) =>
      setTimeout(() => lock.release('commit').then(resolve, reject), 1_500),
    )
    // On a section: the transaction reads the section before it writes.
    const sent = await timed(() =>
      ngo.post(`${consultation.url}/sections/${consultation.anchors[1]}`, { signAs: 'person', text }),
    )
    await released
    expect(sent.value.status).toBe(302)
    expect(sent.ms).toBeGreaterThanOrEqual(1_400)
    expect(sent.ms).toBeLessThan(WAITED_MS)
    expect(stored(text)).toBe(1)
  })

  it('keeps the worker alive: it pauses while the lock lasts and delivers afterwards', async () => {
    const ngo = await loggedIn(app.url, NGO)
    await workerIdle()
    const accepted = resend.emails.length
    // The provider refuses the receipt once: it waits in the outbox for its next attempt.
    resend.failNext(503)
    const text = 'Recomandare al cărei email de confirmare așteaptă cât timp baza de date este blocată.'
    const sent = await ngo.post(`${consultation.url}/sections/document`, { signAs: 'person', text })
    expect(sent.status).toBe(302)
    const waiting = await waitUntil(
      () =>
        query<{ id: string; subject: string } | undefined>(
          "SELECT id, subject FROM email_outbox WHERE status = 'pending' AND attempts = 1 AND to_address = ?",
          NGO,
        ),
      { what: 'the receipt to wait for its second attempt' },
    )
    expect(waiting.subject).toMatch(/^Recomandare înregistrată/)

    const lock = await holdWriteLock(app.databasePath)
    try {
      // Its next attempt comes due while the lock is held: the worker meets the lock.
      const offset = Number(fs.readFileSync(offsetFile, 'utf8'))
      fs.writeFileSync(offsetFile, String(offset + 10 * 60_000))
      await waitUntil(() => /worker: delivery cycle stopped: the database is locked/.test(app.output()), {
        what: 'the worker to meet the lock',
      })
      // Paused, it leaves the process to the pages.
      const read = await timed(() => new Client(app.url).get(consultation.url))
      expect(read.value.status).toBe(200)
      expect(read.ms).toBeLessThan(2_000)
    } finally {
      await lock.release('rollback')
    }
    await resend.waitFor((e) => e.to.includes(NGO) && e.subject === waiting.subject, 30_000)
    expect(resend.emails.length).toBe(accepted + 1)
    expect(query<{ status: string }>('SELECT status FROM email_outbox WHERE id = ?', waiting.id).status).toBe('sent')
    expect(app.output()).not.toMatch(/worker: delivery cycle failed/)
  })
})
