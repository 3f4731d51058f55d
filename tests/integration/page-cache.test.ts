/**
 * The rendered-page cache over HTTP: pages many people read are served from memory, yet every
 * change shows at once, whoever makes it (a request, another process writing the database), and
 * nobody is served another person's page. Each answer carries its own CSP nonce.
 */
import http from 'node:http'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

let app: RunningApp
let planUrl = ''
let anchor = ''

const CITIZEN = 'cetatean@demo.planuri.ro'
const LEGAL = 'juridic.pangarati@demo.planuri.ro'

function nonceOf(res: Response): string {
  return /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? ''
}

async function page(client: Client, path: string) {
  const res = await client.get(path)
  return { res, status: res.status, cache: res.headers.get('x-page-cache'), html: await res.text() }
}

function writeDirectly(sql: string, ...params: unknown[]) {
  const db = new Database(app.databasePath)
  db.pragma('busy_timeout = 5000')
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  app = await startApp({ APP_NOW: '2026-11-23T09:00:00Z' })
  const consultations = await page(new Client(app.url), '/consultations?status=open')
  planUrl = /href="(\/a\/pangarati\/plans\/[^"/?#]+)"/.exec(consultations.html)?.[1] ?? ''
  expect(planUrl).not.toBe('')
  const plan = await page(new Client(app.url), planUrl)
  anchor = new RegExp(`href="${planUrl}/sections/([^"/?#]+)"`).exec(plan.html)?.[1] ?? ''
  expect(anchor).not.toBe('')
})

afterAll(async () => {
  await app?.stop()
})

