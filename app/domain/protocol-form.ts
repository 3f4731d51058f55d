/**
 * What the protocol forms accept (create, edit, addendum, decision, review), as zod schemas whose
 * messages are translation keys. Dates arrive as 'YYYY-MM-DD' (input type=date) or dd.MM.yyyy.
 */
import { z } from 'zod'
import { isValidIsoDate } from './dates'
import { PROTOCOL_KINDS, TERM_TYPES, type Term } from './protocol-types'

export const MAX_PARTNERS = 4
const PERIOD_UNITS = ['Y', 'M', 'D'] as const

/** '2024-05-14' or '14.05.2024' → '2024-05-14'; anything else is refused (never rolled over). */
export function readDate(value: string): string | null {
  const v = value.trim()
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v)
  const iso = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : v
  return isValidIsoDate(iso) ? iso : null
}

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()

const dateField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const d = readDate(v)
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'protocols.validation.date' })
      return z.NEVER
    }
    return d
  })

const requiredDate = dateField.refine((v) => v !== null, 'validation.required')

const amountField = z.coerce
  .number({ invalid_type_error: 'validation.number' })
  .int('validation.number')
  .min(1, 'protocols.validation.positive')
  .max(1000, 'protocols.validation.positive')
  .optional()

/** An optional email address (the partner's contact person), kept in lower case. */
const optionalEmail = z
  .string()
  .trim()
  .max(254, 'validation.tooLong')
  .email('validation.email')
  .transform((v) => v.toLowerCase())
  .optional()

const partySchema = z.object({
  name: optionalText(300),
  registrationNumber: optionalText(100),
  registrationDate: dateField,
  /** The partner's contact person: told of the deadlines when `remindPartners` is on; never public. */
  contactName: optionalText(200),
  contactEmail: optionalEmail,
})

const termFields = {
  termType: z.enum(TERM_TYPES, { errorMap: () => ({ message: 'validation.chooseOption' }) }),
  start: dateField,
  end: dateField,
  renewalAmount: amountField,
  renewalUnit: z.enum(PERIOD_UNITS).optional(),
  noticeAmount: amountField,
  noticeUnit: z.enum(PERIOD_UNITS).optional(),
  condition: optionalText(500),
  validityText: optionalText(500),
}

export const protocolFormSchema = z
  .object({
    kind: z.enum(PROTOCOL_KINDS, { errorMap: () => ({ message: 'validation.chooseOption' }) }),
    listNumber: optionalText(20),
    title: z.string({ required_error: 'validation.required' }).trim().min(3, 'validation.nameTooShort').max(300),
    object: optionalText(2000),
    signedOn: dateField,
    authorityRegistrationNumber: optionalText(100),
    authorityRegistrationDate: dateField,
    partners: z.array(partySchema).max(MAX_PARTNERS).default([]),
    responsibleUserId: optionalText(40),
    isPublic: z.literal('on').optional(),
    /** Deadline reminders also go to the partners' contact persons. */
    remindPartners: z.literal('on').optional(),
    ...termFields,
  })
  .superRefine((v, ctx) => {
    if (!v.partners.some((p) => p.name)) {
      ctx.addIssue({ code: 'custom', path: ['partners', 0, 'name'], message: 'protocols.validation.partnerRequired' })
    }
    v.partners.forEach((p, i) => {
      // A contact person belongs to a partner: without the partner's name it would be dropped.
      if (!p.name && (p.contactName || p.contactEmail)) {
        ctx.addIssue({
          code: 'custom',
          path: ['partners', i, 'name'],
          message: 'protocols.validation.contactWithoutPartner',
        })
      }
    })
    if (v.remindPartners && !v.partners.some((p) => p.name && p.contactEmail)) {
      ctx.addIssue({ code: 'custom', path: ['remindPartners'], message: 'protocols.validation.remindWithoutContact' })
    }
    checkTerm(v, ctx)
  })

type TermFields = {
  termType: Term['type']
  start: string | null
  end: string | null
  renewalAmount?: number
  renewalUnit?: 'Y' | 'M' | 'D'
  noticeAmount?: number
  noticeUnit?: 'Y' | 'M' | 'D'
  condition?: string
}

/** The rules a term must satisfy to be saved; an incomplete term must be saved as `unknown`. */
function checkTerm(v: TermFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (v.start && v.end && v.end < v.start) issue('end', 'protocols.validation.endBeforeStart')
  switch (v.termType) {
    case 'fixed':
      if (!v.start) issue('start', 'protocols.validation.startRequired')
      if (!v.end) issue('end', 'protocols.validation.endRequired')
      break
    case 'auto_renewing':
      if (!v.start) issue('start', 'protocols.validation.startRequired')
      if (!v.renewalAmount || !v.renewalUnit) issue('renewalAmount', 'protocols.validation.renewalRequired')
      if (v.noticeAmount && !v.noticeUnit) issue('noticeAmount', 'protocols.validation.renewalRequired')
      break
    case 'open_ended':
      if (!v.start) issue('start', 'protocols.validation.startRequired')
      break
    case 'conditional':
      if (!v.start) issue('start', 'protocols.validation.startRequired')
      if (!v.condition) issue('condition', 'protocols.validation.conditionRequired')
      break
    case 'unknown':
      break
  }
}

