import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { DateRange, PhaseBadge } from '~/components/plan-ui'
import { decisionLabel } from '~/domain/adoption'
import { addDays } from '~/domain/calendar'
import { earliestAdoptionDate, PLAN_KINDS, planPhase, type WindowProblem } from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import { readLegalSettings } from '~/domain/legal-settings'
import { can } from '~/domain/permissions'
import { planDetailsSchema, publishSchema, withdrawSchema } from '~/domain/plan-form'
import { debateRequestsOf } from '~/models/debate.server'
import {
  addAttachment,
  deleteDraft,
  listAttachments,
  listVersions,
  PlanStateError,
  PublicationRefusedError,
  publishPlan,
  updatePlanDetails,
  withdrawPlan,
} from '~/models/plan.server'
import { countByAnswer, openReportsCount } from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'
import { kickDelivery } from '~/services/email.server'
import { DOCX_TYPE, saveFile, sniffDocumentType } from '~/services/storage.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffPlanFor } from '~/utils/plan-route.server'
import { fileOf, readForm, safeFileName } from '~/utils/upload.server'

export const handle = { staffBreadcrumb: 'plans.staff.listTitle' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.plan.title) : []

const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, actor } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  const today = clock.today()
  const settings = readLegalSettings(authority.legalSettings)
  const resource = { type: 'authority', authorityId: authority.id } as const
  const suggestedOpens = today
  const suggestedCloses = addDays(today, Math.max(settings.recommendationWindowMinDays, 20) - 1)
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: {
      id: plan.id,
      reference: plan.reference,
      kind: plan.kind,
      title: plan.title,
      year: plan.year,
      summary: plan.summary,
      justification: plan.justification,
      status: plan.status,
      publishedOn: plan.publishedOn,
      opensOn: plan.opensOn,
      closesOn: plan.closesOn,
      earliestAdoptionOn: plan.earliestAdoptionOn,
      withdrawnReason: plan.withdrawnReason,
    },
    phase: planPhase(plan, today),
    decision:
      plan.decisionNumber && plan.decisionDate && plan.adoptingBody
        ? decisionLabel({
            decisionNumber: plan.decisionNumber,
            decisionDate: plan.decisionDate,
            adoptingBody: plan.adoptingBody,
          })
        : null,
    today,
    settings,
    earliestIfPublishedToday: earliestAdoptionDate(today, settings),
    suggested: { opensOn: suggestedOpens, closesOn: suggestedCloses },
    answers: countByAnswer(plan.id),
    openReports: openReportsCount(plan.id),
    debateRequests: debateRequestsOf(plan.id).filter((r) => r.debateId === null).length,
    versions: listVersions(plan.id).map((v) => ({
      id: v.id,
      number: v.number,
      note: v.note,
      frozen: v.frozenAt !== null,
    })),
    attachments: listAttachments(plan.id).map((a) => ({ id: a.id, title: a.title, fileName: a.fileName })),
    canManage: can(actor, 'plan.manage', resource),
    canAnswer: can(actor, 'plan.answer', resource),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, user } = staffPlanFor(request, params.slug, params.planId, 'plan.manage')
  const back = `/a/${authority.slug}/staff/plans/${plan.id}`
  const read = await readForm(request, MAX_ATTACHMENT_BYTES)
  if ('error' in read) return invalid({ intent: 'attachment' as const, error: 'tooLarge' })
  const form = read.form
  const intent = String(form.get('intent') ?? '')
  try {
    switch (intent) {
      case 'details': {
        const submission = parseWithZod(form, { schema: planDetailsSchema })
        if (submission.status !== 'success') return invalid({ intent, result: submission.reply() })
        updatePlanDetails(plan, submission.value, user.id)
        return redirect(`${back}?done=saved`)
      }
      case 'publish': {
        const submission = parseWithZod(form, { schema: publishSchema })
        if (submission.status !== 'success') return invalid({ intent, result: submission.reply() })
        try {
          publishPlan(plan, submission.value, user.id)
        } catch (e) {
          if (e instanceof PublicationRefusedError) {
            return invalid({ intent, result: submission.reply(), problems: e.problems })
          }
          throw e
        }
        kickDelivery()
        return redirect(`${back}?done=published`)
      }
      case 'withdraw': {
        const submission = parseWithZod(form, { schema: withdrawSchema })
        if (submission.status !== 'success') return invalid({ intent, result: submission.reply() })
        withdrawPlan(plan, submission.value.reason, user.id)
        return redirect(`${back}?done=withdrawn`)
      }
      case 'delete': {
        deleteDraft(plan, user.id)
        return redirect(`/a/${authority.slug}/staff/plans?done=deleted`)
      }
      case 'attachment': {
        const file = fileOf(form, 'file')
        const title = String(form.get('title') ?? '')
          .trim()
          .slice(0, 300)
        if (!file) return invalid({ intent, error: 'missing' })
        const bytes = new Uint8Array(await file.arrayBuffer())
        const type = sniffDocumentType(bytes)
        if (!type) return invalid({ intent, error: 'type' })
        const stored = saveFile(bytes)
        const fileName = safeFileName(file.name, type === DOCX_TYPE ? 'document.docx' : 'document.pdf')
        addAttachment(plan, { title: title || fileName, fileName, contentType: type, ...stored }, user.id)
        return redirect(`${back}?done=attachment#attachments`)
      }
    }
  } catch (e) {
    if (e instanceof PlanStateError) return invalid({ intent, stateError: e.code })
    throw e
  }
  return invalid({ intent: 'unknown' })
}

