import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { preparedQuery } from '#db/client.ts'
import { authorities, staffInvitations, staffRoles, users } from '#db/schema.ts'
import { DEFAULT_LEGAL_SETTINGS, readLegalSettings, type LegalSettings } from '~/domain/legal-settings'
import { readProtocolSettings, type ProtocolSettings } from '~/domain/protocol-term'
import type { StaffRole } from '~/domain/roles'
import { STAFF_ROLES } from '~/domain/roles'
import { generateSecureRandomString, hashSecret, secretMatches } from '~/domain/session-token'
import { changedFields, recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

export type AuthorityRow = typeof authorities.$inferSelect
export type Authority = Omit<AuthorityRow, 'legalSettings' | 'protocolSettings'> & {
  legalSettings: LegalSettings
  protocolSettings: ProtocolSettings
}
export type AuthorityInput = Pick<Authority, 'slug' | 'name' | 'kind' | 'county' | 'contactEmail' | 'postalAddress'> & {
  legalSettings?: LegalSettings
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000

function toAuthority(row: AuthorityRow): Authority {
  return {
    ...row,
    legalSettings: readLegalSettings(row.legalSettings),
    protocolSettings: readProtocolSettings(row.protocolSettings),
  }
}

export function listAuthorities() {
  return getDb().select().from(authorities).orderBy(asc(authorities.name)).all().map(toAuthority)
}

/** Every page under /a/:slug looks its authority up: built once. */
const authorityBySlug = preparedQuery((db) =>
  db
    .select()
    .from(authorities)
    .where(eq(authorities.slug, sql.placeholder('slug')))
    .prepare(),
)

export function getAuthorityBySlug(slug: string) {
  const row = authorityBySlug(getDb()).get({ slug })
  return row ? toAuthority(row) : undefined
}

export function getAuthorityById(id: string) {
  const row = getDb().select().from(authorities).where(eq(authorities.id, id)).get()
  return row ? toAuthority(row) : undefined
}

export class SlugTakenError extends Error {
  constructor(public slug: string) {
    super(`The address /a/${slug} is already used`)
  }
}

export function createAuthority(input: AuthorityInput, actorUserId: string | null): Authority {
  const db = getDb()
  if (db.select({ id: authorities.id }).from(authorities).where(eq(authorities.slug, input.slug)).get()) {
    throw new SlugTakenError(input.slug)
  }
  const row: AuthorityRow = {
    id: newId(),
    ...input,
    legalSettings: input.legalSettings ?? DEFAULT_LEGAL_SETTINGS,
    protocolSettings: null,
    createdAt: clock.now(),
    updatedAt: null,
  }
  db.transaction((tx) => {
    tx.insert(authorities).values(row).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: row.id,
      entityType: 'authority',
      entityId: row.id,
      action: 'authority.created',
      after: { ...input, legalSettings: row.legalSettings },
    })
  })
  return toAuthority(row)
}

export function updateAuthority(
  authority: Authority,
  changes: Partial<Omit<AuthorityInput, 'slug'>>,
  actorUserId: string,
) {
  const diff = changedFields(authority as unknown as Record<string, unknown>, changes)
  if (!diff.changed) return
  getDb().transaction((tx) => {
    tx.update(authorities)
      .set({ ...changes, updatedAt: clock.now() })
      .where(eq(authorities.id, authority.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: authority.id,
      entityType: 'authority',
      entityId: authority.id,
      action: 'authority.updated',
      before: diff.before,
      after: diff.after,
    })
  })
}

// ---------------------------------------------------------------- staff

export type StaffMember = { userId: string; name: string; email: string; roles: StaffRole[] }

export function listStaff(authorityId: string): StaffMember[] {
  const rows = getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: staffRoles.role })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(eq(staffRoles.authorityId, authorityId))
    .orderBy(asc(users.name))
    .all()
  const byUser = new Map<string, StaffMember>()
  for (const r of rows) {
    const m = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, roles: [] }
    m.roles.push(r.role)
    byUser.set(r.userId, m)
  }
  for (const m of byUser.values()) m.roles.sort((a, b) => STAFF_ROLES.indexOf(a) - STAFF_ROLES.indexOf(b))
  return [...byUser.values()]
}

export function staffRolesOf(userId: string): Record<string, StaffRole[]> {
  const rows = getDb()
    .select({ authorityId: staffRoles.authorityId, role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.userId, userId))
    .all()
  const result: Record<string, StaffRole[]> = {}
  for (const r of rows) (result[r.authorityId] ??= []).push(r.role)
  return result
}

export class LastAdminError extends Error {
  constructor() {
    super('An authority must keep at least one administrator')
  }
}

