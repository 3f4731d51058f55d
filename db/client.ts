import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** Where the generated SQL migrations live, whichever bundle this module ends up in. */
export function migrationsFolder(): string {
  const candidates = [
    path.resolve(process.cwd(), 'db/migrations'),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  ]
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'meta/_journal.json')))
  if (!found) throw new Error(`No migrations found (looked in ${candidates.join(', ')})`)
  return found
}

/**
 * Opens the database with the settings every connection needs: WAL so readers never wait
 * for the writer, a busy timeout so concurrent writers queue instead of failing at once,
 * foreign keys enforced.
 */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  return drizzle(sqlite, { schema }) as DB
}

export function migrateDatabase(db: DB) {
  migrate(db, { migrationsFolder: migrationsFolder() })
}

/** Whether the database answers a query; the reason when it does not (for /healthz). */
export function databaseHealth(db: Pick<DB, '$client'>): { ok: true } | { ok: false; error: string } {
  try {
    db.$client.prepare('SELECT 1').get()
    return { ok: true }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
