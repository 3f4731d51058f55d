import { en } from '~/locales/en'
import { ro } from '~/locales/ro'

export const SUPPORTED_LOCALES = ['ro', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'ro'

export const resources = {
  ro: { translation: ro },
  en: { translation: en },
}

export function isLocale(value: unknown): value is AppLocale {
  return value === 'ro' || value === 'en'
}

/** Shared i18next options for the server and the browser. */
export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  resources,
}
