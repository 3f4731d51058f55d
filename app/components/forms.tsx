import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

// Any field of any form: these components only read its id, name, errors and initial value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>

/** Error messages are translation keys (see app/locales/*: validation.*). */
export function FieldErrors({ field }: { field: { errorId: string; errors?: string[] } }) {
  const { t } = useTranslation()
  if (!field.errors?.length) return null
  return (
    <p id={field.errorId} className="field-error">
      {field.errors.map((e) => t(e)).join(' ')}
    </p>
  )
}

function describedBy(field: Field, hint?: string) {
  return (
    [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ') ||
    undefined
  )
}

/** Label, optional hint, the control, and its errors: the frame every field shares. */
function FieldFrame(props: { field: Field; label: string; hint?: string; children: React.ReactNode }) {
  const { field, label, hint } = props
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {props.children}
      <FieldErrors field={field} />
    </div>
  )
}

export function TextField(props: {
  field: Field
  label: string
  hint?: string
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'search' | 'date'
  autoComplete?: string
  inputMode?: 'numeric' | 'text' | 'email'
  required?: boolean
}) {
  const { field, hint, type = 'text' } = props
  const { key, ...inputProps } = getInputProps(field, { type })
  return (
    <FieldFrame field={field} label={props.label} hint={hint}>
      <input
        key={key}
        {...inputProps}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required}
        aria-describedby={describedBy(field, hint)}
      />
    </FieldFrame>
  )
}

export function TextAreaField(props: { field: Field; label: string; hint?: string; rows?: number }) {
  const { field, hint } = props
  const { key, ...textareaProps } = getTextareaProps(field)
  return (
    <FieldFrame field={field} label={props.label} hint={hint}>
      <textarea key={key} {...textareaProps} rows={props.rows ?? 4} aria-describedby={describedBy(field, hint)} />
    </FieldFrame>
  )
}

export function SelectField(props: {
  field: Field
  label: string
  hint?: string
  options: Array<{ value: string; label: string }>
}) {
  const { field, hint, options } = props
  const { key, ...selectProps } = getSelectProps(field)
  return (
    <FieldFrame field={field} label={props.label} hint={hint}>
      <select key={key} {...selectProps} aria-describedby={describedBy(field, hint)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** Errors that belong to the whole form, announced to screen readers. */
export function FormErrors({ errors }: { errors?: string[] }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <div className="notice error" role="alert">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  )
}
