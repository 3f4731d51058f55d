/**
 * Splits the text of a draft plan or strategy into sections that keep its legal numbering
 * (../shared/DOMAIN.md, "Plans and their consultation": comments attach to a version and a
 * section). Pure: text or HTML in, outline out, no I/O.
 *
 * Input. `parsePlanText` reads text as Word extracts it: one paragraph per line, blank lines
 * between, tables as tab-separated rows (or one cell per line, which stays as paragraphs: no
 * structure is invented). CRLF, NBSP, zero-width and stray spaces are normalised; diacritics are
 * kept as written (ș and ş, ț and ţ alike). `parsePlanHtml` reads the HTML mammoth makes of a
 * .docx (h1–h6, p, tables, lists) with a small tolerant parser of its own, and rebuilds the body
 * HTML through an allowlist (no attributes but colspan/rowspan, no links, images or scripts).
 *
 * Title. The first non-empty line, when it reads as a title: not a numbered heading, not a list
 * item or table row, at most 200 characters, not ending in . : ; or ,. Otherwise the title is ''
 * and that line stays in the first section.
 *
 * Headings, in two tiers.
 * 1. Structural headings, recognised wherever they stand (start of a line, case and stray spaces
 *    tolerated):
 *    - chapter: "CAPITOLUL I", "Capitolul 1", "CAP. II", optionally followed by : - – . and a
 *      heading on the same line (or, when the line is only the number, a short heading on the
 *      next line) → rank 1. A rest that starts in lower case without a separator ("Capitolul I
 *      cuprinde …") or ends in ; or , (a table of contents) is text;
 *    - Roman "I." "II." … in sequence, only in a document without chapters → rank 1;
 *    - part: one capital letter, a dot, a space and text ("A. Serviciile …"), in alphabetical
 *      sequence inside its chapter (A starts a sequence, then B, C …) → rank 2. "- A. …" is a
 *      list item, "A.N.P.D.C.A." an abbreviation;
 *    - article: "Art. 3", "Articolul 3", numbered 1 or the previous article + 1 → rank 3 inside a
 *      chapter or part, else rank 1. The rest of the line is its heading when heading-like and
 *      capitalised, otherwise the first paragraph of its text;
 *    - in HTML, any h1–h6 (no sequence required): numbered as above when its text is (also
 *      "1." and "a)"), else an unnumbered heading ranked like the numbered headings Word styled
 *      with the same hN (chapters in h2: an unnumbered h2 is chapter-level), else hN's N.
 * 2. Numbered items "1." "1.1." "3. 1." and lettered items "a)" "a." are sections only inside a
 *    structural section (chapter, part, article, numbered item), or anywhere when the document
 *    has no structural heading at all, and only as a whole group: the items of one style and depth
 *    in that container become sections when they number from 1 (or a) upwards, EVERY one is
 *    heading-like (at most 120 characters, not ending in . ; or ,) and EVERY one has a body
 *    before the next item. Anything else is a list inside a body: a list whose items end in ";"
 *    or have nothing under them, or the considerations of a preamble. Items get rank 3 ("1."),
 *    one more per decimal level ("1.1."), and lettered items one more than their container
 *    (at least 4).
 *
 * Text after the last chapter. The template of an annual plan ends with chapter III; real plans
 * go on with unnumbered closing parts (Pângărați: "Grupuri țintă / categorii de persoane …",
 * "Monitorizarea"). There, and only there (after the last chapter or Roman heading of a text
 * file), a standalone line — a blank line before it, a blank line or the end after it, 3 to 80
 * characters, starting with a capital letter, not ending in punctuation, not numbered, and some
 * text since the previous heading — starts an unnumbered section of rank 1 (number null), which
 * ends the last chapter. Elsewhere unnumbered lines are never headings: plans are full of short
 * standalone lines ("Obiective specifice", "Domeniul …", one-cell-per-line table cells) that are
 * not. A list of known closing titles would be more precise and break on the next plan. In HTML
 * this rule does not apply (mammoth drops empty paragraphs); there such titles are headings only
 * when Word styled them as headings (h1–h6).
 *
 * Levels. level = rank, shifted so that the highest rank present becomes 1 (a strategy made of
 * articles only has its articles at level 1; a plan with chapters keeps chapter 1, part 2,
 * numbered item 3, lettered item 4). The preamble — the text before the first heading, when
 * there is any — is level 1, number null, heading "Preambul", anchor "preambul". A document
 * without any heading is one section with heading '' and anchor "text". An empty document has
 * title '' and no section.
 *
 * Anchors (outlineAnchors) come from the numbering path — the numbers of the section and of the
 * sections above it by level, or the first words (≤ 40 characters) of an unnumbered heading:
 * "cap-i", "cap-i-a", "cap-i-a-1", "art-3", "preambul", "monitorizarea"; a repeated one takes the
 * first "-2", "-3" … that no other section uses.
 *
 * Nothing is lost: every non-empty line of the input is in the title, in a section's number and
 * heading, or in a section's text. Only whitespace, invisible characters (zero-width, soft
 * hyphen, control characters) and the separators between a number and its heading (":", "-",
 * "–", ".") may change; form feeds and vertical tabs are line breaks.
 */
