import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportToCsv } from '~/domain/recommendation-report'
import { getLocale } from '~/utils/i18n.server'
import { publicPlanFor } from '~/utils/plan-route.server'
import { planReport, reportFileName, reportLabels } from '~/utils/report.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** The report of recommendations as CSV (open data): every registered recommendation and its answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = publicPlanFor(request, params.slug, params.planId)
  const csv = reportToCsv(planReport(plan), reportLabels(await getLocale(request)))
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(reportFileName(plan, 'csv')),
      'Cache-Control': 'no-cache',
    },
  })
}
