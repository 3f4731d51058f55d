import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors } from '~/components/forms'
import { DiffView, PlainText, sectionTitle, PlanBreadcrumbs } from '~/components/plan-ui'
import { RecommendationCard } from '~/components/recommendation-card'
import { acceptsRecommendations, planPhase } from '~/domain/consultation'
import { formatDate, formatDateTime } from '~/domain/dates'
import { abuseFormSchema, editRecommendationSchema, normaliseProposal } from '~/domain/recommendation-form'
import { diffWords, hasChanges } from '~/domain/word-diff'
import { getVersion, sectionByAnchor } from '~/models/plan.server'
import {
  editRecommendation,
  getRecommendation,
  getRecommendationView,
  publicView,
  RecommendationError,
  reportAbuse,
  revisionsOf,
  withdrawRecommendation,
} from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'
import { kickDelivery } from '~/services/email.server'
import { notFound, requireUser } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { publicPlanFor } from '~/utils/plan-route.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.recommendation.registrationNumber} · ${data.plan.title}`) : []

function recommendationFor(request: Request, params: Record<string, string | undefined>) {
  const context = publicPlanFor(request, params.slug, params.planId)
  const rec = getRecommendation(params.recId ?? '')
  if (!rec || rec.planId !== context.plan.id) throw notFound()
  return { ...context, rec }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, rec, user, canAnswer } = recommendationFor(request, params)
  const view = getRecommendationView(rec.id)!
  const visible = canAnswer || (user && user.id === rec.authorUserId) ? view : publicView(view)
  const mine = !!user && user.id === rec.authorUserId
  const today = clock.today()
  // What changed since: the same section (by its anchor) in the plan's current version.
  let change: { versionNumber: number; diff: ReturnType<typeof diffWords> } | null = null
  if (plan.currentVersionId && plan.currentVersionId !== rec.versionId && view.sectionAnchor) {
    const now = sectionByAnchor(plan.currentVersionId, view.sectionAnchor)
    const diff = diffWords(view.sectionText ?? '', now?.text ?? '')
    change = { versionNumber: getVersion(plan.currentVersionId)?.number ?? 0, diff }
  }
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: { id: plan.id, title: plan.title, reference: plan.reference, closesOn: plan.closesOn },
    recommendation: {
      ...visible,
      mine,
      diff: visible.proposedWording ? diffWords(view.sectionText ?? '', visible.proposedWording) : null,
    },
    sectionText: view.sectionText,
    revisions:
      visible.hidden && !mine && !canAnswer
        ? []
        : revisionsOf(rec.id).map((r) => ({ ...r, replacedAt: formatDateTime(r.replacedAt) })),
    change: change && hasChanges(change.diff) ? change : change ? { ...change, diff: [] } : null,
    canEdit: mine && rec.status === 'registered' && !rec.answer && acceptsRecommendations(plan, today),
    canReport: !!user && !mine && !view.hidden,
    signedIn: !!user,
    phase: planPhase(plan, today),
    canAnswer,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, rec, user: maybeUser } = recommendationFor(request, params)
  const user = maybeUser ?? requireUser(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const back = `/a/${authority.slug}/plans/${plan.id}/recommendations/${rec.id}`
  try {
    if (intent === 'edit') {
      const submission = parseWithZod(form, { schema: editRecommendationSchema })
      if (submission.status !== 'success') return invalid({ intent, result: submission.reply() })
      const view = getRecommendationView(rec.id)!
      editRecommendation(
        plan,
        rec,
        {
          text: submission.value.text,
          proposedWording: view.sectionId
            ? normaliseProposal(submission.value.proposedWording, view.sectionText)
            : null,
        },
        user.id,
      )
      kickDelivery()
      return redirect(`${back}?done=edited`)
    }
    if (intent === 'withdraw') {
      withdrawRecommendation(plan, rec, user.id)
      kickDelivery()
      return redirect(`${back}?done=withdrawn`)
    }
    if (intent === 'report') {
      const submission = parseWithZod(form, { schema: abuseFormSchema })
      if (submission.status !== 'success') return invalid({ intent, result: submission.reply() })
      const outcome = reportAbuse(rec, user.id, submission.value.reason)
      return redirect(`${back}?done=${outcome === 'reported' ? 'reported' : 'alreadyReported'}`)
    }
  } catch (e) {
    if (e instanceof RecommendationError) {
      return invalid({
        intent,
        result: { status: 'error' as const, error: { '': [`plans.comment.errors.${e.code}`] } },
      })
    }
    throw e
  }
  throw notFound()
}

