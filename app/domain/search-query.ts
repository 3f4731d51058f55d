/**
 * Turning what a user typed into a search box into something safe to search with. Pure functions.
 *
 * The full-text tables use `tokenize = 'unicode61 remove_diacritics 2'`: SQLite splits words at
 * spaces, punctuation and symbols, lower-cases, and folds Latin diacritics, both in the
 * indexed text and in the query, including the cedilla forms ş ţ (U+015F, U+0163) next to the comma
 * forms ș ț (U+0219, U+021B) and decomposed input (s + U+0326); tests/unit/search-query.test.ts checks
 * this against SQLite itself. So `toFtsQuery` leaves folding to SQLite (it only normalises to NFC),
 * which keeps the query consistent with the index for scripts SQLite does not fold (Greek accents).
 *
 * FTS5 query syntax is never exposed: every word becomes a quoted string, so operators, column
 * filters, parentheses and stray quotes typed by a user cannot make MATCH throw.
 */
import { escapeHtml } from './html'

/** Most words kept from one query; the rest are ignored. */
export const MAX_QUERY_TOKENS = 12
/** Longest MATCH expression built (quotes, spaces and `*` included). */
export const MAX_QUERY_LENGTH = 200

const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** FTS5 operators, as a user who meant them as syntax would type them: dropped, not searched for. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/** The words of a text (runs of letters, digits and combining marks), in NFC. */
function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? []
}

/** The words of a query: its words without the FTS5 operators. */
function queryWords(input: string): string[] {
  return words(input).filter((word) => !OPERATORS.has(word))
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`
}

/**
 * Builds a safe FTS5 MATCH expression from what a user typed, or null when nothing searchable
 * remains. Each word becomes a quoted string and the words are joined with spaces (all must match);
 * upper-case AND / OR / NOT / NEAR are dropped; punctuation, `*`, `^`, `:`, quotes and parentheses
 * only separate words. Repeated words are kept once. At most MAX_QUERY_TOKENS words and
 * MAX_QUERY_LENGTH characters; with `prefix`, the last word also matches longer words (`"asist"*`).
 */
export function toFtsQuery(input: string, opts?: { prefix?: boolean }): string | null {
  const suffix = opts?.prefix ? '*' : ''
  const seen = new Set<string>()
  const tokens: string[] = []
  let length = 0
  for (const word of queryWords(input)) {
    const key = word.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    let quoted = quote(word)
    const room = MAX_QUERY_LENGTH - length - (tokens.length > 0 ? 1 : 0) - suffix.length
    if (quoted.length > room) {
      if (tokens.length > 0) break
      quoted = quote(truncate(word, room - 2))
    }
    tokens.push(quoted)
    length += quoted.length + (tokens.length > 1 ? 1 : 0)
    if (tokens.length === MAX_QUERY_TOKENS) break
  }
  if (tokens.length === 0) return null
  return tokens.join(' ') + suffix
}

/** The longest start of a word that fits in `max` UTF-16 units without splitting a character. */
function truncate(word: string, max: number): string {
  let out = ''
  for (const char of word) {
    if (out.length + char.length > max) break
    out += char
  }
  return out
}

const COMBINING_MARKS = /\p{M}+/gu
// Cheap non-Unicode patterns first: matching \p{M} or \s everywhere is slow on 10,000 texts.
const COMMON_MARKS = /[\u0300-\u036f]+/g
const MAY_HAVE_MARKS = /[\u0370-\uffff]/
const UNUSUAL_SPACE = /\s\s|[^\S ]/

/** Lower case without diacritics (NFC, no whitespace change): the shared core of the folds. */
function foldWord(text: string): string {
  let folded = text.toLowerCase().normalize('NFD').replace(COMMON_MARKS, '')
  if (MAY_HAVE_MARKS.test(folded)) folded = folded.replace(COMBINING_MARKS, '')
  return folded.normalize('NFC')
}

/**
 * Lower-case, strip diacritics (ă â î ș ş ț ţ and any combining marks), collapse whitespace: for
 * LIKE fallbacks (apply it to the stored text too: SQLite's lower() only knows ASCII) and
 * highlighting.
 */
export function foldText(text: string): string {
  const folded = foldWord(text)
  return (UNUSUAL_SPACE.test(folded) ? folded.replace(/\s+/g, ' ') : folded).trim()
}

type Range = { start: number; end: number }

/** Where a word of `text` starts with one of the (folded) query words, in order. */
function matches(text: string, folded: string[]): Range[] {
  if (folded.length === 0) return []
  const found: Range[] = []
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0])
    if (folded.some((q) => word.startsWith(q))) found.push({ start: m.index, end: m.index + m[0].length })
  }
  return found
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** A window of about `length` characters around the first match, cut at spaces where reasonable. */
function excerptWindow(text: string, first: Range | undefined, length: number): Range {
  if (text.length <= length) return { start: 0, end: text.length }
  let start = 0
  if (first) {
    const room = Math.max(0, length - (first.end - first.start))
    start = Math.max(0, Math.min(first.start - Math.floor(room / 3), text.length - length))
  }
  let end = Math.min(text.length, start + length)
  const slack = Math.min(30, Math.floor(length / 4))
  if (start > 0) {
    const space = text.slice(start, start + slack).search(/\s/)
    if (space >= 0 && (!first || start + space < first.start)) start += space + 1
  }
  if (end < text.length) {
    const space = text.slice(end - slack, end).search(/\s\S*$/)
    if (space >= 0 && (!first || end - slack + space >= first.end)) end = end - slack + space
  }
  if (isLowSurrogate(text.charCodeAt(start))) start++
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--
  return { start, end }
}

/**
 * Marks matches of the query's words in a text (diacritics-insensitive) with <mark>, HTML-escaping
 * everything; returns an excerpt of about `length` chars around the first match (the start of the
 * text when nothing matches), with "…" where it was cut and whitespace collapsed. A word matches when
 * it starts with a query word, as with a prefix search: "asist" marks "Asistență".
 */
export function highlightExcerpt(text: string, input: string, length = 200): string {
  const folded = [...new Set(queryWords(input).map(foldWord))].filter(Boolean)
  const found = matches(text, folded)
  const window = excerptWindow(text, found[0], Math.max(1, Math.floor(length)))
  const plain = (from: number, to: number) => escapeHtml(text.slice(from, to).replace(/\s+/g, ' '))

  let html = ''
  let at = window.start
  for (const range of found) {
    if (range.start < window.start || range.end > window.end) continue
    html += plain(at, range.start) + `<mark>${plain(range.start, range.end)}</mark>`
    at = range.end
  }
  html = (html + plain(at, window.end)).trim()
  return (window.start > 0 ? '…' : '') + html + (window.end < text.length ? '…' : '')
}
