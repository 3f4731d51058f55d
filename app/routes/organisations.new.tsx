import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ORGANISATION_KINDS } from '#db/schema.ts'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import { createOrganisation, type OrganisationInput } from '~/models/organisation.server'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

/*
 * The organisation form (schema, hook and fields) is shared with organisations.$slug.edit.tsx.
 * It belongs in app/domain + app/components; it lives here only until those files can be touched.
 */

function isHttpUrl(value: string): boolean {
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

export function toOrganisationInput(value: z.output<typeof organisationSchema>): OrganisationInput {
  return {
    name: value.name,
    kind: value.kind,
    registryNumber: value.registryNumber,
    website: value.website ?? null,
    contactEmail: value.contactEmail,
    description: value.description,
  }
}

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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.new.title')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'organisation.create', { type: 'platform' })
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = requirePermission(request, 'organisation.create', { type: 'platform' })
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema })
  if (submission.status !== 'success') return submission.reply()
  const organisation = createOrganisation(toOrganisationInput(submission.value), user.id)
  throw redirect(`/organisations/${organisation.slug}?done=created`)
}

export default function NewOrganisation() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useOrganisationForm(lastResult)
  return (
    <div className="page narrow">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisations">{t('organisations.list.title')}</Link>
          </li>
          <li aria-current="page">{t('organisations.new.title')}</li>
        </ol>
      </nav>
      <h1>{t('organisations.new.title')}</h1>
      <p className="lead">{t('organisations.new.intro')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <OrganisationFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button">
            {t('organisations.new.submit')}
          </button>
          <Link to="/organisations">{t('organisations.edit.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
