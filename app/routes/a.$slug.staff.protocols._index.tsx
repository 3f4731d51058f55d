/**
 * The legal officers' dashboard: what needs a decision about partnership protocols on a date
 * (today, or `?asOf=` to look ahead). The grouping is app/domain/protocol-dashboard.ts; this
 * route loads, calls it and renders. Every filter is a GET parameter: it works without JavaScript.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DateText, problemDetail, StatusBadge } from '~/components/protocol-ui'
import { addDays, daysBetween } from '~/domain/calendar'
import { formatDate } from '~/domain/dates'
import { can, type Resource } from '~/domain/permissions'
import {
  activeFilterCount,
  buildDashboard,
  DASHBOARD_LISTS,
  EXPIRY_WINDOWS,
  keyDate,
  pageNumbers,
  pageOf,
  pageParam,
  readDashboardQuery,
  TIMELINE_MAX_ROWS,
  timelinePosition,
  type DashboardList,
  type DashboardRow,
  type ListPage,
  type Timeline,
  type TimelineRow,
} from '~/domain/protocol-dashboard'
import { PROTOCOL_KINDS, PROTOCOL_STATUSES, type ProtocolStatus } from '~/domain/protocol-types'
import { getAuthorityBySlug, listStaff } from '~/models/authority.server'
import { listProtocols, searchProtocolIds } from '~/models/protocol.server'
import { clock } from '~/services/clock.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { localeFromMatches, pageTitle, plainTitle, translator } from '~/utils/meta'
import protocolStyles from '~/styles/protocols.css?url'

export const handle = { staffBreadcrumb: 'protocolDashboard.breadcrumb' }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: protocolStyles }]

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, 'protocolDashboard.title')
  const t = translator(localeFromMatches(matches))
  return plainTitle(
    matches,
    t('staff.pageTitle', { page: t('protocolDashboard.title'), authority: data.authority.name }),
  )
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const authority = getAuthorityBySlug(params.slug ?? '')
  if (!authority) throw notFound()
  const resource: Resource = { type: 'authority', authorityId: authority.id }
  const { actor } = requirePermission(request, 'protocol.view', resource)
  const today = clock.today()
  const settings = authority.protocolSettings
  const staff = listStaff(authority.id).map((m) => ({ userId: m.userId, name: m.name }))
  const query = readDashboardQuery(new URL(request.url).searchParams, {
    today,
    noticeWarningDays: settings.noticeWarningDays,
    staffIds: staff.map((m) => m.userId),
  })
  const dashboard = buildDashboard(listProtocols(authority.id), {
    asOf: query.asOf,
    settings,
    noticeDays: query.noticeDays,
    expiryWindow: query.expiryWindow,
    filters: query.filters,
    searchMatches: query.filters.q ? searchProtocolIds(authority.id, query.filters.q) : null,
  })
  const { selected, notice, expiring, needsReview, noUsableTerm, expired, ...summary } = dashboard
  // Each list is sent a page at a time: a county's registry can have hundreds of protocols to
  // review, and the list of every selected protocol is shown only for a filtered view (without
  // filters it would be the whole registry).
  const rows: Record<DashboardList, DashboardRow[]> = {
    selected: activeFilterCount(query.filters) > 0 ? selected : [],
    notice,
    expiring,
    review: needsReview,
    noTerm: noUsableTerm,
    expired: expired.recent,
  }
  const lists = {} as Record<DashboardList, ListPage<ListRow>>
  for (const list of DASHBOARD_LISTS) {
    const page = pageOf(rows[list], query.pages[list])
    lists[list] = { ...page, rows: page.rows.map((row) => listRow(row, query.asOf)) }
  }
  return {
    authority: { slug: authority.slug, name: authority.name },
    today,
    defaultNoticeDays: settings.noticeWarningDays,
    query,
    staff,
    dashboard: { ...summary, expiredOlderCount: expired.olderCount },
    lists,
    canManage: can(actor, 'protocol.manage', resource),
  }
}

/** What a list's row shows, and nothing more: the whole row would weigh on every page's data. */
function listRow(row: DashboardRow, asOf: string) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    partners: row.partners,
    status: row.status,
    noticeDeadline: row.noticeDeadline,
    renewsOn: row.renewsOn,
    end: row.end,
    endingReason: row.endingReason,
    flagged: row.flagged,
    flagReasons: row.flagReasons,
    reviewDueSince: row.reviewDueSince,
    validityText: row.validityText,
    keyDate: keyDate(row, asOf),
  }
}
type ListRow = ReturnType<typeof listRow>

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Params = Record<string, string | null>