function problemText(t: (k: string, v?: Record<string, unknown>) => string, p: WindowProblem) {
  switch (p.code) {
    case 'window_too_short':
      return t('plans.publish.problems.window_too_short', { minimum: p.minimum, days: p.days })
    case 'closes_after_adoption':
      return t('plans.publish.problems.closes_after_adoption', { date: formatDate(p.earliestAdoptionOn) })
    case 'invalid_date':
      return t('plans.publish.problems.invalid_date')
    default:
      return t(`plans.publish.problems.${p.code}`)
  }
}

export default function StaffPlan() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const { plan, authority, phase } = data
  const base = `/a/${authority.slug}/staff/plans/${plan.id}`
  const publicUrl = `/a/${authority.slug}/plans/${plan.id}`
  const editable = plan.status !== 'adopted' && plan.status !== 'withdrawn'
  const resultFor = (intent: string) =>
    actionData && actionData.intent === intent && 'result' in actionData
      ? (actionData.result as SubmissionResult<string[]>)
      : undefined
  const [detailsForm, detailsFields] = useForm({
    id: 'details-form',
    lastResult: resultFor('details'),
    defaultValue: {
      kind: plan.kind,
      title: plan.title,
      year: String(plan.year),
      summary: plan.summary,
      justification: plan.justification,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planDetailsSchema }),
    shouldValidate: 'onBlur',
  })
  const [publishForm, publishFields] = useForm({
    id: 'publish-form',
    lastResult: resultFor('publish'),
    defaultValue: data.suggested,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }),
    shouldValidate: 'onBlur',
  })
  const [withdrawForm, withdrawFields] = useForm({
    id: 'withdraw-form',
    lastResult: resultFor('withdraw'),
    defaultValue: { reason: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: withdrawSchema }),
    shouldValidate: 'onBlur',
  })
  const problems = actionData && 'problems' in actionData ? (actionData.problems as WindowProblem[]) : []
  const kinds = PLAN_KINDS.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))
  return (
    <>
      <p className="muted">
        {t(`plans.kinds.${plan.kind}`)} · {plan.reference}
      </p>
      <h1>{plan.title}</h1>
      <p>
        <PhaseBadge phase={phase} /> <DateRange from={plan.opensOn} to={plan.closesOn} />
      </p>
      {data.decision ? <p className="notice ok">{t('plans.page.adoptedBy', { decision: data.decision })}</p> : null}
      {done ? (
        <div className="notice ok" role="status">
          {t(`plans.staff.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      {actionData && 'stateError' in actionData && actionData.stateError ? (
        <div className="notice error" role="alert">
          {t(`plans.staff.stateErrors.${actionData.stateError}`)}
        </div>
      ) : null}
      <ul className="link-list">
        <li>
          <Link to={publicUrl}>{plan.publishedOn ? t('plans.staff.publicPage') : t('plans.staff.draftPreview')}</Link>
        </li>
        {plan.publishedOn ? (
          <li>
            <Link to={`${base}/recommendations`}>
              {t('plans.staff.recommendationsLink', { count: data.answers.total, unanswered: data.answers.unanswered })}
            </Link>
            {data.openReports > 0 ? (
              <strong> · {t('plans.staff.openReports', { count: data.openReports })}</strong>
            ) : null}
          </li>
        ) : null}
        {plan.publishedOn ? (
          <li>
            <Link to={`${base}/debates`}>{t('plans.staff.debatesLink')}</Link>
            {data.debateRequests > 0 ? (
              <strong> · {t('plans.staff.debatesWaiting', { count: data.debateRequests })}</strong>
            ) : null}
          </li>
        ) : null}
        {plan.publishedOn ? (
          <li>
            <Link to={`${publicUrl}/report`}>{t('plans.staff.reportLink')}</Link>
          </li>
        ) : null}
        {plan.publishedOn ? (
          <li>
            <Link to={`${base}/minutes`}>{t('plans.staff.minutesLink')}</Link>
          </li>
        ) : null}
        {plan.publishedOn && plan.status !== 'withdrawn' ? (
          <li>
            <Link to={`${base}/adopt`}>
              {plan.status === 'adopted' ? t('plans.staff.adoptedLink') : t('plans.staff.adoptLink')}
            </Link>
          </li>
        ) : null}
        <li>
          <a href={`${publicUrl}/plan.docx`}>{t('plans.staff.docxLink')}</a>
        </li>
        <li>
          <Link to={`/audit/plan/${plan.id}`}>{t('plans.staff.history')}</Link>
        </li>
      </ul>

      {data.canManage && plan.status === 'draft' ? (
        <section aria-labelledby="publish" className="panel">
          <h2 id="publish">{t('plans.publish.title')}</h2>
          <p>
            {t('plans.publish.rules', {
              window: data.settings.recommendationWindowMinDays,
              announcement: data.settings.announcementMinDays,
              counting: t(`plans.publish.counting.${data.settings.announcementDayCounting}`),
            })}
          </p>
          <p>{t('plans.publish.earliestIfToday', { date: formatDate(data.earliestIfPublishedToday) })}</p>
          <Form method="post" className="stacked" {...getFormProps(publishForm)}>
            <input type="hidden" name="intent" value="publish" />
            <FormErrors errors={publishForm.errors} />
            {problems.length > 0 ? (
              <div className="notice error" role="alert">
                <p>
                  <strong>{t('plans.publish.refused')}</strong>
                </p>
                <ul>
                  {problems.map((p) => (
                    <li key={p.code}>{problemText(t, p)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="field-row">
              <TextField field={publishFields.opensOn} label={t('plans.fields.opensOn')} type="date" />
              <TextField
                field={publishFields.closesOn}
                label={t('plans.fields.closesOn')}
                type="date"
                hint={t('plans.publish.closesHint')}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.publish.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {data.canManage && phase === 'closed' ? (
        <section aria-labelledby="new-version" className="panel">
          <h2 id="new-version">{t('plans.versions.newTitle')}</h2>
          <p>{t('plans.versions.newIntro')}</p>
          <p>
            <Link to={`${base}/versions/new`} className="button">
              {t('plans.versions.newLink')}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="versions">
        <h2 id="versions">{t('plans.versions.title')}</h2>
        <ol>
          {data.versions.map((v) => (
            <li key={v.id}>
              {t('plans.versions.item', { number: v.number })}
              {v.frozen ? ` · ${t('plans.versions.frozen')}` : ''}
              {v.note ? ` · ${v.note}` : ''}
            </li>
          ))}
        </ol>
        {data.versions.length > 1 ? <Link to={`${publicUrl}/changes`}>{t('plans.page.changesLink')}</Link> : null}
      </section>

      {data.canManage && editable ? (
        <section aria-labelledby="details">
          <h2 id="details">{t('plans.staff.detailsTitle')}</h2>
          {plan.status !== 'draft' ? <p className="hint">{t('plans.staff.detailsPublishedHint')}</p> : null}
          <Form method="post" className="stacked" {...getFormProps(detailsForm)}>
            <input type="hidden" name="intent" value="details" />
            <FormErrors errors={detailsForm.errors} />
            {plan.status === 'draft' ? (
              <>
                <SelectField field={detailsFields.kind} label={t('plans.fields.kind')} options={kinds} />
                <TextField field={detailsFields.year} label={t('plans.fields.year')} type="number" />
              </>
            ) : (
              <>
                <input type="hidden" name="kind" value={plan.kind} />
                <input type="hidden" name="year" value={plan.year} />
              </>
            )}
            <TextField field={detailsFields.title} label={t('plans.fields.title')} />
            <TextAreaField field={detailsFields.summary} label={t('plans.fields.summary')} rows={3} />
            <TextAreaField field={detailsFields.justification} label={t('plans.fields.justification')} rows={6} />
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.staff.save')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="attachments">
        <h2 id="attachments">{t('plans.page.attachments')}</h2>
        {data.attachments.length === 0 ? <p className="muted">{t('plans.staff.noAttachments')}</p> : null}
        <ul>
          {data.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${publicUrl}/attachments/${a.id}`}>{a.title}</a> <span className="muted">({a.fileName})</span>
            </li>
          ))}
        </ul>
        {data.canManage && editable ? (
          <Form method="post" encType="multipart/form-data" className="stacked">
            <input type="hidden" name="intent" value="attachment" />
            {actionData && actionData.intent === 'attachment' && 'error' in actionData ? (
              <p className="field-error" role="alert">
                {t(`plans.staff.attachmentErrors.${actionData.error}`)}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="attachment-title">{t('plans.staff.attachmentTitle')}</label>
              <input id="attachment-title" name="title" maxLength={300} />
            </div>
            <div className="field">
              <label htmlFor="attachment-file">{t('plans.staff.attachmentFile')}</label>
              <input id="attachment-file" name="file" type="file" accept=".pdf,.docx" />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('plans.staff.attachmentSubmit')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {data.canManage && plan.status === 'draft' ? (
        <section aria-labelledby="delete">
          <h2 id="delete">{t('plans.staff.deleteTitle')}</h2>
          <p>{t('plans.staff.deleteIntro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="button button-small danger">
              {t('plans.staff.deleteSubmit')}
            </button>
          </Form>
        </section>
      ) : null}

      {data.canManage && plan.status !== 'withdrawn' && plan.status !== 'draft' ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw">{t('plans.withdraw.title')}</h2>
          <p>{t('plans.withdraw.intro')}</p>
          <Form method="post" className="stacked" {...getFormProps(withdrawForm)}>
            <input type="hidden" name="intent" value="withdraw" />
            <FormErrors errors={withdrawForm.errors} />
            <TextAreaField field={withdrawFields.reason} label={t('plans.withdraw.reason')} rows={3} />
            <div className="actions">
              <button type="submit" className="button button-small danger">
                {t('plans.withdraw.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
