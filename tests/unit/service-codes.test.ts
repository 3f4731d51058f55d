import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normaliseServiceCode,
  parseServiceCode,
  sameServiceType,
  SERVICE_BENEFICIARY_CODES,
  SERVICE_FORM_CODES,
  serviceTypeKey,
} from '~/domain/service-codes'

describe('normaliseServiceCode', () => {
  it.each([
    // As written in samples/demo-services-table.txt and the Pângărați plan.
    ['8899 CPDH-I', '8899 CPDH-I'],
    ['8899CPDH-I', '8899 CPDH-I'],
    ['8790CRVD-I', '8790 CR-VD-I'],
    ['8790CR-VD-III', '8790 CR-VD-III'],
    ['8891CZ-C-II', '8891 CZ-C-II'],
    ['8810 ID - I', '8810 ID-I'],
    ['8810 ID - IV', '8810 ID-IV'],
    ['8899 CZ – PN – V', '8899 CZ-PN-V'],
    ['8899 CZ – VD - I', '8899 CZ-VD-I'],
    // Other spellings of the same codes.
    ['8790 cr-vd-i', '8790 CR-VD-I'],
    ['  8790-CR-VD-I. ', '8790 CR-VD-I'],
    ['8790 CR — VD — I', '8790 CR-VD-I'],
    ['8790 CR VD I', '8790 CR-VD-I'],
    ['8899 CZPN-V', '8899 CZ-PN-V'],
    ['8790 CRPFA-II', '8790 CR-PFA-II'],
    ['8790 CR-VDI', '8790 CR-VD-I'], // the numeral run in: one split only
    ['8790 CRVDIII', '8790 CR-VD-III'],
  ])('%j → %j', (written, canonical) => {
    expect(normaliseServiceCode(written)).toBe(canonical)
  })

  it('splits run-together letters by the longest known prefix: VD, not V-D', () => {
    expect(parseServiceCode('8790CRVD-I')).toEqual({ cls: '8790', letters: ['CR', 'VD'], numeral: 'I' })
    expect(normaliseServiceCode('8790 CR-V-D-I')).toBe('8790 CR-V-D-I') // written apart: kept apart
  })

  it('keeps letters the known codes cannot cover as written, one group, rather than guess', () => {
    expect(normaliseServiceCode('8899CPDH-I')).toBe('8899 CPDH-I') // a known form, whole
    expect(normaliseServiceCode('8790 CAbR-I')).toBe('8790 CABR-I') // a centre's acronym, not a code
    expect(normaliseServiceCode('8790 CRXY-I')).toBe('8790 CRXY-I') // CR + unknown XY: not split
    expect(normaliseServiceCode('8790 VDCR-I')).toBe('8790 VDCR-I') // no form first
  })

  it('is not a code: no class, no letters, no numeral, or a numeral that cannot be told apart', () => {
    for (const text of [
      '',
      ' ',
      '-',
      'CR-VD-I',
      '8790',
      '8790-I',
      '879 CR-VD-I',
      '87901 CR-VD-I',
      '8790 CR-VD',
      '8790 CR-VD-IIII',
      '8790 CR-VD-1',
      'Cantina socială',
      '8790 CR-VD-I și 8790 CR-VD-II',
      '8899 CZVI', // CZ-V-I or CZ-VI?
      '8899 VI',
    ]) {
      expect(normaliseServiceCode(text), text).toBeNull()
    }
  })

  it('CR-VD-I and CR-VD-III are different types; spellings of one code are the same type', () => {
    expect(sameServiceType('8790CRVD-I', '8790 CR-VD-I')).toBe(true)
    expect(sameServiceType('8899 CPDH-I', '8899CPDH-I')).toBe(true)
    expect(sameServiceType('8790 CR-VD-I', '8790CR-VD-III')).toBe(false)
    expect(sameServiceType('8790 CR-VD-I', '8899 CR-VD-I')).toBe(false)
    expect(sameServiceType('Cantina', 'Cantina')).toBe(false) // not codes: no type
  })

  it('serviceTypeKey: the canonical code, or the text itself when it is not a code', () => {
    expect(serviceTypeKey(' 8790CRVD-I ')).toBe('8790 CR-VD-I')
    expect(serviceTypeKey('  Cantina   socială ')).toBe('Cantina socială')
    expect(serviceTypeKey('   ')).toBeNull()
  })

  it('the known lists do not overlap, and no known code is a roman numeral', () => {
    const forms = Object.keys(SERVICE_FORM_CODES)
    const beneficiaries = Object.keys(SERVICE_BENEFICIARY_CODES)
    expect(forms.filter((f) => beneficiaries.includes(f))).toEqual([])
    for (const c of [...forms, ...beneficiaries]) expect(c).toMatch(/^[A-Z]+$/)
    for (const c of [...forms, ...beneficiaries].filter((c) => /^[IVX]+$/.test(c))) expect(c).toBe('V')
  })
})

