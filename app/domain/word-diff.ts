/**
 * Word-level diff between two texts: a plan section in one version against the next, or a section
 * against a commenter's proposed wording. Pure functions, no I/O.
 *
 * - Texts are split into tokens: runs of letters/digits (with their combining marks), runs of
 *   whitespace, and single punctuation/symbol characters. Every character belongs to exactly one
 *   token, so joining the 'same' + 'removed' parts gives back `before` exactly, and 'same' + 'added'
 *   gives back `after`.
 * - All whitespace runs compare equal while aligning, so a reflowed paragraph (a space that became a
 *   newline, a double space) does not disturb the alignment of the words around it. Where the
 *   whitespace itself differs it still appears as a removed + added pair (the texts must be
 *   reconstructible), but it holds no words: `diffStats` and `hasChanges` ignore it and `diffToHtml`
 *   renders it as plain new whitespace.
 * - Alignment is Myers' O((N+M)·D) algorithm on the tokens left after trimming the common prefix and
 *   suffix, so a long section with a few edits is cheap. Its trace costs O(D²) memory, so D (tokens
 *   removed + added) is capped at `maxEdits` (default DEFAULT_MAX_EDITS): texts that differ more
 *   than that are reported, between their common prefix and suffix, as one removed block followed by
 *   one added block, which is also the most readable rendering of a rewrite.
 * - The result is tidied for reading: adjacent parts of one kind are merged, a change is always
 *   "removed, then added", and whitespace or punctuation left unchanged between two changed words is
 *   absorbed into the change ("a, b c" → "x, y z" is one replacement, not three).
 */
import { escapeHtml } from './html'
export { escapeHtml }

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/** Above this many removed + added tokens, the changed middle is reported as a single block. */
export const DEFAULT_MAX_EDITS = 2000

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu
const WHITESPACE_ONLY = /^\s*$/
const HAS_WORD = /[\p{L}\p{N}]/u
const WORD = /\S+/g

/** Splits a text into word, whitespace and single punctuation tokens; their concatenation is the text. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** Token keys for alignment: equal tokens share a key, and every whitespace run has key 0. */
function keysOf(tokens: string[], ids: Map<string, number>): Int32Array {
  const keys = new Int32Array(tokens.length)
  tokens.forEach((token, i) => {
    if (WHITESPACE_ONLY.test(token)) return
    let id = ids.get(token)
    if (id === undefined) ids.set(token, (id = ids.size + 1))
    keys[i] = id
  })
  return keys
}

type Edit = 'same' | 'removed' | 'added'

/**
 * Myers' shortest edit script between a[aLo, aHi) and b[bLo, bHi), as a list of edits in order
 * (each 'same' consumes one token of both, 'removed' one of a, 'added' one of b); null when more
 * than maxD edits would be needed.
 */
function myers(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, maxD: number) {
  const n = aHi - aLo
  const m = bHi - bLo
  const limit = Math.min(n + m, maxD)
  const offset = limit + 1
  // v[offset + k] = furthest x reached on diagonal k (y = x − k).
  const v = new Int32Array(2 * limit + 3)
  // trace[d] = v over diagonals −d−1 … d+1, as it was before step d (what backtracking needs).
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
  }
  if (found < 0) return null

  const edits: Edit[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const row = trace[d]!
    const at = (k: number) => row[k + d + 1]!
    const k = x - y
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      edits.push('same')
      x--
      y--
    }
    edits.push(x === prevX ? 'added' : 'removed')
    x = prevX
    y = prevY
  }
  for (; x > 0; x--) edits.push('same')
  return edits.reverse()
}

/** A stretch of the diff: unchanged text, or a change (either side may be empty). */
type Chunk = { same: true; text: string } | { same: false; removed: string; added: string }

class Chunks {
  readonly list: Chunk[] = []

  same(before: string, after: string) {
    if (before !== after) return this.change(before, after) // whitespace that differs
    const last = this.list.at(-1)
    if (last?.same) last.text += before
    else this.list.push({ same: true, text: before })
  }

  change(removed: string, added: string) {
    const last = this.list.at(-1)
    if (last && !last.same) {
      last.removed += removed
      last.added += added
    } else this.list.push({ same: false, removed, added })
  }
}

