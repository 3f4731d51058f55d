/**
 * Delivers due outbox rows: through Resend when RESEND_API_KEY is set, otherwise into the
 * local outbox (status `local`), which platform administrators read in the app.
 *
 * - Several processes may run this on one database: a worker first claims a batch of due rows
 *   with a lease (one UPDATE … RETURNING), and only the lease holder finishes them.
 * - Each message carries its idempotency key to Resend, so a retry after a lost answer or a
 *   crash is never delivered twice.
 * - Temporary failures (429, 5xx, network errors, timeouts) are retried with exponential back-off
 *   and jitter, honouring `retry-after`; permanent ones (the provider refused the message) end
 *   as `failed` with the reason, for an administrator to read and retry.
 */
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { Resend } from 'resend'
import { emailOutbox } from '#db/schema.ts'
import { recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'

export type OutboxRow = typeof emailOutbox.$inferSelect

export type SendResult =
  { ok: true; id: string | null } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number }

export interface EmailTransport {
  send(row: OutboxRow): Promise<SendResult>
}

/** About a day of retries: the last ones an hour apart. */
export const MAX_ATTEMPTS = 30
const BASE_DELAY_MS = 15_000
const MAX_DELAY_MS = 60 * 60_000
export const SEND_TIMEOUT_MS = 15_000
export const LEASE_MS = 2 * 60_000

/** The delay before attempt `attempts + 1`: doubling from 15 s up to an hour, with jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime())
}

/**
 * Spaces requests so that no more than `perSecond` start in any second (Resend's limit is per
 * account: 2 per second unless raised). Shared by every send of the process.
 */
export function requestPacer(perSecond: number, now: () => number = Date.now) {
  const interval = 1000 / perSecond
  let next = 0
  return async function pace() {
    const t = now()
    const at = Math.max(t, next)
    next = at + interval
    if (at > t) await new Promise((r) => setTimeout(r, at - t))
  }
}

export function resendTransport(
  apiKey: string,
  baseUrl: string | undefined,
  from: string,
  options: { timeoutMs?: number; requestsPerSecond?: number } = {},
): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
  const pace = options.requestsPerSecond ? requestPacer(options.requestsPerSecond) : async () => {}
  return {
    async send(row) {
      await pace()
      try {
        const { data, error, headers } = await resend.emails.send(
          {
            from,
            to: [row.toAddress],
            subject: row.subject,
            html: row.html,
            text: row.text,
            headers: row.headers ?? undefined,
          },
          // The SDK passes the options on to fetch: the signal bounds a hung connection.
          { idempotencyKey: row.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS) } as {
            idempotencyKey: string
          },
        )
        if (error) {
          const status = (error as { statusCode?: number | null }).statusCode ?? null
          // 409: the same idempotency key is still being processed by Resend: try again later.
          const retryable = status === null || status === 429 || status === 409 || status >= 500
          const retryAfterMs = parseRetryAfter(headers?.['retry-after'], clock.now()) ?? undefined
          return { ok: false, retryable, error: `${status ?? 'network'}: ${error.message}`, retryAfterMs }
        }
        return { ok: true, id: data?.id ?? null }
      } catch (e) {
        return { ok: false, retryable: true, error: e instanceof Error ? e.message : String(e) }
      }
    },
  }
}

let configured: EmailTransport | null | undefined
function configuredTransport(): EmailTransport | null {
  if (configured !== undefined) return configured
  const config = getConfig()
  configured = config.resendApiKey
    ? resendTransport(config.resendApiKey, config.resendBaseUrl, config.emailFrom, {
        requestsPerSecond: config.resendRequestsPerSecond,
      })
    : null
  return configured
}

const workerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`

/** Claims up to `limit` due rows for this worker (no other process will touch them until the lease ends). */
export function claimDueEmails(limit: number, owner = workerId): OutboxRow[] {
  const now = clock.now().getTime()
  const claimed = getDb()
    .$client.prepare(
      `UPDATE email_outbox SET lease_owner = ?, leased_until = ?
       WHERE id IN (
         SELECT id FROM email_outbox
         WHERE status = 'pending' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until < ?)
         ORDER BY next_attempt_at LIMIT ?
       )
       RETURNING id`,
    )
    .all(owner, now + LEASE_MS, now, now, limit) as Array<{ id: string }>
  if (claimed.length === 0) return []
  const ids = new Set(claimed.map((r) => r.id))
  const db = getDb()
  return [...ids]
    .map((id) => db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get())
    .filter((r): r is OutboxRow => r !== undefined)
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
}

function finish(row: OutboxRow, owner: string, changes: Partial<OutboxRow>) {
  getDb()
    .update(emailOutbox)
    .set({ ...changes, leaseOwner: null, leasedUntil: null })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.leaseOwner, owner)))
    .run()
}

/** Delivers what is due now; returns how many rows were handled. */
export async function deliverDueEmails(
  transport: EmailTransport | null = configuredTransport(),
  limit = 50,
  owner = workerId,
): Promise<number> {
  const due = claimDueEmails(limit, owner)
  for (const row of due) {
    if (!transport) {
      finish(row, owner, { status: 'local', sentAt: clock.now() })
      continue
    }
    const result = await transport.send(row)
    const attempts = row.attempts + 1
    if (result.ok) {
      finish(row, owner, {
        status: 'sent',
        attempts,
        sentAt: clock.now(),
        providerMessageId: result.id,
        lastError: null,
      })
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      const delay = Math.max(result.retryAfterMs ?? 0, retryDelayMs(attempts))
      finish(row, owner, {
        attempts,
        lastError: result.error,
        nextAttemptAt: new Date(clock.now().getTime() + delay),
      })
    } else {
      finish(row, owner, { status: 'failed', attempts, lastError: result.error })
    }
  }
  return due.length
}

/** An administrator sends a failed message again (its idempotency key is kept). */
export function retryFailedEmail(id: string, actorUserId: string): boolean {
  const db = getDb()
  return db.transaction((tx) => {
    const res = tx
      .update(emailOutbox)
      .set({ status: 'pending', nextAttemptAt: clock.now(), attempts: 0, leaseOwner: null, leasedUntil: null })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
      .run()
    if (res.changes !== 1) return false
    recordAudit(tx, {
      actorUserId,
      entityType: 'email',
      entityId: id,
      action: 'email.retried',
    })
    return true
  })
}
