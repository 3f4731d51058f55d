/**
 * Input rules for accounts. Messages are translation keys so forms show them in the
 * visitor's language.
 */
import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 200

export const emailField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .max(254, 'validation.tooLong')
  .email('validation.email')
  .transform((v) => v.toLowerCase())

export const passwordField = z
  .string({ required_error: 'validation.required' })
  .min(PASSWORD_MIN_LENGTH, 'validation.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'validation.tooLong')

export const nameField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(2, 'validation.nameTooShort')
  .max(120, 'validation.tooLong')

export const verificationCodeField = z
  .string({ required_error: 'validation.required' })
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, 'validation.code'))
