/**
 * End-to-end tests: the production build (`npm run test:e2e` builds first) served by server.ts
 * on port 3300 with a fresh database, driven by Debian's Chromium (apt-get install chromium).
 * No RESEND_API_KEY: emails go to the local outbox, read at /admin/outbox by the platform admin.
 */
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { SERVER_NODE_FLAGS } from './scripts/server-flags.mjs'

const PORT = Number(process.env.E2E_PORT ?? 3300)
const BASE_URL = `http://localhost:${PORT}`

// A new database for every run (the app creates the folder; demo data is seeded into it).
const dataDir = path.join(os.tmpdir(), `planuri-e2e-${Date.now()}-${crypto.randomBytes(4).toString('hex')}`)
const databasePath = path.join(dataDir, 'app.db')
// Read by tests/e2e/global-teardown.ts, which removes the folder after the run.
process.env.E2E_DATA_DIR = dataDir

export default defineConfig({
  testDir: 'tests/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    locale: 'ro-RO',
    timezoneId: 'Europe/Bucharest',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `node ${SERVER_NODE_FLAGS.join(' ')} ${path.join(process.env.BUILD_DIR || 'build', 'express/server.js')}`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      NODE_ENV: 'test',
      DATABASE_PATH: databasePath,
      WORKER_INTERVAL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Never a real email service, whatever the shell has set.
      RESEND_API_KEY: '',
      RESEND_BASE_URL: '',
      APP_URL: BASE_URL,
    },
  },
})
