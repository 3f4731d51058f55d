/**
 * Shared by the security suite: the people of the demo (logged in once per file), read-only
 * access to the test database, fixtures that the demo lacks (a draft plan with an attachment, a
 * hidden recommendation with an attachment, draft minutes with a scan, a protocol document,
 * tokens read from the outbox), and the check that a rendered page carries no active markup.
 */
import Database from 'better-sqlite3'
import { Parser } from 'htmlparser2'
import { expect } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

/** The columns of the authorisation matrix, in this order everywhere. */
export const IDENTITIES = [
  'anon',
  'member',
  'ngoAdmin',
  'otherStaff',
  'admin',
  'editor',
  'legal',
  'coord',
  'viewer',
  'operator',
] as const
export type Identity = (typeof IDENTITIES)[number]

export const EMAILS: Record<Exclude<Identity, 'anon'>, string> = {
  member: 'voluntar@demo.planuri.ro', // member of the NGO Asociația Vârstnici Activi Pângărați
  ngoAdmin: 'ong@demo.planuri.ro', // administrator of that NGO
  otherStaff: 'admin.dgaspc@demo.planuri.ro', // admin and editor of the county directorate, not of Pângărați
  admin: 'admin.pangarati@demo.planuri.ro',
  editor: 'editor.pangarati@demo.planuri.ro',
  legal: 'juridic.pangarati@demo.planuri.ro',
  coord: 'coordonator.pangarati@demo.planuri.ro',
  viewer: 'viewer.pangarati@demo.planuri.ro',
  operator: 'operator@demo.planuri.ro', // platform administrator
}

/** A fixed day, so that windows, semesters and reminders do not depend on when the suite runs. */
export const TODAY = '2026-11-23'

export function startSecurityApp(env: Record<string, string> = {}) {
  return startApp({ APP_NOW: `${TODAY}T09:00:00Z`, ...env })
}

/** One logged-in client per person and app, made on first use. */
export class People {
  private clients = new Map<string, Promise<Client>>()
  constructor(private readonly app: RunningApp) {}

  as(who: Identity | string): Promise<Client> {
    let client = this.clients.get(who)
    if (!client) {
      client = (async () => {
        const c = new Client(this.app.url)
        if (who === 'anon') return c
        const email = who in EMAILS ? EMAILS[who as keyof typeof EMAILS] : who
        await c.login(email, DEMO_PASSWORD)
        return c
      })()
      this.clients.set(who, client)
    }
    return client
  }
}

