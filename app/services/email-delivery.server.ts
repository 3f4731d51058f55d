/**
 * Delivers due outbox rows: through Resend when RESEND_API_KEY is set, otherwise into the
 * local outbox (status `local`), which platform administrators read in the app.
 * A temporary failure (rate limit, server error, network) is retried later with a growing
 * delay; a permanent one (the provider refused the message) ends as `failed` with the reason.
 */
import { and, asc, eq, lte } from 'drizzle-orm'
import { Resend } from 'resend'
import { emailOutbox } from '#db/schema.ts'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'

export type OutboxRow = typeof emailOutbox.$inferSelect

export interface EmailTransport {
  send(row: OutboxRow): Promise<{ ok: true; id: string | null } | { ok: false; retryable: boolean; error: string }>
}

const MAX_ATTEMPTS = 8

export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000)
}

export function resendTransport(apiKey: string, baseUrl: string | undefined, from: string): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
  return {
    async send(row) {
      try {
        const { data, error } = await resend.emails.send(
          {
            from,
            to: [row.toAddress],
            subject: row.subject,
            html: row.html,
            text: row.text,
            headers: row.headers ?? undefined,
          },
          { idempotencyKey: row.idempotencyKey },
        )
        if (error) {
          const status = (error as { statusCode?: number | null }).statusCode ?? null
          const retryable = status === null || status === 429 || status >= 500
          return { ok: false, retryable, error: `${status ?? 'network'}: ${error.message}` }
        }
        return { ok: true, id: data?.id ?? null }
      } catch (e) {
        return { ok: false, retryable: true, error: e instanceof Error ? e.message : String(e) }
      }
    },
  }
}

function configuredTransport(): EmailTransport | null {
  const config = getConfig()
  if (!config.resendApiKey) return null
  return resendTransport(config.resendApiKey, config.resendBaseUrl, config.emailFrom)
}

/** Delivers what is due now; returns how many rows were handled. */
export async function deliverDueEmails(
  transport: EmailTransport | null = configuredTransport(),
  limit = 50,
): Promise<number> {
  const db = getDb()
  const due = db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, clock.now())))
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(limit)
    .all()
  for (const row of due) {
    if (!transport) {
      db.update(emailOutbox).set({ status: 'local', sentAt: clock.now() }).where(eq(emailOutbox.id, row.id)).run()
      continue
    }
    const result = await transport.send(row)
    const attempts = row.attempts + 1
    if (result.ok) {
      db.update(emailOutbox)
        .set({ status: 'sent', attempts, sentAt: clock.now(), providerMessageId: result.id, lastError: null })
        .where(eq(emailOutbox.id, row.id))
        .run()
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      db.update(emailOutbox)
        .set({
          attempts,
          lastError: result.error,
          nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(emailOutbox.id, row.id))
        .run()
    } else {
      db.update(emailOutbox)
        .set({ status: 'failed', attempts, lastError: result.error })
        .where(eq(emailOutbox.id, row.id))
        .run()
    }
  }
  return due.length
}
