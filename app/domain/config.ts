/**
 * Configuration from environment variables, validated with zod. Pure: it takes the
 * environment as an argument and returns either the configuration or messages that name the
 * wrong variable. Reading files (the generated development secret) is done by the caller.
 */
import { z } from 'zod'

export const NODE_ENVS = ['development', 'production', 'test'] as const

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

const envSchema = z.object({
  NODE_ENV: z.enum(NODE_ENVS, {
    errorMap: () => ({ message: `must be one of ${NODE_ENVS.join(', ')}` }),
  }),
  DATABASE_PATH: z.string().trim().min(1, 'must not be empty').default('./data/app.db'),
  PORT: z.coerce
    .number({ invalid_type_error: 'must be a whole number between 0 and 65535' })
    .int('must be a whole number between 0 and 65535')
    .min(0, 'must be a whole number between 0 and 65535')
    .max(65535, 'must be a whole number between 0 and 65535')
    .default(3000),
  SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters long').optional()),
  APP_URL: optionalString.pipe(
    z
      .string()
      .url('must be an absolute URL such as https://planuri.example.ro')
      .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
      .optional(),
  ),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(
    z.string().url('must be an absolute URL such as http://127.0.0.1:4010').optional(),
  ),
  EMAIL_FROM: z
    .string()
    .trim()
    .default('Planuri sociale <no-reply@planuri-sociale.localhost>')
    .refine(
      (v) => /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+(>)?$/.test(v),
      'must be an email address, optionally with a name: "Name <address@example.ro>"',
    ),
  APP_NOW: optionalString.pipe(
    z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO instant such as 2026-01-15T09:00:00Z')
      .optional(),
  ),
  WORKER: z.enum(['on', 'off'], { errorMap: () => ({ message: 'must be on or off' }) }).default('on'),
  WORKER_INTERVAL_MS: z.coerce
    .number({ invalid_type_error: 'must be a number of milliseconds' })
    .int()
    .min(100, 'must be at least 100')
    .default(3000),
  RESEND_REQUESTS_PER_SECOND: z.coerce
    .number({ invalid_type_error: 'must be a number of requests per second' })
    .positive('must be more than 0')
    .max(1000, 'must be at most 1000')
    .default(2),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int()
    .min(1, 'must be at least 1')
    .default(600),
  PAGE_CACHE_MB: z.coerce
    .number({ invalid_type_error: 'must be a number of megabytes (0 turns the page cache off)' })
    .min(0, 'must be 0 or more (0 turns the page cache off)')
    .max(4096, 'must be at most 4096')
    .default(64),
})

export type Env = z.infer<typeof envSchema>

export type Config = {
  nodeEnv: (typeof NODE_ENVS)[number]
  isProduction: boolean
  databasePath: string
  port: number
  /** Undefined only when the caller must generate a development secret. */
  sessionSecret: string | undefined
  appUrl: string
  resendApiKey: string | undefined
  resendBaseUrl: string | undefined
  /** Requests per second to Resend (its default account limit is 2). */
  resendRequestsPerSecond: number
  emailFrom: string
  fixedNow: Date | undefined
  workerEnabled: boolean
  workerIntervalMs: number
  rateLimitPerMinute: number
  /** Memory for rendered pages (app/services/page-cache.server.ts), in bytes; 0: no cache. */
  pageCacheBytes: number
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] }

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const input = { ...env, NODE_ENV: env.NODE_ENV || 'development' }
  const parsed = envSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`),
    }
  }
  const e = parsed.data
  const errors: string[] = []
  const isProduction = e.NODE_ENV === 'production'
  if (isProduction && !e.SESSION_SECRET) {
    errors.push(
      'SESSION_SECRET is required in production: set it to a random string of at least 32 characters (for example the output of `openssl rand -hex 32`)',
    )
  }
  if (isProduction && !e.APP_URL) {
    errors.push('APP_URL is required in production: the public address of the platform, used in emails')
  }
  if (e.RESEND_BASE_URL && !e.RESEND_API_KEY) {
    errors.push('RESEND_BASE_URL is set but RESEND_API_KEY is not: set both, or neither to use the local outbox')
  }
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    config: {
      nodeEnv: e.NODE_ENV,
      isProduction,
      databasePath: e.DATABASE_PATH,
      port: e.PORT,
      sessionSecret: e.SESSION_SECRET,
      appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      resendApiKey: e.RESEND_API_KEY,
      resendBaseUrl: e.RESEND_BASE_URL,
      resendRequestsPerSecond: e.RESEND_REQUESTS_PER_SECOND,
      emailFrom: e.EMAIL_FROM,
      fixedNow: e.APP_NOW ? new Date(e.APP_NOW) : undefined,
      workerEnabled: e.WORKER === 'on',
      workerIntervalMs: e.WORKER_INTERVAL_MS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    },
  }
}
