/**
 * The editor's adjustments of an imported outline before it is saved: a section's number,
 * heading and level can be corrected, and a section wrongly taken for a heading can be merged
 * back into the one before it. Anchors are then computed again from the numbering, so they stay
 * stable for the same numbering whatever the editor changed in the headings.
 */
import { WHOLE_PLAN_ANCHOR } from './consultation'
import { escapeHtml } from './html'
import { outlineAnchors, type ParsedSection } from './plan-parser'

export type OutlineEdit = {
  number: string | null
  heading: string
  level: number
  mergeWithPrevious: boolean
}

const MAX_LEVEL = 6

function headingLine(s: Pick<ParsedSection, 'number' | 'heading'>) {
  return [s.number, s.heading].filter(Boolean).join(' ')
}

/** Applies the edits (one per section, in order); a missing edit leaves its section as parsed. */
export function applyOutlineEdits(sections: ParsedSection[], edits: Array<OutlineEdit | undefined>): ParsedSection[] {
  const result: ParsedSection[] = []
  sections.forEach((section, i) => {
    const edit = edits[i]
    const edited: ParsedSection = edit
      ? {
          ...section,
          number: edit.number?.trim() || null,
          heading: edit.heading.trim(),
          level: Math.min(MAX_LEVEL, Math.max(1, Math.round(edit.level) || 1)),
        }
      : section
    const previous = result.at(-1)
    if (edit?.mergeWithPrevious && previous) {
      const line = headingLine(edited)
      result[result.length - 1] = {
        ...previous,
        text: [previous.text, line, edited.text].filter((p) => p.trim()).join('\n\n'),
        html: previous.html + (line ? `<p>${escapeHtml(line)}</p>` : '') + edited.html,
      }
      return
    }
    result.push(edited)
  })
  return reanchor(result)
}

/** Anchors computed again from the (corrected) numbering, exactly as the parser computes them. */
export function reanchor(sections: ParsedSection[]): ParsedSection[] {
  const anchors = outlineAnchors(sections)
  return sections.map((s, i) => {
    const anchor = anchors[i]!
    return { ...s, anchor: anchor === WHOLE_PLAN_ANCHOR ? `${anchor}-sectiune` : anchor }
  })
}