// ---------------------------------------------------------------------------------------------
// Properties.

const forms = Object.keys(SERVICE_FORM_CODES)
const beneficiaries = Object.keys(SERVICE_BENEFICIARY_CODES)
const numeral = fc.constantFrom('I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII')
const cls = fc.integer({ min: 1000, max: 9999 }).map(String)
const separator = fc.constantFrom('-', ' ', ' - ', '–', ' – ', '  -  ', '—', '\u2212', ' \u2013')
const maybeNone = fc.oneof(separator, fc.constant(''))
const letters = fc.stringMatching(/^[A-Z]{1,5}$/)

/** "8790 CR-VD-I" with each separator replaced; `between` separates the letter groups. */
function rewrite(
  code: { cls: string; letters: string[]; numeral: string },
  first: string,
  between: string[],
  last: string,
) {
  return `${code.cls}${first}${code.letters.map((l, i) => (i ? (between[i - 1] ?? '-') : '') + l).join('')}${last}${code.numeral}`
}

describe('properties', () => {
  it('a canonical code of known groups, rewritten with spaces, hyphens, en dashes or nothing between the letters, normalises back to itself', () => {
    const known = fc.record({
      cls,
      letters: fc
        .tuple(fc.constantFrom(...forms), fc.option(fc.constantFrom(...beneficiaries), { nil: undefined }))
        .map(([f, b]) => (b ? [f, b] : [f])),
      numeral,
    })
    fc.assert(
      fc.property(
        known,
        maybeNone,
        fc.array(maybeNone, { minLength: 1, maxLength: 1 }),
        separator,
        (code, first, between, last) => {
          const canonical = `${code.cls} ${[...code.letters, code.numeral].join('-')}`
          expect(normaliseServiceCode(canonical)).toBe(canonical)
          expect(normaliseServiceCode(rewrite(code, first, between, last))).toBe(canonical)
          expect(normaliseServiceCode(rewrite(code, first, between, last).toLowerCase())).toBe(canonical)
        },
      ),
    )
  })

  it('any canonical code, rewritten with random separators between its groups, normalises back to itself', () => {
    fc.assert(
      fc.property(
        cls,
        fc.array(letters, { minLength: 1, maxLength: 3 }),
        numeral,
        maybeNone,
        fc.array(separator, { minLength: 3, maxLength: 3 }),
        separator,
        (c, groups, n, first, between, last) => {
          const canonical = normaliseServiceCode(`${c} ${[...groups, n].join('-')}`)
          fc.pre(canonical !== null)
          expect(normaliseServiceCode(canonical!)).toBe(canonical)
          const code = parseServiceCode(canonical!)!
          expect(normaliseServiceCode(rewrite(code, first, between, last))).toBe(canonical)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never throws, and normalising is idempotent', () => {
    const noisy = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            '8',
            '7',
            '9',
            '0',
            'C',
            'R',
            'V',
            'D',
            'I',
            'X',
            'Z',
            'P',
            'N',
            '-',
            ' ',
            '–',
            '\t',
            'a',
            'ș',
          ),
          {
            maxLength: 30,
          },
        )
        .map((cs) => cs.join('')),
      fc
        .tuple(
          cls,
          fc.array(fc.constantFrom(...forms, ...beneficiaries, 'I', 'V', 'X', 'II', '-', ' ', '–'), { maxLength: 8 }),
        )
        .map(([c, parts]) => c + parts.join('')),
    )
    fc.assert(
      fc.property(noisy, (text) => {
        const once = normaliseServiceCode(text)
        if (once === null) return
        expect(once).toMatch(/^\d{4} [A-Z]+(?:-[A-Z]+)*-[IVX]+$/)
        expect(normaliseServiceCode(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('stays fast on long run-together letters', () => {
    const started = Date.now()
    expect(normaliseServiceCode(`8790 CR${'VD'.repeat(90)}X-I`)).toBe(`8790 CR${'VD'.repeat(90)}X-I`)
    expect(normaliseServiceCode(`8790 CR${'VD'.repeat(90)}Q`)).toBeNull()
    expect(normaliseServiceCode(`8790 ${'VD'.repeat(90)}VI`)).toBeNull()
    expect(Date.now() - started).toBeLessThan(500)
  })
})