/** Logs in over HTTP and returns the `session=…` cookie, for requests made by hand. */
export async function sessionCookie(app: RunningApp, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${app.url}/login`, {
    method: 'POST',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))
  if (res.status !== 302 || !cookie) throw new Error(`login of ${email} failed with ${res.status}`)
  return cookie.split(';')[0]!
}

/** The test database, read-only (the app keeps writing to it; WAL lets both work). */
export function openDb(app: RunningApp) {
  return new Database(app.databasePath, { readonly: true, fileMustExist: true })
}

export function one<T = Record<string, unknown>>(db: Database.Database, sql: string, ...params: unknown[]): T {
  const row = db.prepare(sql).get(...params) as T | undefined
  if (!row) throw new Error(`No row for: ${sql} ${JSON.stringify(params)}`)
  return row
}

export function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (
    (db
      .prepare(sql)
      .pluck()
      .get(...params) as number) ?? 0
  )
}

export function location(res: Response): string {
  return res.headers.get('location') ?? ''
}

/**
 * The value once `read` finds it: reminders and notifications are written by the background
 * worker, a moment after the app starts.
 */
export async function eventually<T>(what: string, read: () => T | undefined | null, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined && value !== null) return value
    if (Date.now() > until) throw new Error(`Gave up waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The path of a redirect, for the id it carries: `/a/x/staff/plans/ID?done=…` → `ID`. */
export function idAfter(res: Response, segment: string): string {
  const m = new RegExp(`/${segment}/([^/?#]+)`).exec(location(res))
  if (!m) throw new Error(`No /${segment}/<id> in the redirect ${res.status} ${location(res)}`)
  return m[1]!
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

export function fileForm(fields: Record<string, string>, file?: { field: string; name: string; bytes: Uint8Array }) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append(file.field, new Blob([new Uint8Array(file.bytes)]), file.name)
  return form
}

/** An outline as the plan import preview sends it back on save. */
export function outline(sections: Array<{ number: string; heading: string; text: string; html?: string }>) {
  return JSON.stringify(
    sections.map((s, i) => ({
      number: s.number,
      heading: s.heading,
      level: 1,
      text: s.text,
      html: s.html ?? `<p>${s.text}</p>`,
      anchor: `sectiunea-${i + 1}`,
    })),
  )
}

export type Fixtures = {
  pangaratiId: string
  countyId: string
  /** Pângărați's plan in consultation (public). */
  open: string
  /** A draft of Pângărați made for the suite (staff only), with a PDF attachment. */
  draft: string
  draftAttachment: string
  draftAnchor: string
  /** The county's strategy draft of the demo. */
  countyDraft: string
  anchor: string
  /** A recommendation of the NGO member on the open plan, with a PDF, hidden by the editor. */
  hiddenRec: string
  /** A recommendation of the NGO admin (public, not hidden). */
  ngoRec: string
  /** Draft minutes of the open plan, with a PDF scan. */
  minutes: string
  minutesAttachment: string
  meeting: string
  rsvpToken: string
  protocol: string
  protocolDocument: string
  reminder: string
  reminderToken: string
  calendarToken: string
  invitationToken: string
  outboxWithAttachment: string
  unsubscribeUrl: string
  ngoSlug: string
  ngoId: string
  providerSlug: string
  memberUserId: string
}

/**
 * What the demo lacks, made through the app as its users would (so every id is real), and the
 * rest read from the database and the outbox.
 */
export async function makeFixtures(app: RunningApp, people: People): Promise<Fixtures> {
  const db = openDb(app)
  try {
    const authority = (slug: string) => one<{ id: string }>(db, 'select id from authorities where slug = ?', slug).id
    const pangaratiId = authority('pangarati')
    const countyId = authority('dgaspc-valea-muresului')
    const open = one<{ id: string }>(
      db,
      "select id from plans where authority_id = ? and status = 'in_consultation'",
      pangaratiId,
    ).id
    const countyDraft = one<{ id: string }>(
      db,
      "select id from plans where authority_id = ? and status = 'draft'",
      countyId,
    ).id
    const anchor = one<{ anchor: string }>(
      db,
      `select s.anchor from plan_sections s join plans p on p.current_version_id = s.version_id
       where p.id = ? and s.heading like 'Serviciile sociale propuse%'`,
      open,
    ).anchor
    const org = (kind: string) =>
      one<{ id: string; slug: string }>(db, 'select id, slug from organisations where kind = ?', kind)
    const ngo = org('ngo')
    const provider = org('private_provider')
    const userId = (email: string) => one<{ id: string }>(db, 'select id from users where email = ?', email).id
    const ngoRec = one<{ id: string }>(
      db,
      'select id from recommendations where plan_id = ? and author_user_id = ?',
      open,
      userId(EMAILS.ngoAdmin),
    ).id
    const meeting = one<{ id: string }>(
      db,
      "select id from meetings where authority_id = ? and status = 'scheduled'",
      pangaratiId,
    ).id

    const editor = await people.as('editor')
    const draftRes = await editor.post('/a/pangarati/staff/plans/new', {
      intent: 'save',
      kind: 'strategy',
      title: 'Proiect de test al suitei de securitate',
      year: '2027',
      summary: 'Un proiect pe care doar personalul îl vede.',
      justification: 'Test.',
      outline: outline([{ number: 'CAPITOLUL I', heading: 'Context', text: 'Textul proiectului de test.' }]),
    })
    expect(draftRes.status, 'the editor saves a draft').toBe(302)
    const draft = idAfter(draftRes, 'plans')
    const attached = await editor.postMultipart(
      `/a/pangarati/staff/plans/${draft}`,
      fileForm({ intent: 'attachment', title: 'Anexa proiectului' }, { field: 'file', name: 'anexa.pdf', bytes: PDF }),
    )
    expect(attached.status, 'the editor attaches a PDF to the draft').toBe(302)
    const draftAttachment = one<{ id: string }>(db, 'select id from plan_attachments where plan_id = ?', draft).id
    const draftAnchor = one<{ anchor: string }>(
      db,
      'select s.anchor from plan_sections s join plans p on p.current_version_id = s.version_id where p.id = ?',
      draft,
    ).anchor

    const member = await people.as('member')
    const recRes = await member.postMultipart(
      `/a/pangarati/plans/${open}/sections/${anchor}`,
      fileForm(
        { signAs: 'person', text: 'O recomandare cu o anexă, pe care moderatorul o va ascunde.' },
        { field: 'attachment', name: 'studiu.pdf', bytes: PDF },
      ),
    )
    expect(recRes.status, 'the NGO member comments with an attachment').toBe(302)
    const hiddenRec = idAfter(recRes, 'recommendations')
    const hide = await editor.post(`/a/pangarati/staff/plans/${open}/recommendations`, {
      intent: 'hide',
      id: hiddenRec,
      reason: 'Date personale în anexă.',
    })
    expect(hide.status, 'the editor hides it').toBe(302)

    const minutesRes = await editor.post(`/a/pangarati/staff/plans/${open}/minutes`, {
      kind: 'consultation',
      title: 'Proces-verbal al consultării (ciornă)',
      date: TODAY,
      time: '10:00',
      place: 'Primăria Pângărați',
      summary: 'Ciornă: doar personalul o vede.',
    })
    expect(minutesRes.status, 'the editor drafts minutes').toBe(302)
    const minutes = idAfter(minutesRes, 'minutes')
    const scan = await editor.postMultipart(
      `/a/pangarati/staff/minutes/${minutes}`,
      fileForm({ intent: 'attachment', title: 'Scanare' }, { field: 'file', name: 'pv.pdf', bytes: PDF }),
    )
    expect(scan.status, 'the editor attaches the scan').toBe(302)
    const minutesAttachment = one<{ id: string }>(
      db,
      'select id from minutes_attachments where minutes_id = ?',
      minutes,
    ).id

    // A protocol of Pângărați with a reminder emailed to its legal officer (the demo's partnership
    // near its notice deadline). Read from the email itself: the first reminder recorded may have
    // gone to someone else (several are recorded in the same instant, in no fixed order).
    const reminderLink = await eventually('a reminder email to the legal officer, with its acknowledgement link', () =>
      /\/reminders\/([^/\s]+)\/ack\?token=([^\s&]+)/.exec(
        (
          db
            .prepare("select text from email_outbox where template = 'protocol-reminder' and to_address = ?")
            .pluck()
            .all(EMAILS.legal) as string[]
        ).join('\n'),
      ),
    )
    const reminderToken = reminderLink[2]!
    const reminderRow = one<{ id: string; protocol_id: string }>(
      db,
      'select id, protocol_id from protocol_reminders where id = ? and authority_id = ?',
      reminderLink[1],
      pangaratiId,
    )
    const protocol = reminderRow.protocol_id
    const legal = await people.as('legal')
    const upload = await legal.postMultipart(
      `/a/pangarati/staff/protocols/${protocol}`,
      fileForm({}, { field: 'document', name: 'protocol-semnat.pdf', bytes: PDF }),
    )
    expect(upload.status, 'the legal officer uploads the signed scan').toBe(302)
    const protocolDocument = one<{ id: string }>(
      db,
      'select id from protocol_documents where protocol_id = ?',
      protocol,
    ).id

    const outboxText = (sql: string, ...params: unknown[]) =>
      (
        db
          .prepare(sql)
          .pluck()
          .all(...params) as string[]
      ).join('\n')
    const fromOutbox = (what: string, pattern: RegExp, sql: string, ...params: unknown[]) =>
      eventually(`the ${what}`, () => pattern.exec(outboxText(sql, ...params))?.[1])
    const rsvpToken = await fromOutbox(
      'answer link in the meeting invitation',
      /\/meetings\/rsvp\?token=([^\s&]+)/,
      "select text from email_outbox where template = 'meeting-invitation'",
    )
    const unsubscribeUrl = await fromOutbox(
      'unsubscribe link in a notification',
      /(\/unsubscribe\?kind=[^\s&]+&token=[^\s&]+)/,
      "select text from email_outbox where template = 'consultation-opened'",
    )

    const outboxWithAttachment = one<{ id: string }>(
      db,
      'select id from email_outbox where attachments is not null order by created_at limit 1',
    ).id

    const feed = await legal.post('/account', { intent: 'calendar-create' })
    expect(feed.status, 'the legal officer creates a calendar feed').toBe(200)
    const calendar = /\/calendar\/([a-z0-9]+\.[a-z0-9]+)\.ics/.exec(await feed.text())
    expect(calendar, 'the page shows the feed address once').not.toBeNull()

    const admin = await people.as('admin')
    const invited = await admin.post('/a/pangarati/staff/team', {
      intent: 'invite',
      email: 'invitat.securitate@example.org',
      roles: 'viewer',
    })
    expect(invited.status, 'the admin invites a new viewer').toBe(302)
    const invitationMail = outboxText(
      "select text from email_outbox where template = 'staff-invitation' and to_address = ?",
      'invitat.securitate@example.org',
    )
    const invitation = /\/invitations\/([^\s"]+)/.exec(invitationMail)
    expect(invitation, 'the invitation email carries its link').not.toBeNull()

    return {
      pangaratiId,
      countyId,
      open,
      draft,
      draftAttachment,
      draftAnchor,
      countyDraft,
      anchor,
      hiddenRec,
      ngoRec,
      minutes,
      minutesAttachment,
      meeting,
      rsvpToken,
      protocol,
      protocolDocument,
      reminder: reminderRow.id,
      reminderToken,
      calendarToken: calendar![1]!,
      invitationToken: invitation![1]!,
      outboxWithAttachment,
      unsubscribeUrl,
      ngoSlug: ngo.slug,
      ngoId: ngo.id,
      providerSlug: provider.slug,
      memberUserId: userId(EMAILS.member),
    }
  } finally {
    db.close()
  }
}

// ------------------------------------------------------------------ inert HTML

/** The nonce of the response's Content-Security-Policy (script-src 'nonce-…'). */
export function cspNonce(res: Response): string | null {
  return /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? null
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc'])
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet', 'portal'])

export type ParsedPage = {
  problems: string[]
  /** The visible text, entities decoded, whitespace squeezed. */
  text: string
  /** The values of the page's input fields, entities decoded. */
  values: string[]
  scripts: number
}

/**
 * Reads a page as a browser would and lists what could run: a script without the response's
 * nonce, an event-handler attribute, a javascript:/vbscript:/data:text/html URL, a frame, an
 * object, a <base>, a refresh. Also returns the page's visible text (entities decoded), to check
 * that a payload was shown as text.
 */
export function parsePage(html: string, nonce: string | null): ParsedPage {
  const problems: string[] = []
  const values: string[] = []
  let text = ''
  let scripts = 0
  let inScript = 0
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'script') {
          scripts++
          inScript++
          if (!nonce || attribs.nonce !== nonce)
            problems.push(`<script> without the page's nonce: ${JSON.stringify(attribs)}`)
        }
        if (name === 'style') inScript++
        // The app's own frames (an email's HTML) are fully sandboxed: no scripts, no same-origin access.
        const sandboxedFrame = name === 'iframe' && attribs.sandbox === '' && /^\/[^/\\]/.test(attribs.src ?? '')
        if (FORBIDDEN_ELEMENTS.has(name) && !sandboxedFrame) problems.push(`<${name}> element`)
        if (name === 'input' && attribs.value !== undefined) values.push(attribs.value)
        if (name === 'meta' && /refresh|set-cookie/i.test(attribs['http-equiv'] ?? '')) {
          problems.push(`<meta http-equiv="${attribs['http-equiv']}">`)
        }
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) problems.push(`<${name} ${attr}="${value}">`)
          if (URL_ATTRIBUTES.has(attr.toLowerCase())) {
            // Browsers ignore tabs, newlines and leading control characters in a URL's scheme.
            const squeezed = [...value]
              .filter((c) => c.charCodeAt(0) > 0x20)
              .join('')
              .toLowerCase()
            if (/^(javascript|vbscript|data:text\/html|data:image\/svg)/.test(squeezed)) {
              problems.push(`<${name} ${attr}="${value}">`)
            }
          }
          if (attr === 'style' && /expression\(|url\(\s*['"]?\s*javascript:/i.test(value)) {
            problems.push(`<${name} style="${value}">`)
          }
        }
      },
      ontext(data) {
        if (!inScript) text += data
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && inScript > 0) inScript--
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return { problems, text: text.replace(/\s+/g, ' '), values, scripts }
}

/** Fetches a page and asserts it is an ordinary page with nothing active from user data in it. */
export async function expectInertPage(client: Client, path: string, mustShow: string[] = []) {
  const res = await client.get(path)
  expect(res.status, `${path} answers`).toBe(200)
  const html = await res.text()
  const page = parsePage(html, cspNonce(res))
  expect(page.problems, `active markup on ${path}`).toEqual([])
  expect(page.scripts, `${path} is a rendered page with its own scripts`).toBeGreaterThan(0)
  const squeezed = (s: string) => s.replace(/\s+/g, ' ').trim()
  for (const shown of mustShow) expect(page.text, `${path} shows the text as typed`).toContain(squeezed(shown))
  return { res, html, page }
}
