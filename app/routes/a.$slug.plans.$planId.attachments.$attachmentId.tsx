import type { LoaderFunctionArgs } from '@remix-run/node'
import { getAttachment } from '~/models/plan.server'
import { readFile } from '~/services/storage.server'
import { notFound } from '~/utils/auth.server'
import { publicPlanFor } from '~/utils/plan-route.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** A document published with the plan (justification note, annexes). */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = publicPlanFor(request, params.slug, params.planId)
  const attachment = getAttachment(plan.id, params.attachmentId ?? '')
  const bytes = attachment ? readFile(attachment.sha256) : null
  if (!attachment || !bytes) throw notFound()
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentDisposition(attachment.fileName, attachment.contentType === 'application/pdf'),
      'Cache-Control': plan.publishedOn ? 'public, max-age=300' : 'private, no-store',
    },
  })
}
