import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffStats, diffToHtml, diffWords, hasChanges, tokenize, type DiffPart } from '~/domain/word-diff'

const beforeText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join('')
const afterText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('')

function expectWellFormed(parts: DiffPart[], before: string, after: string) {
  expect(beforeText(parts)).toBe(before)
  expect(afterText(parts)).toBe(after)
  for (const part of parts) expect(part.text).not.toBe('')
  for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind)
}

describe('tokenize', () => {
  it('splits words (with diacritics), whitespace runs and single punctuation marks', () => {
    expect(tokenize('Direcția Generală,  în 2025!\n\tȘi-așa')).toEqual([
      'Direcția',
      ' ',
      'Generală',
      ',',
      '  ',
      'în',
      ' ',
      '2025',
      '!',
      '\n\t',
      'Și',
      '-',
      'așa',
    ])
  })

  it('keeps decomposed diacritics inside their word', () => {
    expect(tokenize('s\u0326coala\u0306 nouă')).toEqual(['s\u0326coala\u0306', ' ', 'nouă'])
  })

  it('covers every character, including emoji and lone surrogates', () => {
    const text = 'a😀b \uD800x\u0000'
    expect(tokenize(text).join('')).toBe(text)
  })
})

describe('diffWords', () => {
  it('reports nothing for identical texts', () => {
    expect(diffWords('Planul anual de acțiune', 'Planul anual de acțiune')).toEqual([
      { kind: 'same', text: 'Planul anual de acțiune' },
    ])
    expect(diffWords('', '')).toEqual([])
  })

  it('handles empty sides', () => {
    expect(diffWords('', 'text nou')).toEqual([{ kind: 'added', text: 'text nou' }])
    expect(diffWords('text vechi', '')).toEqual([{ kind: 'removed', text: 'text vechi' }])
  })

  it('finds a replaced word', () => {
    expect(diffWords('Serviciul de îngrijire la domiciliu', 'Serviciul de asistență la domiciliu')).toEqual([
      { kind: 'same', text: 'Serviciul de ' },
      { kind: 'removed', text: 'îngrijire' },
      { kind: 'added', text: 'asistență' },
      { kind: 'same', text: ' la domiciliu' },
    ])
  })

  it('finds inserted and deleted words', () => {
    expect(diffWords('centre de zi pentru copii', 'centre de zi și de noapte pentru copii')).toEqual([
      { kind: 'same', text: 'centre de zi ' },
      { kind: 'added', text: 'și de noapte ' },
      { kind: 'same', text: 'pentru copii' },
    ])
    expect(diffWords('un număr foarte mare de beneficiari', 'un număr mare de beneficiari')).toEqual([
      { kind: 'same', text: 'un număr ' },
      { kind: 'removed', text: 'foarte ' },
      { kind: 'same', text: 'mare de beneficiari' },
    ])
  })

  it('treats diacritics as part of the word', () => {
    expect(diffWords('asistenta sociala', 'asistență socială')).toEqual([
      { kind: 'removed', text: 'asistenta sociala' },
      { kind: 'added', text: 'asistență socială' },
    ])
  })

  it('reports a punctuation change without touching the word next to it', () => {
    expect(diffWords('servicii sociale.', 'servicii sociale;')).toEqual([
      { kind: 'same', text: 'servicii sociale' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: ';' },
    ])
  })

  it('joins a run of replaced words into one change instead of interleaving', () => {
    expect(diffWords('a fost aprobat ieri de consiliu', 'a fost respins astăzi de primar')).toEqual([
      { kind: 'same', text: 'a fost ' },
      { kind: 'removed', text: 'aprobat ieri' },
      { kind: 'added', text: 'respins astăzi' },
      { kind: 'same', text: ' de ' },
      { kind: 'removed', text: 'consiliu' },
      { kind: 'added', text: 'primar' },
    ])
  })

  it('absorbs unchanged separators between changed words', () => {
    expect(diffWords('a, b c', 'x, y z')).toEqual([
      { kind: 'removed', text: 'a, b c' },
      { kind: 'added', text: 'x, y z' },
    ])
  })

  it('keeps words aligned across whitespace-only changes and does not count them', () => {
    const before = 'Obiectivul 1: creșterea accesului la servicii'
    const after = 'Obiectivul 1:\ncreșterea  accesului la\tservicii'
    const parts = diffWords(before, after)
    expectWellFormed(parts, before, after)
    expect(parts.filter((p) => p.kind !== 'same').every((p) => /^\s+$/.test(p.text))).toBe(true)
    expect(hasChanges(parts)).toBe(false)
    expect(diffStats(parts)).toEqual({ added: 0, removed: 0, same: 6 })
    expect(diffToHtml(parts)).toBe('Obiectivul 1:\ncreșterea  accesului la\tservicii')
  })

  it('finds a word change next to a whitespace change', () => {
    const parts = diffWords('primul rând al doilea', 'primul\nrând al treilea')
    expectWellFormed(parts, 'primul rând al doilea', 'primul\nrând al treilea')
    expect(hasChanges(parts)).toBe(true)
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1, same: 3 })
  })

  it('reconstructs both texts from its parts (property, with diacritics, newlines and tabs)', () => {
    const word = fc.constantFrom(
      'asistență',
      'socială',
      'îngrijire',
      'ştiinţă',
      'știință',
      'ȘI',
      'în',
      'copii',
      'DGASPC',
      '2025',
      'a',
      'ă',
      '😀',
    )
    const sep = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', ' \t\n', ',', '.', '-', ', ', '; ', '"', '<', '&')
    const text = fc.array(fc.oneof(word, sep), { maxLength: 40 }).map((xs) => xs.join(''))
    const edited = fc
      .tuple(text, fc.array(fc.tuple(fc.nat(), fc.oneof(word, sep, fc.constant(''))), { maxLength: 6 }))
      .map(([t, edits]) => {
        const tokens = tokenize(t)
        for (const [at, replacement] of edits) {
          if (tokens.length === 0) tokens.push(replacement)
          else tokens.splice(at % tokens.length, 1, replacement)
        }
        return [t, tokens.join('')] as const
      })
    fc.assert(
      fc.property(fc.oneof(fc.tuple(text, text), edited), ([before, after]) => {
        const parts = diffWords(before, after)
        expectWellFormed(parts, before, after)
        const words = (t: string) => tokenize(t).filter((token) => !/^\s+$/.test(token))
        expect(hasChanges(parts)).toBe(words(before).join('\u0000') !== words(after).join('\u0000'))
      }),
      { numRuns: 500 },
    )
  })

  it('reconstructs arbitrary strings too (property)', () => {
    const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string())
    fc.assert(
      fc.property(anyString, anyString, (before, after) => {
        expectWellFormed(diffWords(before, after), before, after)
        expectWellFormed(diffWords(before, after, { maxEdits: 3 }), before, after)
      }),
      { numRuns: 500 },
    )
  })

  it('is minimal for small edits (property): one replaced word is one removed and one added word', () => {
    const word = fc.stringMatching(/^[a-zăâîșț]{1,8}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.nat(), word, (words, at, replacement) => {
        const i = at % words.length
        fc.pre(words[i] !== replacement)
        const after = words.with(i, replacement)
        const stats = diffStats(diffWords(words.join(' '), after.join(' ')))
        expect(stats).toEqual({ added: 1, removed: 1, same: words.length - 1 })
      }),
      { numRuns: 300 },
    )
  })

  it('diffs a 20,000-word section with 3 edits', () => {
    const vocabulary = ['serviciul', 'social', 'asistență', 'copii', 'îngrijire', 'centrul', 'de', 'zi', 'plan', 'și']
    const words = Array.from({ length: 20_000 }, (_, i) => vocabulary[(i * 7 + (i >> 3)) % vocabulary.length]!)
    const before = words.join(' ')
    const edited = [...words]
    edited[1_000] = 'MODIFICAT'
    edited.splice(10_000, 1)
    edited.splice(15_000, 0, 'INSERAT', 'AICI')
    const after = edited.join(' ')
    const parts = diffWords(before, after)
    expectWellFormed(parts, before, after)
    expect(diffStats(parts)).toEqual({ added: 3, removed: 2, same: 19_998 })
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['MODIFICAT', 'INSERAT AICI'])
  })

  it('falls back to one removed and one added block for texts too different to align', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ')
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ')
    const parts = diffWords(`Început. ${a} Sfârșit.`, `Început. ${b} Sfârșit.`)
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same'])
    expect(parts[0]!.text).toBe('Început. ')
    expect(parts[3]!.text).toBe(' Sfârșit.')
    expectWellFormed(parts, `Început. ${a} Sfârșit.`, `Început. ${b} Sfârșit.`)
  })

  it('honours a smaller edit budget', () => {
    expect(diffWords('a b c d', 'a x c y', { maxEdits: 2 })).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'b c d' },
      { kind: 'added', text: 'x c y' },
    ])
    expect(diffWords('a b c d', 'a x c y', { maxEdits: 4 })).toHaveLength(6)
  })
})