/** The page's parameters that differ from their defaults, so that links keep them. */
function currentParams(data: Data): Params {
  const { query } = data
  return {
    asOf: query.asOf !== data.today ? query.asOf : null,
    notice: query.noticeDays !== data.defaultNoticeDays ? String(query.noticeDays) : null,
    within: query.expiryWindow !== EXPIRY_WINDOWS[0] ? String(query.expiryWindow) : null,
    partner: query.filters.partner || null,
    kind: query.filters.kind,
    responsible: query.filters.responsible,
    status: query.filters.status,
    q: query.filters.q || null,
    ...pageParams(data),
  }
}

/** The page of each list when it is not the first. */
function pageParams(data: Data): Params {
  const params: Params = {}
  for (const list of DASHBOARD_LISTS) {
    const page = data.lists[list].page
    params[pageParam(list)] = page > 1 ? String(page) : null
  }
  return params
}

/** A change of filters, of date or of window starts every list at its first page. */
const FIRST_PAGES: Params = Object.fromEntries(DASHBOARD_LISTS.map((list) => [pageParam(list), null]))

/** Every filter cleared (and so every list on its first page); the date and the windows stay. */
const WITHOUT_FILTERS: Params = { ...FIRST_PAGES, partner: null, kind: null, responsible: null, status: null, q: null }

/** The id of a list's section on the page (its address fragment). */
const SECTION_ID: Record<DashboardList, string> = {
  selected: 'selected',
  notice: 'notice',
  expiring: 'expiring',
  review: 'review',
  noTerm: 'no-term',
  expired: 'expired',
}

function hrefWith(base: string, params: Params, changes: Params = {}, hash = '') {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value) search.set(key, value)
  const qs = search.toString()
  return `${base}${qs ? `?${qs}` : ''}${hash}`
}

/** "in 5 days" / "5 days ago" / "on the day", counted from the date of the situation. */
function useRelative(asOf: string) {
  const { t } = useTranslation()
  return (date: string | null) => {
    if (!date) return null
    const days = daysBetween(asOf, date)
    if (days === 0) return t('protocolDashboard.onTheDay')
    return days > 0 ? t('protocolDashboard.inDays', { count: days }) : t('protocolDashboard.daysAgo', { count: -days })
  }
}