import { escapeHtml } from './html'
export { escapeHtml }

export type ParsedSection = {
  /** The numbering as written in the document: "CAPITOLUL I", "A.", "1.", "a)", "Art. 3" ; null for the preamble / unnumbered text */
  number: string | null
  /** The heading text without the number, trimmed ('' when the line is just a number). */
  heading: string
  /** 1 = chapter, 2 = letter part (A.), 3 = numbered item (1.), 4 = a) …; preamble = 1. */
  level: number
  /** Plain text of the section body (paragraphs joined with "\n\n"; table rows with "\n", cells with "\t"). */
  text: string
  /** Safe HTML of the body: <p> per paragraph, tables as <table>, every text escaped. */
  html: string
  /** Stable, URL-safe, unique within the plan, derived from the numbering path. */
  anchor: string
}

export type ParsedPlan = { title: string; sections: ParsedSection[] }

export const PREAMBLE_HEADING = 'Preambul'
export const PREAMBLE_ANCHOR = 'preambul'
export const WHOLE_TEXT_ANCHOR = 'text'
/** Longest numbered or lettered item that can still be a heading. */
export const HEADING_MAX_LENGTH = 120

// ---------------------------------------------------------------------------------------------
// Blocks: the unit both readers produce and the outline is built from.

type Block =
  | { kind: 'blank' }
  /** A paragraph; hLevel when it was an <h1>…<h6>. */
  | { kind: 'line'; text: string; html: string; hLevel?: number }
  /** A table or a list: body only, never a heading. */
  | { kind: 'table' | 'list'; text: string; html: string }

type LineBlock = Extract<Block, { kind: 'line' }>

const isLine = (b: Block | undefined): b is LineBlock => b !== undefined && b.kind === 'line'
const isBlank = (b: Block | undefined) => b === undefined || b.kind === 'blank'
const hasContent = (blocks: Block[]) => blocks.some((b) => b.kind !== 'blank')

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g

/** Collapses whitespace (NBSP and friends included) to single spaces and trims. */
function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/\s+/g, ' ').trim()
}

/** CRLF / CR → LF; form feeds and vertical tabs (Word page and line breaks) → LF; other controls removed. */
function normaliseNewlines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROLS, '')
}

function tableHtml(rows: string[][]): string {
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')
  return `<table><tbody>${body}</tbody></table>`
}

/** Lines of Word-extracted text → blocks; consecutive rows with ≥ 2 filled tab-separated cells make one table. */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let rows: string[][] = []
  const flush = () => {
    if (!rows.length) return
    blocks.push({ kind: 'table', text: rows.map((r) => r.join('\t')).join('\n'), html: tableHtml(rows) })
    rows = []
  }
  for (const raw of normaliseNewlines(text).split('\n')) {
    const cells = raw.split('\t').map(collapse)
    if (cells.filter(Boolean).length >= 2) {
      while (cells.length && cells[cells.length - 1] === '') cells.pop()
      rows.push(cells)
      continue
    }
    flush()
    const line = collapse(cells.join(' '))
    blocks.push(line ? { kind: 'line', text: line, html: `<p>${escapeHtml(line)}</p>` } : { kind: 'blank' })
  }
  flush()
  return blocks
}

// ---------------------------------------------------------------------------------------------
// Numbering patterns.

const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/

function romanValue(numeral: string): number | null {
  const s = numeral.toUpperCase()
  if (!ROMAN.test(s)) return null
  const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const v = value[s[i]!]!
    const next = i + 1 < s.length ? value[s[i + 1]!]! : 0
    total += v < next ? -v : v
  }
  return total
}

