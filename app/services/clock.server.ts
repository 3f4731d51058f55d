/**
 * The one clock of the application: every "now" and "today" comes from here, so that tests
 * and demos can set the time. `APP_NOW` fixes the starting instant; the clock then runs
 * forward from it in real time unless frozen.
 */
import { bucharestDate } from '~/domain/dates'
import { singleton } from '~/utils/singleton.server'

export interface Clock {
  now(): Date
  /** Today's calendar date in Europe/Bucharest, as 'YYYY-MM-DD'. */
  today(): string
}

class AppClock implements Clock {
  private offsetMs = 0
  private frozenAt: number | null = null

  now() {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs)
  }

  today() {
    return bucharestDate(this.now())
  }

  /** Move the clock to an instant; it keeps running from there. */
  set(instant: Date) {
    this.frozenAt = null
    this.offsetMs = instant.getTime() - Date.now()
  }

  /** Stop the clock at an instant (unit tests). */
  freeze(instant: Date) {
    this.frozenAt = instant.getTime()
  }

  /**
   * Runs `fn` with the clock at `instant` (demo data dated in the past), then puts the clock back
   * exactly as it was (running, set or frozen).
   */
  during<T>(instant: Date, fn: () => T): T {
    const saved = { offsetMs: this.offsetMs, frozenAt: this.frozenAt }
    this.freeze(instant)
    try {
      return fn()
    } finally {
      this.offsetMs = saved.offsetMs
      this.frozenAt = saved.frozenAt
    }
  }

  reset() {
    this.frozenAt = null
    this.offsetMs = 0
  }
}

export const clock: AppClock = singleton('clock', () => {
  const c = new AppClock()
  const start = process.env.APP_NOW
  if (start && !Number.isNaN(Date.parse(start))) c.set(new Date(start))
  return c
})
