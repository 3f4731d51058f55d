import fs from 'node:fs'
import JSZip from 'jszip'
import { expect, test } from '@playwright/test'
import { expectNoViolations, login } from './helpers'

/** Today in Europe/Bucharest, plus `days`, as YYYY-MM-DD (the e2e server runs on the real clock). */
function bucharestDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('.')

test('no adoption without the consultation minutes; with them approved, the plan is adopted and its DOCX carries them', async ({
  page,
}) => {
  const year = bucharestDate().slice(0, 4)
  await login(page, 'editor.pangarati@demo.planuri.ro')
  await page.goto('/a/pangarati/staff/plans')
  await page.getByRole('link', { name: new RegExp(`pentru anul ${year}$`) }).click()
  await page.getByRole('link', { name: 'Adoptare: verificați condițiile' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adoptare')
  await expectNoViolations(page)

  // Refused, with the reasons.
  await page.getByLabel('Numărul hotărârii').fill('83')
  await page.getByRole('button', { name: 'Înregistrează adoptarea' }).click()
  await expect(page.getByText('Adoptarea a fost refuzată')).toBeVisible()
  await expect(page.locator('li.condition.unmet')).toContainText([
    'Procesul-verbal al consultării este aprobat',
    'La consultare au participat toate categoriile cerute',
  ])

  // The minutes.
  await page.locator('li.condition.unmet').first().getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procese-verbale')
  await expectNoViolations(page)
  await page.getByLabel('Data întâlnirii').fill(bucharestDate(-45))
  await page.getByLabel('Locul').fill('Sala de ședințe a Primăriei Pângărați')
  await page.getByRole('button', { name: 'Creează procesul-verbal' }).click()
  await expect(page.getByText('Procesul-verbal a fost creat.')).toBeVisible()
  await expectNoViolations(page)
  for (const [name, category] of [
    ['Asociația Părinților Copiilor cu Dizabilități Neamț', 'Organizație a beneficiarilor'],
    ['Fundația Casa cu Suflet', 'Furnizor privat de servicii sociale'],
    ['Serviciul Public de Asistență Socială Pângărați', 'Furnizor public de servicii sociale'],
    ['Colegiul Național al Asistenților Sociali, filiala Neamț', 'Asociație profesională'],
  ] as const) {
    await page.getByLabel('Organizația').fill(name)
    await page.getByLabel('Categoria').selectOption({ label: category })
    await page.getByLabel('Persoanele prezente').fill('Reprezentant')
    await page.getByRole('button', { name: 'Adaugă participantul' }).click()
    await expect(page.getByText('Participantul a fost adăugat.')).toBeVisible()
  }
  await page
    .getByLabel('Rezumatul punctelor de vedere exprimate')
    .fill('Furnizorii și asociațiile au susținut planul; asociația părinților a cerut servicii pentru copii.')
  await page.getByLabel('Concluzii').fill('Planul se supune adoptării cu completarea cerută.')
  await page.getByRole('button', { name: 'Salvează' }).first().click()
  await expect(page.getByText('Modificările au fost salvate.')).toBeVisible()
  await page.getByRole('button', { name: 'Aprobă și publică' }).click()
  await expect(page.getByText('Procesul-verbal a fost aprobat și publicat.')).toBeVisible()
  await page.getByRole('link', { name: 'Pagina publică' }).click()
  await expect(page.getByRole('rowheader', { name: 'Fundația Casa cu Suflet' })).toBeVisible()
  await expectNoViolations(page)

  // Adopted.
  await page.goto('/a/pangarati/staff/plans')
  await page.getByRole('link', { name: new RegExp(`pentru anul ${year}$`) }).click()
  await page.getByRole('link', { name: 'Adoptare: verificați condițiile' }).click()
  await expect(page.locator('li.condition.unmet')).toHaveCount(0)
  await page.getByLabel('Numărul hotărârii').fill('83')
  await page.getByRole('button', { name: 'Înregistrează adoptarea' }).click()
  await expect(page.getByText('Adoptarea a fost înregistrată')).toBeVisible()

  await page.getByRole('link', { name: 'Pagina publică' }).click()
  const decision = `Adoptat prin Consiliul Local al Comunei Pângărați nr. 83 / ${ddmmyyyy(bucharestDate())}`
  await expect(page.getByText(decision)).toBeVisible()
  await expect(page.getByRole('link', { name: /Procesul-verbal al consultării/ })).toBeVisible()
  await expectNoViolations(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Planul adoptat (Word), cu procesele-verbale' }).click(),
  ])
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!))
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
  expect(text).toContain('nr. 83')
  expect(text).toContain(ddmmyyyy(bucharestDate(-45)))
  expect(text).toContain('Asociația Părinților Copiilor cu Dizabilități Neamț')

  await page.goto(`/a/pangarati/transparency?year=${year}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`pe anul ${year}`)
  await expectNoViolations(page)
})
