/** The report of recommendations of a plan, ready for the page, the CSV and the DOCX. */
import { buildRecommendationReport, REPORT_LABELS_EN, REPORT_LABELS_RO } from '~/domain/recommendation-report'
import type { AppLocale } from '~/i18n'
import type { Plan } from '~/models/plan.server'
import { reportRows } from '~/models/recommendation.server'

export function reportLabels(locale: AppLocale) {
  return locale === 'en' ? REPORT_LABELS_EN : REPORT_LABELS_RO
}

export function planReport(plan: Plan) {
  return buildRecommendationReport(reportRows(plan.id))
}

/** "raport-recomandari-P2026-1" */
export function reportFileName(plan: Pick<Plan, 'reference'>, extension: 'csv' | 'docx') {
  return `raport-recomandari-${plan.reference}.${extension}`
}
