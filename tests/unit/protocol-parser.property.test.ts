import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth, isValidIsoDate } from '~/domain/dates'
import {
  addPeriod,
  findDates,
  findDurations,
  parseCsv,
  readDate,
  readTerm,
  termEnd,
  termStart,
} from '~/domain/protocol-parser'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const ymd = fc.record({
  y: fc.integer({ min: 1990, max: 2060 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 31 }),
})
const validYmd = ymd.filter(({ y, m, d }) => d <= daysInMonth(y, m))
const invalidYmd = ymd.filter(({ y, m, d }) => d > daysInMonth(y, m))
const isoOf = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${pad(m)}-${pad(d)}`
const stray = fc.constantFrom('', '', ' ', '  ')
const written = (v: { y: number; m: number; d: number }, s1: string, s2: string) =>
  `${pad(v.d)}.${s1}${pad(v.m)}.${s2}${v.y}`
// Month ends and leap days are where date arithmetic goes wrong: weight them.
const anchor = fc.oneof(
  validYmd.map(isoOf),
  fc.constantFrom('2024-02-29', '2023-01-31', '2023-03-31', '2023-08-31', '2022-12-31', '2020-02-29'),
)
const period = fc.constantFrom('P1Y', 'P2Y', 'P3Y', 'P5Y', 'P1M', 'P3M', 'P6M', 'P30D', 'P90D', 'P2W')

describe('dates are read exactly or not at all', () => {
  it('a valid dd.MM.yyyy, with stray spaces, reads as that day', () => {
    fc.assert(
      fc.property(validYmd, stray, stray, (v, s1, s2) => {
        expect(readDate(written(v, s1, s2))).toEqual({ date: isoOf(v), problem: null })
      }),
    )
  })

  it('a day the month lacks is never rolled over: null and invalid_date, in a cell or alone', () => {
    fc.assert(
      fc.property(invalidYmd, validYmd, (bad, good) => {
        const r = readDate(written(bad, '', ''))
        expect(r.date).toBeNull()
        expect(r.problem?.code).toBe('invalid_date')
        const t = readTerm(`${written(good, '', '')} - ${written(bad, '', '')}`)
        expect(t.term).toMatchObject({ type: 'fixed', start: isoOf(good), end: null })
        expect(t.problems.map((p) => p.code)).toEqual(['invalid_date'])
      }),
    )
  })

  it('"A - B" is a fixed term from A through B', () => {
    fc.assert(
      fc.property(validYmd, validYmd, fc.constantFrom(' - ', '-', ' – ', '\n\n', ' până la '), (a, b, sep) => {
        const r = readTerm(`${written(a, '', '')}${sep}${written(b, '', ' ')}`)
        expect(r.term).toMatchObject({ type: 'fixed', start: isoOf(a), end: isoOf(b) })
        expect(r.problems).toEqual([])
      }),
    )
  })
})

describe('addPeriod anchors on the original day', () => {
  it('months and years keep the day where the month has it, else its last day', () => {
    fc.assert(
      fc.property(
        anchor,
        fc.constantFrom('Y', 'M'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -30, max: 30 }),
        (a, unit, n, k) => {
          const result = addPeriod(a, `P${n}${unit}`, k)
          const months = (unit === 'Y' ? 12 : 1) * n * k
          const index = Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)) - 1 + months
          const [y, m] = [Math.floor(index / 12), (index % 12) + 1]
          expect(result).toBe(`${y}-${pad(m)}-${pad(Math.min(Number(a.slice(8, 10)), daysInMonth(y, m)))}`)
        },
      ),
    )
  })

  it('a series computed from the anchor goes back to the anchor day whenever the month allows', () => {
    fc.assert(
      fc.property(anchor, fc.integer({ min: 0, max: 48 }), (a, k) => {
        const day = Number(a.slice(8, 10))
        const r = addPeriod(a, 'P1M', k)
        const dim = daysInMonth(Number(r.slice(0, 4)), Number(r.slice(5, 7)))
        expect(Number(r.slice(8, 10))).toBe(Math.min(day, dim))
      }),
    )
  })

  it('always gives a date that exists; days and weeks go forward and back exactly', () => {
    fc.assert(
      fc.property(anchor, period, fc.integer({ min: -10, max: 10 }), (a, p, k) => {
        const r = addPeriod(a, p, k)
        expect(isValidIsoDate(r)).toBe(true)
        if (p.endsWith('D') || p.endsWith('W')) expect(addPeriod(r, p, -k)).toBe(a)
      }),
    )
  })

  it('termStart undoes termEnd for starts on days every month has', () => {
    fc.assert(
      fc.property(
        validYmd.filter((v) => v.d <= 28),
        period,
        (v, p) => {
          const start = isoOf(v)
          const end = termEnd(start, p)
          expect(end < addPeriod(start, p)).toBe(true)
          expect(termStart(end, p)).toBe(start)
        },
      ),
    )
  })
})

describe('the term reader never invents', () => {
  const fragment = fc.constantFrom(
    'Valabil',
    '3 ani',
    'de la semnare',
    'până la',
    'pe o perioadă de',
    'Prelungire automată',
    'anuală',
    'cu câte 1 an',
    'cu 30 de zile înainte',
    'pe perioadă nedeterminată',
    'pe durata implementării proiectului',
    'dar nu mai târziu de',
    'prelungire cu 6 luni',
    'încheiat la',
    '-',
    ',',
    '01.09.2022',
    '31.04.2023',
    '30.02.2024',
    '14.05.2027',
    '29.02.2024',
  )
  const text = fc.oneof(
    fc.string(),
    fc.array(fragment, { maxLength: 8 }).map((a) => a.join(' ')),
  )

  it('never throws; every date is a real day, and one not written comes from a written duration', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { term, problems } = readTerm(t)
        const writtenDates = findDates(t).flatMap((d) => (d.iso ? [d.iso] : []))
        for (const date of [term.start, term.end]) {
          if (date === null) continue
          expect(isValidIsoDate(date)).toBe(true)
          if (!writtenDates.includes(date)) expect(findDurations(t).length).toBeGreaterThan(0)
        }
        if (term.type === 'unknown' && term.extension === null) {
          expect(problems.map((p) => p.code)).toContain('no_term')
        }
        for (const d of findDates(t)) {
          if (!d.iso)
            expect(problems).toContainEqual({
              code: 'invalid_date',
              message: `${d.text.replace(/\s+/g, ' ')} is not a date`,
            })
        }
      }),
    )
  })
})

describe('CSV', () => {
  const quote = (v: string) => (/[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replace(/"/g, '""')}"` : v)

  it('what is written with RFC 4180 quoting reads back the same', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ș', ' ', ',', '"', '\n', '\r\n', ';', '1') })
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const kept = rows.filter((r) => r.some((v) => v.trim() !== ''))
        const csv = kept.map((r) => r.map(quote).join(',')).join(eol)
        expect(parseCsv(csv)).toEqual(kept)
      }),
    )
  })
})
