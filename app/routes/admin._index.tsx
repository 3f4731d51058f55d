import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listAuthorities, listStaff } from '~/models/authority.server'
import { platformCounts } from '~/models/outbox.server'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.manage_authorities', { type: 'platform' })
  return {
    counts: platformCounts(),
    authorities: listAuthorities().map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      county: a.county,
      staff: listStaff(a.id).length,
    })),
  }
}

export default function AdminHome() {
  const { t } = useTranslation()
  const { counts, authorities } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <dl className="facts">
        <dt>{t('admin.counts.users')}</dt>
        <dd>{counts.users}</dd>
        <dt>{t('admin.counts.organisations')}</dt>
        <dd>{counts.organisations}</dd>
        <dt>{t('admin.counts.pendingEmails')}</dt>
        <dd>{counts.pendingEmails}</dd>
        <dt>{t('admin.counts.failedEmails')}</dt>
        <dd>{counts.failedEmails}</dd>
      </dl>
      <div className="actions">
        <Link to="/admin/authorities/new" className="button">
          {t('admin.authorities.create')}
        </Link>
        <Link to="/admin/outbox" className="button secondary">
          {t('admin.outbox.title')}
        </Link>
        <Link to="/emails" className="button secondary">
          {t('admin.emails.title')}
        </Link>
      </div>
      <h2>{t('admin.authorities.title')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.authorities.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.authorityKind')}</th>
              <th scope="col">{t('fields.county')}</th>
              <th scope="col">{t('admin.authorities.staff')}</th>
              <th scope="col">{t('admin.authorities.links')}</th>
            </tr>
          </thead>
          <tbody>
            {authorities.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/a/${a.slug}`}>{a.name}</Link>
                </td>
                <td>{t(`authorityKinds.${a.kind}`)}</td>
                <td>{a.county}</td>
                <td>{a.staff}</td>
                <td>
                  <Link to={`/a/${a.slug}/staff`}>{t('admin.authorities.workspace')}</Link> ·{' '}
                  <Link to={`/audit/authority/${a.id}`}>{t('admin.authorities.history')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
