import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoViolations, login } from './helpers'

const EDITOR = 'editor.pangarati@demo.planuri.ro'
const NGO = 'ong@demo.planuri.ro'
const OPERATOR = 'operator@demo.planuri.ro'
const SAMPLE = path.resolve(import.meta.dirname, '../fixtures/pangarati-plan-2023.txt')
const TITLE = 'Planul anual de acțiune privind serviciile sociale 2027 (e2e)'
const COMMENT = 'Propunem un serviciu de îngrijire la domiciliu pentru vârstnicii singuri din satul Pângărați.'

/** Today in Europe/Bucharest, plus `days`, as YYYY-MM-DD (the server's clock is the real one here). */
function bucharestDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

async function asUser(browser: Browser, email: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await login(page, email)
  return { page, close: () => context.close() }
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${page.url()} scrolls sideways on a phone`).toBeLessThanOrEqual(0)
}

test.describe.serial('a consultation, from the Word-extracted draft to the report', () => {
  let planPath = ''

  test('an editor imports the Pângărați plan, checks the outline and publishes it', async ({ browser }) => {
    const { page, close } = await asUser(browser, EDITOR)
    await page.goto('/a/pangarati/staff/plans')
    await expectNoViolations(page)
    await page.getByRole('link', { name: 'Document nou pentru consultare' }).click()
    await expectNoViolations(page)
    await page.getByLabel('Titlu').fill(TITLE)
    await page.getByLabel('Anul').fill('2027')
    await page.getByLabel('Rezumat').fill('Serviciile sociale ale comunei pentru anul 2027.')
    await page.getByLabel('Nota de fundamentare (referatul de aprobare)').fill('Legea 292/2011, art. 112 și 118.')
    await page.getByLabel('Fișier Word (.docx) sau text (.txt)').setInputFiles(SAMPLE)
    await page.getByRole('button', { name: 'Citește și arată secțiunile' }).click()
    const outline = page.locator('table.outline-editor')
    await expect(outline).toBeVisible()
    for (const number of ['CAPITOLUL I', 'CAPITOLUL II', 'CAPITOLUL III']) {
      await expect(outline.locator(`input[value="${number}"]`)).toHaveCount(1)
    }
    await expectNoViolations(page)
    await page.getByRole('button', { name: 'Salvează ciorna' }).click()
    await expect(page.getByText('Ciorna a fost creată.')).toBeVisible()
    await expectNoViolations(page)

    await page.getByLabel('Primul zi de consultare').fill(bucharestDate(0))
    await page.getByLabel('Ultima zi pentru recomandări').fill(bucharestDate(3))
    await page.getByRole('button', { name: 'Publică' }).click()
    await expect(page.getByText('legea cere cel puțin 10 zile')).toBeVisible()
    await page.getByLabel('Ultima zi pentru recomandări').fill(bucharestDate(14))
    await page.getByRole('button', { name: 'Publică' }).click()
    await expect(page.getByText('Documentul a fost publicat')).toBeVisible()
    const href = await page.getByRole('link', { name: 'Pagina publică' }).getAttribute('href')
    planPath = new URL(href ?? '', page.url()).pathname
    await close()
  })

  test('an NGO member comments on a section, with proposed wording, from a phone and the keyboard', async ({
    browser,
  }) => {
    const { page, close } = await asUser(browser, NGO, { width: 375, height: 800 })
    await page.goto('/consultations')
    await noHorizontalScroll(page)
    await expectNoViolations(page)
    await page.getByRole('link', { name: TITLE }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)
    await noHorizontalScroll(page)
    await expectNoViolations(page)

    // The keyboard alone: the link to comment on part B, then the form.
    const commentLink = page.getByRole('link', {
      name: /Comentați această secțiune B\. Serviciile sociale propuse/,
    })
    await commentLink.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Serviciile sociale propuse')
    await noHorizontalScroll(page)
    await expectNoViolations(page)
    await expect(page.getByLabel(/în numele organizației Asociația Vârstnici Activi Pângărați/)).toBeChecked()
    await page.getByLabel('Recomandarea', { exact: true }).focus()
    await page.keyboard.type(COMMENT)
    const wording = page.getByLabel('Formularea propusă (opțional)')
    await wording.focus()
    await page.keyboard.press('End')
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Serviciu de îngrijire la domiciliu pentru persoane vârstnice, 15 locuri.')
    await page.getByRole('button', { name: 'Trimite recomandarea' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByText(/Recomandarea a fost înregistrată cu numărul P2027-\d+\/0001/)).toBeVisible()
    await page.getByText('Formularea propusă, față de textul secțiunii').click()
    await expect(page.locator('ins', { hasText: '15 locuri' })).toBeVisible()
    await noHorizontalScroll(page)
    await expectNoViolations(page)
    await close()
  })

  test('the editor answers; the author is emailed; the report downloads as DOCX and CSV', async ({ browser }) => {
    const { page, close } = await asUser(browser, EDITOR)
    const staffPath = planPath.replace('/plans/', '/staff/plans/')
    await page.goto(`${staffPath}/recommendations`)
    await expect(page.getByText(COMMENT)).toBeVisible()
    await expectNoViolations(page)
    const card = page.locator('article.recommendation', { hasText: COMMENT })
    await card.getByLabel('Respinsă').check()
    await card.getByRole('button', { name: 'Salvează răspunsul și anunță autorul' }).click()
    await expect(page.getByRole('alert')).toContainText('Motivarea este obligatorie')
    await card.getByLabel('Acceptată parțial').check()
    await card.getByLabel('Motivarea').fill('Includem serviciul cu 10 locuri, cât permite bugetul local.')
    await card.getByRole('button', { name: 'Salvează răspunsul și anunță autorul' }).click()
    await expect(page.getByText(COMMENT)).toHaveCount(0) // no longer among the unanswered

    await page.goto(`${planPath}/report`)
    await expect(page.getByText('cât permite bugetul local')).toBeVisible()
    await expectNoViolations(page)
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descarcă raportul (Word)' }).click(),
    ])
    expect(docx.suggestedFilename()).toMatch(/^raport-recomandari-P2027-\d+\.docx$/)
    expect(
      fs
        .readFileSync((await docx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descarcă raportul (CSV)' }).click(),
    ])
    const csvText = fs.readFileSync((await csv.path())!, 'utf8')
    expect(csvText).toContain(COMMENT)
    expect(csvText).toContain('Acceptată parțial')

    for (const extra of [`${planPath}/changes`, `${staffPath}/debates`, `${staffPath}/recommendations?view=groups`]) {
      await page.goto(extra)
      await expect(page.locator('h1').first()).toBeVisible()
      await expectNoViolations(page)
    }
    await close()

    const operator = await asUser(browser, OPERATOR)
    await operator.page.goto('/admin/outbox')
    const row = operator.page
      .locator('tr', { hasText: NGO })
      .filter({ hasText: 'Acceptată parțial' })
      .filter({ hasText: '(e2e)' })
      .first()
    await expect(row).toBeVisible()
    await row.getByRole('link').first().click()
    await expect(operator.page.getByTestId('email-text')).toContainText('Acceptată parțial')
    await expect(operator.page.getByTestId('email-text')).toContainText('cât permite bugetul local')
    await operator.close()
  })

  test('search without diacritics finds the comment; hostile input never breaks the page', async ({ page }) => {
    await page.goto('/search?q=ingrijire+varstnicii+singuri')
    await expect(page.getByRole('main')).toContainText('vârstnicii singuri')
    await expectNoViolations(page)
    for (const q of ['"', '(AND', 'NEAR(', '*', "'; DROP TABLE plans; --"]) {
      const res = await page.goto(`/search?q=${encodeURIComponent(q)}`)
      expect(res?.status(), q).toBe(200)
    }
  })

  test('a follower’s notification settings and the unsubscribe page pass axe', async ({ browser }) => {
    const { page, close } = await asUser(browser, NGO)
    await page.goto('/account/notifications')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notificări și urmăriri')
    await expectNoViolations(page)
    await page.goto('/unsubscribe?kind=consultation_opened&token=invalid.token')
    await expect(page.getByText('Legătura de dezabonare nu este validă.')).toBeVisible()
    await expectNoViolations(page)
    await close()
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a citizen reads a plan and sends a recommendation on the whole document', async ({ page }) => {
    await login(page, 'voluntar@demo.planuri.ro')
    await page.goto('/consultations')
    await page
      .getByRole('link', { name: /Planul anual de acțiune privind serviciile sociale administrate/ })
      .first()
      .click()
    await page.getByRole('link', { name: 'Întregul document' }).click()
    await page.getByLabel(/ca persoană/).check()
    await page
      .getByLabel('Recomandarea', { exact: true })
      .fill('Trimisă fără JavaScript: planul să fie publicat și la avizierul din sat.')
    await page.getByRole('button', { name: 'Trimite recomandarea' }).click()
    await expect(page.getByText(/Recomandarea a fost înregistrată cu numărul/)).toBeVisible()
    await expect(page.locator('article').getByText('Trimisă fără JavaScript')).toBeVisible()
  })
})
