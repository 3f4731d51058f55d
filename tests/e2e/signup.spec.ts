import { expect, test, type Browser } from '@playwright/test'

const DEMO_PASSWORD = 'demo-planuri-2026'
const OPERATOR = 'operator@demo.planuri.ro'

/** The platform admin reads the newest email to `to` in the local outbox; returns its text part. */
async function readNewestEmail(browser: Browser, to: string): Promise<string> {
  const context = await browser.newContext()
  try {
    const admin = await context.newPage()
    await admin.goto('/login')
    await admin.getByLabel('Adresa de email', { exact: true }).fill(OPERATOR)
    await admin.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD)
    await admin.getByRole('button', { name: 'Intră în cont' }).click()
    await expect(admin).not.toHaveURL(/\/login/)

    // The list shows the newest first; the message may take a moment to reach it.
    const rows = admin.getByRole('row').filter({ hasText: to })
    await expect
      .poll(
        async () => {
          await admin.goto('/admin/outbox')
          return rows.count()
        },
        { message: `an email to ${to} in /admin/outbox`, timeout: 15_000 },
      )
      .toBeGreaterThan(0)
    await rows.first().getByRole('link').first().click()
    await expect(admin).toHaveURL(/\/admin\/outbox\/[^/?#]+$/)
    const text = await admin.locator('pre').first().textContent()
    expect(text, 'the text part of the email, shown in a <pre>').toBeTruthy()
    return text!
  } finally {
    await context.close()
  }
}

test('sign up, confirm the address with the emailed code, log out and log in again', async ({ page, browser }) => {
  const name = 'Maria Ionescu'
  const email = `maria.ionescu.${Date.now()}@example.org`
  const password = 'o parolă destul de lungă'

  await page.goto('/signup')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Creează cont')
  await page.getByLabel('Numele complet').fill(name)
  await page.getByLabel('Adresa de email').fill(email)
  await page.getByLabel('Parola nouă').fill(password)
  await page.getByLabel('Repetați parola').fill(password)
  await page.getByLabel(/Sunt de acord/).check()
  await page.getByRole('button', { name: 'Creează contul', exact: true }).click()

  await expect(page).toHaveURL(/\/account\/verify$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmați adresa de email')
  await expect(page.getByRole('main')).toContainText(email)

  const text = await readNewestEmail(browser, email)
  const code = /\b(\d{8})\b/.exec(text)?.[1]
  expect(code, `an 8-digit code in:\n${text}`).toBeDefined()

  await page.getByLabel('Codul de confirmare').fill(code!)
  await page.getByRole('button', { name: 'Confirmă adresa' }).click()
  await expect(page).toHaveURL(/\/account(\?|$)/)
  await expect(page.getByRole('main')).toContainText(name)
  await expect(page.getByRole('link', { name: `Contul meu (${name})` })).toBeVisible()

  // Log out: the header offers to log in again and the account page is closed.
  await page.getByRole('button', { name: 'Ieșire' }).click()
  await expect(page.getByRole('link', { name: 'Autentificare', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: `Contul meu (${name})` })).toHaveCount(0)
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login/)

  // Log in again, with the address typed differently.
  await page.goto('/login')
  await page.getByLabel('Adresa de email').fill(email.toUpperCase())
  await page.getByLabel('Parola', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Intră în cont' }).click()
  await expect(page.getByRole('link', { name: `Contul meu (${name})` })).toBeVisible()
  await page.goto('/account')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('main')).toContainText(name)
  await expect(page.getByRole('main')).toContainText(email)
})

test('a wrong code is refused and the account stays unconfirmed', async ({ page }) => {
  const email = `ion.vasile.${Date.now()}@example.org`
  const password = 'încă o parolă lungă'
  await page.goto('/signup')
  await page.getByLabel('Numele complet').fill('Ion Vasile')
  await page.getByLabel('Adresa de email').fill(email)
  await page.getByLabel('Parola nouă').fill(password)
  await page.getByLabel('Repetați parola').fill(password)
  await page.getByLabel(/Sunt de acord/).check()
  await page.getByRole('button', { name: 'Creează contul', exact: true }).click()
  await expect(page).toHaveURL(/\/account\/verify$/)

  // 8 digits, but (almost certainly) not the code that was sent: try two different ones.
  await page.getByLabel('Codul de confirmare').fill('00000000')
  await page.getByRole('button', { name: 'Confirmă adresa' }).click()
  await page.getByLabel('Codul de confirmare').fill('11111111')
  await page.getByRole('button', { name: 'Confirmă adresa' }).click()
  await expect(page.getByText('Codul nu este corect.')).toBeVisible()
  await page.goto('/account')
  await expect(page).toHaveURL(/\/account\/verify$/)
})
