import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRecommendation } from '~/models/recommendation.server'
import { readFile } from '~/services/storage.server'
import { notFound } from '~/utils/auth.server'
import { publicPlanFor } from '~/utils/plan-route.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** A recommendation's attachment: public unless the recommendation was hidden by moderation. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, user, canModerate } = publicPlanFor(request, params.slug, params.planId)
  const rec = getRecommendation(params.recId ?? '')
  if (!rec || rec.planId !== plan.id || !rec.attachmentSha256) throw notFound()
  if (rec.hiddenAt && !canModerate && user?.id !== rec.authorUserId) throw notFound()
  const bytes = readFile(rec.attachmentSha256)
  if (!bytes) throw notFound()
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': rec.attachmentType ?? 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentDisposition(rec.attachmentName ?? 'anexa'),
      'Cache-Control': 'private, no-store',
    },
  })
}
