import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, TextField } from '~/components/forms'
import { emailField, nameField, passwordField } from '~/domain/account-rules'
import { acceptInvitation, findInvitation } from '~/models/authority.server'
import { createUser, getUserByEmail } from '~/models/user.server'
import { sendVerificationEmail } from '~/models/verification-email.server'
import { getUser, startSession } from '~/utils/auth.server'
import { getLocale } from '~/utils/i18n.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z
  .object({
    name: nameField,
    email: emailField,
    password: passwordField,
    confirmPassword: z.string({ required_error: 'validation.required' }),
    invitation: z.string().optional(),
    acceptTerms: z.literal('on', { errorMap: () => ({ message: 'validation.acceptTerms' }) }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  })

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup.title')

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('invitation')
  if (getUser(request)) throw redirect(token ? `/invitations/${encodeURIComponent(token)}` : '/account')
  const lookup = token ? findInvitation(token) : null
  return {
    invitation:
      lookup?.status === 'valid'
        ? { token: token!, email: lookup.invitation.email, authority: lookup.authority.name }
        : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return invalid(submission.reply({ hideFields: ['password', 'confirmPassword'] }))
  }
  const { name, email, password, invitation: token } = submission.value
  const invitation = token ? findInvitation(token) : null
  const invited = invitation?.status === 'valid' && invitation.invitation.email === email ? invitation : null

  if (getUserByEmail(email)) {
    return invalid(
      submission.reply({ fieldErrors: { email: ['signup.emailTaken'] }, hideFields: ['password', 'confirmPassword'] }),
    )
  }
  const locale = await getLocale(request)
  // An invitation link proves the address: the invited person need not verify it again.
  const user = await createUser({ email, name, password, locale, emailVerified: Boolean(invited) })
  const cookie = startSession(user.id, request)
  if (invited) {
    acceptInvitation(invited.invitation, user.id)
    return redirect(`/a/${invited.authority.slug}/staff`, { headers: { 'Set-Cookie': cookie } })
  }
  await sendVerificationEmail(user)
  return redirect('/account/verify', { headers: { 'Set-Cookie': cookie } })
}

export default function Signup() {
  const { t } = useTranslation()
  const { invitation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { email: invitation?.email ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="page narrow">
      <h1>{t('signup.title')}</h1>
      {invitation ? (
        <div className="notice" role="status">
          <p>{t('signup.invited', { authority: invitation.authority })}</p>
        </div>
      ) : (
        <p className="lead">{t('signup.intro')}</p>
      )}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        <TextField field={fields.name} label={t('fields.fullName')} autoComplete="name" />
        <TextField
          field={fields.email}
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          hint={t('signup.emailHint')}
        />
        <TextField
          field={fields.password}
          label={t('fields.newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('signup.passwordHint')}
        />
        <TextField
          field={fields.confirmPassword}
          label={t('fields.confirmPassword')}
          type="password"
          autoComplete="new-password"
        />
        <div className="field">
          <label className="checkbox" htmlFor={fields.acceptTerms.id}>
            <input
              type="checkbox"
              id={fields.acceptTerms.id}
              name={fields.acceptTerms.name}
              aria-invalid={fields.acceptTerms.errors ? true : undefined}
              aria-describedby={fields.acceptTerms.errors ? fields.acceptTerms.errorId : undefined}
            />
            <span>{t('signup.acceptTerms')}</span>
          </label>
          {fields.acceptTerms.errors ? (
            <p id={fields.acceptTerms.errorId} className="field-error">
              {fields.acceptTerms.errors.map((e) => t(e)).join(' ')}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('signup.submit')}
          </button>
        </div>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </div>
  )
}
