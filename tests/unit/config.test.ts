import { describe, expect, it } from 'vitest'
import { parseConfig, type Config, type ConfigResult } from '~/domain/config'

function ok(result: ConfigResult): Config {
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.errors.join('; ')}`)
  return result.config
}

function errors(result: ConfigResult): string[] {
  if (result.ok) throw new Error('expected the configuration to be refused')
  return result.errors
}

const SECRET = 'x'.repeat(32)

describe('defaults', () => {
  it('runs with nothing set, in development, on port 3000, with the local outbox', () => {
    expect(ok(parseConfig({}))).toEqual({
      nodeEnv: 'development',
      isProduction: false,
      databasePath: './data/app.db',
      port: 3000,
      sessionSecret: undefined,
      appUrl: 'http://localhost:3000',
      resendApiKey: undefined,
      resendBaseUrl: undefined,
      resendRequestsPerSecond: 2,
      emailFrom: 'Planuri sociale <no-reply@planuri-sociale.localhost>',
      fixedNow: undefined,
      workerEnabled: true,
      workerIntervalMs: 3000,
      rateLimitPerMinute: 600,
      pageCacheBytes: 64 * 1024 * 1024,
    })
  })

  it('treats an empty NODE_ENV as development and empty optional values as unset', () => {
    const config = ok(parseConfig({ NODE_ENV: '', SESSION_SECRET: '', APP_URL: '  ', RESEND_API_KEY: '' }))
    expect(config.nodeEnv).toBe('development')
    expect(config.sessionSecret).toBeUndefined()
    expect(config.resendApiKey).toBeUndefined()
    expect(config.appUrl).toBe('http://localhost:3000')
  })

  it('reads the values that are set', () => {
    const config = ok(
      parseConfig({
        NODE_ENV: 'test',
        PORT: '3300',
        DATABASE_PATH: '/tmp/x.db',
        SESSION_SECRET: SECRET,
        APP_URL: 'https://planuri.example.ro/',
        RESEND_API_KEY: 're_123',
        EMAIL_FROM: 'Primăria <no-reply@primarie.ro>',
        APP_NOW: '2026-01-15T09:00:00Z',
        WORKER: 'off',
        WORKER_INTERVAL_MS: '200',
        RATE_LIMIT_PER_MINUTE: '100000',
        PAGE_CACHE_MB: '0.5',
      }),
    )
    expect(config).toMatchObject({
      nodeEnv: 'test',
      port: 3300,
      databasePath: '/tmp/x.db',
      sessionSecret: SECRET,
      appUrl: 'https://planuri.example.ro', // without the trailing slash
      resendApiKey: 're_123',
      emailFrom: 'Primăria <no-reply@primarie.ro>',
      workerEnabled: false,
      workerIntervalMs: 200,
      rateLimitPerMinute: 100000,
      pageCacheBytes: 524288,
    })
    expect(config.fixedNow?.toISOString()).toBe('2026-01-15T09:00:00.000Z')
  })

  it('refuses a negative page cache size with the way to turn it off', () => {
    const result = parseConfig({ PAGE_CACHE_MB: '-1' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toEqual(['PAGE_CACHE_MB must be 0 or more (0 turns the page cache off)'])
  })

  it('builds the default public address from the port', () => {
    expect(ok(parseConfig({ PORT: '8080' })).appUrl).toBe('http://localhost:8080')
  })

  it('accepts a bare email address as sender', () => {
    expect(ok(parseConfig({ EMAIL_FROM: 'no-reply@primarie.ro' })).emailFrom).toBe('no-reply@primarie.ro')
  })
})

describe('a wrong variable is refused with a message naming it', () => {
  it.each([
    ['PORT', 'abc', /whole number/],
    ['PORT', '70000', /between 0 and 65535/],
    ['PORT', '-1', /between 0 and 65535/],
    ['PORT', '3000.5', /whole number/],
    ['APP_URL', 'not-a-url', /absolute URL/],
    ['APP_URL', 'ftp://planuri.example.ro', /http:\/\/ or https:\/\//],
    ['EMAIL_FROM', 'nope', /email address/],
    ['EMAIL_FROM', 'Name <not an address>', /email address/],
    ['SESSION_SECRET', 'too-short', /at least 32 characters/],
    ['NODE_ENV', 'staging', /development, production, test/],
    ['RESEND_BASE_URL', 'not a url', /absolute URL/],
    ['APP_NOW', 'yesterday', /ISO instant/],
    ['WORKER', 'yes', /on or off/],
    ['WORKER_INTERVAL_MS', '10', /at least 100/],
    ['RATE_LIMIT_PER_MINUTE', '0', /at least 1/],
  ])('%s=%s', (name, value, message) => {
    const problems = errors(
      parseConfig({ [name]: value, RESEND_API_KEY: name === 'RESEND_BASE_URL' ? 're_1' : undefined }),
    )
    expect(problems.length).toBeGreaterThan(0)
    // Every message names the variable, and one says what is wrong with it.
    for (const p of problems) expect(p.startsWith(`${name} `)).toBe(true)
    expect(problems.some((p) => message.test(p))).toBe(true)
  })

  it('lists every wrong variable at once', () => {
    const problems = errors(parseConfig({ PORT: 'abc', APP_URL: 'not-a-url', EMAIL_FROM: 'nope' }))
    expect([...new Set(problems.map((p) => p.split(' ')[0]))].sort()).toEqual(['APP_URL', 'EMAIL_FROM', 'PORT'])
  })
})

describe('production', () => {
  it('refuses to start without SESSION_SECRET and APP_URL, naming both', () => {
    const problems = errors(parseConfig({ NODE_ENV: 'production' }))
    expect(problems).toHaveLength(2)
    expect(problems.some((p) => p.includes('SESSION_SECRET') && /required in production/.test(p))).toBe(true)
    expect(problems.some((p) => p.includes('APP_URL') && /required in production/.test(p))).toBe(true)
  })

  it('refuses a missing SESSION_SECRET alone', () => {
    const problems = errors(parseConfig({ NODE_ENV: 'production', APP_URL: 'https://planuri.example.ro' }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^SESSION_SECRET /)
  })

  it('refuses a missing APP_URL alone', () => {
    const problems = errors(parseConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^APP_URL /)
  })

  it('starts with both set', () => {
    const config = ok(
      parseConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, APP_URL: 'https://planuri.example.ro' }),
    )
    expect(config.isProduction).toBe(true)
    expect(config.appUrl).toBe('https://planuri.example.ro')
  })

  it('does not require them outside production', () => {
    expect(ok(parseConfig({ NODE_ENV: 'test' })).isProduction).toBe(false)
    expect(ok(parseConfig({ NODE_ENV: 'development' })).isProduction).toBe(false)
  })
})

describe('email delivery', () => {
  it('refuses RESEND_BASE_URL without RESEND_API_KEY', () => {
    const problems = errors(parseConfig({ RESEND_BASE_URL: 'http://127.0.0.1:4010' }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('RESEND_BASE_URL')
    expect(problems[0]).toContain('RESEND_API_KEY')
  })

  it('accepts both together, or the API key alone', () => {
    expect(ok(parseConfig({ RESEND_BASE_URL: 'http://127.0.0.1:4010', RESEND_API_KEY: 're_1' })).resendBaseUrl).toBe(
      'http://127.0.0.1:4010',
    )
    expect(ok(parseConfig({ RESEND_API_KEY: 're_1' })).resendBaseUrl).toBeUndefined()
  })
})

describe('RESEND_REQUESTS_PER_SECOND', () => {
  it('defaults to Resend’s limit of 2 and refuses a non-positive rate', async () => {
    const { parseConfig } = await import('~/domain/config')
    const ok = parseConfig({})
    expect(ok.ok && ok.config.resendRequestsPerSecond).toBe(2)
    const bad = parseConfig({ RESEND_REQUESTS_PER_SECOND: '0' })
    expect(bad.ok).toBe(false)
    expect(bad.ok ? '' : bad.errors.join('\n')).toContain('RESEND_REQUESTS_PER_SECOND')
  })
})
