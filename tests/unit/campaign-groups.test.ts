import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MIN_NEAR_WORDS,
  fnv1a64,
  groupCampaigns,
  normaliseForGrouping,
  textFingerprint,
  type CampaignGroup,
  type GroupInput,
} from '~/domain/campaign-groups'

/** A small seeded generator, so the large fixtures are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 0x1_0000_0000
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!
  return { next, int, pick }
}

/** Word-bigram Jaccard similarity of two texts, computed independently of the module. */
function jaccard(a: string, b: string): number {
  const grams = (text: string) => {
    const words = normaliseForGrouping(text).split(' ')
    return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`))
  }
  const x = grams(a)
  const y = grams(b)
  const shared = [...x].filter((g) => y.has(g)).length
  return shared / (x.size + y.size - shared)
}

const items = (...texts: string[]): GroupInput[] => texts.map((text, i) => ({ id: `r${i + 1}`, text }))
const idsOf = (groups: CampaignGroup[]) => groups.map((g) => g.ids)

const TEMPLATE =
  'Solicităm introducerea în planul anual de acțiune a unui centru de zi pentru persoanele vârstnice din cartierul ' +
  'nostru, deoarece în prezent nu există niciun serviciu de acest tip la o distanță rezonabilă, iar numărul ' +
  'vârstnicilor singuri a crescut semnificativ în ultimii ani, conform datelor publicate chiar de primărie. ' +
  'Vă rugăm să alocați fondurile necesare începând cu anul viitor.'

describe('normaliseForGrouping', () => {
  it('folds case and diacritics, drops punctuation and extra spaces', () => {
    expect(normaliseForGrouping('  Sunt DE ACORD!!! — Cu planul; (în totalitate)…\n')).toBe(
      'sunt de acord cu planul in totalitate',
    )
    expect(normaliseForGrouping('Şcoală, ţară — școală, țară')).toBe('scoala tara scoala tara')
    expect(normaliseForGrouping('!?.,;')).toBe('')
  })
})

describe('textFingerprint', () => {
  it('is FNV-1a 64 of the normalised text', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325')
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64('foobar')).toBe('85944171f73967e8')
    expect(textFingerprint('Foo, BAR!')).toBe(fnv1a64('foo bar'))
  })

  it('is the same for texts that differ only in case, diacritics, punctuation or spacing', () => {
    const fp = textFingerprint('Asistență socială pentru toți.')
    expect(fp).toMatch(/^[0-9a-f]{16}$/)
    expect(textFingerprint('ASISTENTA   SOCIALA pentru toti')).toBe(fp)
    expect(textFingerprint('asistenţă socială, pentru toţi!')).toBe(fp)
    expect(textFingerprint('Asistență socială pentru toate.')).not.toBe(fp)
  })

  it('depends only on the normalised text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(textFingerprint(text)).toBe(textFingerprint(normaliseForGrouping(text)))
      }),
    )
    const romanian = fc
      .array(fc.constantFrom(...'aăâbcdeiîmnorsșştțţuz ,.!?-\n'), { maxLength: 60 })
      .map((cs) => cs.join(''))
    fc.assert(
      fc.property(romanian, (text) => {
        expect(textFingerprint(text)).toBe(textFingerprint(`  ${text.toUpperCase()} !`))
      }),
    )
  })
})

describe('groupCampaigns', () => {
  it('groups identical texts whatever their case, diacritics and punctuation', () => {
    const groups = groupCampaigns(
      items(
        'Sunt de acord cu planul.',
        'Propun mai multe locuri în centrul de zi.',
        'SUNT DE ACORD CU PLANUL',
        'sunt de acord, cu planul!!',
        'Propun mai multe locuri in centrul de zi',
        'Altceva cu totul.',
      ),
    )
    expect(groups).toEqual([
      {
        key: textFingerprint('sunt de acord cu planul'),
        ids: ['r1', 'r3', 'r4'],
        sampleText: 'Sunt de acord cu planul.',
      },
      {
        key: textFingerprint('propun mai multe locuri in centrul de zi'),
        ids: ['r2', 'r5'],
        sampleText: 'Propun mai multe locuri în centrul de zi.',
      },
    ])
  })

  it('groups a text of 30 words that differs by one word', () => {
    const words = TEMPLATE.split(' ').slice(0, 30)
    const changed = words.with(14, 'altă')
    expect(jaccard(words.join(' '), changed.join(' '))).toBeGreaterThanOrEqual(0.8)
    const groups = groupCampaigns(items(words.join(' '), 'Un text diferit de ceilalți.', changed.join(' ')))
    expect(idsOf(groups)).toEqual([['r1', 'r3']])
  })

  it('groups a template signed by different people', () => {
    const groups = groupCampaigns(
      items(
        `${TEMPLATE} Cu stimă, Ion Popescu`,
        `${TEMPLATE} Cu stimă, Maria Ionescu din Cluj-Napoca`,
        `${TEMPLATE.toUpperCase()} Ana`,
        `${TEMPLATE}`,
      ),
    )
    expect(idsOf(groups)).toEqual([['r1', 'r2', 'r3', 'r4']])
  })

  it('never groups different short texts, even when they differ by one word', () => {
    expect(groupCampaigns(items('Sunt de acord.', 'Nu sunt de acord.', 'Sunt de acord parțial.'))).toEqual([])
    const seven = 'unu doi trei patru cinci șase șapte'
    expect(seven.split(' ')).toHaveLength(MIN_NEAR_WORDS - 1)
    expect(groupCampaigns(items(seven, seven.replace('patru', 'zece')))).toEqual([])
  })

  it('does not group texts below the threshold', () => {
    const a = TEMPLATE.split(' ').slice(0, 20)
    const b = a.with(5, 'x').with(10, 'y').with(15, 'z')
    expect(jaccard(a.join(' '), b.join(' '))).toBeLessThan(0.8)
    expect(groupCampaigns(items(a.join(' '), b.join(' ')))).toEqual([])
    expect(idsOf(groupCampaigns(items(a.join(' '), b.join(' ')), { threshold: 0.5 }))).toEqual([['r1', 'r2']])
  })

  it('does not chain: every member is close to the group leader', () => {
    const a = TEMPLATE.split(' ').slice(0, 40)
    const b = a.with(10, 'x')
    const c = b.with(30, 'y').with(20, 'z')
    expect(jaccard(a.join(' '), b.join(' '))).toBeGreaterThanOrEqual(0.8)
    expect(jaccard(b.join(' '), c.join(' '))).toBeGreaterThanOrEqual(0.8)
    expect(jaccard(a.join(' '), c.join(' '))).toBeLessThan(0.8)
    // A is sent twice, so it leads; C is close to B but not to A.
    const groups = groupCampaigns(items(a.join(' '), b.join(' '), c.join(' '), a.join(' ')))
    expect(idsOf(groups)).toEqual([['r1', 'r2', 'r4']])
  })

  it('ignores texts with nothing left after normalisation', () => {
    expect(groupCampaigns(items('!!!', '...', '', '   '))).toEqual([])
  })

  it('sorts groups by size, then key, and keys them by their smallest fingerprint', () => {
    const long = TEMPLATE.split(' ').slice(0, 25)
    const groups = groupCampaigns(
      items('da', 'nu', 'da', 'nu', 'nu', long.join(' '), long.with(3, 'altfel').join(' '), 'da'),
    )
    expect(groups.map((g) => g.ids.length)).toEqual([3, 3, 2])
    expect(groups[0]!.key < groups[1]!.key).toBe(true)
    const nearKeys = [textFingerprint(long.join(' ')), textFingerprint(long.with(3, 'altfel').join(' '))].sort()
    expect(groups[2]!.key).toBe(nearKeys[0])
  })

  it('stops looking for near-duplicates past the work limit, but still groups identical texts', () => {
    const long = TEMPLATE.split(' ').slice(0, 25)
    const input = items(long.join(' '), long.with(3, 'altfel').join(' '), 'da', 'DA!')
    expect(idsOf(groupCampaigns(input)).sort()).toEqual([
      ['r1', 'r2'],
      ['r3', 'r4'],
    ])
    expect(idsOf(groupCampaigns(input, { workLimit: 0 }))).toEqual([['r3', 'r4']])
  })

  it('stays bounded on texts that all share the same few bigrams', () => {
    const rng = random(11)
    const words = ['de', 'la', 'în', 'și', 'pe', 'cu', 'din', 'centrul']
    const input = Array.from({ length: 5_000 }, (_, i) => ({
      id: `r${i}`,
      text: Array.from({ length: 60 }, () => rng.pick(words)).join(' '),
    }))
    const groups = groupCampaigns(input)
    const all = groups.flatMap((g) => g.ids)
    expect(new Set(all).size).toBe(all.length)
  })

  it('rejects a threshold outside (0, 1]', () => {
    for (const threshold of [0, -1, 1.5, Number.NaN])
      expect(() => groupCampaigns([], { threshold })).toThrow(RangeError)
    expect(groupCampaigns([], { threshold: 1 })).toEqual([])
  })

  it('gives the same groups whatever the input order, and the same output for the same input', () => {
    const rng = random(7)
    const base = [TEMPLATE, 'Vrem mai multe locuri de parcare lângă centrul social din cartier, vă rugăm frumos.']
    const input = Array.from({ length: 300 }, (_, i) => ({
      id: `r${i}`,
      text:
        rng.next() < 0.5
          ? `${rng.pick(base)} ${rng.pick(['Ion', 'Ana', 'Maria', 'Vasile'])}`
          : `Text unic ${i} ${rng.pick(['despre', 'privind', 'referitor la'])} ${rng.int(1e6)} ${rng.int(1e6)}`,
    }))
    const groups = groupCampaigns(input)
    expect(groupCampaigns(input)).toEqual(groups)
    const shuffled = [...input].sort(() => rng.next() - 0.5)
    const normalise = (gs: CampaignGroup[]) => gs.map((g) => ({ key: g.key, ids: [...g.ids].sort() }))
    expect(normalise(groupCampaigns(shuffled))).toEqual(normalise(groups))
  })

  it('keeps each id in at most one group, close to its leader (property)', () => {
    const word = fc.constantFrom(
      'planul',
      'centrul',
      'de',
      'zi',
      'asistență',
      'socială',
      'copii',
      'vârstnici',
      'și',
      'în',
    )
    const text = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '))
    const texts = fc.array(
      fc.oneof(text, fc.constantFrom('planul de zi pentru copii și vârstnici în centrul social de asistență')),
      { maxLength: 40 },
    )
    fc.assert(
      fc.property(texts, fc.constantFrom(0.5, 0.8, 1), (list, threshold) => {
        const input = items(...list)
        const groups = groupCampaigns(input, { threshold })
        const all = groups.flatMap((g) => g.ids)
        expect(new Set(all).size).toBe(all.length)
        for (let i = 1; i < groups.length; i++)
          expect(groups[i - 1]!.ids.length).toBeGreaterThanOrEqual(groups[i]!.ids.length)
        const textOf = new Map(input.map((item) => [item.id, item.text]))
        for (const group of groups) {
          expect(group.ids.length).toBeGreaterThanOrEqual(2)
          expect(group.key).toBe(group.ids.map((id) => textFingerprint(textOf.get(id)!)).sort()[0])
          for (const id of group.ids) {
            const member = textOf.get(id)!
            if (normaliseForGrouping(member) === normaliseForGrouping(group.sampleText)) continue
            expect(normaliseForGrouping(member).split(' ').length).toBeGreaterThanOrEqual(MIN_NEAR_WORDS)
            expect(jaccard(member, group.sampleText)).toBeGreaterThanOrEqual(threshold - 1e-9)
          }
        }
        // Identical normalised texts always end up together.
        const byNorm = new Map<string, string[]>()
        for (const item of input) {
          const norm = normaliseForGrouping(item.text)
          byNorm.set(norm, [...(byNorm.get(norm) ?? []), item.id])
        }
        for (const ids of byNorm.values()) {
          if (ids.length < 2) continue
          const group = groups.find((g) => g.ids.includes(ids[0]!))
          expect(group).toBeDefined()
          for (const id of ids) expect(group!.ids).toContain(id)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('finds a 3,000-text campaign among 10,000 texts without merging unrelated ones', () => {
    const rng = random(2025)
    const first = ['Ion', 'Maria', 'Ana', 'Vasile', 'Elena', 'Gheorghe', 'Ioana', 'Mihai', 'Andreea', 'Ștefan']
    const last = ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Țurcanu', 'Munteanu', 'Șerban', 'Radu', 'Lungu']
    const cities = ['Cluj-Napoca', 'Iași', 'Timișoara', 'Brașov', 'Constanța', 'Sibiu']
    const body = TEMPLATE.split(' ')
    const vocabulary = Array.from({ length: 2_000 }, (_, i) => `cuvânt${i.toString(36)}`)

    const input: GroupInput[] = []
    for (let i = 0; i < 3_000; i++) {
      let words = body
      if (rng.next() < 0.1) words = words.with(rng.int(words.length), rng.pick(vocabulary)) // a word changed
      let text = words.join(' ')
      if (rng.next() < 0.2) text = text.toLowerCase()
      if (rng.next() < 0.2) text = text.normalize('NFD').replace(/\p{M}/gu, '') // typed without diacritics
      text += `\n\nCu stimă,\n${rng.pick(first)} ${rng.pick(last)}`
      if (rng.next() < 0.3) text += `, ${rng.pick(cities)}`
      input.push({ id: `c${i}`, text })
    }
    for (let i = 0; i < 7_000; i++) {
      const length = 8 + rng.int(40)
      const words = Array.from({ length }, () => rng.pick(vocabulary))
      input.push({ id: `o${i}`, text: words.join(' ') + '.' })
    }
    const shuffled = input.map((item) => ({ item, order: rng.next() })).sort((a, b) => a.order - b.order)

    const groups = groupCampaigns(shuffled.map(({ item }) => item))
    const campaign = groups[0]!
    expect(campaign.ids.length).toBeGreaterThanOrEqual(2_900)
    expect(campaign.ids.every((id) => id.startsWith('c'))).toBe(true)
    for (const group of groups) expect(group.ids.every((id) => id.startsWith('c'))).toBe(true)
  })
})
