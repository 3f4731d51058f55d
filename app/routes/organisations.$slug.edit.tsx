import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors } from '~/components/forms'
import { getOrganisationBySlug, updateOrganisation } from '~/models/organisation.server'
import { OrganisationFields, useOrganisationForm } from '~/components/organisation-form'
import { organisationSchema, toOrganisationInput } from '~/domain/organisation-rules'
import { notFound, requirePermission } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'organisations.edit.title', { name: data?.organisation.name ?? '' })

function editableOrganisation(request: Request, slug: string | undefined) {
  const organisation = getOrganisationBySlug(slug ?? '')
  if (!organisation) throw notFound()
  const { user } = requirePermission(request, 'organisation.edit', {
    type: 'organisation',
    organisationId: organisation.id,
  })
  return { organisation, user }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = editableOrganisation(request, params.slug)
  return {
    organisation: {
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      registryNumber: organisation.registryNumber ?? '',
      website: organisation.website ?? '',
      contactEmail: organisation.contactEmail,
      description: organisation.description ?? '',
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = editableOrganisation(request, params.slug)
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  updateOrganisation(organisation, toOrganisationInput(submission.value), user.id)
  throw redirect(`/organisations/${organisation.slug}?done=saved`)
}

export default function EditOrganisation() {
  const { t } = useTranslation()
  const { organisation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { slug, ...defaultValue } = organisation
  const [form, fields] = useOrganisationForm(lastResult, defaultValue)
  return (
    <div className="page narrow">
      <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisations">{t('organisations.list.title')}</Link>
          </li>
          <li>
            <Link to={`/organisations/${slug}`}>{organisation.name}</Link>
          </li>
          <li aria-current="page">{t('organisations.edit.breadcrumb')}</li>
        </ol>
      </nav>
      <h1>{t('organisations.edit.heading')}</h1>
      <p className="lead">{t('organisations.edit.slugNote')}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <OrganisationFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button">
            {t('organisations.edit.submit')}
          </button>
          <Link to={`/organisations/${slug}`}>{t('organisations.edit.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