/** The start of a heading text: a letter or an opening quote. */
const STARTS_TEXT = /^[\p{L}"„«“‘']/u
const STARTS_UPPER = /^[\p{Lu}\p{N}"„«“‘']/u

/** At most HEADING_MAX_LENGTH characters and not ending like a sentence or a list item. */
export function isHeadingLike(text: string): boolean {
  return text.length > 0 && text.length <= HEADING_MAX_LENGTH && !/[.;,]$/.test(text)
}

type ChapterMatch = { number: string; heading: string }

function matchChapter(line: string): ChapterMatch | null {
  const m = /^(cap\.|capitol(?:ul)?\b\.?)\s*([ivxlcdm]+|\d{1,3})(?![\p{L}\p{N}])\s*([:.\-–—]+)?\s*(.*)$/iu.exec(line)
  if (!m) return null
  const [, word, numeral, separator, rest = ''] = m
  if (!/^\d+$/.test(numeral!) && romanValue(numeral!) === null) return null
  if (rest && !separator && !STARTS_UPPER.test(rest)) return null
  if (/[;,]$/.test(rest) || (separator && /^[;,]/.test(rest))) return null
  return { number: `${word} ${numeral}`, heading: rest }
}

type LetterMatch = { letter: string; heading: string }

function matchPart(line: string): LetterMatch | null {
  const m = /^([A-Z])\.\s+(\S.*)$/u.exec(line)
  if (!m || !STARTS_TEXT.test(m[2]!) || /^\p{Lu}\.(?:\s|$)/u.test(m[2]!)) return null
  return { letter: m[1]!, heading: m[2]! }
}

type RomanMatch = { numeral: string; value: number; heading: string }

function matchRoman(line: string): RomanMatch | null {
  const m = /^([IVXLCDM]{1,8})\.\s+(\S.*)$/u.exec(line)
  if (!m || !STARTS_TEXT.test(m[2]!)) return null
  const value = romanValue(m[1]!)
  return value === null ? null : { numeral: m[1]!, value, heading: m[2]! }
}

type ArticleMatch = { number: string; value: number; rest: string }

function matchArticle(line: string): ArticleMatch | null {
  const m = /^(Art\.|ART\.|Articolul|ARTICOLUL)\s*(\d{1,4})(?!\d)[\s:.\-–—]*(.*)$/u.exec(line)
  if (!m) return null
  const value = Number(m[2])
  if (value < 1) return null
  return { number: `${m[1]} ${m[2]}`, value, rest: m[3] ?? '' }
}

type ItemMatch = {
  kind: 'decimal' | 'lettered'
  /** "1.2." → [1, 2]; "c)" → [3]. */
  parts: number[]
  /** What groups items of one list: kind, depth and terminator. */
  style: string
  number: string
  heading: string
}

/** "1.2.3.4.5.6." at most: deeper is not a heading in any plan (and bounds the recursion). */
const MAX_DECIMAL_DEPTH = 6

function matchDecimal(line: string): ItemMatch | null {
  const m = /^(\d{1,3}(?: ?\. ?\d{1,3})*) ?([.)])? *(.*)$/u.exec(line)
  if (!m) return null
  const [, digits, terminator = '', rest = ''] = m
  const parts = digits!.split('.').map((p) => p.trim())
  if (parts.length > MAX_DECIMAL_DEPTH) return null
  if (!/^[1-9]\d{0,2}$/.test(parts[0]!) || parts.slice(1).some((p) => !/^[1-9]\d?$/.test(p))) return null
  if ((parts.length === 1 && !terminator) || !STARTS_TEXT.test(rest)) return null
  return {
    kind: 'decimal',
    parts: parts.map(Number),
    // "1.2." and "1.2" are one list; "1)" another.
    style: `decimal:${parts.length}:${terminator === ')' ? ')' : '.'}`,
    number: `${digits}${terminator}`,
    heading: rest,
  }
}

function matchLettered(line: string): ItemMatch | null {
  const m = /^([a-z])(\)|\.(?= )) *(.*)$/u.exec(line)
  if (!m || !STARTS_TEXT.test(m[3]!)) return null
  return {
    kind: 'lettered',
    parts: [m[1]!.charCodeAt(0) - 96],
    style: `lettered:${m[2]}`,
    number: `${m[1]}${m[2]}`,
    heading: m[3]!,
  }
}

const matchItem = (line: string) => matchDecimal(line) ?? matchLettered(line)

const looksNumbered = (line: string) =>
  matchChapter(line) !== null ||
  matchPart(line) !== null ||
  matchRoman(line) !== null ||
  matchArticle(line) !== null ||
  matchItem(line) !== null

function looksLikeTitle(line: string): boolean {
  return line.length <= 200 && !/[.:;,]$/.test(line) && !/^[-–—•*·]/.test(line) && !looksNumbered(line)
}

