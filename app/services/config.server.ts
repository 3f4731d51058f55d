import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseConfig, type Config } from '~/domain/config'
import { singleton } from '~/utils/singleton.server'

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/**
 * In development and tests with no SESSION_SECRET, a random secret is generated once into the
 * data folder (next to the database) and reused on every later start.
 */
function developmentSecret(databasePath: string): string {
  const dir = databasePath === ':memory:' ? path.resolve('data') : path.dirname(path.resolve(databasePath))
  const file = path.join(dir, 'session-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dir, { recursive: true })
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config & {
  sessionSecret: string
} {
  const result = parseConfig(env)
  if (!result.ok) throw new ConfigError(result.errors)
  const config = result.config
  return { ...config, sessionSecret: config.sessionSecret ?? developmentSecret(config.databasePath) }
}

/** The configuration of this process, validated once. */
export function getConfig() {
  return singleton('config', () => loadConfig())
}
