import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { sectionTitle } from '~/components/plan-ui'
import { addDays } from '~/domain/calendar'
import { formatDate, formatDateTime } from '~/domain/dates'
import { actionSchema, minutesDetailsSchema, participantSchema } from '~/domain/minutes-form'
import {
  approvalProblems,
  MINUTES_KINDS,
  PARTICIPANT_CATEGORIES,
  personsOf,
  type MinutesProblem,
} from '~/domain/minutes-rules'
import { can } from '~/domain/permissions'
import {
  addAction,
  addMinutesAttachment,
  addParticipant,
  addReference,
  approveMinutes,
  MinutesStateError,
  removeParticipant,
  removeReference,
  sectionChoices,
  setActionStatus,
  shareMinutes,
  updateMinutes,
} from '~/models/minutes.server'
import { findOrganisationByName } from '~/models/organisation.server'
import { getPlan } from '~/models/plan.server'
import { getRecommendationByNumber } from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'
import { kickDelivery } from '~/services/email.server'
import { PDF_TYPE, saveFile, sniffDocumentType } from '~/services/storage.server'
import { forbidden } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { staffMinutesFor } from '~/utils/minutes-route.server'
import { fileOf, readForm, safeFileName } from '~/utils/upload.server'

export const handle = { staffBreadcrumb: 'minutes.staff.editTitle' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.minutes.title) : []

const MAX_SCAN_BYTES = 15 * 1024 * 1024

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, detail, actor } = staffMinutesFor(request, params.slug, params.minutesId, 'plan.view')
  const m = detail.minutes
  const plan = m.planId ? getPlan(m.planId) : undefined
  const today = clock.today()
  return {
    authority: { slug: authority.slug, name: authority.name },
    plan: plan ? { id: plan.id, title: plan.title, reference: plan.reference } : null,
    minutes: m,
    participants: detail.participants,
    actions: detail.actions,
    remarks: detail.remarks.map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt) })),
    attachments: detail.attachments.map((a) => ({ id: a.id, title: a.title, fileName: a.fileName })),
    references: detail.references,
    sections: plan?.currentVersionId
      ? sectionChoices(plan.currentVersionId).map((s) => ({
          anchor: s.anchor,
          label: sectionTitle({ number: s.number, heading: s.heading }),
        }))
      : [],
    problems: approvalProblems(
      {
        status: m.status,
        date: m.date,
        summary: m.summary,
        conclusions: m.conclusions,
        participants: detail.participants.map((p) => ({ category: p.category, persons: personsOf(p.persons) })),
      },
      today,
    ),
    suggestedRemarksUntil: addDays(today, authority.legalSettings.minutesRemarkDays),
    canManage: can(actor, 'minutes.manage', { type: 'authority', authorityId: authority.id }),
  }
}

