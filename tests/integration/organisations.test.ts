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

async function signIn(who: string) {
  const client = new Client(app.url)
  await client.login(`${who}@demo.planuri.ro`, DEMO_PASSWORD)
  return client
}

describe('organisations', () => {
  it('a user creates an organisation, becomes its admin, and it can be found by search without diacritics', async () => {
    const user = await signIn('furnizor')
    const created = await user.post('/organisations/new', {
      name: 'Asociația Șansă pentru Vârstnici',
      kind: 'volunteer_organisation',
      registryNumber: '77/2020',
      website: 'https://sansa.example.org',
      contactEmail: 'contact@sansa.example.org',
      description: 'Voluntari care vizitează vârstnicii singuri din comună.',
    })
    expect(created.status).toBe(302)
    const page = created.headers.get('location')!
    expect(page).toMatch(/^\/organisations\/asociatia-sansa-pentru-varstnici/)
    expect((await user.get(`${page.split('?')[0]}/members`)).status).toBe(200)

    const found = await (await new Client(app.url).get('/organisations?q=sansa varstnici')).text()
    expect(found).toContain('Asociația Șansă pentru Vârstnici')
    const notFound = await (await new Client(app.url).get('/organisations?q=inexistent')).text()
    expect(notFound).not.toContain('Asociația Șansă pentru Vârstnici')
  })

  it('a request to join reaches the admins by email; the approval makes a member and tells them', async () => {
    const org = '/organisations/asociatia-varstnici-activi-pangarati'
    const applicant = await signIn('beneficiari')
    const ask = await applicant.post(org, { intent: 'request_membership', message: 'Reprezint părinții din comună.' })
    expect(ask.status).toBe(302)

    const toAdmin = await resend.waitFor(
      (e) => e.to.includes('ong@demo.planuri.ro') && e.subject.includes('Gabriela Toma'),
    )
    expect(toAdmin.text).toContain('Reprezint părinții din comună.')

    const admin = await signIn('ong')
    const html = await (await admin.get(`${org}/members`)).text()
    const ids = [
      ...html.matchAll(/name="intent" value="approve"\/><input type="hidden" name="userId" value="([^"]+)"/g),
    ].map((m) => m[1]!)
    expect(ids.length).toBeGreaterThan(0)

    // a member who is not an admin cannot decide
    const member = await signIn('voluntar')
    expect((await member.post(`${org}/members`, { intent: 'approve', userId: ids[0]! })).status).toBe(403)

    for (const id of ids) {
      const res = await admin.post(`${org}/members`, { intent: 'approve', userId: id })
      expect(res.status).toBe(302)
    }
    const toApplicant = await resend.waitFor(
      (e) => e.to.includes('beneficiari@demo.planuri.ro') && e.subject.startsWith('Sunteți membru'),
    )
    expect(toApplicant.subject).toContain('Asociația Vârstnici Activi Pângărați')
    const account = (await (await applicant.get('/account')).text()).replaceAll('<!-- -->', '')
    expect(account).toMatch(/Asociația Vârstnici Activi Pângărați<\/a>: membru/)
  })

  it('the last administrator cannot step down: the page says why and nothing changes', async () => {
    const admin = await signIn('furnizor')
    const org = '/organisations/fundatia-casa-cu-suflet'
    const html = await (await admin.get(`${org}/members`)).text()
    const myId = /name="intent" value="make_member"\/><input type="hidden" name="userId" value="([^"]+)"/.exec(
      html,
    )?.[1]
    expect(myId).toBeDefined()
    const res = await admin.post(`${org}/members`, { intent: 'make_member', userId: myId! })
    expect(res.status).toBe(409)
    expect((await admin.get(`${org}/members`)).status).toBe(200)
  })
})
