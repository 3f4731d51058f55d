import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '~/domain/dates'
import { getOutboxEmail } from '~/models/outbox.server'
import { retryFailedEmail } from '~/services/email-delivery.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { plainTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => plainTitle(matches, data?.email.subject ?? '')

export function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.read_outbox', { type: 'platform' })
  const email = getOutboxEmail(params.id ?? '')
  if (!email) throw notFound()
  return {
    email: {
      id: email.id,
      to: email.toAddress,
      subject: email.subject,
      text: email.text,
      template: email.template,
      locale: email.locale,
      status: email.status,
      attempts: email.attempts,
      lastError: email.lastError,
      createdAt: formatDateTime(email.createdAt),
      sentAt: email.sentAt ? formatDateTime(email.sentAt) : null,
      attachments: (email.attachments ?? []).map((a, index) => ({
        index,
        filename: a.filename,
        contentType: a.contentType,
        size: Buffer.byteLength(a.content, 'base64'),
      })),
    },
  }
}

export function action({ request, params }: ActionFunctionArgs) {
  const { user } = requirePermission(request, 'platform.read_outbox', { type: 'platform' })
  const email = getOutboxEmail(params.id ?? '')
  if (!email) throw notFound()
  const retried = retryFailedEmail(email.id, user.id)
  return redirect(`/admin/outbox/${email.id}?done=${retried ? 'retried' : 'notFailed'}`)
}

/** A file size in the reader's language: "812 B", "3,4 kB". */
function fileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : [bytes / 1024, 'kilobyte']
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value)
}

export default function OutboxEmail() {
  const { t, i18n } = useTranslation()
  const { email } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const done = searchParams.get('done')
  return (
    <div className="page medium">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/admin">{t('admin.title')}</Link>
          </li>
          <li>
            <Link to="/admin/outbox">{t('admin.outbox.title')}</Link>
          </li>
          <li aria-current="page">{email.subject}</li>
        </ol>
      </nav>
      <h1>{email.subject}</h1>
      {done ? (
        <div className={`notice ${done === 'retried' ? 'ok' : 'warn'}`} role="status">
          <p>{t(`admin.outbox.done.${done === 'retried' ? 'retried' : 'notFailed'}`)}</p>
        </div>
      ) : null}
      {email.status === 'failed' ? (
        <Form method="post" className="actions">
          <p>{t('admin.outbox.failedExplain', { attempts: email.attempts })}</p>
          <button type="submit" className="button">
            {t('admin.outbox.retry')}
          </button>
        </Form>
      ) : null}
      <dl className="facts">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{email.to}</dd>
        <dt>{t('admin.outbox.created')}</dt>
        <dd>{email.createdAt}</dd>
        <dt>{t('admin.outbox.status')}</dt>
        <dd>
          {t(`admin.outbox.statuses.${email.status}`)}
          {email.sentAt ? ` · ${email.sentAt}` : ''}
          {email.lastError ? ` · ${email.lastError}` : ''}
        </dd>
        <dt>{t('admin.outbox.template')}</dt>
        <dd>
          {email.template} ({email.locale})
        </dd>
      </dl>
      {email.attachments.length > 0 ? (
        <>
          <h2>{t('emails.outboxAttachments.heading')}</h2>
          <div className="table-wrap">
            <table data-testid="email-attachments">
              <thead>
                <tr>
                  <th scope="col">{t('emails.outboxAttachments.name')}</th>
                  <th scope="col">{t('emails.outboxAttachments.type')}</th>
                  <th scope="col">{t('emails.outboxAttachments.size')}</th>
                </tr>
              </thead>
              <tbody>
                {email.attachments.map((a) => (
                  <tr key={a.index}>
                    <td>
                      <a
                        href={`/admin/outbox/${email.id}/attachments/${a.index}`}
                        download={a.filename}
                        aria-label={t('emails.outboxAttachments.download', { name: a.filename })}
                      >
                        {a.filename}
                      </a>
                    </td>
                    <td>{a.contentType}</td>
                    <td>{fileSize(a.size, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h2>{t('admin.outbox.textPart')}</h2>
      <pre className="json" data-testid="email-text">
        {email.text}
      </pre>
      <h2>{t('admin.outbox.htmlPart')}</h2>
      <iframe
        className="email-frame"
        title={t('admin.outbox.htmlPart')}
        src={`/admin/outbox/${email.id}/html`}
        sandbox=""
      />
    </div>
  )
}
