import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/domain/permissions'
import { parseServices, parseServicesCsv, readAmount, type ParsedService } from '~/domain/services-parser'
import { normaliseServiceCode } from '~/domain/service-codes'
import {
  createService,
  deleteService,
  getService,
  importServices,
  listServices,
  ServicesImportError,
  updateService,
} from '~/models/services.server'
import { forbidden, notFound } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'
import { fileOf, readForm } from '~/utils/upload.server'

export const handle = { staffBreadcrumb: 'meetings.services.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'meetings.services.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, actor } = authorityFor(request, params.slug, 'plan.view')
  const services = listServices(authority.id)
  const editId = new URL(request.url).searchParams.get('edit')
  return {
    editing: services.find((s) => s.id === editId) ?? null,
    slug: authority.slug,
    services,
    types: new Set(services.filter((s) => s.status === 'existing' && s.codeNormalized).map((s) => s.codeNormalized))
      .size,
    canManage: can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id }),
  }
}

type Reply = { preview?: ParsedService[]; text?: string; status?: 'existing' | 'proposed'; error?: string }

/** A number typed in the form, read as the plan tables are ("1.250.000", "-"); NaN when unreadable. */
const amount = (v: FormDataEntryValue | null) => {
  const reading = readAmount(String(v ?? ''))
  return reading.problem ? Number.NaN : reading.value
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, actor, user } = authorityFor(request, params.slug, 'plan.view')
  if (!can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const read = await readForm(request, 2 * 1024 * 1024)
  if ('error' in read) return invalid<Reply>({ error: 'tooLarge' })
  const form = read.form
  const intent = String(form.get('intent') ?? '')
  const back = `/a/${authority.slug}/staff/services`
  if (intent === 'delete') {
    const service = getService(authority.id, String(form.get('id') ?? ''))
    if (!service) throw notFound()
    deleteService(service, user.id)
    return redirect(`${back}?done=deleted`)
  }
  if (intent === 'add' || intent === 'update') {
    const existing = intent === 'update' ? getService(authority.id, String(form.get('id') ?? '')) : undefined
    if (intent === 'update' && !existing) throw notFound()
    const name = String(form.get('name') ?? '').trim()
    const code = String(form.get('code') ?? '').trim() || null
    const capacity = amount(form.get('capacity'))
    const occupancy = amount(form.get('occupancyPercent'))
    const budget = {
      local: amount(form.get('budgetLocal')),
      county: amount(form.get('budgetCounty')),
      state: amount(form.get('budgetState')),
      beneficiaries: amount(form.get('budgetBeneficiaries')),
      other: amount(form.get('budgetOther')),
    }
    if (name.length < 3) return invalid<Reply>({ error: 'name' })
    if (code && !normaliseServiceCode(code)) return invalid<Reply>({ error: 'code' })
    if ([capacity, occupancy, ...Object.values(budget)].some((n) => Number.isNaN(n)))
      return invalid<Reply>({ error: 'number' })
    const input = {
      status: form.get('status') === 'proposed' ? ('proposed' as const) : ('existing' as const),
      number: existing?.number ?? null,
      code,
      name,
      capacity,
      occupancyPercent: occupancy,
      budget,
    }
    if (existing) updateService(existing, input, user.id)
    else createService(authority.id, input, user.id)
    return redirect(`${back}?done=${existing ? 'updated' : 'added'}`)
  }
  // Import: preview first, then all or nothing.
  const status = form.get('status') === 'proposed' ? 'proposed' : 'existing'
  const file = fileOf(form, 'file')
  const text = file ? (await file.text()).replace(/^\uFEFF/, '') : String(form.get('text') ?? '')
  if (!text.trim()) return invalid<Reply>({ error: 'empty' })
  const parsed = file?.name.toLowerCase().endsWith('.csv') ? parseServicesCsv(text) : parseServices(text)
  if (parsed.services.length === 0) return invalid<Reply>({ error: 'nothing', text })
  if (intent === 'import') {
    try {
      const n = importServices(authority.id, parsed.services, status, user.id)
      return redirect(`${back}?done=imported&count=${n}`)
    } catch (e) {
      if (e instanceof ServicesImportError)
        return invalid<Reply>({ error: 'problems', preview: parsed.services, text, status })
      throw e
    }
  }
  return { preview: parsed.services, text, status } satisfies Reply
}

