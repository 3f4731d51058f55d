import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, SelectField, TextField } from '~/components/forms'
import { nameField, passwordField } from '~/domain/account-rules'
import { formatDateTime } from '~/domain/dates'
import { getAuthorityById, staffRolesOf } from '~/models/authority.server'
import { createOrRegenerateFeed, getFeed, revokeFeed } from '~/models/calendar-feed.server'
import { organisationsOfUser } from '~/models/organisation.server'
import { invalidateUserSessions, listUserSessions } from '~/models/session.server'
import { changePassword, updateUserProfile } from '~/models/user.server'
import { getConfig } from '~/services/config.server'
import { verifyPassword } from '~/services/password.server'
import { clearSessionCookieHeader, forbidden, getAuth, requireUser, startSession } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { localeCookie } from '~/utils/i18n.server'
import { pageTitle } from '~/utils/meta'

const profileSchema = z.object({
  intent: z.literal('profile'),
  name: nameField,
  locale: z.enum(['ro', 'en'], { errorMap: () => ({ message: 'validation.chooseOption' }) }),
})

const passwordSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: z.string({ required_error: 'validation.required' }),
    newPassword: passwordField,
    confirmPassword: z.string({ required_error: 'validation.required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  })

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title')

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const current = getAuth(request)?.sessionId
  const staff = Object.entries(staffRolesOf(user.id)).flatMap(([authorityId, roles]) => {
    const authority = getAuthorityById(authorityId)
    return authority ? [{ authority: { id: authority.id, slug: authority.slug, name: authority.name }, roles }] : []
  })
  return {
    user: { id: user.id, name: user.name, email: user.email, locale: user.locale },
    sessions: listUserSessions(user.id).map((s) => ({
      id: s.id.slice(0, 6),
      current: s.id === current,
      createdAt: formatDateTime(s.createdAt),
      lastSeen: formatDateTime(s.lastVerifiedAt),
      userAgent: s.userAgent,
    })),
    organisations: organisationsOfUser(user.id),
    staff,
    // The protocol deadlines feed, for staff of any authority only.
    calendar: staff.length > 0 ? { createdAt: formatFeedDate(getFeed(user.id)?.createdAt) } : null,
  }
}

function formatFeedDate(date: Date | undefined) {
  return date ? formatDateTime(date) : null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'logout-everywhere') {
    invalidateUserSessions(user.id)
    return redirect('/login?everywhere=1', { headers: { 'Set-Cookie': clearSessionCookieHeader() } })
  }

  if (intent === 'calendar-create' || intent === 'calendar-revoke') {
    if (Object.keys(staffRolesOf(user.id)).length === 0) throw forbidden()
    if (intent === 'calendar-revoke') {
      revokeFeed(user.id)
      return redirect('/account?calendar=revoked')
    }
    // The secret exists only in this answer: the page shows the address once.
    const token = createOrRegenerateFeed(user.id)
    return { form: 'calendar' as const, feedUrl: `${getConfig().appUrl}/calendar/${token}.ics` }
  }

  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: profileSchema })
    if (submission.status !== 'success') return invalid({ form: 'profile' as const, result: submission.reply() })
    updateUserProfile(user, { name: submission.value.name, locale: submission.value.locale })
    return redirect('/account?done=profile', {
      headers: { 'Set-Cookie': await localeCookie.serialize(submission.value.locale) },
    })
  }

  const submission = parseWithZod(formData, { schema: passwordSchema })
  const hide = { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] }
  if (submission.status !== 'success') return invalid({ form: 'password' as const, result: submission.reply(hide) })
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, submission.value.currentPassword))) {
    return invalid({
      form: 'password' as const,
      result: submission.reply({ fieldErrors: { currentPassword: ['account.password.wrongCurrent'] }, ...hide }),
    })
  }
  // A new password ends every session; this browser gets a fresh one.
  await changePassword(user.id, submission.value.newPassword, 'changed')
  return redirect('/account?done=password', { headers: { 'Set-Cookie': startSession(user.id, request) } })
}

