import type { LoaderFunctionArgs } from '@remix-run/node'
import { protocolCsvTemplate } from '~/domain/protocol-csv'
import { getAuthorityBySlug } from '~/models/authority.server'
import { notFound, requirePermission } from '~/utils/auth.server'

/** The CSV template for an import: the export's header and two example rows. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  requirePermission(request, 'protocol.view', { type: 'authority', authorityId: authority.id })
  return new Response(protocolCsvTemplate(authority.name), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="model-import-protocoale-${authority.slug}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
