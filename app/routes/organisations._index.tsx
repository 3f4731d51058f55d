import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { listOrganisations } from '~/models/organisation.server'
import { getUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.list.title')

/** Public: anyone may list and search organisations. */
export function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  return {
    q,
    organisations: listOrganisations(q).map((o) => ({ slug: o.slug, name: o.name, kind: o.kind })),
    // Unverified users see the link too: creating sends them to confirm their address first.
    signedIn: getUser(request) !== null,
  }
}

export default function Organisations() {
  const { t } = useTranslation()
  const { q, organisations, signedIn } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('organisations.list.title')}</h1>
      <p className="lead">{t('organisations.list.intro')}</p>

      {signedIn ? (
        <p>
          <Link to="/organisations/new" className="button">
            {t('organisations.list.create')}
          </Link>
        </p>
      ) : (
        <p>
          <Trans
            i18nKey="organisations.list.loginToCreate"
            components={[
              <Link key="login" to={`/login?redirectTo=${encodeURIComponent('/organisations/new')}`} />,
              <Link key="signup" to="/signup" />,
            ]}
          />
        </p>
      )}

      <Form method="get" role="search" className="stacked">
        <div className="field">
          <label htmlFor="organisation-search">{t('organisations.list.searchLabel')}</label>
          <p id="organisation-search-hint" className="hint">
            {t('organisations.list.searchHint')}
          </p>
          <input
            id="organisation-search"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            aria-describedby="organisation-search-hint"
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('organisations.list.searchSubmit')}
          </button>
          {q ? <Link to="/organisations">{t('organisations.list.clearSearch')}</Link> : null}
        </div>
      </Form>

      <section aria-labelledby="organisation-results">
        <h2 id="organisation-results">
          {q ? t('organisations.list.results', { q }) : t('organisations.list.caption')}
        </h2>
        {organisations.length === 0 ? (
          <p role="status">{q ? t('organisations.list.noResults', { q }) : t('organisations.list.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('organisations.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.fields.name')}</th>
                  <th scope="col">{t('organisations.fields.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((o) => (
                  <tr key={o.slug}>
                    <td>
                      <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                    </td>
                    <td>{t(`organisationKinds.${o.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
