import type { roProtocols } from './ro-protocols'
import type { Translation } from './types'

export const enProtocols: Translation<typeof roProtocols> = {}
