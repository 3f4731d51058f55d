/**
 * Reading a plan's text from the import form (a .docx or .txt file, or pasted text) and reading
 * back the outline the editor adjusted in the preview. The preview's sections travel in a hidden
 * field: on save they are validated and their HTML sanitised again (never trusted as sent).
 */
import { z } from 'zod'
import { applyOutlineEdits, type OutlineEdit } from '~/domain/plan-outline'
import { parsePlanText, type ParsedPlan, type ParsedSection } from '~/domain/plan-parser'
import { PlanFileError, readPlanFile, sanitisePlanHtml } from '~/services/plan-import.server'
import { fileOf } from '~/utils/upload.server'

export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024

export type SourceOutcome = { plan: ParsedPlan; sourceFileName: string | null } | { error: string }

/** The plan text of the form: the file if one was chosen, else the pasted text. */
export async function readPlanSource(form: FormData): Promise<SourceOutcome> {
  const file = fileOf(form, 'file')
  if (file) {
    try {
      const plan = await readPlanFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
      if (plan.sections.length === 0) return { error: 'empty' }
      return { plan, sourceFileName: file.name }
    } catch (e) {
      if (e instanceof PlanFileError) return { error: e.code }
      throw e
    }
  }
  const text = String(form.get('text') ?? '')
  if (!text.trim()) return { error: 'noSource' }
  const plan = parsePlanText(text)
  return { plan, sourceFileName: null }
}

const sectionSchema = z.object({
  number: z.string().max(100).nullable(),
  heading: z.string().max(2000),
  level: z.number().int().min(1).max(6),
  text: z.string().max(2_000_000),
  html: z.string().max(4_000_000),
  anchor: z.string().max(300),
})

const outlineSchema = z.array(sectionSchema).min(1).max(2000)

/** The sections the preview showed, with the editor's corrections applied; null when tampered with. */
export function readOutline(form: FormData): ParsedSection[] | null {
  let raw: unknown
  try {
    raw = JSON.parse(String(form.get('outline') ?? ''))
  } catch {
    return null
  }
  const parsed = outlineSchema.safeParse(raw)
  if (!parsed.success) return null
  const edits: OutlineEdit[] = parsed.data.map((s, i) => ({
    number: form.has(`number-${i}`) ? String(form.get(`number-${i}`) ?? '') : s.number,
    heading: form.has(`heading-${i}`) ? String(form.get(`heading-${i}`) ?? '') : s.heading,
    level: form.has(`level-${i}`) ? Number(form.get(`level-${i}`)) : s.level,
    mergeWithPrevious: form.get(`merge-${i}`) === 'on',
  }))
  return applyOutlineEdits(
    parsed.data.map((s) => ({ ...s, html: sanitisePlanHtml(s.html) })),
    edits,
  )
}
