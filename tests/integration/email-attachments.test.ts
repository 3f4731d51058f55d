/**
 * Emails with attachments (the .ics of a meeting invitation): kept in the outbox, always sent
 * alone through Resend's single-email endpoint with their files (the batch endpoint takes none),
 * even among many emails going out in batches; kept in the local outbox, where a platform
 * administrator lists and downloads them. Delivery in-process against the fake Resend with the
 * real SDK, the clock moved by hand; the outbox pages against the built app.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend } from '../support/fake-resend'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-attachments-'))
const fake = await startFakeResend()
process.env.DATABASE_PATH = path.join(dir, 'app.db')
process.env.NODE_ENV = 'test'

const { deliverDueEmails, planRequests, resendTransport } = await import('~/services/email-delivery.server')
const { enqueueEmail, renderEmail } = await import('~/services/email.server')
const { calendarAttachment, meetingInvitationIcs, meetingUid } = await import('~/domain/meeting-ical')
const { templates } = await import('#emails/index.ts')
const { clock } = await import('~/services/clock.server')
const { getDb } = await import('~/services/db.server')
const { emailOutbox } = await import('#db/schema.ts')
const { eq } = await import('drizzle-orm')

const BATCH = '/emails/batch'
const SINGLE = '/emails'
let start = new Date('2027-03-01T08:00:00Z')

afterAll(async () => {
  await fake.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  start = new Date(start.getTime() + 24 * 3600_000)
  clock.freeze(start)
})

const transport = () =>
  resendTransport('re_test', fake.url, 'Planuri <no-reply@example.org>', { timeoutMs: 1000, requestsPerSecond: 1000 })
const row = (id: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!
const summary = (requests: typeof fake.requests) => requests.map((r) => [r.path, r.size, r.status])
const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org`)

/** The calendar of an invitation, as the meetings model builds it. */
function invitationIcs(email: string, sequence = 0) {
  return meetingInvitationIcs({
    uid: meetingUid('meeting-s1-2027'),
    sequence,
    method: 'REQUEST',
    title: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu',
    date: '2027-03-29',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Sala de ședințe a Primăriei Pângărați',
    onlineUrl: null,
    description: 'Ordinea de zi:\n1. Situația serviciului 8810 ID-I; lista de așteptare, Oanțu și Poiana',
    organizer: { name: 'Comuna Pângărați', email: 'asistenta.sociala@pangarati.ro' },
    attendee: { name: 'Elena Rusu', email, rsvp: 'pending' },
    url: 'http://localhost:3000/a/pangarati/meetings/meeting-s1-2027',
    stamp: clock.now(),
  })
}

/** An invitation with its .ics attached, enqueued as the meetings model does. */
async function enqueueInvitation(to: string) {
  const ics = invitationIcs(to)
  const rendered = await renderEmail(
    'meeting-invitation',
    { ...templates['meeting-invitation'].sample, recipientName: 'Elena Rusu' },
    'ro',
  )
  const attachment = calendarAttachment(ics, 'REQUEST')
  const id = getDb().transaction((tx) => enqueueEmail(tx, rendered, { to, attachments: [attachment] }))
  return { row: row(id), ics, attachment }
}

/** Ordinary emails, one per address, in one transaction (a notification run). */
async function enqueueMany(list: string[]) {
  const rendered = await renderEmail(
    'password-reset',
    { name: 'Test', resetUrl: 'http://localhost/reset-password?token=x' },
    'ro',
  )
  return getDb()
    .transaction((tx) => list.map((to) => enqueueEmail(tx, rendered, { to })))
    .map(row)
}

