import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { unsubscribe, verifyUnsubscribe, type UnsubscribeScope } from '~/models/notifications.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.unsubscribe.title')

function read(url: URL) {
  const kind = url.searchParams.get('kind') ?? ''
  const token = url.searchParams.get('token') ?? ''
  const userId = verifyUnsubscribe(kind, token)
  return { kind, token, userId }
}

/** The page behind every email's "stop these notifications" link: one button, no log-in needed. */
export function loader({ request }: LoaderFunctionArgs) {
  const { kind, token, userId } = read(new URL(request.url))
  return { kind, token, valid: userId !== null }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const kind = String(form.get('kind') ?? '')
  const userId = verifyUnsubscribe(kind, String(form.get('token') ?? ''))
  if (!userId) return invalid({ done: false })
  unsubscribe(userId, kind as UnsubscribeScope)
  return { done: true }
}

export default function Unsubscribe() {
  const { t } = useTranslation()
  const { kind, token, valid } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="page narrow">
      <h1>{t('notifications.unsubscribe.title')}</h1>
      {!valid || result?.done === false ? (
        <p className="notice error">{t('notifications.unsubscribe.invalid')}</p>
      ) : result?.done ? (
        <p className="notice ok" role="status">
          {t('notifications.unsubscribe.done', { kind: t(`notifications.kinds.${kind}`) })}
        </p>
      ) : (
        <Form method="post" className="stacked">
          <p>{t('notifications.unsubscribe.confirm', { kind: t(`notifications.kinds.${kind}`) })}</p>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="token" value={token} />
          <div className="actions">
            <button type="submit" className="button">
              {t('notifications.unsubscribe.submit')}
            </button>
          </div>
        </Form>
      )}
      <p>
        <Link to="/account/notifications">{t('notifications.unsubscribe.all')}</Link>
      </p>
    </div>
  )
}
