import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_THROTTLE,
  checkThrottle,
  delayAfterFailures,
  IP_THROTTLE,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleState,
} from '~/domain/throttle'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** Records `n` failures, `gapMs` apart, starting at `start`; returns every state. */
function failRepeatedly(n: number, policy: ThrottlePolicy, start = new Date('2026-02-01T10:00:00Z'), gapMs = SECOND) {
  const states: ThrottleState[] = []
  let state: ThrottleState | null = null
  for (let i = 0; i < n; i++) {
    state = recordFailure(state, new Date(start.getTime() + i * gapMs), policy)
    states.push(state)
  }
  return states
}

describe('account throttling', () => {
  it('allows four wrong passwords without any delay', () => {
    const states = failRepeatedly(4, ACCOUNT_THROTTLE)
    expect(states.map((s) => s.failures)).toEqual([1, 2, 3, 4])
    expect(states.map((s) => s.blockedUntil)).toEqual([null, null, null, null])
    for (const s of states) expect(checkThrottle(s, s.lastFailureAt)).toEqual({ allowed: true })
  })

  it('then blocks for 5 s, doubling with each failure, up to 15 minutes', () => {
    const states = failRepeatedly(16, ACCOUNT_THROTTLE)
    const delays = states.map((s) => (s.blockedUntil ? s.blockedUntil.getTime() - s.lastFailureAt.getTime() : 0))
    expect(delays.map((d) => d / SECOND)).toEqual([0, 0, 0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900, 900])
  })

  it('names the same delays for a given number of failures', () => {
    expect(delayAfterFailures(0, ACCOUNT_THROTTLE)).toBe(0)
    expect(delayAfterFailures(4, ACCOUNT_THROTTLE)).toBe(0)
    expect(delayAfterFailures(5, ACCOUNT_THROTTLE)).toBe(5 * SECOND)
    expect(delayAfterFailures(6, ACCOUNT_THROTTLE)).toBe(10 * SECOND)
    expect(delayAfterFailures(12, ACCOUNT_THROTTLE)).toBe(640 * SECOND)
    expect(delayAfterFailures(13, ACCOUNT_THROTTLE)).toBe(15 * MINUTE)
    expect(delayAfterFailures(1000, ACCOUNT_THROTTLE)).toBe(15 * MINUTE)
  })

  it('forgets the failures after an hour of quiet', () => {
    const [, , , , fifth] = failRepeatedly(5, ACCOUNT_THROTTLE)
    expect(fifth!.failures).toBe(5)
    const later = new Date(fifth!.lastFailureAt.getTime() + 60 * MINUTE + 1)
    const afterQuiet = recordFailure(fifth, later, ACCOUNT_THROTTLE)
    expect(afterQuiet.failures).toBe(1)
    expect(afterQuiet.blockedUntil).toBeNull()
    expect(checkThrottle(afterQuiet, later)).toEqual({ allowed: true })
  })

  it('keeps counting when the next failure comes within the hour', () => {
    const [, , , , fifth] = failRepeatedly(5, ACCOUNT_THROTTLE)
    const within = new Date(fifth!.lastFailureAt.getTime() + 60 * MINUTE)
    const next = recordFailure(fifth, within, ACCOUNT_THROTTLE)
    expect(next.failures).toBe(6)
    expect(next.blockedUntil!.getTime() - within.getTime()).toBe(10 * SECOND)
  })

  it('lets an IP address fail 30 times before slowing it down, from 10 s to one hour', () => {
    expect(delayAfterFailures(30, IP_THROTTLE)).toBe(0)
    expect(delayAfterFailures(31, IP_THROTTLE)).toBe(10 * SECOND)
    expect(delayAfterFailures(32, IP_THROTTLE)).toBe(20 * SECOND)
    expect(delayAfterFailures(60, IP_THROTTLE)).toBe(60 * MINUTE)
  })
})

describe('checkThrottle', () => {
  const now = new Date('2026-02-01T10:00:00Z')
  const blockedFor = (ms: number): ThrottleState => ({
    failures: 6,
    lastFailureAt: now,
    blockedUntil: new Date(now.getTime() + ms),
  })

  it('allows a key that never failed or is not blocked', () => {
    expect(checkThrottle(null, now)).toEqual({ allowed: true })
    expect(checkThrottle(undefined, now)).toEqual({ allowed: true })
    expect(checkThrottle({ failures: 3, lastFailureAt: now, blockedUntil: null }, now)).toEqual({ allowed: true })
  })

  it('tells how many whole seconds to wait, rounded up', () => {
    expect(checkThrottle(blockedFor(10 * SECOND), now)).toEqual({ allowed: false, retryAfterSeconds: 10 })
    expect(checkThrottle(blockedFor(4_200), now)).toEqual({ allowed: false, retryAfterSeconds: 5 })
    expect(checkThrottle(blockedFor(1), now)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(checkThrottle(blockedFor(15 * MINUTE), now)).toEqual({ allowed: false, retryAfterSeconds: 900 })
  })

  it('allows again once the block has run out', () => {
    const state = blockedFor(10 * SECOND)
    expect(checkThrottle(state, new Date(now.getTime() + 9_999))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(checkThrottle(state, new Date(now.getTime() + 10 * SECOND))).toEqual({ allowed: true })
    expect(checkThrottle(state, new Date(now.getTime() + 11 * SECOND))).toEqual({ allowed: true })
  })

  it('blocks right after the fifth wrong password, for 5 seconds', () => {
    const states = failRepeatedly(5, ACCOUNT_THROTTLE, now, 0)
    expect(checkThrottle(states[4], now)).toEqual({ allowed: false, retryAfterSeconds: 5 })
  })
})

describe('throttle properties', () => {
  const policy = fc
    .record({
      freeAttempts: fc.integer({ min: 0, max: 50 }),
      baseDelayMs: fc.integer({ min: 1, max: 10 * 60_000 }),
      maxDelayMs: fc.integer({ min: 1, max: 24 * 60 * 60_000 }),
      forgetAfterMs: fc.integer({ min: 1, max: 24 * 60 * 60_000 }),
    })
    .filter((p) => p.maxDelayMs >= p.baseDelayMs)

  it('never lowers the delay as failures grow, and never exceeds the ceiling', () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 0, max: 2_000 }), (p, failures) => {
        const d = delayAfterFailures(failures, p)
        const next = delayAfterFailures(failures + 1, p)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(next).toBeGreaterThanOrEqual(d)
        expect(next).toBeLessThanOrEqual(p.maxDelayMs)
        expect(Number.isFinite(next)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })

  it('never blocks for longer than the ceiling over a run of failures', () => {
    fc.assert(
      fc.property(policy, fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 60 }), (p, gaps) => {
        let state: ThrottleState | null = null
        let t = Date.UTC(2026, 0, 1)
        let previousDelay = 0
        for (const gap of gaps) {
          t += gap
          const stale = state !== null && gap > p.forgetAfterMs
          state = recordFailure(state, new Date(t), p)
          const delay = state.blockedUntil ? state.blockedUntil.getTime() - t : 0
          expect(delay).toBeLessThanOrEqual(p.maxDelayMs)
          if (!stale) expect(delay).toBeGreaterThanOrEqual(previousDelay)
          previousDelay = delay
        }
      }),
    )
  })
})
