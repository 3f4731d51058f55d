/**
 * A fake Resend API on 127.0.0.1 for tests: records every email the app sends (with the
 * idempotency key of its request) and answers like Resend, on POST /emails and POST
 * /emails/batch (up to 100 emails, all or nothing). Like Resend, a request repeating an
 * accepted idempotency key gets the first answer again (a replay: nothing is recorded twice),
 * and the same key with another payload gets 409. A `to` that is not an email address is
 * refused with 422 (for a batch: the whole batch, without saying which email). Attachments are
 * recorded on POST /emails; a batch with an attachment is refused with 422, as Resend's batch
 * endpoint takes none.
 * `failNext(status)` and `hangNext()` act on the next requests, whatever their endpoint;
 * `requests` logs every request with its arrival time. `down()` takes the whole provider down
 * (every request answered 503, or connections refused) until `up()`.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Endpoint = '/emails' | '/emails/batch'

export type ReceivedEmail = {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
  /** The files sent with the email (single endpoint only), as Resend reads them (`content_type` → `contentType`). */
  attachments?: ReceivedAttachment[]
  /** The request's key: the row's key for a single email, the batch's key for a batch. */
  idempotencyKey: string | null
  authorization: string | null
  endpoint: Endpoint
  /** The id the fake answered for this email. */
  id: string
}

export type ReceivedAttachment = { filename: string | null; contentType: string | null; content: string | null }

export type ReceivedRequest = {
  method: string
  path: string
  /** Date.now() when the request arrived. */
  at: number
  idempotencyKey: string | null
  /** Emails in the payload (1 for a single email). */
  size: number
  /** The status answered, or 'hung' when no answer was given. */
  status: number | 'hung'
  /** A repeated idempotency key answered from the first request: nothing new recorded. */
  replay: boolean
}

