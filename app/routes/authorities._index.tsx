import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listAuthorities } from '~/models/authority.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'authorities.title')

export function loader() {
  return {
    authorities: listAuthorities().map((a) => ({ slug: a.slug, name: a.name, county: a.county, kind: a.kind })),
  }
}

export default function Authorities() {
  const { t } = useTranslation()
  const { authorities } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('authorities.title')}</h1>
      <p className="lead">{t('authorities.intro')}</p>
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
    </div>
  )
}
