/**
 * Sessions and log-in: throttling of repeated wrong passwords (per account and per address),
 * a new session on every log-in (a cookie held before stops working), sessions ended on the
 * server by logging out, a password change or reset, and permissions that follow a change of
 * roles on the very next request, for pages kept in the page cache too.
 */
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, type RunningApp } from '../support/app'
import { EMAILS, eventually, openDb, parsePage, startSecurityApp } from './helpers'

let app: RunningApp
let db: Database.Database

beforeAll(async () => {
  app = await startSecurityApp()
  db = openDb(app)
})

afterAll(async () => {
  db?.close()
  await app?.stop()
})

/** Requests made by hand, with exactly the cookie given (or none). */
async function request(
  path: string,
  options: { cookie?: string; form?: Record<string, string>; origin?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (options.cookie) headers.cookie = options.cookie
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    if (options.origin !== null) headers.origin = options.origin ?? app.url
  }
  return fetch(app.url + path, {
    method: options.form ? 'POST' : 'GET',
    headers,
    body: options.form ? new URLSearchParams(options.form) : undefined,
    redirect: 'manual',
  })
}

function sessionSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith('session='))
}

function cookieOf(res: Response): string {
  const set = sessionSetCookie(res)
  if (!set) throw new Error(`no session cookie in ${res.status}`)
  return set.split(';')[0]!
}

async function login(email: string, password = DEMO_PASSWORD, cookie?: string) {
  return request('/login', { form: { email, password }, cookie })
}

/** Whom a cookie is signed in as: the account page's email, or 'anonymous' when it sends to log in. */
async function whoIs(cookie: string): Promise<string> {
  const res = await request('/account', { cookie })
  if (res.status === 302) return /^\/login/.test(res.headers.get('location') ?? '') ? 'anonymous' : 'redirect'
  const html = await res.text()
  return (
    /[\w.+-]+@[\w.-]+\.\w+/.exec(parsePage(html, null).values.join(' ') + ' ' + parsePage(html, null).text)?.[0] ?? '?'
  )
}

async function userId(email: string) {
  return db.prepare('select id from users where email = ?').pluck().get(email) as string
}

describe('log-in throttling', () => {
  const invalid = 'Adresa de email sau parola nu sunt corecte.'

  it('refuses an account after repeated wrong passwords, the right one too, with a clear message and Retry-After', async () => {
    const email = EMAILS.editor
    for (let i = 0; i < 5; i++) {
      // The account is the address, whatever its case.
      const res = await login(i % 2 ? email.toUpperCase() : email, `parola-gresita-${i}`)
      expect(res.status, `attempt ${i + 1}`).toBe(400)
      expect(parsePage(await res.text(), null).text).toContain(invalid)
    }
    const blocked = await login(email)
    expect(blocked.status).toBe(429)
    expect(sessionSetCookie(blocked)).toBeUndefined()
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(5)
    expect(parsePage(await blocked.text(), null).text).toMatch(
      /Prea multe încercări nereușite\. Încercați din nou peste \d+ secunde\./,
    )
    // Another account from the same address is not affected.
    expect((await login(EMAILS.viewer)).status).toBe(302)
    // Once the delay has passed, the right password works again.
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200))
    expect((await login(email)).status).toBe(302)
  })

  it('treats an address without an account exactly like one with an account (nothing revealed)', async () => {
    const answers: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await login('nimeni@example.org', `parola-${i}`)
      expect(res.status).toBe(400)
      answers.push(parsePage(await res.text(), null).text.includes(invalid) ? 'invalid' : 'other')
    }
    expect(answers).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid'])
    expect((await login('nimeni@example.org', 'orice')).status).toBe(429)
  })
})

