/**
 * The fan-out of one notification to many followers (issue #8): a consultation opens on a plan
 * that N people follow (immediate preference), and the in-process worker turns the N
 * notifications into emails and sends them through the fake Resend API in batches of 100 at
 * `RESEND_REQUESTS_PER_SECOND` (default 2). The provider's floor is N / 100 / rate seconds
 * (10,000 followers at 2 requests per second: 50 s); the target is 1.2 × that floor, from the
 * event to the last email accepted, none lost and none duplicated.
 *
 * Runs on its own, on a fresh temporary database (the app migrates it on open):
 *
 *   node --import tsx bench/fanout.ts [--followers 10000] [--timeout SECONDS]
 *
 * Every accepted email is checked against its recipient: the address is a follower's, the
 * greeting carries that follower's name (escaped) and the List-Unsubscribe token is signed for
 * that follower (`misaddressed` counts the failures). Progress goes to stderr; the last line of
 * stdout is one JSON object: `{ followers, emails, requests, maxBatch, seconds, floorSeconds,
 * ratioToFloor, duplicates, missing, renderMs, peakRssMb, … }`, where `renderMs` is the time
 * from the event until the last email was rendered into the outbox and `firstRequestMs` the
 * time until the first request reached the provider.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startFakeResend } from '../tests/support/fake-resend.ts'

const { values } = parseArgs({
  options: {
    followers: { type: 'string', default: '10000' },
    timeout: { type: 'string' },
  },
})
const followers = Number(values.followers)
if (!Number.isInteger(followers) || followers < 1) throw new Error('--followers must be a positive integer')

const log = (message: string) => process.stderr.write(`${message}\n`)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-fanout-'))
const fake = await startFakeResend()
const rate = Number(process.env.RESEND_REQUESTS_PER_SECOND || 2)
Object.assign(process.env, {
  // Production: React's production build renders several times faster than its development one.
  NODE_ENV: 'production',
  DATABASE_PATH: path.join(dir, 'app.db'),
  SESSION_SECRET: 'fanout-bench-session-secret-0123456789abcdef',
  APP_URL: 'https://planuri.bench.test',
  RESEND_API_KEY: 're_bench',
  RESEND_BASE_URL: fake.url,
  RESEND_REQUESTS_PER_SECOND: String(rate),
  WORKER: 'on',
})
delete process.env.APP_NOW

const { and, eq } = await import('drizzle-orm')
const { emailOutbox, notifications } = await import('../db/schema.ts')
const { getDb } = await import('../app/services/db.server.ts')
const { getConfig } = await import('../app/services/config.server.ts')
const { clock } = await import('../app/services/clock.server.ts')
const { createAuthority } = await import('../app/models/authority.server.ts')
const { createPlan, publishPlan } = await import('../app/models/plan.server.ts')
const { verifyUnsubscribe } = await import('../app/models/notifications.server.ts')
const { kickDelivery, sharedRenderStats } = await import('../app/services/email.server.ts')
const { startWorker } = await import('../app/services/worker.server.ts')
const { newId } = await import('../app/utils/ids.server.ts')
const { addDays } = await import('../app/domain/calendar.ts')

const floorSeconds = Math.ceil(followers / 100) / rate
const timeoutMs = Number(values.timeout ?? Math.max(60, floorSeconds * 3)) * 1000

// ---------------------------------------------------------------- the data

const db = getDb()
const staffId = newId()
db.$client
  .prepare(
    `INSERT INTO users (id, email, name, locale, email_verified_at, is_platform_admin, created_at)
     VALUES (?, ?, ?, 'ro', ?, 0, ?)`,
  )
  .run(staffId, 'editor@bench.planuri.test', 'Editor Bench', Date.now(), Date.now())
const authority = createAuthority(
  {
    slug: 'bench-fanout',
    name: 'Comuna Fan-out & Asociații',
    kind: 'local_council',
    county: 'Neamț',
    contactEmail: 'contact@bench.planuri.test',
    postalAddress: 'Str. Principală nr. 1',
  },
  staffId,
)
const draft = createPlan(
  authority.id,
  {
    kind: 'annual_action_plan',
    title: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
    year: 2027,
    summary: 'Serviciile sociale existente, cele care vor fi înființate în 2027 și bugetul estimat.',
    justification: 'Legea nr. 292/2011, art. 112 alin. (3) lit. b).',
    sections: [],
    sourceFileName: null,
  },
  staffId,
)

type Follower = { id: string; email: string; name: string }
const people = new Map<string, Follower>()
/** A few awkward names: the per-recipient parts must be escaped, never trusted. */
const nameOf = (i: number) =>
  i % 97 === 0 ? `Ioana "O'Brien" <b>&amp; ${i}</b>` : i % 5 === 0 ? `Ștefan Țăranu ${i}` : `Follower ${i}`
