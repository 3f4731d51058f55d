/**
 * A state-changing request is accepted only when its Origin header names this site: the host
 * the request was sent to, or the configured public address.
 */
export function isSameOrigin(
  origin: string | undefined | null,
  site: { host: string | undefined; protocol: string; appUrl: string },
): boolean {
  if (!origin || origin === 'null') return false
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (site.host && parsed.host === site.host && parsed.protocol === `${site.protocol}:`) return true
  try {
    return parsed.origin === new URL(site.appUrl).origin
  } catch {
    return false
  }
}

/** Where mail clients post a one-click unsubscribe (RFC 8058): token-authenticated, no Origin. */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/unsubscribe/one-click'
