/**
 * The authorisation matrix, generated from the route files: every file of app/routes has at
 * least one concrete URL below (ids from the demo data and the suite's fixtures) and the answer
 * expected for each person, for GET and, when the route has an action, for a POST (an empty or
 * deliberately incomplete form, so that an allowed person gets the form's 400 and nothing
 * changes). A route file without a row fails the suite: a new page cannot be added without
 * deciding who may see it. The same-origin check (CSRF) is tested on every route with an action.
 *
 * Codes: OK 200 · BD 400 (the form's refusal, i.e. allowed to try) · NO 403 · NF 404 (does not
 * exist for this person) · NA 405 · LI 302 to the log-in page · RD 302 elsewhere.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type RunningApp } from '../support/app'
import {
  IDENTITIES,
  People,
  fileForm,
  makeFixtures,
  openDb,
  one,
  sessionCookie,
  startSecurityApp,
  type Fixtures,
  type Identity,
} from './helpers'

const OK = 'OK'
const BD = 'BD'
const NO = 'NO'
const NF = 'NF'
const NA = 'NA'
const LI = 'LI'
const RD = 'RD'
type Outcome = typeof OK | typeof BD | typeof NO | typeof NF | typeof NA | typeof LI | typeof RD
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]

/** One URL of a route file: `{name}` is replaced by the fixture of that name. */
type Case = { url: string; read: Row; post?: Row; form?: Record<string, string> }

const ALL_OK: Row = [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]
/** A draft of Pângărați, through a public URL: it does not exist for anyone but its staff and the operator. */
const DRAFT: Row = [NF, NF, NF, NF, OK, OK, OK, OK, OK, OK]
const STAFF: Row = [LI, NO, NO, NO, OK, OK, OK, OK, OK, OK]

