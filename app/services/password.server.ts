import { hash, verify, type Algorithm } from '@node-rs/argon2'

/** argon2id with OWASP's minimum recommended parameters (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = {
  algorithm: 2 as Algorithm /* Argon2id (a const enum, not importable under isolatedModules) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-used-for-timing')
  await verify(await dummyHash, password).catch(() => false)
  return false
}
