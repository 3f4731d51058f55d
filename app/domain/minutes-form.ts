/** The forms of the minutes editor, validated the same in the browser and on the server. */
import { z } from 'zod'
import { MINUTES_KINDS, PARTICIPANT_CATEGORIES } from './minutes-rules'

const optionalText = (max: number) => z.string().trim().max(max, 'plans.validation.tooLong').optional()
const date = z.string({ required_error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date')

export const minutesDetailsSchema = z
  .object({
    kind: z.enum(MINUTES_KINDS, { required_error: 'validation.required' }),
    title: z
      .string({ required_error: 'validation.required' })
      .trim()
      .min(5, 'plans.validation.tooShort')
      .max(300, 'plans.validation.tooLong'),
    date,
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'plans.validation.time')
      .optional(),
    place: optionalText(500),
    onlineUrl: z.string().trim().url('plans.validation.url').max(500).optional(),
    agenda: optionalText(20_000),
    summary: optionalText(50_000),
    conclusions: optionalText(50_000),
    closedReason: optionalText(2000),
    debateId: z.string().optional(),
  })
  .refine((v) => !v.onlineUrl || /^https?:\/\//i.test(v.onlineUrl), {
    path: ['onlineUrl'],
    message: 'plans.validation.url',
  })

export const participantSchema = z.object({
  organisationName: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(2, 'plans.validation.tooShort')
    .max(300, 'plans.validation.tooLong'),
  category: z.enum(PARTICIPANT_CATEGORIES, { required_error: 'validation.required' }),
  persons: optionalText(5000),
})

export const actionSchema = z.object({
  description: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(3, 'plans.validation.tooShort')
    .max(2000, 'plans.validation.tooLong'),
  owner: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(2, 'plans.validation.tooShort')
    .max(200, 'plans.validation.tooLong'),
  dueOn: date.optional(),
})

export const remarkSchema = z.object({
  organisationId: z.string({ required_error: 'validation.required' }).min(1),
  text: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(5, 'plans.validation.tooShort')
    .max(10_000, 'plans.validation.tooLong'),
})
