/**
 * The accessibility suite (WCAG 2.0/2.1 A and AA, axe): every HTML page of the route list, for
 * every role that can see it.
 *
 * The page list is the route list: every file in app/routes is either in ROUTES (with the
 * concrete URLs each role visits, built from the demo data) or in EXCLUDED with the reason it
 * is not an HTML page. A new route file fails the first test until it is listed here.
 *
 * One test per role signs in once and walks its pages; a page that answers with another status
 * than expected, lacks its h1 or its language, or has a violation is reported with the others at
 * the end (so one run shows every defect). Anonymous visitors and the authority's admin also
 * walk their pages in English.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { axeReport, bucharestDate, login } from './helpers'

const PANGARATI = 'pangarati'
const COUNTY = 'dgaspc-valea-muresului'
const DEMO = '@demo.planuri.ro'

type StaffRole = 'admin' | 'editor' | 'legal' | 'coordinator' | 'viewer'
type Role = 'anonymous' | 'ngoMember' | 'ngoAdmin' | StaffRole | 'otherAuthority' | 'operator'

const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  ngoMember: `voluntar${DEMO}`,
  ngoAdmin: `ong${DEMO}`,
  admin: `admin.pangarati${DEMO}`,
  editor: `editor.pangarati${DEMO}`,
  legal: `juridic.pangarati${DEMO}`,
  coordinator: `coordonator.pangarati${DEMO}`,
  viewer: `viewer.pangarati${DEMO}`,
  // Another authority's staff: admin and editor of the county directorate, nothing in Pângărați.
  otherAuthority: `admin.dgaspc${DEMO}`,
  operator: `operator${DEMO}`,
}
const STAFF: readonly StaffRole[] = ['admin', 'editor', 'legal', 'coordinator', 'viewer']

/** What the walks need from the demo data (found by reading the pages, or created first). */
type Demo = {
  authorityId: Record<string, string>
  /** Per authority: a plan its staff see (Pângărați: the open consultation; county: the strategy draft). */
  plan: Record<string, string>
  /** Per authority: a protocol (Pângărați: the memorandum, with an addendum). */
  protocol: Record<string, string>
  closedPlan: string
  recommendation: string
  heldMeeting: string
  scheduledMeeting: string
  draftMinutes: string
  approvedMinutes: string
  ngo: { slug: string; id: string }
  outboxEmail: string
  emailTemplate: string
  rsvp: string
  unsubscribe: string
  reminderAck: string
  invitation: string
  reset: string
}

type Ctx = { role: Role; demo: Demo; userId: string | null }
type Visit = string | { path: string; status?: number; h1?: boolean }
type RoutePages = { visits: (c: Ctx) => Visit[] }

const signedIn = (c: Ctx) => c.role !== 'anonymous'
const isStaffRole = (role: Role): role is StaffRole => (STAFF as readonly Role[]).includes(role)
/** The authority whose staff area the role works in (the operator, a platform admin, visits Pângărați's). */
function staffSlug(c: Ctx): string | null {
  if (isStaffRole(c.role) || c.role === 'operator') return PANGARATI
  if (c.role === 'otherAuthority') return COUNTY
  return null
}
/** Staff of the authority with one of `roles` (the county account is its admin and editor; the operator may all). */
function staffWith(c: Ctx, roles: readonly StaffRole[]): string | null {
  const slug = staffSlug(c)
  if (!slug) return null
  if (c.role === 'operator') return slug
  if (c.role === 'otherAuthority') return roles.some((r) => r === 'admin' || r === 'editor') ? slug : null
  return roles.includes(c.role as StaffRole) ? slug : null
}
const pangaratiStaff = (c: Ctx) => staffSlug(c) === PANGARATI
const staffArea = (c: Ctx, sub: (slug: string) => Visit[]) => {
  const slug = staffSlug(c)
  return slug ? sub(slug) : []
}
const when = (cond: boolean, visits: Visit[]) => (cond ? visits : [])

