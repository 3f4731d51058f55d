import { getCollectionProps, getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FieldErrors, FormErrors, TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import { bucharestDate, formatDate } from '~/domain/dates'
import type { Resource } from '~/domain/permissions'
import { STAFF_ROLES, type StaffRole } from '~/domain/roles'
import {
  createInvitation,
  findStaffMemberByEmail,
  getAuthorityBySlug,
  hasPendingInvitation,
  isStaffMember,
  LastAdminError,
  listPendingInvitationDetails,
  listPendingInvitations,
  listStaff,
  revokeInvitation,
  setStaffRoles,
} from '~/models/authority.server'
import { useRootData } from '~/root'
import { getConfig } from '~/services/config.server'
import { sendEmail } from '~/services/email.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { localeFromMatches, pageTitle, plainTitle, translator } from '~/utils/meta'

export const handle = { staffBreadcrumb: 'staff.team.title' }

const DONE = ['invited', 'rolesChanged', 'removed', 'revoked'] as const

const rolesField = z
  .array(z.enum(STAFF_ROLES, { errorMap: () => ({ message: 'validation.chooseOption' }) }), {
    required_error: 'validation.chooseRole',
  })
  .min(1, 'validation.chooseRole')

const setRolesSchema = z.object({
  intent: z.literal('set-roles'),
  userId: z.string({ required_error: 'validation.required' }).min(1),
  roles: rolesField,
})

const inviteSchema = z.object({
  intent: z.literal('invite'),
  email: emailField,
  roles: rolesField,
})

/** What the action sends back: the form it concerns, Conform's result and/or a message key. */
type ActionData = { form: string; result?: SubmissionResult<string[]>; error?: string }

/** Roles in their canonical order, each once. */
function ordered(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((r) => roles.includes(r))
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, 'staff.team.title')
  const t = translator(localeFromMatches(matches))
  return plainTitle(matches, t('staff.pageTitle', { page: t('staff.team.title'), authority: data.authority.name }))
}

