import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { can } from '~/domain/permissions'
import { TRIPARTITE_GROUPS } from '~/domain/semesters'
import { findOrganisationByName } from '~/models/organisation.server'
import {
  createPartner,
  deletePartner,
  getPartner,
  listPartners,
  listServices,
  updatePartner,
} from '~/models/services.server'
import { forbidden, notFound } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'meetings.partners.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'meetings.partners.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, actor } = authorityFor(request, params.slug, 'plan.view')
  const partners = listPartners(authority.id)
  const editId = new URL(request.url).searchParams.get('edit')
  return {
    partners,
    editing: partners.find((p) => p.id === editId) ?? null,
    services: listServices(authority.id).map((s) => ({
      id: s.id,
      label: `${s.codeNormalized ?? s.code ?? ''} ${s.name}`.trim(),
    })),
    canManage: can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id }),
  }
}

const partnerSchema = z.object({
  name: z.string().trim().min(2).max(300),
  group: z.enum(TRIPARTITE_GROUPS),
  contactName: z.string().trim().max(200).optional(),
  contactEmail: z.string().trim().email().max(320).optional().or(z.literal('')),
  contactPhone: z.string().trim().max(50).optional(),
  contactRole: z.string().trim().max(200).optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, actor, user } = authorityFor(request, params.slug, 'plan.view')
  if (!can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const form = await request.formData()
  const back = `/a/${authority.slug}/staff/partners`
  if (form.get('intent') === 'delete') {
    const partner = getPartner(authority.id, String(form.get('id') ?? ''))
    if (!partner) throw notFound()
    deletePartner(partner, user.id)
    return redirect(`${back}?done=deleted`)
  }
  const parsed = partnerSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    return invalid({
      errors: parsed.error.issues.map((i) => String(i.path[0] ?? '')),
      values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])),
    })
  }
  const v = parsed.data
  const organisation = findOrganisationByName(v.name)
  const existing = form.get('intent') === 'update' ? getPartner(authority.id, String(form.get('id') ?? '')) : undefined
  if (form.get('intent') === 'update' && !existing) throw notFound()
  const input = {
    name: organisation?.name ?? v.name,
    group: v.group,
    organisationId: organisation?.id ?? null,
    contacts: v.contactName
      ? [
          {
            name: v.contactName,
            email: v.contactEmail || null,
            phone: v.contactPhone || null,
            role: v.contactRole || null,
          },
        ]
      : [],
    serviceIds: form.getAll('serviceIds').map(String),
  }
  if (existing) updatePartner(existing, input, user.id)
  else createPartner(authority.id, input, user.id)
  return redirect(`${back}?done=${existing ? 'updated' : 'added'}`)
}

export default function Partners() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const editing = data.editing
  const contact = editing?.contacts[0]
  const values: Record<string, string | undefined> = reply?.values ?? {
    name: editing?.name,
    group: editing?.group,
    contactName: contact?.name,
    contactEmail: contact?.email ?? undefined,
    contactRole: contact?.role ?? undefined,
    contactPhone: contact?.phone ?? undefined,
  }
  return (
    <>
      <h1>{t('meetings.partners.title')}</h1>
      <p className="lead">{t('meetings.partners.intro')}</p>
      {done ? (
        <div className="notice ok" role="status">
          {t(`meetings.partners.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      {TRIPARTITE_GROUPS.map((g) => {
        const ofGroup = data.partners.filter((p) => p.group === g)
        return (
          <section key={g} aria-labelledby={`group-${g}`}>
            <h2 id={`group-${g}`}>
              {t(`meetings.groups.${g}`)} ({ofGroup.length})
            </h2>
            {ofGroup.length === 0 ? <p className="muted">{t('meetings.partners.noneInGroup')}</p> : null}
            <ul>
              {ofGroup.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {p.organisationId ? ` · ${t('minutes.staff.onPlatform')}` : ''}
                  {p.contacts.length
                    ? ` · ${p.contacts.map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(', ')).join('; ')}`
                    : ''}
                  {p.serviceTypes.length
                    ? ` · ${p.serviceTypes.join(', ')}`
                    : ` · ${t('meetings.partners.noServices')}`}
                  {data.canManage ? (
                    <a href={`?edit=${p.id}#add-partner`}>
                      {' '}
                      {t('meetings.services.edit')}
                      <span className="visually-hidden"> {p.name}</span>
                    </a>
                  ) : null}
                  {data.canManage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="id" value={p.id} />
                      <button type="submit" className="link-button">
                        {t('meetings.services.delete')}
                        <span className="visually-hidden"> {p.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      {data.canManage ? (
        <section aria-labelledby="add-partner">
          <h2 id="add-partner">{editing ? t('meetings.partners.editTitle') : t('meetings.partners.addTitle')}</h2>
          <p className="hint">{t('meetings.partners.privacy')}</p>
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value={editing ? 'update' : 'add'} />
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            {reply?.errors?.length ? (
              <p className="field-error" role="alert">
                {t('meetings.partners.invalid', {
                  fields: reply.errors.map((f) => t(`meetings.partners.fields.${f}`, { defaultValue: f })).join(', '),
                })}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="p-name">{t('meetings.partners.fields.name')}</label>
              <input id="p-name" name="name" required minLength={2} defaultValue={values.name} />
            </div>
            <div className="field">
              <label htmlFor="p-group">{t('meetings.partners.fields.group')}</label>
              <select id="p-group" name="group" defaultValue={values.group ?? 'provider'}>
                {TRIPARTITE_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`meetings.groups.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="p-contact">{t('meetings.partners.fields.contactName')}</label>
                <input id="p-contact" name="contactName" defaultValue={values.contactName} />
              </div>
              <div className="field">
                <label htmlFor="p-email">{t('meetings.partners.fields.contactEmail')}</label>
                <input id="p-email" name="contactEmail" type="email" defaultValue={values.contactEmail} />
              </div>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="p-role">{t('meetings.partners.fields.contactRole')}</label>
                <input id="p-role" name="contactRole" defaultValue={values.contactRole} />
              </div>
              <div className="field">
                <label htmlFor="p-phone">{t('meetings.partners.fields.contactPhone')}</label>
                <input id="p-phone" name="contactPhone" type="tel" defaultValue={values.contactPhone} />
              </div>
            </div>
            {data.services.length > 0 ? (
              <fieldset className="field">
                <legend>{t('meetings.partners.fields.services')}</legend>
                {data.services.map((s) => (
                  <label key={s.id} className="checkbox">
                    <input
                      type="checkbox"
                      name="serviceIds"
                      value={s.id}
                      defaultChecked={editing?.serviceIds.includes(s.id)}
                    />{' '}
                    {s.label}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {editing ? t('meetings.services.editSubmit') : t('meetings.partners.addSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
