import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors } from '~/components/forms'
import { PlainText, sectionTitle } from '~/components/plan-ui'
import { formatDate, formatDateTime } from '~/domain/dates'
import { remarkSchema } from '~/domain/minutes-form'
import { acceptsRemarks, personsOf } from '~/domain/minutes-rules'
import { addRemark, MinutesStateError, remarkableOrganisations, sectionChoices } from '~/models/minutes.server'
import { getPlan } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { requireUser } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { readableMinutesFor } from '~/utils/minutes-route.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.minutes.title} · ${data.authority.name}`) : []

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, detail, user, isStaff } = readableMinutesFor(request, params.slug, params.minutesId)
  const m = detail.minutes
  const plan = m.planId ? getPlan(m.planId) : undefined
  const sections = plan?.currentVersionId ? sectionChoices(plan.currentVersionId) : []
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: plan ? { id: plan.id, title: plan.title, reference: plan.reference } : null,
    minutes: {
      id: m.id,
      kind: m.kind,
      title: m.title,
      date: m.date,
      time: m.time,
      place: m.place,
      onlineUrl: m.onlineUrl,
      agenda: m.agenda,
      summary: m.summary,
      conclusions: m.conclusions,
      closedReason: m.closedReason,
      status: m.status,
      remarksUntil: m.remarksUntil,
      approvedAt: m.approvedAt ? formatDateTime(m.approvedAt) : null,
    },
    participants: detail.participants.map((p) => ({
      id: p.id,
      organisationName: p.organisationName,
      category: p.category,
      persons: personsOf(p.persons),
    })),
    actions: detail.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueOn: a.dueOn,
      status: a.status,
    })),
    remarks: detail.remarks.map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt) })),
    attachments: detail.attachments.map((a) => ({ id: a.id, title: a.title, fileName: a.fileName })),
    references: detail.references.map((r) => ({
      id: r.id,
      section: r.sectionAnchor
        ? (() => {
            const s = sections.find((x) => x.anchor === r.sectionAnchor)
            return s ? { anchor: s.anchor, label: sectionTitle({ number: s.number, heading: s.heading }) } : null
          })()
        : null,
      recommendation: r.recommendationId ? { id: r.recommendationId, number: r.registrationNumber } : null,
    })),
    remarkOrganisations: user && acceptsRemarks(m, clock.today()) ? remarkableOrganisations(m.id, user.id) : [],
    isStaff,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, detail } = readableMinutesFor(request, params.slug, params.minutesId)
  const user = requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: remarkSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  try {
    addRemark(detail.minutes, submission.value, user.id)
  } catch (e) {
    if (e instanceof MinutesStateError)
      return invalid(submission.reply({ formErrors: [`minutes.remarkErrors.${e.code}`] }))
    throw e
  }
  return redirect(`/a/${authority.slug}/minutes/${detail.minutes.id}?done=remark#remarks`)
}

