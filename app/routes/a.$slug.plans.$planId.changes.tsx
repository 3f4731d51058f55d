import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AnswerBadge, DiffView, sectionTitle, PlanBreadcrumbs } from '~/components/plan-ui'
import { diffWords, hasChanges } from '~/domain/word-diff'
import { listVersions, sectionsOf } from '~/models/plan.server'
import { listRecommendations, publicView } from '~/models/recommendation.server'
import { plainTitle } from '~/utils/meta'
import { publicPlanFor } from '~/utils/plan-route.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

const PER_SECTION = 10

/**
 * "You said, we did": per section of the version put to consultation, the recommendations and
 * their answers, and how the section reads in the next version.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan } = publicPlanFor(request, params.slug, params.planId)
  const versions = listVersions(plan.id)
  const consulted = versions.find((v) => v.frozenAt) ?? versions[0]
  const next = consulted ? versions.find((v) => v.number === consulted.number + 1) : undefined
  const nextSections = new Map((next ? sectionsOf(next.id) : []).map((s) => [s.anchor, s]))
  const sections = (consulted ? sectionsOf(consulted.id) : []).map((s) => {
    const { items, total } = listRecommendations(plan.id, { sectionAnchor: s.anchor }, { pageSize: PER_SECTION })
    const after = nextSections.get(s.anchor)
    const diff = next ? diffWords(s.text, after?.text ?? '') : null
    return {
      anchor: s.anchor,
      title: sectionTitle(s),
      total,
      recommendations: items.map(publicView).map((r) => ({
        id: r.id,
        registrationNumber: r.registrationNumber,
        authorLabel: r.authorLabel,
        text: r.hidden ? '' : r.text,
        hidden: r.hidden,
        answer: r.answer,
        answerJustification: r.answerJustification,
      })),
      removed: next ? !after : false,
      diff: diff && hasChanges(diff) ? diff : null,
    }
  })
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: { id: plan.id, title: plan.title, reference: plan.reference },
    consultedNumber: consulted?.number ?? 1,
    nextNumber: next?.number ?? null,
    nextNote: next?.note ?? null,
    sections: sections.filter((s) => s.total > 0 || s.diff || s.removed),
  }
}

export default function Changes() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const base = `/a/${data.authority.slug}/plans/${data.plan.id}`
  return (
    <div className="page">
      <PlanBreadcrumbs authority={data.authority} plan={data.plan} current={t('plans.changes.title')} />
      <h1>{t('plans.changes.title')}</h1>
      <p className="lead">
        {data.nextNumber
          ? t('plans.changes.intro', { from: data.consultedNumber, to: data.nextNumber })
          : t('plans.changes.noNextVersion')}
      </p>
      {data.nextNote ? <p className="pre-line">{data.nextNote}</p> : null}
      {data.sections.length === 0 ? <p className="muted">{t('plans.changes.nothing')}</p> : null}
      {data.sections.map((s) => (
        <section key={s.anchor} aria-labelledby={`c-${s.anchor}`} className="change-section">
          <h2 id={`c-${s.anchor}`}>{s.title || t('plans.page.untitled')}</h2>
          <h3>{t('plans.changes.youSaid', { count: s.total })}</h3>
          {s.total === 0 ? <p className="muted">{t('plans.changes.noRecommendations')}</p> : null}
          <ul>
            {s.recommendations.map((r) => (
              <li key={r.id}>
                <Link to={`${base}/recommendations/${r.id}`}>{r.registrationNumber}</Link> · {r.authorLabel}:{' '}
                {r.hidden ? <em>{t('plans.moderation.hiddenShort')}</em> : r.text.slice(0, 300)}
                <div>
                  <AnswerBadge answer={r.answer} /> {r.answerJustification}
                </div>
              </li>
            ))}
          </ul>
          {s.total > s.recommendations.length ? (
            <p>
              <Link to={`${base}/sections/${s.anchor}`}>{t('plans.changes.more', { count: s.total })}</Link>
            </p>
          ) : null}
          {data.nextNumber ? (
            <>
              <h3>{t('plans.changes.weDid', { number: data.nextNumber })}</h3>
              {s.removed ? (
                <p>{t('plans.changes.removed')}</p>
              ) : s.diff ? (
                <DiffView parts={s.diff} label={t('plans.changes.weDid', { number: data.nextNumber })} />
              ) : (
                <p className="muted">{t('plans.changes.unchanged')}</p>
              )}
            </>
          ) : null}
        </section>
      ))}
    </div>
  )
}
