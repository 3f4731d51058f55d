/**
 * Tripartite meetings over HTTP, emails through the fake Resend: the county's imported services
 * table gives the board its required meetings; a meeting's invitation is an iCalendar REQUEST, a
 * change of date is an update of the same event (same UID, higher SEQUENCE), a cancellation is a
 * CANCEL; RSVP links work without logging in and refuse forged tokens.
 */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'
import { startFakeResend, type FakeResend, type ReceivedEmail } from '../support/fake-resend'

const TODAY = '2026-11-23'
let app: RunningApp
let resend: FakeResend

async function loggedIn(email: string) {
  const c = new Client(app.url)
  await c.login(email, DEMO_PASSWORD)
  return c
}

function calendarOf(email: ReceivedEmail) {
  const ics = Buffer.from(String(email.attachments![0]!.content), 'base64').toString('utf8')
  const component = new ICAL.Component(ICAL.parse(ics))
  return {
    method: component.getFirstPropertyValue('method'),
    event: new ICAL.Event(component.getFirstSubcomponent('vevent')!),
  }
}

beforeAll(async () => {
  resend = await startFakeResend()
  app = await startApp({ APP_NOW: `${TODAY}T09:00:00Z`, RESEND_API_KEY: 're_test', RESEND_BASE_URL: resend.url })
})

afterAll(async () => {
  await app?.stop()
  await resend?.close()
})

describe('tripartite meetings', () => {
  it('the county’s services table (six services, five types) asks for five meetings a semester', async () => {
    const coordinator = await loggedIn('juridic.dgaspc@demo.planuri.ro')
    const html = await (await coordinator.get('/a/dgaspc-valea-muresului/staff/meetings')).text()
    expect(html).toContain('Autoritatea are 5 tipuri de servicii: 5 întâlniri pe semestru.')
    for (const type of ['8899 CPDH-I', '8790 CR-VD-I', '8790 CR-VD-III', '8891 CZ-C-II', '8810 ID-I']) {
      expect(html).toContain(type)
    }
    const services = await (await coordinator.get('/a/dgaspc-valea-muresului/staff/services')).text()
    expect(services).toContain('8899CPDH-I') // as written, next to the canonical code
  })

  it('invites by email with an iCalendar request, updates the same event on a change, cancels it', async () => {
    const coordinator = await loggedIn('coordonator.pangarati@demo.planuri.ro')
    const created = await coordinator.post('/a/pangarati/staff/meetings', {
      title: 'Întâlnire tripartită de test',
      serviceTypes: '8810 ID-IV',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Primăria Pângărați',
      agenda: 'Test',
    })
    expect(created.status).toBe(302)
    const meetingPath = new URL(created.headers.get('location')!, app.url).pathname
    const page = await (await coordinator.get(meetingPath)).text()
    const suggestions = [...page.matchAll(/name="suggestion"[^>]*value="([^"]+)"/g)].map((m) => m[1]!)
    expect(suggestions).toHaveLength(3) // one contact of each group, linked to the service
    expect((await coordinator.post(meetingPath, { intent: 'invite', suggestion: suggestions })).status).toBe(302)
    const first = await resend.waitFor((e) => e.to.includes('ong@demo.planuri.ro') && e.subject.includes('de test'))
    const request = calendarOf(first)
    expect(request.method).toBe('REQUEST')
    expect(request.event.startDate.toJSDate().toISOString()).toBe('2026-12-10T08:00:00.000Z') // 10:00 in Bucharest, winter
    const uid = request.event.uid

    // The invitee answers from the link, without an account.
    const accept = /https?:\/\/\S*\/meetings\/rsvp\?token=[^\s"&\]]+/.exec(first.text)![0]
    const rsvpPath = new URL(accept).pathname + new URL(accept).search
    const anon = new Client(app.url)
    expect(await (await anon.get(rsvpPath)).text()).toContain('participați?')
    expect(
      (
        await anon.post(rsvpPath.split('?')[0]!, {
          token: new URL(accept).searchParams.get('token')!,
          answer: 'accepted',
        })
      ).status,
    ).toBe(200)
    expect(await (await coordinator.get(meetingPath)).text()).toContain('participă')
    const forged = await anon.post(rsvpPath.split('?')[0]!, { token: 'abc.def', answer: 'accepted' })
    expect(forged.status).toBe(400)

    // A new date: the same event, a higher SEQUENCE.
    expect(
      (
        await coordinator.post(meetingPath, {
          intent: 'update',
          title: 'Întâlnire tripartită de test',
          serviceTypes: '8810 ID-IV',
          date: '2026-12-11',
          startTime: '11:00',
          endTime: '13:00',
          place: 'Primăria Pângărați',
          agenda: 'Test',
        })
      ).status,
    ).toBe(302)
    const update = await resend.waitFor(
      (e) => e.to.includes('ong@demo.planuri.ro') && !!e.attachments && calendarOf(e).event.sequence === 1,
    )
    expect(calendarOf(update).event.uid).toBe(uid)
    expect(calendarOf(update).event.startDate.toJSDate().toISOString()).toBe('2026-12-11T09:00:00.000Z')

    expect(
      (await coordinator.post(meetingPath, { intent: 'cancel', reason: 'Sala nu este disponibilă.' })).status,
    ).toBe(302)
    const cancel = await resend.waitFor(
      (e) => e.to.includes('ong@demo.planuri.ro') && !!e.attachments && calendarOf(e).method === 'CANCEL',
    )
    expect(calendarOf(cancel).event.uid).toBe(uid)
    expect(cancel.text).toContain('Sala nu este disponibilă.')
  })

  it('answer links expire with the meeting', async () => {
    const coordinator = await loggedIn('coordonator.pangarati@demo.planuri.ro')
    const created = await coordinator.post('/a/pangarati/staff/meetings', {
      title: 'Întâlnire tripartită de ieri',
      serviceTypes: '8899 CZ-PN-V',
      date: '2026-11-22',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Primăria Pângărați',
    })
    const meetingPath = new URL(created.headers.get('location')!, app.url).pathname
    expect(
      (
        await coordinator.post(meetingPath, {
          intent: 'invite',
          organisationName: 'Asociația X',
          group: 'provider',
          name: 'Ana Pop',
          email: 'ana.pop@example.ro',
        })
      ).status,
    ).toBe(302)
    const email = await resend.waitFor((e) => e.to.includes('ana.pop@example.ro'))
    const link = new URL(/https?:\/\/\S*\/meetings\/rsvp\?token=[^\s"&\]]+/.exec(email.text)![0])
    const anon = new Client(app.url)
    expect(await (await anon.get(link.pathname + link.search)).text()).toContain('Întâlnirea a trecut')
    expect(
      (await anon.post(link.pathname, { token: link.searchParams.get('token')!, answer: 'accepted' })).status,
    ).toBe(400)
  })

  it('publishes the authority’s meetings as an iCalendar feed and keeps other authorities out', async () => {
    const feed = await (await new Client(app.url).get('/a/pangarati/meetings.ics')).text()
    const calendar = new ICAL.Component(ICAL.parse(feed))
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(3)
    const other = await loggedIn('juridic.dgaspc@demo.planuri.ro')
    const list = await (await other.get('/a/pangarati/staff/meetings')).status
    expect(list).toBe(403)
  })
})
