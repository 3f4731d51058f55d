import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProtocolForm } from '~/components/protocol-form'
import { protocolFormSchema } from '~/domain/protocol-form'
import { createProtocol } from '~/models/protocol.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor, protocolInput, staffOptions } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'protocols.new.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'protocols.new.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, user } = authorityFor(request, params.slug, 'protocol.manage')
  return {
    authority: { slug: authority.slug, name: authority.name },
    staff: staffOptions(authority.id),
    userId: user.id,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, user } = authorityFor(request, params.slug, 'protocol.manage')
  const submission = parseWithZod(await request.formData(), { schema: protocolFormSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const id = createProtocol(authority.id, protocolInput(submission.value, authority), user.id)
  return redirect(`/a/${authority.slug}/staff/protocols/${id}?done=created`)
}

export default function NewProtocol() {
  const { t } = useTranslation()
  const { authority, staff, userId } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>{t('protocols.new.title')}</h1>
      <p className="lead">{t('protocols.new.intro')}</p>
      <ProtocolForm
        lastResult={lastResult}
        defaultValue={{
          kind: 'protocol',
          termType: 'fixed',
          renewalUnit: 'Y',
          noticeUnit: 'D',
          isPublic: 'on',
          responsibleUserId: userId,
        }}
        authorityName={authority.name}
        staff={staff}
        submitLabel={t('protocols.new.submit')}
      />
    </>
  )
}
