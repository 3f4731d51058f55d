/**
 * Insecure direct object references: changing an id in a URL or in a hidden form field must not
 * reach another authority's drafts, another person's recommendation or attachment, outbox
 * messages, protocol documents, minutes drafts, another organisation's pages, or answer a meeting
 * invitation, acknowledge a reminder or unsubscribe someone else. Each refusal is checked in the
 * database too: nothing changed.
 */
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, type RunningApp } from '../support/app'
import {
  EMAILS,
  PDF,
  People,
  TODAY,
  fileForm,
  idAfter,
  makeFixtures,
  one,
  openDb,
  outline,
  parsePage,
  startSecurityApp,
  type Fixtures,
} from './helpers'

const COUNTY = '/a/dgaspc-valea-muresului'
const PANGARATI = '/a/pangarati'

let app: RunningApp
let people: People
let f: Fixtures
let db: Database.Database
/** What the suite adds on the county's side. */
let county: { plan: string; rec: string; minutes: string; protocol: string; document: string; service: string }
let debate: string
let closedPlan: string
let heldAttendance: number

const value = <T>(sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as T

async function text(res: Response) {
  return parsePage(await res.text(), null).text
}

beforeAll(async () => {
  app = await startSecurityApp()
  people = new People(app)
  await Promise.all(
    ['anon', 'member', 'ngoAdmin', 'otherStaff', 'admin', 'editor', 'legal', 'coord', 'operator'].map((w) =>
      people.as(w),
    ),
  )
  f = await makeFixtures(app, people)
  db = openDb(app)

  // The county publishes a plan, which the NGO member comments on; it drafts minutes of it.
  const countyAdmin = await people.as('otherStaff')
  const saved = await countyAdmin.post(`${COUNTY}/staff/plans/new`, {
    intent: 'save',
    kind: 'strategy',
    title: 'Strategia județeană (consultare de test)',
    year: '2027',
    summary: 'Publicată pentru suita de securitate.',
    justification: 'Test.',
    outline: outline([{ number: 'CAPITOLUL I', heading: 'Obiective', text: 'Obiectivele strategiei județene.' }]),
  })
  expect(saved.status).toBe(302)
  const plan = idAfter(saved, 'plans')
  const published = await countyAdmin.post(`${COUNTY}/staff/plans/${plan}`, {
    intent: 'publish',
    opensOn: TODAY,
    closesOn: '2026-12-07',
  })
  expect(published.status, 'the county publishes its plan').toBe(302)
  const member = await people.as('member')
  const commented = await member.post(
    `${COUNTY}/plans/${plan}/sections/${value<string>(
      'select s.anchor from plan_sections s join plans p on p.current_version_id = s.version_id where p.id = ?',
      plan,
    )}`,
    { signAs: 'person', text: 'O recomandare pentru strategia județeană, a voluntarei.' },
  )
  expect(commented.status).toBe(302)
  const rec = idAfter(commented, 'recommendations')
  const minutesRes = await countyAdmin.post(`${COUNTY}/staff/plans/${plan}/minutes`, {
    kind: 'consultation',
    title: 'Procesul-verbal al județului (ciornă)',
    date: TODAY,
  })
  expect(minutesRes.status).toBe(302)
  const minutes = idAfter(minutesRes, 'minutes')

  // A signed scan on one of the county's protocols.
  const countyLegal = await people.as('juridic.dgaspc@demo.planuri.ro')
  const protocol = value<string>('select id from protocols where authority_id = ? order by id limit 1', f.countyId)
  const uploaded = await countyLegal.postMultipart(
    `${COUNTY}/staff/protocols/${protocol}`,
    fileForm({}, { field: 'document', name: 'judet.pdf', bytes: Buffer.from('%PDF-1.4\n% judet\n') }),
  )
  expect(uploaded.status).toBe(302)
  const document = value<string>('select id from protocol_documents where protocol_id = ?', protocol)
  const service = value<string>('select id from social_services where authority_id = ? limit 1', f.countyId)
  county = { plan, rec, minutes, protocol, document, service }

  // Pângărați schedules the public debate the beneficiaries asked for.
  const editor = await people.as('editor')
  const scheduled = await editor.post(`${PANGARATI}/staff/plans/${f.open}/debates`, {
    date: '2026-12-02',
    time: '17:00',
    place: 'Căminul cultural Pângărați',
  })
  expect(scheduled.status).toBe(302)
  debate = value<string>('select id from public_debates where plan_id = ?', f.open)
  closedPlan = value<string>(
    "select id from plans where authority_id = ? and status = 'consultation_closed'",
    f.pangaratiId,
  )
  heldAttendance = value<number>(
    `select a.id from meeting_attendance a join meetings m on m.id = a.meeting_id
     where m.authority_id = ? and m.status = 'held' limit 1`,
    f.pangaratiId,
  )
})

afterAll(async () => {
  db?.close()
  await app?.stop()
})

async function statuses(who: string, paths: string[]) {
  const client = await people.as(who)
  const out: Record<string, number> = {}
  for (const p of paths) {
    const res = await client.get(p)
    await res.arrayBuffer()
    out[p] = res.status
  }
  return out
}

const every = (paths: string[], status: number) => Object.fromEntries(paths.map((p) => [p, status]))

describe("another authority's drafts", () => {
  const publicPaths = (slug: string, plan: () => string) => [
    `${slug}/plans/${plan()}`,
    `${slug}/plans/${plan()}/changes`,
    `${slug}/plans/${plan()}/report`,
    `${slug}/plans/${plan()}/report.csv`,
    `${slug}/plans/${plan()}/report.docx`,
    `${slug}/plans/${plan()}/plan.docx`,
    `${slug}/plans/${plan()}/recommendations.json`,
  ]

  it('the county draft exists for its staff only, under its own address', async () => {
    const own = publicPaths(COUNTY, () => f.countyDraft)
    expect(await statuses('otherStaff', own)).toEqual(every(own, 200))
    for (const who of ['anon', 'ngoAdmin', 'admin', 'editor', 'legal']) {
      expect(await statuses(who, own), who).toEqual(every(own, 404))
    }
    // The same id under Pângărați's address is nobody's plan, not even for its own staff.
    const crossed = publicPaths(PANGARATI, () => f.countyDraft)
    for (const who of ['otherStaff', 'admin']) expect(await statuses(who, crossed), who).toEqual(every(crossed, 404))
  })

  it("Pângărați's staff are refused the county's workspace, and its ids are not found in their own", async () => {
    expect(await statuses('admin', [`${COUNTY}/staff/plans/${f.countyDraft}`])).toEqual({
      [`${COUNTY}/staff/plans/${f.countyDraft}`]: 403,
    })
    const mine = [
      `${PANGARATI}/staff/plans/${f.countyDraft}`,
      `${PANGARATI}/staff/plans/${f.countyDraft}/recommendations`,
      `${PANGARATI}/staff/plans/${f.countyDraft}/minutes`,
      `${PANGARATI}/staff/plans/${f.countyDraft}/adopt`,
    ]
    expect(await statuses('admin', mine)).toEqual(every(mine, 404))
  })

  it("posting to the county's draft through Pângărați's address changes nothing", async () => {
    const editor = await people.as('editor')
    const before = one(db, 'select title, status from plans where id = ?', f.countyDraft)
    const details = await editor.post(`${PANGARATI}/staff/plans/${f.countyDraft}`, {
      intent: 'details',
      kind: 'strategy',
      title: 'Titlu schimbat de alt județ',
      year: '2027',
    })
    expect(details.status).toBe(404)
    const deleted = await editor.post(`${PANGARATI}/staff/plans/${f.countyDraft}`, { intent: 'delete' })
    expect(deleted.status).toBe(404)
    const published = await editor.post(`${PANGARATI}/staff/plans/${f.countyDraft}`, {
      intent: 'publish',
      opensOn: TODAY,
      closesOn: '2026-12-07',
    })
    expect(published.status).toBe(404)
    expect(one(db, 'select title, status from plans where id = ?', f.countyDraft)).toEqual(before)
  })

  it('drafts never appear in lists, search, feeds or open data', async () => {
    const strategyTitle = value<string>('select title from plans where id = ?', f.countyDraft)
    const ownTitle = value<string>('select title from plans where id = ?', f.draft)
    for (const who of ['anon', 'ngoAdmin', 'admin']) {
      const client = await people.as(who)
      for (const path of [
        '/',
        '/consultations',
        '/consultations.json',
        '/consultations.csv',
        '/consultations/feed.xml',
        `${COUNTY}`,
        `${PANGARATI}`,
        `${PANGARATI}/transparency`,
        '/search?q=proximitate',
        '/search?q=suitei',
      ]) {
        const body = await (await client.get(path)).text()
        expect(body, `${path} as ${who}`).not.toContain(f.countyDraft)
        expect(body, `${path} as ${who}`).not.toContain(strategyTitle)
        expect(body, `${path} as ${who}`).not.toContain(f.draft)
        expect(body, `${path} as ${who}`).not.toContain(ownTitle)
      }
    }
  })
})

describe("other people's recommendations", () => {
  const hiddenText = 'O recomandare cu o anexă, pe care moderatorul o va ascunde.'

  it('the text of a hidden recommendation is withheld from everyone but its author and the moderators', async () => {
    const path = `${PANGARATI}/plans/${f.open}/recommendations/${f.hiddenRec}`
    for (const who of ['anon', 'ngoAdmin', 'otherStaff', 'legal', 'viewer']) {
      const res = await (await people.as(who)).get(path)
      expect(res.status).toBe(200)
      expect(await text(res), who).not.toContain(hiddenText)
    }
    for (const who of ['member', 'editor', 'operator']) {
      expect(await text(await (await people.as(who)).get(path)), who).toContain(hiddenText)
    }
    for (const open of [
      `${PANGARATI}/plans/${f.open}/recommendations.json`,
      `${PANGARATI}/plans/${f.open}/report`,
      `${PANGARATI}/plans/${f.open}/report.csv`,
      `${PANGARATI}/plans/${f.open}/sections/${f.anchor}`,
      '/search?q=moderatorul',
    ]) {
      expect(await (await (await people.as('anon')).get(open)).text(), open).not.toContain('moderatorul o va ascunde')
    }
  })

  it('nobody edits or withdraws a recommendation of someone else (the id is in the URL)', async () => {
    const path = `${PANGARATI}/plans/${f.open}/recommendations/${f.ngoRec}`
    const before = one(db, 'select text, status, withdrawn_at from recommendations where id = ?', f.ngoRec)
    for (const who of ['member', 'editor', 'operator']) {
      const client = await people.as(who)
      const edit = await client.post(path, { intent: 'edit', text: 'Text înlocuit de altcineva decât autorul.' })
      expect(edit.status, `${who} edits`).toBe(400)
      const withdraw = await client.post(path, { intent: 'withdraw' })
      expect(withdraw.status, `${who} withdraws`).toBe(400)
    }
    expect(one(db, 'select text, status, withdrawn_at from recommendations where id = ?', f.ngoRec)).toEqual(before)
  })

  it('a recommendation and its attachment are found only under their own plan', async () => {
    const crossed = [
      `${PANGARATI}/plans/${closedPlan}/recommendations/${f.ngoRec}`,
      `${COUNTY}/plans/${county.plan}/recommendations/${f.ngoRec}`,
      `${PANGARATI}/plans/${f.open}/recommendations/${county.rec}`,
      `${PANGARATI}/plans/${closedPlan}/recommendations/${f.hiddenRec}/attachment`,
      `${COUNTY}/plans/${county.plan}/recommendations/${f.hiddenRec}/attachment`,
    ]
    expect(await statuses('operator', crossed)).toEqual(every(crossed, 404))
    expect(await statuses('member', crossed)).toEqual(every(crossed, 404))
  })

  it("staff cannot answer or hide another plan's recommendations by changing the id in the form", async () => {
    const editor = await people.as('editor')
    const answer = await editor.post(`${PANGARATI}/staff/plans/${f.open}/recommendations`, {
      intent: 'answer',
      id: county.rec,
      answer: 'rejected',
      justification: 'Răspuns dat de altă autoritate.',
    })
    expect([302, 400]).toContain(answer.status)
    const hide = await editor.post(`${PANGARATI}/staff/plans/${f.open}/recommendations`, {
      intent: 'hide',
      id: county.rec,
      reason: 'Ascunsă de altă autoritate.',
    })
    expect(hide.status).toBe(400)
    expect(one(db, 'select answer, hidden_at from recommendations where id = ?', county.rec)).toEqual({
      answer: null,
      hidden_at: null,
    })
    // And the other way round: the county's admin on its own plan, with a Pângărați id.
    const countyAdmin = await people.as('otherStaff')
    const before = one(db, 'select answer, hidden_at from recommendations where id = ?', f.ngoRec)
    await countyAdmin.post(`${COUNTY}/staff/plans/${county.plan}/recommendations`, {
      intent: 'answer',
      id: f.ngoRec,
      answer: 'rejected',
      justification: 'Răspuns dat de altă autoritate.',
    })
    await countyAdmin.post(`${COUNTY}/staff/plans/${county.plan}/recommendations`, {
      intent: 'hide',
      id: f.ngoRec,
      reason: 'Ascunsă de altă autoritate.',
    })
    expect(one(db, 'select answer, hidden_at from recommendations where id = ?', f.ngoRec)).toEqual(before)
  })

  it('nobody signs a recommendation or a debate request in the name of an organisation they do not belong to', async () => {
    const provider = await people.as('furnizor@demo.planuri.ro')
    const before = value<number>('select count(*) from recommendations where organisation_id = ?', f.ngoId)
    const rec = await provider.post(`${PANGARATI}/plans/${f.open}/sections/${f.anchor}`, {
      signAs: f.ngoId,
      text: 'Semnată în numele unei asociații din care nu fac parte.',
    })
    expect(rec.status).toBe(400)
    const debateRequest = await provider.post(`${PANGARATI}/plans/${f.open}`, {
      intent: 'request-debate',
      organisationId: f.ngoId,
      reason: 'Cerere în numele unei asociații străine.',
    })
    expect(debateRequest.status).toBe(400)
    expect(value<number>('select count(*) from recommendations where organisation_id = ?', f.ngoId)).toBe(before)
    expect(value<number>('select count(*) from debate_requests where organisation_id = ?', f.ngoId)).toBe(0)
  })
})

describe('minutes drafts', () => {
  it("another authority's staff find nothing, under either address", async () => {
    const paths = [
      `${PANGARATI}/minutes/${f.minutes}`,
      `${PANGARATI}/minutes/${f.minutes}/attachments/${f.minutesAttachment}`,
      `${COUNTY}/minutes/${f.minutes}`,
      `${COUNTY}/staff/minutes/${f.minutes}`,
      `${COUNTY}/minutes/${county.minutes}/attachments/${f.minutesAttachment}`,
    ]
    expect(await statuses('otherStaff', paths)).toEqual(every(paths, 404))
    expect(await statuses('otherStaff', [`${PANGARATI}/staff/minutes/${f.minutes}`])).toEqual({
      [`${PANGARATI}/staff/minutes/${f.minutes}`]: 403,
    })
    // Pângărați's editor and the county's minutes: the same.
    const theirs = [`${COUNTY}/minutes/${county.minutes}`, `${PANGARATI}/staff/minutes/${county.minutes}`]
    expect(await statuses('editor', theirs)).toEqual(every(theirs, 404))
  })

  it("changing the minutes id in a form changes another authority's minutes no more than opening them", async () => {
    const editor = await people.as('editor')
    const before = one(db, 'select title, status, summary from minutes where id = ?', county.minutes)
    const res = await editor.post(`${PANGARATI}/staff/minutes/${county.minutes}`, {
      intent: 'details',
      kind: 'consultation',
      title: 'Schimbat de altă autoritate',
      date: TODAY,
    })
    expect(res.status).toBe(404)
    expect((await editor.post(`${PANGARATI}/staff/minutes/${county.minutes}`, { intent: 'approve' })).status).toBe(404)
    expect(one(db, 'select title, status, summary from minutes where id = ?', county.minutes)).toEqual(before)
  })

  it('a public debate is cancelled only through its own plan', async () => {
    const countyAdmin = await people.as('otherStaff')
    const res = await countyAdmin.post(`${COUNTY}/staff/plans/${county.plan}/debates`, { intent: 'cancel', id: debate })
    expect(res.status).toBe(404)
    expect(value('select cancelled_at from public_debates where id = ?', debate)).toBeNull()
  })
})

describe('protocols and their documents', () => {
  it('a signed scan is served only with its own protocol, to its own authority', async () => {
    const pangaratiDoc = `${PANGARATI}/staff/protocols/${f.protocol}/documents/${f.protocolDocument}`
    const countyLegal = 'juridic.dgaspc@demo.planuri.ro'
    expect(await statuses(countyLegal, [pangaratiDoc])).toEqual({ [pangaratiDoc]: 403 })
    const crossed = [
      `${COUNTY}/staff/protocols/${f.protocol}/documents/${f.protocolDocument}`,
      `${COUNTY}/staff/protocols/${county.protocol}/documents/${f.protocolDocument}`,
    ]
    expect(await statuses(countyLegal, crossed)).toEqual(every(crossed, 404))
    const theirs = [
      `${PANGARATI}/staff/protocols/${f.protocol}/documents/${county.document}`,
      `${PANGARATI}/staff/protocols/${county.protocol}`,
      `${PANGARATI}/staff/protocols/${county.protocol}/documents/${county.document}`,
      `${PANGARATI}/staff/protocols/${county.protocol}/edit`,
    ]
    expect(await statuses('legal', theirs)).toEqual(every(theirs, 404))
    expect(await statuses('legal', [pangaratiDoc])).toEqual({ [pangaratiDoc]: 200 })
  })

  it("the county's protocols cannot be edited, decided or documented through Pângărați's address", async () => {
    const legal = await people.as('legal')
    const before = one(db, 'select title, last_reviewed_on from protocols where id = ?', county.protocol)
    const decisions = value<number>('select count(*) from protocol_decisions where protocol_id = ?', county.protocol)
    const documents = value<number>('select count(*) from protocol_documents where protocol_id = ?', county.protocol)
    // Some of the county's demo protocols already have addenda: what counts is that none is added.
    const addenda = value<number>('select count(*) from protocols where parent_id = ?', county.protocol)
    const base = `${PANGARATI}/staff/protocols/${county.protocol}`
    const edit = await legal.post(`${base}/edit`, { kind: 'protocol', title: 'Titlu schimbat din altă autoritate' })
    const review = await legal.post(base, { intent: 'review', reviewedOn: TODAY, note: 'Revizuit din alt județ.' })
    const decide = await legal.post(base, {
      intent: 'decide',
      decision: 'terminate',
      decidedOn: TODAY,
      reason: 'Reziliat din altă autoritate.',
    })
    const upload = await legal.postMultipart(base, fileForm({}, { field: 'document', name: 'x.pdf', bytes: PDF }))
    const addendum = await legal.post(`${base}/addendum`, { title: 'Act adițional străin', signedOn: TODAY })
    expect([edit, review, decide, upload, addendum].map((r) => r.status)).toEqual([404, 404, 404, 404, 404])
    expect(one(db, 'select title, last_reviewed_on from protocols where id = ?', county.protocol)).toEqual(before)
    expect(value('select count(*) from protocol_decisions where protocol_id = ?', county.protocol)).toBe(decisions)
    expect(value('select count(*) from protocol_documents where protocol_id = ?', county.protocol)).toBe(documents)
    expect(value('select count(*) from protocols where parent_id = ?', county.protocol)).toBe(addenda)
  })

  it("a reminder is acknowledged only with its own link, or by its authority's staff", async () => {
    const other = value<string>(
      'select id from protocol_reminders where authority_id = ? and id != ? limit 1',
      f.pangaratiId,
      f.reminder,
    )
    const anon = await people.as('anon')
    const wrongReminder = await anon.get(`/reminders/${other}/ack?token=${encodeURIComponent(f.reminderToken)}`)
    expect(wrongReminder.status).toBe(403)
    const [id, mac] = f.reminderToken.split('.')
    const tampered = `${id}.${mac!.slice(0, -2)}${mac!.endsWith('AA') ? 'BB' : 'AA'}`
    const forged = await anon.post(`/reminders/${f.reminder}/ack?token=${encodeURIComponent(tampered)}`, {
      token: tampered,
    })
    expect(forged.status).toBe(403)
    expect(await text(forged)).toContain('Legătura nu este validă')
    expect(value('select acknowledged_at from protocol_reminders where id = ?', f.reminder)).toBeNull()
    const countyAck = await (await people.as('otherStaff')).post(`/reminders/${other}/ack`, {})
    expect(countyAck.status).toBe(403)
    expect(value('select acknowledged_at from protocol_reminders where id = ?', other)).toBeNull()
  })

  it('a calendar feed answers only its exact secret, and lists only its own authority', async () => {
    const anon = await people.as('anon')
    const [id, secret] = f.calendarToken.split('.')
    const wrong = `${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`
    expect((await anon.get(`/calendar/${wrong}.ics`)).status).toBe(404)
    expect((await anon.get(`/calendar/${id}.ics`)).status).toBe(404)
    const feed = await (await anon.get(`/calendar/${f.calendarToken}.ics`)).text()
    expect(feed).toContain('BEGIN:VCALENDAR')
    const countyTitles = db
      .prepare('select distinct title from protocols where authority_id = ?')
      .pluck()
      .all(f.countyId) as string[]
    const pangaratiTitles = new Set(
      db.prepare('select distinct title from protocols where authority_id = ?').pluck().all(f.pangaratiId) as string[],
    )
    for (const title of countyTitles.filter((t) => !pangaratiTitles.has(t))) expect(feed).not.toContain(title)
  })
})

describe('services, partners and meetings', () => {
  it("the county's services cannot be changed or deleted from Pângărați's page", async () => {
    const coord = await people.as('coord')
    const before = one(db, 'select name from social_services where id = ?', county.service)
    const del = await coord.post(`${PANGARATI}/staff/services`, { intent: 'delete', id: county.service })
    const update = await coord.post(`${PANGARATI}/staff/services`, {
      intent: 'update',
      id: county.service,
      name: 'Serviciu redenumit de altă autoritate',
    })
    expect([del.status, update.status]).toEqual([404, 404])
    expect(one(db, 'select name from social_services where id = ?', county.service)).toEqual(before)
  })

  it("an attendance row of one meeting cannot be removed through another meeting's form", async () => {
    const coord = await people.as('coord')
    const res = await coord.post(`${PANGARATI}/staff/meetings/${f.meeting}`, {
      intent: 'remove-attendance',
      id: String(heldAttendance),
    })
    expect(res.status).toBe(302)
    expect(value('select count(*) from meeting_attendance where id = ?', heldAttendance)).toBe(1)
  })

  it("another authority's staff cannot open or change Pângărați's meetings", async () => {
    const countyAdmin = await people.as('otherStaff')
    expect((await countyAdmin.get(`${COUNTY}/staff/meetings/${f.meeting}`)).status).toBe(404)
    expect((await countyAdmin.get(`${PANGARATI}/staff/meetings/${f.meeting}`)).status).toBe(403)
    const cancel = await countyAdmin.post(`${COUNTY}/staff/meetings/${f.meeting}`, { intent: 'cancel', reason: 'x' })
    expect(cancel.status).toBe(404)
    expect(value('select status from meetings where id = ?', f.meeting)).toBe('scheduled')
  })

  it('a meeting invitation answers only with its own, intact link', async () => {
    const anon = await people.as('anon')
    const valid = await anon.get(`${PANGARATI}/meetings/rsvp?token=${encodeURIComponent(f.rsvpToken)}`)
    expect(await text(valid)).not.toContain('Legătura nu este validă')
    const [id, mac] = f.rsvpToken.split('.')
    const other = value<string>('select id from meeting_invitations where id != ? limit 1', id)
    const tampered = [
      `${id}.${mac!.slice(0, -2)}${mac!.endsWith('AA') ? 'BB' : 'AA'}`, // the signature changed
      `${other}.${mac}`, // another invitation's id with this signature
      `${id}`, // no signature
    ]
    const rsvps = () => db.prepare('select id, rsvp from meeting_invitations order by id').all()
    const before = rsvps()
    for (const token of tampered) {
      const page = await anon.get(`${PANGARATI}/meetings/rsvp?token=${encodeURIComponent(token)}`)
      expect(page.status).toBe(200)
      expect(await text(page), token).toContain('Legătura nu este validă')
      const answer = await anon.post(`${PANGARATI}/meetings/rsvp`, { token, answer: 'declined' })
      expect(answer.status, token).toBe(400)
    }
    // A genuine token under another authority's address is not an invitation of that authority.
    const elsewhere = await anon.get(`${COUNTY}/meetings/rsvp?token=${encodeURIComponent(f.rsvpToken)}`)
    expect(await text(elsewhere)).toContain('Legătura nu este validă')
    expect((await anon.post(`${COUNTY}/meetings/rsvp`, { token: f.rsvpToken, answer: 'declined' })).status).toBe(400)
    expect(rsvps()).toEqual(before)
  })
})

describe('the staff team', () => {
  it("an authority's admin cannot change the roles of another authority's staff", async () => {
    const admin = await people.as('admin')
    const countyAdminId = value<string>('select id from users where email = ?', EMAILS.otherStaff)
    const roles = () =>
      db.prepare('select authority_id, role from staff_roles where user_id = ? order by 1, 2').all(countyAdminId)
    const before = roles()
    const set = await admin.post(`${PANGARATI}/staff/team`, {
      intent: 'set-roles',
      userId: countyAdminId,
      roles: 'viewer',
    })
    const remove = await admin.post(`${PANGARATI}/staff/team`, { intent: 'remove', userId: countyAdminId })
    expect([set.status, remove.status]).toEqual([400, 400])
    expect(roles()).toEqual(before)
  })

  it('an invitation is accepted only by the address it was sent to, and revoked only by its authority', async () => {
    const ngoAdmin = await people.as('ngoAdmin')
    const accept = await ngoAdmin.post(`/invitations/${encodeURIComponent(f.invitationToken)}`, { intent: 'accept' })
    expect(accept.status).toBe(403)
    const invitation = one<{ id: string }>(
      db,
      "select id from staff_invitations where email = 'invitat.securitate@example.org'",
    )
    const countyAdmin = await people.as('otherStaff')
    await countyAdmin.post(`${COUNTY}/staff/team`, { intent: 'revoke', invitationId: invitation.id })
    expect(one(db, 'select accepted_at, revoked_at from staff_invitations where id = ?', invitation.id)).toEqual({
      accepted_at: null,
      revoked_at: null,
    })
    const ngoAdminId = value<string>('select id from users where email = ?', EMAILS.ngoAdmin)
    expect(value('select count(*) from staff_roles where user_id = ?', ngoAdminId)).toBe(0)
  })
})

describe('organisations', () => {
  it("an organisation's admin is refused another organisation's edit and members pages, and changes nothing", async () => {
    const ngoAdmin = await people.as('ngoAdmin')
    for (const p of [`/organisations/${f.providerSlug}/edit`, `/organisations/${f.providerSlug}/members`]) {
      expect((await ngoAdmin.get(p)).status, p).toBe(403)
    }
    const before = one(db, 'select name, description from organisations where slug = ?', f.providerSlug)
    const edit = await ngoAdmin.post(`/organisations/${f.providerSlug}/edit`, {
      name: 'Nume schimbat de alt ONG',
      kind: 'private_provider',
      contactEmail: 'x@example.org',
      description: 'Schimbat.',
    })
    expect(edit.status).toBe(403)
    expect(one(db, 'select name, description from organisations where slug = ?', f.providerSlug)).toEqual(before)
    const providerAdminId = value<string>('select id from users where email = ?', 'furnizor@demo.planuri.ro')
    const demote = await ngoAdmin.post(`/organisations/${f.providerSlug}/members`, {
      intent: 'remove',
      userId: providerAdminId,
    })
    expect(demote.status).toBe(403)
    expect(
      value(
        'select role from organisation_members m join organisations o on o.id = m.organisation_id where o.slug = ? and m.user_id = ?',
        f.providerSlug,
        providerAdminId,
      ),
    ).toBe('admin')
  })

  it('approving someone who never asked to join (a changed user id) adds nobody', async () => {
    const ngoAdmin = await people.as('ngoAdmin')
    const providerAdminId = value<string>('select id from users where email = ?', 'furnizor@demo.planuri.ro')
    await ngoAdmin.post(`/organisations/${f.ngoSlug}/members`, { intent: 'approve', userId: providerAdminId })
    expect(
      value(
        'select count(*) from organisation_members where organisation_id = ? and user_id = ?',
        f.ngoId,
        providerAdminId,
      ),
    ).toBe(0)
  })
})

describe('the outbox and the audit trails', () => {
  it('only the operator reads outbox messages, even one addressed to the reader', async () => {
    const toEditor = value<string>('select id from email_outbox where to_address = ? limit 1', EMAILS.editor)
    const paths = [
      `/admin/outbox/${f.outboxWithAttachment}`,
      `/admin/outbox/${f.outboxWithAttachment}/html`,
      `/admin/outbox/${f.outboxWithAttachment}/attachments/0`,
      `/admin/outbox/${toEditor}`,
      `/admin/outbox/${toEditor}/html`,
    ]
    for (const who of ['editor', 'admin', 'ngoAdmin', 'otherStaff'])
      expect(await statuses(who, paths), who).toEqual(every(paths, 403))
    expect(await statuses('operator', paths)).toEqual(every(paths, 200))
    const retry = await (await people.as('admin')).post(`/admin/outbox/${toEditor}`, {})
    expect(retry.status).toBe(403)
  })

  it('histories follow the same rules as the things they describe', async () => {
    const cases: Array<[string, string, number]> = [
      ['admin', `/audit/plan/${f.countyDraft}`, 403],
      ['otherStaff', `/audit/minutes/${f.minutes}`, 403],
      ['otherStaff', `/audit/meeting/${f.meeting}`, 403],
      ['otherStaff', `/audit/protocol/${f.protocol}`, 403],
      ['ngoAdmin', `/audit/user/${f.memberUserId}`, 403],
      [
        'ngoAdmin',
        `/audit/organisation/${value<string>('select id from organisations where slug = ?', f.providerSlug)}`,
        403,
      ],
      ['legal', `/audit/recommendation/${f.hiddenRec}`, 403],
      ['editor', `/audit/minutes/${f.minutes}`, 200],
      ['member', `/audit/user/${f.memberUserId}`, 200],
    ]
    const got = []
    for (const [who, p] of cases) got.push([who, p, (await (await people.as(who)).get(p)).status])
    expect(got).toEqual(cases)
  })
})

describe('notification links', () => {
  it('an unsubscribe token is valid only for the kind of email it came with', async () => {
    const url = new URL(f.unsubscribeUrl, app.url)
    const token = url.searchParams.get('token')!
    const anon = new Client(app.url)
    const otherKind = await anon.get(`/unsubscribe?kind=recommendation_answered&token=${encodeURIComponent(token)}`)
    expect(await text(otherKind)).toContain('Legătura de dezabonare nu este validă')
    const posted = await anon.post('/unsubscribe', { kind: 'recommendation_answered', token })
    expect(posted.status).toBe(400)
    const userId = token.split('.')[0]!
    expect(value('select count(*) from notification_preferences where user_id = ?', userId)).toBe(0)
    // The genuine link still works for its own kind.
    const ok = await anon.post('/unsubscribe', { kind: url.searchParams.get('kind')!, token })
    expect(ok.status).toBe(200)
    expect(value('select count(*) from notification_preferences where user_id = ?', userId)).toBe(1)
  })

  it('a logged-in person cannot accept an invitation for somebody else even after logging in fresh', async () => {
    const client = new Client(app.url)
    await client.login('beneficiari@demo.planuri.ro', DEMO_PASSWORD)
    const res = await client.post(`/invitations/${encodeURIComponent(f.invitationToken)}`, { intent: 'accept' })
    expect(res.status).toBe(403)
  })
})
