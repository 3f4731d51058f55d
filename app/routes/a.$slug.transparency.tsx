import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/domain/dates'
import { transparencyRows, withYear } from '~/domain/transparency-report'
import { reportYears } from '~/models/transparency.server'
import { clock } from '~/services/clock.server'
import { getLocale } from '~/utils/i18n.server'
import { plainTitle } from '~/utils/meta'
import { transparencyFor } from '~/utils/transparency.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.title} · ${data.authority.name}`) : []

/** The authority's annual decisional-transparency report (Law 52/2003, art. 13), computed from the record. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { authority, year, input, counts, labels } = transparencyFor(params.slug, url, await getLocale(request))
  return {
    authority: { slug: authority.slug, name: authority.name },
    year,
    years: reportYears(authority.id, Number(clock.today().slice(0, 4))),
    title: withYear(labels.title, year),
    labels,
    rows: transparencyRows(counts, labels),
    drafts: input.plans.filter(
      (p) => (p.publishedOn ?? '').startsWith(String(year)) || (p.decisionDate ?? '').startsWith(String(year)),
    ),
  }
}

export default function TransparencyReport() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const base = `/a/${data.authority.slug}/transparency`
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/authorities">{t('authorities.title')}</Link>
          </li>
          <li>
            <Link to={`/a/${data.authority.slug}`}>{data.authority.name}</Link>
          </li>
          <li aria-current="page">{t('transparency.breadcrumb')}</li>
        </ol>
      </nav>
      <h1>{data.title}</h1>
      <p className="lead">
        {data.authority.name}. {t('transparency.intro')}
      </p>
      <Form method="get" className="inline-form">
        <label htmlFor="year">{t('transparency.year')}</label>{' '}
        <select id="year" name="year" defaultValue={data.year}>
          {data.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button-small">
          {t('transparency.show')}
        </button>
      </Form>
      <p className="actions">
        <a href={`${base}.docx?year=${data.year}`} className="button button-small" download>
          {t('transparency.docx')}
        </a>
        <a href={`${base}.csv?year=${data.year}`} className="button button-small" download>
          {t('transparency.csv')}
        </a>
      </p>
      <h2>{data.labels.countsHeading}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{data.labels.indicator}</th>
              <th scope="col">{data.labels.value}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{withYear(data.labels.draftsHeading, data.year)}</h2>
      {data.drafts.length === 0 ? <p className="muted">{data.labels.noDrafts}</p> : null}
      {data.drafts.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{data.labels.reference}</th>
                <th scope="col">{data.labels.draftTitle}</th>
                <th scope="col">{data.labels.publishedOn}</th>
                <th scope="col">{data.labels.status}</th>
                <th scope="col">{data.labels.adoptedOn}</th>
              </tr>
            </thead>
            <tbody>
              {data.drafts.map((p) => (
                <tr key={p.reference}>
                  <th scope="row">{p.reference}</th>
                  <td>{p.title}</td>
                  <td>{p.publishedOn ? formatDate(p.publishedOn) : ''}</td>
                  <td>{data.labels.statuses[p.status]}</td>
                  <td>{p.decisionDate ? formatDate(p.decisionDate) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
