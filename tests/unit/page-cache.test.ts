import { describe, expect, it } from 'vitest'
import { cachedPageScopes, pageKey, parseCookies } from '~/domain/page-cache-rules'
import { PageCache } from '~/services/page-cache.server'

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
  const page = (bytes: number) => ({ status: 200, headers: [], parts: [Buffer.alloc(bytes)], bytes })

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
