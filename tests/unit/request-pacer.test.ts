import { describe, expect, it } from 'vitest'
import { batchIdempotencyKey, planRequests, requestPacer, type OutboxRow } from '~/services/email-delivery.server'

describe('the request pacer', () => {
  it('spaces the starts of requests evenly, however many are asked at once', async () => {
    const pace = requestPacer(20) // 20 per second keeps the test fast: one every 50 ms
    const started: number[] = []
    const t0 = Date.now()
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        await pace()
        started.push(Date.now() - t0)
      }),
    )
    started.sort((a, b) => a - b)
    // six starts need at least five intervals of 50 ms
    expect(started.at(-1)!).toBeGreaterThanOrEqual(240)
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(40)
  })
})

describe('the request pacer on a busy process', () => {
  it('never starts two requests at once when its timers fire late', async () => {
    const pace = requestPacer(20) // one every 50 ms
    const started: number[] = []
    const all = Array.from({ length: 4 }, () => pace().then(() => started.push(Date.now())))
    // The process is busy for 200 ms: every timer of the pacer fires late, all at about once.
    const until = Date.now() + 200
    while (Date.now() < until) {
      // busy
    }
    await Promise.all(all)
    started.sort((a, b) => a - b)
    // The provider's rate holds: each start at least an interval after the one before.
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(45)
  })
})

describe('planning the requests of a delivery cycle', () => {
  const row = (key: string, attempts = 0, providerMessageId: string | null = null) =>
    ({ id: key, idempotencyKey: key, attempts, providerMessageId }) as OutboxRow
  const keys = (requests: OutboxRow[][]) => requests.map((r) => r.map((x) => x.idempotencyKey))

  it('puts fresh rows in batches of at most the batch size, in claim order', () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(`k${i}`))
    expect(planRequests(rows).map((r) => r.length)).toEqual([100, 100, 50])
    expect(keys(planRequests(rows.slice(0, 5), 2))).toEqual([['k0', 'k1'], ['k2', 'k3'], ['k4']])
  })

  it('sends a batch whose outcome is unknown again as it was, and a row tried alone again alone', () => {
    const mark = `batch:${batchIdempotencyKey([row('a'), row('b')])}`
    const rows = [row('f1'), row('a', 1, mark), row('s', 2, 'single'), row('f2'), row('b', 1, mark), row('old', 3)]
    expect(keys(planRequests(rows, 100))).toEqual([['f1', 'f2'], ['a', 'b'], ['s'], ['old']])
  })
})
