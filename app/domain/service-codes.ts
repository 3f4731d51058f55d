/**
 * Codes of the Nomenclator of social services (HG 867/2015, as amended; ../shared/DOMAIN.md,
 * "Tripartite meetings"): a four-digit class (CAEN), letter groups — the form of the service,
 * then its beneficiaries — and a roman numeral: `8790 CR-VD-I`. A service type is its canonical
 * code; `CR-VD-I` and `CR-VD-III` are different types. Pure.
 *
 * Plans write the same code with and without spaces and hyphens, with en dashes, and with the
 * letters run together: `8790CRVD-I`, `8810 ID - I`, `8899 CZ – PN – V`, `8899CPDH-I`. The
 * canonical form is "class, space, letter groups joined by hyphens, hyphen, numeral".
 *
 * Splitting run-together letters, the rule:
 * - a group written on its own (between separators) is kept when it is a known code (a form in
 *   first place, a beneficiary after it);
 * - otherwise the first group is split as the longest known FORM prefix followed by known
 *   BENEFICIARY codes (longest prefix first, backtracking so the whole group is covered), and a
 *   later group as known beneficiary codes only: `CRVD` → `CR-VD` (VD before V-D: longest first);
 * - a group that cannot be covered completely by known codes is kept as written, one group,
 *   rather than guessed: `CPDH` stays `CPDH`, and so would an unknown `CAbR` (upper-cased);
 * - the last group is the numeral. When the numeral is run into the letters (`CR-VDI`), it is
 *   split off only if exactly one split leaves letters the known codes cover; an ambiguous one
 *   (`CZVI`: `CZ-V-I` or `CZ-VI`?) is not a code (null).
 *
 * The lists hold the codes we know from the Nomenclator; a code not in them still normalises,
 * it is only never split. Acronyms of centres that are not Nomenclator codes (CAbR, CIA, CITO,
 * LP, CPR …) are deliberately absent: they name a centre, and their codes are CR-D-…, CR-V-….
 */

/** Forms of service (first letter group). */
export const SERVICE_FORM_CODES = {
  CR: 'centre rezidențiale (servicii sociale cu cazare)',
  CZ: 'centre de zi (servicii sociale fără cazare)',
  ID: 'îngrijire la domiciliu',
  CPDH: 'cantine sociale și servicii de acordare a hranei',
} as const satisfies Record<string, string>

/** Categories of beneficiaries (the groups after the form). */
export const SERVICE_BENEFICIARY_CODES = {
  C: 'copii',
  D: 'persoane adulte cu dizabilități',
  V: 'persoane vârstnice',
  VD: 'victime ale violenței domestice',
  VT: 'victime ale traficului de persoane',
  PFA: 'persoane fără adăpost',
  AD: 'persoane cu adicții',
  PN: 'alte persoane aflate în situații de nevoie',
  MC: 'mamă și copil (centre maternale)',
} as const satisfies Record<string, string>

export type ServiceCode = { cls: string; letters: string[]; numeral: string }

const byLengthDesc = (codes: object) => Object.keys(codes).sort((a, b) => b.length - a.length || a.localeCompare(b))
const FORMS = byLengthDesc(SERVICE_FORM_CODES)
const BENEFICIARIES = byLengthDesc(SERVICE_BENEFICIARY_CODES)
const FORM_SET = new Set(FORMS)
const BENEFICIARY_SET = new Set(BENEFICIARIES)

const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g
const CODE = /^(\d{4})[\s-]*([A-Z][A-Z\s-]*)$/

/** `s` as a sequence of codes from `list`, longest prefix first; null when it cannot be covered. */
function cover(s: string, list: readonly string[], dead = new Set<number>(), at = 0): string[] | null {
  if (at === s.length) return []
  if (dead.has(at)) return null // memo: no cover from here (keeps "VDVDVD…X" linear)
  for (const code of list) {
    if (!s.startsWith(code, at)) continue
    const rest = cover(s, list, dead, at + code.length)
    if (rest) return [code, ...rest]
  }
  dead.add(at)
  return null
}

/** The groups a written group stands for; null when it cannot be split with the known codes. */
function split(group: string, first: boolean): string[] | null {
  if (!first) return BENEFICIARY_SET.has(group) ? [group] : cover(group, BENEFICIARIES)
  if (FORM_SET.has(group)) return [group]
  for (const form of FORMS) {
    if (!group.startsWith(form)) continue
    const rest = cover(group.slice(form.length), BENEFICIARIES)
    if (rest) return [form, ...rest]
  }
  return null
}

export function parseServiceCode(text: string): ServiceCode | null {
  if (typeof text !== 'string' || text.length > 200) return null
  const m = CODE.exec(
    text
      .normalize('NFC')
      .toUpperCase()
      .replace(DASHES, '-')
      .trim()
      .replace(/[.;,]+$/, '')
      .trim(),
  )
  if (!m) return null
  const groups = m[2]!.split(/[\s-]+/).filter(Boolean)
  const last = groups.pop()
  if (!last || groups.some((g) => !/^[A-Z]+$/.test(g))) return null

  let numeral: string
  if (ROMAN.test(last) && groups.length > 0) {
    numeral = last
  } else {
    // The numeral run into the last letters: only an unambiguous split.
    const splits: Array<{ letters: string[]; numeral: string }> = []
    for (let i = last.length - 1; i > 0; i--) {
      const tail = last.slice(i)
      if (!ROMAN.test(tail)) continue
      const head = split(last.slice(0, i), groups.length === 0)
      if (head) splits.push({ letters: head, numeral: tail })
    }
    if (splits.length !== 1) return null
    const only = splits[0]!
    return {
      cls: m[1]!,
      letters: [...groups.flatMap((g, i) => split(g, i === 0) ?? [g]), ...only.letters],
      numeral: only.numeral,
    }
  }
  return { cls: m[1]!, letters: groups.flatMap((g, i) => split(g, i === 0) ?? [g]), numeral }
}

export function formatServiceCode(code: ServiceCode): string {
  return `${code.cls} ${[...code.letters, code.numeral].join('-')}`
}

/** The canonical form "8790 CR-VD-I" (class, space, letter groups joined by hyphens, hyphen, roman numeral), or null when the text is not a code. */
export function normaliseServiceCode(text: string): string | null {
  const code = parseServiceCode(text)
  return code ? formatServiceCode(code) : null
}

/** Whether two written codes are the same service type; a text that is not a code is no type. */
export function sameServiceType(a: string, b: string): boolean {
  const x = normaliseServiceCode(a)
  return x !== null && x === normaliseServiceCode(b)
}

/**
 * The key a service type is counted and shown under: its canonical code, or — for a text that
 * is not a code — the text itself (trimmed, spaces squashed), so that it stays visible rather
 * than vanishing; null for an empty text.
 */
export function serviceTypeKey(text: string): string | null {
  const squashed = text.replace(/\s+/g, ' ').trim()
  if (!squashed) return null
  return normaliseServiceCode(squashed) ?? squashed
}
