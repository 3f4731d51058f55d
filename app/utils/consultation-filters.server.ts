/** The filters of the public list of consultations, read from the query string (unknown values ignored). */
import { PLAN_KINDS, PUBLIC_STATUS_FILTERS, type PlanKind, type PublicStatusFilter } from '~/domain/consultation'
import { getAuthorityBySlug } from '~/models/authority.server'
import type { ConsultationFilters } from '~/models/plan.server'

export function readConsultationFilters(url: URL): { filters: ConsultationFilters; values: Record<string, string> } {
  const get = (k: string) => (url.searchParams.get(k) ?? '').trim()
  const filters: ConsultationFilters = {}
  const values: Record<string, string> = { authority: '', county: '', kind: '', status: '', year: '' }
  const authority = get('authority') ? getAuthorityBySlug(get('authority')) : undefined
  if (authority) {
    filters.authorityId = authority.id
    values.authority = authority.slug
  }
  if (get('county')) {
    filters.county = get('county').slice(0, 60)
    values.county = filters.county
  }
  if ((PLAN_KINDS as readonly string[]).includes(get('kind'))) {
    filters.kind = get('kind') as PlanKind
    values.kind = filters.kind
  }
  if ((PUBLIC_STATUS_FILTERS as readonly string[]).includes(get('status'))) {
    filters.status = get('status') as PublicStatusFilter
    values.status = filters.status
  }
  const year = Number(get('year'))
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) {
    filters.year = year
    values.year = String(year)
  }
  return { filters, values }
}
