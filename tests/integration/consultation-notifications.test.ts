/**
 * The notification engine through `jobs run-once` (as system cron would run it) at successive
 * instants: followers hear of an opening at once or in their daily digest as they chose, the
 * digest goes out once a day after 08:00 Bucharest time, the "closes in 3 days" notice goes once,
 * the consultation closes itself after its last day, and "off" means nothing is sent.
 * No Resend key: emails land in the local outbox, read here from the database.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
let dir: string
let dbPath: string

function cli(instant: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_PATH: dbPath,
      APP_NOW: instant,
      APP_URL: 'http://planuri.test',
      RESEND_API_KEY: '',
      RESEND_BASE_URL: '',
    },
    encoding: 'utf8',
  })
  if (res.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${res.stderr}`)
  return res.stdout
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

function exec(sql: string, ...params: unknown[]) {
  const db = new Database(dbPath)
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

type Email = { to_address: string; subject: string; text: string; template: string; headers: string | null }
const emailsTo = (email: string, template?: string) =>
  query<Email>(
    `SELECT to_address, subject, text, template, headers FROM email_outbox WHERE to_address = ? ${template ? 'AND template = ?' : ''} ORDER BY created_at`,
    ...(template ? [email, template] : [email]),
  )

const NGO = 'ong@demo.planuri.ro' // follows Comuna Pângărați in the demo: immediate by default
const PARENTS = 'beneficiari@demo.planuri.ro' // follows every annual action plan: switched to daily here
const CITIZEN = 'cetatean@demo.planuri.ro' // made to follow the plan, with notifications off

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-notify-'))
  dbPath = path.join(dir, 'app.db')
  // 09:00 in Bucharest on Monday 23.11.2026: the demo consultation opens today, closes 07.12.
  cli('2026-11-23T07:00:00Z', 'db', 'seed-demo')
  const userId = (email: string) => query<{ id: string }>('SELECT id FROM users WHERE email = ?', email)[0]!.id
  const now = Date.parse('2026-11-23T07:00:00Z')
  exec(
    "INSERT INTO notification_preferences (user_id, kind, mode, updated_at) VALUES (?, 'consultation_opened', 'daily', ?)",
    userId(PARENTS),
    now,
  )
  const planId = query<{ id: string }>("SELECT id FROM plans WHERE status = 'in_consultation'")[0]!.id
  exec(
    "INSERT INTO follows (user_id, target_type, target_id, created_at) VALUES (?, 'plan', ?, ?)",
    userId(CITIZEN),
    planId,
    now,
  )
  for (const kind of ['consultation_opened', 'consultation_closing']) {
    exec(
      'INSERT INTO notification_preferences (user_id, kind, mode, updated_at) VALUES (?, ?, ?, ?)',
      userId(CITIZEN),
      kind,
      'off',
      now,
    )
  }
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('consultation notifications', () => {
  it('sends the opening at once to those who chose "immediate", with the List-Unsubscribe headers', () => {
    cli('2026-11-23T07:00:00Z', 'jobs', 'run-once')
    const opened = emailsTo(NGO, 'consultation-opened')
    expect(opened).toHaveLength(1)
    expect(opened[0]!.subject).toContain('Consultare publică deschisă')
    expect(opened[0]!.text).toContain('07.12.2026')
    const headers = JSON.parse(opened[0]!.headers!) as Record<string, string>
    expect(headers['List-Unsubscribe']).toMatch(
      /^<http:\/\/planuri\.test\/unsubscribe\/one-click\?kind=consultation_opened&token=/,
    )
    expect(emailsTo(PARENTS, 'consultation-opened')).toHaveLength(0)
    expect(emailsTo(PARENTS, 'consultation-digest')).toHaveLength(0) // came in after today's 08:00
  })

  it('puts it in the next morning’s daily digest, once', () => {
    cli('2026-11-24T05:30:00Z', 'jobs', 'run-once') // 07:30 in Bucharest: not yet
    expect(emailsTo(PARENTS, 'consultation-digest')).toHaveLength(0)
    cli('2026-11-24T06:30:00Z', 'jobs', 'run-once') // 08:30
    cli('2026-11-24T09:00:00Z', 'jobs', 'run-once')
    const digests = emailsTo(PARENTS, 'consultation-digest')
    expect(digests).toHaveLength(1)
    expect(digests[0]!.text).toContain('Pângărați')
    expect(digests[0]!.text).toContain('http://planuri.test/unsubscribe?kind=all')
  })

  it('announces "closes in 3 days" once, when three days are left, and closes the consultation after its last day', () => {
    cli('2026-12-04T09:00:00Z', 'jobs', 'run-once')
    expect(emailsTo(NGO, 'consultation-closing')).toHaveLength(0)
    cli('2026-12-05T09:00:00Z', 'jobs', 'run-once')
    cli('2026-12-05T10:00:00Z', 'jobs', 'run-once')
    const closing = emailsTo(NGO, 'consultation-closing')
    expect(closing).toHaveLength(1)
    expect(closing[0]!.subject).toContain('se închide în 3 zile')
    expect(query<{ status: string }>("SELECT status FROM plans WHERE reference = 'P2027-1'")[0]!.status).toBe(
      'in_consultation',
    )
    cli('2026-12-08T09:00:00Z', 'jobs', 'run-once')
    expect(query<{ status: string }>("SELECT status FROM plans WHERE reference = 'P2027-1'")[0]!.status).toBe(
      'consultation_closed',
    )
  })

  it('sends nothing to a follower who switched these notifications off', () => {
    const toCitizen = emailsTo(CITIZEN).filter((e) => e.template.startsWith('consultation-'))
    expect(toCitizen).toEqual([])
  })
})
