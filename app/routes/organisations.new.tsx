import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors } from '~/components/forms'
import { OrganisationFields, useOrganisationForm } from '~/components/organisation-form'
import { organisationSchema, toOrganisationInput } from '~/domain/organisation-rules'
import { createOrganisation } from '~/models/organisation.server'
import { requirePermission } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.new.title')

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, 'organisation.create', { type: 'platform' })
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = requirePermission(request, 'organisation.create', { type: 'platform' })
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const organisation = createOrganisation(toOrganisationInput(submission.value), user.id)
  throw redirect(`/organisations/${organisation.slug}?done=created`)
}

export default function NewOrganisation() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useOrganisationForm(lastResult)
  return (
    <div className="page narrow">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisations">{t('organisations.list.title')}</Link>
          </li>
          <li aria-current="page">{t('organisations.new.title')}</li>
        </ol>
      </nav>
      <h1>{t('organisations.new.title')}</h1>
      <p className="lead">{t('organisations.new.intro')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <OrganisationFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button">
            {t('organisations.new.submit')}
          </button>
          <Link to="/organisations">{t('organisations.edit.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
