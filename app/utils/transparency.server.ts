/** The annual decisional-transparency report of an authority for the year of the URL. */
import { computeTransparencyReport, TRANSPARENCY_LABELS_EN, TRANSPARENCY_LABELS_RO } from '~/domain/transparency-report'
import type { AppLocale } from '~/i18n'
import { getAuthorityBySlug } from '~/models/authority.server'
import { transparencyInput } from '~/models/transparency.server'
import { clock } from '~/services/clock.server'
import { notFound } from '~/utils/auth.server'

export function transparencyFor(slug: string | undefined, url: URL, locale: AppLocale) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const current = Number(clock.today().slice(0, 4))
  const asked = Number(url.searchParams.get('year'))
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current ? asked : current
  const input = transparencyInput(authority, year)
  return {
    authority,
    year,
    input,
    counts: computeTransparencyReport(input),
    labels: locale === 'en' ? TRANSPARENCY_LABELS_EN : TRANSPARENCY_LABELS_RO,
  }
}
