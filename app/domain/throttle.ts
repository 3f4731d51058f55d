/**
 * Log-in throttling. Each key (an account's email, or a client's IP address) counts its
 * recent failures; past a number of free attempts every further failure blocks the key for a
 * delay that doubles each time, up to a ceiling. A quiet period forgets the failures.
 */
export type ThrottlePolicy = {
  /** Failures allowed before any delay. */
  freeAttempts: number
  /** Delay after the first failure past the free ones; doubles with each further failure. */
  baseDelayMs: number
  maxDelayMs: number
  /** Failures older than this are forgotten. */
  forgetAfterMs: number
}

export type ThrottleState = { failures: number; lastFailureAt: Date; blockedUntil: Date | null }

export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeAttempts: 4,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
}

export const IP_THROTTLE: ThrottlePolicy = {
  freeAttempts: 30,
  baseDelayMs: 10_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 60 * 60_000,
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export function checkThrottle(state: ThrottleState | null | undefined, now: Date): ThrottleDecision {
  if (!state?.blockedUntil) return { allowed: true }
  const remaining = state.blockedUntil.getTime() - now.getTime()
  if (remaining <= 0) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.ceil(remaining / 1000) }
}

export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeAttempts
  if (over <= 0) return 0
  return Math.min(policy.baseDelayMs * 2 ** (over - 1), policy.maxDelayMs)
}

export function recordFailure(
  state: ThrottleState | null | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterMs
  const failures = stale ? 1 : state.failures + 1
  const delay = delayAfterFailures(failures, policy)
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null,
  }
}
