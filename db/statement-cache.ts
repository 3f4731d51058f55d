import type Database from 'better-sqlite3'

/**
 * Keeps compiled statements for reuse. drizzle prepares a statement for every query it runs and
 * better-sqlite3 compiles each one anew: on the hot paths (a session check, a plan, a
 * recommendation's insert) compiling cost as much as running. The SQL drizzle generates for a
 * query shape is always the same text (values are bound parameters), so the compiled statement
 * can be looked up by its text instead.
 *
 * A statement handed out again is put back in its default mode (drizzle switches statements to
 * raw rows when it maps columns itself); one still being iterated is never shared.
 */
export function cacheStatements(sqlite: Database.Database, capacity = 500) {
  const prepare = sqlite.prepare.bind(sqlite) as (source: string, ...internal: unknown[]) => Database.Statement
  const statements = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string, ...internal: unknown[]) => {
    // better-sqlite3 passes extra arguments for its own statements (pragma): leave those alone.
    if (internal.length > 0 || typeof source !== 'string') return prepare(source, ...internal)
    const cached = statements.get(source)
    if (cached && !cached.busy) {
      statements.delete(source)
      statements.set(source, cached)
      if (cached.reader) cached.raw(false).pluck(false).expand(false)
      return cached
    }
    const statement = prepare(source)
    statements.set(source, statement)
    if (statements.size > capacity) statements.delete(statements.keys().next().value!)
    return statement
  }) as Database.Database['prepare']
}
