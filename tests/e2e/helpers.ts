import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo-planuri-2026'

export async function login(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('main form button[type="submit"]').click()
  await expect(page).not.toHaveURL(/\/login/)
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails listing each rule and the offending elements. */
export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .map(
            (n) =>
              `    ${n.target.map(String).join(' >> ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n')
  expect(violations, `${page.url()} has ${violations.length} accessibility violation(s):\n${report}`).toEqual([])
}