// Columns:                  anon member ngoAdm other  admin editor legal coord viewer operator
const MATRIX: Record<string, Case[]> = {
  '$.tsx': [{ url: '/nu-exista/pagina', read: [NF, NF, NF, NF, NF, NF, NF, NF, NF, NF] }],
  '_index.tsx': [{ url: '/', read: ALL_OK }],
  'a.$slug._index.tsx': [{ url: '/a/pangarati', read: ALL_OK }],
  'a.$slug.meetings._index.tsx': [{ url: '/a/pangarati/meetings', read: ALL_OK }],
  'a.$slug.meetings.rsvp.tsx': [
    {
      url: '/a/pangarati/meetings/rsvp?token={rsvpToken}',
      read: ALL_OK,
      post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD],
    },
  ],
  'a.$slug.meetings[.]ics.tsx': [{ url: '/a/pangarati/meetings.ics', read: ALL_OK }],
  'a.$slug.minutes.$minutesId._index.tsx': [
    {
      url: '/a/pangarati/minutes/{minutes}',
      read: [NF, NF, NF, NF, OK, OK, OK, OK, OK, OK],
      post: [NF, NF, NF, NF, BD, BD, BD, BD, BD, BD],
    },
  ],
  'a.$slug.minutes.$minutesId.attachments.$attachmentId.tsx': [
    { url: '/a/pangarati/minutes/{minutes}/attachments/{minutesAttachment}', read: DRAFT },
  ],
  'a.$slug.plans.$planId._index.tsx': [
    { url: '/a/pangarati/plans/{open}', read: ALL_OK, post: [LI, BD, BD, BD, BD, BD, BD, BD, BD, BD] },
    { url: '/a/pangarati/plans/{draft}', read: DRAFT, post: [NF, NF, NF, NF, BD, BD, BD, BD, BD, BD] },
  ],
  'a.$slug.plans.$planId.attachments.$attachmentId.tsx': [
    { url: '/a/pangarati/plans/{draft}/attachments/{draftAttachment}', read: DRAFT },
  ],
  'a.$slug.plans.$planId.changes.tsx': [
    { url: '/a/pangarati/plans/{open}/changes', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/changes', read: DRAFT },
  ],
  'a.$slug.plans.$planId.plan[.]docx.tsx': [
    { url: '/a/pangarati/plans/{open}/plan.docx', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/plan.docx', read: DRAFT },
  ],
  // The hidden recommendation: its page exists for all (the text is withheld, see idor.test.ts).
  'a.$slug.plans.$planId.recommendations.$recId._index.tsx': [
    {
      url: '/a/pangarati/plans/{open}/recommendations/{hiddenRec}',
      read: ALL_OK,
      post: [LI, NF, NF, NF, NF, NF, NF, NF, NF, NF],
    },
  ],
  // Its attachment: the author (the NGO member) and the moderators only.
  'a.$slug.plans.$planId.recommendations.$recId.attachment.tsx': [
    {
      url: '/a/pangarati/plans/{open}/recommendations/{hiddenRec}/attachment',
      read: [NF, OK, NF, NF, OK, OK, NF, NF, NF, OK],
    },
  ],
  'a.$slug.plans.$planId.recommendations[.]json.tsx': [
    { url: '/a/pangarati/plans/{open}/recommendations.json', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/recommendations.json', read: DRAFT },
  ],
  'a.$slug.plans.$planId.report.tsx': [
    { url: '/a/pangarati/plans/{open}/report', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/report', read: DRAFT },
  ],
  'a.$slug.plans.$planId.report[.]csv.tsx': [
    { url: '/a/pangarati/plans/{open}/report.csv', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/report.csv', read: DRAFT },
  ],
  'a.$slug.plans.$planId.report[.]docx.tsx': [
    { url: '/a/pangarati/plans/{open}/report.docx', read: ALL_OK },
    { url: '/a/pangarati/plans/{draft}/report.docx', read: DRAFT },
  ],
  'a.$slug.plans.$planId.sections.$anchor.tsx': [
    {
      url: '/a/pangarati/plans/{open}/sections/{anchor}',
      read: ALL_OK,
      post: [LI, BD, BD, BD, BD, BD, BD, BD, BD, BD],
    },
    { url: '/a/pangarati/plans/{draft}/sections/{draftAnchor}', read: DRAFT },
  ],
  'a.$slug.protocols.tsx': [{ url: '/a/pangarati/protocols', read: ALL_OK }],
  'a.$slug.protocols[.]json.tsx': [{ url: '/a/pangarati/protocols.json', read: ALL_OK }],
  'a.$slug.staff.tsx': [{ url: '/a/pangarati/staff', read: STAFF }],
  'a.$slug.staff._index.tsx': [{ url: '/a/pangarati/staff', read: STAFF }],
  'a.$slug.staff.meetings.$meetingId.tsx': [
    {
      url: '/a/pangarati/staff/meetings/{meeting}',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, NO, NO, BD, NO, BD],
    },
  ],
  'a.$slug.staff.meetings._index.tsx': [
    { url: '/a/pangarati/staff/meetings', read: STAFF, post: [LI, NO, NO, NO, BD, NO, NO, BD, NO, BD] },
  ],
  'a.$slug.staff.minutes.$minutesId.tsx': [
    {
      url: '/a/pangarati/staff/minutes/{minutes}',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, NO, BD, NO, BD],
    },
  ],
  'a.$slug.staff.partners.tsx': [
    { url: '/a/pangarati/staff/partners', read: STAFF, post: [LI, NO, NO, NO, BD, NO, NO, BD, NO, BD] },
  ],
  'a.$slug.staff.plans.$planId._index.tsx': [
    { url: '/a/pangarati/staff/plans/{draft}', read: STAFF, post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD] },
  ],
  'a.$slug.staff.plans.$planId.adopt.tsx': [
    {
      url: '/a/pangarati/staff/plans/{open}/adopt',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.plans.$planId.debates.tsx': [
    {
      url: '/a/pangarati/staff/plans/{open}/debates',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.plans.$planId.minutes.tsx': [
    {
      url: '/a/pangarati/staff/plans/{open}/minutes',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, NO, BD, NO, BD],
    },
  ],
  'a.$slug.staff.plans.$planId.recommendations.tsx': [
    {
      url: '/a/pangarati/staff/plans/{open}/recommendations',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.plans.$planId.versions.new.tsx': [
    {
      url: '/a/pangarati/staff/plans/{open}/versions/new',
      read: [LI, NO, NO, NO, OK, OK, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.plans._index.tsx': [{ url: '/a/pangarati/staff/plans', read: STAFF }],
  'a.$slug.staff.plans.new.tsx': [
    {
      url: '/a/pangarati/staff/plans/new',
      read: [LI, NO, NO, NO, OK, OK, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, BD, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.protocols.$id._index.tsx': [
    {
      url: '/a/pangarati/staff/protocols/{protocol}',
      read: STAFF,
      post: [LI, NO, NO, NO, BD, BD, BD, BD, BD, BD],
    },
  ],
  'a.$slug.staff.protocols.$id.addendum.tsx': [
    {
      url: '/a/pangarati/staff/protocols/{protocol}/addendum',
      read: [LI, NO, NO, NO, OK, NO, OK, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, BD, NO, NO, BD],
    },
  ],
  'a.$slug.staff.protocols.$id.documents.$documentId.tsx': [
    { url: '/a/pangarati/staff/protocols/{protocol}/documents/{protocolDocument}', read: STAFF },
  ],
  'a.$slug.staff.protocols.$id.edit.tsx': [
    {
      url: '/a/pangarati/staff/protocols/{protocol}/edit',
      read: [LI, NO, NO, NO, OK, NO, OK, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, BD, NO, NO, BD],
    },
  ],
  'a.$slug.staff.protocols._index.tsx': [{ url: '/a/pangarati/staff/protocols', read: STAFF }],
  'a.$slug.staff.protocols.export[.]csv.tsx': [{ url: '/a/pangarati/staff/protocols/export.csv', read: STAFF }],
  'a.$slug.staff.protocols.import.tsx': [
    {
      url: '/a/pangarati/staff/protocols/import',
      read: [LI, NO, NO, NO, OK, NO, OK, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, BD, NO, NO, BD],
    },
  ],
  'a.$slug.staff.protocols.new.tsx': [
    {
      url: '/a/pangarati/staff/protocols/new',
      read: [LI, NO, NO, NO, OK, NO, OK, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, BD, NO, NO, BD],
    },
  ],
  'a.$slug.staff.protocols.template[.]csv.tsx': [{ url: '/a/pangarati/staff/protocols/template.csv', read: STAFF }],
  'a.$slug.staff.services.tsx': [
    { url: '/a/pangarati/staff/services', read: STAFF, post: [LI, NO, NO, NO, BD, NO, NO, BD, NO, BD] },
  ],
  'a.$slug.staff.settings.tsx': [
    {
      url: '/a/pangarati/staff/settings',
      read: [LI, NO, NO, NO, OK, NO, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, NO, NO, NO, BD],
    },
  ],
  'a.$slug.staff.team.tsx': [
    {
      url: '/a/pangarati/staff/team',
      read: [LI, NO, NO, NO, OK, NO, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, BD, NO, NO, NO, NO, BD],
    },
  ],
  'a.$slug.transparency.tsx': [{ url: '/a/pangarati/transparency', read: ALL_OK }],
  'a.$slug.transparency[.]csv.tsx': [{ url: '/a/pangarati/transparency.csv', read: ALL_OK }],
  'a.$slug.transparency[.]docx.tsx': [{ url: '/a/pangarati/transparency.docx', read: ALL_OK }],
  'account._index.tsx': [
    { url: '/account', read: [LI, OK, OK, OK, OK, OK, OK, OK, OK, OK], post: [LI, BD, BD, BD, BD, BD, BD, BD, BD, BD] },
  ],
  'account.notifications.tsx': [
    {
      url: '/account/notifications',
      read: [LI, OK, OK, OK, OK, OK, OK, OK, OK, OK],
      post: [LI, RD, RD, RD, RD, RD, RD, RD, RD, RD],
    },
  ],
  // After a refused form the page's loader sends verified people to their account, others to log in.
  'account.verify.tsx': [
    {
      url: '/account/verify',
      read: [LI, RD, RD, RD, RD, RD, RD, RD, RD, RD],
      post: [LI, RD, RD, RD, RD, RD, RD, RD, RD, RD],
    },
  ],
  'admin._index.tsx': [{ url: '/admin', read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK] }],
  'admin.authorities.new.tsx': [
    {
      url: '/admin/authorities/new',
      read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, NO, NO, NO, NO, NO, BD],
    },
  ],
  'admin.outbox.$id._index.tsx': [
    {
      url: '/admin/outbox/{outboxWithAttachment}',
      read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK],
      post: [LI, NO, NO, NO, NO, NO, NO, NO, NO, RD],
    },
  ],
  'admin.outbox.$id.attachments.$index.tsx': [
    { url: '/admin/outbox/{outboxWithAttachment}/attachments/0', read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK] },
  ],
  'admin.outbox.$id.html.tsx': [
    { url: '/admin/outbox/{outboxWithAttachment}/html', read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK] },
  ],
  'admin.outbox._index.tsx': [{ url: '/admin/outbox', read: [LI, NO, NO, NO, NO, NO, NO, NO, NO, OK] }],
  'audit.$entityType.$entityId.tsx': [
    { url: '/audit/authority/{pangaratiId}', read: STAFF },
    { url: '/audit/protocol/{protocol}', read: STAFF },
    { url: '/audit/plan/{countyDraft}', read: [LI, NO, NO, OK, NO, NO, NO, NO, NO, OK] },
    { url: '/audit/recommendation/{hiddenRec}', read: [LI, NO, NO, NO, OK, OK, NO, NO, NO, OK] },
    { url: '/audit/organisation/{ngoId}', read: [LI, NO, OK, NO, NO, NO, NO, NO, NO, OK] },
    { url: '/audit/user/{memberUserId}', read: [LI, OK, NO, NO, NO, NO, NO, NO, NO, OK] },
  ],
  // A constant page, the benchmark's baseline.
  'baseline.tsx': [{ url: '/baseline', read: ALL_OK }],
  'authorities._index.tsx': [{ url: '/authorities', read: ALL_OK }],
  'calendar.$token[.]ics.tsx': [{ url: '/calendar/{calendarToken}.ics', read: ALL_OK }],
  'consultations._index.tsx': [{ url: '/consultations', read: ALL_OK, post: [LI, BD, BD, BD, BD, BD, BD, BD, BD, BD] }],
  'consultations.feed[.]xml.tsx': [{ url: '/consultations/feed.xml', read: ALL_OK }],
  'consultations[.]csv.tsx': [{ url: '/consultations.csv', read: ALL_OK }],
  'consultations[.]json.tsx': [{ url: '/consultations.json', read: ALL_OK }],
  // Every staff member (of any authority) and the operator see what the emails look like.
  'emails.$name.tsx': [{ url: '/emails/verify-email', read: [LI, NO, NO, OK, OK, OK, OK, OK, OK, OK] }],
  'emails._index.tsx': [{ url: '/emails', read: [LI, NO, NO, OK, OK, OK, OK, OK, OK, OK] }],
  'forgot-password.tsx': [{ url: '/forgot-password', read: ALL_OK, post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD] }],
  'invitations.$token.tsx': [
    { url: '/invitations/{invitationToken}', read: ALL_OK, post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD] },
  ],
  // Signed-in people are sent to their account, also after a refused form.
  'login.tsx': [
    {
      url: '/login',
      read: [OK, RD, RD, RD, RD, RD, RD, RD, RD, RD],
      post: [BD, RD, RD, RD, RD, RD, RD, RD, RD, RD],
    },
  ],
  // Posting here ends the session: done last of all (see the end of this file).
  'logout.tsx': [
    { url: '/logout', read: [RD, RD, RD, RD, RD, RD, RD, RD, RD, RD], post: [RD, RD, RD, RD, RD, RD, RD, RD, RD, RD] },
  ],
  // An empty form: members are refused outright, anyone else may ask to join (the form is incomplete).
  'organisations.$slug._index.tsx': [
    { url: '/organisations/{ngoSlug}', read: ALL_OK, post: [LI, NO, NO, BD, BD, BD, BD, BD, BD, BD] },
  ],
  // An incomplete form comes back with its errors as 200 (not 400) on this page.
  'organisations.$slug.edit.tsx': [
    {
      url: '/organisations/{ngoSlug}/edit',
      read: [LI, NO, OK, NO, NO, NO, NO, NO, NO, OK],
      post: [LI, NO, BD, NO, NO, NO, NO, NO, NO, BD],
    },
  ],
  'organisations.$slug.members.tsx': [
    {
      url: '/organisations/{ngoSlug}/members',
      read: [LI, NO, OK, NO, NO, NO, NO, NO, NO, OK],
      post: [LI, NO, BD, NO, NO, NO, NO, NO, NO, BD],
    },
  ],
  'organisations._index.tsx': [{ url: '/organisations', read: ALL_OK }],
  'organisations.new.tsx': [
    {
      url: '/organisations/new',
      read: [LI, OK, OK, OK, OK, OK, OK, OK, OK, OK],
      post: [LI, BD, BD, BD, BD, BD, BD, BD, BD, BD],
    },
  ],
  'reminders.$id.ack.tsx': [
    // The link of the email acts for the person it was sent to, whoever opens it.
    { url: '/reminders/{reminder}/ack?token={reminderToken}', read: ALL_OK },
    { url: '/reminders/{reminder}/ack', read: STAFF, post: [LI, NO, NO, NO, RD, RD, RD, RD, RD, RD] },
  ],
  'reset-password.tsx': [{ url: '/reset-password', read: ALL_OK, post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD] }],
  'search.tsx': [{ url: '/search?q=asisten%C8%9Bi', read: ALL_OK }],
  'set-language.tsx': [
    {
      url: '/set-language',
      read: [RD, RD, RD, RD, RD, RD, RD, RD, RD, RD],
      post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD],
    },
  ],
  'signup.tsx': [
    {
      url: '/signup',
      read: [OK, RD, RD, RD, RD, RD, RD, RD, RD, RD],
      post: [BD, RD, RD, RD, RD, RD, RD, RD, RD, RD],
    },
  ],
  'unsubscribe._index.tsx': [{ url: '/unsubscribe', read: ALL_OK, post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD] }],
  'unsubscribe.one-click.tsx': [
    {
      url: '/unsubscribe/one-click',
      read: [NA, NA, NA, NA, NA, NA, NA, NA, NA, NA],
      post: [BD, BD, BD, BD, BD, BD, BD, BD, BD, BD],
    },
  ],
}

