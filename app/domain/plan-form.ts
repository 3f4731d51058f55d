/** The plan's details form (kind, title, year, summary, justification) and the publication form. */
import { z } from 'zod'
import { PLAN_KINDS } from './consultation'

export const planDetailsSchema = z.object({
  kind: z.enum(PLAN_KINDS, { required_error: 'validation.required' }),
  title: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(5, 'plans.validation.tooShort')
    .max(300, 'plans.validation.tooLong'),
  year: z.coerce
    .number({ required_error: 'validation.required', invalid_type_error: 'plans.validation.year' })
    .int('plans.validation.year')
    .min(2000, 'plans.validation.year')
    .max(2100, 'plans.validation.year'),
  summary: z.string().trim().max(3000, 'plans.validation.tooLong').default(''),
  justification: z.string().trim().max(50_000, 'plans.validation.tooLong').default(''),
})

export type PlanDetails = z.infer<typeof planDetailsSchema>

export const publishSchema = z.object({
  opensOn: z.string({ required_error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date'),
  closesOn: z.string({ required_error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date'),
})

export const withdrawSchema = z.object({
  reason: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(10, 'plans.validation.tooShort')
    .max(2000, 'plans.validation.tooLong'),
})

export const debateSchema = z
  .object({
    date: z.string({ required_error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date'),
    time: z
      .string({ required_error: 'validation.required' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'plans.validation.time'),
    place: z.string().trim().max(500, 'plans.validation.tooLong').optional(),
    onlineUrl: z.string().trim().url('plans.validation.url').max(500).optional(),
    notes: z.string().trim().max(3000, 'plans.validation.tooLong').optional(),
  })
  .refine((v) => v.place || v.onlineUrl, { path: ['place'], message: 'plans.validation.placeOrLink' })
  .refine((v) => !v.onlineUrl || /^https?:\/\//i.test(v.onlineUrl), {
    path: ['onlineUrl'],
    message: 'plans.validation.url',
  })
