import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AnswerBadge, DateRange, Pager, PlanBreadcrumbs } from '~/components/plan-ui'
import { ANSWER_COLUMNS, answerLabel, publicRecommendationText, sectionLabel } from '~/domain/recommendation-report'
import { formatDate } from '~/domain/dates'
import { getLocale } from '~/utils/i18n.server'
import { plainTitle } from '~/utils/meta'
import { publicPlanFor } from '~/utils/plan-route.server'
import { planReport, reportLabels } from '~/utils/report.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.labels.reportTitle} · ${data.plan.title}`) : []

const PAGE_SIZE = 50

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan } = publicPlanFor(request, params.slug, params.planId)
  const labels = reportLabels(await getLocale(request))
  const report = planReport(plan)
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: { id: plan.id, title: plan.title, reference: plan.reference, opensOn: plan.opensOn, closesOn: plan.closesOn },
    labels,
    totals: report.totals,
    perSection: report.perSection.map((s) => ({ label: sectionLabel(s, labels), counts: s.counts })),
    page,
    total: report.rows.length,
    rows: report.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({
      registrationNumber: r.registrationNumber,
      submittedOn: r.submittedOn,
      authorLabel: r.authorLabel,
      section: sectionLabel(r, labels),
      text: publicRecommendationText(r, labels),
      proposedWording: r.hidden ? null : r.proposedWording,
      answer: r.answer,
      answerText: answerLabel(r.answer, labels),
      justification: r.justification,
    })),
  }
}

export default function ReportPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const { labels } = data
  const base = `/a/${data.authority.slug}/plans/${data.plan.id}`
  return (
    <div className="page">
      <PlanBreadcrumbs authority={data.authority} plan={data.plan} current={labels.reportTitle} />
      <h1>{labels.reportTitle}</h1>
      <p className="lead">
        <Link to={base}>{data.plan.title}</Link> · {data.authority.name}
      </p>
      <p>
        {labels.consultationWindow}: <DateRange from={data.plan.opensOn} to={data.plan.closesOn} />
      </p>
      <p className="actions">
        <a href={`${base}/report.docx`} className="button button-small" download>
          {t('plans.report.docx')}
        </a>
        <a href={`${base}/report.csv`} className="button button-small" download>
          {t('plans.report.csv')}
        </a>
        <Link to={`${base}/changes`}>{t('plans.report.youSaid')}</Link>
      </p>

      <h2>{labels.summaryHeading}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.answer}</th>
              <th scope="col">{labels.count}</th>
            </tr>
          </thead>
          <tbody>
            {ANSWER_COLUMNS.map((c) => (
              <tr key={c}>
                <th scope="row">{labels.answers[c]}</th>
                <td>{data.totals[c]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{labels.total}</th>
              <td>{data.totals.all}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2>{labels.perSectionHeading}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.section}</th>
              {ANSWER_COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {labels.answers[c]}
                </th>
              ))}
              <th scope="col">{labels.total}</th>
            </tr>
          </thead>
          <tbody>
            {data.perSection.map((s) => (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                {ANSWER_COLUMNS.map((c) => (
                  <td key={c}>{s.counts[c]}</td>
                ))}
                <td>{s.counts.all}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="all">{labels.recommendationsHeading}</h2>
      {data.total === 0 ? <p className="muted">{labels.noRecommendations}</p> : null}
      {data.total > 0 ? (
        <div className="table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{labels.registrationNumber}</th>
                <th scope="col">{labels.author}</th>
                <th scope="col">{labels.section}</th>
                <th scope="col">{labels.recommendation}</th>
                <th scope="col">{labels.answer}</th>
                <th scope="col">{labels.justification}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.registrationNumber}>
                  <th scope="row">
                    {r.registrationNumber}
                    <br />
                    <span className="muted">{formatDate(r.submittedOn)}</span>
                  </th>
                  <td>{r.authorLabel}</td>
                  <td>{r.section}</td>
                  <td className="pre-line">
                    {r.text}
                    {r.proposedWording ? (
                      <>
                        <br />
                        <em>{labels.proposedWording}:</em> {r.proposedWording}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <AnswerBadge answer={r.answer} />
                  </td>
                  <td className="pre-line">{r.justification}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} href={(p) => `${base}/report?page=${p}#all`} />
    </div>
  )
}
