import { expect, test } from '@playwright/test'
import { expectNoViolations, login } from './helpers'

const DASHBOARD = '/a/pangarati/staff/protocols'

test.describe('the legal officer’s protocol registry', () => {
  test('on a desktop the dashboard says what needs a decision, and every protocol page passes axe', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await login(page, 'juridic.pangarati@demo.planuri.ro')
    await page.goto(DASHBOARD)
    const notice = page.locator('#notice')
    await expect(notice).toContainText('Asociația Vârstnici Activi Pângărați')
    await expect(page.locator('#expiring')).toContainText('Fundația Casa cu Suflet')
    await expect(page.getByRole('img', { name: /Cronologia valabilității/ })).toBeVisible()
    await expectNoViolations(page)

    await notice.getByRole('link', { name: 'Acord de parteneriat' }).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acord de parteneriat')
    await expect(page.getByText('Ultima zi pentru denunțare')).toBeVisible()
    await expectNoViolations(page)

    for (const path of [`${DASHBOARD}/new`, `${DASHBOARD}/import`, '/a/pangarati/protocols']) {
      await page.goto(path)
      await expect(page.locator('h1').first()).toBeVisible()
      await expectNoViolations(page)
    }
  })

  test('on a phone the dashboard fits the screen and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await login(page, 'juridic.pangarati@demo.planuri.ro')
    await page.goto(DASHBOARD)
    await expect(page.locator('#notice')).toContainText('Asociația Vârstnici Activi Pângărați')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectNoViolations(page)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a legal officer records a decision and imports a pasted list', async ({ page }) => {
    await login(page, 'juridic.pangarati@demo.planuri.ro')
    await page.goto(DASHBOARD)
    await page.locator('#notice').getByRole('link', { name: 'Acord de parteneriat' }).first().click()
    await page.getByLabel('Decizia').selectOption('renew')
    await page.getByLabel('Motivul').fill('Parteneriatul funcționează bine.')
    await page.getByRole('button', { name: 'Înregistrează decizia' }).click()
    await expect(page.getByText('Decizia a fost înregistrată.')).toBeVisible()
    await expect(page.getByText('Parteneriatul funcționează bine.')).toBeVisible()

    await page.goto(`${DASHBOARD}/import`)
    await page
      .getByLabel('Textul copiat')
      .fill(
        [
          '- Protocol de colaborare încheiat în luna martie 2024 între Primăria Comunei Pângărați și Asociația Test Fără JS nr. 12 / 04.03.2024 / 34 / 05.03.2024, având ca scop testarea importului.',
        ].join('\n'),
      )
    await page.getByRole('button', { name: 'Verifică' }).click()
    await expect(page.getByText('Asociația Test Fără JS').first()).toBeVisible()
    await expect(page.getByText('durata nu este precizată').first()).toBeVisible()
    await page.getByLabel(/Importă și rândul cu probleme/).check()
    await page.getByRole('button', { name: 'Importă protocolul' }).click()
    await expect(page).toHaveURL(/imported=1/)
  })
})
