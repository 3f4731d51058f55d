/**
 * Where uploaded files live: a folder next to the database, one file per content hash
 * (the same scan uploaded twice is stored once). Callers check type and size first.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getConfig } from '~/services/config.server'

export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024

function root(): string {
  const db = getConfig().databasePath
  const base = db === ':memory:' ? path.resolve('data') : path.dirname(path.resolve(db))
  return path.join(base, 'uploads')
}

function pathOf(sha256: string) {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error('Not a content hash')
  return path.join(root(), sha256.slice(0, 2), sha256)
}

export function saveFile(bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  const file = pathOf(sha256)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
  }
  return { sha256, size: bytes.byteLength }
}

export function readFile(sha256: string): Buffer | null {
  const file = pathOf(sha256)
  return fs.existsSync(file) ? fs.readFileSync(file) : null
}

/** A PDF starts with "%PDF-" whatever its name or the browser's claimed type says. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-'
}

/**
 * A Word document is a ZIP ("PK\x03\x04") whose entries include `[Content_Types].xml` and
 * `word/document.xml` (entry names are stored uncompressed in the archive's headers).
 */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (bytes.length < 30) return false
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.readUInt32LE(0) !== 0x04034b50) return false
  return buf.includes('[Content_Types].xml', 0, 'latin1') && buf.includes('word/document.xml', 0, 'latin1')
}

export const PDF_TYPE = 'application/pdf'
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The real type of an uploaded document by its content (PDF or DOCX), whatever its name claims. */
export function sniffDocumentType(bytes: Uint8Array): typeof PDF_TYPE | typeof DOCX_TYPE | null {
  if (looksLikePdf(bytes)) return PDF_TYPE
  if (looksLikeDocx(bytes)) return DOCX_TYPE
  return null
}
