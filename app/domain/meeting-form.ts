/** The tripartite meeting form: validation messages are translation keys. */
import { z } from 'zod'

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'plans.validation.time')

export const meetingFormSchema = z
  .object({
    title: z.string().trim().min(5, 'plans.validation.tooShort').max(300, 'plans.validation.tooLong'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'plans.validation.date'),
    startTime: time,
    endTime: time,
    place: z.string().trim().max(500, 'plans.validation.tooLong').optional(),
    onlineUrl: z
      .string()
      .trim()
      .max(500, 'plans.validation.tooLong')
      .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'plans.validation.url')
      .optional(),
    agenda: z.string().trim().max(20_000, 'plans.validation.tooLong').optional(),
    serviceTypes: z.array(z.string().min(1)).min(1, 'meetings.validation.serviceTypes'),
  })
  .refine((v) => v.endTime > v.startTime, { message: 'meetings.validation.endAfterStart', path: ['endTime'] })
  .refine((v) => !!(v.place || v.onlineUrl), { message: 'plans.validation.placeOrLink', path: ['place'] })
