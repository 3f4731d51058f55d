import type { LoaderFunctionArgs } from '@remix-run/node'
import { getMinutesAttachment } from '~/models/minutes.server'
import { readFile } from '~/services/storage.server'
import { notFound } from '~/utils/auth.server'
import { readableMinutesFor } from '~/utils/minutes-route.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** The signed scan of minutes, readable by whoever may read the minutes. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = readableMinutesFor(request, params.slug, params.minutesId)
  const attachment = getMinutesAttachment(detail.minutes.id, params.attachmentId ?? '')
  const bytes = attachment ? readFile(attachment.sha256) : null
  if (!attachment || !bytes) throw notFound()
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentDisposition(attachment.fileName, true),
      'Cache-Control': detail.minutes.status === 'approved' ? 'public, max-age=300' : 'private, no-store',
    },
  })
}
