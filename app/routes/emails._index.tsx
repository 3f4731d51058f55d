import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { templates } from '#emails/index.ts'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.emails.title')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.preview_emails', { type: 'platform' })
  return {
    templates: Object.entries(templates).map(([name, t]) => ({ name, essential: t.essential })),
  }
}

export default function EmailTemplates() {
  const { t } = useTranslation()
  const { templates } = useLoaderData<typeof loader>()
  return (
    <div className="page medium">
      <h1>{t('admin.emails.title')}</h1>
      <p className="lead">{t('admin.emails.intro')}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('admin.emails.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.emails.template')}</th>
              <th scope="col">{t('admin.emails.kind')}</th>
              <th scope="col">{t('admin.emails.preview')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.name}>
                <td>{t(`admin.emails.names.${tpl.name}`, { defaultValue: tpl.name })}</td>
                <td>{tpl.essential ? t('admin.emails.essential') : t('admin.emails.optional')}</td>
                <td>
                  <Link to={`/emails/${tpl.name}?lng=ro`} reloadDocument>
                    română
                  </Link>{' '}
                  ·{' '}
                  <Link to={`/emails/${tpl.name}?lng=en`} reloadDocument lang="en">
                    English
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
