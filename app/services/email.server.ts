/**
 * The one way to send an email: a React Email template, a recipient and data become a row of
 * the outbox; the worker delivers it (app/services/email-delivery.server.ts). Rendering is
 * asynchronous and happens before the database transaction; `enqueueEmail` is synchronous so
 * it can be part of the transaction of the change that caused the email.
 *
 * Many recipients of the same message (the followers of a plan): `renderEmails` renders each
 * template once per language and shared data, with placeholders in the per-recipient fields the
 * template declares (`personal` in emails/index.ts), then puts each recipient's values in place
 * (HTML-escaped in the HTML, as React would); `enqueueEmails` writes them in one transaction.
 */
import crypto from 'node:crypto'
import { render, toPlainText } from '@react-email/render'
import { sql } from 'drizzle-orm'
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
  // React 18's streaming renderer pads a 2 KB chunk with NUL bytes when a multi-byte character
  // (ă, ș, ț…) does not fit at its end (facebook/react#31134); mail clients cut the text there.
  const html = (await render(element)).replaceAll('\u0000', '')
  return { template: name, locale, subject: tpl.subject(t, data), html, text: toPlainText(html) }
}

/** One email to render: a template, its data and the recipient's language. */
export type EmailRequest = {
  [N in TemplateName]: { template: N; data: TemplateData<N>; locale: AppLocale }
}[TemplateName]

/** `renderEmails` at work: React renders made, emails filled in from a shared render, shared renders refused. */
export const sharedRenderStats = { renders: 0, personalised: 0, fallbacks: 0 }

/** How React escapes text and attribute values (react-dom's escapeTextForBrowser). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#x27;',
  )
}

/**
 * A value that comes out of the rendering unchanged but for HTML escaping: words separated by
 * single spaces, nothing the plain-text conversion would collapse, trim or drop. Others (and an
 * empty value, which a template may test) are rendered for their recipient alone.
 */
const PLAIN_VALUE = /^[^\s\p{Cc}\p{Cf}\u2028\u2029]+(?: [^\s\p{Cc}\p{Cf}\u2028\u2029]+)*$/u

/** A rendered text cut at its placeholders: `parts[i]`, value of `slots[i]`, `parts[i + 1]`, … */
type Cut = { parts: string[]; slots: number[] }

function cut(rendered: string, placeholders: string[]): Cut {
  const parts: string[] = []
  const slots: number[] = []
  let last = 0
  for (const m of rendered.matchAll(new RegExp(placeholders.join('|'), 'g'))) {
    parts.push(rendered.slice(last, m.index))
    slots.push(placeholders.indexOf(m[0]))
    last = m.index + m[0].length
  }
  parts.push(rendered.slice(last))
  return { parts, slots }
}

function fill({ parts, slots }: Cut, values: string[]): string {
  let out = parts[0]!
  for (let i = 0; i < slots.length; i++) out += values[slots[i]!]! + parts[i + 1]!
  return out
}

const personalFieldsOf = (template: TemplateName): readonly string[] =>
  (templates[template] as { personal?: readonly string[] }).personal ?? []

const sameEmail = (a: RenderedEmail, b: RenderedEmail) =>
  a.subject === b.subject && a.html === b.html && a.text === b.text

/**
 * Renders many emails, the same as `renderEmail` one by one would, but each template once per
 * language and shared data: the recipients' own values (`personal` fields that are strings) go
 * into the rendered HTML escaped, into the text and the subject as they are. The shared render
 * must hold every placeholder intact (a transformed one, e.g. uppercased, means the template
 * does more than print the value) and give, filled with the first recipient's values, exactly
 * that recipient's own render; otherwise, and for a value that is not plain, each is rendered
 * alone. Returns the emails in the order of the requests.
 */
