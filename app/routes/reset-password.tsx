import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, TextField } from '~/components/forms'
import { passwordField } from '~/domain/account-rules'
import { findUsablePasswordReset, resetPassword } from '~/models/user.server'
import { clearSessionCookieHeader } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z
  .object({
    token: z.string({ required_error: 'validation.required' }),
    password: passwordField,
    confirmPassword: z.string({ required_error: 'validation.required' }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordsDiffer' })

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.reset.title')

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token, usable: Boolean(token && findUsablePasswordReset(token)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema })
  const hide = { hideFields: ['password', 'confirmPassword'] }
  if (submission.status !== 'success') return invalid(submission.reply(hide))
  const userId = await resetPassword(submission.value.token, submission.value.password)
  if (!userId) return invalid(submission.reply({ formErrors: ['account.reset.unusable'], ...hide }))
  return redirect('/login?reset=1', { headers: { 'Set-Cookie': clearSessionCookieHeader() } })
}

export default function ResetPassword() {
  const { t } = useTranslation()
  const { token, usable } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  })
  if (!usable) {
    return (
      <div className="page narrow">
        <h1>{t('account.reset.title')}</h1>
        <div className="notice error" role="alert">
          <p>{t('account.reset.unusable')}</p>
        </div>
        <p>
          <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t('account.reset.title')}</h1>
      <p className="lead">{t('account.reset.intro')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="token" value={token} />
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
        <div className="actions">
          <button type="submit" className="button">
            {t('account.reset.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
