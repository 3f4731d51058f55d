import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormErrors, TextAreaField } from '~/components/forms'
import { can, decide, type Resource } from '~/domain/permissions'
import {
  countPendingRequests,
  getOrganisationBySlug,
  listMemberNames,
  membershipOf,
  requestMembership,
} from '~/models/organisation.server'
import { notifyMembershipRequested } from '~/models/membership-notifications.server'
import { invalid } from '~/utils/http.server'
import { getActor, notFound, requirePermission } from '~/utils/auth.server'
import { plainTitle } from '~/utils/meta'

const joinSchema = z.object({
  intent: z.literal('request_membership'),
  message: z.string().trim().max(1000, 'validation.tooLong').optional(),
})

/** What a visitor who is not a member can do about joining. */
type JoinState = 'signIn' | 'verify' | 'pending' | 'rejected' | 'open'

/** Feedback after a redirect (`?done=…`): only these values are shown. */
const DONE = ['created', 'saved', 'requested', 'left', 'steppedDown'] as const

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  plainTitle(matches, data?.organisation.name ?? '')

function organisationFor(slug: string | undefined) {
  const organisation = getOrganisationBySlug(slug ?? '')
  if (!organisation) throw notFound()
  return organisation
}

/** Public page; what a visitor sees beyond the public details depends on the permission module. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = organisationFor(params.slug)
  const resource: Resource = { type: 'organisation', organisationId: organisation.id }
  const actor = getActor(request)
  const membership = actor ? membershipOf(organisation.id, actor.userId) : undefined

  const joinDecision = decide(actor, 'organisation.request_membership', resource)
  const join: JoinState | null = joinDecision.allowed
    ? membership?.status === 'pending'
      ? 'pending'
      : membership?.status === 'rejected'
        ? 'rejected'
        : 'open'
    : joinDecision.reason === 'not_signed_in'
      ? 'signIn'
      : joinDecision.reason === 'email_not_verified'
        ? 'verify'
        : null // already a member

  const canManageMembers = can(actor, 'organisation.manage_members', resource)
  return {
    organisation: {
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      registryNumber: organisation.registryNumber,
      website: organisation.website,
      contactEmail: organisation.contactEmail,
      description: organisation.description,
    },
    join,
    myRole: membership?.status === 'active' ? membership.role : null,
    // Names and roles only: members' email addresses are never sent to the page.
    members: can(actor, 'organisation.view_members', resource) ? listMemberNames(organisation.id) : null,
    admin: {
      edit: can(actor, 'organisation.edit', resource),
      members: canManageMembers,
      pendingCount: canManageMembers ? countPendingRequests(organisation.id) : 0,
      history: can(actor, 'organisation.view_audit', resource),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organisation = organisationFor(params.slug)
  const { user } = requirePermission(request, 'organisation.request_membership', {
    type: 'organisation',
    organisationId: organisation.id,
  })
  const submission = parseWithZod(await request.formData(), { schema: joinSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  // A request already waiting is not sent twice (active members are refused by the permission).
  if (membershipOf(organisation.id, user.id)?.status !== 'pending') {
    const message = submission.value.message || null
    requestMembership(organisation.id, user.id, message)
    await notifyMembershipRequested(organisation.id, user.id, message)
  }
  throw redirect(`/organisations/${organisation.slug}?done=requested`)
}

function isHttpUrl(value: string) {
  return /^https?:\/\//i.test(value)
}

function JoinForm() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="stacked" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="request_membership" />
      <TextAreaField
        field={fields.message}
        label={t('organisations.page.join.message')}
        hint={t('organisations.page.join.messageHint')}
        rows={3}
      />
      <div className="actions">
        <button type="submit" className="button">
          {t('organisations.page.join.submit')}
        </button>
      </div>
    </Form>
  )
}

function JoinSection({ join }: { join: JoinState }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <section aria-labelledby="join">
      <h2 id="join">{t('organisations.page.join.title')}</h2>
      {join === 'signIn' ? (
        <p>
          <Trans
            i18nKey="organisations.page.join.signIn"
            components={[<Link key="login" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} />]}
          />
        </p>
      ) : join === 'verify' ? (
        <p>
          <Trans i18nKey="organisations.page.join.verify" components={[<Link key="verify" to="/account/verify" />]} />
        </p>
      ) : join === 'pending' ? (
        <div className="notice">
          <p>{t('organisations.page.join.pending')}</p>
        </div>
      ) : (
        <>
          {join === 'rejected' ? (
            <div className="notice warn">
              <p>{t('organisations.page.join.rejected')}</p>
            </div>
          ) : (
            <p>{t('organisations.page.join.intro')}</p>
          )}
          <JoinForm />
        </>
      )}
    </section>
  )
}

export default function OrganisationPage() {
  const { t } = useTranslation()
  const { organisation, join, myRole, members, admin } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const done = DONE.find((d) => d === searchParams.get('done'))
  const paragraphs = (organisation.description ?? '').split(/\n\s*\n/).filter((p) => p.trim())
  const isAdmin = admin.edit || admin.members || admin.history
  return (
    <div className="page medium">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisations">{t('organisations.list.title')}</Link>
          </li>
          <li aria-current="page">{organisation.name}</li>
        </ol>
      </nav>
      <h1>{organisation.name}</h1>
      <p className="lead">{t(`organisationKinds.${organisation.kind}`)}</p>
      {done ? (
        <div className="notice ok" role="status">
          <p>{t(`organisations.page.done.${done}`)}</p>
        </div>
      ) : null}
      {myRole ? <p>{t('organisations.page.youAreMember', { role: t(`organisations.roles.${myRole}`) })}</p> : null}

      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}

      <section aria-labelledby="identification">
        <h2 id="identification">{t('organisations.page.identification')}</h2>
        <dl className="facts">
          <dt>{t('organisations.fields.kind')}</dt>
          <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
          <dt>{t('organisations.fields.registryNumber')}</dt>
          <dd>{organisation.registryNumber || t('organisations.page.notProvided')}</dd>
          <dt>{t('organisations.fields.websiteShort')}</dt>
          <dd>
            {organisation.website && isHttpUrl(organisation.website) ? (
              <a href={organisation.website} rel="noopener noreferrer nofollow">
                {organisation.website}
              </a>
            ) : (
              t('organisations.page.notProvided')
            )}
          </dd>
          <dt>{t('fields.contactEmail')}</dt>
          <dd>
            <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
          </dd>
        </dl>
      </section>

      {join ? <JoinSection join={join} /> : null}

      {members ? (
        <section aria-labelledby="members">
          <h2 id="members">{t('organisations.page.members.title')}</h2>
          {members.length === 0 ? (
            <p>{t('organisations.page.members.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('organisations.page.members.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organisations.page.members.name')}</th>
                    <th scope="col">{t('organisations.page.members.role')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m, i) => (
                    <tr key={i}>
                      <td>{m.name}</td>
                      <td>{t(`organisations.roles.${m.role}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="administration">
          <h2 id="administration">{t('organisations.page.admin.title')}</h2>
          <ul>
            {admin.edit ? (
              <li>
                <Link to={`/organisations/${organisation.slug}/edit`}>{t('organisations.page.admin.edit')}</Link>
              </li>
            ) : null}
            {admin.members ? (
              <li>
                <Link to={`/organisations/${organisation.slug}/members`}>
                  {admin.pendingCount > 0
                    ? t('organisations.page.admin.membersPending', { count: admin.pendingCount })
                    : t('organisations.page.admin.members')}
                </Link>
              </li>
            ) : null}
            {admin.history ? (
              <li>
                <Link to={`/audit/organisation/${organisation.id}`}>{t('organisations.page.admin.history')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