export async function renderEmails(requests: readonly EmailRequest[]): Promise<RenderedEmail[]> {
  const out: RenderedEmail[] = new Array(requests.length)
  const groups = new Map<string, { fields: string[]; members: number[] }>()
  requests.forEach((request, i) => {
    const data = request.data as Record<string, unknown>
    const fields = personalFieldsOf(request.template).filter((f) => typeof data[f] === 'string')
    const shared = { ...data }
    for (const f of fields) shared[f] = '\u0000personal'
    const key = `${request.template}\u0000${request.locale}\u0000${JSON.stringify(shared)}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { fields, members: [] }))
    group.members.push(i)
  })
  const alone = async (i: number) => {
    const { template, data, locale } = requests[i]!
    out[i] = await renderEmail(template, data as never, locale)
    sharedRenderStats.renders += 1
  }
  for (const { fields, members } of groups.values()) {
    if (members.length === 1) {
      await alone(members[0]!)
      continue
    }
    const first = requests[members[0]!]!
    if (fields.length === 0) {
      // The very same email for all (nothing personal in it): rendered once.
      await alone(members[0]!)
      for (const i of members.slice(1)) out[i] = { ...out[members[0]!]! }
      continue
    }
    const valuesOf = (i: number) => fields.map((f) => (requests[i]!.data as Record<string, string>)[f]!)
    const plain = (values: string[]) => values.every((v) => PLAIN_VALUE.test(v))
    const nonce = crypto.randomBytes(8).toString('hex')
    // Letters and digits only (escaping and the plain-text conversion leave them alone), in
    // mixed case so that a template changing the case of a value is caught.
    const placeholders = fields.map((_, n) => `Pz${nonce}Q${n}x`)
    const template = { ...(first.data as Record<string, unknown>) }
    fields.forEach((f, n) => (template[f] = placeholders[n]))
    const rendered = await renderEmail(first.template, template as never, first.locale)
    sharedRenderStats.renders += 1
    const cuts = { subject: cut(rendered.subject, placeholders), html: cut(rendered.html, placeholders) }
    const text = cut(rendered.text, placeholders)
    const intact = [cuts.subject, cuts.html, text].every((c) => c.parts.every((p) => !p.toLowerCase().includes(nonce)))
    const personalise = (values: string[]): RenderedEmail => ({
      ...rendered,
      subject: fill(cuts.subject, values),
      html: fill(
        cuts.html,
        values.map((v) => escapeHtml(v)),
      ),
      text: fill(text, values),
    })
    let checked = false
    for (const i of members) {
      const values = valuesOf(i)
      if (!intact || !plain(values)) {
        await alone(i)
        continue
      }
      if (!checked) {
        // The proof on one recipient: its own render and the shared one filled in agree.
        await alone(i)
        checked = true
        if (!sameEmail(out[i]!, personalise(values))) {
          sharedRenderStats.fallbacks += 1
          for (const j of members) if (!out[j]) await alone(j)
          break
        }
        continue
      }
      out[i] = personalise(values)
      sharedRenderStats.personalised += 1
    }
  }
  return out
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

type BulkTx = Pick<DB, 'run' | 'get'>

/**
 * Writes many emails to the outbox inside the caller's transaction (a fan-out to thousands of
 * followers), one prepared statement per row: drizzle's query builder cost more than SQLite
 * itself at that size. Returns each email's row id in order: for a key already in the outbox
 * (nothing written, as with `enqueueEmail`), the id of the row that holds it.
 */
export function enqueueEmails(tx: BulkTx, items: ReadonlyArray<{ email: RenderedEmail; meta: EmailMeta }>): string[] {
  const now = clock.now().getTime()
  return items.map(({ email, meta }) => {
    const id = newId()
    const key = meta.idempotencyKey ?? `email-${id}`
    const headers = meta.headers ? JSON.stringify(meta.headers) : null
    const attachments = meta.attachments?.length ? JSON.stringify(meta.attachments.map(checkedAttachment)) : null
    const written = tx.run(sql`
      INSERT INTO email_outbox (id, idempotency_key, template, to_address, locale, subject, html, text, headers,
        attachments, status, attempts, next_attempt_at, user_id, authority_id, created_at)
      VALUES (${id}, ${key}, ${email.template}, ${meta.to}, ${email.locale}, ${email.subject}, ${email.html},
        ${email.text}, ${headers}, ${attachments}, 'pending', 0, ${now}, ${meta.userId ?? null},
        ${meta.authorityId ?? null}, ${now})
      ON CONFLICT (idempotency_key) DO NOTHING`)
    if (written.changes === 1) return id
    return tx.get<{ id: string }>(sql`SELECT id FROM email_outbox WHERE idempotency_key = ${key}`)?.id ?? id
  })
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
