import { describe, expect, it } from 'vitest'
import {
  activeFilterCount,
  buildDashboard,
  dashboardRow,
  foldText,
  keyDate,
  monthTicks,
  NO_FILTERS,
  pageNumbers,
  pageOf,
  readDashboardQuery,
  timelinePosition,
  type DashboardFilters,
  type DashboardInput,
  type DashboardOptions,
} from '~/domain/protocol-dashboard'
import { DEFAULT_PROTOCOL_SETTINGS, type ProtocolFacts } from '~/domain/protocol-term'
import type { ProtocolKind, Term } from '~/domain/protocol-types'

const AS_OF = '2026-03-10'

const term = (t: Partial<Term> & Pick<Term, 'type'>): Term => ({
  start: null,
  end: null,
  renewalPeriod: null,
  extension: null,
  noticePeriod: null,
  condition: null,
  ...t,
})

let seq = 0
function protocol(
  title: string,
  t: Term,
  extra: {
    facts?: Partial<ProtocolFacts>
    kind?: ProtocolKind
    partners?: string[]
    responsibleUserId?: string | null
    parentId?: string | null
    flagReasons?: Array<{ code: string; message: string }> | null
    validityText?: string | null
  } = {},
): DashboardInput {
  seq += 1
  return {
    protocol: {
      id: `p${seq}`,
      parentId: extra.parentId ?? null,
      kind: extra.kind ?? 'protocol',
      title,
      responsibleUserId: extra.responsibleUserId ?? null,
      flagReasons: extra.flagReasons ?? null,
    },
    parties: [
      { name: 'Comuna Pângărați', isAuthority: true },
      ...(extra.partners ?? ['Asociația Sf. Ștefan']).map((name) => ({ name, isAuthority: false })),
    ],
    term: { validityText: extra.validityText ?? null },
    facts: {
      term: t,
      ending: null,
      renewalConfirmedFor: null,
      lastReviewedOn: null,
      flagged: false,
      ...extra.facts,
    },
  }
}

function build(
  inputs: DashboardInput[],
  options: Partial<DashboardOptions> = {},
  filters: Partial<DashboardFilters> = {},
) {
  return buildDashboard(inputs, {
    asOf: AS_OF,
    settings: DEFAULT_PROTOCOL_SETTINGS,
    noticeDays: 30,
    expiryWindow: 30,
    filters: { ...NO_FILTERS, ...filters },
    searchMatches: null,
    ...options,
  })
}

const dashboardRowAt = (input: DashboardInput, asOf: string) => dashboardRow(input, asOf, DEFAULT_PROTOCOL_SETTINGS)

const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title)

// A small registry on 10.03.2026.
const fixedSoon = protocol('Fix, expiră pe 31.03', term({ type: 'fixed', start: '2024-04-01', end: '2026-03-31' }))
const fixedLater = protocol('Fix, expiră pe 30.04', term({ type: 'fixed', start: '2024-05-01', end: '2026-04-30' }), {
  kind: 'partnership_agreement',
  partners: ['Fundația Speranța', 'Crucea Roșie Neamț'],
})
const autoInWindow = protocol(
  'Automat, denunțare până la 30.03',
  // Yearly periods ending 30.04; one month's notice: deadline 30.04 − 1 month = 30.03.2026.
  term({ type: 'auto_renewing', start: '2023-05-01', end: '2024-04-30', renewalPeriod: 'P1Y', noticePeriod: 'P1M' }),
  { responsibleUserId: 'u-legal' },
)
const autoLater = protocol(
  'Automat, denunțare până la 30.06',
  term({ type: 'auto_renewing', start: '2020-08-01', end: '2021-07-31', renewalPeriod: 'P1Y', noticePeriod: 'P1M' }),
)
const openOverdue = protocol('Nedeterminat, verificare depășită', term({ type: 'open_ended', start: '2025-01-15' }))
const unknown = protocol('Durată necunoscută', term({ type: 'unknown' }), {
  facts: { flagged: true },
  flagReasons: [{ code: 'no_term', message: 'The validity of the protocol is not known.' }],
  validityText: 'conform legii',
})
const expiredRecently = protocol('Expirat pe 31.01', term({ type: 'fixed', start: '2025-02-01', end: '2026-01-31' }))
const expiredLongAgo = protocol('Expirat în 2024', term({ type: 'fixed', start: '2023-01-01', end: '2024-12-31' }))
const terminated = protocol('Denunțat', term({ type: 'open_ended', start: '2022-01-01' }), {
  facts: { ending: { kind: 'terminate', effectiveOn: '2026-02-15' }, lastReviewedOn: '2026-01-10' },
})
const addendum = protocol('Act adițional la fix', term({ type: 'fixed', start: '2025-01-01', end: '2026-03-31' }), {
  kind: 'addendum',
  parentId: fixedSoon.protocol.id,
})

