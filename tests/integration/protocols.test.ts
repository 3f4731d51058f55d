import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

let app: RunningApp

beforeAll(async () => {
  // A fixed "today" so that statuses and deadlines are known.
  app = await startApp({ APP_NOW: '2026-11-23T10:00:00Z' })
})

afterAll(async () => {
  await app?.stop()
})

async function signIn(who: string) {
  const client = new Client(app.url)
  await client.login(`${who}@demo.planuri.ro`, DEMO_PASSWORD)
  return client
}

const text = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '')

const base = '/a/pangarati/staff/protocols'

const autoRenewing = {
  kind: 'partnership_agreement',
  title: 'Acord de parteneriat',
  object: 'Voluntariat în centrele rezidențiale',
  'partners[0].name': 'Asociația Vecini Buni',
  termType: 'auto_renewing',
  start: '2025-12-23',
  renewalAmount: '1',
  renewalUnit: 'Y',
  noticeAmount: '30',
  noticeUnit: 'D',
  validityText: 'Se prelungește automat cu câte 1 an dacă niciuna dintre părți nu îl denunță cu 30 de zile înainte',
  isPublic: 'on',
}

describe('the protocol registry pages', () => {
  let protocolPath = ''

  it('a legal officer records an auto-renewing agreement and sees its notice deadline', async () => {
    const legal = await signIn('juridic.pangarati')
    const created = await legal.post(`${base}/new`, autoRenewing)
    expect(created.status).toBe(302)
    protocolPath = created.headers.get('location')!.split('?')[0]!
    const page = await text(await legal.get(protocolPath))
    // first period 23.12.2025 – 22.12.2026; notice deadline 30 days before the end
    expect(page).toContain('22.12.2026')
    expect(page).toContain('22.11.2026')
    expect(page).toContain('23.12.2026')
    expect(page).toContain('în vigoare')
  })

  it('refuses a date that does not exist and a fixed term without an end, saying why', async () => {
    const legal = await signIn('juridic.pangarati')
    const res = await legal.post(`${base}/new`, {
      ...autoRenewing,
      termType: 'fixed',
      start: '30.02.2024',
    })
    expect(res.status).toBe(400)
    const html = await text(res)
    expect(html).toContain('Scrieți o dată care există')
    expect(html).toContain('data de sfârșit este necesară')
  })

  it('records a decision not to renew: the agreement then ends with its period', async () => {
    const legal = await signIn('juridic.pangarati')
    const res = await legal.post(protocolPath, {
      intent: 'decide',
      decision: 'let_lapse',
      decidedOn: '2026-11-23',
      reason: 'Activitățile s-au încheiat.',
    })
    expect(res.status).toBe(302)
    const page = await text(await legal.get(protocolPath))
    expect(page).toContain('Nu se mai prelungește')
    expect(page).toContain('expiră curând')
    // the protocol's history names the decision and who took it
    const history = await text(await legal.get(`/audit/protocol/${protocolPath.split('/').pop()}`))
    expect(history).toContain('Decizie: nu se mai prelungește')
    expect(history).toContain('Andrei Lungu')
  })

  it('attaches a PDF and refuses a file that is not one', async () => {
    const legal = await signIn('juridic.pangarati')
    const upload = async (name: string, bytes: string) => {
      const form = new FormData()
      form.append('document', new Blob([bytes], { type: 'application/pdf' }), name)
      return legal.postMultipart(protocolPath, form)
    }
    expect((await upload('scan.pdf', '%PDF-1.4\n%fake but starts right\n')).status).toBe(302)
    const bad = await upload('virus.pdf', 'MZ this is not a pdf')
    expect(bad.status).toBe(400)
    expect(await text(bad)).toContain('Fișierul nu este un PDF.')
    const page = await text(await legal.get(protocolPath))
    const link = /href="([^"]+\/documents\/[^"]+)"/.exec(page)?.[1]
    expect(link).toBeDefined()
    const file = await legal.get(link!)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(await file.text()).toContain('%PDF-1.4')
  })

  it('an addendum extends a fixed protocol and the old term stays in the history', async () => {
    const legal = await signIn('juridic.pangarati')
    const created = await legal.post(`${base}/new`, {
      ...autoRenewing,
      title: 'Protocol de colaborare',
      termType: 'fixed',
      start: '2024-09-01',
      end: '2027-08-31',
    })
    const path = created.headers.get('location')!.split('?')[0]!
    const res = await legal.post(`${path}/addendum`, {
      title: 'Act adițional nr. 1',
      signedOn: '2026-11-20',
      effect: 'extension',
      extensionAmount: '6',
      extensionUnit: 'M',
    })
    expect(res.status).toBe(302)
    const page = await text(await legal.get(path))
    expect(page).toContain('29.02.2028') // 31.08.2027 + 6 months, anchored: the last day of February
    expect(page).toContain('31.08.2027') // the previous term, in the history
    expect(page).toContain('Act adițional nr. 1')
  })

  it('a viewer reads the registry but cannot change it; an NGO sees nothing of it', async () => {
    const viewer = await signIn('viewer.pangarati')
    expect((await viewer.get(protocolPath)).status).toBe(200)
    expect((await viewer.get(`${base}/new`)).status).toBe(403)
    expect(
      (
        await viewer.post(protocolPath, {
          intent: 'decide',
          decision: 'renew',
          decidedOn: '2026-11-23',
          reason: 'x y z',
        })
      ).status,
    ).toBe(403)
    const ngo = await signIn('ong')
    expect((await ngo.get(protocolPath)).status).toBe(403)
    const otherAuthority = await signIn('juridic.dgaspc')
    expect((await otherAuthority.get(protocolPath.replace('/a/pangarati/', '/a/dgaspc-valea-muresului/'))).status).toBe(
      404,
    )
  })
})

