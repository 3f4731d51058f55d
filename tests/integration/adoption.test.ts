/**
 * Minutes and adoption over HTTP: the demo's plan for this year was consulted and answered but
 * has no consultation minutes, so adoption is refused with the reasons; the editor records the
 * minutes, shares them (a participant adds a remark), approves them, and the adoption goes
 * through; the public page, the DOCX and the annual transparency report carry it.
 */
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '~/domain/protocol-csv'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'

const TODAY = '2026-11-23'
const EDITOR = 'editor.pangarati@demo.planuri.ro'
const NGO = 'ong@demo.planuri.ro'
let app: RunningApp
let resend: FakeResend
let planId = ''
let minutesId = ''

async function loggedIn(email: string) {
  const c = new Client(app.url)
  await c.login(email, DEMO_PASSWORD)
  return c
}

beforeAll(async () => {
  resend = await startFakeResend()
  app = await startApp({ APP_NOW: `${TODAY}T09:00:00Z`, RESEND_API_KEY: 're_test', RESEND_BASE_URL: resend.url })
  const list = (await (await new Client(app.url).get('/consultations.json?status=closed')).json()) as {
    consultations: Array<{ id: string; reference: string }>
  }
  planId = list.consultations.find((c) => c.reference === 'P2026-1')!.id
})

afterAll(async () => {
  await app?.stop()
  await resend?.close()
})

const staff = () => `/a/pangarati/staff/plans/${planId}`

