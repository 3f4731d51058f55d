import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, TextField } from '~/components/forms'
import { adoptionChecklist, adoptionFormSchema, canAdopt, defaultAdoptingBody, type Condition } from '~/domain/adoption'
import { formatDate } from '~/domain/dates'
import { adoptionFacts, AdoptionRefusedError, adoptPlan } from '~/models/adoption.server'
import { clock } from '~/services/clock.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffPlanFor } from '~/utils/plan-route.server'

export const handle = { staffBreadcrumb: 'adoption.title' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  const today = clock.today()
  const conditions = adoptionChecklist(adoptionFacts(plan), authority.legalSettings, today)
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: {
      id: plan.id,
      reference: plan.reference,
      title: plan.title,
      status: plan.status,
      decisionNumber: plan.decisionNumber,
      decisionDate: plan.decisionDate,
      adoptingBody: plan.adoptingBody,
    },
    today,
    conditions,
    ready: canAdopt(conditions),
    defaultBody: defaultAdoptingBody(authority.name),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, user } = staffPlanFor(request, params.slug, params.planId, 'plan.adopt')
  const submission = parseWithZod(await request.formData(), { schema: adoptionFormSchema })
  if (submission.status !== 'success') return invalid({ result: submission.reply(), conditions: null })
  if (submission.value.decisionDate > clock.today()) {
    return invalid({
      result: submission.reply({ fieldErrors: { decisionDate: ['adoption.futureDecision'] } }),
      conditions: null,
    })
  }
  try {
    adoptPlan(plan, submission.value, authority.legalSettings, user.id)
  } catch (e) {
    if (e instanceof AdoptionRefusedError) {
      return invalid({ result: submission.reply({ formErrors: ['adoption.refused'] }), conditions: e.conditions })
    }
    throw e
  }
  return redirect(`/a/${authority.slug}/staff/plans/${plan.id}?done=adopted`)
}

/** What a condition says, met or not, and what to do about it. */
function ConditionItem({ c, base }: { c: Condition; base: string }) {
  const { t } = useTranslation()
  const k = `adoption.conditions.${c.code}`
  const detail = (() => {
    switch (c.code) {
      case 'window_closed':
        return t(`${k}.${c.met ? 'met' : 'unmet'}`, { date: c.closesOn ? formatDate(c.closesOn) : '' })
      case 'earliest_date':
        return t(`${k}.${c.met ? 'met' : 'unmet'}`, {
          date: c.earliestAdoptionOn ? formatDate(c.earliestAdoptionOn) : '',
        })
      case 'all_answered':
        return t(`${k}.${c.met ? 'met' : 'unmet'}`, { count: c.unanswered })
      case 'debate_minutes':
        return c.met
          ? t(`${k}.met`, { count: c.requests })
          : [
              c.unscheduled.length ? t(`${k}.unscheduled`, { numbers: c.unscheduled.join(', ') }) : '',
              c.withoutMinutes.length ? t(`${k}.withoutMinutes`, { numbers: c.withoutMinutes.join(', ') }) : '',
            ]
              .filter(Boolean)
              .join(' ')
      case 'consultation_minutes':
        return t(`${k}.${c.met ? 'met' : 'unmet'}`, { count: c.approved })
      case 'categories_covered':
        return c.met
          ? t(`${k}.met`)
          : t(`${k}.unmet`, { categories: c.missing.map((m) => t(`minutes.categories.${m}`)).join(', ') })
    }
  })()
  const fix: Partial<Record<Condition['code'], string>> = {
    all_answered: `${base}/recommendations`,
    debate_minutes: `${base}/debates`,
    consultation_minutes: `${base}/minutes`,
    categories_covered: `${base}/minutes`,
  }
  return (
    <li className={c.met ? 'condition met' : 'condition unmet'}>
      <span className={`badge ${c.met ? 'ok' : 'danger'}`}>{c.met ? t('adoption.met') : t('adoption.unmet')}</span>{' '}
      <strong>{t(`${k}.title`)}</strong>
      <p>
        {detail} {!c.met && fix[c.code] ? <Link to={fix[c.code]!}>{t(`${k}.fix`)}</Link> : null}
      </p>
    </li>
  )
}

export default function AdoptPlan() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const base = `/a/${data.authority.slug}/staff/plans/${data.plan.id}`
  const conditions = reply?.conditions ?? data.conditions
  const [form, fields] = useForm({
    lastResult: reply?.result,
    defaultValue: { decisionDate: data.today, adoptingBody: data.defaultBody, decisionNumber: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adoptionFormSchema }),
    shouldValidate: 'onBlur',
  })
  if (data.plan.status === 'adopted') {
    return (
      <>
        <h1>{t('adoption.title')}</h1>
        <p className="notice ok">
          {t('adoption.adopted', {
            body: data.plan.adoptingBody,
            number: data.plan.decisionNumber,
            date: data.plan.decisionDate ? formatDate(data.plan.decisionDate) : '',
          })}
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{t('adoption.title')}</h1>
      <p className="muted">
        <Link to={base}>
          {data.plan.reference} · {data.plan.title}
        </Link>
      </p>
      <p className="lead">{t('adoption.intro')}</p>
      <section aria-labelledby="checklist">
        <h2 id="checklist">{t('adoption.checklist')}</h2>
        <ul className="checklist">
          {conditions.map((c) => (
            <ConditionItem key={c.code} c={c} base={base} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="decision">
        <h2 id="decision">{t('adoption.decisionTitle')}</h2>
        {!data.ready ? <p className="notice warn">{t('adoption.notReady')}</p> : null}
        <Form method="post" className="stacked" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField
            field={fields.adoptingBody}
            label={t('adoption.fields.adoptingBody')}
            hint={t('adoption.hints.adoptingBody')}
          />
          <div className="field-row">
            <TextField field={fields.decisionNumber} label={t('adoption.fields.decisionNumber')} />
            <TextField field={fields.decisionDate} label={t('adoption.fields.decisionDate')} type="date" />
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('adoption.submit')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}
