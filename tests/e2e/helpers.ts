import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'

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

/** Today in Europe/Bucharest, plus `days`, as YYYY-MM-DD (the e2e server runs on the real clock). */
export function bucharestDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA, and two best-practice rules) and returns its violations as a
 * report, '' when there are none.
 * axe.run inside the page (legacy mode: about twice as fast as the partial runs, and no frame of
 * ours is cross-origin). Frames are not entered: the only ones show an email's HTML part,
 * sandboxed without scripts, which axe cannot enter (it would wait for it until it times out);
 * the frame element itself (its title) is checked.
 */
export async function axeReport(page: Page): Promise<string> {
  // options() replaces every option set before it: it comes before withTags().
  const { violations } = await new AxeBuilder({ page })
    // Two best-practice rules on top (1.3.1 in spirit; they found real defects): headings do not
    // skip levels, and landmarks of the same kind have names of their own.
    .options({ iframes: false, rules: { 'heading-order': { enabled: true }, 'landmark-unique': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze()
  return violations
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
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until `target` has the focus, as someone using the
 * keyboard would; fails if it is not reached within `max` presses (not in the tab order, or
 * behind more stops than expected). Returns the number of presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}): Promise<number> {
  await expect(target, `${String(target)} is on the page`).toBeAttached()
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return presses
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing')
  throw new Error(
    `${String(target)} not reached with ${max} presses of ${backwards ? 'Shift+' : ''}Tab; focus is on ${focused}`,
  )
}

/** The focused element shows it (an outline of at least 2px or a focus ring) and is on screen. */
export async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    return {
      element: el.outerHTML.slice(0, 160),
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        (style.boxShadow !== 'none' && style.boxShadow !== ''),
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    }
  })
  expect(focus, 'an element has the focus').not.toBeNull()
  expect(focus!.ring, `the focus on ${focus!.element} is visible`).toBe(true)
  expect(focus!.onScreen, `the focused ${focus!.element} is on screen`).toBe(true)
}
