import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'
import { cacheStatements } from './statement-cache.ts'

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

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * Opens the database with the settings every connection needs: WAL so readers never wait
 * for the writer, a busy timeout so concurrent writers queue instead of failing at once,
 * foreign keys enforced.
 *
 * Transactions are IMMEDIATE unless a caller asks otherwise: they take the write lock when they
 * begin, waiting for it (busy timeout) like a single statement does. A DEFERRED transaction
 * that reads before it writes fails at once with SQLITE_BUSY_SNAPSHOT when another process
 * (the CLI, a second worker) committed in between, without waiting: the busy timeout cannot
 * help it.
 */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as DB
  const transaction = db.transaction.bind(db)
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as DB['transaction']
  return db
}

/**
 * A query built once per database and kept compiled. drizzle builds a query's SQL on every call,
 * walking every selected column: on the hottest paths (the session check of every request, a
 * recommendation's insert) building cost more than running. The values are `sql.placeholder`s
 * given at each run: `const bySlug = preparedQuery((db) => db.select()…prepare())`, then
 * `bySlug(db).get({ slug })`.
 */
export function preparedQuery<Q>(build: (db: DB) => Q): (db: DB) => Q {
  const built = new WeakMap<DB, Q>()
  return (db) => {
    let query = built.get(db)
    if (query === undefined) {
      query = build(db)
      built.set(db, query)
    }
    return query
  }
}

/** What an HTTP answer stopped by the database lock tells the client (`Retry-After`, seconds). */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5

const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/

/**
 * Whether an error means the database is locked by another connection (SQLITE_BUSY,
 * SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…): temporary, worth trying again shortly, never a bug.
 * Looks through wrappers (drizzle's query errors keep the driver's error as `cause`).
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && BUSY_CODES.test(code)) return true
  }
  return false
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
