/**
 * Starts the production build of the app on a random port with a temporary database, as a
 * separate process, exactly as `npm start` would (tests/support/global-build ensures a build).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs'

export type RunningApp = {
  url: string
  origin: string
  dataDir: string
  databasePath: string
  pid: number
  output: () => string
  /** Stops the server (SIGTERM) and deletes its data folder. */
  stop: () => Promise<void>
  /**
   * Sends a signal (SIGKILL: a crash) and waits for the process to end; the data folder is kept,
   * for `startApp(env, { dataDir })` to start again on the same database.
   */
  kill: (signal?: NodeJS.Signals) => Promise<void>
}

/** The compiled Express entry of the build (npm run build: the Remix build, then scripts/build-server.mjs). */
export function serverEntry(): string {
  return path.join(process.env.BUILD_DIR || 'build', 'express/server.js')
}

export type StartOptions = {
  /** Start on the database of an earlier run (its folder, kept by `kill`) instead of a new one. */
  dataDir?: string
}

export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-test-'))
  const databasePath = path.join(dataDir, 'app.db')
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverEntry()], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_PATH: databasePath,
      WORKER_INTERVAL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
      RESEND_API_KEY: '',
      RESEND_BASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/localhost:\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`App exited with ${code}:\n${output}`))
    })
  })
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill(signal)
      await exited
    }
  }
  return {
    url,
    origin: url,
    dataDir,
    databasePath,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      await end('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
    kill: (signal = 'SIGKILL') => end(signal),
  }
}

/** A browser-like client: keeps cookies, sends the site's Origin on POST, never follows redirects. */
export class Client {
  private cookies = new Map<string, string>()
  constructor(private readonly base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';')
      const [name, ...value] = pair!.split('=')
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()))
      if (expired || value.join('=') === '') this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value.join('='))
    }
  }

  hasCookie(name: string) {
    return this.cookies.has(name)
  }

  async get(pathname: string) {
    const res = await fetch(this.base + pathname, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' })
    this.remember(res)
    return res
  }

  async post(pathname: string, form: Record<string, string | string[]>, options: { origin?: string | null } = {}) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    const headers: Record<string, string> = {
      cookie: this.cookieHeader(),
      'content-type': 'application/x-www-form-urlencoded',
    }
    const origin = options.origin === undefined ? this.base : options.origin
    if (origin !== null) headers.origin = origin
    const res = await fetch(this.base + pathname, { method: 'POST', headers, body, redirect: 'manual' })
    this.remember(res)
    return res
  }

  /** A multipart form (file uploads), with the site's Origin. */
  async postMultipart(pathname: string, form: FormData) {
    const res = await fetch(this.base + pathname, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), origin: this.base },
      body: form,
      redirect: 'manual',
    })
    this.remember(res)
    return res
  }

  async login(email: string, password: string) {
    const res = await this.post('/login', { email, password })
    if (res.status !== 302) throw new Error(`login of ${email} failed with ${res.status}`)
    return res
  }
}

export const DEMO_PASSWORD = 'demo-planuri-2026'
