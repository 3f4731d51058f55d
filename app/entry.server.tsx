import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type TFunction } from 'i18next'
import { renderToPipeableStream, renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '#db/client.ts'
import { i18nConfig } from '~/i18n'
import { getLocale } from '~/utils/i18n.server'
import { NonceProvider } from '~/utils/nonce'

export const streamTimeout = 5000

/**
 * Requests whose loader or action failed because another process held the database lock past
 * the busy timeout (`handleError` sees the error before Remix hides it outside development).
 * They answer 503 with `Retry-After`, never 500: nothing is wrong with the request, and nothing
 * was half-written (each change is one transaction).
 */
const busyRequests = new WeakSet<Request>()

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = createInstance()
  const lng = await getLocale(request)
  await instance.use(initReactI18next).init({ ...i18nConfig, lng })
  const nonce = loadContext.cspNonce ?? ''

  if (busyRequests.has(request)) return unavailablePage(request, instance.getFixedT(lng), lng, remixContext)

  return new Promise<Response>((resolve, reject) => {
    let failed = false
    // Gives up on a render that takes too long. Cleared as soon as the render ends: a pending
    // timer would keep the whole render (the page's data, the i18next instance, the request and
    // its response) alive for seconds after the answer was sent, hundreds of them under load.
    const timeout = setTimeout(() => abort(), streamTimeout + 1000)
    // The whole page is rendered before anything is sent: every page must read fully without
    // JavaScript, and the status code must be final.
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timeout)
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: failed ? 500 : responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          clearTimeout(timeout)
          reject(error)
        },
        onError(error: unknown) {
          failed = true
          console.error(error)
        },
      },
    )
  })
}

/**
 * The page of a request the locked database stopped: static (no script, so nothing hydrates
 * it into the generic error), with the site's stylesheets and the reader's language. After a
 * form was sent, it says that nothing was recorded and to send it again.
 */
function unavailablePage(request: Request, t: TFunction, lng: string, remixContext: EntryContext): Response {
  const submitted = request.method !== 'GET' && request.method !== 'HEAD'
  const links = remixContext.routeModules.root?.links?.() ?? []
  const stylesheets = links.flatMap((l) => ('rel' in l && l.rel === 'stylesheet' && l.href ? [l.href] : []))
  const title = t('errors.unavailable.title')
  const markup = renderToStaticMarkup(
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <main id="main">
          <div className="page narrow error-page">
            <p className="error-code">503</p>
            <h1>{title}</h1>
            <p>{t(submitted ? 'errors.unavailable.bodyAfterSubmit' : 'errors.unavailable.body')}</p>
            {submitted ? null : (
              <p>
                <a href={new URL(request.url).pathname + new URL(request.url).search}>
                  {t('errors.unavailable.retry')}
                </a>
              </p>
            )}
            <p>
              <a href="/">{t('errors.backHome')}</a>
            </p>
          </div>
        </main>
      </body>
    </html>,
  )
  return new Response(`<!DOCTYPE html>${markup}`, {
    status: 503,
    headers: unavailableHeaders(new Headers({ 'Content-Type': 'text/html; charset=utf-8' })),
  })
}

function unavailableHeaders(headers: Headers): Headers {
  headers.set('Retry-After', String(DATABASE_BUSY_RETRY_AFTER_SECONDS))
  headers.set('Cache-Control', 'no-store')
  return headers
}

/** Client-side navigations and submissions (single fetch): the same 503 and `Retry-After`. */
export function handleDataRequest(response: Response, { request }: { request: Request }): Response {
  if (!busyRequests.has(request)) return response
  return new Response(response.body, {
    status: 503,
    statusText: 'Service Unavailable',
    headers: unavailableHeaders(new Headers(response.headers)),
  })
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (isDatabaseBusy(error)) {
    busyRequests.add(request)
    // Resource routes answer 500 without asking this module: server.ts may listen here to turn
    // that answer into the same 503.
    context.onDatabaseBusy?.()
    const { pathname } = new URL(request.url)
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause : error).message : ''
    console.error(`database locked by another process: ${request.method} ${pathname} answered 503 (${reason})`)
    return
  }
  if (request.signal.aborted) return
  console.error(error)
}
