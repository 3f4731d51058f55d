/**
 * A consultation opens on a plan many people follow: the worker's notification step renders the
 * email once per language and puts each follower's own name and unsubscribe link in place. In
 * process, on a temporary database, emails kept in the local outbox. Each follower gets exactly
 * one email, in their language, greeting them by their name (escaped in the HTML), with a link
 * and List-Unsubscribe header signed for them and no one else; preferences (daily, off) still
 * hold, and running the step again sends nothing twice.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-fanout-'))
process.env.DATABASE_PATH = path.join(dir, 'app.db')
process.env.NODE_ENV = 'test'
process.env.APP_URL = 'http://planuri.test'
process.env.RESEND_API_KEY = ''
process.env.RESEND_BASE_URL = ''

const { eq } = await import('drizzle-orm')
const { emailOutbox, follows, notificationPreferences, notifications, users } = await import('#db/schema.ts')
const { getDb } = await import('~/services/db.server')
const { clock } = await import('~/services/clock.server')
const { createAuthority } = await import('~/models/authority.server')
const { createPlan, getPlan, publishPlan } = await import('~/models/plan.server')
const { processNotifications, verifyUnsubscribe } = await import('~/models/notifications.server')
const { enqueueEmails, escapeHtml, renderEmail, sharedRenderStats } = await import('~/services/email.server')
const { newId } = await import('~/utils/ids.server')

type Person = { id: string; email: string; name: string; locale: 'ro' | 'en'; mode: 'immediate' | 'daily' | 'off' }

const NAMES = [
  `Ioana "O'Brien" <b>&amp;</b>`,
  '<script>alert(1)</script>',
  'Dollar $& $1 $$',
  '{{name}} $t(app.name)',
  'Ștefan Țăranu',
  'Two  spaces',
]
const people: Person[] = Array.from({ length: 45 }, (_, i) => ({
  id: newId(),
  email: `follower${i}@example.org`,
  name: NAMES[i % 9] ?? `Urmăritor ${i}`,
  locale: i % 3 === 2 ? 'en' : 'ro',
  mode: i === 10 || i === 20 ? 'daily' : i === 30 ? 'off' : 'immediate',
}))
const immediate = people.filter((p) => p.mode === 'immediate')
let batches = 0
let planId = ''

beforeAll(async () => {
  // 09:00 in Bucharest: the consultation opens today.
  clock.freeze(new Date('2026-11-23T07:00:00Z'))
  const db = getDb()
  const staffId = newId()
  db.insert(users).values({ id: staffId, email: 'editor@example.org', name: 'Editor', createdAt: clock.now() }).run()
  const authority = createAuthority(
    {
      slug: 'fanout',
      name: 'Comuna Fan-out',
      kind: 'local_council',
      county: 'Neamț',
      contactEmail: 'contact@example.org',
      postalAddress: 'Str. Principală 1',
    },
    staffId,
  )
  const plan = createPlan(
    authority.id,
    {
      kind: 'annual_action_plan',
      title: 'Planul anual 2027 & <anexe>',
      year: 2027,
      summary: 'Servicii sociale.',
      justification: 'Legea 292/2011.',
      sections: [],
      sourceFileName: null,
    },
    staffId,
  )
  planId = plan.id
  const now = clock.now()
  db.transaction((tx) => {
    for (const [i, p] of people.entries()) {
      tx.insert(users).values({ id: p.id, email: p.email, name: p.name, locale: p.locale, createdAt: now }).run()
      tx.insert(follows).values({ userId: p.id, targetType: 'plan', targetId: plan.id, createdAt: now }).run()
      // Some follow the authority too: they hear of the opening once.
      if (i % 4 === 0) {
        tx.insert(follows)
          .values({ userId: p.id, targetType: 'authority', targetId: authority.id, createdAt: now })
          .run()
      }
      if (p.mode !== 'immediate') {
        tx.insert(notificationPreferences)
          .values({ userId: p.id, kind: 'consultation_opened', mode: p.mode, updatedAt: now })
          .run()
      }
    }
  })
  publishPlan(plan, { opensOn: '2026-11-23', closesOn: '2026-12-07' }, staffId)
  sharedRenderStats.renders = 0
  // Small batches: several rounds, each rendering its share once per language.
  while ((await processNotifications(15)) > 0) batches += 1
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const outboxTo = (email: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).all()
const notificationOf = (userId: string) =>
  getDb().select().from(notifications).where(eq(notifications.userId, userId)).get()!
const tokenIn = (url: string) => decodeURIComponent(/[?&]token=([^&"<>\s]+)/.exec(url)?.[1] ?? '')

describe('one notification to the followers of a plan', () => {
  it('gives each immediate follower exactly one email, in their language, greeting them by their name', () => {
    for (const p of immediate) {
      const emails = outboxTo(p.email)
      expect(emails, p.email).toHaveLength(1)
      const [email] = emails
      expect(email!.template).toBe('consultation-opened')
      expect(email!.locale).toBe(p.locale)
      const greeting = p.locale === 'ro' ? 'Bună ziua, ' : 'Hello '
      if (p.name.includes('  ')) {
        // Rendered alone (the text conversion collapses the spaces), still theirs.
        expect(email!.html).toContain(`${greeting}${p.name},`)
      } else {
        expect(email!.html).toContain(`${greeting}${escapeHtml(p.name)},`)
        expect(email!.text).toContain(`${greeting}${p.name},`)
      }
      expect(email!.html).not.toContain('<script>')
      expect(email!.html).not.toMatch(/Pz[0-9a-f]{16}Q/i)
      expect(email!.subject).toContain('Planul anual 2027 & <anexe>')
    }
  })

  it('signs every unsubscribe link and List-Unsubscribe header for its own follower', () => {
    for (const p of immediate) {
      const email = outboxTo(p.email)[0]!
      const href = /href="([^"]*\/unsubscribe\?[^"]*)"/.exec(email.html)![1]!.replaceAll('&amp;', '&')
      expect(href).toContain('kind=consultation_opened')
      expect(verifyUnsubscribe('consultation_opened', tokenIn(href))).toBe(p.id)
      expect(email.text).toContain(href)
      const header = email.headers!['List-Unsubscribe']!
      expect(header).toMatch(/^<http:\/\/planuri\.test\/unsubscribe\/one-click\?kind=consultation_opened&token=/)
      expect(verifyUnsubscribe('consultation_opened', tokenIn(header))).toBe(p.id)
      expect(email.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    }
  })

  it('is the email rendering it alone would give', async () => {
    const p = immediate.find((x) => x.name.startsWith('Ioana') && x.locale === 'ro')!
    const email = outboxTo(p.email)[0]!
    const href = /href="([^"]*\/unsubscribe\?[^"]*)"/.exec(email.html)![1]!.replaceAll('&amp;', '&')
    const sample = await renderEmail(
      'consultation-opened',
      {
        recipientName: p.name,
        reason: 'plan',
        authorityName: 'Comuna Fan-out',
        planTitle: 'Planul anual 2027 & <anexe>',
        planKind: 'annual_action_plan',
        summary: 'Servicii sociale.',
        opensOn: '2026-11-23',
        closesOn: '2026-12-07',
        earliestAdoptionOn: getPlan(planId)!.earliestAdoptionOn!,
        planUrl: `http://planuri.test/a/fanout/plans/${planId}`,
        unsubscribeUrl: href,
        preferencesUrl: 'http://planuri.test/account/notifications',
      },
      'ro',
    )
    expect({ subject: email.subject, html: email.html, text: email.text }).toEqual({
      subject: sample.subject,
      html: sample.html,
      text: sample.text,
    })
  })

  it('renders far fewer times than it sends', () => {
    expect(batches).toBe(3)
    const sent = getDb().select().from(emailOutbox).all().length
    expect(sent).toBe(immediate.length)
    // Per batch and language a shared render and its proof; a name with two spaces alone.
    const alone = immediate.filter((p) => p.name.includes('  ')).length
    expect(sharedRenderStats.renders).toBeLessThanOrEqual(batches * 2 * 2 + alone)
    expect(sharedRenderStats.renders).toBeLessThan(sent / 2)
  })

  it('keeps the preferences: a daily follower waits for the digest, "off" gets nothing', () => {
    for (const p of people.filter((x) => x.mode !== 'immediate')) {
      expect(outboxTo(p.email)).toHaveLength(0)
      const n = notificationOf(p.id)
      expect(n.status).toBe(p.mode === 'off' ? 'skipped' : 'pending')
      expect(n.mode).toBe(p.mode)
    }
  })

  it('links each notification to its email and sends nothing twice when run again', async () => {
    for (const p of immediate) {
      const n = notificationOf(p.id)
      expect(n.status).toBe('emailed')
      const email = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, n.emailId!)).get()!
      expect(email.toAddress).toBe(p.email)
      expect(email.idempotencyKey).toBe(`notification-${n.id}`)
    }
    expect(await processNotifications()).toBe(0)
    expect(getDb().select().from(emailOutbox).all()).toHaveLength(immediate.length)
  })

  it('writes an email whose key is already in the outbox once, answering the existing row', async () => {
    const email = await renderEmail('password-reset', { name: 'Ana', resetUrl: 'http://planuri.test/r' }, 'ro')
    const meta = { to: 'ana@example.org', idempotencyKey: 'bulk-once' }
    const [first] = getDb().transaction((tx) => enqueueEmails(tx, [{ email, meta }]))
    const again = getDb().transaction((tx) =>
      enqueueEmails(tx, [
        { email, meta },
        { email, meta: { to: 'b@example.org' } },
      ]),
    )
    expect(again[0]).toBe(first)
    expect(again[1]).not.toBe(first)
    expect(outboxTo('ana@example.org')).toHaveLength(1)
    expect(outboxTo('b@example.org')[0]!.id).toBe(again[1])
  })
})
