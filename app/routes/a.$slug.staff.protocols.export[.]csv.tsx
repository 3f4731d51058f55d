import type { LoaderFunctionArgs } from '@remix-run/node'
import { protocolCsvFileName, protocolsCsv, withAddendaUnderParents } from '~/domain/protocol-csv'
import { protocolSituation } from '~/domain/protocol-term'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listProtocols } from '~/models/protocol.server'
import { getUserById } from '~/models/user.server'
import { clock } from '~/services/clock.server'
import { notFound, requirePermission } from '~/utils/auth.server'

/** Every protocol of the authority (public or not) as CSV, with the status computed for today. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  requirePermission(request, 'protocol.view', { type: 'authority', authorityId: authority.id })
  const today = clock.today()
  const names = new Map<string, string | null>()
  const responsibleName = (id: string | null) => {
    if (!id) return null
    if (!names.has(id)) names.set(id, getUserById(id)?.name ?? null)
    return names.get(id)!
  }
  const items = withAddendaUnderParents(
    listProtocols(authority.id).map((item) => ({ ...item, id: item.protocol.id, parentId: item.protocol.parentId })),
  )
  const csv = protocolsCsv(
    items.map(({ protocol, parties, term, facts }) => {
      const situation = protocolSituation(facts, today, authority.protocolSettings)
      return {
        listNumber: protocol.listNumber,
        kind: protocol.kind,
        title: protocol.title,
        object: protocol.object,
        parties,
        term,
        status: situation.status,
        noticeDeadline: situation.noticeDeadline,
        responsible: responsibleName(protocol.responsibleUserId),
        isPublic: protocol.isPublic,
      }
    }),
  )
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${protocolCsvFileName(authority.slug, today)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
