import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusBadge, usePeriodText } from '~/components/protocol-ui'
import { formatDate } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { withAddendaUnderParents } from '~/domain/protocol-csv'
import { protocolSituation } from '~/domain/protocol-term'
import type { IsoDate, ProtocolStatus, Term } from '~/domain/protocol-types'
import { getAuthorityBySlug } from '~/models/authority.server'
import { listProtocols } from '~/models/protocol.server'
import { clock } from '~/services/clock.server'
import { getActor, notFound } from '~/utils/auth.server'
import { localeFromMatches, translator } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = translator(localeFromMatches(matches))
  return [{ title: `${t('protocolRegistry.metaTitle', { authority: data?.authority.name ?? '' })} · ${t('app.name')}` }]
}

/** The authority's public protocols, for anyone, with their status today. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const today = clock.today()
  const items = listProtocols(authority.id, { publicOnly: true })
  const titles = new Map(items.map((i) => [i.protocol.id, i.protocol.title]))
  const rows = withAddendaUnderParents(
    items.map((item) => {
      const situation = protocolSituation(item.facts, today, authority.protocolSettings)
      return {
        id: item.protocol.id,
        parentId: item.protocol.parentId,
        parentTitle: item.protocol.parentId ? (titles.get(item.protocol.parentId) ?? null) : null,
        kind: item.protocol.kind,
        title: item.protocol.title,
        object: item.protocol.object,
        signedOn: item.protocol.signedOn,
        partners: item.parties.filter((p) => !p.isAuthority).map((p) => p.name),
        term: item.term,
        usable: situation.usable,
        end: situation.end,
        terminatesAfter: situation.terminatesAfter,
        status: situation.status,
      }
    }),
  )
  return {
    authority: { slug: authority.slug, name: authority.name },
    today,
    rows,
    canExport: can(getActor(request), 'protocol.view', { type: 'authority', authorityId: authority.id }),
  }
}

type Row = {
  term: Term & { validityText?: string | null }
  usable: boolean
  end: IsoDate | null
  terminatesAfter: IsoDate | null
  status: ProtocolStatus
}

/** The validity in words: the range of a fixed term, or what the other kinds of term say. */
function useValidityLines() {
  const { t } = useTranslation()
  const period = usePeriodText()
  return (row: Row): string[] => {
    const { term } = row
    const d = (date: string | null) => (date ? formatDate(date) : '–')
    const lines: string[] = []
    if (!row.usable) {
      lines.push(t('protocolRegistry.validity.unknown'))
    } else if (term.type === 'fixed') {
      lines.push(t('protocolRegistry.validity.range', { start: d(term.start), end: d(term.end) }))
      if (row.terminatesAfter) lines.push(t('protocolRegistry.validity.endsOn', { end: d(row.end) }))
    } else if (term.type === 'auto_renewing') {
      lines.push(
        t('protocolRegistry.validity.autoRenewing', { start: d(term.start), period: period(term.renewalPeriod) }),
      )
      if (term.noticePeriod) lines.push(t('protocolRegistry.validity.notice', { period: period(term.noticePeriod) }))
      lines.push(
        row.terminatesAfter
          ? t('protocolRegistry.validity.endsOn', { end: d(row.end) })
          : t('protocolRegistry.validity.currentPeriod', { end: d(row.end) }),
      )
    } else if (term.type === 'open_ended') {
      lines.push(t('protocolRegistry.validity.openEnded', { start: d(term.start) }))
      if (row.end) lines.push(t('protocolRegistry.validity.endsOn', { end: d(row.end) }))
    } else {
      lines.push(
        term.condition
          ? t('protocolRegistry.validity.conditional', { start: d(term.start), condition: term.condition })
          : t('protocolRegistry.validity.conditionalNoText', { start: d(term.start) }),
      )
      if (term.end) lines.push(t('protocolRegistry.validity.hardStop', { end: d(term.end) }))
      if (row.terminatesAfter) lines.push(t('protocolRegistry.validity.endsOn', { end: d(row.end) }))
    }
    return lines
  }
}

export default function ProtocolRegistry() {
  const { t } = useTranslation()
  const { authority, today, rows, canExport } = useLoaderData<typeof loader>()
  const validityLines = useValidityLines()
  const base = `/a/${authority.slug}`
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/authorities">{t('authorities.title')}</Link>
          </li>
          <li>
            <Link to={base}>{authority.name}</Link>
          </li>
          <li aria-current="page">{t('protocolRegistry.title')}</li>
        </ol>
      </nav>
      <h1>{t('protocolRegistry.title')}</h1>
      <p className="lead">{t('protocolRegistry.intro', { authority: authority.name, date: formatDate(today) })}</p>

      {rows.length === 0 ? (
        <p className="muted">{t('protocolRegistry.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('protocolRegistry.caption', { authority: authority.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocolRegistry.columns.title')}</th>
                <th scope="col">{t('protocolRegistry.columns.kind')}</th>
                <th scope="col">{t('protocolRegistry.columns.partners')}</th>
                <th scope="col">{t('protocolRegistry.columns.object')}</th>
                <th scope="col">{t('protocolRegistry.columns.validity')}</th>
                <th scope="col">{t('protocolRegistry.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} id={`protocol-${row.id}`}>
                  <th scope="row">
                    {row.depth > 0 ? <span aria-hidden="true">↳ </span> : null}
                    {row.title}
                    {row.parentTitle && row.depth > 0 ? (
                      <>
                        <br />
                        <span className="muted">{t('protocolRegistry.addendumOf', { title: row.parentTitle })}</span>
                      </>
                    ) : null}
                    {row.signedOn ? (
                      <>
                        <br />
                        <span className="muted">
                          {t('protocolRegistry.signedOn', { date: formatDate(row.signedOn) })}
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td>{t(`protocolKinds.${row.kind}`)}</td>
                  <td>
                    {row.partners.length === 0
                      ? '–'
                      : row.partners.map((partner, i) => (
                          <span key={i}>
                            {i > 0 ? <br /> : null}
                            {partner}
                          </span>
                        ))}
                  </td>
                  <td>{row.object ?? '–'}</td>
                  <td>
                    {validityLines(row).map((line, i) => (
                      <span key={i}>
                        {i > 0 ? <br /> : null}
                        {line}
                      </span>
                    ))}
                    {row.term.validityText ? (
                      <>
                        <br />
                        <span className="muted">
                          {t('protocolRegistry.validity.asWritten', { text: row.term.validityText })}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="open-data">
        <h2 id="open-data">{t('protocolRegistry.openData.title')}</h2>
        <p>{t('protocolRegistry.openData.intro')}</p>
        <ul>
          <li>
            <a href={`${base}/protocols.json`} type="application/json">
              {t('protocolRegistry.openData.json')}
            </a>
          </li>
          {canExport ? (
            <>
              <li>
                <a href={`${base}/staff/protocols/export.csv`} type="text/csv" download>
                  {t('protocolRegistry.openData.csv')}
                </a>
              </li>
              <li>
                <a href={`${base}/staff/protocols/template.csv`} type="text/csv" download>
                  {t('protocolRegistry.openData.template')}
                </a>
              </li>
            </>
          ) : null}
        </ul>
      </section>
    </div>
  )
}