/** Replaces a user's roles in an authority (an empty list removes them from the staff). */
export function setStaffRoles(authorityId: string, userId: string, roles: StaffRole[], actorUserId: string | null) {
  const db = getDb()
  db.transaction((tx) => {
    const current = tx
      .select({ role: staffRoles.role })
      .from(staffRoles)
      .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.userId, userId)))
      .all()
      .map((r) => r.role)
    if (current.includes('admin') && !roles.includes('admin')) {
      const admins = tx
        .select({ userId: staffRoles.userId })
        .from(staffRoles)
        .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.role, 'admin')))
        .all()
      if (admins.length <= 1) throw new LastAdminError()
    }
    tx.delete(staffRoles)
      .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.userId, userId)))
      .run()
    const unique = [...new Set(roles)]
    if (unique.length) {
      tx.insert(staffRoles)
        .values(unique.map((role) => ({ authorityId, userId, role })))
        .run()
    }
    recordAudit(tx, {
      actorUserId,
      authorityId,
      entityType: 'authority',
      entityId: authorityId,
      action: unique.length === 0 ? 'staff.removed' : current.length === 0 ? 'staff.added' : 'staff.roles_changed',
      before: { userId, roles: current },
      after: { userId, roles: unique },
    })
  })
}

// ---------------------------------------------------------------- invitations

export type Invitation = typeof staffInvitations.$inferSelect

export function createInvitation(
  authorityId: string,
  email: string,
  roles: StaffRole[],
  invitedBy: string,
): { invitation: Invitation; token: string } {
  const secret = generateSecureRandomString()
  const now = clock.now()
  const invitation: Invitation = {
    id: newId(),
    authorityId,
    email: email.trim().toLowerCase(),
    roles,
    secretHash: Buffer.from(hashSecret(secret)),
    invitedBy,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
    createdAt: now,
  }
  getDb().transaction((tx) => {
    tx.insert(staffInvitations).values(invitation).run()
    recordAudit(tx, {
      actorUserId: invitedBy,
      authorityId,
      entityType: 'authority',
      entityId: authorityId,
      action: 'staff.invited',
      after: { email: invitation.email, roles, invitationId: invitation.id },
    })
  })
  return { invitation, token: `${invitation.id}.${secret}` }
}

export function listPendingInvitations(authorityId: string) {
  return getDb()
    .select()
    .from(staffInvitations)
    .where(
      and(
        eq(staffInvitations.authorityId, authorityId),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
        gt(staffInvitations.expiresAt, clock.now()),
      ),
    )
    .orderBy(asc(staffInvitations.createdAt))
    .all()
}

export function revokeInvitation(authorityId: string, invitationId: string, actorUserId: string) {
  getDb().transaction((tx) => {
    const res = tx
      .update(staffInvitations)
      .set({ revokedAt: clock.now() })
      .where(
        and(
          eq(staffInvitations.id, invitationId),
          eq(staffInvitations.authorityId, authorityId),
          isNull(staffInvitations.acceptedAt),
        ),
      )
      .run()
    if (res.changes === 1) {
      recordAudit(tx, {
        actorUserId,
        authorityId,
        entityType: 'authority',
        entityId: authorityId,
        action: 'staff.invitation_revoked',
        after: { invitationId },
      })
    }
  })
}

export type InvitationLookup =
  | { status: 'valid'; invitation: Invitation; authority: Authority }
  | { status: 'invalid' | 'expired' | 'used' | 'revoked' }

export function findInvitation(token: string): InvitationLookup {
  const [id, secret] = token.split('.')
  if (!id || !secret) return { status: 'invalid' }
  const invitation = getDb().select().from(staffInvitations).where(eq(staffInvitations.id, id)).get()
  if (!invitation || !secretMatches(secret, invitation.secretHash)) return { status: 'invalid' }
  if (invitation.revokedAt) return { status: 'revoked' }
  if (invitation.acceptedAt) return { status: 'used' }
  if (invitation.expiresAt.getTime() <= clock.now().getTime()) return { status: 'expired' }
  const authority = getAuthorityById(invitation.authorityId)
  if (!authority) return { status: 'invalid' }
  return { status: 'valid', invitation, authority }
}

/** Accepting adds the invited roles to the user's roles in the authority. */
export function acceptInvitation(invitation: Invitation, userId: string) {
  const db = getDb()
  db.transaction((tx) => {
    const claimed = tx
      .update(staffInvitations)
      .set({ acceptedAt: clock.now(), acceptedBy: userId })
      .where(and(eq(staffInvitations.id, invitation.id), isNull(staffInvitations.acceptedAt)))
      .run()
    if (claimed.changes !== 1) return
    const roles = invitation.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r))
    for (const role of roles) {
      tx.insert(staffRoles).values({ authorityId: invitation.authorityId, userId, role }).onConflictDoNothing().run()
    }
    recordAudit(tx, {
      actorUserId: userId,
      authorityId: invitation.authorityId,
      entityType: 'authority',
      entityId: invitation.authorityId,
      action: 'staff.invitation_accepted',
      after: { userId, roles, invitationId: invitation.id },
    })
  })
}

