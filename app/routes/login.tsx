import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  data,
  redirect,
  type HeadersFunction,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import { checkLoginThrottle, clearAccountThrottle, recordLoginFailure } from '~/models/throttle.server'
import { getUserByEmail } from '~/models/user.server'
import { verifyAgainstDummy, verifyPassword } from '~/services/password.server'
import { getUser, safeRedirect, startSession } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const schema = z.object({
  email: emailField,
  password: z.string({ required_error: 'validation.required' }).max(200, 'validation.tooLong'),
  redirectTo: z.string().optional(),
})

/** A throttled attempt tells the client when to try again. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export function loader({ request }: LoaderFunctionArgs) {
  if (getUser(request)) throw redirect('/account')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return invalid({ result: submission.reply({ hideFields: ['password'] }) })
  const { email, password, redirectTo } = submission.value
  const ip = context.clientIp ?? 'unknown'

  const throttle = checkLoginThrottle(email, ip)
  if (!throttle.allowed) {
    return data(
      { result: undefined, throttled: throttle.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
    )
  }
  const user = getUserByEmail(email)
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
  if (!user || !ok) {
    recordLoginFailure(email, ip)
    return invalid({ result: submission.reply({ formErrors: ['login.invalid'], hideFields: ['password'] }) })
  }
  clearAccountThrottle(email)
  const cookie = startSession(user.id, request)
  const target = user.emailVerifiedAt ? safeRedirect(redirectTo, '/') : '/account/verify'
  return redirect(target, { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const result = actionData?.result
  const [form, fields] = useForm({
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  })
  const throttled = actionData && 'throttled' in actionData ? actionData.throttled : undefined
  const notice = searchParams.get('reset')
    ? 'login.afterReset'
    : searchParams.get('verified')
      ? 'login.verified'
      : searchParams.get('everywhere')
        ? 'login.everywhere'
        : null
  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      {notice ? (
        <div className="notice ok" role="status">
          <p>{t(notice)}</p>
        </div>
      ) : null}
      {throttled ? (
        <div className="notice error" role="alert">
          <p>{t('login.throttled', { seconds: throttled })}</p>
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </Form>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </div>
  )
}