/** Every HTML route, and the URLs each role visits. Keys are file names in app/routes. */
const ROUTES: Record<string, RoutePages> = {
  '_index.tsx': { visits: () => ['/'] },
  // The constant page `npm run bench` measures (the root layout alone).
  'baseline.tsx': { visits: () => ['/baseline'] },
  '$.tsx': { visits: () => [{ path: '/no-such-page', status: 404 }] },
  'authorities._index.tsx': { visits: () => ['/authorities', '/authorities?q=pangarati'] },
  'a.$slug._index.tsx': { visits: () => [`/a/${PANGARATI}`, `/a/${COUNTY}`] },
  'a.$slug.meetings._index.tsx': { visits: () => [`/a/${PANGARATI}/meetings`] },
  // Opened from the invitation email, usually without an account.
  'a.$slug.meetings.rsvp.tsx': {
    visits: (c) =>
      when(c.role === 'anonymous', [
        `/a/${PANGARATI}/meetings/rsvp?token=${c.demo.rsvp}&answer=declined`,
        `/a/${PANGARATI}/meetings/rsvp?token=invalid`,
      ]),
  },
  'a.$slug.minutes.$minutesId._index.tsx': {
    visits: (c) => [
      `/a/${PANGARATI}/minutes/${c.demo.approvedMinutes}`,
      ...when(pangaratiStaff(c), [`/a/${PANGARATI}/minutes/${c.demo.draftMinutes}`]),
    ],
  },
  'a.$slug.plans.$planId._index.tsx': {
    visits: (c) => [
      `/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}`,
      `/a/${PANGARATI}/plans/${c.demo.closedPlan}`,
      // The county's strategy is a draft: only its staff (and the operator) see it.
      ...when(c.role === 'otherAuthority' || c.role === 'operator', [`/a/${COUNTY}/plans/${c.demo.plan[COUNTY]}`]),
    ],
  },
  'a.$slug.plans.$planId.changes.tsx': { visits: (c) => [`/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}/changes`] },
  'a.$slug.plans.$planId.recommendations.$recId._index.tsx': {
    visits: (c) => [`/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}/recommendations/${c.demo.recommendation}`],
  },
  'a.$slug.plans.$planId.report.tsx': {
    visits: (c) => [
      `/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}/report`,
      `/a/${PANGARATI}/plans/${c.demo.closedPlan}/report`,
    ],
  },
  'a.$slug.plans.$planId.sections.$anchor.tsx': {
    visits: (c) => [
      `/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}/sections/cap-i-b`,
      `/a/${PANGARATI}/plans/${c.demo.plan[PANGARATI]}/sections/document`,
    ],
  },
  'a.$slug.protocols.tsx': { visits: () => [`/a/${PANGARATI}/protocols`, `/a/${COUNTY}/protocols`] },
  'a.$slug.transparency.tsx': { visits: () => [`/a/${PANGARATI}/transparency`] },

  // The staff area (the layout is checked on every page under it).
  'a.$slug.staff.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff`]) },
  'a.$slug.staff._index.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff`]) },
  'a.$slug.staff.plans._index.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/plans`]) },
  'a.$slug.staff.plans.new.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'editor'])
      return s ? [`/a/${s}/staff/plans/new`] : []
    },
  },
  'a.$slug.staff.plans.$planId._index.tsx': {
    visits: (c) =>
      staffArea(c, (s) => [
        `/a/${s}/staff/plans/${c.demo.plan[s]}`,
        ...when(s === PANGARATI, [`/a/${s}/staff/plans/${c.demo.closedPlan}`]),
      ]),
  },
  'a.$slug.staff.plans.$planId.adopt.tsx': {
    // Pângărați's plan of this year: refused, with the unmet conditions listed.
    visits: (c) =>
      staffArea(c, (s) => [`/a/${s}/staff/plans/${s === PANGARATI ? c.demo.closedPlan : c.demo.plan[s]}/adopt`]),
  },
  'a.$slug.staff.plans.$planId.debates.tsx': {
    visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/plans/${c.demo.plan[s]}/debates`]),
  },
  'a.$slug.staff.plans.$planId.minutes.tsx': {
    visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/plans/${c.demo.plan[s]}/minutes`]),
  },
  'a.$slug.staff.plans.$planId.recommendations.tsx': {
    visits: (c) =>
      staffArea(c, (s) => [
        `/a/${s}/staff/plans/${c.demo.plan[s]}/recommendations`,
        ...when(s === PANGARATI, [`/a/${s}/staff/plans/${c.demo.plan[s]}/recommendations?view=groups`]),
      ]),
  },
  'a.$slug.staff.plans.$planId.versions.new.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'editor'])
      return s ? [`/a/${s}/staff/plans/${c.demo.plan[s]}/versions/new`] : []
    },
  },
  'a.$slug.staff.minutes.$minutesId.tsx': {
    visits: (c) =>
      when(pangaratiStaff(c), [
        `/a/${PANGARATI}/staff/minutes/${c.demo.draftMinutes}`,
        `/a/${PANGARATI}/staff/minutes/${c.demo.approvedMinutes}`,
      ]),
  },
  'a.$slug.staff.protocols._index.tsx': {
    visits: (c) =>
      staffArea(c, (s) => [
        `/a/${s}/staff/protocols`,
        // The county's list of protocols ending soon has more than a page (prepareDemo): its pages.
        ...when(s === COUNTY, [`/a/${s}/staff/protocols?expiringPage=2`]),
      ]),
  },
  'a.$slug.staff.protocols.$id._index.tsx': {
    visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/protocols/${c.demo.protocol[s]}`]),
  },
  'a.$slug.staff.protocols.$id.addendum.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'legal'])
      return s ? [`/a/${s}/staff/protocols/${c.demo.protocol[s]}/addendum`] : []
    },
  },
  'a.$slug.staff.protocols.$id.edit.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'legal'])
      return s ? [`/a/${s}/staff/protocols/${c.demo.protocol[s]}/edit`] : []
    },
  },
  'a.$slug.staff.protocols.new.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'legal'])
      return s ? [`/a/${s}/staff/protocols/new`] : []
    },
  },
  'a.$slug.staff.protocols.import.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin', 'legal'])
      return s ? [`/a/${s}/staff/protocols/import`] : []
    },
  },
  'a.$slug.staff.services.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/services`]) },
  'a.$slug.staff.partners.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/partners`]) },
  'a.$slug.staff.meetings._index.tsx': { visits: (c) => staffArea(c, (s) => [`/a/${s}/staff/meetings`]) },
  'a.$slug.staff.meetings.$meetingId.tsx': {
    visits: (c) =>
      when(pangaratiStaff(c), [
        `/a/${PANGARATI}/staff/meetings/${c.demo.heldMeeting}`,
        `/a/${PANGARATI}/staff/meetings/${c.demo.scheduledMeeting}`,
      ]),
  },
  'a.$slug.staff.settings.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin'])
      return s ? [`/a/${s}/staff/settings`] : []
    },
  },
  'a.$slug.staff.team.tsx': {
    visits: (c) => {
      const s = staffWith(c, ['admin'])
      return s ? [`/a/${s}/staff/team`] : []
    },
  },

  // Accounts.
  'login.tsx': { visits: (c) => when(!signedIn(c), ['/login']) },
  'signup.tsx': { visits: (c) => when(!signedIn(c), ['/signup', `/signup?invitation=${c.demo.invitation}`]) },
  'forgot-password.tsx': { visits: (c) => when(!signedIn(c), ['/forgot-password']) },
  // Opened from the password-reset email.
  'reset-password.tsx': {
    visits: (c) => when(!signedIn(c), [`/reset-password?token=${c.demo.reset}`, '/reset-password?token=invalid']),
  },
  'account.verify.tsx': { visits: (c) => when(!signedIn(c), ['/account/verify?request=x&code=12345678']) },
  'account._index.tsx': { visits: (c) => when(signedIn(c), ['/account']) },
  'account.notifications.tsx': { visits: (c) => when(signedIn(c), ['/account/notifications']) },
  // Opened from the staff invitation email: without an account, or signed in with another one.
  'invitations.$token.tsx': {
    visits: (c) =>
      when(c.role === 'anonymous' || c.role === 'ngoMember', [
        `/invitations/${c.demo.invitation}`,
        ...when(c.role === 'anonymous', [{ path: '/invitations/invalid', status: 404 }]),
      ]),
  },
  // Opened from a notification email, by its addressee or anyone holding the link.
  'unsubscribe._index.tsx': {
    visits: (c) =>
      when(c.role === 'anonymous' || c.role === 'ngoAdmin', [
        `/unsubscribe?kind=consultation_opened&token=${c.demo.unsubscribe}`,
        ...when(c.role === 'anonymous', ['/unsubscribe?kind=consultation_opened&token=invalid.token']),
      ]),
  },
  // Opened from the protocol reminder email by the legal officer (signed in or not).
  'reminders.$id.ack.tsx': {
    visits: (c) => when(c.role === 'anonymous' || c.role === 'legal', [c.demo.reminderAck]),
  },

  // Consultations, search, organisations.
  'consultations._index.tsx': {
    visits: () => ['/consultations', '/consultations?status=open&kind=annual_action_plan'],
  },
  'search.tsx': { visits: () => ['/search', '/search?q=asistenta+sociala'] },
  'organisations._index.tsx': { visits: () => ['/organisations'] },
  'organisations.$slug._index.tsx': { visits: (c) => [`/organisations/${c.demo.ngo.slug}`] },
  'organisations.new.tsx': { visits: (c) => when(signedIn(c), ['/organisations/new']) },
  'organisations.$slug.edit.tsx': {
    visits: (c) => when(c.role === 'ngoAdmin' || c.role === 'operator', [`/organisations/${c.demo.ngo.slug}/edit`]),
  },
  'organisations.$slug.members.tsx': {
    visits: (c) => when(c.role === 'ngoAdmin' || c.role === 'operator', [`/organisations/${c.demo.ngo.slug}/members`]),
  },

  // Histories.
  'audit.$entityType.$entityId.tsx': {
    visits: (c) => [
      ...when(signedIn(c) && !!c.userId, [`/audit/user/${c.userId}`]),
      ...when(c.role === 'ngoAdmin' || c.role === 'operator', [`/audit/organisation/${c.demo.ngo.id}`]),
      ...staffArea(c, (s) => [
        `/audit/authority/${c.demo.authorityId[s]}`,
        `/audit/plan/${c.demo.plan[s]}`,
        `/audit/protocol/${c.demo.protocol[s]}`,
        ...when(s === PANGARATI, [`/audit/meeting/${c.demo.heldMeeting}`, `/audit/minutes/${c.demo.draftMinutes}`]),
      ]),
      ...when(staffWith(c, ['admin', 'editor']) === PANGARATI, [`/audit/recommendation/${c.demo.recommendation}`]),
    ],
  },

  // Email previews (every staff member) and the platform administration (the operator).
  'emails._index.tsx': { visits: (c) => when(!!staffSlug(c), ['/emails']) },
  'emails.$name.tsx': { visits: (c) => when(!!staffSlug(c), [`/emails/${c.demo.emailTemplate}`]) },
  'admin._index.tsx': { visits: (c) => when(c.role === 'operator', ['/admin']) },
  'admin.authorities.new.tsx': { visits: (c) => when(c.role === 'operator', ['/admin/authorities/new']) },
  'admin.outbox._index.tsx': { visits: (c) => when(c.role === 'operator', ['/admin/outbox']) },
  'admin.outbox.$id._index.tsx': {
    visits: (c) => when(c.role === 'operator', [`/admin/outbox/${c.demo.outboxEmail}`]),
  },
}

