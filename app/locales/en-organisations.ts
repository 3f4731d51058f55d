import type { roOrganisations } from './ro-organisations'
import type { Translation } from './types'

export const enOrganisations: Translation<typeof roOrganisations> = {}
