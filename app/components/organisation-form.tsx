import { useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ORGANISATION_KINDS } from '#db/schema.ts'
import { SelectField, TextAreaField, TextField } from '~/components/forms'
import { organisationSchema } from '~/domain/organisation-rules'

/** The organisation form's state and fields, shared by the create and edit pages. */
export function useOrganisationForm(
  lastResult: SubmissionResult<string[]> | undefined,
  defaultValue?: Partial<Record<keyof z.input<typeof organisationSchema>, string>>,
) {
  return useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

type OrganisationFieldset = ReturnType<typeof useOrganisationForm>[1]

export function OrganisationFields({ fields }: { fields: OrganisationFieldset }) {
  const { t } = useTranslation()
  return (
    <>
      <TextField field={fields.name} label={t('organisations.fields.name')} autoComplete="organization" />
      <SelectField
        field={fields.kind}
        label={t('organisations.fields.kind')}
        options={[
          { value: '', label: t('organisations.fields.chooseKind') },
          ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) })),
        ]}
      />
      <TextField
        field={fields.registryNumber}
        label={t('organisations.fields.registryNumber')}
        hint={t('organisations.fields.registryNumberHint')}
      />
      <TextField
        field={fields.website}
        label={t('organisations.fields.website')}
        hint={t('organisations.fields.websiteHint')}
        type="url"
        autoComplete="url"
      />
      <TextField
        field={fields.contactEmail}
        label={t('fields.contactEmail')}
        hint={t('organisations.fields.contactEmailHint')}
        type="email"
        autoComplete="email"
      />
      <TextAreaField
        field={fields.description}
        label={t('organisations.fields.description')}
        hint={t('organisations.fields.descriptionHint')}
        rows={5}
      />
    </>
  )
}