/** Route files that are not HTML pages, and why. */
const EXCLUDED: Record<string, string> = {
  'a.$slug.meetings[.]ics.tsx': 'iCalendar feed of the public meetings',
  'a.$slug.minutes.$minutesId.attachments.$attachmentId.tsx': 'download of a file attached to minutes',
  'a.$slug.plans.$planId.attachments.$attachmentId.tsx': 'download of a file attached to a plan',
  'a.$slug.plans.$planId.plan[.]docx.tsx': 'the plan as a Word document',
  'a.$slug.plans.$planId.recommendations.$recId.attachment.tsx': 'download of a recommendation’s attachment',
  'a.$slug.plans.$planId.recommendations[.]json.tsx': 'open data (JSON)',
  'a.$slug.plans.$planId.report[.]csv.tsx': 'the report of recommendations as CSV',
  'a.$slug.plans.$planId.report[.]docx.tsx': 'the report of recommendations as a Word document',
  'a.$slug.protocols[.]json.tsx': 'open data of the protocol registry (JSON)',
  'a.$slug.staff.protocols.$id.documents.$documentId.tsx': 'download of a protocol’s signed scan',
  'a.$slug.staff.protocols.export[.]csv.tsx': 'the protocol registry as CSV',
  'a.$slug.staff.protocols.template[.]csv.tsx': 'the CSV import template',
  'a.$slug.transparency[.]csv.tsx': 'the transparency report as CSV',
  'a.$slug.transparency[.]docx.tsx': 'the transparency report as a Word document',
  'admin.outbox.$id.attachments.$index.tsx': 'download of an email’s attachment',
  'admin.outbox.$id.html.tsx': 'the HTML part of an email as sent, shown in a sandboxed frame of the outbox page',
  'calendar.$token[.]ics.tsx': 'private iCalendar feed of the protocol deadlines',
  'consultations.feed[.]xml.tsx': 'Atom feed of the consultations',
  'consultations[.]csv.tsx': 'open data of the consultations (CSV)',
  'consultations[.]json.tsx': 'open data of the consultations (JSON)',
  'logout.tsx': 'action only: signs out and redirects',
  'set-language.tsx': 'action only: stores the language and redirects',
  'unsubscribe.one-click.tsx': 'action only: the one-click unsubscribe POST of mail clients (RFC 8058)',
}

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../app/routes')

