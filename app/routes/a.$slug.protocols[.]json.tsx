import type { LoaderFunctionArgs } from '@remix-run/node'
import { withAddendaUnderParents } from '~/domain/protocol-csv'
import { protocolSituation } from '~/domain/protocol-term'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listProtocols } from '~/models/protocol.server'
import { clock } from '~/services/clock.server'

/**
 * Open data: the authority's public protocols with their status and deadlines on `asOf`.
 * No email addresses and no responsible staff: only what the public page shows.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  }
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) {
    return new Response(JSON.stringify({ error: 'not_found' }), { status: 404, headers })
  }
  const today = clock.today()
  const items = withAddendaUnderParents(
    listProtocols(authority.id, { publicOnly: true }).map((item) => ({
      ...item,
      id: item.protocol.id,
      parentId: item.protocol.parentId,
    })),
  )
  const body = {
    authority: { slug: authority.slug, name: authority.name },
    generatedAt: clock.now().toISOString(),
    asOf: today,
    protocols: items.map(({ protocol, parties, term, facts }) => {
      const situation = protocolSituation(facts, today, authority.protocolSettings)
      return {
        id: protocol.id,
        kind: protocol.kind,
        title: protocol.title,
        object: protocol.object,
        parties: parties.map((p) => ({
          name: p.name,
          registrationNumber: p.registrationNumber,
          registrationDate: p.registrationDate,
        })),
        signedOn: protocol.signedOn,
        parentId: protocol.parentId,
        term: {
          type: term.type,
          start: term.start,
          end: term.end,
          renewalPeriod: term.renewalPeriod,
          noticePeriod: term.noticePeriod,
          condition: term.condition,
        },
        status: situation.status,
        end: situation.end,
        noticeDeadline: situation.noticeDeadline,
      }
    }),
  }
  return new Response(JSON.stringify(body, null, 2), { status: 200, headers })
}