const registry = [
  fixedSoon,
  fixedLater,
  autoInWindow,
  autoLater,
  openOverdue,
  unknown,
  expiredRecently,
  expiredLongAgo,
  terminated,
  addendum,
]

describe('readDashboardQuery', () => {
  const context = { today: '2026-03-10', noticeWarningDays: 45, staffIds: ['u1', 'u2'] }
  const read = (qs: string) => readDashboardQuery(new URLSearchParams(qs), context)

  it('defaults to today, the authority’s notice warning and 30 days', () => {
    const q = read('')
    expect(q).toMatchObject({ asOf: '2026-03-10', rejectedAsOf: null, noticeDays: 45, expiryWindow: 30 })
    expect(q.filters).toEqual(NO_FILTERS)
  })

  it('takes a valid asOf date and rejects one that does not exist', () => {
    expect(read('asOf=2026-06-30').asOf).toBe('2026-06-30')
    const bad = read('asOf=2026-04-31')
    expect(bad.asOf).toBe('2026-03-10')
    expect(bad.rejectedAsOf).toBe('2026-04-31')
    expect(read('asOf=30.06.2026').rejectedAsOf).toBe('30.06.2026')
  })

  it('accepts notice days from 1 to 365 and only the 30/60/90 windows', () => {
    expect(read('notice=60').noticeDays).toBe(60)
    expect(read('notice=0')).toMatchObject({ noticeDays: 45, rejectedNotice: '0' })
    expect(read('notice=abc')).toMatchObject({ noticeDays: 45, rejectedNotice: 'abc' })
    expect(read('within=90').expiryWindow).toBe(90)
    expect(read('within=45').expiryWindow).toBe(30)
  })

  it('keeps only known kinds, statuses and staff members', () => {
    const q = read('kind=memorandum&status=expired&responsible=u2&partner=%20Speran%C8%9Ba%20&q=cantina')
    expect(q.filters).toEqual({
      partner: 'Speranța',
      kind: 'memorandum',
      responsible: 'u2',
      status: 'expired',
      q: 'cantina',
    })
    expect(read('kind=treaty&status=zombie&responsible=someone-else').filters).toEqual(NO_FILTERS)
    expect(read('responsible=none').filters.responsible).toBe('none')
    expect(activeFilterCount(q.filters)).toBe(5)
  })
})

describe('the pages of a list', () => {
  const context = { today: '2026-03-10', noticeWarningDays: 45, staffIds: [] }
  const rows = Array.from({ length: 205 }, (_, i) => `row ${i + 1}`)

  it('reads each list’s page from the address, the first when absent or not a page number', () => {
    const q = readDashboardQuery(
      new URLSearchParams('reviewPage=3&noTermPage=0&expiredPage=2.5&noticePage=-1'),
      context,
    )
    expect(q.pages).toEqual({ selected: 1, notice: 1, expiring: 1, review: 3, noTerm: 1, expired: 1 })
  })

  it('shows 25 rows a page and says which', () => {
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pageCount: 9, total: 205, first: 1, last: 25 })
    expect(pageOf(rows, 1).rows).toHaveLength(25)
    const third = pageOf(rows, 3)
    expect(third.rows[0]).toBe('row 51')
    expect(third).toMatchObject({ first: 51, last: 75 })
    expect(pageOf(rows, 9)).toMatchObject({ first: 201, last: 205, rows: rows.slice(200) })
  })

  it('shows the last page for a page beyond the end (a list that shrank since the link was made)', () => {
    expect(pageOf(rows, 40)).toMatchObject({ page: 9, first: 201, last: 205 })
    expect(pageOf([], 4)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0, first: 0, last: 0 })
  })

  it('links to the first, the last and two pages either side of the current one', () => {
    expect(pageNumbers(1, 1)).toEqual([1])
    expect(pageNumbers(1, 9)).toEqual([1, 2, 3, null, 9])
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12])
    expect(pageNumbers(9, 9)).toEqual([1, null, 7, 8, 9])
    // A gap of one page shows that page rather than an ellipsis.
    expect(pageNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })
})

