/**
 * The permissions matrix: every action × every kind of actor, with the expected decision
 * written out by hand. A change to who may do what must change this table on purpose.
 */
import { describe, expect, it } from 'vitest'
import { ACTIONS, can, decide, type Action, type Actor, type Decision, type Resource } from '~/domain/permissions'
import { STAFF_ROLES } from '~/domain/roles'

const AUTHORITY_A = 'auth-a'
const AUTHORITY_B = 'auth-b'
const ORG_X = 'org-x'
const ORG_Y = 'org-y'
const OTHER_USER = 'user-someone-else'

function actor(userId: string, extra: Partial<Actor> = {}): Actor {
  return { userId, emailVerified: true, isPlatformAdmin: false, staffRoles: {}, organisationRoles: {}, ...extra }
}

const ACTORS = {
  anonymous: null,
  unverified: actor('u-unverified', { emailVerified: false }),
  plain: actor('u-plain'),
  memberX: actor('u-member-x', { organisationRoles: { [ORG_X]: 'member' } }),
  adminX: actor('u-admin-x', { organisationRoles: { [ORG_X]: 'admin' } }),
  // A member of another organisation (its admin, even): nothing special on X.
  memberY: actor('u-member-y', { organisationRoles: { [ORG_Y]: 'admin' } }),
  aAdmin: actor('u-a-admin', { staffRoles: { [AUTHORITY_A]: ['admin'] } }),
  aEditor: actor('u-a-editor', { staffRoles: { [AUTHORITY_A]: ['editor'] } }),
  aLegal: actor('u-a-legal', { staffRoles: { [AUTHORITY_A]: ['legal'] } }),
  aCoordinator: actor('u-a-coordinator', { staffRoles: { [AUTHORITY_A]: ['coordinator'] } }),
  aViewer: actor('u-a-viewer', { staffRoles: { [AUTHORITY_A]: ['viewer'] } }),
  // Staff of B with every role there: still nothing on A.
  bStaff: actor('u-b-staff', { staffRoles: { [AUTHORITY_B]: [...STAFF_ROLES] } }),
  platformAdmin: actor('u-platform-admin', { isPlatformAdmin: true }),
} as const satisfies Record<string, Actor | null>

type ActorKind = keyof typeof ACTORS
const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[]

// Expected decisions, abbreviated so that the table stays readable.
const Y = 'allow'
const N = 'forbidden'
const S = 'not_signed_in'
const V = 'email_not_verified'
type Expected = typeof Y | typeof N | typeof S | typeof V

// prettier-ignore
type Thirteen<T> = [T, T, T, T, T, T, T, T, T, T, T, T, T]

type Row = {
  action: Action
  /** What the action is asked about; a function when it depends on who asks. */
  resource: Resource | ((who: Actor | null) => Resource)
  /** One decision per actor kind, in the order of ACTORS. */
  expected: Thirteen<Expected>
}

const platform: Resource = { type: 'platform' }
const authorityA: Resource = { type: 'authority', authorityId: AUTHORITY_A }
const organisationX: Resource = { type: 'organisation', organisationId: ORG_X }
const otherUser: Resource = { type: 'user', userId: OTHER_USER }
const ownAccount = (who: Actor | null): Resource => ({ type: 'user', userId: who?.userId ?? 'nobody' })

