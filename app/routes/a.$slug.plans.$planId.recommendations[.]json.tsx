import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportRows } from '~/models/recommendation.server'
import { getConfig } from '~/services/config.server'
import { publicPlanFor } from '~/utils/plan-route.server'

/** Open data: a plan's published recommendations and answers (hidden ones without their text). */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, authority } = publicPlanFor(request, params.slug, params.planId)
  const body = {
    plan: {
      id: plan.id,
      reference: plan.reference,
      title: plan.title,
      authority: authority.name,
      url: `${getConfig().appUrl}/a/${authority.slug}/plans/${plan.id}`,
      opensOn: plan.opensOn,
      closesOn: plan.closesOn,
    },
    recommendations: reportRows(plan.id).map((r) => ({
      registrationNumber: r.registrationNumber,
      submittedOn: r.submittedOn,
      author: r.authorLabel,
      section:
        r.sectionNumber || r.sectionHeading ? [r.sectionNumber, r.sectionHeading].filter(Boolean).join(' ') : null,
      text: r.hidden ? null : r.text,
      proposedWording: r.hidden ? null : r.proposedWording,
      hidden: r.hidden,
      hiddenReason: r.hiddenReason,
      answer: r.answer,
      justification: r.justification,
    })),
  }
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
  })
}
