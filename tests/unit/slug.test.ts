import { describe, expect, it } from 'vitest'
import { SLUG_PATTERN, slugify } from '~/domain/slug'

describe('slugify: page addresses from Romanian names', () => {
  it.each([
    ['Comuna Pângărați', 'comuna-pangarati'],
    ['Asociația Părinților – Neamț', 'asociatia-parintilor-neamt'],
    ['DGASPC Valea Mureșului (fictivă)', 'dgaspc-valea-muresului-fictiva'],
    ['Fundația „Casa cu Suflet”', 'fundatia-casa-cu-suflet'],
    ['Sectorul 3 al Municipiului București', 'sectorul-3-al-municipiului-bucuresti'],
    ['ÎNTÂLNIRE ȘI ȚARĂ', 'intalnire-si-tara'],
    // The old cedilla forms ş and ţ are still in use.
    ['Consiliul Judeţean Iaşi', 'consiliul-judetean-iasi'],
    ['  --Spații   multiple--  ', 'spatii-multiple'],
    ['S.C. Ajutor & Co. S.R.L.', 's-c-ajutor-co-s-r-l'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug)
    expect(slug).toMatch(SLUG_PATTERN)
  })

  it('gives an empty slug for a name with no letters or digits', () => {
    expect(slugify('– „” –')).toBe('')
  })

  it('cuts long names to 60 characters without a trailing hyphen', () => {
    const name = 'Asociația Județeană pentru Sprijinirea Persoanelor Vârstnice din Valea Mureșului'
    const slug = slugify(name)
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).toMatch(SLUG_PATTERN)
    expect(slug.startsWith('asociatia-judeteana-pentru-sprijinirea-persoanelor-varstnice')).toBe(true)
    // Cut right after a word: the hyphen that followed is dropped.
    const cutAtHyphen = slugify(`${'a'.repeat(59)} bbb`)
    expect(cutAtHyphen).toBe('a'.repeat(59))
  })

  it('always produces a slug that matches SLUG_PATTERN (or nothing)', () => {
    for (const name of ['Comuna Pângărați', 'x', '1', 'a-b', 'Ă', 'ß straße', '日本']) {
      const slug = slugify(name)
      if (slug !== '') expect(slug).toMatch(SLUG_PATTERN)
    }
  })

  it('SLUG_PATTERN refuses what a user might type', () => {
    for (const bad of ['Comuna', 'comuna pangarati', 'pângărați', '-comuna', 'comuna-', 'comuna--pangarati', '']) {
      expect(bad).not.toMatch(SLUG_PATTERN)
    }
  })
})