test('every route file is an HTML page checked here or a resource excluded with its reason', () => {
  const files = fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.tsx?$/.test(f))
    .sort()
  expect(files.length, 'route files found in app/routes').toBeGreaterThan(50)
  const unlisted = files.filter((f) => !(f in ROUTES) && !(f in EXCLUDED))
  expect(unlisted, 'route files neither checked nor excluded: add them to ROUTES or EXCLUDED').toEqual([])
  const stale = [...Object.keys(ROUTES), ...Object.keys(EXCLUDED)].filter((f) => !files.includes(f))
  expect(stale, 'listed route files that no longer exist').toEqual([])
  const both = Object.keys(ROUTES).filter((f) => f in EXCLUDED)
  expect(both, 'route files both checked and excluded').toEqual([])
  // An excluded file must not render a page (a default export is a page component).
  const pagesExcluded = Object.keys(EXCLUDED).filter((f) =>
    /^export default/m.test(fs.readFileSync(path.join(ROUTES_DIR, f), 'utf8')),
  )
  expect(pagesExcluded, 'excluded route files that render a page').toEqual([])
})

test('the check fails on a page with a violation (axe runs the WCAG rules)', async ({ page }) => {
  await page.goto('/login')
  expect(await axeReport(page), 'the login page as it is').toBe('')
  // A field without a label and grey text too faint to read: two WCAG failures.
  // (Styled through the DOM: the content security policy refuses style attributes.)
  await page.evaluate(() => {
    const main = document.querySelector('main')!
    main.insertAdjacentHTML('beforeend', '<input type="text" name="unlabelled"><p id="faint">Text prea palid.</p>')
    document.getElementById('faint')!.style.color = '#bbbbbb'
  })
  const report = await axeReport(page)
  expect(report).toContain('label (critical)')
  expect(report).toContain('color-contrast (serious)')
})

// ——— The demo data the walks need ———

async function asUser(browser: Browser, email: string | null) {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (email) await login(page, email)
  return { page, close: () => context.close() }
}

/** The ids in the hrefs of the links of the page matching `pattern` (its first group), in order. */
async function hrefIds(page: Page, selector: string, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.map((h) => pattern.exec(h)?.[1]).filter((id): id is string => !!id)
}