// ---------------------------------------------------------------------------------------------
// Outline.

type Kind = 'chapter' | 'roman' | 'part' | 'article' | 'item' | 'unnumbered'

type Mark = {
  kind: Kind
  number: string | null
  heading: string
  rank: number
  /** Text after the number that is not a heading: the first paragraph of the body. */
  lead?: string
  /** Index of a following line taken as the heading (chapter or article on a line of its own). */
  headingLine?: number
}

type Proto = {
  mark: Mark | null
  body: Block[]
}

function headingOnNextLine(blocks: Block[], i: number): number | undefined {
  let j = i + 1
  while (j < blocks.length && blocks[j]!.kind === 'blank') j++
  const next = blocks[j]
  if (!isLine(next) || next.hLevel !== undefined) return undefined
  if (!isHeadingLike(next.text) || !STARTS_UPPER.test(next.text) || looksNumbered(next.text)) return undefined
  return j
}

function structuralMarks(blocks: Block[], fromText: boolean): Map<number, Mark> {
  const marks = new Map<number, Mark>()
  const hasChapters = blocks.some((b) => isLine(b) && matchChapter(b.text) !== null)
  let lastRoman = 0
  let lastPart: string | null = null
  let lastArticle = 0
  let insideStructure = false
  const nextLetter = (l: string | null) => (l === null ? 'A' : String.fromCharCode(l.charCodeAt(0) + 1))

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    if (!isLine(b)) continue
    const line = b.text
    const chapter = matchChapter(line)
    if (chapter) {
      const mark: Mark = { kind: 'chapter', number: chapter.number, heading: chapter.heading, rank: 1 }
      if (!chapter.heading) mark.headingLine = headingOnNextLine(blocks, i)
      marks.set(i, mark)
      lastPart = null
      insideStructure = true
      if (mark.headingLine !== undefined) i = mark.headingLine
      continue
    }
    const part = matchPart(line)
    const roman = hasChapters ? null : matchRoman(line)
    const partFits = part !== null && (part.letter === 'A' || part.letter === nextLetter(lastPart))
    const romanFits = roman !== null && roman.value === lastRoman + 1
    // "I." "V." "X." can be either: the part sequence wins when it expects that very letter.
    if (romanFits && !(partFits && part.letter === nextLetter(lastPart) && lastPart !== null)) {
      marks.set(i, { kind: 'roman', number: `${roman.numeral}.`, heading: roman.heading, rank: 1 })
      lastRoman = roman.value
      lastPart = null
      insideStructure = true
      continue
    }
    if (partFits || (part && b.hLevel !== undefined)) {
      marks.set(i, { kind: 'part', number: `${part!.letter}.`, heading: part!.heading, rank: 2 })
      lastPart = part!.letter
      insideStructure = true
      continue
    }
    const article = matchArticle(line)
    if (article && (article.value === 1 || article.value === lastArticle + 1 || b.hLevel !== undefined)) {
      const mark: Mark = { kind: 'article', number: article.number, heading: '', rank: insideStructure ? 3 : 1 }
      if (isHeadingLike(article.rest) && STARTS_UPPER.test(article.rest) && !article.rest.startsWith('(')) {
        mark.heading = article.rest
      } else if (article.rest) {
        mark.lead = article.rest
      } else {
        mark.headingLine = headingOnNextLine(blocks, i)
      }
      marks.set(i, mark)
      lastArticle = article.value
      if (mark.headingLine !== undefined) i = mark.headingLine
      continue
    }
    if (b.hLevel !== undefined) {
      const item = matchItem(line)
      if (item) {
        const rank = item.kind === 'decimal' ? 2 + item.parts.length : 4
        marks.set(i, { kind: 'item', number: item.number, heading: item.heading, rank })
      } else {
        marks.set(i, { kind: 'unnumbered', number: null, heading: line, rank: 0 }) // ranked below
      }
    }
  }

  // An unnumbered <hN> ranks with the numbered headings Word styled hN (chapters in <h2>: an
  // unnumbered <h2> is a chapter-level section), else one below the nearest higher hN, else N.
  const rankOfH = new Map<number, number>()
  for (const [i, mark] of marks) {
    const h = (blocks[i] as LineBlock).hLevel
    if (h !== undefined && mark.kind !== 'unnumbered') rankOfH.set(h, Math.min(rankOfH.get(h) ?? mark.rank, mark.rank))
  }
  for (const [i, mark] of marks) {
    if (mark.kind !== 'unnumbered') continue
    const h = (blocks[i] as LineBlock).hLevel!
    let rank = rankOfH.get(h)
    for (let above = h - 1; rank === undefined && above >= 1; above--) {
      const known = rankOfH.get(above)
      if (known !== undefined) rank = known + (h - above)
    }
    mark.rank = rank ?? h
  }

  // Closing parts after the last chapter of a text file (see the module comment).
  const structural = [...marks.entries()].filter(([, m]) => m.kind === 'chapter' || m.kind === 'roman')
  const last = structural[structural.length - 1]
  if (fromText && last) {
    // The section the line would close must not be left empty: some text since the last heading.
    let bodySeen = false
    for (let i = (last[1].headingLine ?? last[0]) + 1; i < blocks.length; i++) {
      const b = blocks[i]!
      const mark = marks.get(i)
      if (mark) {
        bodySeen = false
        if (mark.headingLine !== undefined) i = mark.headingLine
        continue
      }
      if (b.kind === 'blank') continue
      const t = isLine(b) ? b.text : ''
      const closingTitle: boolean =
        bodySeen &&
        isBlank(blocks[i - 1]) &&
        isBlank(blocks[i + 1]) &&
        t.length >= 3 &&
        t.length <= 80 &&
        /^\p{Lu}/u.test(t) &&
        /[\p{L}\p{N})]$/u.test(t) &&
        !looksNumbered(t)
      if (closingTitle) marks.set(i, { kind: 'unnumbered', number: null, heading: t, rank: 1 })
      bodySeen = !closingTitle
    }
  }
  return marks
}

