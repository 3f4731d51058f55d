import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRange, PhaseBadge } from '~/components/plan-ui'
import { can } from '~/domain/permissions'
import { listPlansOfAuthority } from '~/models/plan.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'plans.staff.listTitle' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.staff.listTitle')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, actor } = authorityFor(request, params.slug, 'plan.view')
  return {
    slug: authority.slug,
    plans: listPlansOfAuthority(authority.id),
    canManage: can(actor, 'plan.manage', { type: 'authority', authorityId: authority.id }),
  }
}

export default function StaffPlans() {
  const { t } = useTranslation()
  const { slug, plans, canManage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('plans.staff.listTitle')}</h1>
      <p className="lead">{t('plans.staff.listIntro')}</p>
      {canManage ? (
        <p>
          <Link to={`/a/${slug}/staff/plans/new`} className="button">
            {t('plans.staff.new')}
          </Link>
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p className="muted">{t('plans.staff.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('plans.staff.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.fields.reference')}</th>
                <th scope="col">{t('plans.fields.title')}</th>
                <th scope="col">{t('plans.fields.status')}</th>
                <th scope="col">{t('plans.fields.window')}</th>
                <th scope="col">{t('plans.fields.recommendations')}</th>
                <th scope="col">{t('plans.staff.unanswered')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>{p.reference}</td>
                  <td>
                    <Link to={`/a/${slug}/staff/plans/${p.id}`}>{p.title}</Link>
                    <br />
                    <span className="muted">
                      {t(`plans.kinds.${p.kind}`)} · {p.year}
                    </span>
                  </td>
                  <td>
                    <PhaseBadge phase={p.phase} />
                  </td>
                  <td>
                    <DateRange from={p.opensOn} to={p.closesOn} />
                  </td>
                  <td>{p.recommendationCount}</td>
                  <td>{p.unanswered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