const seedStarted = performance.now()
db.transaction(() => {
  const client = db.$client
  const user = client.prepare(
    `INSERT INTO users (id, email, name, locale, email_verified_at, is_platform_admin, created_at)
     VALUES (?, ?, ?, ?, ?, 0, ?)`,
  )
  const follow = client.prepare(
    `INSERT INTO follows (user_id, target_type, target_id, created_at) VALUES (?, 'plan', ?, ?)`,
  )
  const preference = client.prepare(
    `INSERT INTO notification_preferences (user_id, kind, mode, updated_at) VALUES (?, 'consultation_opened', 'immediate', ?)`,
  )
  const now = Date.now()
  for (let i = 0; i < followers; i++) {
    const person = { id: newId(), email: `follower${i}@bench.planuri.test`, name: nameOf(i) }
    people.set(person.email, person)
    user.run(person.id, person.email, person.name, i % 4 === 3 ? 'en' : 'ro', now, now)
    follow.run(person.id, draft.id, now)
    preference.run(person.id, now)
  }
})
log(`Seeded ${followers} followers in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)

// ---------------------------------------------------------------- the event and the worker

const worker = startWorker(getConfig().workerIntervalMs, log)
// Let the worker's first planning cycle (reminders, consultations, digests: nothing to do) pass.
await new Promise((r) => setTimeout(r, 500))

const received = new Map<string, number>()
let misaddressed = 0
let accepted = 0
let acceptedAt = 0
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

/** Takes what the fake accepted so far (keeping its memory small) and checks each email's recipient. */
function drain() {
  const batch = fake.emails.splice(0, fake.emails.length)
  for (const e of batch) {
    accepted += 1
    const address = e.to[0] ?? ''
    received.set(address, (received.get(address) ?? 0) + 1)
    const person = people.get(address)
    const token = /[?&]token=([^&>]+)/.exec(e.headers?.['List-Unsubscribe'] ?? '')?.[1]
    const signedFor = token ? verifyUnsubscribe('consultation_opened', decodeURIComponent(token)) : null
    if (!person || signedFor !== person.id || !e.html.includes(escapeHtml(person.name))) misaddressed += 1
  }
  if (batch.length > 0) acceptedAt = Date.now()
}

const today = clock.today()
const started = Date.now()
publishPlan(draft, { opensOn: today, closesOn: addDays(today, 20) }, staffId)
kickDelivery() // as the publish action does
const published = Date.now()
log(`Published: ${followers} notifications written in ${published - started} ms`)

let lastLog = started
while (accepted < followers && Date.now() - started < timeoutMs) {
  await new Promise((r) => setTimeout(r, 20))
  drain()
  if (Date.now() - lastLog >= 5000) {
    lastLog = Date.now()
    log(`  ${((lastLog - started) / 1000).toFixed(0)} s: ${accepted} accepted in ${fake.requests.length} requests`)
  }
}
// A moment more: anything sent twice would arrive now.
await new Promise((r) => setTimeout(r, 1000))
drain()
await worker.stop()

// ---------------------------------------------------------------- the results

const outbox = db.$client
  .prepare(`SELECT count(*) AS n, max(created_at) AS last, sum(status = 'sent') AS sent FROM email_outbox`)
  .get() as { n: number; last: number | null; sent: number | null }
const emailed = db
  .select({ id: notifications.id })
  .from(notifications)
  .where(and(eq(notifications.kind, 'consultation_opened'), eq(notifications.status, 'emailed')))
  .all().length
const pendingRows = db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.status, 'pending')).all()
const missing = [...people.keys()].filter((address) => !received.has(address)).length
const duplicates = [...received.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0)
const seconds = acceptedAt > 0 ? (acceptedAt - started) / 1000 : null
const firstRequest = fake.requests[0]?.at
const result = {
  followers,
  emails: accepted,
  requests: fake.requests.length,
  maxBatch: Math.max(0, ...fake.requests.map((r) => r.size)),
  seconds: seconds === null ? null : Number(seconds.toFixed(2)),
  floorSeconds,
  ratioToFloor: seconds === null ? null : Number((seconds / floorSeconds).toFixed(3)),
  duplicates,
  missing,
  renderMs: outbox.last === null ? null : outbox.last - started,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  firstRequestMs: firstRequest === undefined ? null : firstRequest - started,
  publishMs: published - started,
  /** React renders made for the fan-out (each template once per language, plus fallbacks). */
  renders: sharedRenderStats.renders,
  renderFallbacks: sharedRenderStats.fallbacks,
  misaddressed,
  outboxRows: outbox.n,
  outboxPending: pendingRows.length,
  notificationsEmailed: emailed,
  requestsPerSecond: rate,
  target: seconds !== null && seconds <= floorSeconds * 1.2 && duplicates === 0 && missing === 0 && misaddressed === 0,
}
await fake.close()
db.$client.close()
fs.rmSync(dir, { recursive: true, force: true })
log(
  `${result.emails}/${followers} emails in ${result.requests} requests (largest ${result.maxBatch}): ` +
    `${result.seconds} s against a floor of ${floorSeconds} s (×${result.ratioToFloor}); ` +
    `rendered by ${result.renderMs} ms, first request at ${result.firstRequestMs} ms; ` +
    `${duplicates} duplicated, ${missing} missing, ${misaddressed} misaddressed; peak RSS ${result.peakRssMb} MB`,
)
console.log(JSON.stringify(result))
process.exit(0)