function load(request: Request, slug: string | undefined) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const resource: Resource = { type: 'authority', authorityId: authority.id }
  return { authority, ...requirePermission(request, 'authority.manage_staff', resource) }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, user } = load(request, params.slug)
  return {
    authority: { slug: authority.slug, name: authority.name },
    currentUserId: user.id,
    staff: listStaff(authority.id),
    pending: listPendingInvitationDetails(authority.id).map((i) => ({
      id: i.id,
      email: i.email,
      roles: i.roles,
      inviterName: i.inviterName,
      sentOn: formatDate(bucharestDate(i.createdAt)),
      expiresOn: formatDate(bucharestDate(i.expiresAt)),
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, user, actor } = load(request, params.slug)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const base = `/a/${authority.slug}/staff`

  /** Where to go after a change of someone's roles: away from this page if one's own access ended. */
  const afterRolesChange = (userId: string, roles: StaffRole[], done: (typeof DONE)[number]) => {
    if (userId === user.id && !actor.isPlatformAdmin) {
      if (roles.length === 0) return `/a/${authority.slug}`
      if (!roles.includes('admin')) return `${base}?done=ownRolesChanged`
    }
    return `${base}/team?done=${done}`
  }

  switch (intent) {
    case 'set-roles': {
      const submission = parseWithZod(formData, { schema: setRolesSchema })
      const form = `roles-${String(formData.get('userId') ?? '')}`
      if (submission.status !== 'success') return invalid<ActionData>({ form, result: submission.reply() })
      const { userId } = submission.value
      const roles = ordered(submission.value.roles)
      if (!isStaffMember(authority.id, userId)) {
        return invalid<ActionData>({ form, error: 'staff.team.notMember' })
      }
      try {
        setStaffRoles(authority.id, userId, roles, user.id)
      } catch (e) {
        if (e instanceof LastAdminError) {
          // The row shows the roles actually held again, with the reason above the table.
          return data<ActionData>({ form, error: 'staff.team.lastAdmin' }, { status: 409 })
        }
        throw e
      }
      return redirect(afterRolesChange(userId, roles, 'rolesChanged'))
    }

    case 'remove': {
      const userId = String(formData.get('userId') ?? '')
      const form = `remove-${userId}`
      if (!isStaffMember(authority.id, userId)) {
        return invalid<ActionData>({ form, error: 'staff.team.notMember' })
      }
      try {
        setStaffRoles(authority.id, userId, [], user.id)
      } catch (e) {
        if (e instanceof LastAdminError) {
          return data<ActionData>({ form, error: 'staff.team.lastAdmin' }, { status: 409 })
        }
        throw e
      }
      return redirect(afterRolesChange(userId, [], 'removed'))
    }

    case 'invite': {
      const submission = parseWithZod(formData, { schema: inviteSchema })
      if (submission.status !== 'success') return invalid<ActionData>({ form: 'invite', result: submission.reply() })
      const { email } = submission.value
      const roles = ordered(submission.value.roles)
      if (findStaffMemberByEmail(authority.id, email)) {
        return invalid<ActionData>({
          form: 'invite',
          result: submission.reply({ fieldErrors: { email: ['staff.team.invite.alreadyStaff'] } }),
        })
      }
      if (hasPendingInvitation(authority.id, email)) {
        return invalid<ActionData>({
          form: 'invite',
          result: submission.reply({ fieldErrors: { email: ['staff.team.invite.alreadyInvited'] } }),
        })
      }
      const { invitation, token } = createInvitation(authority.id, email, roles, user.id)
      await sendEmail({
        template: 'staff-invitation',
        to: invitation.email,
        locale: 'ro',
        authorityId: authority.id,
        data: {
          authorityName: authority.name,
          inviterName: user.name,
          roles,
          acceptUrl: `${getConfig().appUrl}/invitations/${token}`,
          expiresOn: formatDate(bucharestDate(invitation.expiresAt)),
        },
      })
      return redirect(`${base}/team?done=invited`)
    }

    case 'revoke': {
      const invitationId = String(formData.get('invitationId') ?? '')
      const pending = listPendingInvitations(authority.id).some((i) => i.id === invitationId)
      if (!pending) return redirect(`${base}/team`)
      revokeInvitation(authority.id, invitationId, user.id)
      return redirect(`${base}/team?done=revoked`)
    }

    default:
      throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
  }
}

function RoleFieldset({ field, legend }: { field: FieldMetadata<StaffRole[]>; legend: string }) {
  const { t } = useTranslation()
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {getCollectionProps(field, { type: 'checkbox', options: [...STAFF_ROLES] }).map(({ key, ...props }) => (
        <label key={key} className="checkbox" htmlFor={props.id}>
          <input {...props} />
          <span>{t(`roles.${props.value}`)}</span>
        </label>
      ))}
      <FieldErrors field={field} />
    </fieldset>
  )
}

type Member = ReturnType<typeof useLoaderData<typeof loader>>['staff'][number]

function MemberRow({ member, isYou, actionData }: { member: Member; isYou: boolean; actionData?: ActionData }) {
  const { t } = useTranslation()
  const formId = `roles-${member.userId}`
  const [form, fields] = useForm({
    id: formId,
    lastResult: actionData?.form === formId ? actionData.result : undefined,
    defaultValue: { roles: member.roles },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setRolesSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <tr>
      <th scope="row">
        {member.name}
        {isYou ? ` ${t('staff.team.you')}` : null}
      </th>
      <td>{member.email}</td>
      <td>{member.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
      <td>
        <Form method="post" className="stacked" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="set-roles" />
          <input type="hidden" name="userId" value={member.userId} />
          <FormErrors errors={form.errors} />
          <RoleFieldset field={fields.roles} legend={t('staff.team.rolesFor', { name: member.name })} />
          <div>
            <button type="submit" className="button secondary">
              {t('staff.team.saveRoles')}
              <span className="visually-hidden"> {t('staff.team.saveRolesFor', { name: member.name })}</span>
            </button>
          </div>
        </Form>
      </td>
      <td>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="userId" value={member.userId} />
          <button type="submit" className="button danger">
            {t('staff.team.remove')}
            <span className="visually-hidden"> {t('staff.team.removeFor', { name: member.name })}</span>
          </button>
        </Form>
      </td>
    </tr>
  )
}

function InviteForm({ actionData }: { actionData?: ActionData }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.form === 'invite' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stacked" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="invite" />
      <FormErrors errors={form.errors} />
      <TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="off" />
      <RoleFieldset field={fields.roles} legend={t('staff.team.invite.rolesLegend')} />
      <div className="actions">
        <button type="submit" className="button">
          {t('staff.team.invite.submit')}
        </button>
      </div>
    </Form>
  )
}

export default function StaffTeam() {
  const { t } = useTranslation()
  const { staff, pending, currentUserId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const rootData = useRootData()
  const location = useLocation()
  const [searchParams] = useSearchParams()
  // A form sent back with errors posts to this URL too: an earlier ?done= no longer applies.
  const done = actionData ? undefined : DONE.find((d) => d === searchParams.get('done'))
  const errorFor = actionData?.error
    ? staff.find((m) => actionData.form === `roles-${m.userId}` || actionData.form === `remove-${m.userId}`)
    : undefined

  return (
    <>
      <h1>{t('staff.team.title')}</h1>
      <p className="lead">{t('staff.team.lead')}</p>
      {done ? (
        <div className="notice ok" role="status">
          <p>{t(`staff.team.done.${done}`)}</p>
          {done === 'invited' && rootData?.localOutbox ? <p>{t('staff.team.localOutbox')}</p> : null}
        </div>
      ) : null}

      <section aria-labelledby="team-members">
        <h2 id="team-members">{t('staff.team.membersTitle')}</h2>
        {actionData?.error ? (
          <div className="notice error" role="alert">
            <p>
              {errorFor ? `${errorFor.name}: ` : null}
              {t(actionData.error)}
            </p>
          </div>
        ) : null}
        {staff.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('staff.team.membersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.team.name')}</th>
                  <th scope="col">{t('staff.team.email')}</th>
                  <th scope="col">{t('staff.team.currentRoles')}</th>
                  <th scope="col">{t('staff.team.changeRoles')}</th>
                  <th scope="col">{t('staff.team.remove')}</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((m) => (
                  <MemberRow
                    key={`${m.userId}:${m.roles.join(',')}:${location.key}`}
                    member={m}
                    isYou={m.userId === currentUserId}
                    actionData={actionData}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('staff.team.noMembers')}</p>
        )}
      </section>

      <section aria-labelledby="team-invite">
        <h2 id="team-invite">{t('staff.team.invite.title')}</h2>
        <p>{t('staff.team.invite.intro')}</p>
        <InviteForm key={location.key} actionData={actionData} />
      </section>

      <section aria-labelledby="team-pending">
        <h2 id="team-pending">{t('staff.team.pending.title')}</h2>
        {pending.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('staff.team.pending.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.team.email')}</th>
                  <th scope="col">{t('staff.team.pending.roles')}</th>
                  <th scope="col">{t('staff.team.pending.invitedBy')}</th>
                  <th scope="col">{t('staff.team.pending.sentOn')}</th>
                  <th scope="col">{t('staff.team.pending.expiresOn')}</th>
                  <th scope="col">{t('staff.team.pending.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.email}</th>
                    <td>{i.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                    <td>{i.inviterName}</td>
                    <td>{i.sentOn}</td>
                    <td>{i.expiresOn}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="button secondary">
                          {t('staff.team.pending.revoke')}
                          <span className="visually-hidden">
                            {' '}
                            {t('staff.team.pending.revokeFor', { email: i.email })}
                          </span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('staff.team.pending.none')}</p>
        )}
      </section>
    </>
  )
}
