import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProtocolForm } from '~/components/protocol-form'
import { protocolFormSchema, termToForm } from '~/domain/protocol-form'
import { updateProtocol } from '~/models/protocol.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { protocolFor, protocolFormDefaults, protocolInput, staffOptions } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'protocols.edit.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'protocols.edit.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, detail } = protocolFor(request, params.slug, params.id, 'protocol.manage')
  return {
    authority: { slug: authority.slug, name: authority.name },
    staff: staffOptions(authority.id),
    title: detail.protocol.title,
    defaults: { ...protocolFormDefaults(detail), ...termToForm(detail.term) },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, detail, user } = protocolFor(request, params.slug, params.id, 'protocol.manage')
  const submission = parseWithZod(await request.formData(), { schema: protocolFormSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  updateProtocol(detail, protocolInput(submission.value, authority), user.id)
  return redirect(`/a/${authority.slug}/staff/protocols/${detail.protocol.id}?done=saved`)
}

export default function EditProtocol() {
  const { t } = useTranslation()
  const { authority, staff, title, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>{t('protocols.edit.heading', { title })}</h1>
      <p className="lead">{t('protocols.edit.intro')}</p>
      <ProtocolForm
        lastResult={lastResult}
        defaultValue={defaults}
        authorityName={authority.name}
        staff={staff}
        submitLabel={t('protocols.edit.submit')}
      />
    </>
  )
}
