import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import { createPasswordReset, getUserByEmail } from '~/models/user.server'
import { getConfig } from '~/services/config.server'
import { sendEmail } from '~/services/email.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z.object({ email: emailField })

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.forgot.title')

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const user = getUserByEmail(submission.value.email)
  if (user) {
    const token = createPasswordReset(user.id)
    await sendEmail({
      template: 'password-reset',
      to: user.email,
      locale: user.locale,
      userId: user.id,
      data: { name: user.name, resetUrl: `${getConfig().appUrl}/reset-password?token=${encodeURIComponent(token)}` },
    })
  }
  // The same answer whether or not the address has an account: nothing is revealed.
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPassword() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  })
  return (
    <div className="page narrow">
      <h1>{t('account.forgot.title')}</h1>
      {searchParams.get('sent') ? (
        <div className="notice ok" role="status">
          <p>{t('account.forgot.sent')}</p>
        </div>
      ) : (
        <p className="lead">{t('account.forgot.intro')}</p>
      )}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <div className="actions">
          <button type="submit" className="button">
            {t('account.forgot.submit')}
          </button>
          <Link to="/login">{t('account.forgot.back')}</Link>
        </div>
      </Form>
    </div>
  )
}