export default function MinutesPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [params] = useSearchParams()
  const m = data.minutes
  const [form, fields] = useForm({
    id: 'remark-form',
    lastResult,
    defaultValue: { organisationId: data.remarkOrganisations[0]?.id ?? '', text: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: remarkSchema }),
    shouldValidate: 'onBlur',
  })
  const planBase = data.plan ? `/a/${data.authority.slug}/plans/${data.plan.id}` : null
  return (
    <div className="page">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/a/${data.authority.slug}`}>{data.authority.name}</Link>
          </li>
          {data.plan && planBase ? (
            <li>
              <Link to={planBase}>{data.plan.reference}</Link>
            </li>
          ) : null}
          <li aria-current="page">{t(`minutes.kinds.${m.kind}`)}</li>
        </ol>
      </nav>
      <p className="muted">
        {t(`minutes.kinds.${m.kind}`)} · {data.authority.name}
      </p>
      <h1>{m.title}</h1>
      {m.status !== 'approved' ? (
        <div className="notice warn" role="status">
          {m.status === 'shared'
            ? t('minutes.sharedNotice', { date: m.remarksUntil ? formatDate(m.remarksUntil) : '' })
            : t('minutes.draftNotice')}
        </div>
      ) : (
        <p className="muted">{t('minutes.approvedOn', { at: m.approvedAt })}</p>
      )}
      {params.get('done') === 'remark' ? (
        <div className="notice ok" role="status">
          {t('minutes.remarkSaved')}
        </div>
      ) : null}
      {data.isStaff ? (
        <p>
          <Link to={`/a/${data.authority.slug}/staff/minutes/${m.id}`}>{t('minutes.staffLink')}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('minutes.fields.date')}</dt>
        <dd>
          {formatDate(m.date)}
          {m.time ? `, ${m.time}` : ''}
        </dd>
        {m.place ? (
          <>
            <dt>{t('minutes.fields.place')}</dt>
            <dd>{m.place}</dd>
          </>
        ) : null}
        {m.onlineUrl ? (
          <>
            <dt>{t('minutes.fields.onlineUrl')}</dt>
            <dd>
              <a href={m.onlineUrl} rel="noopener noreferrer">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        {data.plan && planBase ? (
          <>
            <dt>{t('minutes.fields.plan')}</dt>
            <dd>
              <Link to={planBase}>{data.plan.title}</Link>
            </dd>
          </>
        ) : null}
        {m.closedReason ? (
          <>
            <dt>{t('minutes.fields.closedReason')}</dt>
            <dd>{m.closedReason}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('minutes.participantsTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('minutes.fields.organisation')}</th>
              <th scope="col">{t('minutes.fields.category')}</th>
              <th scope="col">{t('minutes.fields.persons')}</th>
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.organisationName}</th>
                <td>{t(`minutes.categories.${p.category}`)}</td>
                <td>{p.persons.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.agenda ? (
        <>
          <h2>{t('minutes.fields.agenda')}</h2>
          <PlainText text={m.agenda} />
        </>
      ) : null}
      <h2>{t('minutes.fields.summary')}</h2>
      <PlainText text={m.summary} />
      <h2>{t('minutes.fields.conclusions')}</h2>
      <PlainText text={m.conclusions} />
      {data.actions.length > 0 ? (
        <>
          <h2>{t('minutes.actionsTitle')}</h2>
          <ul>
            {data.actions.map((a) => (
              <li key={a.id}>
                {a.description} · {a.owner}
                {a.dueOn ? ` · ${t('minutes.dueOn', { date: formatDate(a.dueOn) })}` : ''} ·{' '}
                {t(`minutes.actionStatuses.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.references.length > 0 && planBase ? (
        <>
          <h2>{t('minutes.referencesTitle')}</h2>
          <ul>
            {data.references.map((r) => (
              <li key={r.id}>
                {r.section ? <Link to={`${planBase}#${r.section.anchor}`}>{r.section.label}</Link> : null}
                {r.recommendation ? (
                  <>
                    {r.section ? ' · ' : ''}
                    <Link to={`${planBase}/recommendations/${r.recommendation.id}`}>{r.recommendation.number}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.attachments.length > 0 ? (
        <>
          <h2>{t('minutes.attachmentsTitle')}</h2>
          <ul>
            {data.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/a/${data.authority.slug}/minutes/${m.id}/attachments/${a.id}`}>{a.title}</a>{' '}
                <span className="muted">({a.fileName})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="remarks">{t('minutes.remarksTitle')}</h2>
      {data.remarks.length === 0 ? <p className="muted">{t('minutes.noRemarks')}</p> : null}
      <ul>
        {data.remarks.map((r) => (
          <li key={r.id}>
            <strong>{r.organisationName ?? r.authorName}</strong> ({r.createdAt})<p className="pre-line">{r.text}</p>
          </li>
        ))}
      </ul>
      {data.remarkOrganisations.length > 0 ? (
        <Form method="post" className="stacked" {...getFormProps(form)}>
          <h3>{t('minutes.addRemark')}</h3>
          <FormErrors errors={form.errors} />
          <div className="field">
            <label htmlFor="remark-org">{t('minutes.remarkFor')}</label>
            <select id="remark-org" name={fields.organisationId.name} defaultValue={fields.organisationId.initialValue}>
              {data.remarkOrganisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fields.text.id}>{t('minutes.remark')}</label>
            <textarea {...getTextareaProps(fields.text)} key={fields.text.key} rows={4} />
            <FieldErrors field={fields.text} />
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('minutes.remarkSubmit')}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  )
}
