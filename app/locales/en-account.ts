import type { roAccount } from './ro-account'
import type { Translation } from './types'

export const enAccount: Translation<typeof roAccount> = {}
