import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors } from '~/components/forms'
import { RecommendationCard } from '~/components/recommendation-card'
import { PhaseBadge, Pager, sectionTitle, PlanBreadcrumbs, SectionBody } from '~/components/plan-ui'
import {
  acceptsRecommendations,
  MAX_RECOMMENDATION_ATTACHMENT_BYTES,
  planPhase,
  RECOMMENDATIONS_PAGE_SIZE,
  WHOLE_PLAN_ANCHOR,
} from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { normaliseProposal, recommendationFormSchema } from '~/domain/recommendation-form'
import { diffWords } from '~/domain/word-diff'
import { organisationsOfUser } from '~/models/organisation.server'
import { sectionByAnchor } from '~/models/plan.server'
import {
  listRecommendations,
  myRecommendationIds,
  publicView,
  RecommendationError,
  submitRecommendation,
} from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'
import { kickDelivery } from '~/services/email.server'
import { saveFile, sniffDocumentType } from '~/services/storage.server'
import { getActor, notFound, requireUser } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { publicPlanFor } from '~/utils/plan-route.server'
import { fileOf, readForm, safeFileName } from '~/utils/upload.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.sectionLabel} · ${data.plan.title}`) : []

function sectionOf(plan: { currentVersionId: string | null }, anchor: string) {
  if (anchor === WHOLE_PLAN_ANCHOR) return null
  const section = plan.currentVersionId ? sectionByAnchor(plan.currentVersionId, anchor) : undefined
  if (!section) throw notFound()
  return section
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, user, canAnswer } = publicPlanFor(request, params.slug, params.planId)
  const anchor = params.anchor ?? ''
  const section = sectionOf(plan, anchor)
  const url = new URL(request.url)
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const { items, total } = listRecommendations(
    plan.id,
    { sectionAnchor: section ? section.anchor : null },
    { page, pageSize: RECOMMENDATIONS_PAGE_SIZE },
  )
  const mine = user ? myRecommendationIds(plan.id, user.id) : new Set<string>()
  const today = clock.today()
  const phase = planPhase(plan, today)
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: { id: plan.id, title: plan.title, reference: plan.reference, closesOn: plan.closesOn },
    phase,
    anchor,
    sectionLabel: section ? sectionTitle(section) : '',
    section: section
      ? { number: section.number, heading: section.heading, html: section.html, text: section.text }
      : null,
    page,
    total,
    recommendations: items.map((r) => {
      const v = canAnswer ? r : publicView(r)
      return {
        ...v,
        mine: mine.has(r.id),
        diff: v.proposedWording ? diffWords(v.sectionText ?? '', v.proposedWording) : null,
      }
    }),
    canComment: acceptsRecommendations(plan, today),
    signedIn: !!user,
    emailVerified: !!user?.emailVerifiedAt,
    userName: user?.name ?? '',
    organisations: user
      ? organisationsOfUser(user.id)
          .filter((m) => m.status === 'active')
          .map((m) => ({ id: m.id, name: m.name }))
      : [],
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan } = publicPlanFor(request, params.slug, params.planId)
  const user = requireUser(request)
  const section = sectionOf(plan, params.anchor ?? '')
  const read = await readForm(request, MAX_RECOMMENDATION_ATTACHMENT_BYTES)
  if ('error' in read) return invalid({ status: 'error' as const, formErrors: ['plans.comment.attachmentTooLarge'] })
  const submission = parseWithZod(read.form, { schema: recommendationFormSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const { signAs, text, proposedWording } = submission.value
  const organisationId = signAs === 'person' ? null : signAs
  if (organisationId && !can(getActor(request), 'organisation.act_for', { type: 'organisation', organisationId })) {
    return invalid(submission.reply({ fieldErrors: { signAs: ['plans.comment.notMember'] } }))
  }
  let attachment = null
  const file = fileOf(read.form, 'attachment')
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const type = sniffDocumentType(bytes)
    if (!type) return invalid(submission.reply({ formErrors: ['plans.comment.attachmentType'] }))
    const stored = saveFile(bytes)
    attachment = { name: safeFileName(file.name, 'anexa'), type, size: stored.size, sha256: stored.sha256 }
  }
  try {
    const rec = submitRecommendation(
      plan,
      {
        sectionId: section?.id ?? null,
        organisationId,
        text,
        proposedWording: normaliseProposal(proposedWording, section?.text ?? null),
        attachment,
      },
      user.id,
    )
    kickDelivery()
    return redirect(`/a/${authority.slug}/plans/${plan.id}/recommendations/${rec.id}?done=registered`)
  } catch (e) {
    if (e instanceof RecommendationError) {
      return invalid(submission.reply({ formErrors: [`plans.comment.errors.${e.code}`] }))
    }
    throw e
  }
}