export default function Account() {
  const { t } = useTranslation()
  const { user, sessions, organisations, staff, calendar } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const done = searchParams.get('done') ?? (searchParams.get('verified') ? 'verified' : null)
  const feedUrl = actionData?.form === 'calendar' ? actionData.feedUrl : null
  const calendarRevoked = searchParams.get('calendar') === 'revoked'

  const [profileForm, profileFields] = useForm({
    id: 'profile',
    lastResult: actionData?.form === 'profile' ? actionData.result : undefined,
    defaultValue: { name: user.name, locale: user.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    shouldValidate: 'onBlur',
  })
  const [passwordForm, passwordFields] = useForm({
    id: 'password',
    lastResult: actionData?.form === 'password' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
    shouldValidate: 'onBlur',
  })

  return (
    <div className="page medium">
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.signedInAs', { name: user.name, email: user.email })}</p>
      {done ? (
        <div className="notice ok" role="status">
          <p>{t(`account.done.${done}`)}</p>
        </div>
      ) : null}

      <section aria-labelledby="memberships">
        <h2 id="memberships">{t('account.memberships.title')}</h2>
        {staff.length === 0 && organisations.length === 0 ? (
          <p className="muted">{t('account.memberships.none')}</p>
        ) : null}
        <ul>
          {staff.map((s) => (
            <li key={s.authority.id}>
              <Link to={`/a/${s.authority.slug}/staff`}>{s.authority.name}</Link>:{' '}
              {s.roles.map((r) => t(`roles.${r}`)).join(', ')}
            </li>
          ))}
          {organisations.map((o) => (
            <li key={o.id}>
              <Link to={`/organisations/${o.slug}`}>{o.name}</Link>: {t(`account.memberships.${o.status}`)}
              {o.status === 'active' ? ` (${t(`account.memberships.role.${o.role}`)})` : ''}
            </li>
          ))}
        </ul>
        <p>
          <Link to="/organisations">{t('account.memberships.findOrganisation')}</Link>
        </p>
      </section>

      {calendar ? (
        <section aria-labelledby="calendar-title">
          <h2 id="calendar-title">{t('protocolRegistry.calendar.title')}</h2>
          <p>{t('protocolRegistry.calendar.intro')}</p>
          <p>{t('protocolRegistry.calendar.privacy')}</p>
          {calendarRevoked && !feedUrl ? (
            <div className="notice ok" role="status">
              <p>{t('protocolRegistry.calendar.revoked')}</p>
            </div>
          ) : null}
          {feedUrl ? (
            <div className="notice ok" role="status">
              <p>{t('protocolRegistry.calendar.created')}</p>
              <div className="field">
                <label htmlFor="calendar-url">{t('protocolRegistry.calendar.urlLabel')}</label>
                <input id="calendar-url" name="calendar-url" type="url" readOnly value={feedUrl} />
              </div>
              <p>
                <a href={feedUrl.replace(/^https?:/, 'webcal:')}>{t('protocolRegistry.calendar.subscribe')}</a>
              </p>
            </div>
          ) : calendar.createdAt ? (
            <p>{t('protocolRegistry.calendar.exists', { date: calendar.createdAt })}</p>
          ) : (
            <p className="muted">{t('protocolRegistry.calendar.none')}</p>
          )}
          {calendar.createdAt || feedUrl ? (
            <>
              <p id="calendar-regenerate-hint" className="muted">
                {t('protocolRegistry.calendar.regenerateHint')}
              </p>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="calendar-create" />
                  <button type="submit" className="button secondary" aria-describedby="calendar-regenerate-hint">
                    {t('protocolRegistry.calendar.regenerate')}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="calendar-revoke" />
                  <button type="submit" className="button danger">
                    {t('protocolRegistry.calendar.revoke')}
                  </button>
                </Form>
              </div>
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="calendar-create" />
              <button type="submit" className="button">
                {t('protocolRegistry.calendar.create')}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile.title')}</h2>
        <Form method="post" className="stacked" {...getFormProps(profileForm)}>
          <input type="hidden" name="intent" value="profile" />
          <FormErrors errors={profileForm.errors} />
          <TextField field={profileFields.name} label={t('fields.fullName')} autoComplete="name" />
          <SelectField
            field={profileFields.locale}
            label={t('account.profile.language')}
            hint={t('account.profile.languageHint')}
            options={[
              { value: 'ro', label: 'Română' },
              { value: 'en', label: 'English' },
            ]}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('account.profile.save')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password.title')}</h2>
        <p>{t('account.password.intro')}</p>
        <Form method="post" className="stacked" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <FormErrors errors={passwordForm.errors} />
          <TextField
            field={passwordFields.currentPassword}
            label={t('fields.currentPassword')}
            type="password"
            autoComplete="current-password"
          />
          <TextField
            field={passwordFields.newPassword}
            label={t('fields.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('signup.passwordHint')}
          />
          <TextField
            field={passwordFields.confirmPassword}
            label={t('fields.confirmPassword')}
            type="password"
            autoComplete="new-password"
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('account.password.save')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions.title')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('account.sessions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.device')}</th>
                <th scope="col">{t('account.sessions.started')}</th>
                <th scope="col">{t('account.sessions.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.userAgent ?? t('account.sessions.unknownDevice')}
                    {s.current ? (
                      <>
                        {' '}
                        <span className="badge ok">{t('account.sessions.current')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{s.createdAt}</td>
                  <td>{s.lastSeen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-everywhere" />
          <button type="submit" className="button secondary">
            {t('account.sessions.logoutEverywhere')}
          </button>
        </Form>
      </section>

      <p>
        <Link to={`/audit/user/${user.id}`}>{t('account.history')}</Link>
      </p>
    </div>
  )
}
