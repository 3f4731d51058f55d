/**
 * Many due emails through Resend's batch endpoint (up to 100 per request), against the fake
 * Resend with the real SDK: pacing at RESEND_REQUESTS_PER_SECOND, the batch idempotency key,
 * 5xx / 429 / hung requests retried whole under the same key, a crashed worker's batch replayed,
 * one invalid address isolated by sending the refused batch one email at a time. In-process,
 * with the clock moved by hand; the pacer runs on real time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeResend } from '../support/fake-resend'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-batch-'))
const fake = await startFakeResend()
process.env.DATABASE_PATH = path.join(dir, 'app.db')
process.env.NODE_ENV = 'test'
// The configured transport (used when deliverDueEmails gets none), as the worker runs it.
process.env.RESEND_API_KEY = 're_test'
process.env.RESEND_BASE_URL = fake.url
process.env.RESEND_REQUESTS_PER_SECOND = '4'

const { CLAIM_LIMIT, LEASE_MS, batchIdempotencyKey, deliverDueEmails, resendTransport } =
  await import('~/services/email-delivery.server')
type EmailTransport = import('~/services/email-delivery.server').EmailTransport
const { enqueueEmail, renderEmail } = await import('~/services/email.server')
const { clock } = await import('~/services/clock.server')
const { getDb } = await import('~/services/db.server')
const { emailOutbox } = await import('#db/schema.ts')
const { eq } = await import('drizzle-orm')

const BATCH = '/emails/batch'
const SINGLE = '/emails'
let start = new Date('2026-03-01T10:00:00Z')

afterAll(async () => {
  await fake.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  start = new Date(start.getTime() + 24 * 3600_000)
  clock.freeze(start)
  // Each test sends only its own emails: one left waiting by an earlier test (a request that
  // timed out on a busy machine) would otherwise come due with the next day's clock and change
  // the next test's batches.
  getDb().delete(emailOutbox).run()
})

/** No pacing to speak of: the tests that are not about the rate stay fast. */
const transport = (timeoutMs = 1000) =>
  resendTransport('re_test', fake.url, 'Planuri <no-reply@example.org>', { timeoutMs, requestsPerSecond: 1000 })

