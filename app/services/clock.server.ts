/**
 * The one clock of the application: every "now" and "today" comes from here, so that tests
 * and demos can set the time. `APP_NOW` fixes the starting instant; the clock then runs
 * forward from it in real time unless frozen.
 */
import fs from 'node:fs'
import { bucharestDate } from '~/domain/dates'
import { singleton } from '~/utils/singleton.server'

export interface Clock {
  now(): Date
  /** Today's calendar date in Europe/Bucharest, as 'YYYY-MM-DD'. */
  today(): string
}

/** How often the test offset file is read again, at most (real milliseconds). */
const OFFSET_FILE_READ_MS = 50

class AppClock implements Clock {
  private offsetMs = 0
  private frozenAt: number | null = null
  private offsetFile: { path: string; readAt: number; ms: number } | null = null

  now() {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs + this.fileOffsetMs())
  }

  /**
   * Tests only: the clock of a running server moved forward from outside (see `testOffsetFile`).
   * An unreadable file counts as no offset.
   */
  private fileOffsetMs(): number {
    const file = this.offsetFile
    if (!file) return 0
    const real = Date.now()
    if (real - file.readAt >= OFFSET_FILE_READ_MS) {
      file.readAt = real
      try {
        const ms = Number(fs.readFileSync(file.path, 'utf8').trim() || 0)
        file.ms = Number.isFinite(ms) ? ms : 0
      } catch {
        file.ms = 0
      }
    }
    return file.ms
  }

  /** Adds the number of milliseconds written in `file` to the time (tests only). */
  followOffsetFile(file: string) {
    this.offsetFile = { path: file, readAt: -Infinity, ms: 0 }
  }

  today() {
    return bucharestDate(this.now())
  }

  /** Move the clock to an instant; it keeps running from there. */
  set(instant: Date) {
    this.frozenAt = null
    this.offsetMs = instant.getTime() - Date.now() - this.fileOffsetMs()
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

/**
 * `APP_CLOCK_OFFSET_FILE`, honoured only when NODE_ENV is `test` (never in production or
 * development): a file holding a number of milliseconds the clock is moved forward by, read again
 * while the server runs, so a fault test can let an hour pass for the worker in a few seconds.
 */
export function testOffsetFile(env: Record<string, string | undefined> = process.env): string | null {
  return env.NODE_ENV === 'test' && env.APP_CLOCK_OFFSET_FILE ? env.APP_CLOCK_OFFSET_FILE : null
}

export const clock: AppClock = singleton('clock', () => {
  const c = new AppClock()
  const start = process.env.APP_NOW
  if (start && !Number.isNaN(Date.parse(start))) c.set(new Date(start))
  const offsetFile = testOffsetFile()
  if (offsetFile) c.followOffsetFile(offsetFile)
  return c
})