// prettier-ignore
const MATRIX: Record<string, Row> = {
  // Columns: anonymous, unverified, plain, memberX, adminX, memberY, A admin, A editor, A legal,
  //          A coordinator, A viewer, staff of B, platform admin.
  'platform.manage_authorities':        { action: 'platform.manage_authorities', resource: platform,      expected: [S, V, N, N, N, N, N, N, N, N, N, N, Y] },
  'platform.read_outbox':               { action: 'platform.read_outbox',        resource: platform,      expected: [S, V, N, N, N, N, N, N, N, N, N, N, Y] },
  'platform.view_audit':                { action: 'platform.view_audit',         resource: platform,      expected: [S, V, N, N, N, N, N, N, N, N, N, N, Y] },
  'organisation.create':                { action: 'organisation.create',         resource: platform,      expected: [S, V, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y] },
  'authority.view_staff_area (A)':      { action: 'authority.view_staff_area',   resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, Y, Y, Y, N, Y] },
  'authority.edit_settings (A)':        { action: 'authority.edit_settings',     resource: authorityA,    expected: [S, V, N, N, N, N, Y, N, N, N, N, N, Y] },
  'authority.manage_staff (A)':         { action: 'authority.manage_staff',      resource: authorityA,    expected: [S, V, N, N, N, N, Y, N, N, N, N, N, Y] },
  'authority.view_audit (A)':           { action: 'authority.view_audit',        resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, Y, Y, Y, N, Y] },
  'platform.preview_emails':            { action: 'platform.preview_emails',     resource: platform,      expected: [S, V, N, N, N, N, Y, Y, Y, Y, Y, Y, Y] },
  'protocol.view (A)':                  { action: 'protocol.view',               resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, Y, Y, Y, N, Y] },
  'protocol.manage (A)':                { action: 'protocol.manage',             resource: authorityA,    expected: [S, V, N, N, N, N, Y, N, Y, N, N, N, Y] },
  'protocol.decide (A)':                { action: 'protocol.decide',             resource: authorityA,    expected: [S, V, N, N, N, N, Y, N, Y, N, N, N, Y] },
  'recommendation.submit':              { action: 'recommendation.submit',       resource: platform,      expected: [S, V, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y] },
  'plan.view (A)':                      { action: 'plan.view',                   resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, Y, Y, Y, N, Y] },
  'plan.manage (A)':                    { action: 'plan.manage',                 resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, N, N, N, N, Y] },
  'plan.moderate (A)':                  { action: 'plan.moderate',               resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, N, N, N, N, Y] },
  'plan.answer (A)':                    { action: 'plan.answer',                 resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, N, N, N, N, Y] },
  'plan.adopt (A)':                     { action: 'plan.adopt',                  resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, N, N, N, N, Y] },
  'minutes.manage (A)':                 { action: 'minutes.manage',              resource: authorityA,    expected: [S, V, N, N, N, N, Y, Y, N, Y, N, N, Y] },
  'meeting.manage (A)':                 { action: 'meeting.manage',              resource: authorityA,    expected: [S, V, N, N, N, N, Y, N, N, Y, N, N, Y] },
  'organisation.act_for (X)':           { action: 'organisation.act_for',        resource: organisationX, expected: [S, V, N, Y, Y, N, N, N, N, N, N, N, N] },
  'organisation.edit (X)':              { action: 'organisation.edit',           resource: organisationX, expected: [S, V, N, N, Y, N, N, N, N, N, N, N, Y] },
  'organisation.manage_members (X)':    { action: 'organisation.manage_members', resource: organisationX, expected: [S, V, N, N, Y, N, N, N, N, N, N, N, Y] },
  'organisation.request_membership (X)':{ action: 'organisation.request_membership', resource: organisationX, expected: [S, V, Y, N, N, Y, Y, Y, Y, Y, Y, Y, Y] },
  'organisation.view_members (X)':      { action: 'organisation.view_members',   resource: organisationX, expected: [S, V, N, Y, Y, N, N, N, N, N, N, N, Y] },
  'organisation.view_audit (X)':        { action: 'organisation.view_audit',     resource: organisationX, expected: [S, V, N, N, Y, N, N, N, N, N, N, N, Y] },
  'user.view_audit (own account)':      { action: 'user.view_audit',             resource: ownAccount,    expected: [S, V, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y] },
  'user.view_audit (someone else)':     { action: 'user.view_audit',             resource: otherUser,     expected: [S, V, N, N, N, N, N, N, N, N, N, N, Y] },
}

function decisionCode(d: Decision): Expected {
  return d.allowed ? Y : d.reason
}

describe('permissions matrix', () => {
  it('has one column per actor kind, in the order of the table', () => {
    expect(ACTOR_KINDS).toEqual([
      'anonymous',
      'unverified',
      'plain',
      'memberX',
      'adminX',
      'memberY',
      'aAdmin',
      'aEditor',
      'aLegal',
      'aCoordinator',
      'aViewer',
      'bStaff',
      'platformAdmin',
    ])
  })

  it('covers every action', () => {
    const covered = new Set(Object.values(MATRIX).map((r) => r.action))
    expect([...covered].sort()).toEqual(Object.keys(ACTIONS).sort())
  })

  for (const [label, row] of Object.entries(MATRIX)) {
    describe(label, () => {
      ACTOR_KINDS.forEach((kind, i) => {
        const expected = row.expected[i]!
        it(`${kind} → ${expected}`, () => {
          const who = ACTORS[kind]
          const resource = typeof row.resource === 'function' ? row.resource(who) : row.resource
          const decision = decide(who, row.action, resource)
          expect(decisionCode(decision)).toBe(expected)
          expect(can(who, row.action, resource)).toBe(expected === Y)
        })
      })
    })
  }
})

