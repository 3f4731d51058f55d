import { describe, expect, it } from 'vitest'
import { requestPacer } from '~/services/email-delivery.server'

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
