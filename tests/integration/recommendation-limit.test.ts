/**
 * The limit on recommendations a person sends in an hour (30): the 31st within the hour is
 * refused with a message and nothing stored; another person is not affected; an hour after the
 * first ones, the person can send again. The app's clock is moved with APP_CLOCK_OFFSET_FILE.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RECOMMENDATIONS_PER_HOUR } from '~/domain/consultation'
import { demoConsultation, type DemoConsultation } from '../faults/helpers'
import { Client, DEMO_PASSWORD, startApp, type RunningApp } from '../support/app'

const CITIZEN = 'cetatean@demo.planuri.ro'
const VOLUNTEER = 'voluntar@demo.planuri.ro'
const NOW = '2026-11-23T09:00:00Z'

let app: RunningApp
let consultation: DemoConsultation
const offsetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rec-limit-'))
const offsetFile = path.join(offsetDir, 'offset')

beforeAll(async () => {
  fs.writeFileSync(offsetFile, '0')
  app = await startApp({ APP_NOW: NOW, APP_CLOCK_OFFSET_FILE: offsetFile })
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    consultation = demoConsultation(db)
  } finally {
    db.close()
  }
})

afterAll(async () => {
  await app?.stop()
  fs.rmSync(offsetDir, { recursive: true, force: true })
})

async function loggedIn(email: string) {
  const client = new Client(app.url)
  await client.login(email, DEMO_PASSWORD)
  return client
}

/** The person's recommendations stored (sent after `since`, in epoch milliseconds, when given). */
function storedBy(email: string, since = 0): number {
  const db = new Database(app.databasePath, { readonly: true, fileMustExist: true })
  try {
    return (
      db
        .prepare(
          `SELECT count(*) AS n FROM recommendations r JOIN users u ON u.id = r.author_user_id
           WHERE u.email = ? AND r.submitted_at > ?`,
        )
        .get(email, since) as { n: number }
    ).n
  } finally {
    db.close()
  }
}

const send = (client: Client, i: number) =>
  client.post(`${consultation.url}/sections/${consultation.anchors[i % consultation.anchors.length]}`, {
    signAs: 'person',
    text: `Recomandarea nr. ${i}: propunem un serviciu de îngrijire la domiciliu în fiecare sat.`,
  })

describe('recommendations a person sends in an hour', () => {
  it(`accepts up to ${RECOMMENDATIONS_PER_HOUR}, refuses the next with a message, and accepts again an hour later`, async () => {
    const citizen = await loggedIn(CITIZEN)
    const before = storedBy(CITIZEN)
    // The demo has the citizen's own recommendations, some of them within the last hour.
    const allowed = RECOMMENDATIONS_PER_HOUR - storedBy(CITIZEN, Date.parse(NOW) - 60 * 60_000)
    expect(allowed).toBeGreaterThan(20)
    for (let i = 0; i < allowed; i++) expect((await send(citizen, i)).status).toBe(302)
    expect(storedBy(CITIZEN)).toBe(before + allowed)

    const refused = await send(citizen, allowed)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Ați trimis multe recomandări în ultima oră')
    expect(storedBy(CITIZEN)).toBe(before + allowed)

    // Someone else is not held back by it.
    expect((await send(await loggedIn(VOLUNTEER), 0)).status).toBe(302)

    // 61 minutes later the first ones are more than an hour old.
    fs.writeFileSync(offsetFile, String(61 * 60_000))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await send(citizen, allowed + 1)).status).toBe(302)
    expect(storedBy(CITIZEN)).toBe(before + allowed + 1)
  })
})
