import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseHealth, migrateDatabase, openDatabase } from '#db/client.ts'

describe('database health (GET /healthz)', () => {
  it('is healthy while the database answers and reports why once it does not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-health-'))
    const db = openDatabase(path.join(dir, 'app.db'))
    migrateDatabase(db)
    expect(databaseHealth(db)).toEqual({ ok: true })
    db.$client.close()
    const after = databaseHealth(db)
    expect(after.ok).toBe(false)
    expect(after.ok ? '' : after.error).toMatch(/not open/i)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('opens every connection in WAL mode with foreign keys and a busy timeout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-health-'))
    const db = openDatabase(path.join(dir, 'app.db'))
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.$client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
