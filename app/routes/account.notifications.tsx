import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AnswerBadge } from '~/components/plan-ui'
import { formatDate } from '~/domain/dates'
import { followsOf, unfollow, type FollowTarget } from '~/models/follow.server'
import { CHOOSABLE_KINDS, isChoosable, NOTIFICATION_MODES as MODES } from '~/domain/notification-kinds'
import { preferencesOf, setPreference } from '~/models/notifications.server'
import { recommendationsOfUser } from '~/models/recommendation.server'
import { requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  return {
    preferences: preferencesOf(user.id),
    follows: followsOf(user.id),
    recommendations: recommendationsOfUser(user.id).map((r) => ({ ...r, text: r.text.slice(0, 160) })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const form = await request.formData()
  if (form.get('intent') === 'unfollow') {
    const type = String(form.get('type') ?? '') as FollowTarget['type']
    if (['authority', 'plan', 'plan_kind'].includes(type)) unfollow(user.id, { type, id: String(form.get('id') ?? '') })
    return redirect('/account/notifications?done=unfollowed#follows')
  }
  for (const kind of CHOOSABLE_KINDS) {
    const mode = String(form.get(kind) ?? '')
    if ((MODES as readonly string[]).includes(mode) && isChoosable(kind)) {
      setPreference(user.id, kind, mode as (typeof MODES)[number])
    }
  }
  return redirect('/account/notifications?done=saved')
}

export default function NotificationSettings() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const done = params.get('done')
  return (
    <div className="page">
      <h1>{t('notifications.title')}</h1>
      {done ? (
        <div className="notice ok" role="status">
          {t(`notifications.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      <p className="lead">{t('notifications.intro')}</p>
      <Form method="post" className="stacked">
        {CHOOSABLE_KINDS.map((kind) => (
          <fieldset key={kind} className="field">
            <legend>{t(`notifications.kinds.${kind}`)}</legend>
            <div className="radio-row">
              {MODES.map((mode) => (
                <label key={mode} className="checkbox">
                  <input type="radio" name={kind} value={mode} defaultChecked={data.preferences[kind] === mode} />{' '}
                  {t(`notifications.modes.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <p className="hint">{t('notifications.essentialHint')}</p>
        <div className="actions">
          <button type="submit" className="button">
            {t('notifications.save')}
          </button>
        </div>
      </Form>

      <h2 id="follows">{t('notifications.followsTitle')}</h2>
      {data.follows.length === 0 ? <p className="muted">{t('notifications.noFollows')}</p> : null}
      <ul>
        {data.follows.map((f) => (
          <li key={`${f.type}:${f.id}`}>
            {t(`notifications.followTypes.${f.type}`)}:{' '}
            {f.href ? <Link to={f.href}>{f.label}</Link> : t(`plans.kinds.${f.label}`, { defaultValue: f.label })}{' '}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="unfollow" />
              <input type="hidden" name="type" value={f.type} />
              <input type="hidden" name="id" value={f.id} />
              <button type="submit" className="link-button">
                {t('notifications.unfollow')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/consultations">{t('notifications.findMore')}</Link>
      </p>

      <h2 id="mine">{t('notifications.mineTitle')}</h2>
      {data.recommendations.length === 0 ? <p className="muted">{t('notifications.noneMine')}</p> : null}
      <ul>
        {data.recommendations.map((r) => (
          <li key={r.id}>
            <Link to={`/a/${r.authoritySlug}/plans/${r.planId}/recommendations/${r.id}`}>{r.registrationNumber}</Link> ·{' '}
            {r.planTitle} · {formatDate(r.submittedOn)} ·{' '}
            {r.status === 'withdrawn' ? t('plans.manage.withdrawn') : <AnswerBadge answer={r.answer} />}
          </li>
        ))}
      </ul>
    </div>
  )
}
