import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData, useMatches } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Resource } from '~/domain/permissions'
import { getAuthorityBySlug } from '~/models/authority.server'
import { notFound, requirePermission } from '~/utils/auth.server'

/** Child pages name themselves in the breadcrumbs with `handle = { staffBreadcrumb: '<key>' }`. */
type StaffHandle = { staffBreadcrumb?: string }

export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const resource: Resource = { type: 'authority', authorityId: authority.id }
  const { actor } = requirePermission(request, 'authority.view_staff_area', resource)
  return {
    authority: { id: authority.id, slug: authority.slug, name: authority.name },
    canManageStaff: can(actor, 'authority.manage_staff', resource),
    canEditSettings: can(actor, 'authority.edit_settings', resource),
    canViewAudit: can(actor, 'authority.view_audit', resource),
  }
}

export default function StaffLayout() {
  const { t } = useTranslation()
  const { authority, canManageStaff, canEditSettings, canViewAudit } = useLoaderData<typeof loader>()
  const matches = useMatches()
  const current = [...matches].reverse().find((m) => (m.handle as StaffHandle | undefined)?.staffBreadcrumb)
  const currentKey = (current?.handle as StaffHandle | undefined)?.staffBreadcrumb
  const base = `/a/${authority.slug}/staff`
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/authorities">{t('authorities.title')}</Link>
          </li>
          <li>
            <Link to={`/a/${authority.slug}`}>{authority.name}</Link>
          </li>
          {currentKey ? (
            <>
              <li>
                <Link to={base}>{t('staff.area')}</Link>
              </li>
              <li aria-current="page">{t(currentKey)}</li>
            </>
          ) : (
            <li aria-current="page">{t('staff.area')}</li>
          )}
        </ol>
      </nav>
      <p className="muted">{t('staff.context', { authority: authority.name })}</p>
      <nav aria-label={t('staff.nav.label')} className="main-nav">
        <ul>
          <li>
            <NavLink to={base} end>
              {t('staff.nav.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/plans`}>{t('staff.nav.plans')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/protocols`}>{t('staff.nav.protocols')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/meetings`}>{t('staff.nav.meetings')}</NavLink>
          </li>
          {canManageStaff ? (
            <li>
              <NavLink to={`${base}/team`}>{t('staff.nav.team')}</NavLink>
            </li>
          ) : null}
          {canEditSettings ? (
            <li>
              <NavLink to={`${base}/settings`}>{t('staff.nav.settings')}</NavLink>
            </li>
          ) : null}
          {canViewAudit ? (
            <li>
              <NavLink to={`/audit/authority/${authority.id}`}>{t('staff.nav.history')}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/emails">{t('admin.emails.title')}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}
