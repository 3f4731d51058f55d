import { expect, test, type Page } from '@playwright/test'

async function expectRomanian(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro')
  await expect(page.getByRole('navigation', { name: 'Navigare principală' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Autorități', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible()
  await expect(page.getByText('Adresele de email nu sunt publicate niciodată.')).toBeVisible()
  await expect(page.getByText('Email addresses are never published.')).toHaveCount(0)
}

async function expectEnglish(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Authorities', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Log in', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Română' })).toBeVisible()
  await expect(page.getByText('Email addresses are never published.')).toBeVisible()
  await expect(page.getByText('Adresele de email nu sunt publicate niciodată.')).toHaveCount(0)
}

function languageScenario() {
  test('Romanian by default; the header switch changes to English, remembered, and back', async ({ page }) => {
    await page.goto('/')
    await expectRomanian(page)

    await page.getByRole('button', { name: 'English' }).click()
    await expectEnglish(page)
    // The switch keeps the visitor on the same page.
    await expect(page).toHaveURL(/\/$/)

    // Remembered on another page...
    await page.getByRole('link', { name: 'Authorities', exact: true }).click()
    await expect(page).toHaveURL(/\/authorities$/)
    await expectEnglish(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorities')

    // ...after a reload, and when the address is typed.
    await page.reload()
    await expectEnglish(page)
    await page.goto('/login')
    await expectEnglish(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in')

    // Back to Romanian, on the page where the switch was pressed.
    await page.getByRole('button', { name: 'Română' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await expectRomanian(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autentificare')
    await page.goto('/authorities')
    await expectRomanian(page)
    await page.reload()
    await expectRomanian(page)
  })

  test('keeps the query string of the page when switching', async ({ page }) => {
    await page.goto('/account/verify?request=x&code=12345678')
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page).toHaveURL(/\/account\/verify\?request=x&code=12345678$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
}

/** Whether the page's own scripts ran (Remix sets window.__remixContext in an inline script). */
async function remixScriptsRan(page: Page): Promise<boolean> {
  return page.evaluate(() => '__remixContext' in window).catch(() => false)
}

test.describe('with JavaScript', () => {
  test('JavaScript is really on', async ({ page }) => {
    await page.goto('/')
    expect(await remixScriptsRan(page)).toBe(true)
  })

  languageScenario()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('JavaScript is really off', async ({ page }) => {
    await page.goto('/')
    expect(await remixScriptsRan(page)).toBe(false)
  })

  languageScenario()
})
