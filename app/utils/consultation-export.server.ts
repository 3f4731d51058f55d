/** Open data: the published consultations as JSON records and CSV rows (drafts never). */
import { neutraliseFormula, writeCsv } from '~/domain/protocol-csv'
import type { PlanListItem } from '~/models/plan.server'
import { getConfig } from '~/services/config.server'

export function consultationRecord(c: PlanListItem) {
  return {
    id: c.id,
    reference: c.reference,
    url: `${getConfig().appUrl}/a/${c.authoritySlug}/plans/${c.id}`,
    authority: c.authorityName,
    authoritySlug: c.authoritySlug,
    county: c.county,
    kind: c.kind,
    title: c.title,
    year: c.year,
    status: c.phase,
    publishedOn: c.publishedOn,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    earliestAdoptionOn: c.earliestAdoptionOn,
    recommendations: c.recommendationCount,
    summary: c.summary,
  }
}

const COLUMNS = [
  'id',
  'reference',
  'url',
  'authority',
  'county',
  'kind',
  'title',
  'year',
  'status',
  'publishedOn',
  'opensOn',
  'closesOn',
  'earliestAdoptionOn',
  'recommendations',
] as const

export function consultationsCsv(items: PlanListItem[]): string {
  const rows = items.map((c) => {
    const r = consultationRecord(c)
    return COLUMNS.map((k) => neutraliseFormula(String(r[k] ?? '')))
  })
  return writeCsv([[...COLUMNS], ...rows], { bom: true })
}