const row = (id: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!

/** Enqueues one email per address in one transaction, as a notification run would. */
async function enqueueMany(addresses: string[]) {
  const rendered = await renderEmail(
    'password-reset',
    { name: 'Test', resetUrl: 'http://localhost/reset-password?token=x' },
    'ro',
  )
  const ids = getDb().transaction((tx) => addresses.map((to) => enqueueEmail(tx, rendered, { to })))
  return ids.map(row)
}

const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org`)
const later = (ms: number) => clock.freeze(new Date(clock.now().getTime() + ms))
const summary = (requests: typeof fake.requests) => requests.map((r) => [r.path, r.size, r.status])

/** Every row sent, and each address received exactly one email, with the id stored on its row. */
function expectDeliveredOnce(rows: Array<{ id: string; toAddress: string }>) {
  for (const r of rows) {
    const received = fake.emails.filter((e) => e.to.includes(r.toAddress))
    expect(received, r.toAddress).toHaveLength(1)
    expect(row(r.id)).toMatchObject({ status: 'sent', providerMessageId: received[0]!.id, lastError: null })
  }
}

describe('bulk email through the batch endpoint', () => {
  it('the batch key depends on the set of rows, not on their order', () => {
    const keys = ['k1', 'k2', 'k3'].map((idempotencyKey) => ({ idempotencyKey }))
    expect(batchIdempotencyKey(keys)).toBe(batchIdempotencyKey([...keys].reverse()))
    expect(batchIdempotencyKey(keys)).not.toBe(batchIdempotencyKey(keys.slice(1)))
    expect(batchIdempotencyKey(keys)).toMatch(/^batch-[0-9a-f]{64}$/)
  })

  it('250 emails due at once go out in 3 batch requests (100 + 100 + 50), spaced by RESEND_REQUESTS_PER_SECOND', async () => {
    const rows = await enqueueMany(addresses('bulk', 250))
    const since = fake.requests.length
    for (let cycle = 0; cycle < 10; cycle++) if ((await deliverDueEmails()) === 0) break
    const requests = fake.requests.slice(since)
    expect(summary(requests)).toEqual([
      [BATCH, 100, 200],
      [BATCH, 100, 200],
      [BATCH, 50, 200],
    ])
    // 4 requests per second: one every 250 ms (200 allows for timer slack).
    for (let i = 1; i < requests.length; i++) {
      expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(200)
    }
    expectDeliveredOnce(rows)
    expect(rows.every((r) => row(r.id).attempts === 1)).toBe(true)
    // Each request's key is the hash of its rows' keys.
    for (const request of requests) {
      const inRequest = fake.emails.filter((e) => e.idempotencyKey === request.idempotencyKey)
      expect(inRequest).toHaveLength(request.size)
      const itsRows = rows.filter((r) => inRequest.some((e) => e.to.includes(r.toAddress)))
      expect(request.idempotencyKey).toBe(batchIdempotencyKey(itsRows))
    }
  })

  it('a 500 reschedules the whole batch, which is retried under the same key: each email arrives once', async () => {
    const rows = await enqueueMany(addresses('flaky', 150))
    const since = fake.requests.length
    fake.failNext(500, 1)
    await deliverDueEmails(transport())
    const first = fake.requests.slice(since)
    expect(summary(first)).toEqual([
      [BATCH, 100, 500],
      [BATCH, 50, 200],
    ])
    const waiting = rows.map((r) => row(r.id)).filter((r) => r.status === 'pending')
    expect(waiting).toHaveLength(100)
    expect(batchIdempotencyKey(waiting)).toBe(first[0]!.idempotencyKey)
    // One delay for the whole batch, so that its rows come due together.
    expect(new Set(waiting.map((r) => r.nextAttemptAt.getTime())).size).toBe(1)
    expect(waiting[0]!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime())
    expect(waiting.every((r) => r.attempts === 1 && r.lastError?.startsWith('500'))).toBe(true)

    later(60_000)
    // Claimed whole, even by a worker claiming fewer rows: a part would change the key.
    expect(await deliverDueEmails(transport(), 10)).toBe(100)
    const retry = fake.requests.slice(since + 2)
    expect(summary(retry)).toEqual([[BATCH, 100, 200]])
    expect(retry[0]!.idempotencyKey).toBe(first[0]!.idempotencyKey)
    expectDeliveredOnce(rows)
    for (const r of rows) {
      expect(row(r.id).attempts).toBe(waiting.some((w) => w.id === r.id) ? 2 : 1)
    }
  })

  it('a 429 with retry-after holds the whole batch back that long', async () => {
    const rows = await enqueueMany(addresses('patient', 20))
    const since = fake.requests.length
    fake.failNext(429, 1, { 'retry-after': '600' })
    await deliverDueEmails(transport())
    for (const r of rows) {
      const waiting = row(r.id)
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1 })
      expect(waiting.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(600_000)
    }
    later(599_000)
    expect(await deliverDueEmails(transport())).toBe(0)
    expect(fake.requests.length).toBe(since + 1)
    later(2_000)
    await deliverDueEmails(transport())
    const requests = fake.requests.slice(since)
    expect(summary(requests)).toEqual([
      [BATCH, 20, 429],
      [BATCH, 20, 200],
    ])
    expect(requests[1]!.idempotencyKey).toBe(requests[0]!.idempotencyKey)
    expectDeliveredOnce(rows)
  })

  it('a hung batch request times out and is retried under the same key: Resend replays, nothing is sent twice', async () => {
    const rows = await enqueueMany(addresses('hung', 30))
    const since = fake.requests.length
    // Resend accepts the batch but its answer never arrives.
    fake.hangNext(1, { afterAccepting: true })
    const t0 = Date.now()
    await deliverDueEmails(transport(300))
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250)
    const accepted = new Map(fake.emails.filter((e) => e.to[0]!.startsWith('hung')).map((e) => [e.to[0]!, e.id]))
    expect(accepted.size).toBe(30)
    for (const r of rows) {
      expect(row(r.id)).toMatchObject({ status: 'pending', attempts: 1 })
      expect(row(r.id).lastError).toMatch(/^network/)
    }
    // Emails enqueued meanwhile do not join the unanswered batch: that would change its key.
    const newcomers = await enqueueMany(addresses('newcomer', 5))
    later(60_000)
    await deliverDueEmails(transport(300))
    const requests = fake.requests.slice(since)
    expect(requests).toHaveLength(3)
    expect(summary(requests.slice(0, 1))).toEqual([[BATCH, 30, 'hung']])
    const replay = requests.find((r) => r.replay)!
    expect(replay).toMatchObject({ path: BATCH, size: 30, status: 200, idempotencyKey: requests[0]!.idempotencyKey })
    expect(requests.find((r, i) => i > 0 && !r.replay)).toMatchObject({ path: BATCH, size: 5, status: 200 })
    expectDeliveredOnce([...rows, ...newcomers])
    // The ids are those of the first, unanswered acceptance.
    for (const r of rows) expect(row(r.id).providerMessageId).toBe(accepted.get(r.toAddress))
  })

  it('a worker that dies before recording the answer: after its lease, the same batch is replayed, not resent', async () => {
    const rows = await enqueueMany(addresses('orphan', 40))
    const since = fake.requests.length
    const real = transport()
    let answered = false
    const dying: EmailTransport = {
      send: (r) => real.send(r),
      async sendBatch(batch, key) {
        await real.sendBatch!(batch, key)
        answered = true
        return new Promise<never>(() => {}) // the process is gone
      },
    }
    void deliverDueEmails(dying, CLAIM_LIMIT, 'worker-that-dies')
    for (let i = 0; i < 100 && !answered; i++) await new Promise((r) => setTimeout(r, 20))
    expect(answered).toBe(true)
    expect(rows.every((r) => row(r.id).status === 'pending')).toBe(true)
    // While the lease lasts, nobody else touches them.
    expect(await deliverDueEmails(transport(), CLAIM_LIMIT, 'worker-b')).toBe(0)
    const newcomers = await enqueueMany(addresses('orphan-late', 3))
    later(LEASE_MS + 1_000)
    expect(await deliverDueEmails(transport(), CLAIM_LIMIT, 'worker-b')).toBe(43)
    const requests = fake.requests.slice(since)
    expect(requests).toHaveLength(3)
    const replay = requests.find((r) => r.replay)!
    expect(replay).toMatchObject({ size: 40, status: 200, idempotencyKey: requests[0]!.idempotencyKey })
    expectDeliveredOnce([...rows, ...newcomers])
  })

  it('a batch refused for one invalid address is sent one by one: the 99 others arrive, only that one fails', async () => {
    const list = addresses('valid', 100)
    list[37] = 'not an address'
    const rows = await enqueueMany(list)
    const since = fake.requests.length
    await deliverDueEmails(transport())
    const requests = fake.requests.slice(since)
    expect(summary(requests.slice(0, 1))).toEqual([[BATCH, 100, 422]])
    const singles = requests.slice(1)
    expect(singles).toHaveLength(100)
    expect(singles.every((r) => r.path === SINGLE && r.size === 1)).toBe(true)
    expect(singles.filter((r) => r.status === 422)).toHaveLength(1)
    // Each one under its own row's key.
    expect(new Set(singles.map((r) => r.idempotencyKey))).toEqual(new Set(rows.map((r) => r.idempotencyKey)))
    const bad = rows[37]!
    expect(row(bad.id)).toMatchObject({ status: 'failed', attempts: 1 })
    expect(row(bad.id).lastError).toMatch(/^422: Invalid `to` field/)
    expect(fake.emails.filter((e) => e.to.includes('not an address'))).toHaveLength(0)
    expectDeliveredOnce(rows.filter((r) => r !== bad))
    expect(rows.filter((r) => r !== bad).every((r) => row(r.id).attempts === 1)).toBe(true)
  })
})
