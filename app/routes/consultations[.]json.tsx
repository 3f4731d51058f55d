import type { LoaderFunctionArgs } from '@remix-run/node'
import { listConsultations } from '~/models/plan.server'
import { consultationRecord } from '~/utils/consultation-export.server'
import { readConsultationFilters } from '~/utils/consultation-filters.server'

/** Open data: every published consultation matching the list's filters, as JSON. */
export function loader({ request }: LoaderFunctionArgs) {
  const { filters } = readConsultationFilters(new URL(request.url))
  const { items, total } = listConsultations(filters, { limit: 10_000 })
  return new Response(JSON.stringify({ total, consultations: items.map(consultationRecord) }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
  })
}