// ---------------------------------------------------------------- staff area helpers

/** How many staff members hold each role (a person with two roles counts in both). */
export function countStaffByRole(authorityId: string): Record<StaffRole, number> {
  const counts = Object.fromEntries(STAFF_ROLES.map((r) => [r, 0])) as Record<StaffRole, number>
  const rows = getDb()
    .select({ role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.authorityId, authorityId))
    .all()
  for (const r of rows) counts[r.role] += 1
  return counts
}

/** The staff member of an authority with this email address, if any. */
export function findStaffMemberByEmail(authorityId: string, email: string): StaffMember | undefined {
  const normalised = email.trim().toLowerCase()
  return listStaff(authorityId).find((m) => m.email.toLowerCase() === normalised)
}

export function isStaffMember(authorityId: string, userId: string): boolean {
  return (
    getDb()
      .select({ userId: staffRoles.userId })
      .from(staffRoles)
      .where(and(eq(staffRoles.authorityId, authorityId), eq(staffRoles.userId, userId)))
      .get() !== undefined
  )
}

export type PendingInvitation = {
  id: string
  email: string
  roles: StaffRole[]
  inviterName: string
  createdAt: Date
  expiresAt: Date
}

/** Pending invitations with the name of who sent each one. */
export function listPendingInvitationDetails(authorityId: string): PendingInvitation[] {
  const pending = listPendingInvitations(authorityId)
  if (pending.length === 0) return []
  const names = new Map<string, string>()
  for (const id of new Set(pending.map((i) => i.invitedBy))) {
    const row = getDb().select({ name: users.name }).from(users).where(eq(users.id, id)).get()
    if (row) names.set(id, row.name)
  }
  return pending.map((i) => ({
    id: i.id,
    email: i.email,
    roles: i.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
    inviterName: names.get(i.invitedBy) ?? '',
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
  }))
}

/** Whether an invitation to this address is still waiting for an answer. */
export function hasPendingInvitation(authorityId: string, email: string): boolean {
  const normalised = email.trim().toLowerCase()
  return listPendingInvitations(authorityId).some((i) => i.email === normalised)
}

export class InvitationEmailMismatchError extends Error {
  constructor() {
    super('The invitation was sent to another email address')
  }
}

/**
 * Accepting from a signed-in account. The account's address must be the invited one; as the
 * invitation link reached that address, an unconfirmed address counts as confirmed.
 */
export function acceptInvitationAsUser(
  invitation: Invitation,
  user: { id: string; email: string; emailVerifiedAt: Date | null },
) {
  if (user.email.trim().toLowerCase() !== invitation.email) throw new InvitationEmailMismatchError()
  if (!user.emailVerifiedAt) {
    const now = clock.now()
    getDb().transaction((tx) => {
      tx.update(users)
        .set({ emailVerifiedAt: now, updatedAt: now })
        .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)))
        .run()
      recordAudit(tx, {
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'user.email_verified',
        after: { email: invitation.email, by: 'staff_invitation', invitationId: invitation.id },
      })
    })
  }
  acceptInvitation(invitation, user.id)
}

/** A page of authorities, optionally those whose name or county contains `query` (case-insensitive). */
export function searchAuthorities(query: string, options: { limit: number; offset: number }) {
  const like = `%${query.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  const where = query.trim()
    ? sql`(${authorities.name} LIKE ${like} ESCAPE '\\' OR ${authorities.county} LIKE ${like} ESCAPE '\\')`
    : undefined
  const db = getDb()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(authorities)
    .where(where)
    .get()!.n
  const rows = db
    .select({ slug: authorities.slug, name: authorities.name, county: authorities.county, kind: authorities.kind })
    .from(authorities)
    .where(where)
    .orderBy(asc(authorities.name))
    .limit(options.limit)
    .offset(options.offset)
    .all()
  return { total, rows }
}

/** Authorities with at least one published plan, for the consultations filter. */
export function authoritiesWithConsultations() {
  return getDb().all<{ slug: string; name: string }>(
    sql`SELECT DISTINCT a.slug AS slug, a.name AS name FROM ${authorities} a JOIN plans p ON p.authority_id = a.id WHERE p.published_on IS NOT NULL ORDER BY a.name`,
  )
}
