import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextField } from '~/components/forms'
import { formatDate } from '~/domain/dates'
import { minutesDetailsSchema } from '~/domain/minutes-form'
import { can } from '~/domain/permissions'
import { debatesOf } from '~/models/debate.server'
import { createMinutes, minutesOfPlan } from '~/models/minutes.server'
import { clock } from '~/services/clock.server'
import { forbidden } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffPlanFor } from '~/utils/plan-route.server'

export const handle = { staffBreadcrumb: 'minutes.staff.title' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

const PLAN_MINUTES_KINDS = ['consultation', 'public_debate', 'other_meeting'] as const

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, actor } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  return {
    authority: { slug: authority.slug },
    plan: { id: plan.id, reference: plan.reference, title: plan.title, kind: plan.kind },
    minutes: minutesOfPlan(plan.id),
    debates: debatesOf(plan.id)
      .filter((d) => !d.cancelledAt)
      .map((d) => ({ id: d.id, label: `${formatDate(d.date)}, ${d.time}${d.place ? ` · ${d.place}` : ''}` })),
    today: clock.today(),
    canManage: can(actor, 'minutes.manage', { type: 'authority', authorityId: authority.id }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, actor, user } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  if (!can(actor, 'minutes.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const submission = parseWithZod(await request.formData(), { schema: minutesDetailsSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const v = submission.value
  const debateId =
    v.kind === 'public_debate' && v.debateId && debatesOf(plan.id).some((d) => d.id === v.debateId) ? v.debateId : null
  const m = createMinutes(
    authority.id,
    { planId: plan.id, debateId, meetingId: null },
    {
      kind: v.kind,
      title: v.title,
      date: v.date,
      time: v.time ?? null,
      place: v.place || null,
      onlineUrl: v.onlineUrl || null,
      agenda: v.agenda ?? '',
      summary: v.summary ?? '',
      conclusions: v.conclusions ?? '',
      closedReason: v.closedReason || null,
    },
    [],
    user.id,
  )
  return redirect(`/a/${authority.slug}/staff/minutes/${m.id}?done=created`)
}

export default function PlanMinutes() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      kind: 'consultation',
      title: t('minutes.staff.defaultTitle', { plan: data.plan.title }),
      date: data.today,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minutesDetailsSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <>
      <h1>{t('minutes.staff.title')}</h1>
      <p className="muted">
        <Link to={`/a/${data.authority.slug}/staff/plans/${data.plan.id}`}>
          {data.plan.reference} · {data.plan.title}
        </Link>
      </p>
      <p className="lead">{t('minutes.staff.intro')}</p>
      {data.minutes.length === 0 ? <p className="muted">{t('minutes.staff.none')}</p> : null}
      <ul>
        {data.minutes.map((m) => (
          <li key={m.id}>
            <Link to={`/a/${data.authority.slug}/staff/minutes/${m.id}`}>{m.title}</Link> · {formatDate(m.date)} ·{' '}
            {t(`minutes.kinds.${m.kind}`)} · <strong>{t(`minutes.statuses.${m.status}`)}</strong> ·{' '}
            {t('minutes.participantsCount', { count: m.participants })}
          </li>
        ))}
      </ul>
      {data.canManage ? (
        <section aria-labelledby="new-minutes">
          <h2 id="new-minutes">{t('minutes.staff.newTitle')}</h2>
          <Form method="post" className="stacked" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <SelectField
              field={fields.kind}
              label={t('minutes.fields.kind')}
              options={PLAN_MINUTES_KINDS.map((k) => ({ value: k, label: t(`minutes.kinds.${k}`) }))}
            />
            {data.debates.length > 0 ? (
              <SelectField
                field={fields.debateId}
                label={t('minutes.fields.debate')}
                options={[
                  { value: '', label: t('minutes.staff.noDebate') },
                  ...data.debates.map((d) => ({ value: d.id, label: d.label })),
                ]}
              />
            ) : null}
            <TextField field={fields.title} label={t('minutes.fields.title')} />
            <div className="field-row">
              <TextField field={fields.date} label={t('minutes.fields.date')} type="date" />
              <TextField field={fields.time} label={t('minutes.fields.time')} hint={t('plans.debates.timeHint')} />
            </div>
            <TextField field={fields.place} label={t('minutes.fields.place')} />
            <TextField field={fields.onlineUrl} label={t('minutes.fields.onlineUrl')} type="url" />
            <div className="actions">
              <button type="submit" className="button">
                {t('minutes.staff.create')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
