export const STAFF_ROLES = ['admin', 'editor', 'legal', 'coordinator', 'viewer'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ORGANISATION_ROLES = ['admin', 'member'] as const
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number]

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value)
}
