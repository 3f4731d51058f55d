import type { LoaderFunctionArgs } from '@remix-run/node'
import { findFeedUser, userCalendar } from '~/models/calendar-feed.server'
import { getConfig } from '~/services/config.server'
import { notFound } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n.server'

/** A user's secret calendar of protocol deadlines; an unknown, replaced or revoked token is 404. */
export function loader({ params }: LoaderFunctionArgs) {
  const user = findFeedUser(params.token ?? '')
  if (!user) throw notFound()
  const body = userCalendar(user, fixedT(user.locale), getConfig().appUrl)
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="termene-protocoale.ics"',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    },
  })
}