describe('foldText', () => {
  it('ignores case, diacritics (comma and cedilla alike) and extra spaces', () => {
    expect(foldText('  Asociația   ŞTEFAN ')).toBe('asociatia stefan')
    expect(foldText('Asociația Ștefan')).toBe(foldText('asociatia stefan'))
  })
})

describe('buildDashboard', () => {
  const dash = build(registry)

  it('leaves addenda of a protocol out (their effect is in the parent’s term)', () => {
    expect(dash.total).toBe(registry.length - 1)
    expect(dash.matching).toBe(registry.length - 1)
  })

  it('counts every status', () => {
    expect(dash.statusCounts).toEqual({
      upcoming: 0,
      active: 0,
      expiring: 2,
      in_notice_window: 1,
      expired: 2,
      renewed: 1,
      terminated: 1,
      needs_review: 2,
    })
  })

  it('lists notice deadlines within N days, sorted, with the renewal date', () => {
    expect(titles(dash.notice)).toEqual(['Automat, denunțare până la 30.03'])
    expect(dash.notice[0]).toMatchObject({ noticeDeadline: '2026-03-30', renewsOn: '2026-05-01' })
    const wider = build(registry, { noticeDays: 120 })
    expect(titles(wider.notice)).toEqual(['Automat, denunțare până la 30.03', 'Automat, denunțare până la 30.06'])
    expect(wider.notice[1]!.noticeDeadline).toBe('2026-06-30')
  })

  it('counts the deadline day itself and the last day of the window', () => {
    expect(titles(build(registry, { asOf: '2026-03-30' }).notice)).toEqual(['Automat, denunțare până la 30.03'])
    expect(titles(build(registry, { asOf: '2026-03-31' }).notice)).toEqual([])
    expect(titles(build(registry, { noticeDays: 20 }).notice)).toEqual(['Automat, denunțare până la 30.03'])
    expect(titles(build(registry, { noticeDays: 19 }).notice)).toEqual([])
  })

  it('leaves out a renewal already confirmed for the current period', () => {
    const confirmed = protocol('Confirmat', autoInWindow.facts.term, { facts: { renewalConfirmedFor: '2026-02-01' } })
    expect(titles(build([confirmed]).notice)).toEqual([])
  })

  it('lists what expires within 30, 60 or 90 days without renewing itself', () => {
    expect(titles(dash.expiring)).toEqual(['Fix, expiră pe 31.03'])
    expect(dash.expiring[0]!.endingReason).toBe('fixed_end')
    const sixty = build(registry, { expiryWindow: 60 })
    expect(titles(sixty.expiring)).toEqual(['Fix, expiră pe 31.03', 'Fix, expiră pe 30.04'])
    // The auto-renewing periods end too, but roll over: they are not "expiring".
    expect(titles(build(registry, { expiryWindow: 90 }).expiring)).not.toContain('Automat, denunțare până la 30.03')
  })

  it('includes hard stops and decided endings', () => {
    const hardStop = protocol(
      'Condiționat',
      term({ type: 'conditional', start: '2024-01-01', end: '2026-03-20', condition: 'proiectul' }),
      { facts: { lastReviewedOn: '2026-01-01' } },
    )
    const lapsing = protocol('Nu se mai prelungește', autoInWindow.facts.term, {
      facts: { ending: { kind: 'let_lapse', decidedOn: '2026-02-01' } },
    })
    const terminating = protocol('Se denunță', term({ type: 'open_ended', start: '2024-01-01' }), {
      facts: { ending: { kind: 'terminate', effectiveOn: '2026-04-01' }, lastReviewedOn: '2026-01-01' },
    })
    const d = build([hardStop, lapsing, terminating], { expiryWindow: 60 })
    expect(d.expiring.map((r) => [r.title, r.end, r.endingReason])).toEqual([
      ['Condiționat', '2026-03-20', 'hard_stop'],
      ['Se denunță', '2026-03-31', 'terminated'],
      ['Nu se mai prelungește', '2026-04-30', 'not_renewed'],
    ])
    // A decided ending is not a notice to give.
    expect(d.notice).toEqual([])
  })

  it('lists the recently expired (90 days), most recent first, and counts older ones', () => {
    expect(titles(dash.expired.recent)).toEqual(['Denunțat', 'Expirat pe 31.01'])
    expect(dash.expired.recent[0]!.end).toBe('2026-02-14')
    expect(dash.expired.olderCount).toBe(1)
  })

  it('lists protocols to review with their reasons; no usable term separately', () => {
    expect(titles(dash.needsReview)).toEqual(['Nedeterminat, verificare depășită'])
    expect(dash.needsReview[0]).toMatchObject({ reviewDueSince: '2025-07-15', flagged: false })
    expect(titles(dash.noUsableTerm)).toEqual(['Durată necunoscută'])
    expect(dash.noUsableTerm[0]).toMatchObject({
      usable: false,
      validityText: 'conform legii',
      flagReasons: [{ code: 'no_term', message: 'The validity of the protocol is not known.' }],
    })
  })

  it('puts flagged protocols first among those to review', () => {
    const flagged = protocol('Marcat', term({ type: 'fixed', start: '2025-01-01', end: '2027-12-31' }), {
      facts: { flagged: true },
      flagReasons: [{ code: 'invalid_date', message: '31.04.2023' }],
    })
    expect(titles(build([openOverdue, flagged]).needsReview)).toEqual(['Marcat', 'Nedeterminat, verificare depășită'])
  })

  it('lists every selected protocol, the most urgent first, with its key date', () => {
    expect(dash.selected).toHaveLength(registry.length - 1)
    expect(dash.selected.map((r) => [r.title, keyDate(r, AS_OF)])).toEqual([
      ['Automat, denunțare până la 30.03', { kind: 'notice', date: '2026-03-30' }],
      ['Fix, expiră pe 31.03', { kind: 'ends', date: '2026-03-31' }],
      ['Fix, expiră pe 30.04', { kind: 'ends', date: '2026-04-30' }],
      ['Nedeterminat, verificare depășită', { kind: 'review_due', date: '2025-07-15' }],
      ['Durată necunoscută', null],
      ['Automat, denunțare până la 30.06', { kind: 'notice', date: '2026-06-30' }],
      ['Denunțat', { kind: 'ended', date: '2026-02-14' }],
      ['Expirat pe 31.01', { kind: 'ended', date: '2026-01-31' }],
      ['Expirat în 2024', { kind: 'ended', date: '2024-12-31' }],
    ])
  })

  it('gives the renewal as key date once the notice deadline has passed or a renewal was confirmed', () => {
    const after = dashboardRowAt(autoInWindow, '2026-04-10')
    expect(keyDate(after, '2026-04-10')).toEqual({ kind: 'renews', date: '2026-05-01' })
    const upcoming = protocol('Viitor', term({ type: 'fixed', start: '2026-06-01', end: '2027-05-31' }))
    expect(keyDate(dashboardRowAt(upcoming, AS_OF), AS_OF)).toEqual({ kind: 'starts', date: '2026-06-01' })
  })

  describe('filters', () => {
    it('match partners by name, without diacritics, never the authority', () => {
      expect(build(registry, {}, { partner: 'speranta' }).matching).toBe(1)
      expect(build(registry, {}, { partner: 'crucea rosie' }).matching).toBe(1)
      expect(build(registry, {}, { partner: 'Pângărați' }).matching).toBe(0)
    })

    it('by kind, responsible person (or nobody) and status; counts ignore the status filter', () => {
      expect(build(registry, {}, { kind: 'partnership_agreement' }).matching).toBe(1)
      expect(build(registry, {}, { responsible: 'u-legal' }).matching).toBe(1)
      expect(build(registry, {}, { responsible: 'none' }).matching).toBe(registry.length - 2)
      const expired = build(registry, {}, { status: 'expired' })
      expect(expired.matching).toBe(2)
      expect(titles(expired.expired.recent)).toEqual(['Expirat pe 31.01'])
      expect(expired.notice).toEqual([])
      expect(expired.statusCounts.in_notice_window).toBe(1)
    })

    it('by full-text search matches (none found: nothing matches)', () => {
      const found = build(registry, { searchMatches: new Set([fixedSoon.protocol.id]) }, { q: 'fix' })
      expect(found.matching).toBe(1)
      expect(build(registry, { searchMatches: new Set() }, { q: 'nimic' }).matching).toBe(0)
      // Without a query the ids are not consulted.
      expect(build(registry, { searchMatches: new Set() }).matching).toBe(registry.length - 1)
    })

    it('apply to the timeline too', () => {
      const d = build(registry, {}, { status: 'in_notice_window' })
      expect(d.timeline.rows.map((r) => r.title)).toEqual(['Automat, denunțare până la 30.03'])
    })
  })

  describe('the timeline', () => {
    it('runs from 12 months before to 24 months after the date, with a tick per month', () => {
      expect(dash.timeline).toMatchObject({ from: '2025-03-10', to: '2028-03-10', asOf: AS_OF })
      expect(dash.timeline.ticks).toHaveLength(36)
      expect(dash.timeline.ticks[0]).toEqual({ date: '2025-04-01', year: 2025, month: 4 })
      expect(dash.timeline.ticks.at(-1)!.date).toBe('2028-03-01')
    })

    it('orders rows most urgent first and leaves out what cannot be drawn', () => {
      expect(dash.timeline.rows.map((r) => r.title)).toEqual([
        'Automat, denunțare până la 30.03',
        'Fix, expiră pe 31.03',
        'Fix, expiră pe 30.04',
        'Nedeterminat, verificare depășită',
        'Automat, denunțare până la 30.06',
        'Denunțat',
        'Expirat pe 31.01',
      ])
      // No usable term, and expired before the window.
      expect(dash.timeline.notDrawnCount).toBe(2)
      expect(dash.timeline.hiddenCount).toBe(0)
    })

    it('gives the current period, the next one of an auto-renewing term and the markers', () => {
      const auto = dash.timeline.rows.find((r) => r.title === 'Automat, denunțare până la 30.03')!
      expect(auto).toMatchObject({
        start: '2025-05-01',
        end: '2026-04-30',
        next: { start: '2026-05-01', end: '2027-04-30' },
        noticeDeadline: '2026-03-30',
        nextReview: null,
      })
      const open = dash.timeline.rows.find((r) => r.title === 'Nedeterminat, verificare depășită')!
      expect(open).toMatchObject({ start: '2025-01-15', end: null, next: null, nextReview: '2025-07-15' })
      const fixed = dash.timeline.rows.find((r) => r.title === 'Fix, expiră pe 31.03')!
      expect(fixed).toMatchObject({ start: '2024-04-01', end: '2026-03-31', next: null })
    })

    it('caps the rows and says how many are hidden', () => {
      const many = Array.from({ length: 45 }, (_, i) =>
        protocol(`P${String(i).padStart(2, '0')}`, term({ type: 'fixed', start: '2025-01-01', end: '2027-12-31' })),
      )
      const d = build(many)
      expect(d.timeline.rows).toHaveLength(40)
      expect(d.timeline.hiddenCount).toBe(5)
      expect(build(many, { maxTimelineRows: 10 }).timeline.hiddenCount).toBe(35)
    })
  })
})

describe('timeline helpers', () => {
  it('monthTicks starts on the window’s first day when it is the first of a month', () => {
    expect(monthTicks('2025-03-01', '2025-05-15').map((t) => t.date)).toEqual([
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
    ])
  })

  it('timelinePosition maps the first day to 0 and the day after the last to 1', () => {
    const w = { from: '2025-01-01', to: '2025-12-31' }
    expect(timelinePosition(w, '2025-01-01')).toBe(0)
    expect(timelinePosition(w, '2026-01-01')).toBe(1)
    expect(timelinePosition(w, '2025-07-02')).toBeCloseTo(0.5, 2)
  })
})
