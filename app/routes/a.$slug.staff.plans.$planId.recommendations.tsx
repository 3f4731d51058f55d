import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AnswerBadge, DiffView, Pager, PlainText, sectionTitle } from '~/components/plan-ui'
import { groupCampaigns } from '~/domain/campaign-groups'
import { ANSWERS, WHOLE_PLAN_ANCHOR } from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { answerFormSchema, hideFormSchema } from '~/domain/recommendation-form'
import { diffWords } from '~/domain/word-diff'
import { sectionsOf } from '~/models/plan.server'
import {
  answerRecommendations,
  countByAnswer,
  dismissReports,
  getRecommendation,
  hideRecommendation,
  listRecommendations,
  recommendationTexts,
  unhideRecommendation,
} from '~/models/recommendation.server'
import { kickDelivery } from '~/services/email.server'
import { forbidden } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffPlanFor } from '~/utils/plan-route.server'

export const handle = { staffBreadcrumb: 'plans.manage.title' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

const FILTERS = ['unanswered', 'answered', 'reported', 'hidden', 'all'] as const
type Filter = (typeof FILTERS)[number]
const PAGE_SIZE = 25

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, actor } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  const url = new URL(request.url)
  const filterParam = url.searchParams.get('only') ?? 'unanswered'
  const only: Filter = (FILTERS as readonly string[]).includes(filterParam) ? (filterParam as Filter) : 'unanswered'
  const section = url.searchParams.get('section') ?? ''
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const view = url.searchParams.get('view') === 'groups' ? 'groups' : 'list'
  const resource = { type: 'authority', authorityId: authority.id } as const
  const sectionFilter = section === '' ? 'all' : { sectionAnchor: section === WHOLE_PLAN_ANCHOR ? null : section }
  const list =
    view === 'list'
      ? listRecommendations(plan.id, sectionFilter, {
          page,
          pageSize: PAGE_SIZE,
          only: only === 'all' ? undefined : only,
          includeWithdrawn: only === 'all',
        })
      : { items: [], total: 0 }
  const groups =
    view === 'groups'
      ? groupCampaigns(recommendationTexts(plan.id)).map((g) => ({
          key: g.key,
          count: g.ids.length,
          sampleText: g.sampleText,
        }))
      : []
  return {
    authority: { slug: authority.slug },
    plan: { id: plan.id, reference: plan.reference, title: plan.title },
    filter: { only, section, page, view },
    answered: Number(url.searchParams.get('done')) || 0,
    sections: plan.currentVersionId
      ? sectionsOf(plan.currentVersionId).map((s) => ({ anchor: s.anchor, label: sectionTitle(s) }))
      : [],
    counts: countByAnswer(plan.id),
    total: list.total,
    items: list.items.map((r) => ({
      ...r,
      diff: r.proposedWording ? diffWords(r.sectionText ?? '', r.proposedWording) : null,
    })),
    groups,
    canAnswer: can(actor, 'plan.answer', resource),
    canModerate: can(actor, 'plan.moderate', resource),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, actor, user } = staffPlanFor(request, params.slug, params.planId, 'plan.view')
  const resource = { type: 'authority', authorityId: authority.id } as const
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const id = String(form.get('id') ?? '')
  const back = new URL(request.url)
  const returnTo = (anchor: string) => redirect(`${back.pathname}${back.search}#${anchor}`)

  if (intent === 'answer' || intent === 'answer-group') {
    if (!can(actor, 'plan.answer', resource)) throw forbidden()
    const submission = parseWithZod(form, { schema: answerFormSchema })
    if (submission.status !== 'success') return invalid({ id, errors: submission.reply().error ?? {} })
    let ids = [id]
    if (intent === 'answer-group') {
      const group = groupCampaigns(recommendationTexts(plan.id)).find((g) => g.key === id)
      if (!group) return invalid({ id, errors: { '': ['plans.manage.groupGone'] } })
      ids = group.ids
    }
    const answered = answerRecommendations(
      plan,
      ids,
      { answer: submission.value.answer, justification: submission.value.justification ?? null },
      user.id,
    )
    kickDelivery()
    back.searchParams.set('done', String(answered))
    return returnTo(id)
  }

  if (!can(actor, 'plan.moderate', resource)) throw forbidden()
  const rec = getRecommendation(id)
  if (!rec || rec.planId !== plan.id) return invalid({ id, errors: { '': ['plans.manage.notFound'] } })
  if (intent === 'hide') {
    const submission = parseWithZod(form, { schema: hideFormSchema })
    if (submission.status !== 'success') return invalid({ id, errors: submission.reply().error ?? {} })
    hideRecommendation(plan, rec, submission.value.reason, user.id)
  } else if (intent === 'unhide') {
    unhideRecommendation(plan, rec, user.id)
  } else if (intent === 'dismiss-reports') {
    dismissReports(plan, rec, user.id)
  } else {
    return invalid({ id, errors: { '': ['plans.manage.unknown'] } })
  }
  return returnTo(id)
}

