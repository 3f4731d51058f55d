import { inflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { crc32, tableCrc32, zip } from '~/services/zip.server'

describe('crc32', () => {
  it('computes the CRC-32 of ZIP, in one go or continued', () => {
    const bytes = new TextEncoder().encode('123456789')
    expect(crc32(bytes)).toBe(0xcbf43926)
    expect(tableCrc32(bytes)).toBe(0xcbf43926)
    expect(tableCrc32(new Uint8Array())).toBe(0)
    expect(tableCrc32(bytes.subarray(4), tableCrc32(bytes.subarray(0, 4)))).toBe(0xcbf43926)
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926)
  })

  it('leaves the value carried in as it is for nothing more, however the empty bytes were made', () => {
    const before = crc32(new TextEncoder().encode('1234'))
    for (const empty of [Buffer.from(''), Buffer.alloc(0), new Uint8Array(), new Uint8Array(8).subarray(8)]) {
      expect(crc32(empty, before)).toBe(before)
    }
  })

  it('agrees with the table on any bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251)
    expect(crc32(bytes)).toBe(tableCrc32(bytes))
  })
})

describe('zip', () => {
  const modified = new Date(2024, 2, 15, 10, 30, 42)

  it('writes entries JSZip reads back with their CRC-32 checked, in order', async () => {
    const bytes = await zip(
      [
        { name: 'a.txt', content: 'Șase țări' },
        { name: 'dir/b.bin', content: new Uint8Array([0, 1, 2, 255]) },
        { name: 'dir/c.xml', content: ['<a>', 'ă'.repeat(100_000), new Uint8Array([0x3c, 0x2f]), 'a>'] },
        { name: 'empty.txt', content: [] },
      ],
      modified,
    )
    expect(bytes.buffer).toBeInstanceOf(ArrayBuffer)
    expect(bytes.byteOffset).toBe(0)
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength)
    const archive = await JSZip.loadAsync(bytes, { checkCRC32: true })
    expect(Object.keys(archive.files)).toEqual(['a.txt', 'dir/b.bin', 'dir/c.xml', 'empty.txt'])
    expect(await archive.file('a.txt')!.async('string')).toBe('Șase țări')
    expect([...(await archive.file('dir/b.bin')!.async('uint8array'))]).toEqual([0, 1, 2, 255])
    expect(await archive.file('dir/c.xml')!.async('string')).toBe(`<a>${'ă'.repeat(100_000)}</a>`)
    expect(await archive.file('empty.txt')!.async('string')).toBe('')
    const date = archive.file('a.txt')!.date
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2024, 2, 15])
  })

  it('gives the same entry for a text whole or in pieces', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `<w:t>rând ${i} ăâîșț</w:t>`)
    const whole = await zip([{ name: 'x.xml', content: text.join('') }], modified)
    const pieces = await zip([{ name: 'x.xml', content: text }], modified)
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset)
    // CRC-32 and uncompressed size in the local header
    expect(view(pieces).getUint32(14, true)).toBe(view(whole).getUint32(14, true))
    expect(view(pieces).getUint32(22, true)).toBe(Buffer.byteLength(text.join('')))
    const data = pieces.subarray(30 + 5, 30 + 5 + view(pieces).getUint32(18, true))
    expect(inflateRawSync(data).toString('utf8')).toBe(text.join(''))
  })

  it('flags UTF-8 names that are not ASCII', async () => {
    const bytes = await zip(
      [
        { name: 'plain.txt', content: 'a' },
        { name: 'ședință.txt', content: 'b' },
      ],
      modified,
    )
    const view = new DataView(bytes.buffer)
    expect(view.getUint16(6, true)).toBe(0)
    const second = 30 + 'plain.txt'.length + view.getUint32(18, true)
    expect(view.getUint16(second + 6, true)).toBe(0x0800)
    const archive = await JSZip.loadAsync(bytes)
    expect(await archive.file('ședință.txt')!.async('string')).toBe('b')
  })

  it('writes an empty archive as just the end record', async () => {
    const bytes = await zip([], modified)
    expect([...bytes]).toEqual([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])
  })

  it('refuses duplicate or unsafe names', async () => {
    await expect(
      zip(
        [
          { name: 'a', content: '' },
          { name: 'a', content: '' },
        ],
        modified,
      ),
    ).rejects.toThrow(/Duplicate/)
    for (const name of ['', '/abs', '../up', 'a\\b']) {
      await expect(zip([{ name, content: '' }], modified)).rejects.toThrow(/Invalid/)
    }
  })

  it('passes on an error of the content', async () => {
    function* failing(): Generator<string> {
      yield 'start'
      throw new Error('broken content')
    }
    await expect(zip([{ name: 'a', content: failing() }], modified)).rejects.toThrow('broken content')
  })
})
