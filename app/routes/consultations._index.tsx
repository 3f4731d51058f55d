import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRange, Pager, PhaseBadge } from '~/components/plan-ui'
import { PLAN_KINDS, PUBLIC_STATUS_FILTERS, type PlanKind } from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import { authoritiesWithConsultations } from '~/models/authority.server'
import { follow, isFollowing, unfollow } from '~/models/follow.server'
import { countiesWithConsultations, listConsultations, yearsWithConsultations } from '~/models/plan.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { readConsultationFilters } from '~/utils/consultation-filters.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, 'consultations.title'),
  { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: '/consultations/feed.xml' },
]

const PAGE_SIZE = 20

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { filters, values } = readConsultationFilters(url)
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const { items, total } = listConsultations(filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const user = getUser(request)
  return {
    items,
    total,
    page,
    values,
    query: url.searchParams.toString(),
    authorities: authoritiesWithConsultations(),
    counties: countiesWithConsultations(),
    years: yearsWithConsultations(),
    signedIn: !!user,
    followingKind: user && filters.kind ? isFollowing(user.id, { type: 'plan_kind', id: filters.kind }) : false,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const form = await request.formData()
  const kind = String(form.get('kind') ?? '')
  if (!(PLAN_KINDS as readonly string[]).includes(kind)) return invalid({ error: 'kind' })
  if (form.get('intent') === 'unfollow') unfollow(user.id, { type: 'plan_kind', id: kind as PlanKind })
  else follow(user.id, { type: 'plan_kind', id: kind as PlanKind })
  return redirect(`/consultations?kind=${kind}`)
}

export default function Consultations() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const params = new URLSearchParams(data.query)
  const pageHref = (p: number) => {
    params.set('page', String(p))
    return `/consultations?${params.toString()}`
  }
  const exportQuery = new URLSearchParams(data.query)
  exportQuery.delete('page')
  const exportSuffix = exportQuery.toString() ? `?${exportQuery.toString()}` : ''
  return (
    <div className="page">
      <h1>{t('consultations.title')}</h1>
      <p className="lead">{t('consultations.intro')}</p>
      <Form method="get" className="filter-grid" aria-label={t('consultations.filters')}>
        <div className="field">
          <label htmlFor="f-status">{t('consultations.status')}</label>
          <select id="f-status" name="status" defaultValue={data.values.status}>
            <option value="">{t('consultations.any')}</option>
            {PUBLIC_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`consultations.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('plans.fields.kind')}</label>
          <select id="f-kind" name="kind" defaultValue={data.values.kind}>
            <option value="">{t('consultations.any')}</option>
            {PLAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`plans.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-authority">{t('consultations.authority')}</label>
          <select id="f-authority" name="authority" defaultValue={data.values.authority}>
            <option value="">{t('consultations.any')}</option>
            {data.authorities.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-county">{t('consultations.county')}</label>
          <select id="f-county" name="county" defaultValue={data.values.county}>
            <option value="">{t('consultations.any')}</option>
            {data.counties.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-year">{t('plans.fields.year')}</label>
          <select id="f-year" name="year" defaultValue={data.values.year}>
            <option value="">{t('consultations.any')}</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button button-small">
            {t('consultations.apply')}
          </button>
        </div>
      </Form>
      <p role="status">{t('consultations.found', { count: data.total })}</p>
      {data.signedIn && data.values.kind ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="kind" value={data.values.kind} />
          <input type="hidden" name="intent" value={data.followingKind ? 'unfollow' : 'follow'} />
          <button type="submit" className="button button-small">
            {data.followingKind
              ? t('consultations.unfollowKind', { kind: t(`plans.kinds.${data.values.kind}`) })
              : t('consultations.followKind', { kind: t(`plans.kinds.${data.values.kind}`) })}
          </button>
        </Form>
      ) : null}
      <ul className="cards consultation-list">
        {data.items.map((c) => (
          <li key={c.id} className="card">
            <h2 className="h3">
              <Link to={`/a/${c.authoritySlug}/plans/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted">
              {t(`plans.kinds.${c.kind}`)} · {c.authorityName} ({c.county}) · {c.year}
            </p>
            <p>
              <PhaseBadge phase={c.phase} /> <DateRange from={c.opensOn} to={c.closesOn} /> ·{' '}
              {t('plans.page.commentCount', { count: c.recommendationCount })}
            </p>
            {c.phase === 'open' && c.closesOn ? (
              <p>{t('consultations.closesOn', { date: formatDate(c.closesOn) })}</p>
            ) : null}
            {c.summary ? <p>{c.summary.slice(0, 300)}</p> : null}
          </li>
        ))}
      </ul>
      <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} href={pageHref} />
      <h2>{t('consultations.openData')}</h2>
      <ul>
        <li>
          <a href="/consultations/feed.xml">{t('consultations.atom')}</a>
        </li>
        <li>
          <a href={`/consultations.json${exportSuffix}`}>{t('consultations.json')}</a>
        </li>
        <li>
          <a href={`/consultations.csv${exportSuffix}`}>{t('consultations.csv')}</a>
        </li>
      </ul>
    </div>
  )
}
