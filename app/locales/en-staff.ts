import type { roStaff } from './ro-staff'
import type { Translation } from './types'

export const enStaff: Translation<typeof roStaff> = {}
