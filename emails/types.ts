/** The translate function templates receive: keys of app/locales, values interpolated. */
export type EmailT = (key: string, values?: Record<string, unknown>) => string
