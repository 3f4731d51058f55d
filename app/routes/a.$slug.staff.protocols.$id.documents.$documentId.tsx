import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDocument } from '~/models/protocol.server'
import { readFile } from '~/services/storage.server'
import { notFound } from '~/utils/auth.server'
import { protocolFor } from '~/utils/protocol-route.server'

/** A signed scan of a protocol, for the authority's staff. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = protocolFor(request, params.slug, params.id, 'protocol.view')
  const doc = getDocument(detail.protocol.id, params.documentId ?? '')
  const bytes = doc ? readFile(doc.sha256) : null
  if (!doc || !bytes) throw notFound()
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}
