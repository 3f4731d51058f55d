/**
 * Times the reminder planning over the whole data set, in its own process (started by
 * bench/run.ts with DATABASE_PATH and APP_NOW set), and shows how SQLite runs its queries.
 *
 * The target (issue #8): the planning the worker runs on each cycle — what is due (`decide`) and
 * the cycle itself — over the whole country in ≤ 300 ms, each query using an index.
 *
 * - `schedule`: the one-off computation of every protocol's stored schedule (protocol_schedules),
 *   as after the migration that added it, or after bench/generate.ts wrote the protocols in SQL;
 * - `decide`: `dueReminders(today)`, what the planner would send, read-only, on a registry that
 *   never sent anything (every reminder due in the grace window at once);
 * - `firstCycle`: `planReminders(today)` on that registry (everything due goes out at once, emails
 *   rendered and enqueued, the roll-overs of every auto-renewing protocol recorded): a one-off;
 * - `steadyDecide` and `steadyCycle`: the same again, what the worker does on each later run of
 *   the day (the target: `target.ms` is their sum);
 * - `nextDay`: decide and cycle on the next day (what became due overnight goes out).
 *
 * Each distinct SELECT the planner runs is captured with its parameters and explained (`EXPLAIN
 * QUERY PLAN`): while deciding for the largest authority before the first cycle, and during the
 * first, steady and next-day planning of the whole country (`phase`). A plan step `SCAN <table>` without
 * an index is a full scan (`fullScan`); `SCAN <table> USING … INDEX` reads a whole index
 * (`indexScan`).
 *
 * Prints one JSON object on the last line of stdout.
 */
import { addDays } from '../app/domain/calendar.ts'
import { dueReminders, planReminders } from '../app/models/reminders.server.ts'
import { refreshStalePlanningSchedules } from '../app/models/protocol.server.ts'
import { clock } from '../app/services/clock.server.ts'
import { getDb } from '../app/services/db.server.ts'

type Explained = { phase: string; sql: string; plan: string[]; fullScan: boolean; indexScan: boolean }

const LIMIT_MS = 300
const slug = process.argv[2] ?? 'bench-dgaspc'
const db = getDb()
const client = db.$client
const today = clock.today()

// Capture the statements (and their parameters) the planner runs while `capturing` is set.
const captured = new Map<string, { phase: string; args: unknown[] }>()
const prepare = client.prepare.bind(client)
let capturing: string | null = null
client.prepare = ((source: string) => {
  const stmt = prepare(source)
  const wrapped = stmt as unknown as Record<string, unknown> & { __captured?: boolean }
  if (wrapped.__captured) return stmt
  wrapped.__captured = true
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = stmt[method] as (...args: unknown[]) => unknown
    wrapped[method] = (...args: unknown[]) => {
      if (capturing && !captured.has(source)) captured.set(source, { phase: capturing, args })
      return original.apply(stmt, args)
    }
  }
  return stmt
}) as typeof client.prepare

function time<T>(fn: () => T): [T, number] {
  const started = performance.now()
  const out = fn()
  return [out, performance.now() - started]
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const out = await fn()
  return [out, performance.now() - started]
}

async function capture(phase: string, fn: () => unknown) {
  capturing = phase
  try {
    await fn()
  } finally {
    capturing = null
  }
}

const protocols = (prepare('SELECT count(*) AS n FROM protocols').get() as { n: number }).n
const authorities = (prepare('SELECT count(*) AS n FROM authorities').get() as { n: number }).n

// The stored schedules, computed once (the data set is written in SQL, like a database migrated to them).
const [scheduled, scheduleMs] = time(() => refreshStalePlanningSchedules(today))

let sample: ReturnType<typeof dueReminders> | undefined
await capture('largest authority, before the first cycle', () => (sample = dueReminders(today, slug)))
const [due, decideMs] = time(() => dueReminders(today))
let first: Awaited<ReturnType<typeof planReminders>> | undefined
let firstMs = 0
// (The capture costs a lookup per statement run: nothing next to the cycle.)
await capture('first cycle', async () => ([first, firstMs] = await timeAsync(() => planReminders(today))))

// What the worker does on every later cycle of the day: timed, then run again to capture its queries.
const [steadyDue, steadyDecideMs] = time(() => dueReminders(today))
const [steady, steadyMs] = await timeAsync(() => planReminders(today))
await capture('steady cycle', async () => {
  dueReminders(today)
  await planReminders(today)
})

// The next day, and the one after (captured), on the whole country.
const tomorrow = addDays(today, 1)
const [nextDue, nextDecideMs] = time(() => dueReminders(tomorrow))
const [next, nextMs] = await timeAsync(() => planReminders(tomorrow))
await capture('next days', async () => {
  dueReminders(addDays(today, 2))
  await planReminders(addDays(today, 2))
})

const explained: Explained[] = []
for (const [sql, { phase, args }] of captured) {
  if (!/^\s*select/i.test(sql)) continue
  const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as never[])) as Array<{ detail: string }>
  const plan = rows.map((r) => r.detail)
  explained.push({
    phase,
    sql: sql.length > 400 ? `${sql.slice(0, 400)}…` : sql,
    plan,
    fullScan: plan.some((d) => /^SCAN \S+$/.test(d.trim()) && !/ USING /.test(d)),
    indexScan: plan.some((d) => /^SCAN \S+ USING /.test(d.trim())),
  })
}
const scans = explained.filter((e) => e.fullScan || e.indexScan)

console.log(
  JSON.stringify({
    today,
    protocols,
    authorities,
    target: {
      limitMs: LIMIT_MS,
      ms: steadyDecideMs + steadyMs,
      met: steadyDecideMs + steadyMs <= LIMIT_MS && scans.length === 0,
      scans: scans.length,
    },
    schedule: { ms: scheduleMs, protocols: scheduled },
    decide: { ms: decideMs, reminders: due.reminders.length, summaries: due.summaries.length },
    firstCycle: {
      ms: firstMs,
      messages: first!.messages.length,
      recorded: first!.recorded,
      emails: first!.emails,
      renewals: first!.renewals.length,
      weeklySummaries: first!.weeklySummaries.length,
    },
    steadyDecide: {
      ms: steadyDecideMs,
      reminders: steadyDue.reminders.length,
      summaries: steadyDue.summaries.length,
    },
    steadyCycle: { ms: steadyMs, messages: steady.messages.length, recorded: steady.recorded, emails: steady.emails },
    nextDay: {
      date: tomorrow,
      decideMs: nextDecideMs,
      cycleMs: nextMs,
      reminders: nextDue.reminders.length,
      messages: next.messages.length,
      emails: next.emails,
      renewals: next.renewals.length,
    },
    largestAuthority: { slug, remindersDue: sample?.reminders.length ?? 0 },
    explain: explained,
  }),
)
