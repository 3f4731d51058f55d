/**
 * Campaigns: many recommendations with the same (or nearly the same) text, sent by different people
 * from a template. Staff see them grouped, with their count, and can answer them together. Pure
 * functions, no I/O.
 *
 * - Identity: texts are compared after `normaliseForGrouping` (case, diacritics, punctuation and
 *   spacing do not matter); `textFingerprint` is a 64-bit FNV-1a hash of that normalised text,
 *   stored with each recommendation. Changing the normalisation changes stored fingerprints.
 * - Near-duplicates: texts of at least MIN_NEAR_WORDS words whose sets of word bigrams have a
 *   Jaccard similarity ≥ threshold (default 0.8): one word changed in a text of about 20 words or
 *   more, or a different name signed under a template. Bigrams rather than longer shingles keep short templates
 *   tolerant to one edit while still depending on word order.
 * - Clustering is by leaders, so groups never chain: distinct texts are taken by how often they
 *   occur (then by fingerprint); each text not yet grouped leads a group and takes every ungrouped
 *   text similar enough to it. Every member is thus within the threshold of its group's leader.
 * - Candidates come from prefix filtering, not from comparing all pairs: with bigrams ordered
 *   rarest first, two sets with Jaccard ≥ t must share one of the first |x| − ⌈t·|x|⌉ + 1 bigrams of
 *   each (an exact filter, no false negatives). Only those prefixes are indexed, rare bigrams keep the
 *   posting lists short, lists drop grouped texts as they are read, and candidates are checked with a
 *   length filter and an exact overlap count that stops as soon as the threshold is out of reach.
 *   Typical cost is near-linear. The worst case (thousands of texts made of the same few frequent
 *   bigrams, similar to one another but not enough) tends to quadratic, so the search is bounded by
 *   a work limit (DEFAULT_WORK_LIMIT): past it, the remaining texts are grouped only when identical.
 *   Exact groups are always complete, and the result stays deterministic.
 */
import { foldText } from './search-query'

export type GroupInput = { id: string; text: string }
export type CampaignGroup = { key: string; ids: string[]; sampleText: string }

export const DEFAULT_GROUPING_THRESHOLD = 0.8
/** Texts shorter than this (in words) are only grouped when identical after normalisation. */
export const MIN_NEAR_WORDS = 8
/**
 * Steps of near-duplicate search (posting entries read + comparison steps) after which it stops.
 * About a quarter of a second; 10,000 ordinary recommendations with a campaign take well under 1 M.
 */
export const DEFAULT_WORK_LIMIT = 25_000_000

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u

/** Normalise for identity: foldText, strip punctuation, collapse spaces. */
export function normaliseForGrouping(text: string): string {
  const folded = foldText(text)
  // A loop rather than a Unicode regex replace: several times faster on thousands of texts.
  let out = ''
  let start = -1
  for (let i = 0; i <= folded.length;) {
    let size = 1
    let word = false
    if (i < folded.length) {
      const code = folded.charCodeAt(i)
      if (code < 0x80) {
        word = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) // a-z (lower case already), 0-9
      } else {
        const point = folded.codePointAt(i)!
        if (point > 0xffff) size = 2
        word = LETTER_OR_DIGIT.test(String.fromCodePoint(point))
      }
    }
    if (word) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out += (out ? ' ' : '') + folded.slice(start, i)
      start = -1
    }
    i += size
  }
  return out
}

const encoder = new TextEncoder()

/** FNV-1a 64 over the UTF-8 bytes of a string, as 16 hex digits (64-bit arithmetic on two halves). */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
  let hi = 0xcbf29ce4
  let lo = 0x84222325
  for (const byte of encoder.encode(text)) {
    lo = (lo ^ byte) >>> 0
    const low = lo * 0x1b3
    const carry = Math.floor(low / 0x1_0000_0000)
    hi = (hi * 0x1b3 + carry + (lo << 8)) >>> 0
    lo = low >>> 0
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')
}

/** A stable fingerprint: identical normalised texts share it. */
export function textFingerprint(text: string): string {
  return fnv1a64(normaliseForGrouping(text))
}

/** One distinct normalised text and the items that have it. */
type Distinct = {
  norm: string
  fingerprint: string
  /** Indexes into the input, in input order. */
  items: number[]
  /** Its bigrams as ranks in the global order (rarest first), sorted; null when too short. */
  shingles: Int32Array | null
}

/**
 * Each text's distinct word bigrams, as ranks in one global order: rarest first, ties by first
 * appearance. Null for texts under MIN_NEAR_WORDS words. Words and bigrams are interned as numbers.
 */
function rankedBigrams(norms: string[]): (Int32Array | null)[] {
  const wordIds = new Map<string, number>()
  const texts = norms.map((norm) => {
    const words = norm.split(' ')
    if (words.length < MIN_NEAR_WORDS) return null
    return Int32Array.from(words, (word) => {
      let id = wordIds.get(word)
      if (id === undefined) wordIds.set(word, (id = wordIds.size))
      return id
    })
  })
  const width = wordIds.size
  const bigramIds = new Map<number, number>()
  const frequency: number[] = []
  const lastText: number[] = []
  const sets = texts.map((words, text) => {
    if (!words) return null
    const set: number[] = []
    for (let i = 1; i < words.length; i++) {
      const key = words[i - 1]! * width + words[i]!
      let id = bigramIds.get(key)
      if (id === undefined) {
        bigramIds.set(key, (id = frequency.length))
        frequency.push(0)
        lastText.push(-1)
      }
      if (lastText[id] !== text) {
        lastText[id] = text
        frequency[id]!++
        set.push(id)
      }
    }
    return set
  })
  const rank = new Int32Array(frequency.length)
  Int32Array.from(frequency.keys())
    .sort((a, b) => frequency[a]! - frequency[b]! || a - b)
    .forEach((id, r) => (rank[id] = r))
  return sets.map((set) => set && Int32Array.from(set, (id) => rank[id]!).sort())
}