function AnswerForm(props: {
  id: string
  intent: 'answer' | 'answer-group'
  current: string | null
  justification: string | null
  errors?: Record<string, string[] | null>
  submitLabel: string
}) {
  const { t } = useTranslation()
  const errId = `${props.id}-answer-errors`
  const errors = Object.values(props.errors ?? {})
    .flat()
    .filter((e): e is string => !!e)
  return (
    <Form method="post" className="stacked answer-form" preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="id" value={props.id} />
      {errors.length > 0 ? (
        <p id={errId} className="field-error" role="alert">
          {errors.map((e) => t(e)).join(' ')}
        </p>
      ) : null}
      <fieldset className="field">
        <legend>{t('plans.manage.answer')}</legend>
        <div className="radio-row">
          {ANSWERS.map((a) => (
            <label key={a} className="checkbox">
              <input type="radio" name="answer" value={a} defaultChecked={props.current === a} required />{' '}
              {t(`plans.answers.${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${props.id}-justification`}>{t('plans.manage.justification')}</label>
        <p className="hint" id={`${props.id}-justification-hint`}>
          {t('plans.manage.justificationHint')}
        </p>
        <textarea
          id={`${props.id}-justification`}
          name="justification"
          rows={3}
          defaultValue={props.justification ?? ''}
          aria-describedby={`${props.id}-justification-hint${errors.length ? ` ${errId}` : ''}`}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-small">
          {props.submitLabel}
        </button>
      </div>
    </Form>
  )
}

export default function ManageRecommendations() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { filter } = data
  const base = `/a/${data.authority.slug}/staff/plans/${data.plan.id}/recommendations`
  const publicBase = `/a/${data.authority.slug}/plans/${data.plan.id}`
  const errorsFor = (id: string) => (actionData && actionData.id === id ? actionData.errors : undefined)
  const query = (changes: Record<string, string | number>) => {
    const p = new URLSearchParams({
      only: filter.only,
      section: filter.section,
      view: filter.view,
      page: String(filter.page),
      ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, String(v)])),
    })
    return `${base}?${p.toString()}`
  }
  return (
    <>
      <h1>{t('plans.manage.title')}</h1>
      <p className="muted">
        <Link to={`/a/${data.authority.slug}/staff/plans/${data.plan.id}`}>
          {data.plan.reference} · {data.plan.title}
        </Link>
      </p>
      {data.answered > 0 ? (
        <div className="notice ok" role="status">
          {t('plans.manage.done', { count: data.answered })}
        </div>
      ) : null}
      <p>
        {t('plans.manage.counts', {
          total: data.counts.total,
          unanswered: data.counts.unanswered,
          accepted: data.counts.accepted,
          partially: data.counts.partially_accepted,
          rejected: data.counts.rejected,
          notApplicable: data.counts.not_applicable,
        })}
      </p>
      <nav aria-label={t('plans.manage.views')} className="main-nav">
        <ul>
          <li>
            <Link to={query({ view: 'list', page: 1 })} aria-current={filter.view === 'list' ? 'page' : undefined}>
              {t('plans.manage.listView')}
            </Link>
          </li>
          <li>
            <Link to={query({ view: 'groups', page: 1 })} aria-current={filter.view === 'groups' ? 'page' : undefined}>
              {t('plans.manage.groupsView')}
            </Link>
          </li>
        </ul>
      </nav>

      {filter.view === 'list' ? (
        <>
          <Form method="get" className="filter-grid">
            <input type="hidden" name="view" value="list" />
            <div className="field">
              <label htmlFor="only">{t('plans.manage.show')}</label>
              <select id="only" name="only" defaultValue={filter.only}>
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {t(`plans.manage.filters.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="section">{t('plans.manage.section')}</label>
              <select id="section" name="section" defaultValue={filter.section}>
                <option value="">{t('plans.manage.allSections')}</option>
                <option value={WHOLE_PLAN_ANCHOR}>{t('plans.page.wholePlan')}</option>
                {data.sections.map((s) => (
                  <option key={s.anchor} value={s.anchor}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('plans.manage.apply')}
              </button>
            </div>
          </Form>
          <p role="status">{t('plans.manage.found', { count: data.total })}</p>
          <ol className="recommendations">
            {data.items.map((r) => (
              <li key={r.id} id={r.id}>
                <article className="recommendation" aria-labelledby={`h-${r.id}`}>
                  <h2 id={`h-${r.id}`} className="h3">
                    <Link to={`${publicBase}/recommendations/${r.id}`}>{r.registrationNumber}</Link> · {r.authorLabel}
                  </h2>
                  <p className="muted">
                    {formatDate(r.submittedOn)} ·{' '}
                    {r.sectionAnchor
                      ? sectionTitle({ number: r.sectionNumber, heading: r.sectionHeading ?? '' })
                      : t('plans.page.wholePlan')}
                    {r.status === 'withdrawn' ? ` · ${t('plans.manage.withdrawn')}` : ''}
                  </p>
                  {r.hidden ? (
                    <p className="notice">
                      {t('plans.moderation.hiddenStaff')} {r.hiddenReason}
                    </p>
                  ) : null}
                  {r.openReports > 0 ? (
                    <p className="notice warn">{t('plans.manage.reports', { count: r.openReports })}</p>
                  ) : null}
                  <PlainText text={r.text} />
                  {r.diff ? (
                    <details className="disclosure">
                      <summary>{t('plans.comment.showProposal')}</summary>
                      <DiffView parts={r.diff} label={t('plans.comment.proposedWording')} />
                    </details>
                  ) : null}
                  {r.attachmentName ? (
                    <p>
                      <a href={`${publicBase}/recommendations/${r.id}/attachment`}>
                        {t('plans.comment.attachmentLink', { name: r.attachmentName })}
                      </a>
                    </p>
                  ) : null}
                  <p>
                    <AnswerBadge answer={r.answer} />
                  </p>
                  {data.canAnswer && r.status === 'registered' ? (
                    <AnswerForm
                      id={r.id}
                      intent="answer"
                      current={r.answer}
                      justification={r.answerJustification}
                      errors={errorsFor(r.id)}
                      submitLabel={r.answer ? t('plans.manage.changeAnswer') : t('plans.manage.saveAnswer')}
                    />
                  ) : null}
                  {data.canModerate ? (
                    <div className="moderation">
                      {r.hidden ? (
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="unhide" />
                          <input type="hidden" name="id" value={r.id} />
                          <button type="submit" className="button button-small">
                            {t('plans.moderation.unhide')}
                          </button>
                        </Form>
                      ) : (
                        <details className="disclosure">
                          <summary>{t('plans.moderation.hide')}</summary>
                          <Form method="post" className="stacked" preventScrollReset>
                            <input type="hidden" name="intent" value="hide" />
                            <input type="hidden" name="id" value={r.id} />
                            <div className="field">
                              <label htmlFor={`${r.id}-hide`}>{t('plans.moderation.reason')}</label>
                              <p className="hint" id={`${r.id}-hide-hint`}>
                                {t('plans.moderation.reasonHint')}
                              </p>
                              <input
                                id={`${r.id}-hide`}
                                name="reason"
                                required
                                minLength={5}
                                aria-describedby={`${r.id}-hide-hint`}
                              />
                            </div>
                            <button type="submit" className="button button-small danger">
                              {t('plans.moderation.hideSubmit')}
                            </button>
                          </Form>
                        </details>
                      )}
                      {r.openReports > 0 ? (
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="dismiss-reports" />
                          <input type="hidden" name="id" value={r.id} />
                          <button type="submit" className="button button-small">
                            {t('plans.moderation.dismiss')}
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
          <Pager page={filter.page} pageSize={PAGE_SIZE} total={data.total} href={(p) => query({ page: p })} />
        </>
      ) : (
        <section aria-labelledby="groups">
          <h2 id="groups">{t('plans.manage.groupsTitle')}</h2>
          <p>{t('plans.manage.groupsIntro')}</p>
          {data.groups.length === 0 ? <p className="muted">{t('plans.manage.noGroups')}</p> : null}
          <ol className="recommendations">
            {data.groups.map((g) => (
              <li key={g.key} id={g.key}>
                <article className="recommendation" aria-labelledby={`g-${g.key}`}>
                  <h3 id={`g-${g.key}`}>{t('plans.manage.groupCount', { count: g.count })}</h3>
                  <PlainText text={g.sampleText} />
                  {data.canAnswer ? (
                    <AnswerForm
                      id={g.key}
                      intent="answer-group"
                      current={null}
                      justification={null}
                      errors={errorsFor(g.key)}
                      submitLabel={t('plans.manage.answerGroup', { count: g.count })}
                    />
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}