export default function RecommendationPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const base = `/a/${data.authority.slug}/plans/${data.plan.id}`
  const r = data.recommendation
  const [editForm, editFields] = useForm({
    id: 'edit-form',
    lastResult: actionData?.intent === 'edit' ? actionData.result : undefined,
    defaultValue: { text: r.text, proposedWording: r.proposedWording ?? data.sectionText ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editRecommendationSchema }),
    shouldValidate: 'onBlur',
  })
  const [reportForm, reportFields] = useForm({
    id: 'report-form',
    lastResult: actionData?.intent === 'report' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: abuseFormSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <div className="page">
      <PlanBreadcrumbs authority={data.authority} plan={data.plan} current={r.registrationNumber} />
      <h1>{t('plans.recommendation.title', { number: r.registrationNumber })}</h1>
      {done ? (
        <div className="notice ok" role="status">
          {t(`plans.recommendation.done.${done}`, { number: r.registrationNumber, defaultValue: '' })}
        </div>
      ) : null}
      {r.status === 'withdrawn' ? <p className="notice">{t('plans.recommendation.withdrawnNotice')}</p> : null}
      <p>
        <Link to={r.sectionAnchor ? `${base}/sections/${r.sectionAnchor}` : `${base}/sections/document`}>
          {r.sectionAnchor
            ? sectionTitle({ number: r.sectionNumber, heading: r.sectionHeading ?? '' })
            : t('plans.page.wholePlan')}
        </Link>{' '}
        · <Link to={base}>{data.plan.title}</Link>
      </p>
      <RecommendationCard recommendation={r} base={base} showSection={false} headingLevel={2} />

      {data.change ? (
        <section aria-labelledby="since">
          <h2 id="since">{t('plans.recommendation.changedSince', { number: data.change.versionNumber })}</h2>
          {data.change.diff.length > 0 ? (
            <DiffView
              parts={data.change.diff}
              label={t('plans.recommendation.changedSince', { number: data.change.versionNumber })}
            />
          ) : (
            <p className="muted">{t('plans.recommendation.unchanged')}</p>
          )}
        </section>
      ) : null}

      {data.revisions.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('plans.recommendation.history')}</h2>
          <ol>
            {data.revisions.map((rev) => (
              <li key={rev.id}>
                <p className="muted">{t('plans.recommendation.replacedAt', { at: rev.replacedAt })}</p>
                <PlainText text={rev.text} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {data.canEdit ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{t('plans.recommendation.editTitle')}</h2>
          <p className="hint">
            {data.plan.closesOn ? t('plans.comment.editUntil', { date: formatDate(data.plan.closesOn) }) : null}
          </p>
          <Form method="post" className="stacked" {...getFormProps(editForm)}>
            <input type="hidden" name="intent" value="edit" />
            <FormErrors errors={editForm.errors} />
            <div className="field">
              <label htmlFor={editFields.text.id}>{t('plans.comment.text')}</label>
              <textarea {...getTextareaProps(editFields.text)} key={editFields.text.key} rows={6} />
              <FieldErrors field={editFields.text} />
            </div>
            {r.sectionAnchor ? (
              <div className="field">
                <label htmlFor={editFields.proposedWording.id}>{t('plans.comment.proposedWording')}</label>
                <textarea
                  {...getTextareaProps(editFields.proposedWording)}
                  key={editFields.proposedWording.key}
                  rows={8}
                />
                <FieldErrors field={editFields.proposedWording} />
              </div>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.recommendation.save')}
              </button>
            </div>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button button-small danger">
              {t('plans.recommendation.withdraw')}
            </button>
            <span className="hint"> {t('plans.recommendation.withdrawHint')}</span>
          </Form>
        </section>
      ) : null}

      {data.canReport ? (
        <details className="disclosure">
          <summary>{t('plans.recommendation.reportTitle')}</summary>
          <Form method="post" className="stacked" {...getFormProps(reportForm)}>
            <input type="hidden" name="intent" value="report" />
            <div className="field">
              <label htmlFor={reportFields.reason.id}>{t('plans.recommendation.reportReason')}</label>
              <textarea {...getTextareaProps(reportFields.reason)} key={reportFields.reason.key} rows={3} />
              <FieldErrors field={reportFields.reason} />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('plans.recommendation.reportSubmit')}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {data.canAnswer ? (
        <p>
          <Link to={`/a/${data.authority.slug}/staff/plans/${data.plan.id}/recommendations#${r.id}`}>
            {t('plans.recommendation.answerLink')}
          </Link>
        </p>
      ) : null}
    </div>
  )
}
