import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, TextAreaField, TextField } from '~/components/forms'
import { formatDate, formatDateTime } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { debateSchema } from '~/domain/plan-form'
import { cancelDebate, debateRequestsOf, debatesOf, getDebate, scheduleDebate } from '~/models/debate.server'
import { kickDelivery } from '~/services/email.server'
import { forbidden, notFound } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffPlanFor } from '~/utils/plan-route.server'

export const handle = { staffBreadcrumb: 'plans.debates.staffTitle' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, actor } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  return {
    authority: { slug: authority.slug },
    plan: { id: plan.id, reference: plan.reference, title: plan.title },
    requests: debateRequestsOf(plan.id).map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt) })),
    debates: debatesOf(plan.id),
    canManage: can(actor, 'plan.manage', { type: 'authority', authorityId: authority.id }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, actor, user } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  if (!can(actor, 'plan.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const form = await request.formData()
  const back = `/a/${authority.slug}/staff/plans/${plan.id}/debates`
  if (form.get('intent') === 'cancel') {
    const debate = getDebate(plan.id, String(form.get('id') ?? ''))
    if (!debate) throw notFound()
    cancelDebate(plan, debate, user.id)
    return redirect(`${back}?done=cancelled`)
  }
  const submission = parseWithZod(form, { schema: debateSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const v = submission.value
  scheduleDebate(
    plan,
    { date: v.date, time: v.time, place: v.place || null, onlineUrl: v.onlineUrl || null, notes: v.notes || null },
    user.id,
  )
  kickDelivery()
  return redirect(`${back}?done=scheduled`)
}

export default function StaffDebates() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: debateSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <>
      <h1>{t('plans.debates.staffTitle')}</h1>
      <p className="muted">
        <Link to={`/a/${data.authority.slug}/staff/plans/${data.plan.id}`}>
          {data.plan.reference} · {data.plan.title}
        </Link>
      </p>
      {done ? (
        <div className="notice ok" role="status">
          {t(`plans.debates.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      <p>{t('plans.debates.staffIntro')}</p>
      <h2>{t('plans.debates.requests')}</h2>
      {data.requests.length === 0 ? <p className="muted">{t('plans.debates.noRequests')}</p> : null}
      <ul>
        {data.requests.map((r) => (
          <li key={r.id}>
            <strong>{r.registrationNumber}</strong> · {r.organisationName} ({r.requesterName}, {r.createdAt}) ·{' '}
            {r.debateId ? t('plans.debates.scheduled') : <strong>{t('plans.debates.waiting')}</strong>}
            <p className="pre-line">{r.reason}</p>
          </li>
        ))}
      </ul>
      <h2>{t('plans.debates.title')}</h2>
      {data.debates.length === 0 ? <p className="muted">{t('plans.debates.none')}</p> : null}
      <ul>
        {data.debates.map((d) => (
          <li key={d.id}>
            {formatDate(d.date)}, {d.time} · {d.place ?? ''} {d.onlineUrl ?? ''}
            {d.cancelledAt ? (
              <span className="badge danger">{t('plans.debates.cancelled')}</span>
            ) : data.canManage ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="id" value={d.id} />
                <button type="submit" className="button button-small danger">
                  {t('plans.debates.cancel')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {data.canManage ? (
        <section aria-labelledby="schedule">
          <h2 id="schedule">{t('plans.debates.scheduleTitle')}</h2>
          <Form method="post" className="stacked" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <div className="field-row">
              <TextField field={fields.date} label={t('plans.debates.date')} type="date" />
              <TextField field={fields.time} label={t('plans.debates.time')} hint={t('plans.debates.timeHint')} />
            </div>
            <TextField field={fields.place} label={t('plans.debates.place')} />
            <TextField field={fields.onlineUrl} label={t('plans.debates.onlineUrl')} type="url" />
            <TextAreaField field={fields.notes} label={t('plans.debates.notes')} rows={3} />
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.debates.scheduleSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