describe('the rendered-page cache', () => {
  it('serves a page a second time from memory, with a fresh nonce in the header and the scripts', async () => {
    const reader = new Client(app.url)
    await page(reader, '/authorities')
    const first = await page(reader, '/authorities')
    const second = await page(reader, '/authorities')
    expect(second.cache).toBe('hit')
    const [a, b] = [nonceOf(first.res), nonceOf(second.res)]
    expect(a).not.toBe('')
    expect(a).not.toBe(b)
    for (const [html, nonce] of [
      [first.html, a],
      [second.html, b],
    ] as const) {
      const nonces = [...html.matchAll(/<script[^>]*nonce="([^"]*)"/g)].map((m) => m[1])
      expect(nonces.length).toBeGreaterThan(0)
      expect(new Set(nonces)).toEqual(new Set([nonce]))
    }
    expect(first.html.replaceAll(a, 'N')).toBe(second.html.replaceAll(b, 'N'))
  })

  it('shows a new recommendation to anonymous readers at once', async () => {
    const reader = new Client(app.url)
    const sectionUrl = `${planUrl}/sections/${anchor}`
    await page(reader, sectionUrl)
    expect((await page(reader, sectionUrl)).cache).toBe('hit')

    const citizen = new Client(app.url)
    await citizen.login(CITIZEN, DEMO_PASSWORD)
    const text = 'Propunem un centru de zi deschis și sâmbăta (verificare a paginilor păstrate).'
    const posted = await citizen.post(sectionUrl, { signAs: 'person', text, proposedWording: '' })
    expect(posted.status).toBe(302)

    const after = await page(reader, sectionUrl)
    expect(after.cache).toBe('miss')
    expect(after.html).toContain(text)
  })

  it('shows a change written by another process (the CLI, a script) at once', async () => {
    const reader = new Client(app.url)
    await page(reader, '/a/pangarati')
    expect((await page(reader, '/a/pangarati')).cache).toBe('hit')
    writeDirectly(`UPDATE authorities SET name = ? WHERE slug = 'pangarati'`, 'Comuna Pângărați (redenumită)')
    const after = await page(reader, '/a/pangarati')
    expect(after.html).toContain('Comuna Pângărați (redenumită)')
  })

  it('keeps a signed-in person’s pages their own, and forgets them after logging out', async () => {
    const citizen = new Client(app.url)
    const login = await citizen.login(CITIZEN, DEMO_PASSWORD)
    const session = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!)
      .find((pair) => pair.startsWith('session='))
    expect(session).toBeTruthy()
    await page(citizen, planUrl)
    const own = await page(citizen, planUrl)
    expect(own.cache).toBe('hit')
    expect(own.html).toContain('Ion Olaru')

    const anonymous = await page(new Client(app.url), planUrl)
    expect(anonymous.html).not.toContain('Ion Olaru')
    const legal = new Client(app.url)
    await legal.login(LEGAL, DEMO_PASSWORD)
    expect((await page(legal, planUrl)).html).not.toContain('Ion Olaru')

    // The old session cookie, replayed after logging out, gets no one's page.
    expect((await citizen.post('/logout', {})).status).toBe(302)
    const replay = await fetch(app.url + planUrl, { headers: { cookie: session! }, redirect: 'manual' })
    expect(replay.headers.get('x-page-cache')).toBeNull()
    expect(await replay.text()).not.toContain('Ion Olaru')
  })

  it('updates the registry dashboard when a protocol changes', async () => {
    const legal = new Client(app.url)
    await legal.login(LEGAL, DEMO_PASSWORD)
    await page(legal, '/a/pangarati/staff/protocols')
    const before = await page(legal, '/a/pangarati/staff/protocols')
    expect(before.cache).toBe('hit')
    writeDirectly(
      `UPDATE protocols SET title = 'Protocol redenumit pentru verificare' WHERE id = (SELECT p.id FROM protocols p JOIN authorities a ON a.id = p.authority_id WHERE a.slug = 'pangarati' LIMIT 1)`,
    )
    const after = await page(legal, '/a/pangarati/staff/protocols')
    expect(after.cache).toBe('miss')
    expect(after.html).toContain('Protocol redenumit pentru verificare')
  })

  it('renders afresh for requests carrying other cookies, and never keeps forms or errors', async () => {
    const res = await fetch(app.url + '/authorities', { headers: { cookie: 'flash=1' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-page-cache')).toBeNull()
    const login = await page(new Client(app.url), '/login')
    expect(login.cache).toBeNull()
    const missing = new Client(app.url)
    await page(missing, '/a/pangarati/plans/no-such-plan')
    const again = await page(missing, '/a/pangarati/plans/no-such-plan')
    expect(again.status).toBe(404)
    expect(again.cache).toBe('miss')
  })

  it('sends a kept page gzipped to a browser that takes gzip, with that answer’s own nonce, and plain to one that does not', async () => {
    /** The raw answer, as the bytes arrive (fetch would decompress them). */
    const raw = (path: string, acceptEncoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const url = new URL(path, app.url)
        http
          .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          })
          .on('error', reject)
      })
    const nonce = (headers: http.IncomingHttpHeaders) =>
      /'nonce-([^']+)'/.exec(String(headers['content-security-policy']))?.[1] ?? ''
    await raw(planUrl, 'identity')
    const gzipped = await raw(planUrl, 'gzip, deflate, br')
    expect(gzipped.headers['x-page-cache']).toBe('hit')
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(String(gzipped.headers.vary)).toMatch(/Accept-Encoding/i)
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length)
    const html = zlib.gunzipSync(gzipped.body).toString('utf8')
    expect(gzipped.body.length).toBeLessThan(html.length / 3)
    expect(html).toContain('</html>')
    const scriptNonces = [...html.matchAll(/<script nonce="([^"]+)"/g)].map((m) => m[1])
    expect(scriptNonces.length).toBeGreaterThan(0)
    expect(new Set(scriptNonces)).toEqual(new Set([nonce(gzipped.headers)]))

    const plain = await raw(planUrl, 'identity')
    expect(plain.headers['x-page-cache']).toBe('hit')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const plainHtml = plain.body.toString('utf8')
    expect(plainHtml.replaceAll(nonce(plain.headers), 'NONCE')).toBe(html.replaceAll(nonce(gzipped.headers), 'NONCE'))
  })
})
