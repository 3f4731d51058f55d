/**
 * Full-text search over what the public may read: published plans, the sections of their
 * current versions, and visible recommendations (hidden and withdrawn ones have an empty
 * search text). Diacritics are ignored by the FTS5 tokenizer; whatever a user types becomes a
 * safe query (app/domain/search-query.ts), so no input can produce an error.
 */
import { sql } from 'drizzle-orm'
import { toFtsQuery } from '~/domain/search-query'
import { getDb } from '~/services/db.server'

export type SearchHit = {
  kind: 'plan' | 'section' | 'recommendation'
  planId: string
  planTitle: string
  authorityName: string
  authoritySlug: string
  /** The section's anchor or the recommendation's id. */
  target: string | null
  label: string
  text: string
}

export function searchPublic(input: string, limit = 20): { query: string | null; hits: SearchHit[] } {
  const match = toFtsQuery(input, { prefix: true })
  if (!match) return { query: null, hits: [] }
  const db = getDb()
  const plans = db.all<SearchHit>(sql`
    SELECT 'plan' AS kind, p.id AS planId, p.title AS planTitle, a.name AS authorityName, a.slug AS authoritySlug,
           NULL AS target, p.reference AS label, p.summary AS text
    FROM plans_fts f JOIN plans p ON p.rowid = f.rowid JOIN authorities a ON a.id = p.authority_id
    WHERE plans_fts MATCH ${match} AND p.published_on IS NOT NULL
    ORDER BY f.rank LIMIT ${limit}`)
  const sections = db.all<SearchHit>(sql`
    SELECT 'section' AS kind, p.id AS planId, p.title AS planTitle, a.name AS authorityName, a.slug AS authoritySlug,
           s.anchor AS target, trim(coalesce(s.number, '') || ' ' || s.heading) AS label, s.text AS text
    FROM plan_sections_fts f JOIN plan_sections s ON s.rowid = f.rowid
      JOIN plans p ON p.id = s.plan_id AND p.current_version_id = s.version_id
      JOIN authorities a ON a.id = p.authority_id
    WHERE plan_sections_fts MATCH ${match} AND p.published_on IS NOT NULL
    ORDER BY f.rank LIMIT ${limit}`)
  const recommendations = db.all<SearchHit>(sql`
    SELECT 'recommendation' AS kind, p.id AS planId, p.title AS planTitle, a.name AS authorityName,
           a.slug AS authoritySlug, r.id AS target, r.registration_number AS label, r.text AS text
    FROM recommendations_fts f JOIN recommendations r ON r.rowid = f.rowid
      JOIN plans p ON p.id = r.plan_id JOIN authorities a ON a.id = p.authority_id
    WHERE recommendations_fts MATCH ${match} AND p.published_on IS NOT NULL
      AND r.status = 'registered' AND r.hidden_at IS NULL
    ORDER BY f.rank LIMIT ${limit}`)
  return { query: match, hits: [...plans, ...sections, ...recommendations] }
}
