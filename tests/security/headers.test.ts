/**
 * Security headers: a Content-Security-Policy whose script nonce changes with every response
 * (cached pages included) and is the only way a script runs, frame-ancestors, nosniff, the
 * referrer policy; HSTS and Secure cookies in production only; and production refuses to start
 * without its secrets.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, serverEntry, startApp, type RunningApp } from '../support/app'
import { cspNonce, parsePage, startSecurityApp } from './helpers'

let app: RunningApp

beforeAll(async () => {
  app = await startSecurityApp()
})

afterAll(async () => {
  await app?.stop()
})

/** Starts the server in production with this configuration and waits for it to give up. */
function startFails(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverEntry()], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATABASE_PATH: ':memory:', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

function directives(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy') ?? ''
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

async function nonceAndScripts(res: Response) {
  const nonce = cspNonce(res)
  const html = await res.text()
  const page = parsePage(html, nonce)
  return { nonce, page, html }
}

describe('Content-Security-Policy', () => {
  it('allows scripts only from this site or with the nonce of the response, never inline or eval', async () => {
    const res = await fetch(`${app.url}/login`)
    const csp = directives(res)
    expect(csp.get('default-src')).toEqual(["'self'"])
    const scripts = csp.get('script-src')!
    expect(scripts).toContain("'self'")
    expect(scripts.filter((s) => s.startsWith("'nonce-"))).toHaveLength(1)
    expect(scripts).not.toContain("'unsafe-inline'")
    expect(scripts).not.toContain("'unsafe-eval'")
    expect(scripts.some((s) => s === '*' || s.startsWith('http') || s === 'data:')).toBe(false)
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'self'"])
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
  })

  it('gives every response its own nonce, carried by every inline script of the page, cached pages included', async () => {
    for (const path of ['/', '/login', '/consultations', '/a/pangarati']) {
      const first = await nonceAndScripts(await fetch(app.url + path))
      const second = await nonceAndScripts(await fetch(app.url + path))
      expect(first.nonce, path).toMatch(/^[A-Za-z0-9+/=]{16,}$/)
      expect(second.nonce, path).not.toBe(first.nonce)
      for (const { page, nonce, html } of [first, second]) {
        expect(page.scripts, path).toBeGreaterThan(0)
        expect(page.problems, path).toEqual([])
        expect(html, path).toContain(`nonce="${nonce}"`)
      }
      // The other response's nonce appears nowhere in this one.
      expect(second.html).not.toContain(first.nonce!)
    }
  })

  it('allows inline styles only in the sandboxed HTML of an email', async () => {
    const editor = new Client(app.url)
    await editor.login('editor.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    const preview = await editor.get('/emails/verify-email?lang=ro&part=html')
    expect(directives(preview).get('style-src')).toContain("'unsafe-inline'")
    expect(directives(preview).get('script-src')).not.toContain("'unsafe-inline'")
    const page = await editor.get('/emails/verify-email?lang=ro')
    expect(directives(page).get('style-src')).not.toContain("'unsafe-inline'")
  })
})

describe('the other headers', () => {
  // (/healthz answers before the security middleware: a plain-text "ok" for the load balancer.)
  const paths = ['/', '/login', '/nu-exista', '/consultations.json', '/a/pangarati/transparency.csv', '/favicon.svg']

  it('are sent on pages, errors and downloads alike', async () => {
    for (const path of paths) {
      const res = await fetch(app.url + path, { redirect: 'manual' })
      await res.arrayBuffer()
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin')
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin')
      expect(res.headers.get('x-powered-by'), path).toBeNull()
      expect(directives(res).get('frame-ancestors'), path).toEqual(["'self'"])
    }
  })

  it('sends no HSTS outside production (a local http:// address must keep working)', async () => {
    const res = await fetch(`${app.url}/`)
    expect(res.headers.get('strict-transport-security')).toBeNull()
    expect(directives(res).has('upgrade-insecure-requests')).toBe(false)
  })

  it('lets other sites read the open data only, never a staff download', async () => {
    const open = await fetch(`${app.url}/consultations.json`)
    expect(open.headers.get('access-control-allow-origin')).toBe('*')
    const legal = new Client(app.url)
    await legal.login('juridic.pangarati@demo.planuri.ro', DEMO_PASSWORD)
    for (const path of ['/a/pangarati/staff/protocols/export.csv', '/account', '/a/pangarati/staff/protocols']) {
      const res = await legal.get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull()
    }
  })
})

describe('production', () => {
  const SECRET = 'un-secret-de-productie-de-cel-putin-32-de-caractere'
  const APP_URL = 'https://planuri.example.ro'
  let prod: RunningApp

  beforeAll(async () => {
    prod = await startApp({ NODE_ENV: 'production', SESSION_SECRET: SECRET, APP_URL })
  })

  afterAll(async () => {
    await prod?.stop()
  })

  it('sends HSTS for a year with subdomains, and asks browsers to upgrade insecure requests', async () => {
    for (const path of ['/', '/login', '/nu-exista']) {
      const res = await fetch(prod.url + path)
      await res.arrayBuffer()
      const hsts = res.headers.get('strict-transport-security') ?? ''
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), path).toBeGreaterThanOrEqual(31_536_000)
      expect(hsts, path).toMatch(/includeSubDomains/)
      expect(directives(res).has('upgrade-insecure-requests'), path).toBe(true)
      expect(cspNonce(res), path).toBeTruthy()
    }
  })

  it('marks the session cookie Secure', async () => {
    // Production has no demo: a new account, posted from the public address through a reverse
    // proxy that says the original host and scheme (as a browser there would).
    const res = await fetch(`${prod.url}/signup`, {
      method: 'POST',
      headers: {
        'x-forwarded-host': new URL(APP_URL).host,
        'x-forwarded-proto': 'https',
        origin: APP_URL,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        name: 'Persoană de test',
        email: 'productie@example.org',
        password: 'o-parola-lunga-2026',
        confirmPassword: 'o-parola-lunga-2026',
        acceptTerms: 'on',
      }),
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })

  it('shows no stack trace or internal detail on an error page', async () => {
    const res = await fetch(`${prod.url}/a/nu-exista/plans/nici-acesta`)
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).not.toMatch(/at \w+ \(|node_modules|\.tsx?:\d+/)
  })

  // The rules themselves are unit-tested (tests/unit/config.test.ts): here, that the server obeys them.
  it('refuses to start without SESSION_SECRET and APP_URL, naming both', async () => {
    const { code, output } = await startFails({ SESSION_SECRET: '', APP_URL: '' })
    expect(code).toBe(1)
    expect(output).toMatch(/SESSION_SECRET is required in production/)
    expect(output).toMatch(/APP_URL is required in production/)
  })
})
