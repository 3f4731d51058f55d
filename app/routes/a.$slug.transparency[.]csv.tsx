import type { LoaderFunctionArgs } from '@remix-run/node'
import { transparencyCsv } from '~/domain/transparency-report'
import { getLocale } from '~/utils/i18n.server'
import { transparencyFor } from '~/utils/transparency.server'
import { attachmentDisposition } from '~/utils/upload.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, year, counts, labels } = transparencyFor(
    params.slug,
    new URL(request.url),
    await getLocale(request),
  )
  return new Response(transparencyCsv(counts, labels, year, authority.name), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`raport-transparenta-${authority.slug}-${year}.csv`),
    },
  })
}
