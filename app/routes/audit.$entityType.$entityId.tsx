import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Action, Resource } from '~/domain/permissions'
import { getAuthorityById } from '~/models/authority.server'
import { auditTrail } from '~/models/audit-view.server'
import { getOrganisationById } from '~/models/organisation.server'
import { getMeetingById } from '~/models/meetings.server'
import { getMinutes } from '~/models/minutes.server'
import { getPlan } from '~/models/plan.server'
import { getProtocol } from '~/models/protocol.server'
import { getRecommendation } from '~/models/recommendation.server'
import { getUserById } from '~/models/user.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

/** Who may read the history of each kind of entity, and where the entity itself lives. */
function describe(
  entityType: string,
  entityId: string,
): { action: Action; resource: Resource; name: string; href: string } | null {
  switch (entityType) {
    case 'authority': {
      const a = getAuthorityById(entityId)
      return a
        ? {
            action: 'authority.view_audit',
            resource: { type: 'authority', authorityId: a.id },
            name: a.name,
            href: `/a/${a.slug}`,
          }
        : null
    }
    case 'organisation': {
      const o = getOrganisationById(entityId)
      return o
        ? {
            action: 'organisation.view_audit',
            resource: { type: 'organisation', organisationId: o.id },
            name: o.name,
            href: `/organisations/${o.slug}`,
          }
        : null
    }
    case 'protocol': {
      const p = getProtocol(entityId)
      const a = p ? getAuthorityById(p.protocol.authorityId) : undefined
      return p && a
        ? {
            action: 'protocol.view',
            resource: { type: 'authority', authorityId: a.id },
            name: p.protocol.title,
            href: `/a/${a.slug}/staff/protocols/${p.protocol.id}`,
          }
        : null
    }
    case 'plan': {
      const p = getPlan(entityId)
      const a = p ? getAuthorityById(p.authorityId) : undefined
      return p && a
        ? {
            action: 'plan.view',
            resource: { type: 'authority', authorityId: a.id },
            name: p.title,
            href: `/a/${a.slug}/staff/plans/${p.id}`,
          }
        : null
    }
    case 'recommendation': {
      const r = getRecommendation(entityId)
      const p = r ? getPlan(r.planId) : undefined
      const a = p ? getAuthorityById(p.authorityId) : undefined
      return r && p && a
        ? {
            action: 'plan.moderate',
            resource: { type: 'authority', authorityId: a.id },
            name: r.registrationNumber,
            href: `/a/${a.slug}/plans/${p.id}/recommendations/${r.id}`,
          }
        : null
    }
    case 'minutes': {
      const m = getMinutes(entityId)
      const a = m ? getAuthorityById(m.authorityId) : undefined
      return m && a
        ? {
            action: 'plan.view',
            resource: { type: 'authority', authorityId: a.id },
            name: m.title,
            href: `/a/${a.slug}/staff/minutes/${m.id}`,
          }
        : null
    }
    case 'meeting': {
      const m = getMeetingById(entityId)
      const a = m ? getAuthorityById(m.authorityId) : undefined
      return m && a
        ? {
            action: 'plan.view',
            resource: { type: 'authority', authorityId: a.id },
            name: m.title,
            href: `/a/${a.slug}/staff/meetings/${m.id}`,
          }
        : null
    }
    case 'user': {
      const u = getUserById(entityId)
      return u
        ? { action: 'user.view_audit', resource: { type: 'user', userId: u.id }, name: u.name, href: '/account' }
        : null
    }
    default:
      return null
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'admin.audit.title', { name: data?.entity.name ?? '' })

export function loader({ request, params }: LoaderFunctionArgs) {
  const entity = describe(params.entityType ?? '', params.entityId ?? '')
  if (!entity) throw notFound()
  requirePermission(request, entity.action, entity.resource)
  const before = Number(new URL(request.url).searchParams.get('before')) || undefined
  return {
    entity: { name: entity.name, href: entity.href },
    ...auditTrail(params.entityType!, params.entityId!, before),
  }
}

function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>
  if (typeof value !== 'object') return <span>{String(value)}</span>
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return <span className="muted">—</span>
  return (
    <dl className="facts">
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>
            {typeof v === 'object' && v !== null ? <pre className="json">{JSON.stringify(v, null, 1)}</pre> : String(v)}
          </dd>
        </div>
      ))}
    </dl>
  )
}

export default function AuditTrail() {
  const { t } = useTranslation()
  const { entity, events, nextBefore } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={entity.href}>{entity.name}</Link>
          </li>
          <li aria-current="page">{t('admin.audit.breadcrumb')}</li>
        </ol>
      </nav>
      <h1>{t('admin.audit.title', { name: entity.name })}</h1>
      <p className="lead">{t('admin.audit.intro')}</p>
      {events.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('admin.audit.title', { name: entity.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.before')}</th>
                <th scope="col">{t('admin.audit.after')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{e.at}</td>
                  <td>{e.actor ?? t('admin.audit.system')}</td>
                  <td>{t(`admin.audit.actions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}</td>
                  <td>
                    <Snapshot value={e.before} />
                  </td>
                  <td>
                    <Snapshot value={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <p>
          <Link to={`?before=${nextBefore}`}>{t('admin.audit.older')}</Link>
        </p>
      ) : null}
    </div>
  )
}