export default function ProtocolDashboard() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const location = useLocation()
  const { authority, dashboard, lists, query, today, canManage } = data
  const base = `/a/${authority.slug}/staff/protocols`
  const params = currentParams(data)
  const activeFilters = activeFilterCount(query.filters)

  const addLinks = canManage ? (
    <div className="actions">
      <Link to={`${base}/new`} className="button">
        {t('protocolDashboard.add')}
      </Link>
      <Link to={`${base}/import`} className="button secondary">
        {t('protocolDashboard.import')}
      </Link>
    </div>
  ) : null

  if (dashboard.total === 0) {
    return (
      <>
        <h1>{t('protocolDashboard.title')}</h1>
        <section aria-labelledby="registry-empty" className="dash-empty">
          <h2 id="registry-empty">{t('protocolDashboard.empty.title')}</h2>
          <p>{t('protocolDashboard.empty.what')}</p>
          <p>{t('protocolDashboard.empty.why')}</p>
          <p>{t(canManage ? 'protocolDashboard.empty.manage' : 'protocolDashboard.empty.view')}</p>
          {addLinks}
        </section>
      </>
    )
  }

  const sections = [
    ...(activeFilters > 0
      ? [{ id: 'selected', title: t('protocolDashboard.selected.title'), count: lists.selected.total }]
      : []),
    {
      id: 'notice',
      title: t('protocolDashboard.notice.title', { count: query.noticeDays }),
      count: lists.notice.total,
    },
    {
      id: 'expiring',
      title: t('protocolDashboard.expiring.title', { count: query.expiryWindow }),
      count: lists.expiring.total,
    },
    { id: 'review', title: t('protocolDashboard.needsReview.title'), count: lists.review.total },
    { id: 'no-term', title: t('protocolDashboard.noUsableTerm.title'), count: lists.noTerm.total },
    { id: 'expired', title: t('protocolDashboard.expired.title'), count: lists.expired.total },
  ]
  const pageHref = (list: DashboardList) => (page: number) =>
    hrefWith(base, params, { [pageParam(list)]: page > 1 ? String(page) : null }, `#${SECTION_ID[list]}`)
  const titleOf = (id: string) => {
    const s = sections.find((x) => x.id === id)!
    return `${s.title} (${s.count})`
  }

  return (
    <>
      <div className="dash-head">
        <div>
          <h1>{t('protocolDashboard.title')}</h1>
          <p className="dash-asof">
            {query.asOf === today
              ? t('protocolDashboard.asOfToday', { date: formatDate(today) })
              : t('protocolDashboard.asOf', { date: formatDate(query.asOf) })}
          </p>
        </div>
        {addLinks}
      </div>
      <p className="lead">{t('protocolDashboard.lead')}</p>

      {query.rejectedAsOf !== null ? (
        <div className="notice warn">
          <p>{t('protocolDashboard.invalidAsOf', { value: query.rejectedAsOf })}</p>
        </div>
      ) : null}
      {query.rejectedNotice !== null ? (
        <div className="notice warn">
          <p>{t('protocolDashboard.invalidNotice', { value: query.rejectedNotice, count: query.noticeDays })}</p>
        </div>
      ) : null}
      {query.asOf !== today ? (
        <div className="notice">
          <p>
            {t('protocolDashboard.lookingAhead', { date: formatDate(query.asOf), today: formatDate(today) })}{' '}
            <Link to={hrefWith(base, params, { ...FIRST_PAGES, asOf: null })}>
              {t('protocolDashboard.backToToday')}
            </Link>
          </p>
        </div>
      ) : null}

      <Filters key={location.search} data={data} base={base} params={params} activeFilters={activeFilters} />

      <section aria-labelledby="status-counts" className="dash-counts">
        <h2 id="status-counts">{t('protocolDashboard.counts.title')}</h2>
        <ul className="status-counts">
          <li>
            <Link
              to={hrefWith(base, params, { ...FIRST_PAGES, status: null })}
              aria-current={query.filters.status === null ? 'true' : undefined}
            >
              <span className="status-count">
                {PROTOCOL_STATUSES.reduce((sum, s) => sum + dashboard.statusCounts[s], 0)}
              </span>{' '}
              <span className="badge">{t('protocolDashboard.counts.all')}</span>
            </Link>
          </li>
          {PROTOCOL_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={hrefWith(base, params, { ...FIRST_PAGES, status })}
                aria-current={query.filters.status === status ? 'true' : undefined}
              >
                <span className="status-count">{dashboard.statusCounts[status]}</span> <StatusBadge status={status} />
              </Link>
            </li>
          ))}
        </ul>
        {activeFilters > 0 ? (
          <p>
            {t('protocolDashboard.counts.matching', { count: dashboard.matching, total: dashboard.total })}{' '}
            <Link to={hrefWith(base, params, WITHOUT_FILTERS)}>{t('protocolDashboard.filters.reset')}</Link>
          </p>
        ) : null}
      </section>

      {dashboard.matching === 0 ? (
        <div className="notice warn">
          <p>{t('protocolDashboard.noMatch')}</p>
        </div>
      ) : null}

      <nav aria-label={t('protocolDashboard.onThisPage')} className="dash-jump">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>
                {s.title} <span className="jump-count">{s.count}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="#timeline">{t('protocolDashboard.chart.title')}</a>
          </li>
        </ul>
      </nav>

      {activeFilters > 0 ? (
        <DashboardSection id="selected" title={titleOf('selected')} intro={t('protocolDashboard.selected.intro')}>
          <RowsTable
            list={lists.selected}
            pageHref={pageHref('selected')}
            slug={authority.slug}
            caption={titleOf('selected')}
            none={t('protocolDashboard.noMatch')}
            dateHeader={t('protocolDashboard.selected.keyDate')}
            dateCell={(row) => <KeyDateCell row={row} asOf={query.asOf} />}
          />
        </DashboardSection>
      ) : null}

      <DashboardSection id="notice" title={titleOf('notice')} intro={t('protocolDashboard.notice.intro')}>
        <RowsTable
          list={lists.notice}
          pageHref={pageHref('notice')}
          slug={authority.slug}
          caption={titleOf('notice')}
          none={t('protocolDashboard.notice.none')}
          dateHeader={t('protocolDashboard.columns.deadline')}
          dateCell={(row) => <NoticeCell row={row} asOf={query.asOf} />}
        />
      </DashboardSection>

      <DashboardSection id="expiring" title={titleOf('expiring')} intro={t('protocolDashboard.expiring.intro')}>
        <nav aria-label={t('protocolDashboard.expiring.window')} className="window-choice">
          <span aria-hidden="true">{t('protocolDashboard.expiring.window')}:</span>
          <ul>
            {EXPIRY_WINDOWS.map((w) => (
              <li key={w}>
                <Link
                  to={hrefWith(
                    base,
                    params,
                    { within: w === EXPIRY_WINDOWS[0] ? null : String(w), [pageParam('expiring')]: null },
                    '#expiring',
                  )}
                  aria-current={query.expiryWindow === w ? 'true' : undefined}
                  preventScrollReset
                >
                  {t('protocolDashboard.expiring.windowOption', { count: w })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <RowsTable
          list={lists.expiring}
          pageHref={pageHref('expiring')}
          slug={authority.slug}
          caption={titleOf('expiring')}
          none={t('protocolDashboard.expiring.none')}
          dateHeader={t('protocolDashboard.columns.ends')}
          dateCell={(row) => <EndCell row={row} asOf={query.asOf} />}
        />
      </DashboardSection>

      <DashboardSection id="review" title={titleOf('review')} intro={t('protocolDashboard.needsReview.intro')}>
        <RowsTable
          list={lists.review}
          pageHref={pageHref('review')}
          slug={authority.slug}
          caption={titleOf('review')}
          none={t('protocolDashboard.needsReview.none')}
          dateHeader={t('protocolDashboard.columns.reasons')}
          dateCell={(row) => <ReasonsCell row={row} />}
        />
      </DashboardSection>

      <DashboardSection id="no-term" title={titleOf('no-term')} intro={t('protocolDashboard.noUsableTerm.intro')}>
        <RowsTable
          list={lists.noTerm}
          pageHref={pageHref('noTerm')}
          slug={authority.slug}
          caption={titleOf('no-term')}
          none={t('protocolDashboard.noUsableTerm.none')}
          dateHeader={t('protocolDashboard.columns.validity')}
          dateCell={(row) => <ValidityCell row={row} />}
        />
      </DashboardSection>

      <DashboardSection id="expired" title={titleOf('expired')} intro={t('protocolDashboard.expired.intro')}>
        <RowsTable
          list={lists.expired}
          pageHref={pageHref('expired')}
          slug={authority.slug}
          caption={titleOf('expired')}
          none={t('protocolDashboard.expired.none')}
          dateHeader={t('protocolDashboard.columns.ended')}
          dateCell={(row) => <EndedCell row={row} asOf={query.asOf} />}
        />
        {dashboard.expiredOlderCount > 0 ? (
          <p className="muted">{t('protocolDashboard.expired.older', { count: dashboard.expiredOlderCount })}</p>
        ) : null}
      </DashboardSection>

      <TimelineSection timeline={dashboard.timeline} slug={authority.slug} today={today} />
    </>
  )
}

function Filters(props: { data: Data; base: string; params: Params; activeFilters: number }) {
  const { t } = useTranslation()
  const { query, staff, today } = props.data
  const { filters } = query
  const open = props.activeFilters > 0 || query.asOf !== today || query.noticeDays !== props.data.defaultNoticeDays
  return (
    <details className="dash-filters" open={open}>
      <summary>
        {t('protocolDashboard.filters.title')}
        {props.activeFilters > 0 ? ` (${t('protocolDashboard.filters.active', { count: props.activeFilters })})` : null}
      </summary>
      <Form method="get" action={props.base} className="filter-grid">
        <div className="field">
          <label htmlFor="f-asOf">{t('protocolDashboard.filters.asOf')}</label>
          <input id="f-asOf" type="date" name="asOf" defaultValue={query.asOf} aria-describedby="f-asOf-hint" />
          <p id="f-asOf-hint" className="hint">
            {t('protocolDashboard.filters.asOfHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-notice">{t('protocolDashboard.filters.notice')}</label>
          <input
            id="f-notice"
            type="number"
            name="notice"
            min={1}
            max={365}
            step={1}
            inputMode="numeric"
            defaultValue={query.noticeDays}
          />
        </div>
        <div className="field">
          <label htmlFor="f-partner">{t('protocolDashboard.filters.partner')}</label>
          <input
            id="f-partner"
            type="text"
            name="partner"
            defaultValue={filters.partner}
            aria-describedby="f-partner-hint"
          />
          <p id="f-partner-hint" className="hint">
            {t('protocolDashboard.filters.partnerHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t('protocolDashboard.filters.q')}</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} aria-describedby="f-q-hint" />
          <p id="f-q-hint" className="hint">
            {t('protocolDashboard.filters.qHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('protocolDashboard.filters.kind')}</label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('protocolDashboard.filters.anyKind')}</option>
            {PROTOCOL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`protocolKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-responsible">{t('protocolDashboard.filters.responsible')}</label>
          <select id="f-responsible" name="responsible" defaultValue={filters.responsible ?? ''}>
            <option value="">{t('protocolDashboard.filters.anyone')}</option>
            <option value="none">{t('protocolDashboard.filters.nobody')}</option>
            {staff.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('protocolDashboard.filters.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('protocolDashboard.filters.anyStatus')}</option>
            {PROTOCOL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`protocolStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {props.params.within ? <input type="hidden" name="within" value={props.params.within} /> : null}
        <div className="actions filter-actions">
          <button type="submit" className="button">
            {t('protocolDashboard.filters.apply')}
          </button>
          {props.activeFilters > 0 ? (
            <Link to={hrefWith(props.base, props.params, WITHOUT_FILTERS)}>{t('protocolDashboard.filters.reset')}</Link>
          ) : null}
        </div>
      </Form>
    </details>
  )
}

function DashboardSection(props: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-title`} className="dash-section">
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p className="muted">{props.intro}</p>
      {props.children}
    </section>
  )
}

function Partners({ names }: { names: string[] }) {
  const { t } = useTranslation()
  if (names.length === 0) return <span className="muted">{t('protocolDashboard.noPartners')}</span>
  return <>{names.join('; ')}</>
}

function RowsTable(props: {
  list: ListPage<ListRow>
  pageHref: (page: number) => string
  slug: string
  caption: string
  none: string
  dateHeader: string
  dateCell: (row: ListRow) => ReactNode
}) {
  const { t } = useTranslation()
  const { list } = props
  if (list.total === 0) return <p className="dash-none">{props.none}</p>
  const col = (key: string) => t(`protocolDashboard.columns.${key}`)
  return (
    <>
      <div className="table-wrap">
        <table className="dash-table">
          <caption className="visually-hidden">
            {list.pageCount > 1
              ? t('protocolDashboard.pager.caption', {
                  title: props.caption,
                  first: list.first,
                  last: list.last,
                  total: list.total,
                })
              : props.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{col('title')}</th>
              <th scope="col">{col('kind')}</th>
              <th scope="col">{col('partners')}</th>
              <th scope="col">{col('status')}</th>
              <th scope="col">{props.dateHeader}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/a/${props.slug}/staff/protocols/${row.id}`}>{row.title}</Link>
                </th>
                <td data-label={col('kind')}>{t(`protocolKinds.${row.kind}`)}</td>
                <td data-label={col('partners')}>
                  <Partners names={row.partners} />
                </td>
                <td data-label={col('status')}>
                  <StatusBadge status={row.status} />
                </td>
                <td data-label={props.dateHeader} className="dash-date">
                  {props.dateCell(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListPager list={list} href={props.pageHref} title={props.caption} />
    </>
  )
}

/** Previous, the pages, next: links that keep every other choice of the page. */
function ListPager(props: { list: ListPage<ListRow>; href: (page: number) => string; title: string }) {
  const { t } = useTranslation()
  const { page, pageCount } = props.list
  if (pageCount <= 1) return null
  return (
    <nav className="dash-pager" aria-label={t('protocolDashboard.pager.label', { title: props.title })}>
      <p className="dash-pager-position">
        {t('protocolDashboard.pager.position', {
          first: props.list.first,
          last: props.list.last,
          total: props.list.total,
        })}
      </p>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={props.href(page - 1)} rel="prev" preventScrollReset>
              {t('protocolDashboard.pager.previous')}
            </Link>
          </li>
        ) : null}
        {pageNumbers(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={props.href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('protocolDashboard.pager.page', { page: n })}
                preventScrollReset
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={props.href(page + 1)} rel="next" preventScrollReset>
              {t('protocolDashboard.pager.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

function NoticeCell({ row, asOf }: { row: ListRow; asOf: string }) {
  const { t } = useTranslation()
  const relative = useRelative(asOf)
  return (
    <>
      <strong>
        <DateText date={row.noticeDeadline} />
      </strong>{' '}
      <span className="muted">({relative(row.noticeDeadline)})</span>
      <span className="dash-note">
        {t('protocolDashboard.notice.renewsUnless', {
          renewsOn: formatDate(row.renewsOn ?? ''),
          deadline: formatDate(row.noticeDeadline ?? ''),
        })}
      </span>
    </>
  )
}

function EndCell({ row, asOf }: { row: ListRow; asOf: string }) {
  const { t } = useTranslation()
  const relative = useRelative(asOf)
  return (
    <>
      <strong>
        <DateText date={row.end} />
      </strong>{' '}
      <span className="muted">({relative(row.end)})</span>
      {row.endingReason ? (
        <span className="dash-note">{t(`protocolDashboard.expiring.reasons.${row.endingReason}`)}</span>
      ) : null}
    </>
  )
}

function KeyDateCell({ row, asOf }: { row: ListRow; asOf: string }) {
  const { t } = useTranslation()
  const relative = useRelative(asOf)
  const key = row.keyDate
  if (!key) return <span className="muted">{t('protocolDashboard.keyDates.none')}</span>
  return (
    <>
      {t(`protocolDashboard.keyDates.${key.kind}`, { date: formatDate(key.date) })}{' '}
      <span className="muted">({relative(key.date)})</span>
    </>
  )
}

function EndedCell({ row, asOf }: { row: ListRow; asOf: string }) {
  const relative = useRelative(asOf)
  return (
    <>
      <DateText date={row.end} /> <span className="muted">({relative(row.end)})</span>
    </>
  )
}

function problemLabel(t: (key: string) => string, code: string) {
  const known = [
    'invalid_date',
    'missing_start',
    'missing_end',
    'no_term',
    'ambiguous_term',
    'unknown_base',
    'unknown_kind',
    'missing_parties',
    'csv_column',
  ]
  return t(`protocolDashboard.problems.${known.includes(code) ? code : 'other'}`)
}

function Problems({ row }: { row: ListRow }) {
  const { t } = useTranslation()
  if (row.flagReasons.length === 0) return null
  return (
    <ul className="dash-reasons">
      {row.flagReasons.map((r, i) => (
        <li key={`${r.code}-${i}`}>
          {problemLabel(t, r.code)}
          {problemDetail(r.message) ? <span className="muted">: {problemDetail(r.message)}</span> : null}
        </li>
      ))}
    </ul>
  )
}

function ReasonsCell({ row }: { row: ListRow }) {
  const { t } = useTranslation()
  return (
    <>
      {row.flagged && row.flagReasons.length === 0 ? <p>{t('protocolDashboard.needsReview.flagged')}</p> : null}
      <Problems row={row} />
      {row.reviewDueSince ? (
        <p>{t('protocolDashboard.needsReview.reviewDue', { date: formatDate(row.reviewDueSince) })}</p>
      ) : null}
    </>
  )
}

function ValidityCell({ row }: { row: ListRow }) {
  const { t } = useTranslation()
  return (
    <>
      {row.validityText ? (
        <q>{row.validityText}</q>
      ) : (
        <span className="muted">{t('protocolDashboard.noUsableTerm.noText')}</span>
      )}
      <Problems row={row} />
    </>
  )
}

// ---------------------------------------------------------------- the timeline

const PX_PER_MONTH = 23
const PLOT_WIDTH = PX_PER_MONTH * 36
const PAD_LEFT = 8
const PAD_RIGHT = 16
const AXIS_HEIGHT = 52
const ROW_HEIGHT = 36
const BAR_HEIGHT = 14
const SVG_WIDTH = PAD_LEFT + PLOT_WIDTH + PAD_RIGHT

/** Coordinates to a tenth of a pixel: finer than any screen draws, and longer numbers only weigh. */
const px = (n: number) => Math.round(n * 10) / 10

type Tone = 'ok' | 'warn' | 'danger' | 'neutral'
const TONES: Tone[] = ['ok', 'warn', 'danger', 'neutral']
const TONE: Record<ProtocolStatus, Tone> = {
  upcoming: 'neutral',
  active: 'ok',
  renewed: 'ok',
  expiring: 'warn',
  in_notice_window: 'danger',
  expired: 'neutral',
  terminated: 'neutral',
  needs_review: 'warn',
}

function TimelineSection({ timeline, slug, today }: { timeline: Timeline; slug: string; today: string }) {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  const labels = useRef<HTMLOListElement>(null)
  const x = (date: string) => px(PAD_LEFT + Math.min(1, Math.max(0, timelinePosition(timeline, date))) * PLOT_WIDTH)
  const asOfX = x(timeline.asOf)

  // On a narrow screen, start with the date of the situation in view rather than a year ago.
  useEffect(() => {
    const el = scroller.current
    if (!el || el.scrollWidth <= el.clientWidth) return
    const labelWidth = labels.current?.offsetWidth ?? 0
    el.scrollLeft = Math.max(0, asOfX - (el.clientWidth - labelWidth) / 4)
  }, [asOfX])

  const range = { from: formatDate(timeline.from), to: formatDate(timeline.to) }
  const height = AXIS_HEIGHT + timeline.rows.length * ROW_HEIGHT + 4
  const asOfLabel = timeline.asOf === today ? t('protocolDashboard.chart.today') : formatDate(timeline.asOf)

  return (
    <section id="timeline" aria-labelledby="timeline-title" className="dash-section">
      <h2 id="timeline-title">{t('protocolDashboard.chart.title')}</h2>
      <p className="muted">{t('protocolDashboard.chart.intro', range)}</p>
      {timeline.rows.length === 0 ? (
        <p className="dash-none">{t('protocolDashboard.chart.none')}</p>
      ) : (
        <>
          <p className="muted tl-scroll-hint">{t('protocolDashboard.chart.scrollHint')}</p>
          <div
            ref={scroller}
            className="tl-scroll"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
            role="group"
            aria-label={t('protocolDashboard.chart.scrollLabel')}
          >
            <div className="tl-grid">
              <ol ref={labels} className="tl-labels" aria-label={t('protocolDashboard.chart.rowsLabel')}>
                {timeline.rows.map((row) => (
                  <li key={row.id}>
                    <Link to={`/a/${slug}/staff/protocols/${row.id}`}>{row.title}</Link>
                  </li>
                ))}
              </ol>
              <svg
                className="tl-chart"
                width={SVG_WIDTH}
                height={height}
                viewBox={`0 0 ${SVG_WIDTH} ${height}`}
                role="img"
                aria-label={t('protocolDashboard.chart.summary', {
                  count: timeline.rows.length,
                  ...range,
                  asOf: formatDate(timeline.asOf),
                })}
              >
                <defs>
                  {TONES.map((tone) => (
                    <linearGradient key={tone} id={`tl-fade-${tone}`} x1="0" x2="1" y1="0" y2="0">
                      <stop offset="0" className={`tl-stop tone-${tone}`} stopOpacity="0.55" />
                      <stop offset="0.6" className={`tl-stop tone-${tone}`} stopOpacity="0.3" />
                      <stop offset="1" className={`tl-stop tone-${tone}`} stopOpacity="0" />
                    </linearGradient>
                  ))}
                </defs>
                {timeline.rows.map((row, i) =>
                  i % 2 === 1 ? (
                    <rect
                      key={`zebra-${row.id}`}
                      className="tl-zebra"
                      x={0}
                      y={AXIS_HEIGHT + i * ROW_HEIGHT}
                      width={SVG_WIDTH}
                      height={ROW_HEIGHT}
                    />
                  ) : null,
                )}
                <Axis timeline={timeline} x={x} height={height} />
                {timeline.rows.map((row, i) => (
                  <TimelineBars key={row.id} row={row} y={AXIS_HEIGHT + i * ROW_HEIGHT} x={x} timeline={timeline} />
                ))}
                <line className="tl-asof" x1={asOfX} x2={asOfX} y1={12} y2={height} />
                <text className="tl-asof-label" x={asOfX} y={10} textAnchor="middle">
                  {asOfLabel}
                </text>
              </svg>
            </div>
          </div>
          <Legend />
          {timeline.hiddenCount > 0 ? (
            <p>{t('protocolDashboard.chart.hidden', { count: timeline.hiddenCount, max: TIMELINE_MAX_ROWS })}</p>
          ) : null}
          {timeline.notDrawnCount > 0 ? (
            <p className="muted">{t('protocolDashboard.chart.notDrawn', { count: timeline.notDrawnCount })}</p>
          ) : null}
          <TimelineTable rows={timeline.rows} slug={slug} />
        </>
      )}
    </section>
  )
}

function Axis({ timeline, x, height }: { timeline: Timeline; x: (date: string) => number; height: number }) {
  const { t } = useTranslation()
  return (
    <g className="tl-axis">
      {timeline.ticks.map((tick, i) => {
        const tx = x(tick.date)
        // The first tick names its year too, unless the next January is too close for both labels.
        const newYear = (tick.month === 1 || (i === 0 && tick.month <= 10)) && tx + 32 <= SVG_WIDTH
        const monthFits = tx + PX_PER_MONTH <= PAD_LEFT + PLOT_WIDTH + 2
        return (
          <g key={tick.date}>
            <line
              className={tick.month === 1 ? 'tl-grid-year' : 'tl-grid-month'}
              x1={tx}
              x2={tx}
              y1={tick.month === 1 ? 18 : AXIS_HEIGHT - 14}
              y2={height}
            />
            {newYear ? (
              <text className="tl-year" x={px(tx + 3)} y={30}>
                {tick.year}
              </text>
            ) : null}
            {monthFits ? (
              <text className="tl-month" x={px(tx + PX_PER_MONTH / 2)} y={AXIS_HEIGHT - 4} textAnchor="middle">
                {t(`protocolDashboard.chart.months.m${tick.month}`)}
              </text>
            ) : null}
          </g>
        )
      })}
      <line className="tl-baseline" x1={PAD_LEFT} x2={PAD_LEFT + PLOT_WIDTH} y1={AXIS_HEIGHT} y2={AXIS_HEIGHT} />
    </g>
  )
}

function TimelineBars(props: { row: TimelineRow; y: number; x: (date: string) => number; timeline: Timeline }) {
  const { row, y, x, timeline } = props
  const tone = TONE[row.status]
  const top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2
  const mid = y + ROW_HEIGHT / 2
  const right = PAD_LEFT + PLOT_WIDTH
  const inside = (date: string | null): date is string => date !== null && date >= timeline.from && date <= timeline.to
  // A bar covers whole days: from the start of its first day to the end of its last.
  const x1 = x(row.start)
  const x2 = row.end ? x(addDays(row.end, 1)) : right
  return (
    <g>
      {row.end ? (
        <rect
          className={`tl-bar tone-${tone}`}
          x={x1}
          y={top}
          width={px(Math.max(2, x2 - x1))}
          height={BAR_HEIGHT}
          rx={2}
        />
      ) : (
        <>
          <rect x={x1} y={top} width={px(Math.max(2, right - x1))} height={BAR_HEIGHT} fill={`url(#tl-fade-${tone})`} />
          <line className={`tl-open-start tone-${tone}`} x1={x1} x2={x1} y1={top} y2={top + BAR_HEIGHT} />
        </>
      )}
      {row.next && row.next.start <= timeline.to ? (
        <rect
          className={`tl-next tone-${tone}`}
          x={x(row.next.start)}
          y={top + 1}
          width={px(Math.max(2, x(addDays(row.next.end, 1)) - x(row.next.start)))}
          height={BAR_HEIGHT - 2}
          rx={2}
        />
      ) : null}
      {inside(row.nextReview) ? <ReviewMarker cx={x(row.nextReview)} cy={mid} /> : null}
      {inside(row.end) ? <EndMarker cx={x(addDays(row.end, 1))} cy={mid} /> : null}
      {inside(row.noticeDeadline) ? <NoticeMarker cx={x(addDays(row.noticeDeadline, 1))} top={top} /> : null}
    </g>
  )
}

/** End of validity: a dark square on the bar's end. */
function EndMarker({ cx, cy }: { cx: number; cy: number }) {
  return <rect className="tl-end" x={px(cx - 4.5)} y={px(cy - 4.5)} width={9} height={9} />
}

/** Notice deadline: a red triangle above the bar, pointing down at the last day to give notice. */
function NoticeMarker({ cx, top }: { cx: number; top: number }) {
  return <path className="tl-notice" d={`M ${px(cx - 6)} ${top - 9} L ${px(cx + 6)} ${top - 9} L ${cx} ${top + 2} Z`} />
}

/** Next review: a hollow circle on the bar. */
function ReviewMarker({ cx, cy }: { cx: number; cy: number }) {
  return <circle className="tl-review" cx={cx} cy={cy} r={5} />
}

function Legend() {
  const { t } = useTranslation()
  const item = (key: string, swatch: ReactNode) => (
    <li>
      <svg width={30} height={20} viewBox="0 0 30 20" aria-hidden="true" focusable="false">
        {swatch}
      </svg>
      {t(`protocolDashboard.chart.legend.${key}`)}
    </li>
  )
  return (
    <div className="tl-legend">
      <h3>{t('protocolDashboard.chart.legend.title')}</h3>
      <ul>
        {item('current', <rect className="tl-bar tone-ok" x={1} y={4} width={28} height={12} rx={2} />)}
        {item('next', <rect className="tl-next tone-ok" x={1} y={5} width={28} height={10} rx={2} />)}
        {item('open', <rect x={1} y={4} width={28} height={12} fill="url(#tl-fade-ok)" />)}
        {item('asOf', <line className="tl-asof" x1={15} x2={15} y1={0} y2={20} />)}
        {item('end', <EndMarker cx={15} cy={10} />)}
        {item('notice', <NoticeMarker cx={15} top={12} />)}
        {item('review', <ReviewMarker cx={15} cy={10} />)}
      </ul>
    </div>
  )
}

function TimelineTable({ rows, slug }: { rows: TimelineRow[]; slug: string }) {
  const { t } = useTranslation()
  const col = (key: string) => t(`protocolDashboard.columns.${key}`)
  return (
    <details className="tl-table">
      <summary>{t('protocolDashboard.chart.table')}</summary>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('protocolDashboard.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{col('title')}</th>
              <th scope="col">{col('status')}</th>
              <th scope="col">{col('start')}</th>
              <th scope="col">{col('end')}</th>
              <th scope="col">{col('deadline')}</th>
              <th scope="col">{col('renewsOn')}</th>
              <th scope="col">{col('nextReview')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/a/${slug}/staff/protocols/${row.id}`}>{row.title}</Link>
                </th>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>
                  <DateText date={row.start} />
                </td>
                <td>{row.end ? <DateText date={row.end} /> : t('protocolDashboard.chart.openEnd')}</td>
                <td>
                  <DateText date={row.noticeDeadline} />
                </td>
                <td>
                  <DateText date={row.next?.start} />
                </td>
                <td>
                  <DateText date={row.nextReview} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
