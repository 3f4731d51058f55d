import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { highlightExcerpt } from '~/domain/search-query'
import { searchPublic } from '~/models/search.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'search.title')

export function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 500)
  const { hits } = q.trim() ? searchPublic(q) : { hits: [] }
  return {
    q,
    hits: hits.map((h) => ({
      kind: h.kind,
      href:
        h.kind === 'plan'
          ? `/a/${h.authoritySlug}/plans/${h.planId}`
          : h.kind === 'section'
            ? `/a/${h.authoritySlug}/plans/${h.planId}#${h.target}`
            : `/a/${h.authoritySlug}/plans/${h.planId}/recommendations/${h.target}`,
      label: h.label,
      planTitle: h.planTitle,
      authorityName: h.authorityName,
      // Escaped, with <mark> around the words found.
      excerpt: highlightExcerpt(h.text ?? '', q, 240),
    })),
  }
}

export default function Search() {
  const { t } = useTranslation()
  const { q, hits } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('search.title')}</h1>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="q">{t('search.label')}</label>
        <div className="field-row">
          <input id="q" name="q" type="search" defaultValue={q} maxLength={500} />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
        <p className="hint">{t('search.hint')}</p>
      </Form>
      {q.trim() ? <p role="status">{t('search.found', { count: hits.length })}</p> : null}
      <ul className="search-results">
        {hits.map((h, i) => (
          <li key={i}>
            <p className="muted">
              {t(`search.kinds.${h.kind}`)} · {h.authorityName}
            </p>
            <h2 className="h3">
              <Link to={h.href}>{h.kind === 'plan' ? h.planTitle : `${h.label} · ${h.planTitle}`}</Link>
            </h2>
            {/* highlightExcerpt escapes the text; only <mark> is added. */}
            <p dangerouslySetInnerHTML={{ __html: h.excerpt }} />
          </li>
        ))}
      </ul>
    </div>
  )
}
