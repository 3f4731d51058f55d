import ICAL from 'ical.js'
import { expect, test, type Browser } from '@playwright/test'
import { expectNoViolations, login } from './helpers'

const COORDINATOR = 'coordonator.pangarati@demo.planuri.ro'
const OPERATOR = 'operator@demo.planuri.ro'
const TITLE = 'Întâlnire tripartită e2e: ambele servicii'

/** Today in Europe/Bucharest as YYYY-MM-DD (the e2e server runs on the real clock). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(new Date())
}

/** The operator opens the newest invitation to `to` in the local outbox: its text and its .ics. */
async function readInvitation(browser: Browser, to: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, OPERATOR)
  await page.goto('/admin/outbox')
  const row = page.locator('tr', { hasText: to }).filter({ hasText: TITLE }).first()
  await expect(row).toBeVisible()
  await row.getByRole('link').first().click()
  const text = (await page.getByTestId('email-text').textContent()) ?? ''
  const ics = await page.request.get(`${new URL(page.url()).pathname}/attachments/0`)
  expect(ics.status()).toBe(200)
  const body = await ics.text()
  await context.close()
  return { text, ics: body }
}

test('a coordinator holds a tripartite meeting for two service types and the board turns them to "held"', async ({
  page,
  browser,
}) => {
  await login(page, COORDINATOR)
  await page.goto('/a/pangarati/staff/meetings')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Întâlniri tripartite')
  await expectNoViolations(page)
  const board = page.locator('table.board')
  const semester = (await board.locator('thead th').nth(1).textContent())!.trim()

  // Schedule it for both service types, today.
  await page.getByLabel('Titlul').fill(TITLE)
  for (const type of await page.locator('input[name="serviceTypes"]').all()) await type.check()
  await page.getByLabel('Data').fill(today())
  await page.getByLabel('Locul').fill('Sala de ședințe a Primăriei Pângărați')
  await page.getByRole('button', { name: 'Programează întâlnirea' }).click()
  await expect(page.getByText('Întâlnirea a fost programată.')).toBeVisible()
  await expectNoViolations(page)

  // Invite the three groups (the partners' contacts are suggested).
  for (const group of ['Furnizori de servicii sociale', 'Organizații de voluntariat', 'Asociații ale beneficiarilor']) {
    await expect(page.getByText(group).first()).toBeVisible()
  }
  await page.getByRole('button', { name: 'Trimite invitațiile (cu invitație de calendar)' }).click()
  await expect(page.getByText('Invitațiile au fost trimise.')).toBeVisible()

  // The invitation is a valid iCalendar request; the invitee accepts from the email's link, without logging in.
  const { text, ics } = await readInvitation(browser, 'ong@demo.planuri.ro')
  const calendar = new ICAL.Component(ICAL.parse(ics))
  expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
  expect(event.summary).toBe(TITLE)
  expect(event.uid).toMatch(/@planuri-sociale$/)
  const accept = /https?:\/\/[^\s\]]*\/meetings\/rsvp\?token=[^\s\]&]+(?:&|&amp;)answer=accepted/.exec(text)?.[0]
  expect(accept, 'the accept link in the text part').toBeTruthy()
  const invitee = await browser.newContext()
  const rsvp = await invitee.newPage()
  await rsvp.goto(new URL(accept!.replace('&amp;', '&')).pathname + new URL(accept!.replace('&amp;', '&')).search)
  await expect(rsvp.getByLabel('participă', { exact: true })).toBeChecked()
  await expectNoViolations(rsvp)
  await rsvp.getByRole('button', { name: 'Trimite răspunsul' }).click()
  await expect(rsvp.getByText('ați confirmat participarea')).toBeVisible()
  await invitee.close()

  // Attendance of the three groups, the meeting held, minutes started.
  await page.reload()
  await expect(page.locator('tr', { hasText: 'Asociația Vârstnici Activi Pângărați' })).toContainText('participă')
  for (const [organisation, group, persons] of [
    ['Fundația Casa cu Suflet', 'Furnizori de servicii sociale', 'Dan Popa, director'],
    ['Asociația Vârstnici Activi Pângărați', 'Organizații de voluntariat', 'Sorin Matei, președinte'],
  ] as const) {
    await page.locator('#att-org').fill(organisation)
    await page.locator('#att-group').selectOption({ label: group })
    await page.locator('#att-persons').fill(persons)
    await page.getByRole('button', { name: 'Adaugă', exact: true }).click()
    await expect(page.getByText('Prezența a fost actualizată.')).toBeVisible()
  }
  await expect(page.getByText('lipsesc Asociații ale beneficiarilor')).toBeVisible()
  await page.locator('#att-org').fill('Asociația Părinților Copiilor cu Dizabilități Neamț')
  await page.locator('#att-group').selectOption({ label: 'Asociații ale beneficiarilor' })
  await page.locator('#att-persons').fill('Gabriela Toma, președintă')
  await page.getByRole('button', { name: 'Adaugă', exact: true }).click()
  await expect(page.getByText('Întâlnirea se numără: au participat toate cele trei grupuri.')).toBeVisible()
  await page.getByRole('button', { name: 'Întâlnirea a avut loc' }).click()
  await expect(page.getByText('Întâlnirea a fost marcată drept ținută.')).toBeVisible()
  await expectNoViolations(page)
  await page.getByRole('button', { name: 'Întocmește procesul-verbal' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)
  await page.getByLabel('Rezumatul punctelor de vedere exprimate').fill('Furnizorul a prezentat lista de așteptare.')
  await page.getByLabel('Concluzii').fill('Se suplimentează numărul asistenților personali.')
  await page.getByRole('button', { name: 'Salvează' }).first().click()
  await page.getByRole('button', { name: 'Aprobă și publică' }).click()
  await expect(page.getByText('Procesul-verbal a fost aprobat și publicat.')).toBeVisible()

  // The board: both types held this semester.
  await page.goto('/a/pangarati/staff/meetings')
  const column = (await board.locator('thead th').allTextContents()).findIndex((h) => h.trim() === semester)
  for (const row of await board.locator('tbody tr').all()) {
    await expect(row.locator('td').nth(column - 1)).toContainText('ținută')
  }
  await expectNoViolations(page)
  await page.goto('/a/pangarati/meetings')
  await expect(page.getByText(TITLE)).toBeVisible()
  await expectNoViolations(page)
})