describe('emails with attachments through Resend', () => {
  it('an invitation with its .ics, due with 150 other emails: those go in batches, it goes alone with the file intact', async () => {
    const before = await enqueueMany(addresses('bulk-a', 75))
    const invitation = await enqueueInvitation('elena.rusu@example.org')
    const after = await enqueueMany(addresses('bulk-b', 75))
    expect(invitation.row.attachments).toEqual([invitation.attachment])

    const since = fake.requests.length
    await deliverDueEmails(transport())
    const requests = fake.requests.slice(since)
    expect(requests).toHaveLength(3)
    expect(summary(requests.filter((r) => r.path === BATCH))).toEqual([
      [BATCH, 100, 200],
      [BATCH, 50, 200],
    ])
    const single = requests.filter((r) => r.path === SINGLE)
    expect(summary(single)).toEqual([[SINGLE, 1, 200]])
    // Alone, under the row's own key.
    expect(single[0]!.idempotencyKey).toBe(invitation.row.idempotencyKey)

    const received = fake.emails.filter((e) => e.to.includes('elena.rusu@example.org'))
    expect(received).toHaveLength(1)
    expect(received[0]!.endpoint).toBe(SINGLE)
    expect(received[0]!.subject).toBe(invitation.row.subject)
    expect(received[0]!.attachments).toEqual([
      {
        filename: 'invitatie.ics',
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        content: invitation.attachment.content,
      },
    ])
    // Byte for byte the calendar that was built, and a calendar a client can read.
    const ics = Buffer.from(received[0]!.attachments![0]!.content!, 'base64').toString('utf8')
    expect(ics).toBe(invitation.ics)
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!)
    expect(event.uid).toBe('meeting-s1-2027@planuri-sociale')
    expect(event.attendees[0]!.getFirstValue()).toBe('mailto:elena.rusu@example.org')

    // Every other email arrived once, in a batch, without attachments.
    for (const r of [...before, ...after]) {
      const got = fake.emails.filter((e) => e.to.includes(r.toAddress))
      expect(got, r.toAddress).toHaveLength(1)
      expect(got[0]).toMatchObject({ endpoint: BATCH })
      expect(got[0]!.attachments).toBeUndefined()
      expect(row(r.id).status).toBe('sent')
    }
    // The outbox keeps the file after sending.
    expect(row(invitation.row.id)).toMatchObject({ status: 'sent', attachments: [invitation.attachment] })
  })

  it('planRequests never puts a row with attachments in a batch, even a lone pair', async () => {
    const [plain] = await enqueueMany(['plain@example.org'])
    const invitation = await enqueueInvitation('pair@example.org')
    const [other] = await enqueueMany(['other@example.org'])
    const plan = planRequests([plain!, invitation.row, other!])
    expect(plan.map((request) => request.map((r) => r.toAddress))).toEqual([
      ['plain@example.org', 'other@example.org'],
      ['pair@example.org'],
    ])
    await deliverDueEmails(transport())
  })

  it('a 500 on the invitation: retried alone under the same key with the same file, delivered once', async () => {
    const invitation = await enqueueInvitation('retry@example.org')
    const since = fake.requests.length
    fake.failNext(500, 1)
    await deliverDueEmails(transport())
    expect(row(invitation.row.id)).toMatchObject({ status: 'pending', attempts: 1, providerMessageId: 'single' })
    clock.freeze(new Date(clock.now().getTime() + 60 * 60_000))
    await deliverDueEmails(transport())
    const requests = fake.requests.slice(since)
    expect(summary(requests)).toEqual([
      [SINGLE, 1, 500],
      [SINGLE, 1, 200],
    ])
    expect(requests.every((r) => r.idempotencyKey === invitation.row.idempotencyKey)).toBe(true)
    const received = fake.emails.filter((e) => e.to.includes('retry@example.org'))
    expect(received).toHaveLength(1)
    expect(received[0]!.attachments![0]!.content).toBe(invitation.attachment.content)
    expect(row(invitation.row.id)).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: received[0]!.id })
  })

  it('the fake refuses a batch with an attachment (422), as Resend does', async () => {
    const res = await fetch(`${fake.url}/emails/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer re_test' },
      body: JSON.stringify([
        { from: 'a@example.org', to: ['b@example.org'], subject: 's', text: 't' },
        {
          from: 'a@example.org',
          to: ['c@example.org'],
          subject: 's',
          text: 't',
          attachments: [{ filename: 'x.ics', content: 'QUJD' }],
        },
      ]),
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { message: string }).message).toMatch(/attachments/)
    expect(fake.emails.some((e) => e.to.includes('b@example.org'))).toBe(false)
  })

  it('without Resend, the local outbox keeps the file', async () => {
    const invitation = await enqueueInvitation('local@example.org')
    await deliverDueEmails(null)
    expect(row(invitation.row.id)).toMatchObject({ status: 'local', attachments: [invitation.attachment] })
  })

  it('an attachment that is not base64 is refused before it is stored', async () => {
    const rendered = await renderEmail('password-reset', { name: 'Test', resetUrl: 'http://localhost/r' }, 'ro')
    expect(() =>
      enqueueEmail(getDb(), rendered, {
        to: 'bad@example.org',
        attachments: [{ filename: 'x.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
      }),
    ).toThrow(/base64/)
    expect(getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'bad@example.org')).all()).toEqual([])
  })
})

describe('the local outbox lists and serves the attachments (platform administrators only)', () => {
  let app: RunningApp
  const ics = 'BEGIN:VCALENDAR\r\nPRODID:-//Test//RO\r\nVERSION:2.0\r\nSUMMARY:Întâlnire\r\nEND:VCALENDAR\r\n'
  const id = 'outbox-with-ics'

  beforeAll(async () => {
    app = await startApp()
    const db = new Database(app.databasePath)
    try {
      const now = Date.now()
      db.prepare(
        `INSERT INTO email_outbox (id, idempotency_key, template, to_address, locale, subject, html, text, attachments,
           status, attempts, next_attempt_at, created_at, sent_at)
         VALUES (?, ?, 'meeting-invitation', 'elena.rusu@example.org', 'ro', 'Invitație: întâlnire tripartită',
           '<p>Invitație</p>', 'Invitație', ?, 'local', 0, ?, ?, ?)`,
      ).run(
        id,
        `test-${id}`,
        JSON.stringify([
          {
            filename: 'invitație.ics',
            contentType: 'text/calendar; charset=utf-8; method=REQUEST',
            content: Buffer.from(ics).toString('base64'),
          },
        ]),
        now,
        now,
        now,
      )
    } finally {
      db.close()
    }
  })

  afterAll(async () => {
    await app?.stop()
  })

  async function as(who: string) {
    const client = new Client(app.url)
    if (who !== 'anonymous') await client.login(`${who}@demo.planuri.ro`, DEMO_PASSWORD)
    return client
  }

  it('the email page lists each file with its type and size, linked for download', async () => {
    const operator = await as('operator')
    const res = await operator.get(`/admin/outbox/${id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('data-testid="email-attachments"')
    expect(html).toContain('invitație.ics')
    expect(html).toContain('text/calendar; charset=utf-8; method=REQUEST')
    expect(html).toMatch(new RegExp(`>${Buffer.byteLength(ics)}\\sB<`))
    expect(html).toContain(`href="/admin/outbox/${id}/attachments/0"`)
  })

  it('the file downloads as it was sent', async () => {
    const operator = await as('operator')
    const res = await operator.get(`/admin/outbox/${id}/attachments/0`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('invitație.ics')}`)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe(ics)
    expect((await operator.get(`/admin/outbox/${id}/attachments/1`)).status).toBe(404)
    expect((await operator.get(`/admin/outbox/${id}/attachments/x`)).status).toBe(404)
    expect((await operator.get(`/admin/outbox/no-such-email/attachments/0`)).status).toBe(404)
  })

  it('nobody else may read it', async () => {
    expect((await (await as('anonymous')).get(`/admin/outbox/${id}/attachments/0`)).status).toBe(302)
    expect((await (await as('admin.pangarati')).get(`/admin/outbox/${id}/attachments/0`)).status).toBe(403)
    expect((await (await as('ong')).get(`/admin/outbox/${id}/attachments/0`)).status).toBe(403)
  })
})
