import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText, problemDetail, usePeriodText } from '~/components/protocol-ui'
import { PROTOCOL_FORMATS, detectFormat, parseProtocols, type ProtocolFormat } from '~/domain/protocol-parser'
import type { ParsedProtocolRow } from '~/domain/protocol-types'
import { importProtocols } from '~/models/protocol-import.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'protocols.import.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'protocols.import.title')

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority } = authorityFor(request, params.slug, 'protocol.manage')
  return { authority: { slug: authority.slug, name: authority.name } }
}

type Preview = {
  text: string
  format: ProtocolFormat
  rows: ParsedProtocolRow[]
  error?: string
}

async function readSubmission(request: Request): Promise<{ form: FormData } | { error: string }> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('multipart/form-data')) return { form: await request.formData() }
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    )
    return { form }
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { error: 'tooLarge' }
    throw e
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, user } = authorityFor(request, params.slug, 'protocol.manage')
  const submission = await readSubmission(request)
  if ('error' in submission)
    return invalid<Preview>({ text: '', format: 'plan-table', rows: [], error: submission.error })
  const { form } = submission
  let text = String(form.get('text') ?? '')
  const file = form.get('file')
  if (file instanceof File && file.size > 0) text = (await file.text()).replace(/^\uFEFF/, '')
  if (!text.trim()) return invalid<Preview>({ text: '', format: 'plan-table', rows: [], error: 'empty' })
  const chosen = String(form.get('format') ?? '')
  const format = (PROTOCOL_FORMATS as readonly string[]).includes(chosen)
    ? (chosen as ProtocolFormat)
    : detectFormat(text)
  // The text is parsed again on import: what is imported is what the preview showed.
  const rows = parseProtocols(text, format).rows
  if (rows.length === 0) return invalid<Preview>({ text, format, rows, error: 'nothingFound' })

  if (form.get('intent') === 'import') {
    const outcome = importProtocols(authority, rows, user.id, { acceptFlagged: form.get('acceptFlagged') === 'on' })
    if (!outcome.ok) return invalid<Preview>({ text, format, rows, error: 'flaggedNotAccepted' })
    return redirect(`/a/${authority.slug}/staff/protocols?imported=${outcome.imported}&flagged=${outcome.flagged}`)
  }
  const preview: Preview = { text, format, rows }
  return preview
}

export default function ImportProtocols() {
  const { t } = useTranslation()
  const { authority } = useLoaderData<typeof loader>()
  const preview = useActionData<typeof action>()
  const flagged = preview?.rows.filter((r) => r.problems.length > 0).length ?? 0
  return (
    <>
      <h1>{t('protocols.import.title')}</h1>
      <p className="lead">{t('protocols.import.intro', { authority: authority.name })}</p>
      {preview?.error ? (
        <div className="notice error" role="alert">
          <p>{t(`protocols.import.errors.${preview.error}`)}</p>
        </div>
      ) : null}

      {preview && preview.rows.length > 0 ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('protocols.import.previewTitle', { count: preview.rows.length })}</h2>
          <p>
            {t(`protocols.import.formats.${preview.format}`)}.{' '}
            {flagged > 0 ? t('protocols.import.flaggedIntro', { count: flagged }) : t('protocols.import.allGood')}
          </p>
          <PreviewTable rows={preview.rows} />
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="format" value={preview.format} />
            <input type="hidden" name="text" value={preview.text} />
            {flagged > 0 ? (
              <div className="field">
                <label className="checkbox" htmlFor="accept-flagged">
                  <input type="checkbox" id="accept-flagged" name="acceptFlagged" />
                  <span>{t('protocols.import.acceptFlagged', { count: flagged })}</span>
                </label>
              </div>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {t('protocols.import.submit', { count: preview.rows.length })}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="source-title">
        <h2 id="source-title">
          {preview?.rows.length ? t('protocols.import.fixTitle') : t('protocols.import.sourceTitle')}
        </h2>
        <p>{t('protocols.import.sourceHelp')}</p>
        <Form method="post" encType="multipart/form-data" className="stacked">
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="import-text">{t('protocols.import.text')}</label>
            <p className="hint" id="import-text-hint">
              {t('protocols.import.textHint')}
            </p>
            <textarea
              id="import-text"
              name="text"
              rows={14}
              defaultValue={preview?.text ?? ''}
              aria-describedby="import-text-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('protocols.import.file')}</label>
            <p className="hint" id="import-file-hint">
              {t('protocols.import.fileHint')}{' '}
              <Link to={`/a/${authority.slug}/staff/protocols/template.csv`} reloadDocument>
                {t('protocols.import.template')}
              </Link>
            </p>
            <input
              id="import-file"
              type="file"
              name="file"
              accept=".txt,.csv,text/plain,text/csv"
              aria-describedby="import-file-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="import-format">{t('protocols.import.format')}</label>
            <select id="import-format" name="format" defaultValue="">
              <option value="">{t('protocols.import.detect')}</option>
              {PROTOCOL_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`protocols.import.formats.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button secondary">
              {t('protocols.import.preview')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}

function PreviewTable({ rows }: { rows: ParsedProtocolRow[] }) {
  const { t } = useTranslation()
  const period = usePeriodText()
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('protocols.import.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('protocols.import.columns.number')}</th>
            <th scope="col">{t('protocols.import.columns.act')}</th>
            <th scope="col">{t('protocols.import.columns.validity')}</th>
            <th scope="col">{t('protocols.import.columns.understood')}</th>
            <th scope="col">{t('protocols.import.columns.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.number}-${i}`} className={row.problems.length ? 'row-flagged' : undefined}>
              <td>{row.number ?? '–'}</td>
              <td>
                <strong>{row.title}</strong>
                <br />
                <span className="muted">{t(`protocolKinds.${row.kind}`)}</span>
                <br />
                {row.parties.join(' / ')}
                {row.parentNumber ? (
                  <>
                    <br />
                    <span className="muted">{t('protocols.import.amends', { number: row.parentNumber })}</span>
                  </>
                ) : null}
              </td>
              <td>{row.validityText ?? '–'}</td>
              <td>
                {t(`termTypes.${row.term.type}`)}
                <br />
                <DateText date={row.term.start} /> – <DateText date={row.term.end} />
                {row.term.renewalPeriod ? (
                  <> · {t('protocols.detail.renewsFor', { period: period(row.term.renewalPeriod) })}</>
                ) : null}
                {row.term.noticePeriod ? (
                  <> · {t('protocols.detail.noticeOf', { period: period(row.term.noticePeriod) })}</>
                ) : null}
                {row.term.extension ? <> · +{period(row.term.extension)}</> : null}
                {row.term.condition ? <> · {row.term.condition}</> : null}
              </td>
              <td>
                {row.problems.length === 0 ? (
                  <span className="badge ok">{t('protocols.import.ok')}</span>
                ) : (
                  <ul>
                    {row.problems.map((p) => (
                      <li key={p.code + p.message}>
                        <span className="badge warn">
                          {t(`protocols.problems.${p.code}`, { defaultValue: p.code })}
                        </span>{' '}
                        {problemDetail(p.message) ? <span className="muted">({problemDetail(p.message)})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