describe('permission rules a user would notice', () => {
  const authorityActions = (Object.keys(ACTIONS) as Action[]).filter((a) => ACTIONS[a] === 'authority')

  it('gives staff of authority B nothing on authority A, whatever their roles on B', () => {
    const allRolesOnB = ACTORS.bStaff
    for (const action of authorityActions) {
      expect(decide(allRolesOnB, action, authorityA)).toEqual({ allowed: false, reason: 'forbidden' })
    }
    // ...while the same person may do everything on B.
    for (const action of authorityActions) {
      expect(can(allRolesOnB, action, { type: 'authority', authorityId: AUTHORITY_B })).toBe(true)
    }
  })

  it('lets only an admin of the authority manage staff and edit settings', () => {
    for (const role of STAFF_ROLES) {
      const staff = actor(`u-${role}`, { staffRoles: { [AUTHORITY_A]: [role] } })
      expect(can(staff, 'authority.manage_staff', authorityA)).toBe(role === 'admin')
      expect(can(staff, 'authority.edit_settings', authorityA)).toBe(role === 'admin')
    }
    // All non-admin roles together still do not make an admin.
    const everythingButAdmin = actor('u-many', {
      staffRoles: { [AUTHORITY_A]: ['editor', 'legal', 'coordinator', 'viewer'] },
    })
    expect(can(everythingButAdmin, 'authority.manage_staff', authorityA)).toBe(false)
    expect(can(everythingButAdmin, 'authority.edit_settings', authorityA)).toBe(false)
  })

  it('refuses a membership request from someone who is already a member or admin', () => {
    expect(decide(ACTORS.memberX, 'organisation.request_membership', organisationX)).toEqual({
      allowed: false,
      reason: 'forbidden',
    })
    expect(decide(ACTORS.adminX, 'organisation.request_membership', organisationX)).toEqual({
      allowed: false,
      reason: 'forbidden',
    })
    // A member of X may still ask to join Y.
    expect(
      can(ACTORS.memberX, 'organisation.request_membership', { type: 'organisation', organisationId: ORG_Y }),
    ).toBe(true)
  })

  it('asks an unverified user to verify first, even one holding roles', () => {
    const unverifiedAdmin = actor('u-unverified-admin', {
      emailVerified: false,
      isPlatformAdmin: true,
      staffRoles: { [AUTHORITY_A]: ['admin'] },
      organisationRoles: { [ORG_X]: 'admin' },
    })
    expect(decide(unverifiedAdmin, 'authority.manage_staff', authorityA)).toEqual({
      allowed: false,
      reason: 'email_not_verified',
    })
    expect(decide(unverifiedAdmin, 'platform.read_outbox', platform)).toEqual({
      allowed: false,
      reason: 'email_not_verified',
    })
    expect(decide(unverifiedAdmin, 'organisation.edit', organisationX)).toEqual({
      allowed: false,
      reason: 'email_not_verified',
    })
  })

  it('throws when the action does not fit the resource type', () => {
    const admin = ACTORS.platformAdmin
    expect(() => decide(admin, 'authority.manage_staff', platform)).toThrow(/authority\.manage_staff/)
    expect(() => decide(admin, 'platform.read_outbox', authorityA)).toThrow(/platform\.read_outbox/)
    expect(() => decide(admin, 'organisation.edit', authorityA)).toThrow()
    expect(() => decide(admin, 'user.view_audit', organisationX)).toThrow()
    expect(() => decide(admin, 'organisation.create', organisationX)).toThrow()
    // Even for an anonymous visitor: a programming error, not a denial.
    expect(() => decide(null, 'authority.view_staff_area', organisationX)).toThrow()
    expect(() => can(null, 'organisation.request_membership', platform)).toThrow()
  })
})
