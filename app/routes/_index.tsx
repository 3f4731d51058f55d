import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PhaseBadge } from '~/components/plan-ui'
import { formatDate } from '~/domain/dates'
import { searchAuthorities } from '~/models/authority.server'
import { listConsultations } from '~/models/plan.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, 'home.title'),
  {
    name: 'description',
    content:
      'Consultări publice, procese-verbale, protocoale de parteneriat și întâlniri tripartite pentru serviciile sociale.',
  },
]

export function loader(_: LoaderFunctionArgs) {
  // A national platform has thousands: the home page shows a few and links to the searchable list.
  const { rows: authorities, total: authorityCount } = searchAuthorities('', { limit: 12, offset: 0 })
  const { items, total } = listConsultations({ status: 'open' }, { limit: 6 })
  const openConsultations = items.map((c) => ({
    id: c.id,
    title: c.title,
    authority: c.authorityName,
    authoritySlug: c.authoritySlug,
    closesOn: c.closesOn,
    phase: c.phase,
    recommendationCount: c.recommendationCount,
  }))
  return { authorities, authorityCount, openConsultations, openTotal: total }
}

export default function Home() {
  const { t } = useTranslation()
  const { authorities, authorityCount, openConsultations, openTotal } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <div className="page">
          <h1 id="home-title">{t('home.heading')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <ol className="steps">
            <li>
              <strong>{t('home.steps.consult.title')}</strong>
              {t('home.steps.consult.body')}
            </li>
            <li>
              <strong>{t('home.steps.minutes.title')}</strong>
              {t('home.steps.minutes.body')}
            </li>
            <li>
              <strong>{t('home.steps.protocols.title')}</strong>
              {t('home.steps.protocols.body')}
            </li>
            <li>
              <strong>{t('home.steps.tripartite.title')}</strong>
              {t('home.steps.tripartite.body')}
            </li>
          </ol>
        </div>
      </section>
      <div className="page">
        <section aria-labelledby="open-consultations">
          <h2 id="open-consultations">{t('home.openConsultations')}</h2>
          {openConsultations.length === 0 ? (
            <p className="muted">{t('home.noOpenConsultations')}</p>
          ) : (
            <ul className="cards">
              {openConsultations.map((c) => (
                <li key={c.id} className="card">
                  <h3>
                    <Link to={`/a/${c.authoritySlug}/plans/${c.id}`}>{c.title}</Link>
                  </h3>
                  <p className="muted">{c.authority}</p>
                  <p>
                    <PhaseBadge phase={c.phase} />{' '}
                    {c.closesOn && c.phase === 'open'
                      ? t('consultations.closesOn', { date: formatDate(c.closesOn) })
                      : null}
                  </p>
                  <p>{t('plans.page.commentCount', { count: c.recommendationCount })}</p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/consultations">{t('home.allConsultations', { count: openTotal })}</Link>
          </p>
        </section>
        <section aria-labelledby="authorities-title">
          <h2 id="authorities-title">{t('home.authorities')}</h2>
          {authorities.length === 0 ? (
            <p className="muted">{t('authorities.none')}</p>
          ) : (
            <ul className="cards">
              {authorities.map((a) => (
                <li key={a.slug} className="card">
                  <h3>
                    <Link to={`/a/${a.slug}`}>{a.name}</Link>
                  </h3>
                  <p className="muted">
                    {t(`authorityKinds.${a.kind}`)} · {t('authorities.county', { county: a.county })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {authorityCount > authorities.length ? (
            <p>
              <Link to="/authorities">{t('home.authoritiesCount', { count: authorityCount })}</Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="for-whom">
          <h2 id="for-whom">{t('home.forWhom.title')}</h2>
          <ul>
            <li>{t('home.forWhom.ngos')}</li>
            <li>{t('home.forWhom.staff')}</li>
            <li>{t('home.forWhom.legal')}</li>
            <li>{t('home.forWhom.public')}</li>
          </ul>
        </section>
      </div>
    </>
  )
}
