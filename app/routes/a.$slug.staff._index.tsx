import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Resource } from '~/domain/permissions'
import { STAFF_ROLES } from '~/domain/roles'
import { countStaffByRole, getAuthorityBySlug, listStaff } from '~/models/authority.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { localeFromMatches, pageTitle, plainTitle, translator } from '~/utils/meta'

const DONE = ['joined', 'ownRolesChanged'] as const

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, 'staff.overview.title')
  const t = translator(localeFromMatches(matches))
  return plainTitle(matches, t('staff.pageTitle', { page: t('staff.overview.title'), authority: data.authority.name }))
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const resource: Resource = { type: 'authority', authorityId: authority.id }
  const { actor } = requirePermission(request, 'authority.view_staff_area', resource)
  const ownRoles = STAFF_ROLES.filter((r) => actor.staffRoles[authority.id]?.includes(r))
  const counts = countStaffByRole(authority.id)
  return {
    authority: { slug: authority.slug, name: authority.name, legalSettings: authority.legalSettings },
    ownRoles,
    roleCounts: STAFF_ROLES.map((role) => ({ role, count: counts[role] })),
    staffTotal: listStaff(authority.id).length,
    canManageStaff: can(actor, 'authority.manage_staff', resource),
    canEditSettings: can(actor, 'authority.edit_settings', resource),
  }
}

export default function StaffOverview() {
  const { t } = useTranslation()
  const { authority, ownRoles, roleCounts, staffTotal, canManageStaff, canEditSettings } =
    useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const done = DONE.find((d) => d === searchParams.get('done'))
  const legal = authority.legalSettings
  const base = `/a/${authority.slug}/staff`
  return (
    <>
      <h1>{t('staff.overview.title')}</h1>
      <p className="lead">{t('staff.overview.lead')}</p>
      {done ? (
        <div className="notice ok" role="status">
          <p>{t(`staff.overview.done.${done}`)}</p>
        </div>
      ) : null}

      <section aria-labelledby="own-roles">
        <h2 id="own-roles">{t('staff.overview.yourRoles')}</h2>
        {ownRoles.length ? (
          <ul>
            {ownRoles.map((role) => (
              <li key={role}>
                {t('staff.overview.roleLine', { role: t(`roles.${role}`), description: t(`roleDescriptions.${role}`) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('staff.overview.platformAdminOnly')}</p>
        )}
      </section>

      <section aria-labelledby="legal-rules">
        <h2 id="legal-rules">{t('staff.overview.legalTitle')}</h2>
        <p>{t('staff.overview.legalIntro')}</p>
        <ul>
          <li>
            {t('staff.legal.announcementMinDays.summary', {
              count: legal.announcementMinDays,
              counting: t(`legal.dayCounting.${legal.announcementDayCounting}`),
            })}
          </li>
          <li>{t('staff.legal.recommendationWindowMinDays.summary', { count: legal.recommendationWindowMinDays })}</li>
          <li>{t(`staff.legal.publicDebateOnRequest.${legal.publicDebateOnRequest ? 'on' : 'off'}`)}</li>
          <li>
            {t(
              `staff.legal.annualPlanRequiresConsultationMinutes.${legal.annualPlanRequiresConsultationMinutes ? 'on' : 'off'}`,
            )}
          </li>
        </ul>
        {canEditSettings ? (
          <p>
            <Link to={`${base}/settings`}>{t('staff.overview.changeSettings')}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="team-counts">
        <h2 id="team-counts">{t('staff.overview.teamTitle')}</h2>
        <p>{t('staff.overview.teamTotal', { total: staffTotal })}</p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('staff.overview.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.overview.role')}</th>
                <th scope="col">{t('staff.overview.people')}</th>
              </tr>
            </thead>
            <tbody>
              {roleCounts.map(({ role, count }) => (
                <tr key={role}>
                  <th scope="row">{t(`roles.${role}`)}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('staff.overview.countsNote')}</p>
        {canManageStaff ? (
          <p>
            <Link to={`${base}/team`} className="button secondary">
              {t('staff.overview.manageTeam')}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  )
}