/**
 * Splits a container's body at a group of numbered (or else lettered) items when the whole group
 * behaves as headings (see the module comment); recursively inside each item.
 */
function splitItems(body: Block[], rank: number, decimalPrefix: number[] | null, lettered: boolean): Proto[] {
  const tryGroup = (kind: 'decimal' | 'lettered'): Proto[] | null => {
    const found: Array<{ index: number; item: ItemMatch }> = []
    for (let i = 0; i < body.length; i++) {
      const b = body[i]!
      if (!isLine(b)) continue
      const item = kind === 'decimal' ? matchDecimal(b.text) : matchLettered(b.text)
      if (!item) continue
      if (kind === 'decimal') {
        const prefix = decimalPrefix ?? []
        if (item.parts.length !== prefix.length + 1 || prefix.some((p, k) => item.parts[k] !== p)) continue
      }
      found.push({ index: i, item })
    }
    if (!found.length) return null
    const style = found[0]!.item.style
    const group = found.filter((f) => f.item.style === style)
    const ordinal = (f: { item: ItemMatch }) => f.item.parts[f.item.parts.length - 1]!
    if (ordinal(group[0]!) !== 1) return null
    for (let k = 0; k < group.length; k++) {
      const end = k + 1 < group.length ? group[k + 1]!.index : body.length
      if (!isHeadingLike(group[k]!.item.heading)) return null
      if (k > 0 && ordinal(group[k]!) <= ordinal(group[k - 1]!)) return null
      if (!hasContent(body.slice(group[k]!.index + 1, end))) return null
    }
    const out: Proto[] = [{ mark: null, body: body.slice(0, group[0]!.index) }]
    group.forEach((g, k) => {
      const end = k + 1 < group.length ? group[k + 1]!.index : body.length
      const childRank = kind === 'decimal' ? Math.max(rank + 1, 2 + g.item.parts.length) : Math.max(rank + 1, 4)
      const mark: Mark = { kind: 'item', number: g.item.number, heading: g.item.heading, rank: childRank }
      const children =
        kind === 'decimal'
          ? splitItems(body.slice(g.index + 1, end), childRank, g.item.parts, true)
          : [{ mark: null, body: body.slice(g.index + 1, end) }]
      out.push({ mark, body: children[0]!.body })
      for (const child of children.slice(1)) out.push(child)
    })
    return out
  }
  // The first proto is always the container's own body (the text before its first item).
  return tryGroup('decimal') ?? (lettered ? tryGroup('lettered') : null) ?? [{ mark: null, body }]
}

const SECTION_SEPARATOR = '\n\n'

