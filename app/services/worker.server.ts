/**
 * The in-process background worker started by server.ts: delivers the outbox every few seconds
 * and at once when an email is enqueued. One cycle at a time; errors are logged, never fatal.
 */
import { deliverDueEmails } from '~/services/email-delivery.server'
import { onEmailEnqueued } from '~/services/email.server'

export type Worker = { stop(): Promise<void>; runOnce(): Promise<void> }

export function startWorker(intervalMs: number, log: (msg: string) => void = console.error): Worker {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  const cycle = async () => {
    try {
      while (await deliverDueEmails()) {
        if (stopped) break
      }
    } catch (e) {
      log(`worker: delivery cycle failed: ${e instanceof Error ? e.stack : String(e)}`)
    }
  }

  const runOnce = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = cycle().finally(() => {
      running = null
      if (again && !stopped) {
        again = false
        void runOnce()
      }
    })
    return running
  }

  const timer = setInterval(() => void runOnce(), intervalMs)
  timer.unref()
  onEmailEnqueued(() => void runOnce())
  void runOnce()

  return {
    runOnce,
    async stop() {
      stopped = true
      clearInterval(timer)
      onEmailEnqueued(undefined)
      await running
    },
  }
}
