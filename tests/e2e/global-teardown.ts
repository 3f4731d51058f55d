import fs from 'node:fs'

/** Removes the run's temporary database folder (set by playwright.config.ts). */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR
  if (dir && dir.includes('planuri-e2e-')) fs.rmSync(dir, { recursive: true, force: true })
}