function sectionBody(proto: Proto): { text: string; html: string } {
  const blocks = proto.body.filter((b): b is Exclude<Block, { kind: 'blank' }> => b.kind !== 'blank')
  const texts = blocks.map((b) => b.text)
  const htmls = blocks.map((b) => b.html)
  if (proto.mark?.lead) {
    texts.unshift(proto.mark.lead)
    htmls.unshift(`<p>${escapeHtml(proto.mark.lead)}</p>`)
  }
  return { text: texts.join(SECTION_SEPARATOR), html: htmls.join('\n') }
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function anchorToken(label: string): string {
  let s = fold(collapse(label))
    .replace(/^(?:capitolul|capitol)\b\.?|^cap\./, 'cap ')
    .replace(/^(?:articolul)\b|^art\./, 'art ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length > 48) {
    s = s.slice(0, 48)
    const cut = s.lastIndexOf('-')
    if (cut >= 16) s = s.slice(0, cut)
    s = s.replace(/-+$/, '')
  }
  return s
}

/**
 * The anchor of a section from its numbering path (its ancestors' numbers and its own, or the
 * heading of an unnumbered one): ["CAPITOLUL I", "A.", "1."] → "cap-i-a-1"; [] → "preambul".
 */
export function sectionAnchor(path: string[]): string {
  if (!path.length) return PREAMBLE_ANCHOR
  const tokens = path.map(anchorToken).filter(Boolean)
  return tokens.length ? tokens.join('-') : 'sectiune'
}

/** A repeated anchor takes the first "-2", "-3" … that no other section uses; first occurrences keep theirs. */
function uniqueAnchors(natural: string[]): string[] {
  const taken = new Set(natural)
  const seen = new Set<string>()
  const nextSuffix = new Map<string, number>()
  return natural.map((a) => {
    if (!seen.has(a)) {
      seen.add(a)
      return a
    }
    let n = nextSuffix.get(a) ?? 2
    while (taken.has(`${a}-${n}`)) n++
    nextSuffix.set(a, n + 1)
    const unique = `${a}-${n}`
    taken.add(unique)
    return unique
  })
}

/** What stands for a section in an anchor path: its number, else the first words of its heading. */
function anchorKey(section: Pick<ParsedSection, 'number' | 'heading'>): string {
  if (section.number) return section.number
  const heading = collapse(section.heading)
  if (!heading) return WHOLE_TEXT_ANCHOR
  if (heading.length <= 40) return heading
  const cut = heading.lastIndexOf(' ', 40)
  return heading.slice(0, cut > 0 ? cut : 40)
}

/**
 * The anchors of an outline (sections in order, with their levels): each from the path of
 * numbers of the section and the sections above it, unique within the plan. The same function
 * serves a parsed outline and one corrected by an editor, so equal numbering gives equal anchors.
 */
export function outlineAnchors(sections: ReadonlyArray<Pick<ParsedSection, 'number' | 'heading' | 'level'>>): string[] {
  const stack: Array<{ level: number; key: string }> = []
  return uniqueAnchors(
    sections.map((s) => {
      while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop()
      stack.push({ level: s.level, key: anchorKey(s) })
      return sectionAnchor(stack.map((e) => e.key))
    }),
  )
}

function buildPlan(allBlocks: Block[], fromText: boolean): ParsedPlan {
  let blocks = allBlocks
  let title = ''
  const first = blocks.findIndex((b) => b.kind !== 'blank')
  if (first < 0) return { title: '', sections: [] }
  const firstBlock = blocks[first]!
  if (isLine(firstBlock) && looksLikeTitle(firstBlock.text)) {
    title = firstBlock.text
    blocks = blocks.slice(first + 1)
  }

  const marks = structuralMarks(blocks, fromText)
  const starts = [...marks.keys()].sort((a, b) => a - b)
  const protos: Proto[] = []
  if (!starts.length) {
    // No structure: numbered items may be the structure, anywhere in the document.
    for (const proto of splitItems(blocks, 0, null, true)) protos.push(proto)
  } else {
    protos.push({ mark: null, body: blocks.slice(0, starts[0]) })
    starts.forEach((start, k) => {
      const mark = marks.get(start)!
      const bodyStart = (mark.headingLine ?? start) + 1
      const body = blocks.slice(bodyStart, k + 1 < starts.length ? starts[k + 1] : blocks.length)
      if (mark.headingLine !== undefined) mark.heading = (blocks[mark.headingLine] as LineBlock).text
      const [own, ...children] = splitItems(body, mark.rank, null, true)
      protos.push({ mark, body: own!.body })
      for (const child of children) protos.push(child)
    })
  }

  // The preamble (text before the first heading) only when it has text.
  const sections = protos.filter((p, k) => p.mark !== null || (k === 0 && hasContent(p.body)))
  if (!sections.length) return { title, sections: [] }

  const ranks = sections.filter((p) => p.mark).map((p) => p.mark!.rank)
  const shift = ranks.length ? ranks.reduce((a, b) => Math.min(a, b)) - 1 : 0
  const alone = sections.length === 1 && sections[0]!.mark === null
  const result: ParsedSection[] = sections.map((p) => {
    const { text, html } = sectionBody(p)
    if (!p.mark) return { number: null, heading: alone ? '' : PREAMBLE_HEADING, level: 1, text, html, anchor: '' }
    const { rank, number, heading } = p.mark
    return { number, heading, level: Math.max(1, rank - shift), text, html, anchor: '' }
  })
  outlineAnchors(result).forEach((a, k) => (result[k]!.anchor = a))
  return { title, sections: result }
}

/** Sections of a plan's text as Word extracts it (see the module comment for the rules). */
export function parsePlanText(text: string): ParsedPlan {
  return buildPlan(textBlocks(text), true)
}

// ---------------------------------------------------------------------------------------------
// HTML (as mammoth writes it): a small tolerant parser, an allowlist serialiser, blocks.

type HNode =
  { type: 'text'; value: string } | { type: 'el'; name: string; attrs: Record<string, string>; children: HNode[] }
type HElement = Extract<HNode, { type: 'el' }>

const VOID = new Set([
  'br',
  'img',
  'hr',
  'meta',
  'link',
  'input',
  'col',
  'wbr',
  'area',
  'base',
  'source',
  'embed',
  'param',
  'track',
])
/** Elements whose content is dropped with them. */
const DROPPED = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'template',
  'object',
  'svg',
  'math',
  'head',
  'select',
  'option',
])
/** The tags a plan's HTML may keep (text structure and tables), shared with the sanitiser. */
export const PLAN_HTML_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'sup',
  'sub',
] as const
const ALLOWED = new Set<string>(PLAN_HTML_TAGS)
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre'])
const MAX_DEPTH = 100

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  shy: '\u00ad',
  acirc: 'â',
  Acirc: 'Â',
  icirc: 'î',
  Icirc: 'Î',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
      return String.fromCodePoint(code)
    }
    return NAMED_ENTITIES[ref] ?? whole
  })
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
  for (let m = re.exec(source); m; m = re.exec(source)) {
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attrs
}

