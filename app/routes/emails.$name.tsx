import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { templates, type TemplateName } from '#emails/index.ts'
import { isLocale } from '~/i18n'
import { renderEmail } from '~/services/email.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { plainTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => plainTitle(matches, data?.subject ?? '')

function templateName(name: string | undefined): TemplateName {
  if (!name || !(name in templates)) throw notFound()
  return name as TemplateName
}

/** A template rendered with its sample data: ?lang=ro|en picks the email's language, ?part=html the raw HTML. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.preview_emails', { type: 'platform' })
  const name = templateName(params.name)
  const url = new URL(request.url)
  const lang = url.searchParams.get('lang') ?? url.searchParams.get('lng')
  const locale = isLocale(lang) ? lang : 'ro'
  const rendered = await renderEmail(name, templates[name].sample as never, locale)
  if (url.searchParams.get('part') === 'html') {
    return new Response(rendered.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
  }
  return { name, locale, subject: rendered.subject, text: rendered.text, essential: templates[name].essential }
}

export default function EmailPreview() {
  const { t } = useTranslation()
  const d = useLoaderData<typeof loader>()
  return (
    <div className="page medium">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/emails">{t('admin.emails.title')}</Link>
          </li>
          <li aria-current="page">{t(`admin.emails.names.${d.name}`, { defaultValue: d.name })}</li>
        </ol>
      </nav>
      <h1>{d.subject}</h1>
      <p className="lead">
        {t('admin.emails.sampleNote')} ·{' '}
        <Link to={`?lang=${d.locale === 'ro' ? 'en' : 'ro'}`} reloadDocument>
          {d.locale === 'ro' ? 'English' : 'Română'}
        </Link>
      </p>
      <h2>{t('admin.outbox.htmlPart')}</h2>
      <iframe
        className="email-frame"
        title={t('admin.outbox.htmlPart')}
        src={`/emails/${d.name}?lang=${d.locale}&part=html`}
        sandbox=""
      />
      <h2>{t('admin.outbox.textPart')}</h2>
      <pre className="json" lang={d.locale}>
        {d.text}
      </pre>
    </div>
  )
}
