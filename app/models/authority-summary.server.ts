import { eq } from 'drizzle-orm'
import { authorities } from '#db/schema.ts'
import { getDb } from '~/services/db.server'

/** The few fields navigation needs about an authority. */
export function getAuthority(id: string) {
  return getDb()
    .select({ id: authorities.id, slug: authorities.slug, name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, id))
    .get()
}