function parseHtml(html: string): HNode[] {
  const root: HElement = { type: 'el', name: '#root', attrs: {}, children: [] }
  const stack: HElement[] = [root]
  const top = () => stack[stack.length - 1]!
  const popTo = (name: string, stopAt: string[] = []) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (stopAt.includes(stack[k]!.name)) return
      if (stack[k]!.name === name) {
        stack.length = k
        return
      }
    }
  }
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const textEnd = lt < 0 ? html.length : lt
    if (textEnd > i) top().children.push({ type: 'text', value: decodeEntities(html.slice(i, textEnd)) })
    if (lt < 0) break
    i = lt
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(i, i + 4096))
    if (!tag) {
      if (/^<[!?]/.test(html.slice(i, i + 2))) {
        const end = html.indexOf('>', i)
        i = end < 0 ? html.length : end + 1
      } else {
        top().children.push({ type: 'text', value: '<' })
        i += 1
      }
      continue
    }
    i += tag[0].length
    const name = tag[2]!.toLowerCase()
    if (tag[1]) {
      popTo(name)
      continue
    }
    if (DROPPED.has(name)) {
      if (!/\/\s*$/.test(tag[3]!)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'gi')
        close.lastIndex = i
        const found = close.exec(html)
        const end = found ? html.indexOf('>', found.index) : -1
        i = end < 0 ? html.length : end + 1
      }
      continue
    }
    // Implied ends, enough for what Word and mammoth write.
    if (BLOCKS.has(name) || name === 'li' || name === 'tr' || name === 'td' || name === 'th')
      popTo('p', ['td', 'th', 'li'])
    if (name === 'li') popTo('li', ['ul', 'ol'])
    if (name === 'tr') popTo('tr', ['table'])
    if (name === 'td' || name === 'th') {
      popTo('td', ['tr', 'table'])
      popTo('th', ['tr', 'table'])
    }
    const el: HElement = { type: 'el', name, attrs: parseAttributes(tag[3]!), children: [] }
    if (stack.length > MAX_DEPTH) continue // too deep: keep the text, drop the element
    top().children.push(el)
    if (!VOID.has(name) && !/\/\s*$/.test(tag[3]!)) stack.push(el)
  }
  return root.children
}

/** Where table and list parts may stand; elsewhere they are unwrapped (their text stays). */
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol'],
  tr: ['table', 'thead', 'tbody'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
}

