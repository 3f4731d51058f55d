import { generateSecureRandomString } from '~/domain/session-token'

/** A random, unguessable id for a row. */
export function newId(): string {
  return generateSecureRandomString().slice(0, 16)
}
