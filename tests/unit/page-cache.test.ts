import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { cachedPageScopes, pageKey, parseCookies } from '~/domain/page-cache-rules'
import { deflateParts, gzipWith, PageCache } from '~/services/page-cache.server'

describe('which pages are kept', () => {
  it('keeps the pages many people read, with what they depend on', () => {
    expect(cachedPageScopes('/a/pangarati/plans/p1')).toEqual(['content', 'recommendations'])
    expect(cachedPageScopes('/a/pangarati/plans/p1/sections/cap-1')).toEqual(['content', 'recommendations'])
    expect(cachedPageScopes('/a/pangarati/plans/p1.data')).toEqual(['content', 'recommendations'])
    expect(cachedPageScopes('/a/pangarati/staff/protocols')).toEqual(['content', 'protocols'])
    expect(cachedPageScopes('/_root.data')).toEqual(['content', 'recommendations'])
    expect(cachedPageScopes('/consultations/')).toEqual(['content', 'recommendations'])
  })

  it('never keeps forms, downloads, staff editors or account pages', () => {
    for (const path of [
      '/login',
      '/organisations/new',
      '/a/pangarati/staff/protocols/new',
      '/a/pangarati/staff/plans/p1',
      '/a/pangarati/plans/p1/report.csv',
      '/a/pangarati/plans/p1/plan.docx',
      '/account',
      '/admin/outbox',
      '/search',
      '/baseline',
    ]) {
      expect(cachedPageScopes(path), path).toBeNull()
    }
  })

  it('keys a page on its address, language, person, minute and revisions', () => {
    const base = { url: '/a/x', language: '|', userId: '', minute: '2026-11-23T09:00', revisions: [1, 2] }
    const key = pageKey(base)
    for (const change of [
      { url: '/a/x?page=2' },
      { language: 'en|' },
      { userId: 'u1' },
      { minute: '2026-11-23T09:01' },
      { revisions: [1, 3] },
    ]) {
      expect(pageKey({ ...base, ...change })).not.toBe(key)
    }
  })

  it('reads cookies as browsers send them', () => {
    expect([...parseCookies('session=a.b=c; lng=ro; session=other')]).toEqual([
      ['session', 'a.b=c'],
      ['lng', 'ro'],
    ])
    expect(parseCookies(undefined).size).toBe(0)
  })
})

describe('the page store', () => {
  const page = (bytes: number) => ({ status: 200, headers: [], parts: [Buffer.alloc(bytes)], deflated: [], bytes })

  it('forgets the least recently read pages first when memory is full', () => {
    const cache = new PageCache(1000)
    cache.set('a', page(200))
    cache.set('b', page(200))
    cache.set('c', page(200))
    cache.get('a')
    cache.set('d', page(200))
    cache.set('e', page(200)) // 1000 bytes: all fit
    cache.set('f', page(200)) // over: the oldest unread goes (b)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBeDefined()
    expect(cache.summary().bytes).toBeLessThanOrEqual(1000)
  })

  it('does not keep a page larger than a quarter of its memory', () => {
    const cache = new PageCache(1000)
    cache.set('big', page(400))
    expect(cache.get('big')).toBeUndefined()
  })

  it('renders once for concurrent readers of the same page', async () => {
    const cache = new PageCache(1000)
    let renders = 0
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const render = async () => {
      renders++
      await gate
    }
    const all = Promise.all([cache.once('k', render), cache.once('k', render), cache.once('k', render)])
    release()
    expect(await all).toEqual(['rendered', 'waited', 'waited'])
    expect(renders).toBe(1)
    await cache.once('k', render)
    expect(renders).toBe(2)
  })
})

describe('a stored page sent gzipped around each response’s nonce', () => {
  const decode = (chunks: Buffer[]) => zlib.gunzipSync(Buffer.concat(chunks)).toString('utf8')
  const page = (html: string, nonce: string) => {
    const parts = html.split(nonce).map((p) => Buffer.from(p))
    return { parts, deflated: deflateParts(parts) }
  }

  it('decompresses to the page with the new nonce in every place of the old one', () => {
    const html = `<!DOCTYPE html><script nonce="OLD">a()</script>${'<p>Șase țări își împart pâine.</p>'.repeat(2000)}<script nonce="OLD">b()</script>`
    const { parts, deflated } = page(html, 'OLD')
    expect(parts).toHaveLength(3)
    const fresh = 'n0nce+/AbC=='
    expect(decode(gzipWith(parts, deflated, Buffer.from(fresh)))).toBe(html.replaceAll('OLD', fresh))
    // Another response, another nonce, from the same stored parts.
    expect(decode(gzipWith(parts, deflated, Buffer.from('other')))).toBe(html.replaceAll('OLD', 'other'))
  })

  it('is compressed: a large page travels as a fraction of its size', () => {
    const html = `<main nonce="X">${'<tr><td>Recomandare</td><td>Acceptată parțial</td></tr>'.repeat(5000)}</main>`
    const { parts, deflated } = page(html, 'X')
    const sent = Buffer.concat(gzipWith(parts, deflated, Buffer.from('nonce-value')))
    expect(sent.length).toBeLessThan(html.length / 10)
  })

  it('handles a page without a nonce, an empty part and a page of nothing', () => {
    for (const html of ['<p>fără script</p>', 'X<p>nonce at the start</p>', '<p>and at the end</p>X', '']) {
      const { parts, deflated } = page(html, 'X')
      expect(decode(gzipWith(parts, deflated, Buffer.from('N')))).toBe(html.replaceAll('X', 'N'))
    }
  })

  it('carries the right CRC-32 and length, which a strict decoder checks', () => {
    const { parts, deflated } = page('a'.repeat(70_000) + 'X' + 'b'.repeat(10), 'X')
    const sent = Buffer.concat(gzipWith(parts, deflated, Buffer.from('nonce')))
    const expected = Buffer.from('a'.repeat(70_000) + 'nonce' + 'b'.repeat(10))
    expect(sent.readUInt32LE(sent.length - 8)).toBe(zlib.crc32(expected))
    expect(sent.readUInt32LE(sent.length - 4)).toBe(expected.length)
    // A corrupted CRC is refused: the decoder does check it.
    const broken = Buffer.from(sent)
    broken.writeUInt32LE((broken.readUInt32LE(broken.length - 8) + 1) >>> 0, broken.length - 8)
    expect(() => zlib.gunzipSync(broken)).toThrow()
  })
})
