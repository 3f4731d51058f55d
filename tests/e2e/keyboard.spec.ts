/**
 * Keyboard only: no clicks, no fill. Every control is reached with Tab (tabTo fails if it is not
 * in the tab order within a few presses), activated with Enter, and text is typed key by key.
 * Where the focus lands matters (after a link to a section, after a refused submission, after a
 * navigation), it is checked, and so is that it can be seen.
 */
import { expect, test, type Page } from '@playwright/test'
import { bucharestDate, DEMO_PASSWORD, expectVisibleFocus, tabTo } from './helpers'

const DEMO = '@demo.planuri.ro'

async function loginWithKeyboard(page: Page, email: string) {
  await page.goto('/login')
  await tabTo(page, page.getByLabel('Adresa de email'), { max: 25 })
  await expectVisibleFocus(page)
  await page.keyboard.type(email)
  await tabTo(page, page.getByLabel('Parola', { exact: true }), { max: 2 })
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/\/login/)
}

/** The focused element is `target`. */
async function expectFocused(page: Page, target: ReturnType<Page['locator']>) {
  await expect(target).toBeFocused()
}

test('a citizen reaches a section of the open consultation and comments on it with the keyboard alone', async ({
  page,
}) => {
  const year = Number(bucharestDate().slice(0, 4))
  const comment = `Propunem cursuri de formare și pentru voluntarii care îngrijesc vârstnici (tastatură ${Date.now()}).`
  await loginWithKeyboard(page, `cetatean${DEMO}`)

  // A fresh page: the first Tab shows the skip link, which moves the focus to the content.
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Sari la conținut' })
  await expectFocused(page, skip)
  await expect(skip).toBeInViewport()
  await expectVisibleFocus(page)

  // The main navigation, then the consultation in the list.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Navigare principală' }).getByRole('link', { name: 'Consultări' }),
  )
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/consultations$/)
  const plan = page.getByRole('link', { name: new RegExp(`pentru anul ${year + 1}$`) }).first()
  await tabTo(page, plan)
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`pentru anul ${year + 1}`)

  // The table of contents leads to chapter III; its comment link follows the chapter's text.
  await tabTo(page, page.getByRole('link', { name: /^CAPITOLUL III / }), { max: 80 })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#cap-iii$/)
  const commentLink = page.getByRole('link', { name: /^Comentați această secțiune CAPITOLUL III / })
  await tabTo(page, commentLink, { max: 6 })
  await expect(commentLink).toBeInViewport()
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CAPITOLUL III')

  // The form: sent empty, it is refused and the focus goes back to the field with its error.
  const text = page.getByLabel('Recomandarea', { exact: true })
  await tabTo(page, text, { max: 80 })
  await expectVisibleFocus(page)
  const submit = page.getByRole('button', { name: 'Trimite recomandarea' })
  await tabTo(page, submit, { max: 10 })
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expectFocused(page, text)
  await expect(text).toHaveAttribute('aria-invalid', 'true')
  const errorId = (await text.getAttribute('aria-describedby'))?.split(' ').at(-1)
  expect(errorId, 'the field points at its error message').toBeTruthy()
  await expect(page.locator(`[id="${errorId}"]`)).toBeVisible()

  await page.keyboard.type(comment)
  await tabTo(page, submit, { max: 10 })
  await page.keyboard.press('Enter')

  // The receipt: the registration number, and the recommendation on its page.
  const receipt = page.getByRole('status').filter({ hasText: 'Recomandarea a fost înregistrată cu numărul' })
  await expect(receipt).toContainText(new RegExp(`P${year + 1}-\\d+/\\d{4}`))
  await expect(page.getByRole('article').getByText(comment)).toBeVisible()
  // After the navigation the next Tab stays in the page's content, not wherever the form was.
  await page.keyboard.press('Tab')
  expect(
    await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)),
    'the first Tab after the submission lands in the main content',
  ).toBe(true)
})

test('a legal officer records a protocol with the keyboard alone and finds it in the registry', async ({ page }) => {
  const title = `Protocol de colaborare tastatură ${Date.now()}`
  await loginWithKeyboard(page, `juridic.pangarati${DEMO}`)
  await page.goto('/a/pangarati/staff/protocols')
  await tabTo(page, page.getByRole('link', { name: 'Adăugați un protocol' }).first())
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protocol nou')

  // The kind: a select, changed with the arrow keys.
  const kind = page.getByLabel('Tipul actului')
  await tabTo(page, kind, { max: 40 })
  await expectVisibleFocus(page)
  await expect(kind).toHaveValue('protocol')
  await page.keyboard.press('ArrowDown')
  const chosenKind = await kind.inputValue()
  expect(chosenKind, 'the arrow key changes the kind').not.toBe('protocol')

  await tabTo(page, page.getByLabel('Denumirea actului, așa cum este scrisă'), { max: 3 })
  await page.keyboard.type(title)
  await tabTo(page, page.getByLabel('Obiectul'), { max: 3 })
  await page.keyboard.type('Sprijin pentru familiile vârstnicilor îngrijiți la domiciliu.')

  // Sent without a partner: refused, the focus goes to the partner's name, which says why.
  const submit = page.getByRole('button', { name: 'Salvează protocolul' })
  await tabTo(page, submit, { max: 60 })
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  const partner = page.getByLabel('Denumirea partenerului').first()
  await expectFocused(page, partner)
  await expect(partner).toHaveAttribute('aria-invalid', 'true')
  await page.keyboard.type('Asociația Sprijin Vârstnici (tastatură)')

  // The term: fixed (the default), with its dates typed into the date fields.
  await tabTo(page, page.getByLabel('Tipul duratei'), { max: 40 })
  await expect(page.getByLabel('Tipul duratei')).toHaveValue('fixed')
  const start = bucharestDate(-30)
  const end = bucharestDate(335)
  // A date field's segments follow the browser's language (month first in Debian's Chromium,
  // day first in a Romanian one): typed in one order, cleared segment by segment if it was not it.
  const typeDate = async (field: ReturnType<Page['getByLabel']>, iso: string) => {
    const [y, m, d] = iso.split('-')
    for (const digits of [`${m}${d}${y}`, `${d}${m}${y}`]) {
      await page.keyboard.type(digits)
      if ((await field.inputValue()) === iso) return
      for (const key of ['Backspace', 'Shift+Tab', 'Backspace', 'Shift+Tab', 'Backspace'])
        await page.keyboard.press(key)
    }
    expect(await field.inputValue(), 'the date typed into the field').toBe(iso)
  }
  const startField = page.getByLabel('Valabil de la')
  await tabTo(page, startField, { max: 3 })
  await expectVisibleFocus(page)
  await typeDate(startField, start)
  const endField = page.getByLabel('Valabil până la (inclusiv)')
  await tabTo(page, endField, { max: 5 })
  await typeDate(endField, end)

  await tabTo(page, submit, { max: 20 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Protocolul a fost salvat.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  // The registry: through the staff navigation, with the keyboard.
  await page.keyboard.press('Tab')
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Secțiunile spațiului de lucru' }).getByRole('link', { name: 'Protocoale' }),
    {
      backwards: true,
      max: 40,
    },
  )
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/a\/pangarati\/staff\/protocols$/)
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible()
  // Public by default: the public registry lists it too.
  await page.goto('/a/pangarati/protocols')
  await expect(page.getByRole('main')).toContainText(title)
})
