import type { LoaderFunctionArgs } from '@remix-run/node'
import { listConsultations } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { readConsultationFilters } from '~/utils/consultation-filters.server'

function xml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

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
    <id>${xml(link)}</id>
    <title>${xml(`${c.title} · ${c.authorityName}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(link)}"/>
    <updated>${c.publishedOn}T00:00:00Z</updated>
    <author><name>${xml(c.authorityName)}</name></author>
    <summary>${xml(`${c.summary}${window}`)}</summary>
  </entry>`
    })
    .join('\n')
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ro">
  <id>${xml(`${base}/consultations`)}</id>
  <title>Planuri sociale: consultări publice</title>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/consultations/feed.xml${url.search}`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/consultations`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
