/**
 * The meetings' background jobs through `jobs run-once` at successive dates (the local outbox,
 * read from the database): invitees are reminded two days before (once, not those who declined),
 * coordinators get the list of service types still missing a meeting from 30 days before the
 * semester ends (once), and overdue follow-up actions of tripartite minutes are reported once.
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
    },
    encoding: 'utf8',
  })
  if (res.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${res.stderr}`)
  return res.stdout
}

function db() {
  return new Database(dbPath)
}

const emails = (template: string) =>
  db()
    .prepare('SELECT to_address AS "to", subject, text FROM email_outbox WHERE template = ? ORDER BY created_at')
    .all(template) as Array<{ to: string; subject: string; text: string }>

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-meeting-jobs-'))
  dbPath = path.join(dir, 'app.db')
  // Monday 02.11.2026: the demo schedules Pângărați's meeting two weeks later, on 16.11.2026.
  cli('2026-11-02T07:00:00Z', 'db', 'seed-demo')
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('meeting jobs', () => {
  it('reminds the invitees two days before, once, except those who declined', () => {
    const conn = db()
    conn.prepare("UPDATE meeting_invitations SET rsvp = 'declined' WHERE email = 'furnizor@demo.planuri.ro'").run()
    conn.close()
    cli('2026-11-13T07:00:00Z', 'jobs', 'run-once') // three days before: nothing yet
    expect(emails('meeting-reminder')).toEqual([])
    cli('2026-11-14T07:00:00Z', 'jobs', 'run-once')
    cli('2026-11-14T09:00:00Z', 'jobs', 'run-once')
    expect(
      emails('meeting-reminder')
        .map((e) => e.to)
        .sort(),
    ).toEqual(['beneficiari@demo.planuri.ro', 'ong@demo.planuri.ro'])
  })

  it('tells the coordinators, once, which service types still miss a meeting 30 days before the semester ends', () => {
    cli('2026-11-30T07:00:00Z', 'jobs', 'run-once')
    expect(emails('semester-nudge')).toEqual([])
    cli('2026-12-01T07:00:00Z', 'jobs', 'run-once')
    cli('2026-12-02T07:00:00Z', 'jobs', 'run-once')
    const nudges = emails('semester-nudge')
    expect(nudges.map((e) => e.to)).toEqual(['coordonator.pangarati@demo.planuri.ro', 'juridic.dgaspc@demo.planuri.ro'])
    const pangarati = nudges[0]!
    expect(pangarati.text).toContain('8899 CZ-PN-V') // no meeting this semester
    expect(pangarati.text).not.toContain('8810 ID-IV') // scheduled for 16.11
  })

  it('reports an overdue follow-up action of tripartite minutes once', () => {
    const conn = db()
    const meeting = conn.prepare("SELECT id, authority_id FROM meetings WHERE status = 'held' LIMIT 1").get() as {
      id: string
      authority_id: string
    }
    conn
      .prepare(
        "INSERT INTO minutes (id, authority_id, meeting_id, kind, title, date, status, created_at) VALUES ('mtest0000000001', ?, ?, 'tripartite_meeting', 'Procesul-verbal al întâlnirii tripartite', '2026-06-10', 'approved', 0)",
      )
      .run(meeting.authority_id, meeting.id)
    conn
      .prepare(
        "INSERT INTO minutes_actions (minutes_id, description, owner, due_on, status) VALUES ('mtest0000000001', 'Lista de așteptare trimisă furnizorilor', 'Mihaela Rusu', '2026-12-01', 'open'), ('mtest0000000001', 'Acțiune încheiată', 'Mihaela Rusu', '2026-11-01', 'done')",
      )
      .run()
    conn.close()
    cli('2026-12-01T09:00:00Z', 'jobs', 'run-once') // due today: not overdue yet
    expect(emails('action-overdue')).toEqual([])
    cli('2026-12-02T09:00:00Z', 'jobs', 'run-once')
    cli('2026-12-03T09:00:00Z', 'jobs', 'run-once')
    const overdue = emails('action-overdue')
    expect(overdue).toHaveLength(1)
    expect(overdue[0]!.to).toBe('coordonator.pangarati@demo.planuri.ro')
    expect(overdue[0]!.text).toContain('Lista de așteptare trimisă furnizorilor')
    expect(overdue[0]!.text).not.toContain('Acțiune încheiată')
  })
})
