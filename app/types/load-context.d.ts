import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy. */
    cspNonce: string
    /** The client's address as Express sees it (behind a proxy: the forwarded one). */
    clientIp: string
    /** Tells server.ts that the database lock stopped this request (it answers 503, not 500). */
    onDatabaseBusy?: () => void
  }
  interface Future {
    v3_singleFetch: true
  }
}