describe('diffStats and hasChanges', () => {
  it('counts words per kind', () => {
    const parts = diffWords('Consiliul Local aprobă planul anual.', 'Consiliul Județean aprobă planul anual revizuit.')
    expect(diffStats(parts)).toEqual({ added: 2, removed: 1, same: 4 })
    expect(hasChanges(parts)).toBe(true)
  })

  it('has no changes for equal texts', () => {
    expect(hasChanges(diffWords('x y', 'x y'))).toBe(false)
    expect(hasChanges([])).toBe(false)
    expect(diffStats([])).toEqual({ added: 0, removed: 0, same: 0 })
  })
})

describe('diffToHtml', () => {
  it('marks removed and added text', () => {
    expect(diffToHtml(diffWords('centrul de zi', 'centrul rezidențial'))).toBe(
      'centrul <del>de zi</del><ins>rezidențial</ins>',
    )
  })

  it('escapes everything, including markup in the texts', () => {
    expect(diffToHtml([{ kind: 'added', text: '<script>alert("x")</script>' }])).toBe(
      '<ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>',
    )
    const html = diffToHtml(diffWords('Text <b>vechi</b> & "citat"', "Text <script>alert('x')</script> & 'citat'"))
    expect(html).not.toMatch(/<(?!\/?(del|ins)>)/)
    expect(html).not.toContain('<script')
    expect(html).toContain('alert(&#39;x&#39;)')
    expect(html).toContain('&amp;')
    expect(html.startsWith('Text &lt;')).toBe(true)
  })

  it('joins changes separated only by punctuation', () => {
    expect(diffWords('Text <b>vechi</b>.', "Text <script>alert('x')</script>.")).toEqual([
      { kind: 'same', text: 'Text <' },
      { kind: 'removed', text: 'b>vechi</b' },
      { kind: 'added', text: "script>alert('x')</script" },
      { kind: 'same', text: '>.' },
    ])
  })

  it('never lets markup through (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const html = diffToHtml(diffWords(before, after))
        expect(html.replace(/<\/?(del|ins)>/g, '')).not.toMatch(/[<>"']/)
      }),
    )
  })
})
