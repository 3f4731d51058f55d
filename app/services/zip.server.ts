/**
 * ZIP archives (PKWARE APPNOTE 6.3.x) written with little memory, for the Office Open XML files
 * of app/services/docx.server.ts. The content of an entry may come as a sequence of pieces of
 * text: they are gathered into batches of about 64 KiB, encoded as UTF-8, checksummed
 * (CRC-32) and fed to a streaming raw deflate as they come, so only the compressed bytes are
 * kept, never the whole text.
 *
 * What it writes: each entry deflated (method 8), with its CRC-32 and sizes in the local header
 * (known once the entry is compressed, so no data descriptors), then the central directory and
 * the end record. Names are UTF-8 (flag bit 11 set when a name is not ASCII). No ZIP64 (an entry
 * or the archive over 4 GiB, or more than 65,535 entries, is refused), no encryption, no
 * comments, no extra fields.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

/** A whole text or byte array, or pieces of them, in order. */
export type ZipContent = string | Uint8Array | Iterable<string | Uint8Array>

export type ZipEntry = { name: string; content: ZipContent }

/** Pieces of text are encoded and compressed in batches of about this many characters. */
const BATCH_CHARS = 64 * 1024
const DEFLATE_OPTIONS: zlib.ZlibOptions = { level: 6 }

let crcTable: Uint32Array | null = null

/** CRC-32 (IEEE 802.3, as ZIP uses it) with a lookup table: for Node versions without zlib.crc32. */
export function tableCrc32(data: Uint8Array, value = 0): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  const table = crcTable
  let crc = ~value >>> 0
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
  return ~crc >>> 0
}

// zlib.crc32 arrived in Node 20.15 / 22.2; the table is the fallback.
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined =
  typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined

/** CRC-32 of `data`, continuing from `value` (the CRC-32 of what came before). */
export function crc32(data: Uint8Array, value = 0): number {
  // Nothing to add leaves it as it was. (Node 20's zlib.crc32 answers 0 for an empty array made
  // from an empty string, `Buffer.from('')`, whatever the value carried in.)
  if (data.length === 0) return value >>> 0
  return nativeCrc32 ? nativeCrc32(data, value) >>> 0 : tableCrc32(data, value)
}

type Sums = { crc: number; size: number }

/** The content as UTF-8 byte batches, adding each to the running CRC-32 and size. */
function* batches(content: Iterable<string | Uint8Array>, sums: Sums): Generator<Uint8Array> {
  const counted = (bytes: Uint8Array) => {
    sums.crc = crc32(bytes, sums.crc)
    sums.size += bytes.length
    return bytes
  }
  let pending = ''
  for (const piece of content) {
    if (typeof piece === 'string') {
      pending += piece
      if (pending.length >= BATCH_CHARS) {
        yield counted(Buffer.from(pending, 'utf8'))
        pending = ''
      }
    } else {
      if (pending !== '') yield counted(Buffer.from(pending, 'utf8'))
      pending = ''
      if (piece.length > 0) yield counted(piece)
    }
  }
  if (pending !== '') yield counted(Buffer.from(pending, 'utf8'))
}

type Compressed = { crc: number; size: number; chunks: Uint8Array[]; compressedSize: number }

async function compress(content: ZipContent): Promise<Compressed> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    const deflated = zlib.deflateRawSync(bytes, DEFLATE_OPTIONS)
    return { crc: crc32(bytes), size: bytes.length, chunks: [deflated], compressedSize: deflated.length }
  }
  const sums: Sums = { crc: 0, size: 0 }
  const chunks: Uint8Array[] = []
  let compressedSize = 0
  await pipeline(
    Readable.from(batches(content, sums)),
    zlib.createDeflateRaw(DEFLATE_OPTIONS),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        chunks.push(chunk)
        compressedSize += chunk.length
      }
    },
  )
  return { crc: sums.crc, size: sums.size, chunks, compressedSize }
}

