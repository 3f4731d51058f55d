/**
 * Acknowledging a protocol reminder by one click from the email. The link carries a token (an
 * HMAC of the reminder and the recipient), which is the proof: no log-in is needed. GET only
 * shows a confirmation page (email scanners follow links); the POST records the acknowledgement.
 * Without a token, a signed-in staff member who may see the protocol acknowledges as themself
 * (the button of the protocol page).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '~/domain/dates'
import { DateText } from '~/components/protocol-ui'
import { acknowledge, getReminder, verifyReminderAckToken, type ReminderDetail } from '~/models/reminders.server'
import { getUserById } from '~/models/user.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'reminders.ack.title')

type Who = { userId: string; name: string; viaToken: boolean } | null

/** Who acknowledges: the recipient named by a genuine token, else the signed-in staff member. */
function whoAcknowledges(request: Request, detail: ReminderDetail, token: string | null): Who {
  if (token) {
    const userId = verifyReminderAckToken(detail.reminder.id, token)
    const user = userId ? getUserById(userId) : undefined
    return user ? { userId: user.id, name: user.name, viaToken: true } : null
  }
  const { user } = requirePermission(request, 'protocol.view', {
    type: 'authority',
    authorityId: detail.authority.id,
  })
  return { userId: user.id, name: user.name, viaToken: false }
}

function found(id: string | undefined) {
  const detail = getReminder(id ?? '')
  if (!detail) throw notFound()
  return detail
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const detail = found(params.id)
  const token = new URL(request.url).searchParams.get('token')
  const who = whoAcknowledges(request, detail, token)
  if (!who) return data({ status: 'invalid' as const }, { status: 403 })
  const r = detail.reminder
  return {
    status: 'valid' as const,
    token,
    who: { name: who.name, userId: who.userId },
    protocol: {
      title: detail.protocol.title,
      path: `/a/${detail.authority.slug}/staff/protocols/${detail.protocol.id}`,
    },
    authorityName: detail.authority.name,
    reminder: {
      kind: r.kind,
      offsetDays: r.offsetDays < 0 ? null : r.offsetDays,
      deadline: r.deadline,
      sentAt: formatDateTime(r.sentAt),
    },
    acknowledged: r.acknowledgedAt
      ? { by: detail.acknowledgedByName ?? '', byUserId: r.acknowledgedBy, at: formatDateTime(r.acknowledgedAt) }
      : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const detail = found(params.id)
  const form = await request.formData()
  const token = typeof form.get('token') === 'string' && form.get('token') !== '' ? String(form.get('token')) : null
  const who = whoAcknowledges(request, detail, token)
  if (!who) return data({ status: 'invalid' as const }, { status: 403 })
  acknowledge(detail.reminder.id, who.userId)
  if (!who.viaToken && form.get('back') === 'protocol') {
    return redirect(`/a/${detail.authority.slug}/staff/protocols/${detail.protocol.id}?done=acknowledged#reminders`)
  }
  const query = token ? `?token=${encodeURIComponent(token)}` : ''
  return redirect(`/reminders/${detail.reminder.id}/ack${query}`)
}

export default function AcknowledgeReminder() {
  const { t } = useTranslation()
  const d = useLoaderData<typeof loader>()
  if (d.status !== 'valid') {
    return (
      <div className="page narrow">
        <h1>{t('reminders.ack.title')}</h1>
        <div className="notice warn">
          <p>{t('reminders.ack.invalid')}</p>
        </div>
      </div>
    )
  }
  const kind =
    d.reminder.offsetDays !== null
      ? t(`reminders.kinds.${d.reminder.kind}`, { count: d.reminder.offsetDays })
      : t(`reminders.kinds.${d.reminder.kind}`)
  return (
    <div className="page narrow">
      <h1>{t('reminders.ack.title')}</h1>
      <dl className="facts">
        <dt>{t('reminders.ack.protocol')}</dt>
        <dd>
          {d.protocol.title} · {d.authorityName}
        </dd>
        <dt>{t('reminders.ack.kind')}</dt>
        <dd>{kind}</dd>
        <dt>{t('reminders.ack.deadline')}</dt>
        <dd>
          <DateText date={d.reminder.deadline} />
        </dd>
        <dt>{t('reminders.ack.sentAt')}</dt>
        <dd>{d.reminder.sentAt}</dd>
      </dl>
      {d.acknowledged ? (
        <div className="notice ok" role="status">
          <p>
            {t(d.acknowledged.byUserId === d.who.userId ? 'reminders.ack.done' : 'reminders.ack.already', {
              name: d.acknowledged.by,
              at: d.acknowledged.at,
            })}
          </p>
        </div>
      ) : (
        <Form method="post">
          <p>{t('reminders.ack.intro')}</p>
          <p className="muted">{t('reminders.ack.as', { name: d.who.name })}</p>
          {d.token ? <input type="hidden" name="token" value={d.token} /> : null}
          <div className="actions">
            <button type="submit" className="button">
              {t('reminders.ack.submit')}
            </button>
          </div>
        </Form>
      )}
      <p>
        <Link to={d.protocol.path}>{t('reminders.ack.openProtocol')}</Link>
      </p>
    </div>
  )
}
