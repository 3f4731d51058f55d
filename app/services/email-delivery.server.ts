/**
 * Delivers due outbox rows: through Resend when RESEND_API_KEY is set, otherwise into the
 * local outbox (status `local`), which platform administrators read in the app.
 *
 * - Several processes may run this on one database: a worker first claims the due rows with a
 *   lease (one UPDATE … RETURNING), and only the lease holder finishes them.
 * - Several due rows go out together through Resend's batch endpoint, up to 100 per request;
 *   a lone row goes through the single-email endpoint with its own idempotency key. Each email
 *   keeps its own row, status and attempt count. Every request (single or batch) waits for the
 *   pacer: `RESEND_REQUESTS_PER_SECOND` counts requests, not emails.
 * - Idempotency: a single request carries the row's key; a batch carries a key derived from its
 *   rows' keys (`batchIdempotencyKey`: a hash of the sorted keys), with the rows in key order,
 *   so the same rows always make the same request. Before a request its rows are marked in
 *   `provider_message_id` (`batch:<key>` or `single`) until the answer is recorded: rows whose
 *   outcome is unknown (a timeout, a 5xx, a crash) are retried exactly as they were sent, the
 *   same rows under the same key, so Resend answers a replay instead of delivering twice. The
 *   claim takes such a batch whole.
 * - Temporary failures (429, 5xx, network errors, timeouts) are retried with exponential back-off
 *   and jitter, honouring `retry-after`; a failed batch is rescheduled whole (one delay for all
 *   its rows). Permanent ones (the provider refused the message) end as `failed` with the
 *   reason, for an administrator to read and retry. Resend refuses a whole batch for one bad
 *   email without saying which (400/413/422): that batch's rows are then sent one by one, so
 *   only the bad one fails.
 * - Attachments (an iCalendar invitation): Resend's batch endpoint takes none, so a row with
 *   attachments always goes alone through the single-email endpoint, under its own key, with
 *   its files; the local outbox keeps them for the administrator to download.
 */
import crypto from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { Resend } from 'resend'
import { emailOutbox } from '#db/schema.ts'
import { recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb, type DB } from '~/services/db.server'

export type OutboxRow = typeof emailOutbox.$inferSelect

export type SendFailure = {
  ok: false
  retryable: boolean
  error: string
  retryAfterMs?: number
  /** The provider's HTTP status; null for a network error or a timeout. */
  status?: number | null
}
export type SendResult = { ok: true; id: string | null } | SendFailure
/** A batch is all or nothing: the ids come in the order of the rows sent. */
export type BatchResult = { ok: true; ids: Array<string | null> } | SendFailure

export interface EmailTransport {
  send(row: OutboxRow): Promise<SendResult>
  /** Several rows in one request under one idempotency key; without it, rows go one by one. */
  sendBatch?(rows: OutboxRow[], idempotencyKey: string): Promise<BatchResult>
}

/** About a day of retries: the last ones an hour apart. */
export const MAX_ATTEMPTS = 30
const BASE_DELAY_MS = 15_000
const MAX_DELAY_MS = 60 * 60_000
export const SEND_TIMEOUT_MS = 15_000
export const LEASE_MS = 2 * 60_000
/** Resend accepts at most 100 emails per batch request. */
export const BATCH_SIZE = 100
/** Rows claimed per cycle: two full batches. */
export const CLAIM_LIMIT = 2 * BATCH_SIZE
/** How Resend refuses a batch for the content of one of its emails: the rows are then sent one by one. */
const BATCH_REFUSALS = new Set([400, 413, 422])

const BATCH_MARK = 'batch:'
const SINGLE_MARK = 'single'

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
  let lastStart = -Infinity
  let queue: Promise<void> = Promise.resolve()
  return function pace(): Promise<void> {
    // One caller at a time, each started at least an interval after the previous one actually
    // started: slots reserved in advance would let late timers (a busy event loop) start several
    // requests at once, over the provider's rate.
    const turn = queue.then(async () => {
      for (let wait = lastStart + interval - now(); wait > 0; wait = lastStart + interval - now()) {
        await new Promise((r) => setTimeout(r, wait))
      }
      lastStart = now()
    })
    queue = turn
    return turn
  }
}

/** The idempotency key of a batch: the same rows, in any order, always give the same key. */
export function batchIdempotencyKey(rows: ReadonlyArray<Pick<OutboxRow, 'idempotencyKey'>>): string {
  const keys = rows.map((r) => r.idempotencyKey).sort()
  return `batch-${crypto.createHash('sha256').update(JSON.stringify(keys)).digest('hex')}`
}

/** The order in which a batch's rows are sent: by key, so a retry repeats the same request. */
const byKey = (a: OutboxRow, b: OutboxRow) => (a.idempotencyKey < b.idempotencyKey ? -1 : 1)

function failureOf(
  error: { message: string; statusCode?: number | null },
  headers: Record<string, string> | null | undefined,
): SendFailure {
  const status = error.statusCode ?? null
  // 409: the same idempotency key is still being processed by Resend: try again later.
  const retryable = status === null || status === 429 || status === 409 || status >= 500
  const retryAfterMs = parseRetryAfter(headers?.['retry-after'], clock.now()) ?? undefined
  return { ok: false, retryable, status, error: `${status ?? 'network'}: ${error.message}`, retryAfterMs }
}

