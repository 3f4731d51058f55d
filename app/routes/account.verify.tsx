import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, TextField } from '~/components/forms'
import { verificationCodeField } from '~/domain/account-rules'
import { verifyEmailCode } from '~/models/user.server'
import { sendVerificationEmail } from '~/models/verification-email.server'
import { getUser } from '~/utils/auth.server'
import { useRootData } from '~/root'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z.object({ code: verificationCodeField, request: z.string().optional() })

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title')

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const requestId = url.searchParams.get('request')
  const code = url.searchParams.get('code')
  const user = getUser(request)
  if (!requestId) {
    if (!user) throw redirect('/login?redirectTo=/account/verify')
    if (user.emailVerifiedAt) throw redirect('/account')
  }
  return {
    email: user && !user.emailVerifiedAt ? user.email : null,
    link: requestId ? { request: requestId, code: code ?? '' } : null,
    sent: url.searchParams.get('sent') === '1',
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const user = getUser(request)
  if (formData.get('intent') === 'resend') {
    if (!user) throw redirect('/login?redirectTo=/account/verify')
    if (!user.emailVerifiedAt) await sendVerificationEmail(user)
    return redirect('/account/verify?sent=1')
  }
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const { code, request: requestId } = submission.value
  const lookup = requestId ? { requestId } : user ? { userId: user.id } : null
  if (!lookup) throw redirect('/login?redirectTo=/account/verify')
  const outcome = verifyEmailCode(lookup, code)
  if (!outcome.ok) return invalid(submission.reply({ fieldErrors: { code: [`verify.errors.${outcome.reason}`] } }))
  if (user && user.id === outcome.userId) return redirect('/account?verified=1')
  return redirect('/login?verified=1')
}

export default function VerifyEmail() {
  const { t } = useTranslation()
  const { email, link, sent } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { code: link?.code ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="page narrow">
      <h1>{t('verify.title')}</h1>
      {link ? <p className="lead">{t('verify.fromLink')}</p> : <p className="lead">{t('verify.intro', { email })}</p>}
      {sent ? (
        <div className="notice ok" role="status">
          <p>{t('verify.sent', { email })}</p>
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {link ? <input type="hidden" name="request" value={link.request} /> : null}
        <TextField
          field={fields.code}
          label={t('verify.code')}
          hint={t('verify.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('verify.submit')}
          </button>
        </div>
      </Form>
      {email ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="resend" />
          <p className="muted">{t('verify.noEmail')}</p>
          <button type="submit" className="button secondary">
            {t('verify.resend')}
          </button>
        </Form>
      ) : null}
      <LocalOutboxHint />
    </div>
  )
}

function LocalOutboxHint() {
  const { t } = useTranslation()
  if (!useRootData()?.localOutbox) return null
  return (
    <p className="muted">
      {t('verify.localOutbox')} <Link to="/admin/outbox">{t('verify.localOutboxLink')}</Link>
    </p>
  )
}
