import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

let app: RunningApp
const clients = new Map<string, Client>()

const ORG = '/organisations/asociatia-varstnici-activi-pangarati'

async function as(who: string): Promise<Client> {
  let client = clients.get(who)
  if (!client) {
    client = new Client(app.url)
    if (who !== 'anonymous') await client.login(`${who}@demo.planuri.ro`, DEMO_PASSWORD)
    clients.set(who, client)
  }
  return client
}

beforeAll(async () => {
  app = await startApp()
})

afterAll(async () => {
  await app?.stop()
})

/**
 * Expected answers, by page and person: 200 allowed, 403 refused, 302 sent to log in.
 * Pângărați staff: admin, editor, legal (juridic), coordinator (coordonator), viewer;
 * admin.dgaspc is staff of another authority; ong/voluntar are an NGO's admin and member;
 * operator is the platform administrator.
 */
const matrix: Array<[string, Record<string, number>]> = [
  [
    '/a/pangarati/staff',
    {
      anonymous: 302,
      'admin.pangarati': 200,
      'editor.pangarati': 200,
      'juridic.pangarati': 200,
      'coordonator.pangarati': 200,
      'viewer.pangarati': 200,
      'admin.dgaspc': 403,
      ong: 403,
      operator: 200,
    },
  ],
  [
    '/a/pangarati/staff/team',
    {
      anonymous: 302,
      'admin.pangarati': 200,
      'editor.pangarati': 403,
      'juridic.pangarati': 403,
      'coordonator.pangarati': 403,
      'viewer.pangarati': 403,
      'admin.dgaspc': 403,
      ong: 403,
      operator: 200,
    },
  ],
  [
    '/a/pangarati/staff/settings',
    {
      anonymous: 302,
      'admin.pangarati': 200,
      'editor.pangarati': 403,
      'juridic.pangarati': 403,
      'coordonator.pangarati': 403,
      'viewer.pangarati': 403,
      'admin.dgaspc': 403,
      ong: 403,
    },
  ],
  ['/admin', { anonymous: 302, operator: 200, 'admin.pangarati': 403, ong: 403 }],
  ['/admin/outbox', { anonymous: 302, operator: 200, 'admin.pangarati': 403, 'viewer.pangarati': 403, ong: 403 }],
  [`${ORG}/members`, { anonymous: 302, ong: 200, voluntar: 403, cetatean: 403, 'admin.pangarati': 403, operator: 200 }],
  [`${ORG}/edit`, { anonymous: 302, ong: 200, voluntar: 403, furnizor: 403 }],
  ['/account', { anonymous: 302, ong: 200 }],
]

describe('who may open which page', () => {
  for (const [path, expected] of matrix) {
    for (const [who, status] of Object.entries(expected)) {
      it(`${path} as ${who} → ${status}`, async () => {
        const res = await (await as(who)).get(path)
        expect(res.status).toBe(status)
        if (status === 302) expect(res.headers.get('location')).toMatch(/^\/login\?redirectTo=/)
        if (status === 403) expect(await res.text()).toContain('Nu aveți acces la această pagină')
      })
    }
  }
})

describe('refused changes leave nothing changed', () => {
  it('a viewer cannot change the authority settings by posting the form directly', async () => {
    const viewer = await as('viewer.pangarati')
    const res = await viewer.post('/a/pangarati/staff/settings', {
      name: 'Nume schimbat de un observator',
      kind: 'local_council',
      county: 'Neamț',
      contactEmail: 'x@example.org',
      postalAddress: 'Altă adresă, județul Neamț',
      announcementMinDays: '30',
      announcementDayCounting: 'calendar',
      recommendationWindowMinDays: '10',
    })
    expect(res.status).toBe(403)
    const page = await (await as('anonymous')).get('/a/pangarati')
    const html = await page.text()
    expect(html).toContain('Comuna Pângărați')
    expect(html).not.toContain('Nume schimbat de un observator')
  })

  it('staff of another authority cannot invite people into this one', async () => {
    const other = await as('admin.dgaspc')
    const res = await other.post('/a/pangarati/staff/team', {
      intent: 'invite',
      email: 'intrus@example.org',
      roles: 'admin',
    })
    expect(res.status).toBe(403)
  })
})

describe('email template previews', () => {
  it('staff and the platform admin see every template in both languages; others do not', async () => {
    const editor = await as('editor.pangarati')
    const list = await (await editor.get('/emails')).text()
    expect(list).toContain('Resetarea parolei')
    const ro = await (await editor.get('/emails/staff-invitation?lang=ro')).text()
    expect(ro).toContain('Invitație în echipa Comuna Pângărați')
    const en = await (await editor.get('/emails/staff-invitation?lang=en')).text()
    expect(en).toContain('Invitation to the team of Comuna Pângărați')
    const html = await editor.get('/emails/verify-email?lang=ro&part=html')
    expect(html.headers.get('content-security-policy')).toContain("'unsafe-inline'")
    expect((await (await as('operator')).get('/emails')).status).toBe(200)
    expect((await (await as('ong')).get('/emails')).status).toBe(403)
    expect((await (await as('anonymous')).get('/emails')).status).toBe(302)
    expect((await editor.get('/emails/no-such-template')).status).toBe(404)
  })
})
