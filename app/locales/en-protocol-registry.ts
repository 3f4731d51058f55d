import type { roProtocolRegistry } from './ro-protocol-registry'
import type { Translation } from './types'

export const enProtocolRegistry: Translation<typeof roProtocolRegistry> = {}
