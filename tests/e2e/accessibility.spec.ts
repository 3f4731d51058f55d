import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations, login } from './helpers'

const LOCALES = ['ro', 'en'] as const
type Locale = (typeof LOCALES)[number]

const SWITCH_LABEL: Record<Locale, string> = { ro: 'Română', en: 'English' }

/** Chooses the language through the header switch (the cookie then holds it for the context). */
async function chooseLanguage(page: Page, locale: Locale) {
  await page.goto('/')
  if ((await page.locator('html').getAttribute('lang')) !== locale) {
    await page.getByRole('button', { name: SWITCH_LABEL[locale] }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
  }
}

async function visit(page: Page, path: string, locale: Locale, expectedStatus = 200) {
  const response = await page.goto(path)
  expect(response?.status(), `status of ${path}`).toBe(expectedStatus)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await expect(page.locator('h1').first()).toBeVisible()
}

const PUBLIC_PAGES: Array<{ path: string; status?: number }> = [
  { path: '/' },
  { path: '/authorities' },
  { path: '/a/pangarati' },
  { path: '/organisations' },
  { path: '/consultations' },
  { path: '/consultations?status=open&kind=annual_action_plan' },
  { path: '/search?q=asistenta+sociala' },
  { path: '/a/pangarati/meetings' },
  { path: '/a/pangarati/transparency' },
  { path: '/login' },
  { path: '/signup' },
  { path: '/forgot-password' },
  { path: '/account/verify?request=x&code=12345678' },
  { path: '/no-such-page', status: 404 },
]

for (const locale of LOCALES) {
  test.describe(`accessibility in ${locale === 'ro' ? 'Romanian' : 'English'}`, () => {
    test.beforeEach(async ({ page }) => {
      await chooseLanguage(page, locale)
    })

    for (const { path, status } of PUBLIC_PAGES) {
      test(`${path} has no WCAG A/AA violations (${locale})`, async ({ page }) => {
        await visit(page, path, locale, status)
        await expectNoViolations(page)
      })
    }

    test(`the page of an organisation has no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await visit(page, '/organisations', locale)
      const links = page.locator('main a[href^="/organisations/"]:not([href="/organisations/new"])')
      await expect(links.first(), 'a link to an organisation on /organisations').toBeVisible()
      const href = await links.first().getAttribute('href')
      expect(href).toMatch(/^\/organisations\/[a-z0-9-]+$/)
      await links.first().click()
      await expect(page).toHaveURL(new RegExp(`${href}$`))
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      await expect(page.locator('h1').first()).toBeVisible()
      await expectNoViolations(page)
    })

    test(`the demo consultation's pages have no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await visit(page, '/consultations', locale)
      await page.locator('main .consultation-list a').first().click()
      await expect(page).toHaveURL(/\/a\/[^/]+\/plans\/[^/]+$/)
      await expect(page.locator('h1').first()).toBeVisible()
      const planPath = new URL(page.url()).pathname
      await expectNoViolations(page)
      for (const sub of ['/sections/cap-i-a', '/sections/document', '/report', '/changes']) {
        await visit(page, planPath + sub, locale)
        await expectNoViolations(page)
      }
      await visit(page, planPath + '/sections/document', locale)
      await page.locator('main ol.recommendations h3 a').first().click()
      await expect(page).toHaveURL(/\/recommendations\/[^/]+$/)
      await expect(page.locator('h1').first()).toBeVisible()
      await expectNoViolations(page)
    })

    test.describe('signed in as the admin of Pângărați', () => {
      test.beforeEach(async ({ page }) => {
        await login(page, 'admin.pangarati@demo.planuri.ro')
      })

      for (const path of [
        '/account',
        '/account/notifications',
        '/a/pangarati/staff',
        '/a/pangarati/staff/plans',
        '/a/pangarati/staff/meetings',
        '/a/pangarati/staff/services',
        '/a/pangarati/staff/partners',
        '/a/pangarati/staff/settings',
      ]) {
        test(`${path} has no WCAG A/AA violations (${locale})`, async ({ page }) => {
          await visit(page, path, locale)
          await expectNoViolations(page)
        })
      }
    })
  })
}
