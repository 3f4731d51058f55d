/**
 * A fake Resend API on 127.0.0.1 for tests: records every email the app sends (with the
 * idempotency key) and answers like Resend. `failNext(status)` makes the next calls fail.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedEmail = {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
  idempotencyKey: string | null
  authorization: string | null
}

export type FakeResend = {
  url: string
  emails: ReceivedEmail[]
  failNext(status: number, times?: number, headers?: Record<string, string>): void
  /** The next requests get no answer at all (a hung connection), until the server closes. */
  hangNext(times?: number): void
  /** The provider is back: forget the failures still queued. */
  clearFailures(): void
  /** Accepted messages per idempotency key (Resend delivers a key once). */
  acceptedByKey(): Map<string, number>
  waitFor(predicate: (e: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>
  close(): Promise<void>
}

export async function startFakeResend(): Promise<FakeResend> {
  const emails: ReceivedEmail[] = []
  const failures: Array<{ status: number; headers: Record<string, string> } | 'hang'> = []
  const hung: http.ServerResponse[] = []
  const accepted = new Map<string, number>()
  let counter = 0
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      const failure = failures.shift()
      if (failure === 'hang') {
        hung.push(res)
        return
      }
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
        res.end(
          JSON.stringify({
            name: 'application_error',
            message: `fake failure ${failure.status}`,
            statusCode: failure.status,
          }),
        )
        return
      }
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null
      const auth = (req.headers.authorization as string | undefined) ?? null
      if (req.method === 'POST' && req.url === '/emails') {
        const payload = JSON.parse(body)
        const to = Array.isArray(payload.to) ? payload.to : [payload.to]
        emails.push({ ...payload, to, idempotencyKey: key, authorization: auth })
        if (key) accepted.set(key, (accepted.get(key) ?? 0) + 1)
        return reply(200, { id: `fake-${++counter}` })
      }
      if (req.method === 'POST' && req.url === '/emails/batch') {
        const payload = JSON.parse(body) as Array<Record<string, unknown>>
        const ids = payload.map((p) => {
          const to = Array.isArray(p.to) ? p.to : [p.to]
          emails.push({
            ...(p as unknown as ReceivedEmail),
            to: to as string[],
            idempotencyKey: key,
            authorization: auth,
          })
          return { id: `fake-${++counter}` }
        })
        return reply(200, { data: ids })
      }
      reply(404, { name: 'not_found', message: 'Not found', statusCode: 404 })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    failNext(status, times = 1, headers = {}) {
      for (let i = 0; i < times; i++) failures.push({ status, headers })
    },
    hangNext(times = 1) {
      for (let i = 0; i < times; i++) failures.push('hang')
    },
    acceptedByKey: () => accepted,
    clearFailures: () => {
      failures.length = 0
    },
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
