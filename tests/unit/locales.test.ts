/**
 * Both languages are complete: every Romanian text has an English one and vice versa, and an
 * English text uses every value the Romanian one shows (a name, a date, a number of days).
 */
import { describe, expect, it } from 'vitest'
import { en } from '~/locales/en'
import { ro } from '~/locales/ro'

type Tree = { [key: string]: unknown }

/** Plural forms differ between the languages (ro: one/few/other, en: one/other). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Every leaf as 'a.b.c' → value; objects are walked, anything else is a leaf. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value as Tree, path)) out.set(k, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

/** Groups plural forms under their base key. */
function byBaseKey(map: Map<string, unknown>): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>()
  for (const [key, value] of map) {
    const base = key.replace(PLURAL_SUFFIX, '')
    out.set(base, [...(out.get(base) ?? []), value])
  }
  return out
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))

const roLeaves = leaves(ro as Tree)
const enLeaves = leaves(en as Tree)
const roByBase = byBaseKey(roLeaves)
const enByBase = byBaseKey(enLeaves)

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

describe('translations', () => {
  it('have texts at all (the walk finds the known keys)', () => {
    expect(roLeaves.get('app.name')).toBe('Planuri sociale')
    expect(roLeaves.get('verify.errors.invalid')).toBe('Codul nu este corect.')
    expect(isText(enLeaves.get('verify.errors.invalid'))).toBe(true)
    expect(roLeaves.size).toBeGreaterThan(100)
  })

  it('every Romanian text is a non-empty string', () => {
    const bad = [...roLeaves].filter(([, v]) => !isText(v)).map(([k]) => k)
    expect(bad, `Romanian keys without text: ${bad.join(', ')}`).toEqual([])
  })

  it('every Romanian key has a non-empty English text', () => {
    const missing = [...roByBase.keys()].filter((k) => !(enByBase.get(k) ?? []).some(isText))
    expect(missing, `missing or empty in en: ${missing.join(', ')}`).toEqual([])
    const empty = [...enLeaves].filter(([, v]) => !isText(v)).map(([k]) => k)
    expect(empty, `English keys without text: ${empty.join(', ')}`).toEqual([])
  })

  it('every English key exists in Romanian (no leftovers)', () => {
    const extra = [...enByBase.keys()].filter((k) => !roByBase.has(k))
    expect(extra, `in en but not in ro: ${extra.join(', ')}`).toEqual([])
  })

  it('English texts use every {{placeholder}} of the Romanian ones', () => {
    const problems: string[] = []
    for (const [key, roValues] of roByBase) {
      const roNames = new Set(roValues.filter(isText).flatMap((v) => [...placeholders(v)]))
      const enNames = new Set((enByBase.get(key) ?? []).filter(isText).flatMap((v) => [...placeholders(v)]))
      for (const name of roNames) if (!enNames.has(name)) problems.push(`${key}: {{${name}}}`)
    }
    expect(problems, `placeholders missing in en: ${problems.join(', ')}`).toEqual([])
  })

  it('the placeholder check sees placeholders', () => {
    expect([...placeholders(ro.verify.intro)]).toEqual(['email'])
    expect([...placeholders(ro.validation.range)].sort()).toEqual(['max', 'min'])
    expect([...placeholders(en.emails.invitation.intro)].sort()).toEqual(['authority', 'inviter', 'roles'])
  })
})
