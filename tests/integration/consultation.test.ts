/**
 * The consultation over HTTP against the production build, with emails through the fake Resend:
 * an editor imports the Pângărați plan, publishes it (the window checked against the law),
 * organisations comment on sections with proposed wording, the editor moderates and answers,
 * authors and followers are emailed, and the report, search and open data reflect it all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend } from '../support/fake-resend'

const TODAY = '2026-11-23'
const EDITOR = 'editor.pangarati@demo.planuri.ro'
const NGO = 'ong@demo.planuri.ro'
const VOLUNTEER = 'voluntar@demo.planuri.ro'
const CITIZEN = 'cetatean@demo.planuri.ro'
const COUNTY_ADMIN = 'admin.dgaspc@demo.planuri.ro'
const sample = fs.readFileSync(path.resolve(import.meta.dirname, '../../db/demo/pangarati-plan-2023.txt'), 'utf8')

let app: RunningApp
let resend: FakeResend
const base = '/a/pangarati/staff/plans'
let planId = ''
let planUrl = ''

async function loggedIn(email: string) {
  const c = new Client(app.url)
  await c.login(email, DEMO_PASSWORD)
  return c
}

function location(res: Response) {
  return res.headers.get('location') ?? ''
}

beforeAll(async () => {
  resend = await startFakeResend()
  app = await startApp({
    APP_NOW: `${TODAY}T09:00:00Z`,
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
  })
})

afterAll(async () => {
  await app?.stop()
  await resend?.close()
})

describe('a consultation from import to report', () => {
  it('imports the plan text with a preview of its outline, then saves a draft only staff can see', async () => {
    const editor = await loggedIn(EDITOR)
    const preview = await editor.post(`${base}/new`, {
      intent: 'preview',
      kind: 'annual_action_plan',
      title: 'Planul anual de acțiune 2027 (test)',
      year: '2027',
      summary: 'Proiectul planului pentru 2027.',
      justification: 'Legea 292/2011, art. 118.',
      text: sample,
    })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    for (const heading of ['CAPITOLUL I', 'CAPITOLUL II', 'CAPITOLUL III']) expect(html).toContain(heading)
    const outline = /name="outline" value="([^"]*)"/.exec(html)?.[1]
    expect(outline).toBeTruthy()
    const decoded = outline!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#x27;/g, "'")
      .replace(/&#39;/g, "'")
    const sections = JSON.parse(decoded) as Array<{ number: string | null; heading: string }>
    expect(sections.map((s) => s.number)).toEqual(expect.arrayContaining(['CAPITOLUL I', 'A.', 'B.', 'CAPITOLUL II']))

    const saved = await editor.post(`${base}/new`, {
      intent: 'save',
      kind: 'annual_action_plan',
      title: 'Planul anual de acțiune 2027 (test)',
      year: '2027',
      summary: 'Proiectul planului pentru 2027: asistență socială la domiciliu.',
      justification: 'Legea 292/2011, art. 118.',
      outline: decoded,
    })
    expect(saved.status).toBe(302)
    planId = /plans\/([^?/]+)/.exec(location(saved))![1]!
    planUrl = `/a/pangarati/plans/${planId}`
    expect((await editor.get(planUrl)).status).toBe(200)
    expect((await new Client(app.url).get(planUrl)).status).toBe(404)
    const list = await (await new Client(app.url).get('/consultations')).text()
    expect(list).not.toContain('Planul anual de acțiune 2027 (test)')
  })

  it('refuses a window shorter than the legal minimum, saying why, and publishes a valid one', async () => {
    const editor = await loggedIn(EDITOR)
    const refused = await editor.post(`${base}/${planId}`, {
      intent: 'publish',
      opensOn: TODAY,
      closesOn: '2026-11-27',
    })
    expect(refused.status).toBe(400)
    const text = await refused.text()
    expect(text).toContain('Perioada are 5 zile; legea cere cel puțin 10 zile')
    expect((await new Client(app.url).get(planUrl)).status).toBe(404)

    const tooLate = await editor.post(`${base}/${planId}`, {
      intent: 'publish',
      opensOn: TODAY,
      closesOn: '2026-12-30',
    })
    expect(tooLate.status).toBe(400)
    expect(await tooLate.text()).toContain('23.12.2026')

    const published = await editor.post(`${base}/${planId}`, {
      intent: 'publish',
      opensOn: TODAY,
      closesOn: '2026-12-07',
    })
    expect(published.status).toBe(302)
    const page = await (await new Client(app.url).get(planUrl)).text()
    expect(page).toContain('23.12.2026') // earliest adoption: publication + 30 days
    expect(page).toContain('07.12.2026')
    expect(page).toContain('primaria.pangarati@demo.planuri.ro')
    expect(page).toContain('Legea 292/2011, art. 118.')
  })

  it('tells the followers of the authority that a consultation opened, with a one-click unsubscribe', async () => {
    // The NGO's admin follows Comuna Pângărați in the demo data.
    const email = await resend.waitFor((e) => e.to.includes(NGO) && e.subject.includes('2027 (test)'))
    expect(email.text).toContain('07.12.2026')
    expect(email.headers?.['List-Unsubscribe']).toMatch(
      /^<http.*\/unsubscribe\/one-click\?kind=consultation_opened&token=/,
    )
    expect(email.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  })

  let recommendationId = ''
  let registration = ''
  it('registers a recommendation on a section, signed by the organisation, with its proposed wording, and emails a receipt', async () => {
    const ngo = await loggedIn(NGO)
    const sectionPage = await (await ngo.get(`${planUrl}/sections/cap-i-b`)).text()
    const orgId = /name="signAs"[^>]*value="([^"]+)"/.exec(sectionPage)?.[1]
    expect(orgId).toBeTruthy()
    expect(orgId).not.toBe('person')
    const sent = await ngo.post(`${planUrl}/sections/cap-i-b`, {
      signAs: orgId!,
      text: 'Propunem un serviciu de îngrijire la domiciliu pentru vârstnicii singuri din comună.',
      proposedWording: 'Serviciu de îngrijire la domiciliu pentru persoane vârstnice, capacitate 15 beneficiari.',
    })
    expect(sent.status).toBe(302)
    recommendationId = /recommendations\/([^?]+)/.exec(location(sent))![1]!
    const page = await (await new Client(app.url).get(`${planUrl}/recommendations/${recommendationId}`)).text()
    registration = /(P2027-\d+\/\d{4})/.exec(page)![1]!
    expect(page).toContain('Asociația Vârstnici Activi Pângărați')
    expect(page).not.toContain(NGO)
    expect(page).toContain('<ins>')
    const receipt = await resend.waitFor((e) => e.to.includes(NGO) && e.text.includes(registration))
    expect(receipt.text).toContain('07.12.2026')
  })

  it('refuses to sign for an organisation the author is not a member of', async () => {
    const citizen = await loggedIn(CITIZEN)
    const ngo = await loggedIn(NGO)
    const orgId = /name="signAs"[^>]*value="([^"]+)"/.exec(
      await (await ngo.get(`${planUrl}/sections/cap-i-b`)).text(),
    )![1]!
    const res = await citizen.post(`${planUrl}/sections/cap-i-b`, {
      signAs: orgId,
      text: 'Un text trimis în numele unei organizații străine.',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Puteți semna doar în numele unei organizații în care sunteți membru.')
  })

  it('takes a PDF or DOCX attachment by its content, never by its name, and refuses anything else', async () => {
    const volunteer = await loggedIn(VOLUNTEER)
    const form = (bytes: Buffer, name: string) => {
      const f = new FormData()
      f.set('signAs', 'person')
      f.set('text', 'Anexăm studiul privind nevoile vârstnicilor din comună.')
      f.set('attachment', new Blob([new Uint8Array(bytes)]), name)
      return f
    }
    const fake = await volunteer.postMultipart(
      `${planUrl}/sections/cap-ii`,
      form(Buffer.from('<script>x</script>'), 'studiu.pdf'),
    )
    expect(fake.status).toBe(400)
    expect(await fake.text()).toContain('Anexa trebuie să fie un document PDF sau Word (.docx).')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    const ok = await volunteer.postMultipart(`${planUrl}/sections/cap-ii`, form(pdf, 'studiu nevoi.pdf'))
    expect(ok.status).toBe(302)
    const recPath = location(ok).replace(/\?.*$/, '')
    const file = await new Client(app.url).get(`${recPath}/attachment`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('lets the author edit (the earlier wording kept) while the window is open', async () => {
    const ngo = await loggedIn(NGO)
    const res = await ngo.post(`${planUrl}/recommendations/${recommendationId}`, {
      intent: 'edit',
      text: 'Propunem un serviciu de îngrijire la domiciliu pentru cei peste 60 de vârstnici singuri.',
      proposedWording: 'Serviciu de îngrijire la domiciliu pentru persoane vârstnice, capacitate 15 beneficiari.',
    })
    expect(res.status).toBe(302)
    const page = await (await new Client(app.url).get(`${planUrl}/recommendations/${recommendationId}`)).text()
    expect(page).toContain('cei peste 60 de vârstnici singuri')
    expect(page).toContain('pentru vârstnicii singuri din comună') // in the history
    const other = await loggedIn(VOLUNTEER)
    expect(
      (
        await other.post(`${planUrl}/recommendations/${recommendationId}`, {
          intent: 'edit',
          text: 'Altcineva modifică textul.',
        })
      ).status,
    ).toBe(400)
  })

  it('requires a justification unless the answer is "accepted", and emails the author the answer', async () => {
    const editor = await loggedIn(EDITOR)
    const manage = `${base}/${planId}/recommendations`
    const missing = await editor.post(manage, { intent: 'answer', id: recommendationId, answer: 'rejected' })
    expect(missing.status).toBe(400)
    const answered = await editor.post(manage, {
      intent: 'answer',
      id: recommendationId,
      answer: 'partially_accepted',
      justification: 'Includem serviciul cu 10 locuri, cât permite bugetul local.',
    })
    expect(answered.status).toBe(302)
    const email = await resend.waitFor(
      (e) => e.to.includes(NGO) && e.text.includes('Acceptată parțial') && e.text.includes(registration),
    )
    expect(email.text).toContain('cât permite bugetul local')
  })

  it('groups identical texts for staff and answers the whole group at once', async () => {
    const campaign = 'Cerem ca planul să includă un centru de zi pentru copiii cu dizabilități din comună.'
    for (const email of [VOLUNTEER, CITIZEN]) {
      const c = await loggedIn(email)
      const res = await c.post(`${planUrl}/sections/document`, { signAs: 'person', text: campaign })
      expect(res.status).toBe(302)
    }
    const editor = await loggedIn(EDITOR)
    const groups = await (await editor.get(`${base}/${planId}/recommendations?view=groups`)).text()
    expect(groups).toContain('2 recomandări cu acest text')
    const key = /name="intent" value="answer-group"\/><input type="hidden" name="id" value="([^"]+)"/.exec(groups)?.[1]
    expect(key).toBeTruthy()
    const res = await editor.post(`${base}/${planId}/recommendations`, {
      intent: 'answer-group',
      id: key!,
      answer: 'not_applicable',
      justification: 'Centrul de zi este prevăzut în strategia județeană, nu în planul comunei.',
    })
    expect(res.status).toBe(302)
    const report = await (await new Client(app.url).get(`${planUrl}/report.csv`)).text()
    expect(report.match(/Nu este cazul/g)?.length).toBe(2)
  })

  it('hides abusive content with a public reason; the text disappears from the page, the report and search', async () => {
    const citizen = await loggedIn(CITIZEN)
    const sent = await citizen.post(`${planUrl}/sections/cap-ii`, {
      signAs: 'person',
      text: 'Text jignitor despre primarul xyzabuziv.',
    })
    const id = /recommendations\/([^?]+)/.exec(location(sent))![1]!
    const reporter = await loggedIn(VOLUNTEER)
    expect(
      (await reporter.post(`${planUrl}/recommendations/${id}`, { intent: 'report', reason: 'Limbaj jignitor.' }))
        .status,
    ).toBe(302)
    const editor = await loggedIn(EDITOR)
    const reported = await (await editor.get(`${base}/${planId}/recommendations?only=reported`)).text()
    expect(reported).toContain('xyzabuziv')
    expect(
      (await editor.post(`${base}/${planId}/recommendations`, { intent: 'hide', id, reason: 'Limbaj jignitor' }))
        .status,
    ).toBe(302)
    const publicPage = await (await new Client(app.url).get(`${planUrl}/recommendations/${id}`)).text()
    expect(publicPage).toContain('Limbaj jignitor')
    expect(publicPage).not.toContain('xyzabuziv')
    expect(await (await new Client(app.url).get(`${planUrl}/report.csv`)).text()).not.toContain('xyzabuziv')
    expect(await (await new Client(app.url).get('/search?q=xyzabuziv')).text()).not.toContain('xyzabuziv</mark>')
  })

  it('finds recommendations and sections without diacritics and never errors on hostile input', async () => {
    const found = await (await new Client(app.url).get('/search?q=ingrijire+varstnici')).text()
    expect(found).toContain(registration)
    const plan = await (await new Client(app.url).get('/search?q=asistenta+sociala')).text()
    expect(plan).toContain('2027 (test)')
    for (const q of [
      '"',
      '(',
      'AND OR NOT',
      '*',
      'NEAR(a b)',
      'search_text:x',
      "'; DROP TABLE plans; --",
      '^',
      '""""',
    ]) {
      const res = await new Client(app.url).get(`/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
    }
  })

  it('publishes the report of recommendations as a page, a DOCX and a CSV', async () => {
    const anon = new Client(app.url)
    const page = await (await anon.get(`${planUrl}/report`)).text()
    expect(page).toContain(registration)
    expect(page).toContain('cât permite bugetul local')
    const docx = await anon.get(`${planUrl}/report.docx`)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const bytes = Buffer.from(await (await anon.get(`${planUrl}/report.csv`)).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM: Excel reads the diacritics right
    const csv = bytes.toString('utf8')
    expect(csv).toContain(registration)
    const json = (await (await anon.get(`${planUrl}/recommendations.json`)).json()) as {
      recommendations: Array<{ registrationNumber: string; answer: string | null; text: string | null }>
    }
    expect(json.recommendations.find((r) => r.registrationNumber === registration)?.answer).toBe('partially_accepted')
  })

  it('takes a written request for a public debate from an organisation and tells the editors; scheduling tells the requester', async () => {
    const ngo = await loggedIn(NGO)
    const page = await (await ngo.get(planUrl)).text()
    const orgId = /id="debate-org" name="organisationId"><option value="([^"]+)"/.exec(page)?.[1]
    expect(orgId).toBeTruthy()
    const res = await ngo.post(planUrl, {
      intent: 'request-debate',
      organisationId: orgId!,
      reason: 'Cerem o dezbatere publică.',
    })
    expect(res.status).toBe(302)
    await resend.waitFor((e) => e.to.includes(EDITOR) && e.text.includes('Asociația Vârstnici Activi Pângărați'))
    const editor = await loggedIn(EDITOR)
    const scheduled = await editor.post(`${base}/${planId}/debates`, {
      date: '2026-12-03',
      time: '17:00',
      place: 'Sala de ședințe a Consiliului Local',
    })
    expect(scheduled.status).toBe(302)
    await resend.waitFor((e) => e.to.includes(NGO) && e.text.includes('03.12.2026'))
    expect(await (await new Client(app.url).get(planUrl)).text()).toContain('Sala de ședințe a Consiliului Local')
  })

  it('lets a mail client unsubscribe with one POST and no Origin, and refuses a forged token', async () => {
    const email = resend.emails.find(
      (e) => e.to.includes(NGO) && e.headers?.['List-Unsubscribe']?.includes('kind=consultation_opened'),
    )!
    // The link names the configured public address; the test app listens elsewhere.
    const link =
      app.url +
      new URL(/<([^>]+)>/.exec(email.headers!['List-Unsubscribe']!)![1]!).pathname +
      new URL(/<([^>]+)>/.exec(email.headers!['List-Unsubscribe']!)![1]!).search
    const ok = await fetch(link, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(ok.status).toBe(200)
    const forged = await fetch(link.replace(/token=[^&]+/, 'token=abc.def'), {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    })
    expect(forged.status).toBe(400)
    const ngo = await loggedIn(NGO)
    const settings = await (await ngo.get('/account/notifications')).text()
    expect(settings).toMatch(/name="consultation_opened" checked="" value="off"/)
  })

  it('keeps other authorities out of the staff pages and drafts', async () => {
    const other = await loggedIn(COUNTY_ADMIN)
    expect((await other.get(`${base}/${planId}`)).status).toBe(403)
    expect((await other.get(`${base}/${planId}/recommendations`)).status).toBe(403)
    const drafts = await (await other.get('/consultations')).text()
    expect(drafts).not.toContain('Strategia județeană de dezvoltare') // the county's own draft is not public either
  })
  it('asks a person who sends too many recommendations in an hour to slow down', async () => {
    const citizen = await loggedIn(CITIZEN)
    let accepted = 0
    let refused: Response | null = null
    for (let i = 0; i < 31 && !refused; i++) {
      const res = await citizen.post(`${planUrl}/sections/cap-iii`, {
        signAs: 'person',
        text: `Recomandarea de test numărul ${i}.`,
      })
      if (res.status === 302) accepted += 1
      else refused = res
    }
    // Thirty an hour, counting what the citizen sent earlier in this test file.
    expect(accepted).toBeGreaterThan(20)
    expect(refused?.status).toBe(400)
    expect(await refused!.text()).toContain('Ați trimis multe recomandări în ultima oră.')
  })
})
