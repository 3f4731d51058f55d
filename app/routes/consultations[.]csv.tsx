import type { LoaderFunctionArgs } from '@remix-run/node'
import { listConsultations } from '~/models/plan.server'
import { consultationsCsv } from '~/utils/consultation-export.server'
import { readConsultationFilters } from '~/utils/consultation-filters.server'

/** Open data: every published consultation matching the list's filters, as CSV. */
export function loader({ request }: LoaderFunctionArgs) {
  const { filters } = readConsultationFilters(new URL(request.url))
  const { items } = listConsultations(filters, { limit: 10_000 })
  return new Response(consultationsCsv(items), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="consultari.csv"',
    },
  })
}
