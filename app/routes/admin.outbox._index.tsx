import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OUTBOX_STATUSES } from '#db/schema.ts'
import { formatDateTime } from '~/domain/dates'
import { listOutbox, type OutboxStatus } from '~/models/outbox.server'
import { getConfig } from '~/services/config.server'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.outbox.title')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.read_outbox', { type: 'platform' })
  const url = new URL(request.url)
  const to = url.searchParams.get('to') ?? ''
  const statusParam = url.searchParams.get('status') ?? ''
  const status = (OUTBOX_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as OutboxStatus)
    : undefined
  return {
    to,
    status: status ?? '',
    localMode: !getConfig().resendApiKey,
    emails: listOutbox({ to: to || undefined, status, limit: 100 }).map((e) => ({
      ...e,
      createdAt: formatDateTime(e.createdAt),
    })),
  }
}

const statusBadge: Record<string, string> = { sent: 'ok', local: 'ok', pending: 'warn', failed: 'danger' }

export default function Outbox() {
  const { t } = useTranslation()
  const { emails, to, status, localMode } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/admin">{t('admin.title')}</Link>
          </li>
          <li aria-current="page">{t('admin.outbox.title')}</li>
        </ol>
      </nav>
      <h1>{t('admin.outbox.title')}</h1>
      <p className="lead">{localMode ? t('admin.outbox.localMode') : t('admin.outbox.resendMode')}</p>
      <Form method="get" className="actions" role="search">
        <div className="field">
          <label htmlFor="outbox-to">{t('admin.outbox.filterTo')}</label>
          <input id="outbox-to" type="search" name="to" defaultValue={to} />
        </div>
        <div className="field">
          <label htmlFor="outbox-status">{t('admin.outbox.status')}</label>
          <select id="outbox-status" name="status" defaultValue={status}>
            <option value="">{t('admin.outbox.allStatuses')}</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.outbox.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('admin.outbox.filter')}
        </button>
      </Form>
      {emails.length === 0 ? (
        <p>{t('admin.outbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('admin.outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.created')}</th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>{e.createdAt}</td>
                  <td>{e.toAddress}</td>
                  <td>
                    <Link to={`/admin/outbox/${e.id}`}>{e.subject}</Link>
                  </td>
                  <td>
                    <span className={`badge ${statusBadge[e.status] ?? ''}`}>
                      {t(`admin.outbox.statuses.${e.status}`)}
                    </span>
                    {e.lastError ? <span className="muted"> {e.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
