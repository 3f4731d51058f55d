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
