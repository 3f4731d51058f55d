/**
 * What an organisation's form accepts (create and edit). Messages are translation keys.
 */
import { z } from 'zod'
import { ORGANISATION_KINDS } from '#db/schema.ts'
import { emailField } from './account-rules'

export type OrganisationFormValue = z.output<typeof organisationSchema>

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

const requiredText = (max: number) =>
  z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')

export const organisationSchema = z.object({
  name: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(2, 'validation.nameTooShort')
    .max(200, 'validation.tooLong'),
  kind: z.enum(ORGANISATION_KINDS, {
    errorMap: (issue) => ({
      message: issue.code === 'invalid_type' ? 'validation.required' : 'validation.chooseOption',
    }),
  }),
  registryNumber: requiredText(100),
  website: z
    .string()
    .trim()
    .max(300, 'validation.tooLong')
    .refine(isHttpUrl, 'organisations.validation.website')
    .optional(),
  contactEmail: emailField,
  description: requiredText(2000),
})

export function toOrganisationInput(value: OrganisationFormValue) {
  return {
    name: value.name,
    kind: value.kind,
    registryNumber: value.registryNumber,
    website: value.website ?? null,
    contactEmail: value.contactEmail,
    description: value.description,
  }
}
