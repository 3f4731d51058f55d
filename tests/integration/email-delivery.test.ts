/**
 * The delivery engine against a fake Resend API with the real SDK: failures, retry-after, hung
 * connections, permanent refusals, concurrent workers. In-process, with the clock moved by hand.
 * Batches of many emails: tests/integration/email-batch.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeResend, type FakeResend } from '../support/fake-resend'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-delivery-'))
process.env.DATABASE_PATH = path.join(dir, 'app.db')
process.env.NODE_ENV = 'test'

const { deliverDueEmails, resendTransport, retryFailedEmail } = await import('~/services/email-delivery.server')
const { sendEmail } = await import('~/services/email.server')
const { clock } = await import('~/services/clock.server')
const { getDb } = await import('~/services/db.server')
const { emailOutbox } = await import('#db/schema.ts')
const { eq } = await import('drizzle-orm')

let fake: FakeResend
let start = new Date('2026-03-01T10:00:00Z')

beforeAll(async () => {
  fake = await startFakeResend()
})

afterAll(async () => {
  await fake.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  start = new Date(start.getTime() + 24 * 3600_000)
  clock.freeze(start)
})

const transport = () => resendTransport('re_test', fake.url, 'Planuri <no-reply@example.org>', { timeoutMs: 300 })

async function enqueue(to: string) {
  const id = await sendEmail({
    template: 'password-reset',
    to,
    locale: 'ro',
    data: { name: 'Test', resetUrl: 'http://localhost/reset-password?token=x' },
  })
  return getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!
}

const row = (id: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!

/** Runs the worker every minute of simulated time until the row is settled or time runs out. */
async function runUntilSettled(id: string, minutes: number, t = transport()) {
  for (let i = 0; i < minutes && row(id).status === 'pending'; i++) {
    await deliverDueEmails(t)
    if (row(id).status !== 'pending') break
    clock.freeze(new Date(clock.now().getTime() + 60_000))
  }
  return row(id)
}

describe('email delivery through Resend', () => {
  it('retries server errors with growing delays and delivers exactly once', async () => {
    const email = await enqueue('a@example.org')
    fake.failNext(500, 2)
    await deliverDueEmails(transport())
    const afterFirst = row(email.id)
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 })
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime())
    const settled = await runUntilSettled(email.id, 10)
    expect(settled).toMatchObject({ status: 'sent', attempts: 3 })
    expect(fake.acceptedByKey().get(email.idempotencyKey)).toBe(1)
    const sent = fake.emails.filter((e) => e.idempotencyKey === email.idempotencyKey)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ to: ['a@example.org'], subject: 'Resetarea parolei' })
    expect(sent[0]!.text).toContain('reset-password?token=x')
  })

  it('waits as long as a 429 asks with retry-after', async () => {
    const email = await enqueue('b@example.org')
    fake.failNext(429, 1, { 'retry-after': '600' })
    await deliverDueEmails(transport())
    const waiting = row(email.id)
    expect(waiting.status).toBe('pending')
    expect(waiting.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(600_000)
    clock.freeze(new Date(clock.now().getTime() + 599_000))
    await deliverDueEmails(transport())
    expect(row(email.id).status).toBe('pending')
    clock.freeze(new Date(clock.now().getTime() + 2_000))
    await deliverDueEmails(transport())
    expect(row(email.id).status).toBe('sent')
    expect(fake.acceptedByKey().get(email.idempotencyKey)).toBe(1)
  })

  it('gives up on a hung connection after the timeout and delivers on the next attempt', async () => {
    const email = await enqueue('c@example.org')
    fake.hangNext(1)
    await deliverDueEmails(transport())
    expect(row(email.id)).toMatchObject({ status: 'pending', attempts: 1 })
    const settled = await runUntilSettled(email.id, 5)
    expect(settled.status).toBe('sent')
    expect(fake.acceptedByKey().get(email.idempotencyKey)).toBe(1)
  })

  it('ends a permanent refusal as failed with the reason; an administrator can retry it', async () => {
    const email = await enqueue('d@example.org')
    fake.failNext(422, 1)
    await deliverDueEmails(transport())
    const failed = row(email.id)
    expect(failed.status).toBe('failed')
    expect(failed.lastError).toContain('422')
    expect(retryFailedEmail(email.id, 'admin-user')).toBe(true)
    expect(retryFailedEmail(email.id, 'admin-user')).toBe(false) // not failed any more
    await deliverDueEmails(transport())
    expect(row(email.id).status).toBe('sent')
  })

  it('two workers on one database never send the same message twice', async () => {
    const emails = await Promise.all(Array.from({ length: 30 }, (_, i) => enqueue(`many${i}@example.org`)))
    const before = fake.requests.length
    await Promise.all([
      deliverDueEmails(transport(), 50, 'worker-a'),
      deliverDueEmails(transport(), 50, 'worker-b'),
      deliverDueEmails(transport(), 50, 'worker-c'),
    ])
    for (const e of emails) {
      expect(row(e.id).status).toBe('sent')
      expect(fake.deliveriesTo(e.toAddress)).toBe(1)
    }
    // The worker that claimed them sent them in one batch request.
    expect(fake.requests.slice(before).map((r) => [r.path, r.size, r.status])).toEqual([['/emails/batch', 30, 200]])
  })

  it('after an hour of provider outage everything is delivered, exactly once', async () => {
    const emails = await Promise.all(Array.from({ length: 5 }, (_, i) => enqueue(`outage${i}@example.org`)))
    fake.failNext(503, 1000)
    for (let minute = 0; minute < 60; minute++) {
      await deliverDueEmails(transport())
      clock.freeze(new Date(clock.now().getTime() + 60_000))
    }
    expect(emails.every((e) => row(e.id).status === 'pending')).toBe(true)
    fake.clearFailures() // the provider is back
    for (const e of emails) await runUntilSettled(e.id, 90)
    for (const e of emails) {
      expect(row(e.id).status).toBe('sent')
      expect(fake.deliveriesTo(e.toAddress)).toBe(1)
    }
  })
})