describe('importing protocols through the UI', () => {
  it('previews the sample table row by row, refuses flagged rows until accepted, then imports all of them', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const table = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/demo-protocols-table.txt'), 'utf8')
    const legal = await signIn('juridic.pangarati')
    const before = await text(await legal.get('/a/pangarati/protocols.json'))
    const countBefore = (JSON.parse(before) as { protocols: unknown[] }).protocols.length

    const preview = await legal.post(`${base}/import`, { intent: 'preview', text: table })
    expect(preview.status).toBe(200)
    const html = await text(preview)
    expect(html).toContain('Ce am înțeles: 10 protocoale')
    expect(html).toContain('4 rânduri trebuie verificate.')
    expect(html).toContain('30.02.2024')
    expect(html).toContain('o dată care nu există')

    const refused = await legal.post(`${base}/import`, { intent: 'import', text: table, format: 'plan-table' })
    expect(refused.status).toBe(400)
    expect(await text(refused)).toContain('Nimic nu a fost importat')
    const unchanged = JSON.parse(await text(await legal.get('/a/pangarati/protocols.json'))) as { protocols: unknown[] }
    expect(unchanged.protocols.length).toBe(countBefore)

    const imported = await legal.post(`${base}/import`, {
      intent: 'import',
      text: table,
      format: 'plan-table',
      acceptFlagged: 'on',
    })
    expect(imported.status).toBe(302)
    expect(imported.headers.get('location')).toBe(`${base}?imported=10&flagged=4`)
    const after = JSON.parse(await text(await legal.get('/a/pangarati/protocols.json'))) as {
      protocols: Array<{ title: string; term: { start: string | null; end: string | null } }>
    }
    expect(after.protocols.length).toBe(countBefore + 10)
    // row 8: the end 30.02.2024 does not exist and was not replaced by another date
    const zambet = after.protocols.find((p) => p.title === 'Protocol de colaborare' && p.term.start === '2023-03-01')
    expect(zambet?.term.end).toBeNull()
  })

  it('a viewer cannot import', async () => {
    const viewer = await signIn('viewer.pangarati')
    expect((await viewer.get(`${base}/import`)).status).toBe(403)
    expect((await viewer.post(`${base}/import`, { intent: 'import', text: 'x' })).status).toBe(403)
  })
})

describe('the dashboard’s long lists', () => {
  it('shows 25 rows of a list at a time, with links to its other pages that keep the other choices', async () => {
    const legal = await signIn('juridic.pangarati')
    const titles = Array.from({ length: 30 }, (_, i) => `Protocol de paginare ${String(i + 1).padStart(2, '0')}`)
    for (const title of titles) {
      const res = await legal.post(`${base}/new`, {
        ...autoRenewing,
        title,
        termType: 'fixed',
        start: '2025-01-16',
        end: '2027-01-15',
      })
      expect(res.status).toBe(302)
    }
    // 15.01.2027 is 53 days after today: in the 90-day window, not in the default 30-day one.
    const first = await text(await legal.get(`${base}?within=90`))
    const expiring = (html: string) =>
      html.slice(html.indexOf('<section id="expiring"'), html.indexOf('<section id="review"'))
    const ours = (html: string) => titles.filter((title) => expiring(html).includes(`>${title}<`))
    const total = Number(/Rândurile 1–25 din (\d+)/.exec(expiring(first))?.[1])
    expect(total).toBeGreaterThanOrEqual(30)
    expect(expiring(first).match(/<tr><th scope="row">/g)).toHaveLength(25)

    const next = /<a rel="next"[^>]*href="([^"]+)"/.exec(expiring(first))?.[1]?.replaceAll('&amp;', '&')
    expect(next).toBe(`${base}?within=90&expiringPage=2#expiring`)
    const second = await text(await legal.get(next!.split('#')[0]!))
    expect(expiring(second)).toContain(`Rândurile 26–${total} din ${total}`)
    expect(expiring(second).match(/<tr><th scope="row">/g)).toHaveLength(total - 25)
    expect(expiring(second)).toMatch(/aria-current="page"[^>]*>2</)
    // Every one of the thirty is on exactly one of the two pages.
    expect([...ours(first), ...ours(second)].sort()).toEqual(titles)

    // The other lists stay on their first page, and a status link starts every list afresh.
    expect(second).not.toContain('reviewPage=')
    const statusLink = /href="([^"]*status=expiring[^"]*)"/.exec(second)?.[1]?.replaceAll('&amp;', '&')
    expect(statusLink).toBe(`${base}?within=90&status=expiring`)
    // A page beyond the end of a list shows its last page.
    expect(expiring(await text(await legal.get(`${base}?within=90&expiringPage=99`)))).toContain(
      `Rândurile 26–${total} din ${total}`,
    )
  })
})
