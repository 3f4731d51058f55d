/**
 * The in-process background worker started by server.ts: delivers the outbox every few seconds
 * (and at once when an email is enqueued) and plans protocol reminders at start and every hour.
 * Each delivery cycle first turns pending notifications into emails; each planning cycle also
 * closes consultations whose window ended, announces those closing in three days and sends the
 * digests that are due, then the meeting reminders (two days before), the semester nudges and the
 * overdue follow-up actions of tripartite meetings. One cycle of each at a time; errors are logged, never fatal. Several processes may run it on
 * one database: outbox leases and the reminders' unique keys keep every message single.
 */
import { sendMeetingReminders, sendOverdueActions, sendSemesterNudges } from '~/models/meetings.server'
import { processNotifications, sendDigests } from '~/models/notifications.server'
import { advanceConsultations } from '~/models/plan.server'
import { runReminderCycle } from '~/models/reminders.server'
import { deliverDueEmails } from '~/services/email-delivery.server'
import { onEmailEnqueued } from '~/services/email.server'

export type Worker = { stop(): Promise<void> }

export const REMINDER_PLANNING_INTERVAL_MS = 60 * 60_000

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

  const delivery = serial(async () => {
    try {
      while ((await processNotifications()) > 0) {
        if (stopped) break
      }
      while (await deliverDueEmails()) {
        if (stopped) break
      }
    } catch (e) {
      log(`worker: delivery cycle failed: ${e instanceof Error ? e.stack : String(e)}`)
    }
  }, isStopped)

  const planning = serial(async () => {
    try {
      await runReminderCycle()
    } catch (e) {
      log(`worker: reminder planning failed: ${e instanceof Error ? e.stack : String(e)}`)
    }
    try {
      advanceConsultations()
      await sendDigests()
    } catch (e) {
      log(`worker: consultation cycle failed: ${e instanceof Error ? e.stack : String(e)}`)
    }
    try {
      await sendMeetingReminders()
      await sendSemesterNudges()
      await sendOverdueActions()
    } catch (e) {
      log(`worker: meetings cycle failed: ${e instanceof Error ? e.stack : String(e)}`)
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
      onEmailEnqueued(undefined)
      await Promise.all([delivery.current(), planning.current()])
    },
  }
}
