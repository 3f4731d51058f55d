import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, MAX_QUERY_TOKENS, foldText, highlightExcerpt, toFtsQuery } from '~/domain/search-query'

const TEXTS = [
  'asistență socială',
  'Direcția Generală de Asistență Socială și Protecția Copilului',
  'îngrijire la domiciliu',
  'Secţiunea a doua: şcoala şi ţara', // cedilla ş ţ (U+015F, U+0163)
  'Secțiunea întâi: școala și țara', // comma below ș ț (U+0219, U+021B)
  'S\u0326coala'.normalize('NFD') + ' decompusă', // ș typed as s + combining comma below
  'Planul anual de acțiune 2025',
]

const db = new Database(':memory:')
db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)')
TEXTS.forEach((text, i) => insert.run(i + 1, text))
const select = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid')
afterAll(() => db.close())

/** The texts a user's search finds (null: the input had nothing to search for). */
function search(input: string, opts?: { prefix?: boolean }): string[] | null {
  const query = toFtsQuery(input, opts)
  if (query === null) return null
  return select.all(query).map((row) => TEXTS[row.rowid - 1]!)
}

describe('toFtsQuery', () => {
  it('quotes each word and joins them with spaces', () => {
    expect(toFtsQuery('asistență socială')).toBe('"asistență" "socială"')
    expect(toFtsQuery('  protecția   copilului ')).toBe('"protecția" "copilului"')
    expect(toFtsQuery('asist', { prefix: true })).toBe('"asist"*')
    expect(toFtsQuery('servicii asist', { prefix: true })).toBe('"servicii" "asist"*')
  })

  it('treats FTS5 syntax as separators or drops it', () => {
    expect(toFtsQuery('a AND b OR c NOT d NEAR e')).toBe('"a" "b" "c" "d" "e"')
    expect(toFtsQuery('and or not near')).toBe('"and" "or" "not" "near"')
    expect(toFtsQuery('body:x')).toBe('"body" "x"')
    expect(toFtsQuery('^x')).toBe('"x"')
    expect(toFtsQuery('a*b')).toBe('"a" "b"')
    expect(toFtsQuery('NEAR(a b)')).toBe('"a" "b"')
    expect(toFtsQuery('"asistență socială')).toBe('"asistență" "socială"')
    expect(toFtsQuery('-copii +adulți')).toBe('"copii" "adulți"')
  })

  it('returns null when nothing searchable remains', () => {
    for (const input of [
      '',
      '   ',
      '"',
      '""',
      '*',
      '()',
      ')(',
      '!?.,;',
      'AND',
      'OR OR',
      'NOT',
      '😀🎉',
      '\u0000',
      '\t\n',
    ])
      expect(toFtsQuery(input), JSON.stringify(input)).toBeNull()
  })

  it('keeps repeated words once', () => {
    expect(toFtsQuery('copii Copii COPII adulți')).toBe('"copii" "adulți"')
  })

  it(`keeps at most ${MAX_QUERY_TOKENS} words and ${MAX_QUERY_LENGTH} characters`, () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')
    expect(toFtsQuery(many)).toBe(Array.from({ length: MAX_QUERY_TOKENS }, (_, i) => `"w${i}"`).join(' '))
    const long = Array.from({ length: 12 }, (_, i) => `${'x'.repeat(30)}${i}`).join(' ')
    const query = toFtsQuery(long, { prefix: true })!
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(query.endsWith('"*')).toBe(true)
    const huge = toFtsQuery('ă'.repeat(10_000), { prefix: true })!
    expect(huge).toBe(`"${'ă'.repeat(MAX_QUERY_LENGTH - 3)}"*`)
  })

  it('normalises decomposed input to NFC', () => {
    expect(toFtsQuery('s\u0326coala')).toBe('"școala"')
  })
})

