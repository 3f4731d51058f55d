import { migrateDatabase, openDatabase, type DB } from '#db/client.ts'
import { getConfig } from '~/services/config.server'
import { singleton } from '~/utils/singleton.server'

/** The process's database connection, migrated on first use. */
export function getDb(): DB {
  return singleton('db', () => {
    const db = openDatabase(getConfig().databasePath)
    migrateDatabase(db)
    return db
  })
}

export type { DB }
