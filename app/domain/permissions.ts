/**
 * Authorisation in one place. Every loader and action asks `can(actor, action, resource)`
 * (through `requirePermission` in app/utils/auth.server.ts); nothing relies on hiding a link.
 */
import type { OrganisationRole, StaffRole } from './roles'

export type Actor = {
  userId: string
  emailVerified: boolean
  isPlatformAdmin: boolean
  /** Roles per authority id. */
  staffRoles: Record<string, readonly StaffRole[]>
  /** Active organisation memberships: role per organisation id. */
  organisationRoles: Record<string, OrganisationRole>
}

export type Resource =
  | { type: 'platform' }
  | { type: 'authority'; authorityId: string }
  | { type: 'organisation'; organisationId: string }
  | { type: 'user'; userId: string }

/** What can be asked, and of which kind of resource. */
export const ACTIONS = {
  // platform
  'platform.manage_authorities': 'platform',
  'platform.read_outbox': 'platform',
  'platform.view_audit': 'platform',
  'organisation.create': 'platform',
  'platform.preview_emails': 'platform',
  'recommendation.submit': 'platform',
  // authority
  'authority.view_staff_area': 'authority',
  'authority.edit_settings': 'authority',
  'authority.manage_staff': 'authority',
  'authority.view_audit': 'authority',
  'protocol.view': 'authority',
  'protocol.manage': 'authority',
  'protocol.decide': 'authority',
  'plan.view': 'authority',
  'plan.manage': 'authority',
  'plan.moderate': 'authority',
  'plan.answer': 'authority',
  'plan.adopt': 'authority',
  'minutes.manage': 'authority',
  'meeting.manage': 'authority',
  // organisation
  'organisation.edit': 'organisation',
  'organisation.manage_members': 'organisation',
  'organisation.request_membership': 'organisation',
  'organisation.view_members': 'organisation',
  'organisation.view_audit': 'organisation',
  'organisation.act_for': 'organisation',
  // user
  'user.view_audit': 'user',
} as const satisfies Record<string, Resource['type']>

export type Action = keyof typeof ACTIONS

const ANY_STAFF: readonly StaffRole[] = ['admin', 'editor', 'legal', 'coordinator', 'viewer']

/** Which staff roles may do each authority action. */
const AUTHORITY_RULES: Partial<Record<Action, readonly StaffRole[]>> = {
  'authority.view_staff_area': ANY_STAFF,
  'authority.edit_settings': ['admin'],
  'authority.manage_staff': ['admin'],
  'authority.view_audit': ['admin', 'legal', 'editor', 'coordinator', 'viewer'],
  // The protocol registry: every staff member reads it; legal officers and admins keep it.
  'protocol.view': ANY_STAFF,
  'protocol.manage': ['admin', 'legal'],
  'protocol.decide': ['admin', 'legal'],
  // Plans: every staff member reads drafts; editors and admins publish, moderate and answer.
  'plan.view': ANY_STAFF,
  'plan.manage': ['admin', 'editor'],
  'plan.moderate': ['admin', 'editor'],
  'plan.answer': ['admin', 'editor'],
  'plan.adopt': ['admin', 'editor'],
  // Minutes: editors for consultations and debates, coordinators for tripartite meetings.
  'minutes.manage': ['admin', 'editor', 'coordinator'],
  // Services, partners and tripartite meetings: the partnership coordinators and admins.
  'meeting.manage': ['admin', 'coordinator'],
}

export type Decision = { allowed: true } | { allowed: false; reason: DenialReason }
export type DenialReason = 'not_signed_in' | 'email_not_verified' | 'forbidden'

const ALLOW: Decision = { allowed: true }
const deny = (reason: DenialReason): Decision => ({ allowed: false, reason })

export function decide(actor: Actor | null, action: Action, resource: Resource): Decision {
  if (ACTIONS[action] !== resource.type) {
    throw new Error(`Action ${action} does not apply to a ${resource.type}`)
  }
  if (!actor) return deny('not_signed_in')
  if (!actor.emailVerified) return deny('email_not_verified')

  switch (resource.type) {
    case 'platform':
      // Any signed-in person with a verified address may found an organisation or comment.
      if (action === 'organisation.create' || action === 'recommendation.submit') return ALLOW
      // Every staff member may see what the platform's emails look like.
      if (action === 'platform.preview_emails' && Object.keys(actor.staffRoles).length > 0) return ALLOW
      return actor.isPlatformAdmin ? ALLOW : deny('forbidden')

    case 'authority': {
      if (actor.isPlatformAdmin) return ALLOW
      const roles = actor.staffRoles[resource.authorityId] ?? []
      const allowed = AUTHORITY_RULES[action] ?? []
      return roles.some((r) => allowed.includes(r)) ? ALLOW : deny('forbidden')
    }

    case 'organisation': {
      const role = actor.organisationRoles[resource.organisationId]
      switch (action) {
        case 'organisation.request_membership':
          return role ? deny('forbidden') : ALLOW
        case 'organisation.view_members':
          return role || actor.isPlatformAdmin ? ALLOW : deny('forbidden')
        // Signing a recommendation or a debate request on the organisation's behalf: its members only.
        case 'organisation.act_for':
          return role ? ALLOW : deny('forbidden')
        case 'organisation.edit':
        case 'organisation.manage_members':
        case 'organisation.view_audit':
          return role === 'admin' || actor.isPlatformAdmin ? ALLOW : deny('forbidden')
        default:
          return deny('forbidden')
      }
    }

    case 'user':
      if (action === 'user.view_audit') {
        return actor.userId === resource.userId || actor.isPlatformAdmin ? ALLOW : deny('forbidden')
      }
      return deny('forbidden')
  }
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource).allowed
}
