import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { DateText, problemDetail, StatusBadge, usePeriodText } from '~/components/protocol-ui'
import { formatDate, formatDateTime } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { decisionFormSchema, reviewFormSchema } from '~/domain/protocol-form'
import { protocolSituation } from '~/domain/protocol-term'
import { addDocument, markReviewed, recordDecision } from '~/models/protocol.server'
import { remindersOfProtocol } from '~/models/reminders.server'
import { clock } from '~/services/clock.server'
import { looksLikePdf, MAX_DOCUMENT_BYTES, saveFile } from '~/services/storage.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { protocolFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'protocols.detail.breadcrumb' }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => plainTitle(matches, data?.protocol.title ?? '')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, detail, actor } = protocolFor(request, params.slug, params.id, 'protocol.view')
  const today = clock.today()
  const situation = protocolSituation(detail.facts, today, authority.protocolSettings)
  const resource = { type: 'authority' as const, authorityId: authority.id }
  const { protocol } = detail
  return {
    authority: { slug: authority.slug, name: authority.name },
    today,
    canManage: can(actor, 'protocol.manage', resource),
    canDecide: can(actor, 'protocol.decide', resource),
    protocol: {
      id: protocol.id,
      kind: protocol.kind,
      title: protocol.title,
      listNumber: protocol.listNumber,
      object: protocol.object,
      signedOn: protocol.signedOn,
      isPublic: protocol.isPublic,
      remindPartners: protocol.remindPartners,
      flagged: protocol.flagged,
      flagReasons: protocol.flagReasons ?? [],
      lastReviewedOn: protocol.lastReviewedOn,
      addendumEffect: protocol.addendumEffect,
      changeNote: protocol.changeNote,
    },
    parent: detail.parent ? { id: detail.parent.id, title: detail.parent.title } : null,
    responsible: detail.responsible,
    parties: detail.parties.map((p) => ({
      name: p.name,
      isAuthority: p.isAuthority,
      registrationNumber: p.registrationNumber,
      registrationDate: p.registrationDate,
      // Staff only (this page needs protocol.view): never shown on the public registry.
      contactName: p.contactName,
      contactEmail: p.contactEmail,
    })),
    term: detail.term,
    situation,
    terms: detail.terms.map((t) => ({
      id: t.id,
      type: t.type,
      start: t.start,
      end: t.end,
      renewalPeriod: t.renewalPeriod,
      noticePeriod: t.noticePeriod,
      condition: t.condition,
      extension: t.extension,
      validityText: t.validityText,
      reason: t.reason,
      recordedAt: formatDateTime(t.recordedAt),
      // The periods this term rolled over into by itself, oldest first.
      renewals: detail.renewals
        .filter((r) => r.termId === t.id)
        .map((r) => ({
          id: r.id,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          recordedAt: formatDateTime(r.recordedAt),
        })),
    })),
    decisions: detail.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      decidedOn: d.decidedOn,
      effectiveOn: d.effectiveOn,
      reason: d.reason,
    })),
    addenda: detail.addenda.map((a) => ({
      id: a.id,
      title: a.title,
      signedOn: a.signedOn,
      effect: a.addendumEffect,
      changeNote: a.changeNote,
    })),
    documents: detail.documents.map((d) => ({
      id: d.id,
      fileName: d.fileName,
      size: d.size,
      uploadedAt: formatDateTime(d.uploadedAt),
    })),
    reminders: protocol.kind === 'addendum' ? null : remindersOfProtocol(protocol.id, today),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const contentType = request.headers.get('Content-Type') ?? ''
  if (contentType.startsWith('multipart/form-data')) {
    const { authority, detail, user } = protocolFor(request, params.slug, params.id, 'protocol.manage')
    let form: FormData
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES }),
      )
    } catch (e) {
      if (e instanceof MaxPartSizeExceededError) return invalid({ form: 'document' as const, error: 'tooLarge' })
      throw e
    }
    const file = form.get('document')
    if (!(file instanceof File) || file.size === 0) return invalid({ form: 'document' as const, error: 'missing' })
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (!looksLikePdf(bytes)) return invalid({ form: 'document' as const, error: 'notPdf' })
    const stored = saveFile(bytes)
    const fileName = file.name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 150) || 'document.pdf'
    addDocument(detail, { fileName, contentType: 'application/pdf', ...stored }, user.id)
    return redirect(`/a/${authority.slug}/staff/protocols/${detail.protocol.id}?done=document#documents`)
  }

  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'decide') {
    const { authority, detail, user } = protocolFor(request, params.slug, params.id, 'protocol.decide')
    const submission = parseWithZod(formData, { schema: decisionFormSchema })
    if (submission.status !== 'success') return invalid({ form: 'decide' as const, result: submission.reply() })
    const v = submission.value
    recordDecision(
      detail,
      { decision: v.decision, decidedOn: v.decidedOn!, effectiveOn: v.effectiveOn, reason: v.reason },
      user.id,
    )
    return redirect(`/a/${authority.slug}/staff/protocols/${detail.protocol.id}?done=decided`)
  }
  if (intent === 'review') {
    const { authority, detail, user } = protocolFor(request, params.slug, params.id, 'protocol.manage')
    const submission = parseWithZod(formData, { schema: reviewFormSchema })
    if (submission.status !== 'success') return invalid({ form: 'review' as const, result: submission.reply() })
    markReviewed(detail, submission.value.reviewedOn!, submission.value.note || null, user.id)
    return redirect(`/a/${authority.slug}/staff/protocols/${detail.protocol.id}?done=reviewed`)
  }
  // Whoever may not see the protocol is refused as such, not told that the form is incomplete.
  protocolFor(request, params.slug, params.id, 'protocol.view')
  return data({ form: 'none' as const, error: 'unknownIntent' }, { status: 400 })
}

