import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/domain/dates'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listMeetings } from '~/models/meetings.server'
import { clock } from '~/services/clock.server'
import { notFound } from '~/utils/auth.server'
import { plainTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? plainTitle(matches, data.title) : [])

/** The authority's tripartite meetings, upcoming first, and the iCalendar feed to subscribe to. */
export function loader({ params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const today = clock.today()
  const all = listMeetings(authority.id)
  return {
    slug: authority.slug,
    name: authority.name,
    title: `${authority.name}: întâlniri tripartite`,
    upcoming: all.filter((m) => m.date >= today && m.status === 'scheduled'),
    past: all.filter((m) => m.date < today || m.status !== 'scheduled').reverse(),
  }
}

export default function MeetingsCalendar() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const item = (m: (typeof data.upcoming)[number]) => (
    <li key={m.id} id={`meeting-${m.id}`}>
      <strong>
        {formatDate(m.date)}, {m.startTime}–{m.endTime}
      </strong>{' '}
      · {m.title} · {m.place ?? ''} {m.onlineUrl ? t('plans.debates.onlineLink') : ''} · {m.serviceTypes.join(', ')} ·{' '}
      {t(`meetings.statuses.${m.status}`)}
    </li>
  )
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/authorities">{t('authorities.title')}</Link>
          </li>
          <li>
            <Link to={`/a/${data.slug}`}>{data.name}</Link>
          </li>
          <li aria-current="page">{t('meetings.calendar.title')}</li>
        </ol>
      </nav>
      <h1>{t('meetings.calendar.title')}</h1>
      <p className="lead">{t('meetings.calendar.intro')}</p>
      <p>
        <a href={`/a/${data.slug}/meetings.ics`}>{t('meetings.calendar.feed')}</a>
      </p>
      <h2>{t('meetings.calendar.upcoming')}</h2>
      {data.upcoming.length === 0 ? (
        <p className="muted">{t('meetings.calendar.none')}</p>
      ) : (
        <ul>{data.upcoming.map(item)}</ul>
      )}
      <h2>{t('meetings.calendar.past')}</h2>
      {data.past.length === 0 ? <p className="muted">{t('meetings.calendar.none')}</p> : <ul>{data.past.map(item)}</ul>}
    </div>
  )
}