/**
 * Whether two sorted arrays of distinct numbers share at least `needed` elements. Stops as soon as
 * the elements left cannot reach it: with the rarest bigrams first, dissimilar texts fail early.
 */
function overlapsAtLeast(a: Int32Array, b: Int32Array, needed: number, work: { done: number }): boolean {
  let i = 0
  let j = 0
  let shared = 0
  while (shared < needed && shared + Math.min(a.length - i, b.length - j) >= needed) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      shared++
      i++
      j++
    }
  }
  work.done += i + j + 1
  return shared >= needed
}

const EPSILON = 1e-9

/** How many of a set's first (rarest) elements must be indexed for a Jaccard ≥ t to be found. */
const prefixLength = (size: number, t: number) => size - Math.ceil(t * size - EPSILON) + 1

/**
 * Groups of 2+ texts that are identical after normalisation or near-identical (word-bigram Jaccard
 * ≥ threshold, default 0.8, only for texts with ≥ MIN_NEAR_WORDS words). Each id is in at most one
 * group; ids keep their input order; groups are sorted by size (desc), then key. `key` is the smallest
 * fingerprint in the group, `sampleText` the text of the first item with the leader's text. Texts with
 * nothing left after normalisation are never grouped. `workLimit` bounds the near-duplicate search
 * (see the module comment).
 */
export function groupCampaigns(
  items: GroupInput[],
  opts?: { threshold?: number; workLimit?: number },
): CampaignGroup[] {
  const t = opts?.threshold ?? DEFAULT_GROUPING_THRESHOLD
  if (!(t > 0 && t <= 1)) throw new RangeError(`The grouping threshold must be in (0, 1]: ${t}`)
  const workLimit = opts?.workLimit ?? DEFAULT_WORK_LIMIT

  // Identical normalised texts.
  const byNorm = new Map<string, Distinct>()
  items.forEach((item, index) => {
    const norm = normaliseForGrouping(item.text)
    if (!norm) return
    const known = byNorm.get(norm)
    if (known) known.items.push(index)
    else byNorm.set(norm, { norm, fingerprint: fnv1a64(norm), items: [index], shingles: null })
  })
  // Leaders first: the most repeated texts, then a fixed order that does not depend on the input's.
  const distinct = [...byNorm.values()].sort(
    (a, b) =>
      b.items.length - a.items.length ||
      (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0) ||
      (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0),
  )

  const ranked = rankedBigrams(distinct.map((d) => d.norm))
  distinct.forEach((d, i) => (d.shingles = ranked[i]!))

  // Prefix index: rank → the distinct texts (in leader order) with that bigram in their prefix.
  const index = new Map<number, number[]>()
  distinct.forEach((d, i) => {
    if (!d.shingles) return
    const p = prefixLength(d.shingles.length, t)
    for (let k = 0; k < p; k++) {
      const list = index.get(d.shingles[k]!)
      if (list) list.push(i)
      else index.set(d.shingles[k]!, [i])
    }
  })

  const leaderOf = new Int32Array(distinct.length).fill(-1)
  const seenBy = new Int32Array(distinct.length).fill(-1)
  const groups: { members: number[] }[] = []
  const work = { done: 0 }
  distinct.forEach((leader, l) => {
    if (leaderOf[l] !== -1) return
    leaderOf[l] = l
    const members = [l]
    const own = leader.shingles
    if (own) {
      const p = prefixLength(own.length, t)
      for (let k = 0; k < p && work.done < workLimit; k++) {
        const list = index.get(own[k]!)
        if (!list) continue
        let kept = 0
        work.done += list.length
        for (const c of list) {
          if (leaderOf[c] !== -1) continue // grouped already: drop it from the list
          list[kept++] = c
          if (seenBy[c] === l) continue
          seenBy[c] = l
          const other = distinct[c]!.shingles!
          if (other.length < t * own.length - EPSILON || t * other.length > own.length + EPSILON) continue
          // |x ∩ y| ≥ t·|x ∪ y| = t·(|x| + |y| − |x ∩ y|)  ⇔  |x ∩ y| ≥ t·(|x| + |y|) / (1 + t)
          if (overlapsAtLeast(own, other, Math.ceil((t * (own.length + other.length)) / (1 + t) - EPSILON), work)) {
            leaderOf[c] = l
            members.push(c)
          }
        }
        list.length = kept
      }
    }
    if (members.reduce((n, m) => n + distinct[m]!.items.length, 0) >= 2) groups.push({ members })
  })

  return groups
    .map(({ members }) => {
      const leader = distinct[members[0]!]!
      const indexes = members.flatMap((m) => distinct[m]!.items).sort((a, b) => a - b)
      const key = members.map((m) => distinct[m]!.fingerprint).sort()[0]!
      return { key, ids: indexes.map((i) => items[i]!.id), sampleText: items[leader.items[0]!]!.text }
    })
    .sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
