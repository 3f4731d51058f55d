import type { ActionFunctionArgs } from '@remix-run/node'
import { unsubscribe, verifyUnsubscribe, type UnsubscribeScope } from '~/models/notifications.server'

/**
 * RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the address
 * of the List-Unsubscribe header, without cookies or Origin (server.ts lets this path through
 * the same-origin check: the signed token is the authorisation, and it can only switch off).
 */
export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url)
  const kind = url.searchParams.get('kind') ?? ''
  const userId = verifyUnsubscribe(kind, url.searchParams.get('token'))
  if (!userId) return new Response('Invalid unsubscribe link.', { status: 400 })
  unsubscribe(userId, kind as UnsubscribeScope)
  return new Response('Unsubscribed.', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}
