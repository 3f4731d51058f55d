/**
 * The one way to send an email: a React Email template, a recipient and data become a row of
 * the outbox; the worker delivers it (app/services/email-delivery.server.ts). Rendering is
 * asynchronous and happens before the database transaction; `enqueueEmail` is synchronous so
 * it can be part of the transaction of the change that caused the email.
 */
import { render, toPlainText } from '@react-email/render'
import { createElement } from 'react'
import { emailOutbox } from '#db/schema.ts'
import { templates, type TemplateData, type TemplateName } from '#emails/index.ts'
import type { AppLocale } from '~/i18n'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { fixedT } from '~/utils/i18n.server'
import { newId } from '~/utils/ids.server'

export type RenderedEmail = {
  template: TemplateName
  locale: AppLocale
  subject: string
  html: string
  text: string
}

export async function renderEmail<N extends TemplateName>(
  name: N,
  data: TemplateData<N>,
  locale: AppLocale,
): Promise<RenderedEmail> {
  const tpl = templates[name] as unknown as {
    render: (p: { t: unknown; lang: string; data: TemplateData<N> }) => React.ReactElement
    subject: (t: unknown, d: TemplateData<N>) => string
  }
  const t = fixedT(locale)
  const element = createElement(() => tpl.render({ t, lang: locale, data }))
  const html = await render(element)
  return { template: name, locale, subject: tpl.subject(t, data), html, text: toPlainText(html) }
}

/** A file sent with an email (an iCalendar invitation); `content` is base64. */
export type EmailAttachment = { filename: string; contentType: string; content: string }

export type EmailMeta = {
  to: string
  userId?: string | null
  authorityId?: string | null
  /** Same key, same email: a second enqueue with it is ignored. */
  idempotencyKey?: string
  headers?: Record<string, string>
  /**
   * Files sent with the email, kept in the outbox (the local outbox offers them for download).
   * An email with attachments always goes to Resend alone, never in a batch.
   */
  attachments?: EmailAttachment[]
}

type Tx = Pick<DB, 'insert'>

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Only the three fields, and content that is base64 (a caller's bug otherwise, refused before it is stored). */
function checkedAttachment({ filename, contentType, content }: EmailAttachment): EmailAttachment {
  if (!filename.trim() || !contentType.trim()) throw new Error('An attachment needs a file name and a content type')
  if (!BASE64.test(content)) throw new Error(`The attachment ${filename} is not base64`)
  return { filename, contentType, content }
}

/** Writes the email to the outbox inside the caller's transaction. Returns its id. */
export function enqueueEmail(tx: Tx, email: RenderedEmail, meta: EmailMeta): string {
  const id = newId()
  const now = clock.now()
  tx.insert(emailOutbox)
    .values({
      id,
      idempotencyKey: meta.idempotencyKey ?? `email-${id}`,
      template: email.template,
      toAddress: meta.to,
      locale: email.locale,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: meta.headers ?? null,
      attachments: meta.attachments?.length ? meta.attachments.map(checkedAttachment) : null,
      status: 'pending',
      nextAttemptAt: now,
      userId: meta.userId ?? null,
      authorityId: meta.authorityId ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .run()
  return id
}

type DeliveryKick = () => void
const kicks = globalThis as { __emailKick?: DeliveryKick }
/**
 * The worker registers itself here so that a new email is delivered at once rather than at the
 * next tick (on globalThis: the worker and the routes may be separate copies of this module).
 */
export function onEmailEnqueued(fn: DeliveryKick | undefined) {
  kicks.__emailKick = fn
}

/** Asks the worker (if one runs in this process) to process notifications and deliver now. */
export function kickDelivery() {
  kicks.__emailKick?.()
}

export async function sendEmail<N extends TemplateName>(
  input: {
    template: N
    data: TemplateData<N>
    locale: AppLocale
  } & EmailMeta,
): Promise<string> {
  const rendered = await renderEmail(input.template, input.data, input.locale)
  const id = enqueueEmail(getDb(), rendered, input)
  kicks.__emailKick?.()
  return id
}
