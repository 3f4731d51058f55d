/**
 * The platform's CLI on a running test app's database, at a date (emails stay in the local
 * outbox: no Resend). Asynchronous, so that the test's HTTP client keeps noticing the server
 * closing idle connections meanwhile.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { RunningApp } from './app'

const root = path.resolve(import.meta.dirname, '../..')

export function cliAt(app: RunningApp, date: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_PATH: app.databasePath,
        APP_NOW: `${date}T09:00:00Z`,
        APP_URL: app.url,
        RESEND_API_KEY: '',
        RESEND_BASE_URL: '',
      },
    })
    let stdout = ''
    let stderr = ''
    // Decoded as streams, so that a character split between two chunks stays whole.
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (c: string) => (stdout += c))
    child.stderr.on('data', (c: string) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
