/**
 * The email provider down for an hour of the app's time (first answering 503, then refusing
 * connections) while people keep commenting and staff keep answering: the worker keeps retrying
 * with back-off, gives up on nothing, and once the provider is back everything is delivered,
 * each email exactly once, even when the provider took some emails but their answer was lost.
 *
 * The app's clock is moved through the hour with APP_CLOCK_OFFSET_FILE (honoured only with
 * NODE_ENV=test), while the server and its worker keep running.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testOffsetFile } from '~/services/clock.server'
import { startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'
import { demoConsultation, loggedIn, readDatabase, waitUntil, type DemoConsultation } from './helpers'

const START = '2026-11-23T09:00:00Z'
const NGO = 'ong@demo.planuri.ro'
const VOLUNTEER = 'voluntar@demo.planuri.ro'
const EDITOR = 'editor.pangarati@demo.planuri.ro'
const MINUTE = 60_000

let app: RunningApp
let resend: FakeResend
let consultation: DemoConsultation
const offsetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-clock-'))
const offsetFile = path.join(offsetDir, 'offset-ms')
let offsetMs = 0
let spawnedAt = 0

type Row = {
  id: string
  to: string
  subject: string
  text: string
  status: string
  attempts: number
  createdAt: number
  nextAttemptAt: number
  lastError: string | null
}

function outbox(): Row[] {
  const db = readDatabase(app.databasePath)
  try {
    return db
      .prepare(
        `SELECT id, to_address AS "to", subject, text, status, attempts, created_at AS createdAt,
                next_attempt_at AS nextAttemptAt, last_error AS lastError
         FROM email_outbox ORDER BY created_at`,
      )
      .all() as Row[]
  } finally {
    db.close()
  }
}

/** The app's time, at most a little ahead (its clock started a moment after the spawn). */
const appNow = () => Date.parse(START) + (Date.now() - spawnedAt) + offsetMs

/** Moves the app's clock forward, then waits until the worker has tried everything due. */
async function advance(minutes: number) {
  offsetMs += minutes * MINUTE
  fs.writeFileSync(offsetFile, String(offsetMs))
  await new Promise((r) => setTimeout(r, 120))
  await waitUntil(
    () => {
      const overdue = appNow() - 5_000
      return outbox().every((r) => r.status !== 'pending' || r.nextAttemptAt > overdue)
    },
    { timeoutMs: 15_000, everyMs: 50, what: `the worker to try what is due at +${offsetMs / MINUTE} min` },
  )
}

/** Sends a recommendation; its id and registration number. */
async function recommend(email: string, text: string): Promise<{ id: string; number: string }> {
  const client = await loggedIn(app.url, email)
  const res = await client.post(`${consultation.url}/sections/document`, { signAs: 'person', text })
  expect(res.status).toBe(302)
  const id = /recommendations\/([^?]+)/.exec(res.headers.get('location') ?? '')![1]!
  const db = readDatabase(app.databasePath)
  try {
    const number = db.prepare('SELECT registration_number FROM recommendations WHERE id = ?').pluck().get(id) as string
    return { id, number }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  resend = await startFakeResend()
  await resend.down('unavailable')
  fs.writeFileSync(offsetFile, '0')
  spawnedAt = Date.now()
  app = await startApp({
    APP_NOW: START,
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
    RESEND_REQUESTS_PER_SECOND: '50',
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

describe('the email provider down for an hour', () => {
  it('moves the clock from a file only in tests, never in production or development', () => {
    expect(testOffsetFile({ NODE_ENV: 'test', APP_CLOCK_OFFSET_FILE: '/tmp/x' })).toBe('/tmp/x')
    expect(testOffsetFile({ NODE_ENV: 'production', APP_CLOCK_OFFSET_FILE: '/tmp/x' })).toBeNull()
    expect(testOffsetFile({ NODE_ENV: 'development', APP_CLOCK_OFFSET_FILE: '/tmp/x' })).toBeNull()
    expect(testOffsetFile({ APP_CLOCK_OFFSET_FILE: '/tmp/x' })).toBeNull()
  })

  it('keeps every email waiting, none given up, while people comment and staff answer', async () => {
    const sent = [
      await recommend(NGO, 'Scrisă când furnizorul de email era căzut: propunem un centru de zi.'),
      await recommend(VOLUNTEER, 'Altă recomandare din timpul căderii: informarea la dispensar și la școli.'),
    ]
    for (let minute = 1; minute <= 60; minute++) {
      if (minute === 20) {
        const editor = await loggedIn(app.url, EDITOR)
        const answered = await editor.post(`/a/pangarati/staff/plans/${consultation.planId}/recommendations`, {
          intent: 'answer',
          id: sent[0]!.id,
          answer: 'accepted',
        })
        expect(answered.status).toBe(302)
      }
      if (minute === 30) await resend.down('refused')
      if (minute === 45) {
        sent.push(await recommend(VOLUNTEER, 'A treia recomandare, trimisă spre sfârșitul căderii furnizorului.'))
      }
      await advance(1)
      expect(outbox().filter((r) => r.status !== 'pending')).toEqual([])
    }

    const rows = outbox()
    // A receipt for each recommendation and the answer to the first, besides what the demo's
    // seeding sent (followers, receipts of its own recommendations, invitations…).
    for (const { number } of sent) {
      expect(rows.filter((r) => r.subject.startsWith(`Recomandare înregistrată cu nr. ${number}:`))).toHaveLength(1)
    }
    expect(
      rows.filter((r) => r.to === NGO && r.text.includes(sent[0]!.number) && /Acceptată/.test(r.text)),
    ).toHaveLength(1)
    expect(resend.emails).toEqual([])
    // Tried again and again through the hour: 503 first, then refused connections.
    const first = rows.filter((r) => r.createdAt < Date.parse(START) + 5 * MINUTE)
    expect(first.length).toBeGreaterThan(0)
    for (const r of first) expect(r.attempts, r.subject).toBeGreaterThanOrEqual(6)
    for (const r of rows) expect(r.attempts, r.subject).toBeGreaterThanOrEqual(1)
    expect(resend.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0)
    expect(rows.some((r) => r.lastError?.startsWith('network:'))).toBe(true)
  })

  it('delivers everything once the provider is back, each email exactly once', async () => {
    const rows = outbox()
    await resend.up()
    // The first requests reach the provider, which takes the emails, but the answers are lost.
    resend.failNext(503, 2, {}, { afterAccepting: true })
    for (let minute = 1; minute <= 75 && outbox().some((r) => r.status === 'pending'); minute++) {
      await advance(1)
      expect(outbox().filter((r) => r.status === 'failed')).toEqual([])
    }
    const after = outbox()
    expect(after.map((r) => r.status)).toEqual(after.map(() => 'sent'))

    // Exactly once: one accepted email per outbox row, matched by recipient, subject and text.
    const key = (to: string, subject: string, text: string) => JSON.stringify([to, subject, text])
    const received = resend.emails.map((e) => key(e.to.join(','), e.subject, e.text)).sort()
    expect(received).toEqual(rows.map((r) => key(r.to, r.subject, r.text)).sort())
    expect([...resend.acceptedByKey().values()].every((n) => n === 1)).toBe(true)
    // The requests whose answer was lost were sent again, and answered from the first time.
    expect(resend.requests.some((r) => r.replay)).toBe(true)
    expect(app.output()).not.toMatch(/delivery cycle failed/)
  })
})
