import { createCookie } from '@remix-run/node'
import { createInstance, type TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getConfig } from '~/services/config.server'
import { DEFAULT_LOCALE, i18nConfig, isLocale, SUPPORTED_LOCALES, type AppLocale } from '~/i18n'

/** The remembered language choice: one year, signed with SESSION_SECRET, readable by the server only. */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: getConfig().isProduction,
  secrets: [getConfig().sessionSecret],
})

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // Romanian unless the visitor chose otherwise (?lng= or the remembered cookie).
    order: ['searchParams', 'cookie'],
  },
  i18next: i18nConfig,
})

export async function getLocale(request: Request): Promise<AppLocale> {
  const locale = await i18nServer.getLocale(request)
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

const fixed = new Map<AppLocale, TFunction>()

/** A translate function for a locale, outside a request (emails, CLI). */
export function fixedT(locale: AppLocale): TFunction {
  let t = fixed.get(locale)
  if (!t) {
    const instance = createInstance()
    void instance.init({ ...i18nConfig, lng: locale, initImmediate: false })
    t = instance.getFixedT(locale)
    fixed.set(locale, t)
  }
  return t
}