export type FakeResend = {
  url: string
  /** Every email accepted, once (a replay adds nothing). */
  emails: ReceivedEmail[]
  /** Every request, in order of arrival. */
  requests: ReceivedRequest[]
  /** Requests received, all or those to one endpoint. */
  requestCount(path?: Endpoint): number
  /** How many accepted emails went to this address. */
  deliveriesTo(address: string): number
  /**
   * The next requests are answered `status`. With `afterAccepting`, the emails are accepted first
   * (a gateway error after the provider took them): the answer is lost, not the request.
   */
  failNext(
    status: number,
    times?: number,
    headers?: Record<string, string>,
    options?: { afterAccepting?: boolean },
  ): void
  /**
   * The next requests get no answer at all (a hung connection), until the server closes. With
   * `afterAccepting`, the emails are accepted first: the answer is lost, not the request.
   */
  hangNext(times?: number, options?: { afterAccepting?: boolean }): void
  /** The provider is back: forget the failures still queued. */
  clearFailures(): void
  /**
   * The provider is down until `up()`: `unavailable` answers every request 503 (nothing
   * accepted), `refused` closes the port (connection refused, a network error for the app).
   */
  down(mode?: 'unavailable' | 'refused'): Promise<void>
  /** The provider answers again, on the same address. */
  up(): Promise<void>
  isDown(): boolean
  /** Accepted requests per idempotency key (a replay is answered, not accepted again). */
  acceptedByKey(): Map<string, number>
  waitFor(predicate: (e: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>
  close(): Promise<void>
}

type Failure =
  | { kind: 'status'; status: number; headers: Record<string, string>; afterAccepting: boolean }
  | { kind: 'hang'; afterAccepting: boolean }

const ADDRESS = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/
const MAX_BATCH = 100

export async function startFakeResend(): Promise<FakeResend> {
  const emails: ReceivedEmail[] = []
  const requests: ReceivedRequest[] = []
  const failures: Failure[] = []
  const hung: http.ServerResponse[] = []
  const accepted = new Map<string, number>()
  /** Accepted requests by endpoint and key: the payload's hash and the answer, for replays. */
  const answered = new Map<string, { hash: string; payload: unknown }>()
  let counter = 0
  let outage: 'unavailable' | 'refused' | null = null

  const server = http.createServer((req, res) => {
    const at = Date.now()
    let body = ''
    // Decoded as a stream: a character split between two chunks of a large batch stays whole
    // (adding each chunk as its own string turned it into U+FFFD now and then).
    req.setEncoding('utf8')
    req.on('data', (c: string) => (body += c))
    req.on('end', () => {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      const auth = (req.headers.authorization as string | undefined) ?? null
      const path = req.url ?? ''
      const log: ReceivedRequest = {
        method: req.method ?? '',
        path,
        at,
        idempotencyKey: key,
        size: 0,
        status: 'hung',
        replay: false,
      }
      requests.push(log)
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        log.status = status
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(JSON.stringify(payload))
      }
      const refuse = (status: number, name: string, message: string, headers: Record<string, string> = {}) =>
        reply(status, { name, message, statusCode: status }, headers)

      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        parsed = undefined
      }
      log.size = Array.isArray(parsed) ? parsed.length : parsed === undefined ? 0 : 1

      if (outage === 'unavailable') return refuse(503, 'application_error', 'fake outage: service unavailable')
      const failure = failures.shift()
      if (failure?.kind === 'hang' && !failure.afterAccepting) {
        hung.push(res)
        return
      }
      if (failure?.kind === 'status' && !failure.afterAccepting) {
        return refuse(failure.status, 'application_error', `fake failure ${failure.status}`, failure.headers)
      }
      // Accepted (or replayed), but with `hangNext(…, { afterAccepting: true })` never answered,
      // with `failNext(…, { afterAccepting: true })` answered with the failure.
      const answer = (payload: unknown) => {
        if (failure?.kind === 'hang') {
          log.status = 'hung'
          hung.push(res)
          return
        }
        if (failure?.kind === 'status') {
          return refuse(failure.status, 'application_error', `fake failure ${failure.status}`, failure.headers)
        }
        reply(200, payload)
      }

      if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
        return refuse(404, 'not_found', 'Not found')
      }
      const endpoint: Endpoint = path
      if (parsed === undefined) return refuse(400, 'invalid_request', 'The body is not JSON')
      const items = (endpoint === '/emails' ? [parsed] : parsed) as Array<Record<string, unknown>>
      if (!Array.isArray(items)) return refuse(422, 'validation_error', 'A batch is an array of emails')

      const hash = crypto.createHash('sha256').update(body).digest('hex')
      const previous = key ? answered.get(`${endpoint} ${key}`) : undefined
      if (previous) {
        if (previous.hash !== hash) {
          return refuse(
            409,
            'invalid_idempotent_request',
            'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
          )
        }
        log.replay = true
        return answer(previous.payload)
      }

      if (endpoint === '/emails/batch' && (items.length === 0 || items.length > MAX_BATCH)) {
        return refuse(422, 'validation_error', `A batch holds 1 to ${MAX_BATCH} emails, not ${items.length}`)
      }
      const recipients = items.map((p) => (Array.isArray(p.to) ? p.to : [p.to]) as string[])
      if (recipients.some((to) => to.length === 0 || to.some((a) => typeof a !== 'string' || !ADDRESS.test(a)))) {
        return refuse(
          422,
          'validation_error',
          'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
        )
      }
      const attachments = items.map((p) => p.attachments)
      if (endpoint === '/emails/batch' && attachments.some((a) => a !== undefined && a !== null)) {
        return refuse(422, 'validation_error', 'The `attachments` field is not supported for batch emails.')
      }
      const files = attachments[0]
      if (
        files !== undefined &&
        files !== null &&
        (!Array.isArray(files) ||
          files.some((f: Record<string, unknown>) => typeof f.content !== 'string' && typeof f.path !== 'string'))
      ) {
        return refuse(422, 'validation_error', 'Each attachment needs a `content` or a `path`.')
      }
      const ids = items.map((p, i) => {
        const id = `fake-${++counter}`
        const { attachments: sent, ...email } = p
        emails.push({
          ...(email as unknown as ReceivedEmail),
          ...(Array.isArray(sent)
            ? {
                attachments: sent.map((f: Record<string, unknown>) => ({
                  filename: typeof f.filename === 'string' ? f.filename : null,
                  contentType: typeof f.content_type === 'string' ? f.content_type : null,
                  content: typeof f.content === 'string' ? f.content : null,
                })),
              }
            : {}),
          to: recipients[i]!,
          idempotencyKey: key,
          authorization: auth,
          endpoint,
          id,
        })
        return { id }
      })
      if (key) accepted.set(key, (accepted.get(key) ?? 0) + 1)
      const payload = endpoint === '/emails' ? ids[0] : { data: ids }
      if (key) answered.set(`${endpoint} ${key}`, { hash, payload })
      answer(payload)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  /** Listens again on the same port after a `refused` outage. */
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    requests,
    requestCount: (path) => requests.filter((r) => path === undefined || r.path === path).length,
    deliveriesTo: (address) => emails.filter((e) => e.to.includes(address)).length,
    failNext(status, times = 1, headers = {}, options = {}) {
      for (let i = 0; i < times; i++) {
        failures.push({ kind: 'status', status, headers, afterAccepting: options.afterAccepting ?? false })
      }
    },
    hangNext(times = 1, options = {}) {
      for (let i = 0; i < times; i++) failures.push({ kind: 'hang', afterAccepting: options.afterAccepting ?? false })
    },
    acceptedByKey: () => accepted,
    clearFailures: () => {
      failures.length = 0
    },
    async down(mode = 'unavailable') {
      if (outage === 'refused') await listen()
      outage = mode
      if (mode === 'refused') {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        for (const res of hung.splice(0)) res.destroy()
        server.closeAllConnections()
        await closed
      }
    },
    async up() {
      if (outage === 'refused') await listen()
      outage = null
    },
    isDown: () => outage !== null,
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (Date.now() < until) {
        const found = emails.find(predicate)
        if (found) return found
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`No matching email within ${timeoutMs} ms (received ${emails.length})`)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
