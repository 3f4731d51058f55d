/**
 * The in-process background worker started by server.ts: delivers the outbox every few seconds
 * (and at once when an email is enqueued) and plans protocol reminders at start and every hour.
 * Each delivery cycle also turns pending notifications into emails, alongside the sending (a
 * large fan-out is sent batch by batch as it is rendered); each planning cycle also
 * closes consultations whose window ended, announces those closing in three days and sends the
 * digests that are due, then the meeting reminders (two days before), the semester nudges and the
 * overdue follow-up actions of tripartite meetings. One cycle of each at a time; errors are logged, never fatal. Several processes may run it on
 * one database: outbox leases and the reminders' unique keys keep every message single.
 *
 * When another process holds the database's write lock past the busy timeout (a statement then
 * blocks this process for that long), the cycle stops and the worker stays away from the
 * database for a while, doubling the pause while the lock lasts: the pages keep being served
 * meanwhile. The work is done on the first cycle after the lock is gone.
 */
import { sendMeetingReminders, sendOverdueActions, sendSemesterNudges } from '~/models/meetings.server'
import { processNotifications, sendDigests } from '~/models/notifications.server'
import { advanceConsultations } from '~/models/plan.server'
import { isDatabaseBusy } from '#db/client.ts'
import { runReminderCycle } from '~/models/reminders.server'
import { deliverDueEmails } from '~/services/email-delivery.server'
import { onEmailEnqueued } from '~/services/email.server'

export type Worker = { stop(): Promise<void> }

export const REMINDER_PLANNING_INTERVAL_MS = 60 * 60_000
/** The first pause after a cycle found the database locked (real time); it doubles up to the maximum. */
export const BUSY_PAUSE_MS = 5_000
export const MAX_BUSY_PAUSE_MS = 60_000

/** The worker's pause while another process holds the database lock: doubling, reset by a cycle that gets through. */
export function busyPause(now: () => number = Date.now) {
  let until = 0
  let length = 0
  return {
    active: () => now() < until,
    /** A cycle found the database locked: the next pause, in milliseconds. */
    hit(): number {
      length = length === 0 ? BUSY_PAUSE_MS : Math.min(length * 2, MAX_BUSY_PAUSE_MS)
      until = now() + length
      return length
    },
    clear() {
      length = 0
      until = 0
    },
  }
}

/** Runs `task` without overlapping itself: a call during a run schedules one more run after it. */
function serial(task: () => Promise<void>, isStopped: () => boolean) {
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = task().finally(() => {
      running = null
      if (again && !isStopped()) {
        again = false
        void run()
      }
    })
    return running
  }
  return { run, current: () => running }
}

export function startWorker(
  intervalMs: number,
  log: (msg: string) => void = console.error,
  planningIntervalMs = REMINDER_PLANNING_INTERVAL_MS,
): Worker {
  let stopped = false
  const isStopped = () => stopped
  const pause = busyPause()
  let planningRetry: ReturnType<typeof setTimeout> | null = null

  /** Logs a failure; true when it was the database lock (the pause has started). */
  const failed = (what: string, e: unknown): boolean => {
    if (isDatabaseBusy(e)) {
      const ms = pause.hit()
      log(`worker: ${what} stopped: the database is locked by another process; pausing ${ms / 1000} s`)
      return true
    }
    log(`worker: ${what} failed: ${e instanceof Error ? e.stack : String(e)}`)
    return false
  }

  // Notifications become emails side by side with the delivery of those already made: a fan-out
  // to thousands starts sending with its first batch, rendered while the pacer waits.
  // A pause ends early only when a cycle did write: an idle one reads and proves nothing.
  const notifying = serial(async () => {
    if (pause.active()) return
    try {
      let handled = false
      while ((await processNotifications()) > 0) {
        handled = true
        if (stopped) break
      }
      if (handled) pause.clear()
    } catch (e) {
      failed('delivery cycle', e)
    }
  }, isStopped)
  const sending = serial(async () => {
    if (pause.active()) return
    try {
      let handled = false
      while (await deliverDueEmails()) {
        handled = true
        if (stopped) break
      }
      if (handled) pause.clear()
    } catch (e) {
      failed('delivery cycle', e)
    }
  }, isStopped)
  const delivery = {
    run: () => Promise.all([notifying.run(), sending.run()]),
    current: () => Promise.all([notifying.current(), sending.current()]),
  }

  const planning = serial(async () => {
    // Each part is tried even when another failed; a part stopped by the lock is tried again
    // (the whole cycle: every part is idempotent) once the pause is over, not an hour later.
    let locked = pause.active()
    const part = async (what: string, run: () => Promise<unknown>) => {
      if (locked) return
      try {
        await run()
      } catch (e) {
        locked = failed(what, e)
      }
    }
    await part('reminder planning', () => runReminderCycle())
    await part('consultation cycle', async () => {
      advanceConsultations()
      await sendDigests()
    })
    await part('meetings cycle', async () => {
      await sendMeetingReminders()
      await sendSemesterNudges()
      await sendOverdueActions()
    })
    if (locked && !stopped && !planningRetry) {
      planningRetry = setTimeout(() => {
        planningRetry = null
        void planning.run()
      }, MAX_BUSY_PAUSE_MS)
      planningRetry.unref()
    }
    void delivery.run()
  }, isStopped)

  const deliveryTimer = setInterval(() => void delivery.run(), intervalMs)
  const planningTimer = setInterval(() => void planning.run(), planningIntervalMs)
  deliveryTimer.unref()
  planningTimer.unref()
  onEmailEnqueued(() => void delivery.run())
  void planning.run()

  return {
    async stop() {
      stopped = true
      clearInterval(deliveryTimer)
      clearInterval(planningTimer)
      if (planningRetry) clearTimeout(planningRetry)
      onEmailEnqueued(undefined)
      await Promise.all([delivery.current(), planning.current()])
    },
  }
}