// ------------------------------------------------------------------ the route files

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../app/routes')
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => f.endsWith('.tsx'))
  .sort()

function hasAction(file: string) {
  return /export (async )?function action\b|export const action\b/.test(
    fs.readFileSync(path.join(ROUTES_DIR, file), 'utf8'),
  )
}

/** The URL pattern of a flat-routes file name: `a.$slug.meetings[.]ics.tsx` → /a/<slug>/meetings.ics. */
function routePattern(file: string): RegExp {
  const segments = file.replace(/\.tsx$/, '').match(/(?:\[[^\]]*\]|[^.[])+/g) ?? []
  const parts = segments
    .filter((s) => s !== '_index')
    .map((s) => {
      if (s === '$') return '.*'
      if (s.startsWith('$')) return '[^/]+'
      return s
        .replace(/\[([^\]]*)\]/g, '$1')
        .split('')
        .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('')
    })
  return new RegExp(`^/${parts.join('/')}$`)
}

describe('the matrix covers every route', () => {
  it('has a row for every file of app/routes, and none for a file that no longer exists', () => {
    expect(routeFiles.length).toBeGreaterThan(50)
    expect(routeFiles.filter((f) => !MATRIX[f])).toEqual([])
    expect(Object.keys(MATRIX).filter((f) => !routeFiles.includes(f))).toEqual([])
  })

  it('tries a POST exactly on the routes that have an action', () => {
    const withAction = routeFiles.filter(hasAction)
    expect(withAction.length).toBeGreaterThan(30)
    for (const file of routeFiles) {
      for (const c of MATRIX[file] ?? []) {
        if (!hasAction(file)) expect(c.post, `${file} has no action`).toBeUndefined()
      }
      if (hasAction(file))
        expect(
          MATRIX[file]!.some((c) => c.post),
          `${file} has an action: a POST row`,
        ).toBe(true)
    }
  })

  it('gives each route a URL that the route file answers', () => {
    for (const [file, cases] of Object.entries(MATRIX)) {
      for (const c of cases)
        expect(new URL(c.url.replace(/\{\w+\}/g, 'x'), 'http://h').pathname).toMatch(routePattern(file))
    }
  })
})