function thrown(e: unknown): SendFailure {
  return { ok: false, retryable: true, status: null, error: e instanceof Error ? e.message : String(e) }
}

export function resendTransport(
  apiKey: string,
  baseUrl: string | undefined,
  from: string,
  options: { timeoutMs?: number; requestsPerSecond?: number } = {},
): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
  const pace = options.requestsPerSecond ? requestPacer(options.requestsPerSecond) : async () => {}
  // The SDK passes the signal on to fetch: it bounds a hung connection.
  const timeout = () => AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS)
  // Batch emails take no attachments (nor scheduled_at): rows with attachments are sent alone.
  const payload = (row: OutboxRow) => ({
    from,
    to: [row.toAddress],
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: row.headers ?? undefined,
  })
  const withAttachments = (row: OutboxRow) =>
    hasAttachments(row)
      ? {
          ...payload(row),
          // The SDK sends a string content as it is: the base64 the outbox holds.
          attachments: row.attachments!.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        }
      : payload(row)
  return {
    async send(row) {
      await pace()
      try {
        const { data, error, headers } = await resend.emails.send(withAttachments(row), {
          idempotencyKey: row.idempotencyKey,
          signal: timeout(),
        })
        if (error) return failureOf(error, headers)
        return { ok: true, id: data?.id ?? null }
      } catch (e) {
        return thrown(e)
      }
    },
    async sendBatch(rows, idempotencyKey) {
      await pace()
      try {
        const { data, error, headers } = await resend.batch.send(rows.map(payload), {
          idempotencyKey,
          batchValidation: 'strict',
          signal: timeout(),
        })
        if (error) return failureOf(error, headers)
        const ids = data?.data ?? []
        return { ok: true, ids: rows.map((_, i) => ids[i]?.id ?? null) }
      } catch (e) {
        return thrown(e)
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

/**
 * Claims up to `limit` due rows for this worker (no other process will touch them until the
 * lease ends), plus the rest of any batch whose outcome is unknown, so that it is retried whole.
 */
export function claimDueEmails(limit: number, owner = workerId): OutboxRow[] {
  const now = clock.now().getTime()
  // A read first: an idle cycle never asks for the write lock, so it never waits on (or blocks
  // the process behind) another process's write.
  const anyDue = getDb()
    .$client.prepare(
      `SELECT 1 FROM email_outbox
       WHERE status = 'pending' AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now)
       LIMIT 1`,
    )
    .get({ now })
  if (!anyDue) return []
  const claimed = getDb()
    .$client.prepare(
      `WITH due AS (
         SELECT id, provider_message_id AS mark FROM email_outbox
         WHERE status = 'pending' AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now)
         ORDER BY next_attempt_at LIMIT @limit
       )
       UPDATE email_outbox SET lease_owner = @owner, leased_until = @until
       WHERE status = 'pending' AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now)
         AND (id IN (SELECT id FROM due)
              OR provider_message_id IN (SELECT mark FROM due WHERE mark LIKE '${BATCH_MARK}%'))
       RETURNING id`,
    )
    .all({ owner, until: now + LEASE_MS, now, limit }) as Array<{ id: string }>
  if (claimed.length === 0) return []
  return getDb()
    .select()
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.id,
        claimed.map((r) => r.id),
      ),
    )
    .all()
    .sort(
      (a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
    )
}

/** Whether the row carries files: then it can only go through the single-email endpoint. */
export function hasAttachments(row: Pick<OutboxRow, 'attachments'>): boolean {
  return (row.attachments?.length ?? 0) > 0
}

/**
 * How a row must be sent: with the same rows as last time (`batch:<key>`), alone, or freely.
 * A row with attachments always alone (they never go in a batch, so it never has a batch mark).
 */
function retryMark(row: OutboxRow): string | null {
  if (hasAttachments(row)) return SINGLE_MARK
  const mark = row.providerMessageId
  if (mark === SINGLE_MARK || mark?.startsWith(BATCH_MARK)) return mark
  // Tried before without a mark (a row from before batches existed): alone, under its own key.
  return row.attempts > 0 ? SINGLE_MARK : null
}

/**
 * The requests for the claimed rows, in claim order: a batch whose outcome is unknown again as
 * it was, a row last sent alone or with attachments alone, and the other rows in batches of
 * `batchSize`.
 */
export function planRequests(rows: OutboxRow[], batchSize = BATCH_SIZE): OutboxRow[][] {
  const requests: OutboxRow[][] = []
  const batches = new Map<string, OutboxRow[]>()
  let open: OutboxRow[] | null = null
  for (const row of rows) {
    const mark = retryMark(row)
    if (mark === SINGLE_MARK) {
      requests.push([row])
    } else if (mark) {
      let batch = batches.get(mark)
      if (!batch) batches.set(mark, (batch = []))
      if (batch.length === 0) requests.push(batch)
      batch.push(row)
    } else {
      if (!open || open.length >= batchSize) requests.push((open = []))
      open.push(row)
    }
  }
  return requests
}

type Writer = Pick<DB, 'update'>

function finish(db: Writer, row: OutboxRow, owner: string, changes: Partial<OutboxRow>) {
  db.update(emailOutbox)
    .set({ ...changes, leaseOwner: null, leasedUntil: null })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.leaseOwner, owner)))
    .run()
}