describe('a new session on every log-in', () => {
  it('issues a fresh HttpOnly, SameSite cookie; a session cookie planted before log-in stops working', async () => {
    // An attacker's own session, planted in the victim's browser (session fixation).
    const planted = cookieOf(await login('cetatean@demo.planuri.ro'))
    expect(await whoIs(planted)).toBe('cetatean@demo.planuri.ro')
    const res = await login(EMAILS.member, DEMO_PASSWORD, planted)
    expect(res.status).toBe(302)
    const set = sessionSetCookie(res)!
    expect(set).toMatch(/; HttpOnly/i)
    expect(set).toMatch(/; SameSite=Lax/i)
    expect(set).toMatch(/; Path=\//i)
    expect(set).not.toMatch(/; Secure/i) // plain HTTP in tests; production: see headers.test.ts
    const fresh = set.split(';')[0]!
    expect(fresh).not.toBe(planted)
    expect(await whoIs(fresh)).toBe(EMAILS.member)
    expect(await whoIs(planted)).toBe('anonymous')
  })

  it('never accepts a made-up or altered session cookie', async () => {
    const real = cookieOf(await login(EMAILS.ngoAdmin))
    const [id, secret] = real.slice('session='.length).split('.')
    for (const forged of [
      'session=abc',
      `session=${id}`,
      `session=${id}.${'a'.repeat(24)}`,
      `session=${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`,
      `session=${id}.${secret}.x`,
      `session=${id!.toUpperCase()}.${secret!.toUpperCase()}`,
    ]) {
      expect(await whoIs(forged), forged).toBe('anonymous')
    }
    expect(await whoIs(real)).toBe(EMAILS.ngoAdmin)
  })

  it('logging out ends the session on the server, not only in the browser', async () => {
    const cookie = cookieOf(await login(EMAILS.coord))
    const out = await request('/logout', { cookie, form: {} })
    expect(out.status).toBe(302)
    expect(sessionSetCookie(out)).toMatch(/Max-Age=0/)
    expect(await whoIs(cookie)).toBe('anonymous')
  })

  it('logging out everywhere ends every session of the person', async () => {
    const a = cookieOf(await login(EMAILS.legal))
    const b = cookieOf(await login(EMAILS.legal))
    expect(a).not.toBe(b)
    expect((await request('/account', { cookie: a, form: { intent: 'logout-everywhere' } })).status).toBe(302)
    expect([await whoIs(a), await whoIs(b)]).toEqual(['anonymous', 'anonymous'])
  })
})

describe('password changes', () => {
  it('a password change ends every other session and gives this browser a new one', async () => {
    const email = 'beneficiari@demo.planuri.ro'
    const here = cookieOf(await login(email))
    const elsewhere = cookieOf(await login(email))
    const changed = await request('/account', {
      cookie: here,
      form: {
        intent: 'password',
        currentPassword: DEMO_PASSWORD,
        newPassword: 'o-parola-noua-2026',
        confirmPassword: 'o-parola-noua-2026',
      },
    })
    expect(changed.status).toBe(302)
    const rotated = cookieOf(changed)
    expect(rotated).not.toBe(here)
    expect(await whoIs(rotated)).toBe(email)
    expect(await whoIs(here)).toBe('anonymous')
    expect(await whoIs(elsewhere)).toBe('anonymous')
    expect((await login(email)).status).toBe(400)
    expect((await login(email, 'o-parola-noua-2026')).status).toBe(302)
  })

  it('a password reset from the emailed link ends every session of the account', async () => {
    const email = 'furnizor@demo.planuri.ro'
    const before = cookieOf(await login(email))
    expect((await request('/forgot-password', { form: { email } })).status).toBe(302)
    const token = await eventually('the reset link', () => {
      const text = db
        .prepare("select text from email_outbox where template = 'password-reset' and to_address = ?")
        .pluck()
        .get(email) as string | undefined
      return text ? /reset-password\?token=([^\s&]+)/.exec(text)?.[1] : undefined
    })
    const reset = await request('/reset-password', {
      form: {
        token: decodeURIComponent(token),
        password: 'parola-resetata-2026',
        confirmPassword: 'parola-resetata-2026',
      },
    })
    expect(reset.status).toBe(302)
    expect(await whoIs(before)).toBe('anonymous')
    // The link works once.
    const again = await request('/reset-password', {
      form: { token: decodeURIComponent(token), password: 'alta-parola-2026', confirmPassword: 'alta-parola-2026' },
    })
    expect(again.status).toBe(400)
    expect((await login(email, 'parola-resetata-2026')).status).toBe(302)
  })
})

describe('a change of roles', () => {
  it('a removed staff member loses access on the next request, cached pages and calendar feed included', async () => {
    const viewer = cookieOf(await login(EMAILS.viewer))
    const dashboard = '/a/pangarati/staff/protocols'
    const first = await request(dashboard, { cookie: viewer })
    expect(first.status).toBe(200)
    await first.arrayBuffer()
    const second = await request(dashboard, { cookie: viewer })
    expect(second.status).toBe(200)
    // Served from the rendered-page cache when the server keeps one.
    if (second.headers.has('x-page-cache')) expect(second.headers.get('x-page-cache')).toBe('hit')
    await second.arrayBuffer()
    const feed = await request('/account', { cookie: viewer, form: { intent: 'calendar-create' } })
    const feedPath = /\/calendar\/[a-z0-9]+\.[a-z0-9]+\.ics/.exec(await feed.text())![0]
    expect(await (await request(feedPath)).text()).toContain('BEGIN:VEVENT')

    const admin = cookieOf(await login(EMAILS.admin))
    const removed = await request('/a/pangarati/staff/team', {
      cookie: admin,
      form: { intent: 'remove', userId: await userId(EMAILS.viewer) },
    })
    expect(removed.status).toBe(302)

    expect((await request(dashboard, { cookie: viewer })).status).toBe(403)
    expect((await request('/a/pangarati/staff', { cookie: viewer })).status).toBe(403)
    expect((await request(`${dashboard}/export.csv`, { cookie: viewer })).status).toBe(403)
    expect(await (await request(feedPath)).text()).not.toContain('BEGIN:VEVENT')
    // The session itself goes on: the person is still signed in, with what they may still do.
    expect(await whoIs(viewer)).toBe(EMAILS.viewer)
  })

  it('a role granted or withdrawn applies to the open session at once', async () => {
    const coord = cookieOf(await login(EMAILS.coord))
    const admin = cookieOf(await login(EMAILS.admin))
    const coordId = await userId(EMAILS.coord)
    const newProtocol = '/a/pangarati/staff/protocols/new'
    expect((await request(newProtocol, { cookie: coord })).status).toBe(403)
    const granted = await request('/a/pangarati/staff/team', {
      cookie: admin,
      form: { intent: 'set-roles', userId: coordId, roles: 'legal' },
    })
    expect(granted.status).toBe(302)
    expect((await request(newProtocol, { cookie: coord })).status).toBe(200)
    const withdrawn = await request('/a/pangarati/staff/team', {
      cookie: admin,
      form: { intent: 'set-roles', userId: coordId, roles: 'coordinator' },
    })
    expect(withdrawn.status).toBe(302)
    expect((await request(newProtocol, { cookie: coord })).status).toBe(403)
    expect((await request(newProtocol, { cookie: coord, form: { title: 'x' } })).status).toBe(403)
  })
})

describe('throttling by address (last: it blocks every log-in from this address)', () => {
  it('refuses every log-in from an address after many failures across accounts', async () => {
    let refused = 0
    for (let i = 0; i < 40 && refused === 0; i++) {
      const res = await login(`necunoscut${i}@example.org`, 'gresit')
      if (res.status === 429) refused = i
    }
    expect(refused).toBeGreaterThan(10)
    const res = await login(EMAILS.operator)
    expect(res.status).toBe(429)
    expect(sessionSetCookie(res)).toBeUndefined()
  })
})
