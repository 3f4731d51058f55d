import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOutboxEmail } from '~/models/outbox.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { attachmentDisposition } from '~/utils/upload.server'

/** A MIME type with optional parameters and nothing a header cannot hold; anything else is served as bytes. */
const MIME = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"\r\n]*"))*$/

/** A file sent with an email (an .ics invitation), downloaded from the outbox by a platform administrator. */
export function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.read_outbox', { type: 'platform' })
  const email = getOutboxEmail(params.id ?? '')
  const index = /^\d{1,3}$/.test(params.index ?? '') ? Number(params.index) : -1
  const attachment = email?.attachments?.[index]
  if (!attachment) throw notFound()
  const bytes = Buffer.from(attachment.content, 'base64')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': MIME.test(attachment.contentType) ? attachment.contentType : 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      // Always a download, never shown in the app's origin.
      'Content-Disposition': attachmentDisposition(attachment.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
