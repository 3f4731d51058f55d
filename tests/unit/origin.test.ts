import { describe, expect, it } from 'vitest'
import { isSameOrigin } from '~/utils/origin'

const local = { host: 'localhost:3300', protocol: 'http', appUrl: 'http://localhost:3300' }
// Behind a proxy: the request reaches the app as http on an internal host; the public address is APP_URL.
const proxied = { host: '127.0.0.1:3000', protocol: 'http', appUrl: 'https://planuri.example.ro' }

describe('isSameOrigin: which state-changing requests are accepted', () => {
  it('accepts a form posted from a page of the same site', () => {
    expect(isSameOrigin('http://localhost:3300', local)).toBe(true)
  })

  it('accepts the public address behind a proxy', () => {
    expect(isSameOrigin('https://planuri.example.ro', proxied)).toBe(true)
    expect(isSameOrigin('https://planuri.example.ro:443', proxied)).toBe(true)
    expect(isSameOrigin('https://planuri.example.ro', { ...proxied, appUrl: 'https://planuri.example.ro/' })).toBe(true)
  })

  it('accepts the public address even when the host is unknown', () => {
    expect(isSameOrigin('https://planuri.example.ro', { ...proxied, host: undefined })).toBe(true)
  })

  it.each([
    ['no Origin header', undefined],
    ['null', null],
    ['empty', ''],
    ['the string "null" (sandboxed pages, file://)', 'null'],
    ['another site', 'https://evil.example'],
    ['a look-alike domain', 'https://planuri.example.ro.evil.example'],
    ['a subdomain', 'https://www.planuri.example.ro'],
    ['http instead of https', 'http://planuri.example.ro'],
    ['another port', 'https://planuri.example.ro:8443'],
    ['not a URL', 'planuri.example.ro'],
    ['garbage', '::::'],
  ])('refuses %s behind a proxy', (_label, origin) => {
    expect(isSameOrigin(origin, proxied)).toBe(false)
  })

  it('refuses another port or scheme on the local host', () => {
    expect(isSameOrigin('http://localhost:3301', local)).toBe(false)
    expect(isSameOrigin('https://localhost:3300', local)).toBe(false)
    expect(isSameOrigin('http://127.0.0.1:3300', local)).toBe(false)
  })

  it('does not take the internal host for the public one when the scheme differs', () => {
    expect(isSameOrigin('https://127.0.0.1:3000', proxied)).toBe(false)
  })

  it('refuses everything rather than throwing when APP_URL is not a URL', () => {
    const broken = { host: undefined, protocol: 'http', appUrl: 'not a url' }
    expect(isSameOrigin('http://localhost:3300', broken)).toBe(false)
  })
})