async function idOfLink(page: Page, name: RegExp | string, pattern: RegExp): Promise<string> {
  const link = page.getByRole('link', { name }).first()
  await expect(link, `a link named ${String(name)} on ${page.url()}`).toBeVisible()
  const id = pattern.exec((await link.getAttribute('href')) ?? '')?.[1]
  expect(id, `the id in the link ${String(name)}`).toBeTruthy()
  return id!
}

/** The operator reads the newest email to `to` whose subject matches, and returns the first link matching `link`. */
async function linkInEmail(page: Page, to: string, subject: RegExp, link: RegExp): Promise<string> {
  await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`)
  const row = page.locator('main tr').filter({ has: page.getByRole('link', { name: subject }) })
  await expect(row.first(), `an email to ${to} with the subject ${String(subject)}`).toBeVisible()
  await row.first().getByRole('link', { name: subject }).click()
  const text = (await page.getByTestId('email-text').textContent()) ?? ''
  const found = link.exec(text)?.[0]
  expect(found, `a link ${String(link)} in the email to ${to}`).toBeTruthy()
  const url = new URL(found!.replace(/&amp;/g, '&'))
  return url.pathname + url.search
}

async function prepareDemo(browser: Browser): Promise<Demo> {
  const year = Number(bucharestDate().slice(0, 4))
  const op = await asUser(browser, ACCOUNTS.operator)
  const page = op.page

  // Authorities, plans, protocols, meetings, as the operator (a platform admin sees every staff area).
  const authorityId: Record<string, string> = {}
  const plan: Record<string, string> = {}
  const protocol: Record<string, string> = {}
  for (const slug of [PANGARATI, COUNTY]) {
    await page.goto(`/a/${slug}/staff`)
    authorityId[slug] = (await hrefIds(page, 'a[href^="/audit/authority/"]', /^\/audit\/authority\/([^/?#]+)$/))[0]!
  }
  await page.goto(`/a/${PANGARATI}/staff/plans`)
  const planLink = /\/staff\/plans\/([a-z0-9]+)$/
  plan[PANGARATI] = await idOfLink(page, new RegExp(`pentru anul ${year + 1}$`), planLink)
  const closedPlan = await idOfLink(page, new RegExp(`pentru anul ${year}$`), planLink)
  await page.goto(`/a/${COUNTY}/staff/plans`)
  plan[COUNTY] = await idOfLink(page, /Strategia județeană/, planLink)
  await page.goto(`/a/${PANGARATI}/plans/${plan[PANGARATI]}/sections/cap-i-b`)
  const recommendation = (
    await hrefIds(page, 'main a[href*="/recommendations/"]', /\/recommendations\/([a-z0-9]+)$/)
  )[0]!
  expect(recommendation, 'a recommendation on part B of the open plan').toBeTruthy()

  const protocolLink = /\/staff\/protocols\/([a-z0-9]+)$/
  await page.goto(`/a/${PANGARATI}/staff/protocols`)
  protocol[PANGARATI] = await idOfLink(page, 'Memorandum de înțelegere', protocolLink)
  await page.goto(`/a/${COUNTY}/staff/protocols`)
  protocol[COUNTY] = (await hrefIds(page, 'main a[href*="/staff/protocols/"]', protocolLink)).find(
    (id) => id !== 'new' && id !== 'import',
  )!
  expect(protocol[COUNTY], 'a protocol in the county registry').toBeTruthy()

  await page.goto(`/a/${PANGARATI}/staff/meetings`)
  const meetingLink = /\/staff\/meetings\/([a-z0-9]+)$/
  const heldMeeting = await idOfLink(page, /servicii la domiciliu și asistență comunitară/, meetingLink)
  const scheduledMeeting = await idOfLink(page, /servicii la domiciliu prin asistent personal/, meetingLink)

  await page.goto('/organisations')
  const ngoSlug = await idOfLink(page, 'Asociația Vârstnici Activi Pângărați', /^\/organisations\/([a-z0-9-]+)$/)
  await page.goto(`/organisations/${ngoSlug}`)
  const ngoId = (await hrefIds(page, 'a[href^="/audit/organisation/"]', /^\/audit\/organisation\/([^/?#]+)$/))[0]!

  await page.goto('/emails')
  const emailTemplate = (await hrefIds(page, 'main a[href^="/emails/"]', /^\/emails\/([a-z0-9-]+)\?lng=ro$/))[0]!
  expect(emailTemplate, 'an email template on /emails').toBeTruthy()
  await page.goto('/admin/outbox')
  const outboxEmail = (await hrefIds(page, 'main a[href^="/admin/outbox/"]', /^\/admin\/outbox\/([a-z0-9]+)$/))[0]!

  // Links the demo's emails carry.
  const rsvp = /token=([^&\s]+)/.exec(
    await linkInEmail(page, `ong${DEMO}`, /^Invitație/, /https?:\/\/\S+\/meetings\/rsvp\?token=\S+/),
  )![1]!
  const unsubscribe = /token=([^&\s]+)/.exec(
    await linkInEmail(page, `ong${DEMO}`, /^Consultare publică deschisă/, /https?:\/\/\S+\/unsubscribe\?\S+/),
  )![1]!
  const reminderAck = await linkInEmail(
    page,
    `juridic.pangarati${DEMO}`,
    /Acord de parteneriat/,
    /https?:\/\/\S+\/reminders\/\S+\/ack\?token=\S+/,
  )

  // A list longer than a page of the dashboard (25 rows), which the demo does not have: 26 of
  // the county's protocols ending within 30 days.
  for (let i = 1; i <= 26; i++) {
    const created = await page.request.post(`/a/${COUNTY}/staff/protocols/new`, {
      headers: { origin: new URL(page.url()).origin },
      form: {
        kind: 'protocol',
        title: `Protocol de colaborare e2e ${i}`,
        'partners[0].name': `Asociația e2e ${i}`,
        termType: 'fixed',
        start: bucharestDate(-300),
        end: bucharestDate(10),
        renewalUnit: 'Y',
        noticeUnit: 'D',
      },
      maxRedirects: 0,
    })
    expect(created.status(), `county protocol ${i} recorded`).toBe(302)
  }

  // States the demo does not have: a protocol with an addendum, minutes in draft and approved,
  // a pending staff invitation, a password reset.
  const legal = await asUser(browser, ACCOUNTS.legal)
  await legal.page.goto(`/a/${PANGARATI}/staff/protocols/${protocol[PANGARATI]}/addendum`)
  await legal.page.getByLabel('Efectul').selectOption('modification')
  await legal.page.getByLabel('Ce se modifică').fill('Se adaugă informarea familiilor prin școli (e2e).')
  await legal.page.getByRole('button', { name: 'Adaugă actul adițional' }).click()
  await expect(legal.page).toHaveURL(/done=addendum/)
  await legal.close()

  const editor = await asUser(browser, ACCOUNTS.editor)
  await editor.page.goto(`/a/${PANGARATI}/staff/plans/${plan[PANGARATI]}/minutes`)
  await editor.page.getByLabel('Data întâlnirii').fill(bucharestDate(-1))
  await editor.page.getByLabel('Locul').fill('Sala de ședințe a Primăriei Pângărați')
  await editor.page.getByRole('button', { name: 'Creează procesul-verbal' }).click()
  await expect(editor.page.getByText('Procesul-verbal a fost creat.')).toBeVisible()
  const draftMinutes = /\/staff\/minutes\/([a-z0-9]+)/.exec(editor.page.url())![1]!
  await editor.close()

  // The minutes of the meeting held last semester, approved (a worker restarted after a failed
  // walk prepares again: it finds them and finishes what is left).
  const coordinator = await asUser(browser, ACCOUNTS.coordinator)
  await coordinator.page.goto(`/a/${PANGARATI}/staff/meetings/${heldMeeting}`)
  const existing = await hrefIds(coordinator.page, 'main a[href*="/staff/minutes/"]', /\/staff\/minutes\/([a-z0-9]+)$/)
  if (existing.length) await coordinator.page.goto(`/a/${PANGARATI}/staff/minutes/${existing[0]}`)
  else await coordinator.page.getByRole('button', { name: 'Întocmește procesul-verbal' }).click()
  await expect(coordinator.page).toHaveURL(/\/staff\/minutes\/[a-z0-9]+/)
  const approvedMinutes = /\/staff\/minutes\/([a-z0-9]+)/.exec(coordinator.page.url())![1]!
  await expect(coordinator.page.getByRole('heading', { name: 'Participanți', exact: true })).toBeVisible()
  // Not approved yet while the workflow panel shows (its approve button appears once the text is there).
  if ((await coordinator.page.locator('#workflow').count()) > 0) {
    await coordinator.page
      .getByLabel('Rezumatul punctelor de vedere exprimate')
      .fill('Furnizorul a prezentat lista de așteptare; voluntarii au propus vizite săptămânale.')
    await coordinator.page.getByLabel('Concluzii').fill('Se suplimentează numărul asistenților personali.')
    await coordinator.page.getByRole('button', { name: 'Salvează' }).first().click()
    await expect(coordinator.page.getByText('Modificările au fost salvate.')).toBeVisible()
    await coordinator.page.getByRole('button', { name: 'Aprobă și publică' }).click()
    await expect(coordinator.page.getByText('Procesul-verbal a fost aprobat și publicat.')).toBeVisible()
  }
  await coordinator.close()

  const invitee = `invitat.a11y.${Date.now()}@example.org`
  const admin = await asUser(browser, ACCOUNTS.admin)
  await admin.page.goto(`/a/${PANGARATI}/staff/team`)
  const invite = admin.page.locator('section', { has: admin.page.locator('#team-invite') })
  await invite.locator('input[name="roles"][value="viewer"]').check()
  await invite.getByLabel('Adresa de email').fill(invitee)
  await invite.getByRole('button', { name: 'Trimite invitația' }).click()
  await expect(admin.page.locator('#team-pending').locator('..')).toContainText(invitee)
  await admin.close()
  const invitation = /\/invitations\/([^/?#\s]+)/.exec(
    await linkInEmail(page, invitee, /./, /https?:\/\/\S+\/invitations\/\S+/),
  )![1]!

  const visitor = await asUser(browser, null)
  await visitor.page.goto('/forgot-password')
  await visitor.page.getByLabel('Adresa de email').fill(`cetatean${DEMO}`)
  await visitor.page.locator('main form button[type="submit"]').click()
  await expect(visitor.page.getByText(/am trimis la ea o legătură de resetare/)).toBeVisible()
  await visitor.close()
  const reset = /token=([^&\s]+)/.exec(
    await linkInEmail(page, `cetatean${DEMO}`, /parol/i, /https?:\/\/\S+\/reset-password\?token=\S+/),
  )![1]!

  await op.close()
  return {
    authorityId,
    plan,
    protocol,
    closedPlan,
    recommendation,
    heldMeeting,
    scheduledMeeting,
    draftMinutes,
    approvedMinutes,
    ngo: { slug: ngoSlug, id: ngoId },
    outboxEmail,
    emailTemplate,
    rsvp,
    unsubscribe,
    reminderAck,
    invitation,
    reset,
  }
}

// ——— The walks ———

type Locale = 'ro' | 'en'

function visitsOf(ctx: Ctx): Array<{ route: string; path: string; status: number; h1: boolean }> {
  const seen = new Set<string>()
  const out: Array<{ route: string; path: string; status: number; h1: boolean }> = []
  for (const [route, { visits }] of Object.entries(ROUTES)) {
    for (const v of visits(ctx)) {
      const visit = typeof v === 'string' ? { path: v } : v
      if (seen.has(visit.path)) continue
      seen.add(visit.path)
      out.push({ route, path: visit.path, status: visit.status ?? 200, h1: visit.h1 ?? true })
    }
  }
  return out
}

/**
 * What has been checked in this worker, by what it renders: the site header (which shows who is
 * signed in) and the rest of the document, each without scripts (the loader data, nonces),
 * module preloads or hidden fields' values, and with the signed-in person's name blanked. axe
 * judges what is rendered, with the same styles: a page whose header and whose content were both
 * already checked (the header on any page of the same role, the content under another role's
 * header, as on most public pages) is not checked again. Every page is still loaded, and its status, language and h1 read.
 */
const checkedHeaders = new Set<string>()
const checkedContents = new Set<string>()

async function rendering(page: Page, name: string | null): Promise<{ header: string; content: string }> {
  const { header, content } = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement
    copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((s) => s.remove())
    copy.querySelectorAll('[nonce]').forEach((e) => e.removeAttribute('nonce'))
    // Hidden fields are not rendered (the language switch's holds the current address).
    copy.querySelectorAll('input[type="hidden"]').forEach((e) => e.removeAttribute('value'))
    const siteHeader = copy.querySelector('body > header.site-header')
    siteHeader?.remove()
    return { header: siteHeader?.outerHTML ?? '', content: copy.outerHTML }
  })
  const digest = (html: string) =>
    crypto
      .createHash('sha256')
      .update(name ? html.split(name).join('§') : html)
      .digest('hex')
  return { header: digest(header), content: digest(content) }
}

/** Two tabs of the same session walk the list together (the machine has two cores). */
const TABS = 2

async function walk(page: Page, ctx: Omit<Ctx, 'userId'>, locale: Locale) {
  if (ctx.role !== 'anonymous') await login(page, ACCOUNTS[ctx.role])
  if (locale === 'en') {
    await page.goto('/')
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  }
  let userId: string | null = null
  let name: string | null = null
  if (ctx.role !== 'anonymous') {
    await page.goto('/account')
    userId = /^\/audit\/user\/([^/?#]+)$/.exec(
      (await page.locator('a[href^="/audit/user/"]').first().getAttribute('href')) ?? '',
    )?.[1] as string
    expect(userId, 'the link to one’s own history on /account').toBeTruthy()
    name = (await page.locator('main input[name="name"]').first().inputValue()) || null
    expect(name, 'one’s name on /account').toBeTruthy()
  }
  const visits = visitsOf({ ...ctx, userId })
  const queue = [...visits]
  const failures: string[] = []
  let axeRuns = 0
  const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => page.context().newPage())))]
  await Promise.all(
    tabs.map(async (tab) => {
      for (let v = queue.shift(); v; v = queue.shift()) {
        const where = `${v.path} (${v.route})`
        const response = await tab.goto(v.path)
        if (response?.status() !== v.status) {
          failures.push(`${where}: status ${response?.status()}, expected ${v.status}`)
          continue
        }
        if ((await tab.locator('html').getAttribute('lang')) !== locale) {
          failures.push(`${where}: <html lang> is not "${locale}"`)
        }
        if (v.h1 && !(await tab.locator('h1').first().isVisible())) failures.push(`${where}: no visible h1`)
        const { header, content } = await rendering(tab, name)
        if (checkedHeaders.has(header) && checkedContents.has(content)) continue
        checkedHeaders.add(header)
        checkedContents.add(content)
        axeRuns++
        const report = await axeReport(tab)
        if (report) failures.push(`${where}:\n${report}`)
      }
    }),
  )
  console.log(`${ctx.role} (${locale}): ${visits.length} pages, ${axeRuns} checked by axe`)
  test.info().annotations.push({
    type: 'pages',
    description: `${visits.length} pages visited, ${axeRuns} checked by axe (the others: header and content already checked)`,
  })
  expect(visits.length, `pages visited as ${ctx.role}`).toBeGreaterThan(10)
  expect(
    failures,
    `${failures.length} of ${visits.length} pages failed as ${ctx.role} (${locale}):\n\n${failures.join('\n\n')}`,
  ).toEqual([])
}

test.describe('WCAG 2.1 A and AA on every page, for every role', () => {
  let demo: Demo

  // Once per worker (again after a failed walk, which restarts the worker: it is idempotent).
  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(120_000)
    demo = await prepareDemo(browser)
  })

  const WALKS: Array<[Role, Locale]> = [
    ['anonymous', 'ro'],
    ['anonymous', 'en'],
    ['ngoMember', 'ro'],
    ['ngoAdmin', 'ro'],
    ...STAFF.map((r): [Role, Locale] => [r, 'ro']),
    ['admin', 'en'],
    ['otherAuthority', 'ro'],
    ['operator', 'ro'],
  ]
  for (const [role, locale] of WALKS) {
    test(`every page ${role === 'anonymous' ? 'an anonymous visitor' : `the ${role}`} can see (${locale})`, async ({
      page,
    }) => {
      test.setTimeout(240_000)
      await walk(page, { role, demo }, locale)
    })
  }

  test('forms showing their validation errors, and a refused adoption', async ({ browser }) => {
    test.setTimeout(180_000)
    type FormCase = { path: string; submit: string; before?: (page: Page) => Promise<void>; expect?: RegExp }
    const open = `/a/${PANGARATI}/plans/${demo.plan[PANGARATI]}`
    const staff = `/a/${PANGARATI}/staff`
    const CASES: Array<[Role, FormCase[]]> = [
      [
        'anonymous',
        [
          { path: '/login', submit: 'Intră în cont' },
          {
            path: '/login',
            submit: 'Intră în cont',
            before: async (page) => {
              await page.getByLabel('Adresa de email').fill('nimeni@example.org')
              await page.getByLabel('Parola', { exact: true }).fill('nu-este-parola')
            },
            expect: /Adresa de email sau parola nu sunt corecte/,
          },
          { path: '/signup', submit: 'Creează contul' },
          { path: '/forgot-password', submit: 'Trimite legătura' },
          { path: `/reset-password?token=${demo.reset}`, submit: 'Salvează parola nouă' },
        ],
      ],
      [
        'ngoMember',
        [
          { path: `${open}/sections/cap-i-b`, submit: 'Trimite recomandarea' },
          { path: '/organisations/new', submit: 'Înscrie organizația' },
        ],
      ],
      [
        'editor',
        [
          { path: `${staff}/plans/new`, submit: 'Citește și arată secțiunile' },
          {
            path: `${staff}/plans/${demo.plan[PANGARATI]}/minutes`,
            submit: 'Creează procesul-verbal',
            before: (page) => page.getByLabel('Titlul').fill(''),
          },
          {
            path: `${staff}/plans/${demo.closedPlan}/adopt`,
            submit: 'Înregistrează adoptarea',
            before: (page) => page.getByLabel('Numărul hotărârii').fill('83'),
            expect: /Adoptarea a fost refuzată/,
          },
        ],
      ],
      ['legal', [{ path: `${staff}/protocols/new`, submit: 'Salvează protocolul' }]],
      ['coordinator', [{ path: `${staff}/meetings`, submit: 'Programează întâlnirea' }]],
      ['admin', [{ path: `${staff}/team`, submit: 'Trimite invitația' }]],
      ['operator', [{ path: '/admin/authorities/new', submit: 'Creează autoritatea' }]],
    ]
    const failures: string[] = []
    let checked = 0
    for (const [role, cases] of CASES) {
      const { page, close } = await asUser(browser, role === 'anonymous' ? null : ACCOUNTS[role])
      for (const c of cases) {
        await page.goto(c.path)
        await c.before?.(page)
        await page.getByRole('button', { name: c.submit, exact: true }).click()
        const shown = c.expect
          ? page.getByText(c.expect).first()
          : page.locator('main .field-error, main [role="alert"]').first()
        await expect(shown, `${c.path}: the errors after "${c.submit}"`).toBeVisible()
        // Every field in error says so, and points at its message.
        for (const field of await page.locator('main [aria-invalid="true"]').all()) {
          const described = (await field.getAttribute('aria-describedby')) ?? ''
          const messages = await Promise.all(
            described
              .split(' ')
              .filter(Boolean)
              .map((id) => page.locator(`[id="${id}"]`).textContent()),
          )
          if (!messages.some((m) => m?.trim())) {
            failures.push(`${c.path} (${c.submit}): ${await field.getAttribute('name')} is invalid without a message`)
          }
        }
        const report = await axeReport(page)
        if (report) failures.push(`${c.path} after "${c.submit}" (${role}):\n${report}`)
        checked++
      }
      await close()
    }
    expect(checked).toBe(CASES.reduce((n, [, cases]) => n + cases.length, 0))
    expect(failures, failures.join('\n\n')).toEqual([])
  })
})
