import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { DateText } from '~/components/protocol-ui'
import { addendumFormSchema } from '~/domain/protocol-form'
import { addAddendum, ExtensionNeedsEndError } from '~/models/protocol.server'
import { clock } from '~/services/clock.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { protocolFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'protocols.addendum.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'protocols.addendum.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = protocolFor(request, params.slug, params.id, 'protocol.manage')
  return { title: detail.protocol.title, currentEnd: detail.term.end, today: clock.today() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, detail, user } = protocolFor(request, params.slug, params.id, 'protocol.manage')
  const submission = parseWithZod(await request.formData(), { schema: addendumFormSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  try {
    addAddendum(detail, submission.value, user.id)
  } catch (e) {
    if (e instanceof ExtensionNeedsEndError) {
      return invalid(submission.reply({ formErrors: ['protocols.addendum.needsEnd'] }))
    }
    throw e
  }
  return redirect(`/a/${authority.slug}/staff/protocols/${detail.protocol.id}?done=addendum`)
}

export default function AddAddendum() {
  const { t } = useTranslation()
  const { title, currentEnd, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { title: `Act adițional la ${title}`, signedOn: today, effect: 'extension', extensionUnit: 'M' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addendumFormSchema }),
    shouldValidate: 'onBlur',
  })
  const units = (['Y', 'M', 'D'] as const).map((u) => ({ value: u, label: t(`protocols.form.units.${u}`) }))
  return (
    <>
      <h1>{t('protocols.addendum.heading', { title })}</h1>
      <p className="lead">
        {t('protocols.addendum.intro')}{' '}
        {currentEnd ? (
          <>
            {t('protocols.addendum.currentEnd')} <DateText date={currentEnd} />.
          </>
        ) : (
          t('protocols.addendum.noEnd')
        )}
      </p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.title} label={t('protocols.fields.title')} />
        <TextField field={fields.listNumber} label={t('protocols.fields.listNumber')} />
        <TextField field={fields.signedOn} label={t('protocols.fields.signedOn')} type="date" />
        <TextField field={fields.registrationNumber} label={t('protocols.fields.authorityRegistrationNumber')} />
        <TextField
          field={fields.registrationDate}
          label={t('protocols.fields.authorityRegistrationDate')}
          type="date"
        />
        <SelectField
          field={fields.effect}
          label={t('protocols.addendum.effect')}
          options={[
            { value: 'extension', label: t('protocols.addendum.effects.extension') },
            { value: 'modification', label: t('protocols.addendum.effects.modification') },
          ]}
        />
        <div className="field-row">
          <TextField field={fields.extensionAmount} label={t('protocols.addendum.extensionAmount')} type="number" />
          <SelectField field={fields.extensionUnit} label={t('protocols.fields.unit')} options={units} />
        </div>
        <TextField
          field={fields.newEnd}
          label={t('protocols.addendum.newEnd')}
          hint={t('protocols.addendum.newEndHint')}
          type="date"
        />
        <TextAreaField field={fields.changeNote} label={t('protocols.addendum.changeNote')} rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {t('protocols.addendum.submit')}
          </button>
        </div>
      </Form>
    </>
  )
}
