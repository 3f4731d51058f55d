import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import { bucharestDate, formatDate } from '~/domain/dates'
import { AUTHORITY_KINDS } from '#db/schema.ts'
import { SLUG_PATTERN, slugify } from '~/domain/slug'
import { createAuthority, createInvitation, SlugTakenError } from '~/models/authority.server'
import { getConfig } from '~/services/config.server'
import { sendEmail } from '~/services/email.server'
import { requirePermission } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z.object({
  name: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(3, 'validation.nameTooShort')
    .max(200, 'validation.tooLong'),
  slug: z.string().trim().max(60, 'validation.tooLong').regex(SLUG_PATTERN, 'validation.slug').optional(),
  kind: z.enum(AUTHORITY_KINDS, { errorMap: () => ({ message: 'validation.chooseOption' }) }),
  county: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(2, 'validation.nameTooShort')
    .max(100, 'validation.tooLong'),
  contactEmail: emailField,
  postalAddress: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(5, 'validation.nameTooShort')
    .max(500, 'validation.tooLong'),
  adminEmail: emailField.optional(),
})

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin.authorities.create')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'platform.manage_authorities', { type: 'platform' })
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = requirePermission(request, 'platform.manage_authorities', { type: 'platform' })
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const { adminEmail, slug, ...fields } = submission.value
  let authority
  try {
    authority = createAuthority({ ...fields, slug: slug || slugify(fields.name) }, user.id)
  } catch (e) {
    if (e instanceof SlugTakenError)
      return invalid(submission.reply({ fieldErrors: { slug: ['admin.authorities.slugTaken'] } }))
    throw e
  }
  if (adminEmail) {
    const { invitation, token } = createInvitation(authority.id, adminEmail, ['admin'], user.id)
    await sendEmail({
      template: 'staff-invitation',
      to: adminEmail,
      locale: 'ro',
      authorityId: authority.id,
      data: {
        authorityName: authority.name,
        inviterName: user.name,
        roles: ['admin'],
        acceptUrl: `${getConfig().appUrl}/invitations/${token}`,
        expiresOn: formatDate(bucharestDate(invitation.expiresAt)),
      },
    })
  }
  return redirect(`/a/${authority.slug}`)
}

export default function NewAuthority() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { kind: 'local_council' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  })
  return (
    <div className="page medium">
      <h1>{t('admin.authorities.create')}</h1>
      <p className="lead">{t('admin.authorities.createIntro')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.name} label={t('fields.name')} hint={t('admin.authorities.nameHint')} />
        <TextField field={fields.slug} label={t('fields.slug')} hint={t('admin.authorities.slugHint')} />
        <SelectField
          field={fields.kind}
          label={t('fields.authorityKind')}
          options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(`authorityKinds.${k}`) }))}
        />
        <TextField field={fields.county} label={t('fields.county')} />
        <TextField
          field={fields.contactEmail}
          label={t('fields.contactEmail')}
          type="email"
          hint={t('admin.authorities.contactHint')}
        />
        <TextAreaField field={fields.postalAddress} label={t('fields.postalAddress')} rows={3} />
        <TextField
          field={fields.adminEmail}
          label={t('admin.authorities.adminEmail')}
          type="email"
          hint={t('admin.authorities.adminEmailHint')}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('admin.authorities.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
