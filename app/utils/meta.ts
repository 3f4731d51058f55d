import { createInstance, type TFunction } from 'i18next'
import { i18nConfig, isLocale, type AppLocale } from '~/i18n'

const instances = new Map<AppLocale, TFunction>()

/** A translate function usable anywhere, including `meta` exports (no hooks there). */
export function translator(locale: AppLocale): TFunction {
  let t = instances.get(locale)
  if (!t) {
    const instance = createInstance()
    void instance.init({ ...i18nConfig, lng: locale, initImmediate: false })
    t = instance.getFixedT(locale)
    instances.set(locale, t)
  }
  return t
}

type Matches = ReadonlyArray<{ id: string; data?: unknown } | undefined>

export function localeFromMatches(matches: Matches): AppLocale {
  const root = matches.find((m) => m?.id === 'root')?.data as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : 'ro'
}

/** `<title>` for a page: "<page> · <platform name>". */
export function pageTitle(matches: Matches, key: string, values?: Record<string, unknown>) {
  const t = translator(localeFromMatches(matches))
  return [{ title: `${t(key, values)} · ${t('app.name')}` }]
}

/** `<title>` from text that needs no translation (an authority's name, a plan's title). */
export function plainTitle(matches: Matches, text: string) {
  const t = translator(localeFromMatches(matches))
  return [{ title: `${text} · ${t('app.name')}` }]
}
