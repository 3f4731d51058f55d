import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOutboxEmail } from '~/models/outbox.server'
import { notFound, requirePermission } from '~/utils/auth.server'

/** The HTML part of an email, shown sandboxed in an iframe (server.ts allows its inline styles). */
export function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.read_outbox', { type: 'platform' })
  const email = getOutboxEmail(params.id ?? '')
  if (!email) throw notFound()
  return new Response(email.html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
  })
}