type Reply = { intent: string; result?: SubmissionResult<string[]>; error?: string; problems?: MinutesProblem[] }

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, detail, actor, user } = staffMinutesFor(request, params.slug, params.minutesId, 'plan.view')
  if (!can(actor, 'minutes.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const m = detail.minutes
  const back = (done: string, anchor = '') =>
    redirect(`/a/${authority.slug}/staff/minutes/${m.id}?done=${done}${anchor}`)
  const read = await readForm(request, MAX_SCAN_BYTES)
  if ('error' in read) return invalid<Reply>({ intent: 'attachment', error: 'tooLarge' })
  const form = read.form
  const intent = String(form.get('intent') ?? '')
  try {
    switch (intent) {
      case 'details': {
        const submission = parseWithZod(form, { schema: minutesDetailsSchema })
        if (submission.status !== 'success') return invalid<Reply>({ intent, result: submission.reply() })
        const v = submission.value
        updateMinutes(
          m,
          {
            kind: v.kind,
            title: v.title,
            date: v.date,
            time: v.time ?? null,
            place: v.place || null,
            onlineUrl: v.onlineUrl || null,
            agenda: v.agenda ?? '',
            summary: v.summary ?? '',
            conclusions: v.conclusions ?? '',
            closedReason: v.closedReason || null,
          },
          user.id,
        )
        return back('saved')
      }
      case 'participant': {
        const submission = parseWithZod(form, { schema: participantSchema })
        if (submission.status !== 'success') return invalid<Reply>({ intent, result: submission.reply() })
        const v = submission.value
        const organisation = findOrganisationByName(v.organisationName)
        addParticipant(
          m,
          {
            organisationId: organisation?.id ?? null,
            organisationName: organisation?.name ?? v.organisationName,
            category: v.category,
            persons: personsOf(v.persons ?? '').join('\n'),
          },
          user.id,
        )
        return back('participant', '#participants')
      }
      case 'remove-participant':
        removeParticipant(m, Number(form.get('id')), user.id)
        return back('saved', '#participants')
      case 'action': {
        const submission = parseWithZod(form, { schema: actionSchema })
        if (submission.status !== 'success') return invalid<Reply>({ intent, result: submission.reply() })
        addAction(m, { ...submission.value, dueOn: submission.value.dueOn ?? null }, user.id)
        return back('saved', '#actions')
      }
      case 'action-status':
        setActionStatus(m, Number(form.get('id')), form.get('status') === 'done' ? 'done' : 'open', user.id)
        return back('saved', '#actions')
      case 'reference': {
        const anchor = String(form.get('sectionAnchor') ?? '') || null
        const number = String(form.get('registrationNumber') ?? '').trim()
        const rec = number && m.planId ? getRecommendationByNumber(m.planId, number) : undefined
        if (number && !rec) return invalid<Reply>({ intent, error: 'unknownRecommendation' })
        if (!anchor && !rec) return invalid<Reply>({ intent, error: 'emptyReference' })
        addReference(m, { sectionAnchor: anchor, recommendationId: rec?.id ?? null }, user.id)
        return back('saved', '#references')
      }
      case 'remove-reference':
        removeReference(m, Number(form.get('id')), user.id)
        return back('saved', '#references')
      case 'attachment': {
        const file = fileOf(form, 'file')
        if (!file) return invalid<Reply>({ intent, error: 'missing' })
        const bytes = new Uint8Array(await file.arrayBuffer())
        const type = sniffDocumentType(bytes)
        if (type !== PDF_TYPE) return invalid<Reply>({ intent, error: 'notPdf' })
        const stored = saveFile(bytes)
        const fileName = safeFileName(file.name, 'proces-verbal.pdf')
        const title =
          String(form.get('title') ?? '')
            .trim()
            .slice(0, 300) || fileName
        addMinutesAttachment(m, { title, fileName, contentType: type, ...stored }, user.id)
        return back('attachment', '#attachments')
      }
      case 'share': {
        const until = String(form.get('remarksUntil') ?? '')
        if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < clock.today()) {
          return invalid<Reply>({ intent, error: 'remarksUntil' })
        }
        shareMinutes(m, until, user.id)
        kickDelivery()
        return back('shared')
      }
      case 'approve':
        approveMinutes(m, user.id)
        return back('approved')
    }
  } catch (e) {
    if (e instanceof MinutesStateError) return invalid<Reply>({ intent, error: e.code, problems: e.problems })
    throw e
  }
  return invalid<Reply>({ intent: 'unknown', error: 'unknown' })
}