const MAX_32 = 0xffffffff
const LOCAL_HEADER = 30
const CENTRAL_HEADER = 46
const END_RECORD = 22
const VERSION = 20 // 2.0: deflate
const UTF8_NAME = 0x0800

/** MS-DOS time and date (local time, two-second resolution, 1980–2107). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107)
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

function checkName(name: string, seen: Set<string>): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`Invalid ZIP entry name: ${JSON.stringify(name)}`)
  }
  if (seen.has(name)) throw new Error(`Duplicate ZIP entry name: ${JSON.stringify(name)}`)
  seen.add(name)
}

/**
 * A ZIP archive of the entries, in their order. Each entry's content is read (and compressed)
 * once, one entry at a time. The bytes are over a plain ArrayBuffer of their own size.
 */
export async function zip(entries: Iterable<ZipEntry>, modified: Date = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  const seen = new Set<string>()
  const files: Array<Compressed & { name: Uint8Array; flags: number }> = []
  for (const entry of entries) {
    checkName(entry.name, seen)
    const compressed = await compress(entry.content)
    if (compressed.size > MAX_32 || compressed.compressedSize > MAX_32) {
      throw new RangeError(`ZIP entry ${entry.name} is too large (ZIP64 is not supported)`)
    }
    const name = Buffer.from(entry.name, 'utf8')
    // eslint-disable-next-line no-control-regex -- ASCII names need no flag
    const flags = /^[\u0000-\u007F]*$/.test(entry.name) ? 0 : UTF8_NAME
    files.push({ ...compressed, name, flags })
  }
  if (files.length > 0xffff) throw new RangeError('Too many ZIP entries (ZIP64 is not supported)')

  const dataSize = files.reduce((sum, f) => sum + LOCAL_HEADER + f.name.length + f.compressedSize, 0)
  const directorySize = files.reduce((sum, f) => sum + CENTRAL_HEADER + f.name.length, 0)
  if (dataSize + directorySize > MAX_32) throw new RangeError('ZIP archive too large (ZIP64 is not supported)')

  const bytes = new Uint8Array(dataSize + directorySize + END_RECORD)
  const view = new DataView(bytes.buffer)
  const { time, day } = dosDateTime(modified)
  // The fields a local header and a central directory entry share, in the same order: version
  // needed, flags, method (deflate), time, date, CRC-32, compressed size, size, name length.
  const entryFields = (from: number, f: (typeof files)[number]) => {
    view.setUint16(from, VERSION, true)
    view.setUint16(from + 2, f.flags, true)
    view.setUint16(from + 4, 8, true)
    view.setUint16(from + 6, time, true)
    view.setUint16(from + 8, day, true)
    view.setUint32(from + 10, f.crc, true)
    view.setUint32(from + 14, f.compressedSize, true)
    view.setUint32(from + 18, f.size, true)
    view.setUint16(from + 22, f.name.length, true)
  }
  const offsets: number[] = []
  let at = 0
  for (const f of files) {
    offsets.push(at)
    view.setUint32(at, 0x04034b50, true)
    entryFields(at + 4, f)
    view.setUint16(at + 28, 0, true) // no extra field
    bytes.set(f.name, at + LOCAL_HEADER)
    at += LOCAL_HEADER + f.name.length
    for (const chunk of f.chunks) {
      bytes.set(chunk, at)
      at += chunk.length
    }
    f.chunks = [] // let the compressed pieces go as soon as they are copied
  }
  const directoryAt = at
  files.forEach((f, i) => {
    view.setUint32(at, 0x02014b50, true)
    view.setUint16(at + 4, VERSION, true) // made by: MS-DOS attributes, version 2.0
    entryFields(at + 6, f)
    // extra field, comment, disk number, internal and external attributes: all zero
    view.setUint32(at + 42, offsets[i]!, true)
    bytes.set(f.name, at + CENTRAL_HEADER)
    at += CENTRAL_HEADER + f.name.length
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, files.length, true)
  view.setUint16(at + 10, files.length, true)
  view.setUint32(at + 12, directorySize, true)
  view.setUint32(at + 16, directoryAt, true)
  return bytes
}
