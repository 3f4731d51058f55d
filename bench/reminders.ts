/**
 * Times the reminder planning over the whole data set, in its own process (started by
 * bench/run.ts with DATABASE_PATH and APP_NOW set), and shows how SQLite runs its queries.
 *
 * - `decide`: `dueReminders(today)`, what the planner would send, for every authority, read-only;
 * - `firstCycle`: `planReminders(today)` on a registry that never sent anything (every reminder
 *   due in the grace window goes out at once, emails rendered and enqueued);
 * - `steadyCycle`: `planReminders(today)` again, what the worker does on each later run.
 *
 * Each distinct SQL statement the planner runs for the largest authority is captured with its
 * parameters and explained (`EXPLAIN QUERY PLAN`); a plan step `SCAN <table>` without an index
 * is a full scan.
 *
 * Prints one JSON object on the last line of stdout.
 */
import { dueReminders, planReminders } from '../app/models/reminders.server.ts'
import { clock } from '../app/services/clock.server.ts'
import { getDb } from '../app/services/db.server.ts'

type Explained = { sql: string; plan: string[]; fullScan: boolean }

const slug = process.argv[2] ?? 'bench-dgaspc'
const db = getDb()
const client = db.$client
const today = clock.today()

// Capture the statements (and their parameters) the planner prepares while deciding for one authority.
const captured = new Map<string, unknown[]>()
const prepare = client.prepare.bind(client)
let capturing = false
client.prepare = ((source: string) => {
  const stmt = prepare(source)
  if (!capturing) return stmt
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = stmt[method] as (...args: unknown[]) => unknown
    ;(stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (!captured.has(source)) captured.set(source, args)
      return original.apply(stmt, args)
    }
  }
  return stmt
}) as typeof client.prepare

capturing = true
const sample = dueReminders(today, slug)
capturing = false
client.prepare = prepare as typeof client.prepare

const explained: Explained[] = []
for (const [sql, args] of captured) {
  if (!/^\s*select/i.test(sql)) continue
  const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as never[])) as Array<{ detail: string }>
  const plan = rows.map((r) => r.detail)
  explained.push({
    sql: sql.length > 400 ? `${sql.slice(0, 400)}…` : sql,
    plan,
    fullScan: plan.some((d) => /^SCAN \S+$/.test(d.trim()) && !/ USING /.test(d)),
  })
}

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

const protocols = (client.prepare('SELECT count(*) AS n FROM protocols').get() as { n: number }).n
const authorities = (client.prepare('SELECT count(*) AS n FROM authorities').get() as { n: number }).n
const [due, decideMs] = time(() => dueReminders(today))
const [first, firstMs] = await timeAsync(() => planReminders(today))
const [steady, steadyMs] = await timeAsync(() => planReminders(today))

console.log(
  JSON.stringify({
    today,
    protocols,
    authorities,
    decide: { ms: decideMs, reminders: due.reminders.length, summaries: due.summaries.length },
    firstCycle: {
      ms: firstMs,
      messages: first.messages.length,
      recorded: first.recorded,
      emails: first.emails,
      renewals: first.renewals.length,
    },
    steadyCycle: { ms: steadyMs, messages: steady.messages.length, recorded: steady.recorded, emails: steady.emails },
    largestAuthority: { slug, remindersDue: sample.reminders.length },
    explain: explained,
  }),
)