export default function EditMinutes() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as Reply | undefined
  const [params] = useSearchParams()
  const done = params.get('done')
  const m = data.minutes
  const editable = data.canManage && m.status !== 'approved'
  const resultFor = (intent: string) => (reply?.intent === intent ? reply.result : undefined)
  const errorFor = (intent: string) => (reply?.intent === intent && reply.error ? reply.error : null)
  const [detailsForm, details] = useForm({
    id: 'minutes-details',
    lastResult: resultFor('details'),
    defaultValue: {
      kind: m.kind,
      title: m.title,
      date: m.date,
      time: m.time ?? '',
      place: m.place ?? '',
      onlineUrl: m.onlineUrl ?? '',
      agenda: m.agenda,
      summary: m.summary,
      conclusions: m.conclusions,
      closedReason: m.closedReason ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minutesDetailsSchema }),
    shouldValidate: 'onBlur',
  })
  const [participantForm, participant] = useForm({
    id: 'minutes-participant',
    lastResult: resultFor('participant'),
    defaultValue: { category: 'beneficiaries_organisation' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: participantSchema }),
    shouldValidate: 'onBlur',
  })
  const [actionForm, actionFields] = useForm({
    id: 'minutes-action',
    lastResult: resultFor('action'),
    defaultValue: { description: '', owner: '', dueOn: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionSchema }),
    shouldValidate: 'onBlur',
  })
  const publicUrl = `/a/${data.authority.slug}/minutes/${m.id}`
  const categories = PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: t(`minutes.categories.${c}`) }))
  return (
    <>
      <p className="muted">
        {t(`minutes.kinds.${m.kind}`)}
        {data.plan ? (
          <>
            {' · '}
            <Link to={`/a/${data.authority.slug}/staff/plans/${data.plan.id}/minutes`}>
              {data.plan.reference} · {data.plan.title}
            </Link>
          </>
        ) : null}
      </p>
      <h1>{m.title}</h1>
      <p>
        <strong>{t(`minutes.statuses.${m.status}`)}</strong>
        {m.status === 'shared' && m.remarksUntil
          ? ` · ${t('minutes.remarksUntil', { date: formatDate(m.remarksUntil) })}`
          : ''}{' '}
        ·{' '}
        <Link to={publicUrl}>
          {m.status === 'approved' ? t('minutes.staff.publicPage') : t('minutes.staff.preview')}
        </Link>
        {' · '}
        <Link to={`/audit/minutes/${m.id}`}>{t('plans.staff.history')}</Link>
      </p>
      {done ? (
        <div className="notice ok" role="status">
          {t(`minutes.staff.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      {reply?.error && !['participant', 'action', 'details'].includes(reply.intent) ? (
        <div className="notice error" role="alert">
          <p>{t(`minutes.staff.errors.${reply.error}`)}</p>
          {reply.problems?.length ? (
            <ul>
              {reply.problems.map((p) => (
                <li key={p}>{t(`minutes.problems.${p}`)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {data.canManage && m.status !== 'approved' ? (
        <section aria-labelledby="workflow" className="panel">
          <h2 id="workflow">{t('minutes.staff.workflowTitle')}</h2>
          <p>{t('minutes.staff.workflowIntro')}</p>
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="share" />
            <div className="field">
              <label htmlFor="remarks-until">{t('minutes.staff.remarksUntil')}</label>
              <input
                id="remarks-until"
                name="remarksUntil"
                type="date"
                defaultValue={m.remarksUntil ?? data.suggestedRemarksUntil}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {m.status === 'shared' ? t('minutes.staff.reshare') : t('minutes.staff.share')}
              </button>
            </div>
          </Form>
          {data.problems.length > 0 ? (
            <>
              <p>{t('minutes.staff.beforeApproval')}</p>
              <ul>
                {data.problems.map((p) => (
                  <li key={p}>{t(`minutes.problems.${p}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <button type="submit" className="button">
                {t('minutes.staff.approve')}
              </button>
              <span className="hint"> {t('minutes.staff.approveHint')}</span>
            </Form>
          )}
        </section>
      ) : null}

      {editable ? (
        <section aria-labelledby="details-title">
          <h2 id="details-title">{t('minutes.staff.detailsTitle')}</h2>
          <Form method="post" className="stacked" {...getFormProps(detailsForm)}>
            <input type="hidden" name="intent" value="details" />
            <FormErrors errors={detailsForm.errors} />
            <SelectField
              field={details.kind}
              label={t('minutes.fields.kind')}
              options={MINUTES_KINDS.map((k) => ({ value: k, label: t(`minutes.kinds.${k}`) }))}
            />
            <TextField field={details.title} label={t('minutes.fields.title')} />
            <div className="field-row">
              <TextField field={details.date} label={t('minutes.fields.date')} type="date" />
              <TextField field={details.time} label={t('minutes.fields.time')} hint={t('plans.debates.timeHint')} />
            </div>
            <TextField field={details.place} label={t('minutes.fields.place')} />
            <TextField field={details.onlineUrl} label={t('minutes.fields.onlineUrl')} type="url" />
            <TextAreaField field={details.agenda} label={t('minutes.fields.agenda')} rows={4} />
            <TextAreaField
              field={details.summary}
              label={t('minutes.fields.summary')}
              hint={t('minutes.hints.summary')}
              rows={8}
            />
            <TextAreaField field={details.conclusions} label={t('minutes.fields.conclusions')} rows={5} />
            <TextField
              field={details.closedReason}
              label={t('minutes.fields.closedReason')}
              hint={t('minutes.hints.closedReason')}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t('plans.staff.save')}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="details-title">
          <h2 id="details-title">{t('minutes.staff.detailsTitle')}</h2>
          <p>
            {formatDate(m.date)}
            {m.time ? `, ${m.time}` : ''} · {m.place ?? ''} {m.onlineUrl ?? ''}
          </p>
          <h3>{t('minutes.fields.summary')}</h3>
          <p className="pre-line">{m.summary}</p>
          <h3>{t('minutes.fields.conclusions')}</h3>
          <p className="pre-line">{m.conclusions}</p>
        </section>
      )}

      <section aria-labelledby="participants">
        <h2 id="participants">{t('minutes.participantsTitle')}</h2>
        {data.participants.length === 0 ? <p className="muted">{t('minutes.staff.noParticipants')}</p> : null}
        <ul>
          {data.participants.map((p) => (
            <li key={p.id}>
              <strong>{p.organisationName}</strong> ({t(`minutes.categories.${p.category}`)})
              {p.organisationId ? ` · ${t('minutes.staff.onPlatform')}` : ''}
              {p.persons ? <span className="pre-line">: {personsOf(p.persons).join(', ')}</span> : null}
              {editable ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-participant" />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className="link-button">
                    {t('minutes.staff.remove')}
                    <span className="visually-hidden"> {p.organisationName}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {editable ? (
          <Form method="post" className="stacked" {...getFormProps(participantForm)}>
            <input type="hidden" name="intent" value="participant" />
            <h3>{t('minutes.staff.addParticipant')}</h3>
            <FormErrors errors={participantForm.errors} />
            <TextField
              field={participant.organisationName}
              label={t('minutes.fields.organisation')}
              hint={t('minutes.hints.organisation')}
            />
            <SelectField field={participant.category} label={t('minutes.fields.category')} options={categories} />
            <TextAreaField
              field={participant.persons}
              label={t('minutes.fields.persons')}
              hint={t('minutes.hints.persons')}
              rows={3}
            />
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('minutes.staff.addParticipantSubmit')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t('minutes.actionsTitle')}</h2>
        {data.actions.length === 0 ? <p className="muted">{t('minutes.noActions')}</p> : null}
        <ul>
          {data.actions.map((a) => (
            <li key={a.id}>
              {a.description} · {a.owner}
              {a.dueOn ? ` · ${t('minutes.dueOn', { date: formatDate(a.dueOn) })}` : ''} ·{' '}
              <strong>{t(`minutes.actionStatuses.${a.status}`)}</strong>
              {data.canManage ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="action-status" />
                  <input type="hidden" name="id" value={a.id} />
                  <input type="hidden" name="status" value={a.status === 'done' ? 'open' : 'done'} />
                  <button type="submit" className="link-button">
                    {a.status === 'done' ? t('minutes.staff.reopen') : t('minutes.staff.markDone')}
                    <span className="visually-hidden"> {a.description}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {editable ? (
          <Form method="post" className="stacked" {...getFormProps(actionForm)}>
            <input type="hidden" name="intent" value="action" />
            <h3>{t('minutes.staff.addAction')}</h3>
            <FormErrors errors={actionForm.errors} />
            <TextField field={actionFields.description} label={t('minutes.fields.actionDescription')} />
            <div className="field-row">
              <TextField field={actionFields.owner} label={t('minutes.fields.owner')} />
              <TextField field={actionFields.dueOn} label={t('minutes.fields.dueOn')} type="date" />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('minutes.staff.addActionSubmit')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {data.plan ? (
        <section aria-labelledby="references">
          <h2 id="references">{t('minutes.referencesTitle')}</h2>
          <ul>
            {data.references.map((r) => (
              <li key={r.id}>
                {r.sectionAnchor
                  ? (data.sections.find((s) => s.anchor === r.sectionAnchor)?.label ?? r.sectionAnchor)
                  : ''}
                {r.registrationNumber ? ` ${r.registrationNumber}` : ''}
                {editable ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove-reference" />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="link-button">
                      {t('minutes.staff.remove')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {editable ? (
            <Form method="post" className="stacked">
              <input type="hidden" name="intent" value="reference" />
              {errorFor('reference') ? (
                <p className="field-error" role="alert">
                  {t(`minutes.staff.errors.${errorFor('reference')}`)}
                </p>
              ) : null}
              <div className="field-row">
                <div className="field">
                  <label htmlFor="ref-section">{t('minutes.fields.section')}</label>
                  <select id="ref-section" name="sectionAnchor" defaultValue="">
                    <option value="">{t('minutes.staff.noSection')}</option>
                    {data.sections.map((s) => (
                      <option key={s.anchor} value={s.anchor}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="ref-number">{t('minutes.fields.recommendationNumber')}</label>
                  <input id="ref-number" name="registrationNumber" placeholder={`${data.plan.reference}/0001`} />
                </div>
              </div>
              <div className="actions">
                <button type="submit" className="button button-small">
                  {t('minutes.staff.addReference')}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="attachments">
        <h2 id="attachments">{t('minutes.attachmentsTitle')}</h2>
        <ul>
          {data.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${publicUrl}/attachments/${a.id}`}>{a.title}</a> <span className="muted">({a.fileName})</span>
            </li>
          ))}
        </ul>
        {data.canManage ? (
          <Form method="post" encType="multipart/form-data" className="stacked">
            <input type="hidden" name="intent" value="attachment" />
            {errorFor('attachment') ? (
              <p className="field-error" role="alert">
                {t(`minutes.staff.errors.${errorFor('attachment')}`)}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="scan-title">{t('minutes.fields.attachmentTitle')}</label>
              <input id="scan-title" name="title" maxLength={300} />
            </div>
            <div className="field">
              <label htmlFor="scan-file">{t('minutes.fields.scan')}</label>
              <input id="scan-file" name="file" type="file" accept=".pdf,application/pdf" />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('minutes.staff.attach')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="remarks">
        <h2 id="remarks">{t('minutes.remarksTitle')}</h2>
        {data.remarks.length === 0 ? <p className="muted">{t('minutes.noRemarks')}</p> : null}
        <ul>
          {data.remarks.map((r) => (
            <li key={r.id}>
              <strong>{r.organisationName ?? r.authorName}</strong> ({r.authorName}, {r.createdAt})
              <p className="pre-line">{r.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