function serialise(nodes: HNode[], parent = ''): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeHtml(node.value.replace(INVISIBLE, ''))
      continue
    }
    const misplaced = PARENTS[node.name] !== undefined && !PARENTS[node.name]!.includes(parent)
    if (!ALLOWED.has(node.name) || misplaced) {
      out += serialise(node.children, parent)
      continue
    }
    if (node.name === 'br') {
      out += '<br>'
      continue
    }
    let attrs = ''
    if (node.name === 'td' || node.name === 'th') {
      for (const a of ['colspan', 'rowspan']) {
        const v = node.attrs[a]
        if (v !== undefined && /^[1-9]\d{0,2}$/.test(v.trim())) attrs += ` ${a}="${v.trim()}"`
      }
    }
    out += `<${node.name}${attrs}>${serialise(node.children, node.name)}</${node.name}>`
  }
  return out
}

/** Elements whose text is separated from its neighbours' (inline ones, like <strong>, are not). */
const SEPARATED = new Set([...BLOCKS, 'br', 'li', 'tr', 'td', 'th', 'div', 'section', 'article', 'thead', 'tbody'])

function innerText(nodes: HNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') out += node.value
    else if (SEPARATED.has(node.name)) out += ` ${innerText(node.children)} `
    else out += innerText(node.children)
  }
  return out
}

const containsBlock = (node: HNode): boolean =>
  node.type === 'el' && (BLOCKS.has(node.name) || node.children.some(containsBlock))

function descendants(node: HElement, names: string[], stopAt: string[] = []): HElement[] {
  const found: HElement[] = []
  for (const child of node.children) {
    if (child.type !== 'el') continue
    if (names.includes(child.name)) found.push(child)
    else if (!stopAt.includes(child.name)) for (const d of descendants(child, names, stopAt)) found.push(d)
  }
  return found
}

function htmlBlocks(nodes: HNode[], out: Block[] = []): Block[] {
  let inline: HNode[] = []
  const paragraph = (children: HNode[], hLevel?: number) => {
    const text = collapse(innerText(children))
    if (!text) {
      out.push({ kind: 'blank' })
      return
    }
    const html = `<p>${serialise(children).trim()}</p>`
    out.push(hLevel === undefined ? { kind: 'line', text, html } : { kind: 'line', text, html, hLevel })
  }
  const flush = () => {
    if (inline.length) paragraph(inline)
    inline = []
  }
  for (const node of nodes) {
    if (!containsBlock(node)) {
      inline.push(node)
      continue
    }
    flush()
    const el = node as HElement
    if (el.name === 'p' || el.name === 'pre') paragraph(el.children)
    else if (/^h[1-6]$/.test(el.name)) paragraph(el.children, Number(el.name[1]))
    else if (el.name === 'table') {
      const rows = descendants(el, ['tr'], ['table']).map((tr) =>
        descendants(tr, ['td', 'th'], ['table']).map((cell) => collapse(innerText(cell.children))),
      )
      const text = rows
        .map((cells) => {
          while (cells.length && cells[cells.length - 1] === '') cells.pop()
          return cells.join('\t')
        })
        .filter(Boolean)
        .join('\n')
      out.push(text ? { kind: 'table', text, html: serialise([el]) } : { kind: 'blank' })
    } else if (el.name === 'ul' || el.name === 'ol') {
      // Every item on a line of its own, nested lists' items after their parent's.
      const items: string[] = []
      const walk = (list: HElement) => {
        for (const li of descendants(list, ['li'], ['ul', 'ol'])) {
          items.push(
            collapse(innerText(li.children.filter((c) => c.type === 'text' || !['ul', 'ol'].includes(c.name)))),
          )
          for (const nested of descendants(li, ['ul', 'ol'])) walk(nested)
        }
      }
      walk(el)
      const text = items.filter(Boolean).join('\n')
      out.push(text ? { kind: 'list', text, html: serialise([el]) } : { kind: 'blank' })
    } else if (el.name === 'blockquote') {
      const text = collapse(innerText(el.children))
      out.push(text ? { kind: 'list', text, html: serialise([el]) } : { kind: 'blank' })
    } else htmlBlocks(el.children, out) // a container (body, div, section …)
  }
  flush()
  return out
}

/** Sections of the HTML mammoth makes of a .docx: h1–h6 and paragraphs that read as headings start sections. */
export function parsePlanHtml(html: string): ParsedPlan {
  return buildPlan(htmlBlocks(parseHtml(normaliseNewlines(html))), false)
}
