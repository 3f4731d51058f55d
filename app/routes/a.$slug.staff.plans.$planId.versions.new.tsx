import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OutlinePreview, PlanSourceFields } from '~/components/outline-editor'
import type { ParsedSection } from '~/domain/plan-parser'
import { addVersion, PlanStateError } from '~/models/plan.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { MAX_PLAN_FILE_BYTES, readOutline, readPlanSource } from '~/utils/plan-import-form.server'
import { staffPlanFor } from '~/utils/plan-route.server'
import { readForm } from '~/utils/upload.server'

export const handle = { staffBreadcrumb: 'plans.versions.newTitle' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.reference} · ${data.plan.title}`) : []

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan } = staffPlanFor(request, params.slug, params.planId, 'plan.manage')
  return { authority: { slug: authority.slug }, plan: { id: plan.id, reference: plan.reference, title: plan.title } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan, user } = staffPlanFor(request, params.slug, params.planId, 'plan.manage')
  const read = await readForm(request, MAX_PLAN_FILE_BYTES)
  if ('error' in read) return invalid({ error: 'too_large', preview: null })
  const form = read.form
  const note = String(form.get('note') ?? '')
    .trim()
    .slice(0, 2000)
  if (form.get('intent') === 'save') {
    const sections = readOutline(form)
    if (!sections) return invalid({ error: 'outline', preview: null })
    if (!note) return invalid({ error: 'note', note, preview: { sections, sourceFileName: null } })
    try {
      addVersion(plan, { sections, note, sourceFileName: String(form.get('sourceFileName') ?? '') || null }, user.id)
    } catch (e) {
      if (e instanceof PlanStateError) return invalid({ error: 'not_closed', preview: null })
      throw e
    }
    return redirect(`/a/${authority.slug}/staff/plans/${plan.id}?done=version`)
  }
  const source = await readPlanSource(form)
  if ('error' in source) return invalid({ error: source.error, note, preview: null })
  return {
    error: null,
    note,
    preview: { sections: source.plan.sections as ParsedSection[], sourceFileName: source.sourceFileName },
  }
}

export default function NewVersion() {
  const { t } = useTranslation()
  const { plan, authority } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const preview = data?.preview ?? null
  return (
    <>
      <h1>{t('plans.versions.newTitle')}</h1>
      <p className="muted">
        <Link to={`/a/${authority.slug}/staff/plans/${plan.id}`}>
          {plan.reference} · {plan.title}
        </Link>
      </p>
      <p className="lead">{t('plans.versions.newIntro')}</p>
      <Form method="post" encType="multipart/form-data" className="stacked">
        {data?.error ? (
          <p className="field-error" role="alert">
            {t(`plans.import.errors.${data.error}`)}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="note">{t('plans.versions.note')}</label>
          <p className="hint" id="note-hint">
            {t('plans.versions.noteHint')}
          </p>
          <textarea
            id="note"
            name="note"
            rows={3}
            aria-describedby="note-hint"
            defaultValue={data && 'note' in data ? data.note : ''}
          />
        </div>
        {preview ? (
          <>
            <OutlinePreview
              sections={preview.sections}
              sourceFileName={preview.sourceFileName}
              saveLabel={t('plans.versions.save')}
            />
          </>
        ) : null}
        <PlanSourceFields />
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="button secondary">
            {t('plans.import.preview')}
          </button>
        </div>
      </Form>
    </>
  )
}