export default function ProtocolPage() {
  const { t } = useTranslation()
  const d = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const done = searchParams.get('done')
  const base = `/a/${d.authority.slug}/staff/protocols/${d.protocol.id}`
  const s = d.situation
  const partners = d.parties.filter((p) => !p.isAuthority)

  return (
    <>
      <p>
        <Link to={`/a/${d.authority.slug}/staff/protocols`}>{t('protocols.detail.backToList')}</Link>
      </p>
      <h1>{d.protocol.title}</h1>
      <p className="lead">
        {t(`protocolKinds.${d.protocol.kind}`)}
        {partners.length ? ` · ${partners.map((p) => p.name).join(', ')}` : ''} · <StatusBadge status={s.status} />
      </p>
      {done ? (
        <div className="notice ok" role="status">
          <p>{t(`protocols.detail.done.${done}`, { defaultValue: t('protocols.detail.done.saved') })}</p>
        </div>
      ) : null}
      {d.protocol.flagged ? (
        <div className="notice warn">
          <p>
            <strong>{t('protocols.detail.flagged')}</strong>
          </p>
          <ul>
            {d.protocol.flagReasons.map((r) => (
              <li key={r.code + r.message}>
                {t(`protocols.problems.${r.code}`, { defaultValue: r.code })}
                {problemDetail(r.message) ? <span className="muted"> ({problemDetail(r.message)})</span> : null}
              </li>
            ))}
          </ul>
          {d.canManage ? (
            <p>
              <Link to={`${base}/edit`}>{t('protocols.detail.completeIt')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t('protocols.detail.deadlines')}</h2>
        <Deadlines situation={s} term={d.term} today={d.today} />
      </section>

      {d.canManage ? (
        <div className="actions">
          <Link to={`${base}/edit`} className="button secondary">
            {t('protocols.detail.edit')}
          </Link>
          {d.protocol.kind !== 'addendum' ? (
            <Link to={`${base}/addendum`} className="button secondary">
              {t('protocols.detail.addAddendum')}
            </Link>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="facts">
        <h2 id="facts">{t('protocols.detail.facts')}</h2>
        <dl className="facts">
          {d.parent ? (
            <>
              <dt>{t('protocols.detail.parent')}</dt>
              <dd>
                <Link to={`/a/${d.authority.slug}/staff/protocols/${d.parent.id}`}>{d.parent.title}</Link>
                {d.protocol.changeNote ? ` · ${d.protocol.changeNote}` : ''}
              </dd>
            </>
          ) : null}
          <dt>{t('protocols.fields.listNumber')}</dt>
          <dd>{d.protocol.listNumber ?? '–'}</dd>
          <dt>{t('protocols.fields.object')}</dt>
          <dd>{d.protocol.object ?? '–'}</dd>
          <dt>{t('protocols.fields.signedOn')}</dt>
          <dd>
            <DateText date={d.protocol.signedOn} />
          </dd>
          <dt>{t('protocols.detail.parties')}</dt>
          <dd>
            <ul>
              {d.parties.map((p) => (
                <li key={p.name}>
                  {p.name}
                  {p.registrationNumber || p.registrationDate ? (
                    <span className="muted">
                      {' '}
                      · {t('protocols.detail.registration')} {p.registrationNumber ?? ''}
                      {p.registrationDate ? ' / ' : ''}
                      <DateText date={p.registrationDate} />
                    </span>
                  ) : null}
                  {p.contactName || p.contactEmail ? (
                    <span className="muted">
                      {' '}
                      · {t('protocols.detail.contact')} {[p.contactName, p.contactEmail].filter(Boolean).join(', ')}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('protocols.fields.validityText')}</dt>
          <dd>{d.term.validityText ?? '–'}</dd>
          <dt>{t('protocols.fields.responsible')}</dt>
          <dd>{d.responsible?.name ?? t('protocols.form.nobody')}</dd>
          <dt>{t('protocols.detail.visibility')}</dt>
          <dd>{d.protocol.isPublic ? t('protocols.detail.public') : t('protocols.detail.private')}</dd>
          {d.protocol.kind !== 'addendum' ? (
            <>
              <dt>{t('protocols.detail.remindPartners')}</dt>
              <dd>
                {d.protocol.remindPartners
                  ? t('protocols.detail.remindPartnersOn')
                  : t('protocols.detail.remindPartnersOff')}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {d.canDecide &&
      d.protocol.kind !== 'addendum' &&
      s.usable &&
      s.status !== 'terminated' &&
      s.status !== 'expired' ? (
        <DecisionForm today={d.today} autoRenewing={d.term.type === 'auto_renewing'} />
      ) : null}
      {d.canManage && (d.term.type === 'open_ended' || d.term.type === 'conditional') ? (
        <ReviewForm today={d.today} lastReviewedOn={d.protocol.lastReviewedOn} />
      ) : null}

      <section aria-labelledby="addenda">
        <h2 id="addenda">{t('protocols.detail.addenda')}</h2>
        {d.addenda.length === 0 ? (
          <p className="muted">{t('protocols.detail.noAddenda')}</p>
        ) : (
          <ul>
            {d.addenda.map((a) => (
              <li key={a.id}>
                <Link to={`/a/${d.authority.slug}/staff/protocols/${a.id}`}>{a.title}</Link> ·{' '}
                <DateText date={a.signedOn} /> · {t(`protocols.addendum.effects.${a.effect ?? 'modification'}`)}
                {a.changeNote ? ` · ${a.changeNote}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      {d.reminders ? <Reminders reminders={d.reminders} /> : null}

      <Documents documents={d.documents} base={base} canManage={d.canManage} />

      <section aria-labelledby="decisions">
        <h2 id="decisions">{t('protocols.detail.decisions')}</h2>
        {d.decisions.length === 0 ? (
          <p className="muted">{t('protocols.detail.noDecisions')}</p>
        ) : (
          <ul>
            {d.decisions.map((x) => (
              <li key={x.id}>
                <strong>{t(`protocols.decision.options.${x.decision}`)}</strong> · <DateText date={x.decidedOn} />
                {x.effectiveOn ? (
                  <>
                    {' '}
                    · {t('protocols.decision.effective')} <DateText date={x.effectiveOn} />
                  </>
                ) : null}{' '}
                · {x.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="term-history">
        <h2 id="term-history">{t('protocols.detail.termHistory')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('protocols.detail.termHistory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocols.detail.recorded')}</th>
                <th scope="col">{t('protocols.fields.termType')}</th>
                <th scope="col">{t('protocols.fields.start')}</th>
                <th scope="col">{t('protocols.fields.end')}</th>
                <th scope="col">{t('protocols.detail.renewalNotice')}</th>
                <th scope="col">{t('protocols.detail.why')}</th>
              </tr>
            </thead>
            <tbody>
              {d.terms.map((term) => (
                <TermRows key={term.id} term={term} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p>
        <Link to={`/audit/protocol/${d.protocol.id}`}>{t('protocols.detail.history')}</Link>
      </p>
    </>
  )
}

type TermView = ReturnType<typeof useLoaderData<typeof loader>>['terms'][number]

/** A term of the history, then the periods it rolled over into by itself, oldest first. */
function TermRows({ term }: { term: TermView }) {
  const { t } = useTranslation()
  const period = usePeriodText()
  return (
    <>
      <tr>
        <td>{term.recordedAt}</td>
        <td>
          {t(`termTypes.${term.type}`)}
          {term.condition ? ` (${term.condition})` : ''}
        </td>
        <td>
          <DateText date={term.start} />
        </td>
        <td>
          <DateText date={term.end} />
        </td>
        <td>
          {[period(term.renewalPeriod), period(term.noticePeriod), term.extension ? `+${period(term.extension)}` : '']
            .filter(Boolean)
            .join(' / ') || '–'}
        </td>
        <td>{t(`protocols.detail.reasons.${term.reason}`)}</td>
      </tr>
      {term.renewals.map((r) => (
        <tr key={r.id}>
          <td>{r.recordedAt}</td>
          <td colSpan={4}>
            {t('protocols.detail.renewedAutomatically', {
              start: formatDate(r.periodStart),
              end: formatDate(r.periodEnd),
            })}
          </td>
          <td>{t('protocols.detail.reasons.renewed')}</td>
        </tr>
      ))}
    </>
  )
}

function Deadlines({
  situation: s,
  term,
  today,
}: {
  situation: ReturnType<typeof useLoaderData<typeof loader>>['situation']
  term: ReturnType<typeof useLoaderData<typeof loader>>['term']
  today: string
}) {
  const { t } = useTranslation()
  const period = usePeriodText()
  if (!s.usable) return <p>{t('protocols.detail.noUsableTerm')}</p>
  return (
    <dl className="facts">
      <dt>{t('protocols.detail.asOf')}</dt>
      <dd>
        <DateText date={today} /> · <StatusBadge status={s.status} />
      </dd>
      <dt>{t('protocols.fields.termType')}</dt>
      <dd>
        {t(`termTypes.${term.type}`)}
        {term.renewalPeriod ? ` · ${t('protocols.detail.renewsFor', { period: period(term.renewalPeriod) })}` : ''}
        {term.noticePeriod ? ` · ${t('protocols.detail.noticeOf', { period: period(term.noticePeriod) })}` : ''}
        {term.condition ? ` · ${term.condition}` : ''}
      </dd>
      {s.period ? (
        <>
          <dt>{t('protocols.detail.currentPeriod')}</dt>
          <dd>
            <DateText date={s.period.start} /> –{' '}
            {s.period.end ? <DateText date={s.period.end} /> : t('protocols.detail.noEnd')}
          </dd>
        </>
      ) : null}
      {s.noticeDeadline && s.renewsOn ? (
        <>
          <dt>{t('protocols.detail.noticeDeadline')}</dt>
          <dd>
            <strong>
              <DateText date={s.noticeDeadline} />
            </strong>{' '}
            · {t('protocols.detail.renewsUnless')} <DateText date={s.renewsOn} />
          </dd>
        </>
      ) : s.renewsOn ? (
        <>
          <dt>{t('protocols.detail.renewsOn')}</dt>
          <dd>
            <DateText date={s.renewsOn} />
          </dd>
        </>
      ) : null}
      {s.end ? (
        <>
          <dt>{t('protocols.detail.lastDay')}</dt>
          <dd>
            <DateText date={s.end} />
          </dd>
        </>
      ) : null}
      {s.terminatesAfter ? (
        <>
          <dt>{t('protocols.detail.terminates')}</dt>
          <dd>
            {t('protocols.detail.terminatesAfter')} <DateText date={s.terminatesAfter} />
          </dd>
        </>
      ) : null}
      {s.nextReview ? (
        <>
          <dt>{t('protocols.detail.nextReview')}</dt>
          <dd>
            <DateText date={s.nextReview} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function DecisionForm({ today, autoRenewing }: { today: string; autoRenewing: boolean }) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'decide',
    lastResult: actionData && 'result' in actionData && actionData.form === 'decide' ? actionData.result : undefined,
    defaultValue: { decision: autoRenewing ? 'renew' : 'terminate', decidedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionFormSchema }),
    shouldValidate: 'onBlur',
  })
  const options = (autoRenewing ? (['renew', 'let_lapse', 'terminate'] as const) : (['terminate'] as const)).map(
    (o) => ({
      value: o,
      label: t(`protocols.decision.options.${o}`),
    }),
  )
  const { key: decidedKey, ...decidedOn } = getInputProps(fields.decidedOn, { type: 'date' })
  const { key: effectiveKey, ...effectiveOn } = getInputProps(fields.effectiveOn, { type: 'date' })
  return (
    <section aria-labelledby="decide-title">
      <h2 id="decide-title">{t('protocols.decision.title')}</h2>
      <p>{autoRenewing ? t('protocols.decision.introRenewing') : t('protocols.decision.introOther')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="decide" />
        <FormErrors errors={form.errors} />
        <SelectField field={fields.decision} label={t('protocols.decision.decision')} options={options} />
        <div className="field">
          <label htmlFor={fields.decidedOn.id}>{t('protocols.decision.decidedOn')}</label>
          <input key={decidedKey} {...decidedOn} />
          <FieldErrors field={fields.decidedOn} />
        </div>
        <div className="field">
          <label htmlFor={fields.effectiveOn.id}>{t('protocols.decision.effectiveOn')}</label>
          <p className="hint" id={`${fields.effectiveOn.id}-hint`}>
            {t('protocols.decision.effectiveHint')}
          </p>
          <input key={effectiveKey} {...effectiveOn} aria-describedby={`${fields.effectiveOn.id}-hint`} />
          <FieldErrors field={fields.effectiveOn} />
        </div>
        <TextAreaField field={fields.reason} label={t('protocols.decision.reason')} rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {t('protocols.decision.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

function ReviewForm({ today, lastReviewedOn }: { today: string; lastReviewedOn: string | null }) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'review',
    lastResult: actionData && 'result' in actionData && actionData.form === 'review' ? actionData.result : undefined,
    defaultValue: { reviewedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewFormSchema }),
    shouldValidate: 'onBlur',
  })
  const { key, ...reviewedOn } = getInputProps(fields.reviewedOn, { type: 'date' })
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('protocols.review.title')}</h2>
      <p>
        {lastReviewedOn ? (
          <>
            {t('protocols.review.last')} <DateText date={lastReviewedOn} />.{' '}
          </>
        ) : null}
        {t('protocols.review.intro')}
      </p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="review" />
        <div className="field">
          <label htmlFor={fields.reviewedOn.id}>{t('protocols.review.reviewedOn')}</label>
          <input key={key} {...reviewedOn} />
          <FieldErrors field={fields.reviewedOn} />
        </div>
        <TextField field={fields.note} label={t('protocols.review.note')} />
        <div className="actions">
          <button type="submit" className="button secondary">
            {t('protocols.review.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

function Documents(props: {
  documents: Array<{ id: string; fileName: string; size: number; uploadedAt: string }>
  base: string
  canManage: boolean
}) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const error = actionData && 'error' in actionData && actionData.form === 'document' ? actionData.error : null
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('protocols.documents.title')}</h2>
      {props.documents.length === 0 ? (
        <p className="muted">{t('protocols.documents.none')}</p>
      ) : (
        <ul>
          {props.documents.map((doc) => (
            <li key={doc.id}>
              <a href={`${props.base}/documents/${doc.id}`}>{doc.fileName}</a>{' '}
              <span className="muted">
                ({Math.max(1, Math.round(doc.size / 1024))} KB · {doc.uploadedAt})
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <Form method="post" encType="multipart/form-data" className="stacked">
          <div className="field">
            <label htmlFor="document-file">{t('protocols.documents.upload')}</label>
            <p className="hint" id="document-hint">
              {t('protocols.documents.hint')}
            </p>
            <input
              id="document-file"
              type="file"
              name="document"
              accept="application/pdf,.pdf"
              aria-describedby={error ? 'document-hint document-error' : 'document-hint'}
              aria-invalid={error ? true : undefined}
            />
            {error ? (
              <p className="field-error" id="document-error">
                {t(`protocols.documents.errors.${error}`)}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button secondary">
              {t('protocols.documents.submit')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}

type RemindersData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['reminders']>

/** "Expiry: 30 days before", "Periodic review"… */
function useReminderKind() {
  const { t } = useTranslation()
  return (kind: string, offsetDays: number | null) =>
    offsetDays !== null ? t(`reminders.kinds.${kind}`, { count: offsetDays }) : t(`reminders.kinds.${kind}`)
}

/** The reminders sent for the protocol, and those planned for its current term. */
function Reminders({ reminders }: { reminders: RemindersData }) {
  const { t } = useTranslation()
  const kind = useReminderKind()
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{t('reminders.section.title')}</h2>
      <p className="muted">{t('reminders.section.intro')}</p>
      {reminders.partners.length ? (
        <>
          <p>{t('reminders.section.partnersIntro')}</p>
          <ul>
            {reminders.partners.map((p) => (
              <li key={p.email}>
                {p.name} &lt;{p.email}&gt;{p.partyName && p.partyName !== p.name ? ` (${p.partyName})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('reminders.section.sent')}</h3>
      {reminders.sent.length === 0 ? (
        <p className="muted">{t('reminders.section.noneSent')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reminders.section.sent')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reminders.section.columns.sentAt')}</th>
                <th scope="col">{t('reminders.section.columns.kind')}</th>
                <th scope="col">{t('reminders.section.columns.deadline')}</th>
                <th scope="col">{t('reminders.section.columns.to')}</th>
                <th scope="col">{t('reminders.section.columns.acknowledged')}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.sent.map((r) => (
                <tr key={r.id}>
                  <td>{r.sentAt}</td>
                  <td>
                    {kind(r.kind, r.offsetDays)}
                    {r.status === 'collapsed' ? (
                      <span className="muted"> · {t('reminders.section.collapsed')}</span>
                    ) : null}
                    {!r.current ? <span className="muted"> · {t('reminders.section.earlierTerm')}</span> : null}
                  </td>
                  <td>
                    <DateText date={r.deadline} />
                  </td>
                  <td>
                    {r.recipients
                      .map((p) => (p.as === 'partner' ? `${p.name} (${t('reminders.section.partner')})` : p.name))
                      .join(', ') || '–'}
                    {r.escalated ? <span className="muted"> · {t('reminders.section.escalated')}</span> : null}
                  </td>
                  <td>
                    {r.acknowledgedAt ? (
                      t('reminders.section.acknowledgedBy', { name: r.acknowledgedBy ?? '–', at: r.acknowledgedAt })
                    ) : r.status === 'sent' ? (
                      <Form method="post" action={`/reminders/${r.id}/ack`}>
                        <input type="hidden" name="back" value="protocol" />
                        <span className="muted">{t('reminders.section.notAcknowledged')}</span>{' '}
                        <button type="submit" className="button secondary">
                          {t('reminders.section.acknowledge')}
                        </button>
                      </Form>
                    ) : (
                      <span className="muted">{t('reminders.section.notAcknowledged')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('reminders.section.planned')}</h3>
      {reminders.planned.length === 0 ? (
        <p className="muted">{t('reminders.section.nonePlanned')}</p>
      ) : (
        <ul>
          {reminders.planned.map((r) => (
            <li key={`${r.termKey}|${r.kind}|${r.offsetDays ?? ''}`}>
              <DateText date={r.dueOn} /> · {kind(r.kind, r.offsetDays)} · {t('reminders.section.columns.deadline')}{' '}
              <DateText date={r.deadline} />
              {r.toPartners ? <span className="muted"> · {t('reminders.section.toPartners')}</span> : null}
              {r.dueNow ? <span className="muted"> · {t('reminders.section.dueNow')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