const lei = (n: number | null) => (n === null ? '–' : n.toLocaleString('ro-RO'))

export default function Services() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as Reply | undefined
  const [params] = useSearchParams()
  const done = params.get('done')
  return (
    <>
      <h1>{t('meetings.services.title')}</h1>
      <p className="lead">{t('meetings.services.intro', { count: data.types })}</p>
      {done ? (
        <div className="notice ok" role="status">
          {t(`meetings.services.done.${done}`, { count: Number(params.get('count')) || 0, defaultValue: '' })}
        </div>
      ) : null}
      {reply?.error ? (
        <div className="notice error" role="alert">
          {t(`meetings.services.errors.${reply.error}`)}
        </div>
      ) : null}
      {data.services.length === 0 ? <p className="muted">{t('meetings.services.none')}</p> : null}
      {data.services.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('meetings.services.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.services.code')}</th>
                <th scope="col">{t('meetings.services.name')}</th>
                <th scope="col">{t('meetings.services.capacity')}</th>
                <th scope="col">{t('meetings.services.occupancy')}</th>
                <th scope="col">{t('meetings.services.budgetLocal')}</th>
                <th scope="col">{t('meetings.services.budgetOthers')}</th>
                <th scope="col">{t('meetings.services.status')}</th>
                {data.canManage ? <th scope="col">{t('meetings.services.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.services.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.codeNormalized ?? s.code ?? '–'}
                    {s.code && s.codeNormalized && s.code !== s.codeNormalized ? (
                      <span className="muted"> ({t('meetings.services.asWritten', { code: s.code })})</span>
                    ) : null}
                  </td>
                  <th scope="row">{s.name}</th>
                  <td>{s.capacity ?? '–'}</td>
                  <td>{s.occupancyPercent === null ? '–' : `${s.occupancyPercent}%`}</td>
                  <td>{lei(s.budgetLocal)}</td>
                  <td>
                    {[s.budgetCounty, s.budgetState, s.budgetBeneficiaries, s.budgetOther].some((b) => b !== null)
                      ? lei(
                          [s.budgetCounty, s.budgetState, s.budgetBeneficiaries, s.budgetOther].reduce<number>(
                            (a, b) => a + (b ?? 0),
                            0,
                          ),
                        )
                      : '–'}
                  </td>
                  <td>{t(`meetings.services.statuses.${s.status}`)}</td>
                  {data.canManage ? (
                    <td>
                      <a href={`?edit=${s.id}#add`}>
                        {t('meetings.services.edit')}
                        <span className="visually-hidden"> {s.name}</span>
                      </a>{' '}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={s.id} />
                        <button type="submit" className="link-button">
                          {t('meetings.services.delete')}
                          <span className="visually-hidden"> {s.name}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data.canManage ? (
        <>
          <section aria-labelledby="import">
            <h2 id="import">{t('meetings.services.importTitle')}</h2>
            <p>{t('meetings.services.importIntro')}</p>
            <Form method="post" encType="multipart/form-data" className="stacked">
              <div className="field">
                <label htmlFor="svc-status">{t('meetings.services.status')}</label>
                <select id="svc-status" name="status" defaultValue={reply?.status ?? 'existing'}>
                  <option value="existing">{t('meetings.services.statuses.existing')}</option>
                  <option value="proposed">{t('meetings.services.statuses.proposed')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="svc-file">{t('meetings.services.file')}</label>
                <input id="svc-file" name="file" type="file" accept=".txt,.csv,text/plain,text/csv" />
              </div>
              <div className="field">
                <label htmlFor="svc-text">{t('meetings.services.text')}</label>
                <textarea id="svc-text" name="text" rows={6} defaultValue={reply?.text ?? ''} />
              </div>
              {reply?.preview ? (
                <div className="table-wrap">
                  <table>
                    <caption>{t('meetings.services.preview', { count: reply.preview.length })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">#</th>
                        <th scope="col">{t('meetings.services.code')}</th>
                        <th scope="col">{t('meetings.services.name')}</th>
                        <th scope="col">{t('meetings.services.capacity')}</th>
                        <th scope="col">{t('meetings.services.occupancy')}</th>
                        <th scope="col">{t('meetings.services.budgetLocal')}</th>
                        <th scope="col">{t('meetings.services.problems')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reply.preview.map((s, i) => (
                        <tr key={i} className={s.problems.length ? 'row-flagged' : undefined}>
                          <td>{s.number}</td>
                          <td>
                            {s.codeNormalized ?? '–'} <span className="muted">({s.code ?? ''})</span>
                          </td>
                          <td>{s.name}</td>
                          <td>{s.capacity ?? '–'}</td>
                          <td>{s.occupancyPercent === null ? '–' : `${s.occupancyPercent}%`}</td>
                          <td>{lei(s.budget.local)}</td>
                          <td>{s.problems.map((p) => p.message).join('; ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              <div className="actions">
                <button type="submit" name="intent" value="preview" className="button secondary">
                  {t('meetings.services.previewSubmit')}
                </button>
                {reply?.preview ? (
                  <button type="submit" name="intent" value="import" className="button">
                    {t('meetings.services.importSubmit', { count: reply.preview.length })}
                  </button>
                ) : null}
              </div>
            </Form>
          </section>
          <section aria-labelledby="add">
            <h2 id="add">{data.editing ? t('meetings.services.editTitle') : t('meetings.services.addTitle')}</h2>
            <Form method="post" className="stacked">
              <input type="hidden" name="intent" value={data.editing ? 'update' : 'add'} />
              {data.editing ? <input type="hidden" name="id" value={data.editing.id} /> : null}
              <div className="field-row">
                <div className="field">
                  <label htmlFor="add-code">{t('meetings.services.code')}</label>
                  <input id="add-code" name="code" placeholder="8790 CR-VD-I" defaultValue={data.editing?.code ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor="add-status">{t('meetings.services.status')}</label>
                  <select id="add-status" name="status" defaultValue={data.editing?.status ?? 'existing'}>
                    <option value="existing">{t('meetings.services.statuses.existing')}</option>
                    <option value="proposed">{t('meetings.services.statuses.proposed')}</option>
                  </select>
                </div>
              </div>
              <div className="field">
                <label htmlFor="add-name">{t('meetings.services.name')}</label>
                <input id="add-name" name="name" required minLength={3} defaultValue={data.editing?.name ?? ''} />
              </div>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="add-capacity">{t('meetings.services.capacity')}</label>
                  <input
                    id="add-capacity"
                    name="capacity"
                    inputMode="numeric"
                    defaultValue={data.editing?.capacity ?? ''}
                  />
                </div>
                <div className="field">
                  <label htmlFor="add-occupancy">{t('meetings.services.occupancy')}</label>
                  <input
                    id="add-occupancy"
                    name="occupancyPercent"
                    inputMode="numeric"
                    defaultValue={data.editing?.occupancyPercent ?? ''}
                  />
                </div>
              </div>
              <fieldset className="field">
                <legend>{t('meetings.services.budgetLegend')}</legend>
                {(['budgetLocal', 'budgetCounty', 'budgetState', 'budgetBeneficiaries', 'budgetOther'] as const).map(
                  (b) => (
                    <div className="field" key={b}>
                      <label htmlFor={`add-${b}`}>{t(`meetings.services.budgets.${b}`)}</label>
                      <input id={`add-${b}`} name={b} inputMode="numeric" defaultValue={data.editing?.[b] ?? ''} />
                    </div>
                  ),
                )}
              </fieldset>
              <div className="actions">
                <button type="submit" className="button">
                  {data.editing ? t('meetings.services.editSubmit') : t('meetings.services.addSubmit')}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  )
}
