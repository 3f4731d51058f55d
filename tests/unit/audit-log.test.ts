import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase } from '#db/client.ts'

describe('the audit log', () => {
  it('refuses to change or delete a recorded event', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-audit-'))
    const db = openDatabase(path.join(dir, 'app.db'))
    migrateDatabase(db)
    const sqlite = db.$client
    sqlite
      .prepare(
        "INSERT INTO audit_events (at, actor_user_id, entity_type, entity_id, action, after) VALUES (1, 'u1', 'authority', 'a1', 'authority.created', '{}')",
      )
      .run()
    expect(() => sqlite.prepare("UPDATE audit_events SET action = 'forged'").run()).toThrow(/append-only/)
    expect(() => sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
    expect(sqlite.prepare('SELECT action FROM audit_events').all()).toEqual([{ action: 'authority.created' }])
    sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
