import type { LoaderFunctionArgs } from '@remix-run/node'
import { escapeHtml } from '~/domain/html'
import { listConsultations } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { readConsultationFilters } from '~/utils/consultation-filters.server'

/** An Atom feed of the consultations (the list's filters apply), newest publication first. */
export function loader({ request }: LoaderFunctionArgs) {
  const base = getConfig().appUrl
  const url = new URL(request.url)
  const { filters } = readConsultationFilters(url)
  const { items } = listConsultations(filters, { limit: 50 })
  const sorted = [...items].sort((a, b) => (b.publishedOn ?? '').localeCompare(a.publishedOn ?? ''))
  const updated = sorted[0]?.publishedOn ? `${sorted[0].publishedOn}T00:00:00Z` : clock.now().toISOString()
  const entries = sorted
    .map((c) => {
      const link = `${base}/a/${c.authoritySlug}/plans/${c.id}`
      const window = c.opensOn && c.closesOn ? ` (${c.opensOn} – ${c.closesOn})` : ''
      return `  <entry>
    <id>${escapeHtml(link)}</id>
    <title>${escapeHtml(`${c.title} · ${c.authorityName}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeHtml(link)}"/>
    <updated>${c.publishedOn}T00:00:00Z</updated>
    <author><name>${escapeHtml(c.authorityName)}</name></author>
    <summary>${escapeHtml(`${c.summary}${window}`)}</summary>
  </entry>`
    })
    .join('\n')
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ro">
  <id>${escapeHtml(`${base}/consultations`)}</id>
  <title>Planuri sociale: consultări publice</title>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${base}/consultations/feed.xml${url.search}`)}"/>
  <link rel="alternate" type="text/html" href="${escapeHtml(`${base}/consultations`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
