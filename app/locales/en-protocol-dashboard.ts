import type { roProtocolDashboard } from './ro-protocol-dashboard'
import type { Translation } from './types'

export const enProtocolDashboard: Translation<typeof roProtocolDashboard> = {}
