/** The recommendation form: what a commenter sends, validated the same in the browser and on the server. */
import { z } from 'zod'
import { ANSWERS } from './consultation'

const text = (min: number, max: number) =>
  z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(min, 'plans.validation.tooShort')
    .max(max, 'plans.validation.tooLong')
    // Browsers send a textarea's line breaks as CRLF: stored texts use LF.
    .transform((s) => s.replace(/\r\n?/g, '\n'))

export const recommendationFormSchema = z.object({
  /** 'person' or the id of an organisation the author is an active member of. */
  signAs: z.string({ required_error: 'validation.required' }).min(1),
  text: text(10, 10_000),
  proposedWording: z.string().trim().max(50_000, 'plans.validation.tooLong').optional(),
})

export const editRecommendationSchema = z.object({
  text: text(10, 10_000),
  proposedWording: z.string().trim().max(50_000, 'plans.validation.tooLong').optional(),
})

export const answerFormSchema = z
  .object({
    answer: z.enum(ANSWERS, { required_error: 'plans.validation.answerRequired' }),
    justification: z.string().trim().max(10_000, 'plans.validation.tooLong').optional(),
  })
  .refine((v) => v.answer === 'accepted' || (v.justification ?? '').length > 0, {
    path: ['justification'],
    message: 'plans.validation.justificationRequired',
  })

export const hideFormSchema = z.object({
  reason: text(5, 1000),
})

export const abuseFormSchema = z.object({
  reason: text(5, 1000),
})

/**
 * A proposed wording equal to the section's text (the form is pre-filled with it) is no proposal.
 * Whitespace differences do not count as a proposal either.
 */
export function normaliseProposal(proposed: string | undefined, sectionText: string | null): string | null {
  // Browsers send a textarea's line breaks as CRLF.
  const value = (proposed ?? '').replace(/\r\n?/g, '\n').trim()
  if (!value) return null
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
  if (sectionText !== null && squash(value) === squash(sectionText)) return null
  return value
}
