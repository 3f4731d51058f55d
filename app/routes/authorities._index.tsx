import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/plan-ui'
import { useTranslation } from 'react-i18next'
import { searchAuthorities } from '~/models/authority.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'authorities.title')

const PAGE_SIZE = 50

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const { total, rows } = searchAuthorities(q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  return { authorities: rows, total, page, q }
}

export default function Authorities() {
  const { t } = useTranslation()
  const { authorities, total, page, q } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('authorities.title')}</h1>
      <p className="lead">{t('authorities.intro')}</p>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="authority-q">{t('authorities.search')}</label>
        <div className="field-row">
          <input id="authority-q" name="q" type="search" defaultValue={q} maxLength={100} />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </Form>
      <p role="status">{t('authorities.found', { count: total })}</p>
      {authorities.length === 0 ? (
        <p>{t('authorities.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('authorities.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.authorityKind')}</th>
                <th scope="col">{t('fields.county')}</th>
              </tr>
            </thead>
            <tbody>
              {authorities.map((a) => (
                <tr key={a.slug}>
                  <td>
                    <Link to={`/a/${a.slug}`}>{a.name}</Link>
                  </td>
                  <td>{t(`authorityKinds.${a.kind}`)}</td>
                  <td>{a.county}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        href={(p) => `/authorities?${new URLSearchParams({ q, page: String(p) }).toString()}`}
      />
    </div>
  )
}