// ------------------------------------------------------------------ running it

let app: RunningApp
let people: People
let fixtures: Fixtures

beforeAll(async () => {
  app = await startSecurityApp()
  people = new People(app)
  // Log everyone in first (in parallel), then make the fixtures.
  await Promise.all(IDENTITIES.map((who) => people.as(who)))
  fixtures = await makeFixtures(app, people)
})

afterAll(async () => {
  await app?.stop()
})

function concrete(url: string): string {
  return url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fixtures[name as keyof Fixtures]
    if (!value) throw new Error(`No fixture ${name}`)
    return name.endsWith('Token') ? encodeURIComponent(value) : value
  })
}

function outcome(res: Response): Outcome | string {
  const status = res.status
  if (status === 302 || status === 303) {
    return /^\/login\?redirectTo=/.test(res.headers.get('location') ?? '') ? LI : RD
  }
  const codes: Record<number, Outcome> = { 200: OK, 400: BD, 403: NO, 404: NF, 405: NA }
  return codes[status] ?? String(status)
}

async function row(method: 'GET' | 'POST', c: Case): Promise<Record<Identity, string>> {
  const url = concrete(c.url)
  const results = await Promise.all(
    IDENTITIES.map(async (who) => {
      const client = await people.as(who)
      const res = method === 'GET' ? await client.get(url) : await client.post(url, c.form ?? {})
      await res.arrayBuffer()
      return [who, outcome(res)] as const
    }),
  )
  return Object.fromEntries(results) as Record<Identity, string>
}

