import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { OutlinePreview, PlanSourceFields } from '~/components/outline-editor'
import { PLAN_KINDS } from '~/domain/consultation'
import { planDetailsSchema } from '~/domain/plan-form'
import type { ParsedSection } from '~/domain/plan-parser'
import { createPlan } from '~/models/plan.server'
import { clock } from '~/services/clock.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { MAX_PLAN_FILE_BYTES, readOutline, readPlanSource } from '~/utils/plan-import-form.server'
import { authorityFor } from '~/utils/protocol-route.server'
import { readForm } from '~/utils/upload.server'

export const handle = { staffBreadcrumb: 'plans.import.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.import.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  authorityFor(request, params.slug, 'plan.manage')
  return { year: Number(clock.today().slice(0, 4)) + 1 }
}

type Preview = { sections: ParsedSection[]; title: string; sourceFileName: string | null }

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, user } = authorityFor(request, params.slug, 'plan.manage')
  const read = await readForm(request, MAX_PLAN_FILE_BYTES)
  if ('error' in read) return invalid({ step: 'source' as const, sourceError: 'too_large', result: undefined })
  const form = read.form
  const intent = String(form.get('intent') ?? 'preview')
  const submission = parseWithZod(form, { schema: planDetailsSchema })

  if (intent === 'save') {
    const sections = readOutline(form)
    if (!sections) return invalid({ step: 'source' as const, sourceError: 'outline', result: undefined })
    const sourceFileName = String(form.get('sourceFileName') ?? '') || null
    if (submission.status !== 'success') {
      return invalid({
        step: 'preview' as const,
        result: submission.reply(),
        preview: { sections, title: '', sourceFileName } satisfies Preview,
      })
    }
    const plan = createPlan(authority.id, { ...submission.value, sections, sourceFileName }, user.id)
    return redirect(`/a/${authority.slug}/staff/plans/${plan.id}?done=created`)
  }

  const source = await readPlanSource(form)
  if ('error' in source) {
    return invalid({ step: 'source' as const, sourceError: source.error, result: submission.reply() })
  }
  const preview: Preview = {
    sections: source.plan.sections,
    title: source.plan.title,
    sourceFileName: source.sourceFileName,
  }
  return { step: 'preview' as const, result: submission.reply(), preview }
}

export default function NewPlan() {
  const { t } = useTranslation()
  const { year } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const preview = data && 'preview' in data ? data.preview : null
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { kind: 'annual_action_plan', year: String(year), title: preview?.title ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planDetailsSchema }),
    shouldValidate: 'onBlur',
  })
  const kinds = PLAN_KINDS.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))
  return (
    <>
      <h1>{t('plans.import.title')}</h1>
      <p className="lead">{t('plans.import.intro')}</p>
      <Form method="post" encType="multipart/form-data" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {data && 'sourceError' in data && data.sourceError ? (
          <p className="field-error" role="alert">
            {t(`plans.import.errors.${data.sourceError}`)}
          </p>
        ) : null}
        <SelectField field={fields.kind} label={t('plans.fields.kind')} options={kinds} />
        <TextField field={fields.title} label={t('plans.fields.title')} />
        <TextField field={fields.year} label={t('plans.fields.year')} type="number" inputMode="numeric" />
        <TextAreaField
          field={fields.summary}
          label={t('plans.fields.summary')}
          hint={t('plans.import.summaryHint')}
          rows={3}
        />
        <TextAreaField
          field={fields.justification}
          label={t('plans.fields.justification')}
          hint={t('plans.import.justificationHint')}
          rows={6}
        />
        {preview ? (
          <section aria-labelledby="outline">
            <h2 id="outline">{t('plans.import.previewTitle')}</h2>
            <p>{t('plans.import.previewIntro')}</p>
            <OutlinePreview
              sections={preview.sections}
              sourceFileName={preview.sourceFileName}
              saveLabel={t('plans.import.save')}
            />
            <p className="hint">{t('plans.import.rereadHint')}</p>
          </section>
        ) : null}
        <PlanSourceFields />
        <div className="actions">
          <button type="submit" name="intent" value="preview" className={preview ? 'button secondary' : 'button'}>
            {preview ? t('plans.import.reread') : t('plans.import.preview')}
          </button>
        </div>
      </Form>
    </>
  )
}
