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

describe('sign-up, verification, log-in and log-out over HTTP', () => {
  it('creates an account, emails a code through Resend, verifies it and logs in and out', async () => {
    const client = new Client(app.url)
    const email = 'ana.popescu@example.org'
    const signup = await client.post('/signup', {
      name: 'Ana Popescu',
      email,
      password: 'o parola destul de lunga',
      confirmPassword: 'o parola destul de lunga',
      acceptTerms: 'on',
    })
    expect(signup.status).toBe(302)
    expect(signup.headers.get('location')).toBe('/account/verify')

    // An unverified account is sent to verification first.
    const blocked = await client.get('/account')
    expect(blocked.headers.get('location')).toBe('/account/verify')

    const message = await resend.waitFor((e) => e.to.includes(email))
    expect(message.authorization).toBe('Bearer re_test_key')
    expect(message.idempotencyKey).toBeTruthy()
    expect(message.subject).toBe('Codul de confirmare a adresei de email')
    const code = /\b(\d{8})\b/.exec(message.text)?.[1]
    expect(code).toBeDefined()

    const wrong = await client.post('/account/verify', { code: code === '00000000' ? '11111111' : '00000000' })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('Codul nu este corect.')

    const verified = await client.post('/account/verify', { code: code! })
    expect(verified.status).toBe(302)
    expect(verified.headers.get('location')).toBe('/account?verified=1')

    const account = await client.get('/account')
    expect(account.status).toBe(200)
    expect(await account.text()).toContain('Ana Popescu')

    const logout = await client.post('/logout', {})
    expect(logout.status).toBe(302)
    expect(client.hasCookie('session')).toBe(false)
    expect((await client.get('/account')).headers.get('location')).toMatch(/^\/login/)

    const again = await client.post('/login', {
      email: 'ANA.popescu@example.org',
      password: 'o parola destul de lunga',
    })
    expect(again.status).toBe(302)
    expect((await client.get('/account')).status).toBe(200)
  })

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/', async () => {
    const res = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'operator@demo.planuri.ro', password: DEMO_PASSWORD }),
      redirect: 'manual',
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).toMatch(/^session=[a-z2-9]{24}\.[a-z2-9]{24};/)
  })
})

describe('cross-origin protection', () => {
  it('refuses a log-in POST from another origin or with no origin, with 403', async () => {
    const client = new Client(app.url)
    const form = { email: 'operator@demo.planuri.ro', password: DEMO_PASSWORD }
    expect((await client.post('/login', form, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await client.post('/login', form, { origin: null })).status).toBe(403)
    expect(client.hasCookie('session')).toBe(false)
    expect((await client.post('/login', form)).status).toBe(302)
  })
})

describe('log-in throttling', () => {
  it('slows down repeated wrong passwords for an account, even when the right one comes next', async () => {
    const client = new Client(app.url)
    const email = 'viewer.pangarati@demo.planuri.ro'
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push((await client.post('/login', { email, password: `wrong-${i}-password` })).status)
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400])
    expect(statuses.at(-1)).toBe(429)
    const right = await client.post('/login', { email, password: DEMO_PASSWORD })
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await right.text()).toContain('Prea multe încercări nereușite')
  })
})

describe('health', () => {
  it('answers 200 when the database is reachable', async () => {
    const res = await fetch(`${app.url}/healthz`)
    expect(res.status).toBe(200)
  })
})
