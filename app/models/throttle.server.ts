import { eq } from 'drizzle-orm'
import { loginThrottles } from '#db/schema.ts'
import { ACCOUNT_THROTTLE, IP_THROTTLE, checkThrottle, recordFailure, type ThrottleDecision } from '~/domain/throttle'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`

function load(key: string) {
  return getDb().select().from(loginThrottles).where(eq(loginThrottles.key, key)).get()
}

/** Whether a log-in attempt for this account from this address may be tried now. */
export function checkLoginThrottle(email: string, ip: string): ThrottleDecision {
  const now = clock.now()
  const byAccount = checkThrottle(load(accountKey(email)), now)
  const byIp = checkThrottle(load(ipKey(ip)), now)
  if (byAccount.allowed && byIp.allowed) return { allowed: true }
  return {
    allowed: false,
    retryAfterSeconds: Math.max(
      byAccount.allowed ? 0 : byAccount.retryAfterSeconds,
      byIp.allowed ? 0 : byIp.retryAfterSeconds,
    ),
  }
}

export function recordLoginFailure(email: string, ip: string) {
  const now = clock.now()
  const db = getDb()
  db.transaction((tx) => {
    for (const [key, policy] of [
      [accountKey(email), ACCOUNT_THROTTLE],
      [ipKey(ip), IP_THROTTLE],
    ] as const) {
      const current = tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get()
      const next = recordFailure(current, now, policy)
      tx.insert(loginThrottles)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: loginThrottles.key, set: next })
        .run()
    }
  })
}

/** A successful log-in clears the account's counter (not the address's). */
export function clearAccountThrottle(email: string) {
  getDb()
    .delete(loginThrottles)
    .where(eq(loginThrottles.key, accountKey(email)))
    .run()
}
