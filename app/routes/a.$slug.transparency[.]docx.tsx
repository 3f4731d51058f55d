import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderDocx } from '~/services/docx.server'
import { transparencyDocModel } from '~/services/plan-docx.server'
import { getLocale } from '~/utils/i18n.server'
import { transparencyFor } from '~/utils/transparency.server'
import { attachmentDisposition } from '~/utils/upload.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await getLocale(request)
  const { authority, year, input, counts, labels } = transparencyFor(params.slug, new URL(request.url), language)
  const bytes = await renderDocx(
    transparencyDocModel({ counts, labels, year, authorityName: authority.name, language, plans: input.plans }),
  )
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': attachmentDisposition(`raport-transparenta-${authority.slug}-${year}.docx`),
      'Content-Length': String(bytes.byteLength),
    },
  })
}
