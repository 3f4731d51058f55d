import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { bucharestDate, formatDate } from '~/domain/dates'
import { isStaffRole, STAFF_ROLES } from '~/domain/roles'
import { acceptInvitationAsUser, findInvitation } from '~/models/authority.server'
import { endSession, forbidden, getUser, requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(
    matches,
    !data || data.status === 'valid' ? 'staff.invitation.title' : `staff.invitation.${data.status}.title`,
  )

export function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const lookup = findInvitation(token)
  if (lookup.status !== 'valid') {
    return data({ status: lookup.status }, { status: lookup.status === 'invalid' ? 404 : 410 })
  }
  const { invitation, authority } = lookup
  const user = getUser(request)
  const viewer = !user ? 'anonymous' : user.email.toLowerCase() === invitation.email ? 'invited' : 'otherAccount'
  return data({
    status: 'valid' as const,
    token,
    authorityName: authority.name,
    email: invitation.email,
    roles: STAFF_ROLES.filter((r) => invitation.roles.filter(isStaffRole).includes(r)),
    expiresOn: formatDate(bucharestDate(invitation.expiresAt)),
    viewer,
    currentEmail: user?.email ?? null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const here = `/invitations/${encodeURIComponent(token)}`
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'logout') {
    // Signed in with another address: leave that account and come back to the invitation.
    return redirect(here, { headers: { 'Set-Cookie': endSession(request) } })
  }
  if (intent !== 'accept') throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })

  const user = requireUser(request, { allowUnverified: true })
  const lookup = findInvitation(token)
  // Expired, used or revoked in the meantime: the page explains it.
  if (lookup.status !== 'valid') return redirect(here)
  if (user.email.toLowerCase() !== lookup.invitation.email) throw forbidden()
  acceptInvitationAsUser(lookup.invitation, user)
  return redirect(`/a/${lookup.authority.slug}/staff?done=joined`)
}

export default function InvitationPage() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()

  if (loaded.status !== 'valid') {
    return (
      <div className="page narrow">
        <h1>{t(`staff.invitation.${loaded.status}.title`)}</h1>
        <p>{t(`staff.invitation.${loaded.status}.body`)}</p>
        <p>
          <Link to="/">{t('staff.invitation.backHome')}</Link>
        </p>
      </div>
    )
  }

  const { token, authorityName, email, roles, expiresOn, viewer, currentEmail } = loaded
  const back = `/invitations/${token}`
  return (
    <div className="page narrow">
      <h1>{t('staff.invitation.heading', { authority: authorityName })}</h1>
      <p className="lead">
        {t('staff.invitation.intro', {
          authority: authorityName,
          roles: roles.map((r) => t(`roles.${r}`)).join(', '),
        })}
      </p>
      <ul>
        {roles.map((r) => (
          <li key={r}>
            {t('staff.overview.roleLine', { role: t(`roles.${r}`), description: t(`roleDescriptions.${r}`) })}
          </li>
        ))}
      </ul>
      <p>{t('staff.invitation.sentTo', { email, date: expiresOn })}</p>

      {viewer === 'invited' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <p className="muted">{t('staff.invitation.acceptHint', { email })}</p>
          <div className="actions">
            <button type="submit" className="button">
              {t('staff.invitation.accept')}
            </button>
          </div>
        </Form>
      ) : viewer === 'otherAccount' ? (
        <>
          <div className="notice warn">
            <p>{t('staff.invitation.otherAccount', { current: currentEmail, invited: email })}</p>
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="logout" />
            <button type="submit" className="button secondary">
              {t('staff.invitation.logout')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t('staff.invitation.anonymous', { email })}</p>
          <div className="actions">
            <Link to={`/login?redirectTo=${encodeURIComponent(back)}`} className="button">
              {t('staff.invitation.login')}
            </Link>
            <Link to={`/signup?invitation=${encodeURIComponent(token)}`} className="button secondary">
              {t('staff.invitation.signup')}
            </Link>
          </div>
        </>
      )}
    </div>
  )
}