describe('toFtsQuery against SQLite FTS5 (unicode61 remove_diacritics 2)', () => {
  it('finds words whatever diacritics were typed', () => {
    expect(search('asistenta')).toEqual([TEXTS[0], TEXTS[1]])
    expect(search('ASISTENȚĂ')).toEqual([TEXTS[0], TEXTS[1]])
    expect(search('protectia copilului')).toEqual([TEXTS[1]])
    expect(search('ingrijire')).toEqual([TEXTS[2]])
    expect(search('Îngrijire')).toEqual([TEXTS[2]])
  })

  it('folds the cedilla ş ţ and the comma-below ș ț alike, in the index and in the query', () => {
    const sections = [TEXTS[3], TEXTS[4]]
    expect(search('sectiunea')).toEqual(sections)
    expect(search('secțiunea')).toEqual(sections) // comma below
    expect(search('secţiunea')).toEqual(sections) // cedilla
    const scoala = [TEXTS[3], TEXTS[4], TEXTS[5]]
    expect(search('scoala')).toEqual(scoala)
    expect(search('şcoala')).toEqual(scoala)
    expect(search('școala')).toEqual(scoala)
    expect(search('tara')).toEqual(sections)
    expect(search('ţara')).toEqual(sections)
  })

  it('matches all the words, in any order', () => {
    expect(search('copilului direcția')).toEqual([TEXTS[1]])
    expect(search('asistenta copilului')).toEqual([TEXTS[1]])
    expect(search('asistenta domiciliu')).toEqual([])
  })

  it('matches the last word as a prefix when asked', () => {
    expect(search('asist')).toEqual([])
    expect(search('asist', { prefix: true })).toEqual([TEXTS[0], TEXTS[1]])
    expect(search('protectia cop', { prefix: true })).toEqual([TEXTS[1]])
    expect(search('2025')).toEqual([TEXTS[6]])
  })

  it('never throws on hostile input', () => {
    const hostile = [
      '"',
      '""',
      '"""',
      'AND',
      'OR OR',
      'NOT',
      'a NOT',
      'NOT a',
      '*',
      'a*b',
      '*a',
      'a**',
      '(',
      ')(',
      '(a OR b',
      'NEAR(a b)',
      'NEAR(a b, 3)',
      'body:x',
      '{body}: x',
      '^x',
      "'; DROP TABLE t; --",
      '😀 asistență 👍🏽',
      '👨‍👩‍👧',
      'x'.repeat(10_000),
      'a '.repeat(5_000),
      'asistență\u0000socială',
      '\u0000',
      '!@#$%^&*()_+-=[]{}|;\':",./<>?`~',
      '\uD800',
      'a\uDC00b',
      '\u200B\u200D\uFEFF',
      'ǅ İ ß ﬁ x² ١٢٣ 漢字 한국어',
      'e\u0301\u0301\u0301',
      '\u0301',
    ]
    for (const input of hostile) {
      for (const prefix of [false, true]) {
        const query = toFtsQuery(input, { prefix })
        if (query === null) continue
        expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
        expect(() => select.all(query), JSON.stringify({ input: input.slice(0, 40), query })).not.toThrow()
      }
    }
    expect(search('asistență\u0000socială')).toEqual([TEXTS[0], TEXTS[1]])
  })

  it('any string gives null or a MATCH expression that does not throw (property)', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc
        .array(
          fc.constantFrom(
            'AND',
            'OR',
            'NOT',
            'NEAR',
            '(',
            ')',
            '"',
            '*',
            '^',
            ':',
            '-',
            '+',
            ',',
            'ș',
            'ţ',
            'a',
            'body',
            ' ',
          ),
          { maxLength: 30 },
        )
        .map((xs) => xs.join('')),
    )
    fc.assert(
      fc.property(input, fc.boolean(), (text, prefix) => {
        const query = toFtsQuery(text, { prefix })
        if (query === null) return
        expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
        select.all(query)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('foldText', () => {
  it('lower-cases, strips diacritics (cedilla and comma below alike) and collapses whitespace', () => {
    expect(foldText('  Direcția   Generală\n de Asistență\tSocială ')).toBe('directia generala de asistenta sociala')
    expect(foldText('ĂÂÎȘȚ ăâîșț ŞŢ şţ')).toBe('aaist aaist st st')
    expect(foldText('S\u0326coala'.normalize('NFD'))).toBe('scoala')
    expect(foldText('İstanbul')).toBe('istanbul')
    expect(foldText('')).toBe('')
  })

  it('makes Romanian spellings with and without diacritics equal (property)', () => {
    const letter = fc.constantFrom(...'aăâbcdeiîmnorsșştțţuzAĂÂIÎSȘŞTȚŢ ')
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 40 }), (letters) => {
        const text = letters.join('')
        const plain = text.replace(/[ăâ]/g, 'a').replace(/[ĂÂ]/g, 'A').replace(/î/g, 'i').replace(/Î/g, 'I')
        const ascii = plain.replace(/[șş]/g, 's').replace(/[ȘŞ]/g, 'S').replace(/[țţ]/g, 't').replace(/[ȚŢ]/g, 'T')
        expect(foldText(text)).toBe(foldText(ascii))
        expect(foldText(text)).toMatch(/^[a-z ]*$/)
        expect(foldText(foldText(text))).toBe(foldText(text))
      }),
    )
  })
})

describe('highlightExcerpt', () => {
  it('marks matching words, ignoring diacritics and case', () => {
    expect(highlightExcerpt('Direcția Generală de Asistență Socială', 'asistenta sociala')).toBe(
      'Direcția Generală de <mark>Asistență</mark> <mark>Socială</mark>',
    )
    expect(highlightExcerpt('Secţiunea a doua', 'SECȚIUNEA')).toBe('<mark>Secţiunea</mark> a doua')
  })

  it('marks words that start with a query word', () => {
    expect(highlightExcerpt('Asistență și asistenți sociali', 'asist')).toBe(
      '<mark>Asistență</mark> și <mark>asistenți</mark> sociali',
    )
    expect(highlightExcerpt('zona asistată', 'sistat')).toBe('zona asistată')
  })

  it('escapes the text and the markup typed in the query', () => {
    expect(highlightExcerpt('<script>alert("x")</script> & asistență', '<script> asistenta')).toBe(
      '&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; <mark>asistență</mark>',
    )
    expect(highlightExcerpt("O'Neil <b>", 'mark')).toBe('O&#39;Neil &lt;b&gt;')
  })

  it('ignores FTS5 operators typed in the query', () => {
    expect(highlightExcerpt('OR AND ordin', 'ordin OR')).toBe('OR AND <mark>ordin</mark>')
  })

  it('returns the start of the text when nothing matches or the query is empty', () => {
    const text = Array.from({ length: 100 }, (_, i) => `cuvânt${i}`).join(' ')
    const excerpt = highlightExcerpt(text, 'absent', 50)
    expect(excerpt.startsWith('cuvânt0 cuvânt1')).toBe(true)
    expect(excerpt.endsWith('…')).toBe(true)
    expect(excerpt.length).toBeLessThanOrEqual(51)
    expect(highlightExcerpt('scurt', '')).toBe('scurt')
    expect(highlightExcerpt('', 'x')).toBe('')
  })

  it('cuts an excerpt around the first match, at spaces, with ellipses', () => {
    const before = Array.from({ length: 60 }, (_, i) => `înainte${i}`).join(' ')
    const after = Array.from({ length: 60 }, (_, i) => `după${i}`).join(' ')
    const text = `${before} Protecția Copilului ${after}`
    const excerpt = highlightExcerpt(text, 'protectia copilului', 120)
    expect(excerpt).toMatch(/^….*<mark>Protecția<\/mark> <mark>Copilului<\/mark>.*…$/)
    const visible = excerpt.replace(/<\/?mark>/g, '')
    expect(visible.length).toBeLessThanOrEqual(122)
    expect(visible.length).toBeGreaterThan(80)
    // Whole words only at both ends.
    expect(visible).toMatch(/^…înainte\d+ /)
    expect(visible).toMatch(/ după\d+…$/)
  })

  it('collapses whitespace in the excerpt', () => {
    expect(highlightExcerpt('  Primul\n\nparagraf\tsocial  ', 'social')).toBe('Primul paragraf <mark>social</mark>')
  })

  it('never splits a surrogate pair and never lets markup through (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 1, max: 120 }),
        (text, query, length) => {
          const html = highlightExcerpt(text, query, length)
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/)
          expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
        },
      ),
    )
  })
})
