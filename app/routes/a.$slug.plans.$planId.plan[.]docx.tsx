import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderDocx } from '~/services/docx.server'
import { planDocModel } from '~/services/plan-docx.server'
import { getLocale } from '~/utils/i18n.server'
import { planDocInput } from '~/utils/plan-document.server'
import { publicPlanFor } from '~/utils/plan-route.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** The plan as a Word document: the adopted version with its decision and its minutes section filled in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, authority } = publicPlanFor(request, params.slug, params.planId)
  const bytes = await renderDocx(planDocModel(planDocInput(plan, authority, await getLocale(request))))
  const name = `${plan.status === 'adopted' ? 'plan-adoptat' : 'proiect'}-${plan.reference}.docx`
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': attachmentDisposition(name),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-cache',
    },
  })
}