const period = (amount?: number, unit?: string) => (amount && unit ? `P${amount}${unit}` : null)

export type ProtocolFormValue = z.output<typeof protocolFormSchema>

/** The term the form describes, keeping only the fields that belong to its type. */
export function termFromForm(v: TermFields & { validityText?: string }): Term & { validityText: string | null } {
  const base = {
    type: v.termType,
    start: null,
    end: null,
    renewalPeriod: null,
    noticePeriod: null,
    condition: null,
    extension: null,
    validityText: v.validityText || null,
  }
  switch (v.termType) {
    case 'fixed':
      return { ...base, start: v.start, end: v.end }
    case 'auto_renewing':
      return {
        ...base,
        start: v.start,
        end: v.end,
        renewalPeriod: period(v.renewalAmount, v.renewalUnit),
        noticePeriod: period(v.noticeAmount, v.noticeUnit),
      }
    case 'open_ended':
      return { ...base, start: v.start }
    case 'conditional':
      return { ...base, start: v.start, end: v.end, condition: v.condition || null }
    case 'unknown':
      return { ...base, start: v.start }
  }
}

/** The form's fields from a stored term (for editing). */
export function termToForm(term: Term & { validityText?: string | null }) {
  const split = (d: string | null) => {
    const m = d ? /^P(\d+)([YMD])$/.exec(d) : null
    return m ? { amount: m[1]!, unit: m[2]! } : { amount: '', unit: '' }
  }
  const renewal = split(term.renewalPeriod)
  const notice = split(term.noticePeriod)
  return {
    termType: term.type,
    start: term.start ?? '',
    end: term.end ?? '',
    renewalAmount: renewal.amount,
    renewalUnit: renewal.unit || 'Y',
    noticeAmount: notice.amount,
    noticeUnit: notice.unit || 'D',
    condition: term.condition ?? '',
    validityText: term.validityText ?? '',
  }
}

export const addendumFormSchema = z
  .object({
    listNumber: optionalText(20),
    title: z.string({ required_error: 'validation.required' }).trim().min(3, 'validation.nameTooShort').max(300),
    signedOn: requiredDate,
    effect: z.enum(['extension', 'modification'], { errorMap: () => ({ message: 'validation.chooseOption' }) }),
    extensionAmount: amountField,
    extensionUnit: z.enum(PERIOD_UNITS).optional(),
    newEnd: dateField,
    changeNote: optionalText(2000),
    registrationNumber: optionalText(100),
    registrationDate: dateField,
  })
  .superRefine((v, ctx) => {
    if (v.effect === 'extension' && !v.newEnd && !(v.extensionAmount && v.extensionUnit)) {
      ctx.addIssue({ code: 'custom', path: ['extensionAmount'], message: 'protocols.validation.extensionRequired' })
    }
    if (v.effect === 'modification' && !v.changeNote) {
      ctx.addIssue({ code: 'custom', path: ['changeNote'], message: 'protocols.validation.changeNoteRequired' })
    }
  })
  .transform((v) => ({
    listNumber: v.listNumber || null,
    title: v.title,
    signedOn: v.signedOn!,
    effect: v.effect,
    extension: v.effect === 'extension' ? period(v.extensionAmount, v.extensionUnit) : null,
    newEnd: v.effect === 'extension' ? v.newEnd : null,
    changeNote: v.changeNote || null,
    registrationNumber: v.registrationNumber || null,
    registrationDate: v.registrationDate,
  }))

export const decisionFormSchema = z
  .object({
    intent: z.literal('decide'),
    decision: z.enum(['renew', 'let_lapse', 'terminate'], { errorMap: () => ({ message: 'validation.chooseOption' }) }),
    decidedOn: requiredDate,
    effectiveOn: dateField,
    reason: z.string({ required_error: 'validation.required' }).trim().min(3, 'validation.nameTooShort').max(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'terminate' && !v.effectiveOn) {
      ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'protocols.validation.effectiveRequired' })
    }
    if (v.decision === 'terminate' && v.effectiveOn && v.decidedOn && v.effectiveOn < v.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'protocols.validation.effectiveBeforeDecision' })
    }
  })

export const reviewFormSchema = z.object({
  intent: z.literal('review'),
  reviewedOn: requiredDate,
  note: optionalText(1000),
})