type Change = Extract<Chunk, { same: false }>

/** A change that touches more than whitespace. */
const isRealChange = (chunk: Chunk | undefined): chunk is Change =>
  chunk !== undefined && !chunk.same && !(WHITESPACE_ONLY.test(chunk.removed) && WHITESPACE_ONLY.test(chunk.added))

/** Unchanged whitespace or punctuation (no word) between two word changes joins them into one change. */
function absorbSeparators(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = []
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!
    const prev = out.at(-1)
    const next = chunks[i + 1]
    if (chunk.same && isRealChange(prev) && isRealChange(next) && !HAS_WORD.test(chunk.text)) {
      prev.removed += chunk.text + next.removed
      prev.added += chunk.text + next.added
      i++
    } else out.push(chunk)
  }
  return out
}

function toParts(chunks: Chunk[]): DiffPart[] {
  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += text
    else parts.push({ kind, text })
  }
  for (const chunk of chunks) {
    if (chunk.same) push('same', chunk.text)
    else if (chunk.removed === chunk.added) push('same', chunk.removed)
    else {
      push('removed', chunk.removed)
      push('added', chunk.added)
    }
  }
  return parts
}

/**
 * The word-level differences between two texts, as parts in reading order. `maxEdits` bounds the
 * work (see the module comment): beyond it the changed middle becomes one removed + one added block.
 */
export function diffWords(before: string, after: string, opts?: { maxEdits?: number }): DiffPart[] {
  const maxEdits = Math.max(0, Math.floor(opts?.maxEdits ?? DEFAULT_MAX_EDITS))
  const aTokens = tokenize(before)
  const bTokens = tokenize(after)
  const ids = new Map<string, number>()
  const a = keysOf(aTokens, ids)
  const b = keysOf(bTokens, ids)

  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let aEnd = a.length
  let bEnd = b.length
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--
    bEnd--
  }

  const chunks = new Chunks()
  for (let i = 0; i < start; i++) chunks.same(aTokens[i]!, bTokens[i]!)
  const edits = myers(a, start, aEnd, b, start, bEnd, maxEdits)
  if (edits) {
    let i = start
    let j = start
    for (const edit of edits) {
      if (edit === 'same') chunks.same(aTokens[i++]!, bTokens[j++]!)
      else if (edit === 'removed') chunks.change(aTokens[i++]!, '')
      else chunks.change('', bTokens[j++]!)
    }
  } else {
    chunks.change(aTokens.slice(start, aEnd).join(''), bTokens.slice(start, bEnd).join(''))
  }
  for (let i = aEnd, j = bEnd; i < a.length; i++, j++) chunks.same(aTokens[i]!, bTokens[j]!)

  return toParts(absorbSeparators(chunks.list))
}

function countWords(text: string): number {
  return text.match(WORD)?.filter((word) => HAS_WORD.test(word)).length ?? 0
}

/**
 * Words in each kind of part: runs of non-space characters within one part that hold a letter or a
 * digit. So whitespace and punctuation-only changes count no words (`hasChanges` still sees the
 * latter), and a word cut by a part boundary counts on both sides.
 */
export function diffStats(parts: DiffPart[]): { added: number; removed: number; same: number } {
  const stats = { added: 0, removed: 0, same: 0 }
  for (const part of parts) stats[part.kind] += countWords(part.text)
  return stats
}

/** Whether any word or punctuation was added or removed (whitespace-only changes are not changes). */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same' && !WHITESPACE_ONLY.test(part.text))
}

/**
 * The diff as HTML for rendering without JavaScript: removed text in <del>, added text in <ins>,
 * everything escaped. Whitespace-only changes show the new whitespace, unmarked. Newlines are kept
 * as they are: render inside an element with `white-space: pre-wrap`.
 */
export function diffToHtml(parts: DiffPart[]): string {
  let html = ''
  for (const { kind, text } of parts) {
    if (kind === 'same') html += escapeHtml(text)
    else if (WHITESPACE_ONLY.test(text)) html += kind === 'added' ? escapeHtml(text) : ''
    else html += kind === 'added' ? `<ins>${escapeHtml(text)}</ins>` : `<del>${escapeHtml(text)}</del>`
  }
  return html
}
