import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { SiteFooter, SiteHeader } from '~/components/site-chrome'
import { getAuthorityById } from '~/models/authority.server'
import { getConfig } from '~/services/config.server'
import { getActor, getUser } from '~/utils/auth.server'
import { getLocale } from '~/utils/i18n.server'
import { useNonce } from '~/utils/nonce'
import stylesheet from '~/styles/app.css?url'
import plansStylesheet from '~/styles/plans.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'stylesheet', href: plansStylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const handle = { i18n: 'translation' }

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  const user = getUser(request)
  const actor = getActor(request)
  const staffOf = actor
    ? Object.keys(actor.staffRoles)
        .map((id) => getAuthorityById(id))
        .filter((a) => a !== undefined)
        .map((a) => ({ id: a.id, slug: a.slug, name: a.name }))
    : []
  return {
    locale,
    localOutbox: !getConfig().resendApiKey,
    user: user
      ? {
          id: user.id,
          name: user.name,
          email: user.email,
          verified: user.emailVerifiedAt !== null,
          isPlatformAdmin: user.isPlatformAdmin,
        }
      : null,
    staffOf,
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData()
  const nonce = useNonce()
  const { t } = useTranslation()
  const locale = data?.locale ?? 'ro'
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const data = useRootData()
  useChangeLanguage(data?.locale ?? 'ro')
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind =
    status === 404
      ? 'notFound'
      : status === 403 || status === 401
        ? 'forbidden'
        : status === 503
          ? 'unavailable'
          : 'serverError'
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <div className="page narrow error-page">
      <title>{`${t(`errors.${kind}.title`)} · ${t('app.name')}`}</title>
      <p className="error-code">{status}</p>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </div>
  )
}