describe('no plan adopted without its consultation minutes', () => {
  it('refuses the adoption and says which conditions are missing', async () => {
    const editor = await loggedIn(EDITOR)
    const page = await (await editor.get(`${staff()}/adopt`)).text()
    expect(page).toContain('Procesul-verbal al consultării este aprobat')
    const res = await editor.post(`${staff()}/adopt`, {
      adoptingBody: 'Consiliul Local al Comunei Pângărați',
      decisionNumber: '83',
      decisionDate: TODAY,
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Adoptarea a fost refuzată')
    expect(html).toContain('Planul anual se adoptă numai după consultarea furnizorilor')
    const publicPage = await (await new Client(app.url).get(`/a/pangarati/plans/${planId}`)).text()
    expect(publicPage).not.toContain('Adoptat prin')
  })

  it('records the minutes: participants by category, views, conclusions; shares them for remarks', async () => {
    const editor = await loggedIn(EDITOR)
    const created = await editor.post(`${staff()}/minutes`, {
      kind: 'consultation',
      title: 'Procesul-verbal al consultării privind planul anual pe anul 2026',
      date: '2026-10-20',
      time: '10:00',
      place: 'Sala de ședințe a Primăriei Pângărați',
    })
    expect(created.status).toBe(302)
    minutesId = /minutes\/([^?]+)/.exec(created.headers.get('location')!)![1]!
    const edit = `/a/pangarati/staff/minutes/${minutesId}`
    // Not approvable yet: no participants, no summary.
    expect((await editor.post(edit, { intent: 'approve' })).status).toBe(400)
    for (const [organisationName, category, persons] of [
      ['Asociația Vârstnici Activi Pângărați', 'beneficiaries_organisation', 'Sorin Matei, președinte'],
      ['Fundația Casa cu Suflet', 'private_provider', 'Dan Popa'],
      ['Serviciul Public de Asistență Socială Pângărați', 'public_provider', 'Elena Munteanu\nIoana Ciobanu'],
      ['Colegiul Național al Asistenților Sociali, filiala Neamț', 'professional_association', 'Maria Ionescu'],
    ]) {
      const res = await editor.post(edit, {
        intent: 'participant',
        organisationName: organisationName!,
        category: category!,
        persons: persons!,
      })
      expect(res.status).toBe(302)
    }
    const details = await editor.post(edit, {
      intent: 'details',
      kind: 'consultation',
      title: 'Procesul-verbal al consultării privind planul anual pe anul 2026',
      date: '2026-10-20',
      time: '10:00',
      place: 'Sala de ședințe a Primăriei Pângărați',
      agenda: 'Proiectul planului anual de acțiune.',
      summary:
        'Asociația Vârstnici Activi a cerut servicii la domiciliu; Fundația Casa cu Suflet s-a oferit să le furnizeze.',
      conclusions: 'Planul se completează cu serviciul de îngrijire la domiciliu.',
    })
    expect(details.status).toBe(302)
    const shared = await editor.post(edit, { intent: 'share', remarksUntil: '2026-11-28' })
    expect(shared.status).toBe(302)
    // The NGO's members are asked to check what was recorded in their name.
    await resend.waitFor((e) => e.to.includes(NGO) && e.subject.includes('Proces-verbal de verificat'))
  })

  it('takes a remark from a participating organisation, and no one else', async () => {
    const ngo = await loggedIn(NGO)
    const page = `/a/pangarati/minutes/${minutesId}`
    const html = await (await ngo.get(page)).text()
    const orgId = /id="remark-org" name="organisationId"><option value="([^"]+)"/.exec(html)?.[1]
    expect(orgId).toBeTruthy()
    expect(
      (await ngo.post(page, { organisationId: orgId!, text: 'Cerem să se consemneze și numărul de 60 de vârstnici.' }))
        .status,
    ).toBe(302)
    expect((await new Client(app.url).get(page)).status).toBe(404) // shared, not public yet
    // Fundația Casa cu Suflet was typed by its exact name: linked, so its admin reads the draft too.
    expect((await (await loggedIn('furnizor@demo.planuri.ro')).get(page)).status).toBe(200)
    const stranger = await loggedIn('cetatean@demo.planuri.ro')
    expect((await stranger.get(page)).status).toBe(404)
    expect(
      (await stranger.post(page, { organisationId: orgId!, text: 'O observație a cuiva din afară.' })).status,
    ).toBe(404)
  })

  it('approves the minutes, then adopts; the public page and the DOCX carry the decision and the minutes', async () => {
    const editor = await loggedIn(EDITOR)
    expect((await editor.post(`/a/pangarati/staff/minutes/${minutesId}`, { intent: 'approve' })).status).toBe(302)
    const minutesPage = await (await new Client(app.url).get(`/a/pangarati/minutes/${minutesId}`)).text()
    expect(minutesPage).toContain('Fundația Casa cu Suflet')
    expect(minutesPage).toContain('60 de vârstnici') // the remark stays with the minutes
    expect(
      (
        await editor.post(`/a/pangarati/staff/minutes/${minutesId}`, {
          intent: 'details',
          kind: 'consultation',
          title: 'Schimbat după aprobare',
          date: '2026-10-20',
        })
      ).status,
    ).toBe(400)

    const future = await editor.post(`${staff()}/adopt`, {
      adoptingBody: 'Consiliul Local al Comunei Pângărați',
      decisionNumber: '83',
      decisionDate: '2026-12-01',
    })
    expect(future.status).toBe(400)
    const adopted = await editor.post(`${staff()}/adopt`, {
      adoptingBody: 'Consiliul Local al Comunei Pângărați',
      decisionNumber: '83',
      decisionDate: TODAY,
    })
    expect(adopted.status).toBe(302)
    const page = await (await new Client(app.url).get(`/a/pangarati/plans/${planId}`)).text()
    expect(page).toContain('Adoptat prin Consiliul Local al Comunei Pângărați nr. 83 / 23.11.2026')
    expect(page).toContain('Procesul-verbal al consultării privind planul anual pe anul 2026')

    const docx = await new Client(app.url).get(`/a/pangarati/plans/${planId}/plan.docx`)
    expect(docx.status).toBe(200)
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
    expect(xml).toContain('nr. 83')
    expect(xml).toContain('20.10.2026')
    expect(xml).toContain('Fundația Casa cu Suflet')
    expect(xml).not.toMatch(/din data de \.{4,}/)

    // Adopted is final: no second adoption, no new version.
    expect(
      (
        await editor.post(`${staff()}/adopt`, {
          adoptingBody: 'Consiliul Local',
          decisionNumber: '84',
          decisionDate: TODAY,
        })
      ).status,
    ).toBe(400)
  })

  it('counts it all in the annual transparency report (page, CSV)', async () => {
    const anon = new Client(app.url)
    expect((await anon.get('/a/pangarati/transparency?year=2026')).status).toBe(200)
    const csv = Buffer.from(await (await anon.get('/a/pangarati/transparency.csv?year=2026')).arrayBuffer()).toString(
      'utf8',
    )
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''))
    const value = (code: string) => rows.find((r) => r.includes(code))?.at(-1)
    expect(value('draftsPublished')).toBe('2') // this year's plan and next year's draft, both announced in 2026
    expect(value('draftsAdopted')).toBe('1')
    expect(value('recommendationsReceived')).toBe('5') // 1 on this year's plan, 4 on next year's (demo)
    expect(value('recommendationsAdopted')).toBe('2') // accepted + partially accepted
    expect(value('debateRequests')).toBe('1')
    expect(value('consultationMeetings')).toBe('1')
    expect(value('debatesHeld')).toBe('0')
  })
})