const labelled = (r: Row) => Object.fromEntries(IDENTITIES.map((who, i) => [who, r[i]]))

const LAST = new Set(['logout.tsx'])

describe('who gets what, route by route', () => {
  for (const [file, cases] of Object.entries(MATRIX)) {
    for (const c of cases) {
      it(`GET ${c.url} (${file})`, async () => {
        expect(await row('GET', c)).toEqual(labelled(c.read))
      })
      if (c.post && !LAST.has(file)) {
        it(`POST ${c.url} (${file})`, async () => {
          expect(await row('POST', c)).toEqual(labelled(c.post!))
        })
      }
    }
  }
})

// ------------------------------------------------------------------ CSRF

const FOREIGN_ORIGINS = (base: string) => {
  const port = new URL(base).port
  return [
    null, // no Origin header at all
    'null', // sandboxed frames, data: URLs, some redirects
    'https://evil.example',
    `http://localhost:${port}.evil.example`,
    `http://127.0.0.1:${port}`, // same machine, another origin
    `https://localhost:${port}`, // another scheme
    `http://localhost:${Number(port) + 1}`, // another port
  ]
}

describe('CSRF: a state-changing request must come from a page of this site', () => {
  const withAction = () =>
    Object.entries(MATRIX).flatMap(([file, cases]) => cases.filter((c) => c.post).map((c) => ({ file, url: c.url })))

  it('refuses a POST without Origin or with a foreign Origin on every route with an action (403), for anyone', async () => {
    const editor = await people.as('editor')
    const operator = await people.as('operator')
    const anon = await people.as('anon')
    const refusals: string[] = []
    for (const { file, url } of withAction()) {
      if (file === 'unsubscribe.one-click.tsx') continue
      for (const client of [anon, editor, operator]) {
        for (const origin of FOREIGN_ORIGINS(app.url)) {
          const res = await client.post(concrete(url), {}, { origin })
          const body = await res.text()
          if (res.status !== 403 || !body.includes('cross-origin or origin-less request refused')) {
            refusals.push(`${url} with Origin ${origin}: ${res.status}`)
          }
        }
      }
    }
    expect(refusals).toEqual([])
  })

  it('accepts the same POST from the site itself (the check is not refusing everything)', async () => {
    const editor = await people.as('editor')
    const res = await editor.post('/a/pangarati/staff/plans/new', {})
    expect(res.status).toBe(400)
  })

  it('refuses PUT, PATCH and DELETE without Origin too', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${app.url}/account`, { method, redirect: 'manual' })
      expect(res.status, method).toBe(403)
    }
  })

  it('refuses a cross-site upload (multipart) and stores nothing', async () => {
    const db = openDb(app)
    try {
      const before = db.prepare('select count(*) from plan_attachments').pluck().get()
      // The editor's session cookie, sent along by a foreign page's form (the browser adds its Origin).
      const cookie = await sessionCookie(app, 'editor.pangarati@demo.planuri.ro')
      const form = fileForm(
        { intent: 'attachment', title: 'Din alt site' },
        { field: 'file', name: 'x.pdf', bytes: Buffer.from('%PDF-1.4 din alt site\n') },
      )
      const res = await fetch(`${app.url}/a/pangarati/staff/plans/${fixtures.draft}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', cookie },
        body: form,
        redirect: 'manual',
      })
      expect(res.status).toBe(403)
      expect(db.prepare('select count(*) from plan_attachments').pluck().get()).toBe(before)
    } finally {
      db.close()
    }
  })

  it('leaves everything unchanged when a refused cross-site form is posted with a valid session', async () => {
    const admin = await people.as('admin')
    const res = await admin.post(
      '/a/pangarati/staff/settings',
      {
        name: 'Nume schimbat de alt site',
        kind: 'local_council',
        county: 'Neamț',
        contactEmail: 'x@example.org',
        postalAddress: 'Altă adresă, județul Neamț',
        announcementMinDays: '30',
        announcementDayCounting: 'calendar',
        recommendationWindowMinDays: '10',
      },
      { origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
    const db = openDb(app)
    try {
      expect(one<{ name: string }>(db, "select name from authorities where slug = 'pangarati'").name).toBe(
        'Comuna Pângărați',
      )
    } finally {
      db.close()
    }
  })

  it('lets a mail client post the RFC 8058 one-click unsubscribe without an Origin, with its token only', async () => {
    const url = new URL(fixtures.unsubscribeUrl, app.url)
    const oneClick = `/unsubscribe/one-click${url.search}`
    const noToken = await fetch(`${app.url}/unsubscribe/one-click`, { method: 'POST', redirect: 'manual' })
    expect(noToken.status).toBe(400)
    const forged = await fetch(`${app.url}/unsubscribe/one-click?kind=consultation_opened&token=abc.def`, {
      method: 'POST',
      redirect: 'manual',
    })
    expect(forged.status).toBe(400)
    const res = await fetch(app.url + oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('Unsubscribed.')
  })

  it('changes nothing on GET: opening /logout does not log out', async () => {
    const client = new Client(app.url)
    await client.login('beneficiari@demo.planuri.ro', 'demo-planuri-2026')
    expect((await client.get('/logout')).status).toBe(302)
    expect((await client.get('/account')).status).toBe(200)
  })
})

// ------------------------------------------------------------------ what the codes do not show

describe('what a refusal looks like', () => {
  it('a refused page says so; a page that needs a log-in sends there and back', async () => {
    const refused = await (await people.as('viewer')).get('/a/pangarati/staff/team')
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('Nu aveți acces la această pagină')
    const anonymous = await (await people.as('anon')).get('/a/pangarati/staff/team?tab=x')
    expect(anonymous.headers.get('location')).toBe(
      `/login?redirectTo=${encodeURIComponent('/a/pangarati/staff/team?tab=x')}`,
    )
  })

  it('a refused change leaves nothing changed', async () => {
    const viewer = await people.as('viewer')
    const settings = await viewer.post('/a/pangarati/staff/settings', {
      name: 'Nume schimbat de un observator',
      kind: 'local_council',
      county: 'Neamț',
      contactEmail: 'x@example.org',
      postalAddress: 'Altă adresă, județul Neamț',
      announcementMinDays: '30',
      announcementDayCounting: 'calendar',
      recommendationWindowMinDays: '10',
    })
    expect(settings.status).toBe(403)
    const invite = await (
      await people.as('otherStaff')
    ).post('/a/pangarati/staff/team', {
      intent: 'invite',
      email: 'intrus@example.org',
      roles: 'admin',
    })
    expect(invite.status).toBe(403)
    const db = openDb(app)
    try {
      expect(one<{ name: string }>(db, "select name from authorities where slug = 'pangarati'").name).toBe(
        'Comuna Pângărați',
      )
      expect(
        db.prepare("select count(*) from staff_invitations where email = 'intrus@example.org'").pluck().get(),
      ).toBe(0)
    } finally {
      db.close()
    }
  })

  it('staff and the operator preview every email template in both languages, sandboxed', async () => {
    const editor = await people.as('editor')
    expect(await (await editor.get('/emails')).text()).toContain('Resetarea parolei')
    expect(await (await editor.get('/emails/staff-invitation?lang=ro')).text()).toContain(
      'Invitație în echipa Comuna Pângărați',
    )
    expect(await (await editor.get('/emails/staff-invitation?lang=en')).text()).toContain(
      'Invitation to the team of Comuna Pângărați',
    )
    expect((await editor.get('/emails/no-such-template')).status).toBe(404)
  })
})

// ------------------------------------------------------------------ last: logging out

describe('logging out (last: it ends the sessions used above)', () => {
  for (const file of LAST) {
    for (const c of MATRIX[file]!) {
      if (!c.post) continue
      it(`POST ${c.url} (${file})`, async () => {
        expect(await row('POST', c)).toEqual(labelled(c.post!))
        // The sessions are over: the account page sends everyone to log in.
        const after = await Promise.all(
          IDENTITIES.map(async (who) => outcome(await (await people.as(who)).get('/account'))),
        )
        expect(after).toEqual(IDENTITIES.map(() => LI))
      })
    }
  }
})
