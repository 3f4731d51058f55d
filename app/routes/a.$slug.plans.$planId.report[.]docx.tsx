import type { LoaderFunctionArgs } from '@remix-run/node'
import { recommendationReportDocx, renderDocx } from '~/services/docx.server'
import { getLocale } from '~/utils/i18n.server'
import { publicPlanFor } from '~/utils/plan-route.server'
import { planReport, reportFileName, reportLabels } from '~/utils/report.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** The report of recommendations as a Word document, ready to be attached to the adoption file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, authority } = publicPlanFor(request, params.slug, params.planId)
  const locale = await getLocale(request)
  const model = recommendationReportDocx({
    planTitle: plan.title,
    authorityName: authority.name,
    consultation: { opensOn: plan.opensOn ?? '', closesOn: plan.closesOn ?? '' },
    report: planReport(plan),
    labels: reportLabels(locale),
    language: locale,
  })
  const bytes = await renderDocx(model)
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': attachmentDisposition(reportFileName(plan, 'docx')),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-cache',
    },
  })
}
