import type { LoaderFunctionArgs } from '@remix-run/node'
import { meetingsFeedIcs, meetingUid } from '~/domain/meeting-ical'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listMeetings } from '~/models/meetings.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { notFound } from '~/utils/auth.server'

/** The authority's tripartite meetings as an iCalendar feed (the same UIDs as the invitations). */
export function loader({ params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const base = `${getConfig().appUrl}/a/${authority.slug}/meetings`
  const body = meetingsFeedIcs(
    listMeetings(authority.id).map((m) => ({
      uid: meetingUid(m.id),
      sequence: m.icalSequence,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      onlineUrl: m.onlineUrl,
      url: `${base}#meeting-${m.id}`,
      cancelled: m.status === 'cancelled',
    })),
    `${authority.name}: întâlniri tripartite`,
    clock.now(),
  )
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="intalniri-tripartite.ics"',
    },
  })
}