export default function SectionPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const base = `/a/${data.authority.slug}/plans/${data.plan.id}`
  const [form, fields] = useForm({
    lastResult: lastResult && 'initialValue' in lastResult ? lastResult : undefined,
    defaultValue: { signAs: data.organisations[0]?.id ?? 'person', proposedWording: data.section?.text ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationFormSchema }),
    shouldValidate: 'onBlur',
  })
  const formErrors =
    form.errors ?? (lastResult && 'formErrors' in lastResult ? (lastResult.formErrors as string[]) : undefined)
  const title = data.section ? data.sectionLabel || t('plans.page.untitled') : t('plans.page.wholePlan')
  return (
    <div className="page">
      <PlanBreadcrumbs authority={data.authority} plan={data.plan} current={title} />
      <p className="muted">
        <Link to={`${base}#${data.anchor}`}>{data.plan.title}</Link> · <PhaseBadge phase={data.phase} />
      </p>
      <h1>{title}</h1>
      {data.section ? (
        <SectionBody
          html={data.section.html}
          label={t('plans.page.tableOf', { section: data.sectionLabel })}
          className="quoted"
        />
      ) : (
        <p className="lead">{t('plans.comment.wholePlanIntro')}</p>
      )}

      <section aria-labelledby="comment-form" className="comment-form">
        <h2 id="comment-form">{t('plans.comment.title')}</h2>
        {!data.canComment ? (
          <p className="notice">
            {data.phase === 'announced'
              ? t('plans.comment.notYetOpen')
              : data.phase === 'draft'
                ? t('plans.comment.draft')
                : t('plans.comment.closed')}
          </p>
        ) : !data.signedIn ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(`${base}/sections/${data.anchor}`)}`}>
              {t('plans.comment.logIn')}
            </Link>{' '}
            {t('plans.comment.or')} <Link to="/signup">{t('plans.comment.signUp')}</Link>
          </p>
        ) : !data.emailVerified ? (
          <p>
            <Link to="/account/verify">{t('plans.comment.verifyFirst')}</Link>
          </p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="stacked" {...getFormProps(form)}>
            <FormErrors errors={formErrors} />
            <fieldset className="field">
              <legend>{t('plans.comment.signAs')}</legend>
              {data.organisations.map((o) => (
                <label key={o.id} className="checkbox">
                  <input
                    type="radio"
                    name={fields.signAs.name}
                    value={o.id}
                    defaultChecked={fields.signAs.initialValue === o.id}
                  />{' '}
                  {t('plans.comment.onBehalfOf', { organisation: o.name })}
                </label>
              ))}
              <label className="checkbox">
                <input
                  type="radio"
                  name={fields.signAs.name}
                  value="person"
                  defaultChecked={fields.signAs.initialValue === 'person'}
                />{' '}
                {t('plans.comment.asPerson', { name: data.userName })}
              </label>
              <p className="hint">{t('plans.comment.privacy')}</p>
              <FieldErrors field={fields.signAs} />
            </fieldset>
            <div className="field">
              <label htmlFor={fields.text.id}>{t('plans.comment.text')}</label>
              <p id={`${fields.text.id}-hint`} className="hint">
                {t('plans.comment.textHint')}
              </p>
              <textarea
                {...getTextareaProps(fields.text)}
                key={fields.text.key}
                rows={6}
                aria-describedby={`${fields.text.id}-hint${fields.text.errors ? ` ${fields.text.errorId}` : ''}`}
              />
              <FieldErrors field={fields.text} />
            </div>
            {data.section ? (
              <div className="field">
                <label htmlFor={fields.proposedWording.id}>{t('plans.comment.proposedWording')}</label>
                <p id={`${fields.proposedWording.id}-hint`} className="hint">
                  {t('plans.comment.proposedWordingHint')}
                </p>
                <textarea
                  {...getTextareaProps(fields.proposedWording)}
                  key={fields.proposedWording.key}
                  rows={8}
                  aria-describedby={`${fields.proposedWording.id}-hint`}
                />
                <FieldErrors field={fields.proposedWording} />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="attachment">{t('plans.comment.attachment')}</label>
              <p id="attachment-hint" className="hint">
                {t('plans.comment.attachmentHint')}
              </p>
              <input
                id="attachment"
                name="attachment"
                type="file"
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-describedby="attachment-hint"
              />
            </div>
            <p className="hint">
              {data.plan.closesOn ? t('plans.comment.editUntil', { date: formatDate(data.plan.closesOn) }) : null}
            </p>
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.comment.submit')}
              </button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t('plans.comment.listTitle', { count: data.total })}</h2>
        {data.total === 0 ? <p className="muted">{t('plans.comment.none')}</p> : null}
        <ol className="recommendations">
          {data.recommendations.map((r) => (
            <li key={r.id}>
              <RecommendationCard recommendation={r} base={base} showSection={false} />
            </li>
          ))}
        </ol>
        <Pager
          page={data.page}
          pageSize={RECOMMENDATIONS_PAGE_SIZE}
          total={data.total}
          href={(p) => `${base}/sections/${data.anchor}?page=${p}#recommendations`}
        />
      </section>
    </div>
  )
}
