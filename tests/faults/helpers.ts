/**
 * Shared by the fault tests: a read-only look into the app's database (WAL: reading never
 * disturbs the server), the demo consultation, logged-in clients, another process holding the
 * database's write lock, and waiting for a condition.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Client, DEMO_PASSWORD } from '../support/app'

export const ROOT = path.resolve(import.meta.dirname, '../..')

export function readDatabase(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true })
}

export type DemoConsultation = {
  planId: string
  reference: string
  /** The public address of the plan. */
  url: string
  /** Section anchors of its current version, plus `document` (the whole plan). */
  anchors: string[]
}

/** Pângărați's annual plan the demo puts in consultation today (not the one whose window has ended). */
export function demoConsultation(db: Database.Database): DemoConsultation {
  const plan = db
    .prepare(
      `SELECT p.id, p.reference, p.current_version_id AS versionId FROM plans p
       JOIN authorities a ON a.id = p.authority_id
       WHERE a.slug = 'pangarati' AND p.status = 'in_consultation' AND p.kind = 'annual_action_plan'
       ORDER BY p.closes_on DESC LIMIT 1`,
    )
    .get() as { id: string; reference: string; versionId: string } | undefined
  if (!plan) throw new Error('The demo consultation is missing')
  const sections = db
    .prepare('SELECT anchor FROM plan_sections WHERE version_id = ? ORDER BY position LIMIT 3')
    .all(plan.versionId) as Array<{ anchor: string }>
  return {
    planId: plan.id,
    reference: plan.reference,
    url: `/a/pangarati/plans/${plan.id}`,
    anchors: ['document', ...sections.map((s) => s.anchor)],
  }
}

export async function loggedIn(url: string, email: string): Promise<Client> {
  const client = new Client(url)
  await client.login(email, DEMO_PASSWORD)
  return client
}

export async function waitUntil<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 20_000, everyMs = 100, what = 'the condition' } = {},
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export type HeldLock = {
  /** Ends the other process's transaction: COMMIT (its write lands) or ROLLBACK. */
  release(how?: 'commit' | 'rollback'): Promise<void>
}

/**
 * Another process (as a maintenance script or a second app instance would) takes the write lock
 * with BEGIN IMMEDIATE and writes a row (so its COMMIT moves the database on under any reader),
 * then holds the lock until `release`.
 */
export async function holdWriteLock(databasePath: string): Promise<HeldLock> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.env.LOCK_DB, { timeout: 10000 })
    db.exec('BEGIN IMMEDIATE')
    db.prepare("UPDATE users SET name = name || '' WHERE email = 'viewer.pangarati@demo.planuri.ro'").run()
    process.stdout.write('locked\\n')
    process.stdin.once('data', (d) => {
      db.exec(d.toString().trim() === 'commit' ? 'COMMIT' : 'ROLLBACK')
      db.close()
      process.stdout.write('released\\n')
      process.exit(0)
    })`
  const child = spawn(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, LOCK_DB: databasePath },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = (c: Buffer) => {
        output += c.toString()
        if (output.includes(word)) {
          child.stdout.off('data', onData)
          resolve()
        }
      }
      child.stdout.on('data', onData)
      child.once('exit', (code) => (output.includes(word) ? resolve() : reject(new Error(`locker: ${code} ${output}`))))
    })
  await said('locked')
  return {
    async release(how = 'rollback') {
      const done = said('released')
      child.stdin.write(`${how}\n`)
      await done
    },
  }
}