/** One cycle's rows: their leases are renewed before each request (a cycle may take minutes). */
class Lease {
  private held: Set<string>
  constructor(
    rows: OutboxRow[],
    private readonly owner: string,
  ) {
    this.held = new Set(rows.map((r) => r.id))
  }

  /**
   * Renews the lease of the rows still held and marks `rows` with `mark` before they are sent.
   * False when one of them is no longer ours (the lease ran out and another worker has it).
   */
  prepare(rows: OutboxRow[], mark: string): boolean {
    if (this.held.size === 0) return false
    const db = getDb()
    return db.transaction((tx) => {
      const renewed = tx
        .update(emailOutbox)
        .set({ leasedUntil: new Date(clock.now().getTime() + LEASE_MS) })
        .where(
          and(
            eq(emailOutbox.leaseOwner, this.owner),
            eq(emailOutbox.status, 'pending'),
            inArray(emailOutbox.id, [...this.held]),
          ),
        )
        .returning({ id: emailOutbox.id })
        .all()
      this.held = new Set(renewed.map((r) => r.id))
      if (!rows.every((r) => this.held.has(r.id))) return false
      tx.update(emailOutbox)
        .set({ providerMessageId: mark })
        .where(
          and(
            eq(emailOutbox.leaseOwner, this.owner),
            inArray(
              emailOutbox.id,
              rows.map((r) => r.id),
            ),
          ),
        )
        .run()
      return true
    })
  }
}

function recordSent(db: Writer, row: OutboxRow, owner: string, id: string | null) {
  finish(db, row, owner, {
    status: 'sent',
    attempts: row.attempts + 1,
    sentAt: clock.now(),
    providerMessageId: id,
    lastError: null,
  })
}

/**
 * A failed request: its rows are retried together after one delay (the longest of their
 * back-offs and `retry-after`), keeping their mark; a row out of attempts, or refused, fails.
 */
function recordFailure(rows: OutboxRow[], owner: string, failure: SendFailure) {
  const attempts = Math.max(...rows.map((r) => r.attempts + 1))
  const delay = Math.max(failure.retryAfterMs ?? 0, retryDelayMs(attempts))
  const nextAttemptAt = new Date(clock.now().getTime() + delay)
  getDb().transaction((tx) => {
    for (const row of rows) {
      const rowAttempts = row.attempts + 1
      if (failure.retryable && rowAttempts < MAX_ATTEMPTS) {
        finish(tx, row, owner, { attempts: rowAttempts, lastError: failure.error, nextAttemptAt })
      } else {
        finish(tx, row, owner, {
          status: 'failed',
          attempts: rowAttempts,
          lastError: failure.error,
          providerMessageId: null,
        })
      }
    }
  })
}

async function sendAlone(transport: EmailTransport, row: OutboxRow, lease: Lease, owner: string) {
  if (!lease.prepare([row], SINGLE_MARK)) return
  const result = await transport.send(row)
  if (result.ok) recordSent(getDb(), row, owner, result.id)
  else recordFailure([row], owner, result)
}

async function sendTogether(transport: EmailTransport, rows: OutboxRow[], lease: Lease, owner: string) {
  const sendBatch = transport.sendBatch?.bind(transport)
  if (!sendBatch || rows.length === 1 || rows.some(hasAttachments)) {
    for (const row of rows) await sendAlone(transport, row, lease, owner)
    return
  }
  const ordered = [...rows].sort(byKey)
  const key = batchIdempotencyKey(ordered)
  if (!lease.prepare(ordered, `${BATCH_MARK}${key}`)) return
  const result = await sendBatch(ordered, key)
  if (result.ok) {
    getDb().transaction((tx) => {
      ordered.forEach((row, i) => recordSent(tx, row, owner, result.ids[i] ?? null))
    })
  } else if (!result.retryable && result.status != null && BATCH_REFUSALS.has(result.status)) {
    // Refused as a whole, so nothing was sent: each row on its own finds the bad one.
    for (const row of ordered) await sendAlone(transport, row, lease, owner)
  } else {
    recordFailure(ordered, owner, result)
  }
}

/** Delivers what is due now; returns how many rows were handled. */
export async function deliverDueEmails(
  transport: EmailTransport | null = configuredTransport(),
  limit = CLAIM_LIMIT,
  owner = workerId,
): Promise<number> {
  const due = claimDueEmails(limit, owner)
  if (!transport) {
    const db = getDb()
    for (const row of due) finish(db, row, owner, { status: 'local', sentAt: clock.now() })
    return due.length
  }
  const lease = new Lease(due, owner)
  for (const rows of planRequests(due)) await sendTogether(transport, rows, lease, owner)
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
