import type { roAdmin } from './ro-admin'
import type { Translation } from './types'

export const enAdmin: Translation<typeof roAdmin> = {}
