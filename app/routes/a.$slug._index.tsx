import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRange, PhaseBadge } from '~/components/plan-ui'
import { can } from '~/domain/permissions'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listConsultations } from '~/models/plan.server'
import { listProtocols } from '~/models/protocol.server'
import { getActor, notFound } from '~/utils/auth.server'
import { plainTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => plainTitle(matches, data?.authority.name ?? '')

export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const actor = getActor(request)
  return {
    authority: {
      slug: authority.slug,
      name: authority.name,
      kind: authority.kind,
      county: authority.county,
      contactEmail: authority.contactEmail,
      postalAddress: authority.postalAddress,
      legalSettings: authority.legalSettings,
    },
    isStaff: can(actor, 'authority.view_staff_area', { type: 'authority', authorityId: authority.id }),
    consultations: listConsultations({ authorityId: authority.id }, { limit: 20 }).items.map((c) => ({
      id: c.id,
      title: c.title,
      phase: c.phase,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      recommendationCount: c.recommendationCount,
    })),
    // Public protocols and agreements; their addenda are counted with them, not on their own.
    publicProtocols: listProtocols(authority.id, { publicOnly: true }).filter((p) => !p.protocol.parentId).length,
  }
}

export default function AuthorityHome() {
  const { t } = useTranslation()
  const { authority, isStaff, publicProtocols, consultations } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/authorities">{t('authorities.title')}</Link>
          </li>
          <li aria-current="page">{authority.name}</li>
        </ol>
      </nav>
      <h1>{authority.name}</h1>
      <p className="lead">
        {t(`authorityKinds.${authority.kind}`)} · {t('authorities.county', { county: authority.county })}
      </p>
      {isStaff ? (
        <p>
          <Link to={`/a/${authority.slug}/staff`} className="button">
            {t('authority.goToStaffArea')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="consultations">
        <h2 id="consultations">{t('authority.consultations')}</h2>
        {consultations.length === 0 ? <p className="muted">{t('authority.noConsultations')}</p> : null}
        <ul>
          {consultations.map((c) => (
            <li key={c.id}>
              <Link to={`/a/${authority.slug}/plans/${c.id}`}>{c.title}</Link> <PhaseBadge phase={c.phase} />{' '}
              <DateRange from={c.opensOn} to={c.closesOn} /> ·{' '}
              {t('plans.page.commentCount', { count: c.recommendationCount })}
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/consultations?authority=${authority.slug}`}>{t('authority.allConsultations')}</Link> ·{' '}
          <Link to={`/a/${authority.slug}/transparency`}>{t('transparency.link')}</Link>
        </p>
      </section>
      <section aria-labelledby="protocols">
        <h2 id="protocols">{t('protocolRegistry.authoritySection.title')}</h2>
        <p className={publicProtocols === 0 ? 'muted' : undefined}>
          {publicProtocols === 0
            ? t('protocolRegistry.authoritySection.none')
            : t('protocolRegistry.authoritySection.count', { count: publicProtocols })}
        </p>
        <p>
          <Link to={`/a/${authority.slug}/protocols`}>{t('protocolRegistry.authoritySection.link')}</Link>
        </p>
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">{t('authority.contact')}</h2>
        <p>{t('authority.contactIntro')}</p>
        <dl className="facts">
          <dt>{t('fields.postalAddress')}</dt>
          <dd>{authority.postalAddress}</dd>
          <dt>{t('fields.contactEmail')}</dt>
          <dd>
            <a href={`mailto:${authority.contactEmail}`}>{authority.contactEmail}</a>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="rules">
        <h2 id="rules">{t('authority.rules')}</h2>
        <ul>
          <li>
            {t('authority.ruleAnnouncement', {
              days: authority.legalSettings.announcementMinDays,
              counting: t(`legal.dayCounting.${authority.legalSettings.announcementDayCounting}`),
            })}
          </li>
          <li>{t('authority.ruleWindow', { days: authority.legalSettings.recommendationWindowMinDays })}</li>
          {authority.legalSettings.publicDebateOnRequest ? <li>{t('authority.ruleDebate')}</li> : null}
        </ul>
      </section>
    </div>
  )
}
