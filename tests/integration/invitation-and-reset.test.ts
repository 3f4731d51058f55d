import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'

let app: RunningApp
let resend: FakeResend

beforeAll(async () => {
  resend = await startFakeResend()
  app = await startApp({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url })
})

afterAll(async () => {
  await app?.stop()
  await resend?.close()
})

function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s\\]]+${path}[^\\s\\])]*`).exec(text)
  if (!m) throw new Error(`No ${path} link in:\n${text}`)
  return new URL(m[0]).pathname + new URL(m[0]).search
}

describe('staff invitation', () => {
  it('an authority admin invites a legal officer, who signs up from the email and lands in the staff area', async () => {
    const admin = new Client(app.url)
    await admin.login('admin.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    const invite = await admin.post('/a/pangarati/staff/team', {
      intent: 'invite',
      email: 'consilier.nou@example.org',
      roles: 'legal',
    })
    expect(invite.status).toBe(302)

    const email = await resend.waitFor((e) => e.to.includes('consilier.nou@example.org'))
    expect(email.subject).toContain('Comuna Pângărați')
    expect(email.text).toContain('Consilier juridic')
    const acceptPath = linkIn(email.text, '/invitations/')
    const token = decodeURIComponent(acceptPath.split('/invitations/')[1]!)

    const invited = new Client(app.url)
    const page = await invited.get(acceptPath)
    expect(page.status).toBe(200)
    const signup = await invited.post('/signup', {
      name: 'Consilier Nou',
      email: 'consilier.nou@example.org',
      password: 'parola consilierului nou',
      confirmPassword: 'parola consilierului nou',
      acceptTerms: 'on',
      invitation: token,
    })
    expect(signup.status).toBe(302)
    expect(signup.headers.get('location')).toBe('/a/pangarati/staff')
    expect((await invited.get('/a/pangarati/staff')).status).toBe(200)
    // a legal officer, not an administrator
    expect((await invited.get('/a/pangarati/staff/team')).status).toBe(403)

    // the invitation works once
    const again = await new Client(app.url).get(acceptPath)
    expect(again.status).toBe(410)

    // and the authority's history shows it
    const history = await admin.get(await historyPath(admin))
    const html = await history.text()
    expect(html).toContain('Invitație trimisă')
    expect(html).toContain('Invitație acceptată')
  })
})

async function historyPath(client: Client): Promise<string> {
  const html = await (await client.get('/a/pangarati/staff')).text()
  const m = /href="(\/audit\/authority\/[^"]+)"/.exec(html)
  if (!m) throw new Error('No history link in the staff area')
  return m[1]!
}

describe('password reset', () => {
  it('emails a single-use link that sets a new password and ends every session', async () => {
    const email = 'voluntar@demo.planuri.ro'
    const elsewhere = new Client(app.url)
    await elsewhere.login(email, DEMO_PASSWORD)
    expect((await elsewhere.get('/account')).status).toBe(200)

    const anonymous = new Client(app.url)
    const ask = await anonymous.post('/forgot-password', { email })
    expect(ask.headers.get('location')).toBe('/forgot-password?sent=1')
    // the same answer for an address with no account
    const unknown = await anonymous.post('/forgot-password', { email: 'nobody@example.org' })
    expect(unknown.headers.get('location')).toBe('/forgot-password?sent=1')

    const message = await resend.waitFor((e) => e.to.includes(email) && e.subject === 'Resetarea parolei')
    const resetPath = linkIn(message.text, '/reset-password')
    const token = new URLSearchParams(resetPath.split('?')[1]).get('token')!
    expect((await anonymous.get(resetPath)).status).toBe(200)

    const reset = await anonymous.post('/reset-password', {
      token,
      password: 'o parola complet noua',
      confirmPassword: 'o parola complet noua',
    })
    expect(reset.status).toBe(302)
    expect(reset.headers.get('location')).toBe('/login?reset=1')

    // every session ended, the old password no longer works, the new one does
    expect((await elsewhere.get('/account')).headers.get('location')).toMatch(/^\/login/)
    expect((await new Client(app.url).post('/login', { email, password: DEMO_PASSWORD })).status).toBe(400)
    expect((await new Client(app.url).post('/login', { email, password: 'o parola complet noua' })).status).toBe(302)

    // the link works once
    const twice = await anonymous.post('/reset-password', {
      token,
      password: 'inca o parola noua',
      confirmPassword: 'inca o parola noua',
    })
    expect(twice.status).toBe(400)
  })
})
