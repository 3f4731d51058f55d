import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatDateTime } from '~/domain/dates'
import { can, type Resource } from '~/domain/permissions'
import {
  decideMembership,
  getOrganisationBySlug,
  LastOrganisationAdminError,
  listMembers,
  type MemberDecision,
} from '~/models/organisation.server'
import { notifyMembershipDecided } from '~/models/membership-notifications.server'
import { actorFor, notFound, requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

/** The decisions a button can ask for (also the values of `?done=` after a redirect). */
const DECISIONS = [
  'approve',
  'reject',
  'make_admin',
  'make_member',
  'remove',
] as const satisfies readonly MemberDecision[]

const decisionSchema = z.object({
  intent: z.enum(DECISIONS),
  userId: z.string().min(1).max(100),
})

type ActionError = 'lastAdmin' | 'stale' | 'invalid'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'organisations.members.title', { name: data?.organisation.name ?? '' })

function managedOrganisation(request: Request, slug: string | undefined) {
  const organisation = getOrganisationBySlug(slug ?? '')
  if (!organisation) throw notFound()
  const resource: Resource = { type: 'organisation', organisationId: organisation.id }
  const { user } = requirePermission(request, 'organisation.manage_members', resource)
  return { organisation, resource, user }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, user } = managedOrganisation(request, params.slug)
  const members = listMembers(organisation.id)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    // Names only, as on the public page: email addresses are not needed to decide.
    pending: members
      .filter((m) => m.status === 'pending')
      .map((m) => ({
        userId: m.userId,
        name: m.name,
        message: m.message,
        requestedAt: formatDateTime(m.requestedAt),
      })),
    active: members
      .filter((m) => m.status === 'active')
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role, isYou: m.userId === user.id })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, resource, user } = managedOrganisation(request, params.slug)
  const parsed = decisionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'invalid' as ActionError }, { status: 400 })
  const { intent, userId } = parsed.data

  try {
    const applied = decideMembership(organisation.id, userId, intent, user.id)
    // Nothing changed because the list was out of date: answer with the fresh list (200, so it revalidates).
    if (!applied) return { error: 'stale' as ActionError }
    if (intent === 'approve' || intent === 'reject') {
      await notifyMembershipDecided(organisation.id, userId, intent === 'approve')
    }
  } catch (e) {
    if (e instanceof LastOrganisationAdminError) return data({ error: 'lastAdmin' as ActionError }, { status: 409 })
    throw e
  }

  // Administrators who removed or demoted themselves can no longer see this page.
  if (!can(actorFor(user), 'organisation.manage_members', resource)) {
    throw redirect(`/organisations/${organisation.slug}?done=${intent === 'remove' ? 'left' : 'steppedDown'}`)
  }
  throw redirect(`/organisations/${organisation.slug}/members?done=${intent}`)
}

function DecisionButton(props: {
  intent: MemberDecision
  userId: string
  name: string
  label: string
  variant?: 'secondary' | 'danger'
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="userId" value={props.userId} />
      <button type="submit" className={props.variant ? `button button-small ${props.variant}` : 'button button-small'}>
        {props.label}
        {/* Which person, for screen readers: every row has the same buttons. */}
        <span className="visually-hidden"> ({props.name})</span>
      </button>
    </Form>
  )
}

export default function OrganisationMembers() {
  const { t } = useTranslation()
  const { organisation, pending, active } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const done = DECISIONS.find((d) => d === searchParams.get('done'))
  const error = actionData?.error
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisations">{t('organisations.list.title')}</Link>
          </li>
          <li>
            <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
          </li>
          <li aria-current="page">{t('organisations.members.breadcrumb')}</li>
        </ol>
      </nav>
      <h1>{t('organisations.members.heading')}</h1>
      <p className="lead">{t('organisations.members.intro')}</p>

      {error ? (
        <div className="notice error" role="alert">
          <p>{t(`organisations.members.errors.${error}`)}</p>
        </div>
      ) : done ? (
        <div className="notice ok" role="status">
          <p>{t(`organisations.members.done.${done}`)}</p>
        </div>
      ) : null}

      <section aria-labelledby="pending-requests">
        <h2 id="pending-requests">{t('organisations.members.pending.title')}</h2>
        {pending.length === 0 ? (
          <p>{t('organisations.members.pending.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('organisations.members.pending.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.members.name')}</th>
                  <th scope="col">{t('organisations.members.pending.message')}</th>
                  <th scope="col">{t('organisations.members.pending.requestedAt')}</th>
                  <th scope="col">{t('organisations.members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">{m.name}</th>
                    <td>
                      {m.message ? (
                        m.message
                      ) : (
                        <span className="muted">{t('organisations.members.pending.noMessage')}</span>
                      )}
                    </td>
                    <td>{m.requestedAt}</td>
                    <td>
                      <div className="actions">
                        <DecisionButton
                          intent="approve"
                          userId={m.userId}
                          name={m.name}
                          label={t('organisations.members.approve')}
                        />
                        <DecisionButton
                          intent="reject"
                          userId={m.userId}
                          name={m.name}
                          label={t('organisations.members.reject')}
                          variant="secondary"
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="active-members">
        <h2 id="active-members">{t('organisations.members.active.title')}</h2>
        {active.length === 0 ? (
          <p>{t('organisations.members.active.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('organisations.members.active.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.members.name')}</th>
                  <th scope="col">{t('organisations.members.role')}</th>
                  <th scope="col">{t('organisations.members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">
                      {m.name} {m.isYou ? <span className="muted">{t('organisations.members.you')}</span> : null}
                    </th>
                    <td>{t(`organisations.roles.${m.role}`)}</td>
                    <td>
                      <div className="actions">
                        {m.role === 'admin' ? (
                          <DecisionButton
                            intent="make_member"
                            userId={m.userId}
                            name={m.name}
                            label={t('organisations.members.makeMember')}
                            variant="secondary"
                          />
                        ) : (
                          <DecisionButton
                            intent="make_admin"
                            userId={m.userId}
                            name={m.name}
                            label={t('organisations.members.makeAdmin')}
                            variant="secondary"
                          />
                        )}
                        <DecisionButton
                          intent="remove"
                          userId={m.userId}
                          name={m.name}
                          label={t('organisations.members.remove')}
                          variant="danger"
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
