import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { MAX_PARTNERS, protocolFormSchema } from '~/domain/protocol-form'
import { PROTOCOL_KINDS, TERM_TYPES } from '~/domain/protocol-types'

export type ProtocolFormDefaults = Record<string, unknown> & {
  partners?: Array<{
    name?: string
    registrationNumber?: string
    registrationDate?: string
    contactName?: string
    contactEmail?: string
  }>
}

/** The create and edit form of a protocol: identity, parties, term. Works without JavaScript. */
export function ProtocolForm(props: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: ProtocolFormDefaults
  authorityName: string
  staff: Array<{ userId: string; name: string }>
  submitLabel: string
}) {
  const { t } = useTranslation()
  const partners = [...(props.defaultValue.partners ?? [])]
  while (partners.length < MAX_PARTNERS) partners.push({})
  const [form, fields] = useForm({
    lastResult: props.lastResult,
    defaultValue: { ...props.defaultValue, partners },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: protocolFormSchema }),
    shouldValidate: 'onBlur',
  })
  const partnerFields = fields.partners.getFieldList()
  const unitOptions = [
    { value: 'Y', label: t('protocols.form.units.Y') },
    { value: 'M', label: t('protocols.form.units.M') },
    { value: 'D', label: t('protocols.form.units.D') },
  ]
  const { key: publicKey, ...publicInput } = getInputProps(fields.isPublic, { type: 'checkbox' })
  const { key: remindKey, ...remindInput } = getInputProps(fields.remindPartners, { type: 'checkbox' })
  const remindHintId = `${fields.remindPartners.id}-hint`
  return (
    <Form method="post" className="stacked" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <fieldset>
        <legend>{t('protocols.form.act')}</legend>
        <SelectField
          field={fields.kind}
          label={t('protocols.fields.kind')}
          options={PROTOCOL_KINDS.filter((k) => k !== 'addendum').map((k) => ({
            value: k,
            label: t(`protocolKinds.${k}`),
          }))}
        />
        <TextField field={fields.title} label={t('protocols.fields.title')} hint={t('protocols.form.titleHint')} />
        <TextField
          field={fields.listNumber}
          label={t('protocols.fields.listNumber')}
          hint={t('protocols.form.listNumberHint')}
        />
        <TextAreaField field={fields.object} label={t('protocols.fields.object')} rows={3} />
        <TextField field={fields.signedOn} label={t('protocols.fields.signedOn')} type="date" />
      </fieldset>

      <fieldset>
        <legend>{t('protocols.form.parties')}</legend>
        <p className="hint">{t('protocols.form.authorityParty', { authority: props.authorityName })}</p>
        <TextField
          field={fields.authorityRegistrationNumber}
          label={t('protocols.fields.authorityRegistrationNumber')}
        />
        <TextField
          field={fields.authorityRegistrationDate}
          label={t('protocols.fields.authorityRegistrationDate')}
          type="date"
        />
        {partnerFields.map((partner, i) => {
          const p = partner.getFieldset()
          return (
            <fieldset key={partner.key}>
              <legend>{t('protocols.form.partner', { n: i + 1 })}</legend>
              <TextField field={p.name} label={t('protocols.fields.partnerName')} />
              <TextField field={p.registrationNumber} label={t('protocols.fields.registrationNumber')} />
              <TextField field={p.registrationDate} label={t('protocols.fields.registrationDate')} type="date" />
              <TextField field={p.contactName} label={t('protocols.fields.contactName')} autoComplete="off" />
              <TextField
                field={p.contactEmail}
                label={t('protocols.fields.contactEmail')}
                type="email"
                autoComplete="off"
                hint={t('protocols.form.contactHint')}
              />
            </fieldset>
          )
        })}
      </fieldset>

      <fieldset>
        <legend>{t('protocols.form.term')}</legend>
        <TextField
          field={fields.validityText}
          label={t('protocols.fields.validityText')}
          hint={t('protocols.form.validityTextHint')}
        />
        <SelectField
          field={fields.termType}
          label={t('protocols.fields.termType')}
          hint={t('protocols.form.termTypeHint')}
          options={TERM_TYPES.map((k) => ({ value: k, label: t(`termTypes.${k}`) }))}
        />
        <TextField field={fields.start} label={t('protocols.fields.start')} type="date" />
        <TextField
          field={fields.end}
          label={t('protocols.fields.end')}
          hint={t('protocols.form.endHint')}
          type="date"
        />
        <div className="field-row">
          <TextField
            field={fields.renewalAmount}
            label={t('protocols.fields.renewalAmount')}
            type="number"
            hint={t('protocols.form.renewalHint')}
          />
          <SelectField field={fields.renewalUnit} label={t('protocols.fields.unit')} options={unitOptions} />
        </div>
        <div className="field-row">
          <TextField
            field={fields.noticeAmount}
            label={t('protocols.fields.noticeAmount')}
            type="number"
            hint={t('protocols.form.noticeHint')}
          />
          <SelectField field={fields.noticeUnit} label={t('protocols.fields.unit')} options={unitOptions} />
        </div>
        <TextField
          field={fields.condition}
          label={t('protocols.fields.condition')}
          hint={t('protocols.form.conditionHint')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('protocols.form.management')}</legend>
        <SelectField
          field={fields.responsibleUserId}
          label={t('protocols.fields.responsible')}
          options={[
            { value: '', label: t('protocols.form.nobody') },
            ...props.staff.map((s) => ({ value: s.userId, label: s.name })),
          ]}
        />
        <div className="field">
          <label className="checkbox" htmlFor={fields.isPublic.id}>
            <input key={publicKey} {...publicInput} />
            <span>{t('protocols.fields.isPublic')}</span>
          </label>
        </div>
        <div className="field">
          <label className="checkbox" htmlFor={fields.remindPartners.id}>
            <input
              key={remindKey}
              {...remindInput}
              aria-describedby={[
                remindHintId,
                fields.remindPartners.errors?.length ? fields.remindPartners.errorId : null,
              ]
                .filter(Boolean)
                .join(' ')}
            />
            <span>{t('protocols.fields.remindPartners')}</span>
          </label>
          <p id={remindHintId} className="hint">
            {t('protocols.form.remindPartnersHint')}
          </p>
          <FieldErrors field={fields.remindPartners} />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </div>
    </Form>
  )
}
