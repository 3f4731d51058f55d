import { and, asc, eq, sql } from 'drizzle-orm'
import { organisationMembers, organisations, users } from '#db/schema.ts'
import type { OrganisationRole } from '~/domain/roles'
import { slugify } from '~/domain/slug'
import { changedFields, recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

export type Organisation = typeof organisations.$inferSelect
export type OrganisationInput = Pick<
  Organisation,
  'name' | 'kind' | 'registryNumber' | 'website' | 'contactEmail' | 'description'
>

/** Organisations, optionally matching a full-text query (diacritics ignored, prefixes match). */
export function listOrganisations(query?: string, limit = 50) {
  const db = getDb()
  const terms = (query ?? '')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  if (terms.length === 0) {
    return db.select().from(organisations).orderBy(asc(organisations.name)).limit(limit).all()
  }
  const match = terms.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ')
  return db
    .select()
    .from(organisations)
    .where(sql`${organisations}.rowid IN (SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH ${match})`)
    .orderBy(asc(organisations.name))
    .limit(limit)
    .all()
}

export function getOrganisationBySlug(slug: string) {
  return getDb().select().from(organisations).where(eq(organisations.slug, slug)).get()
}

/** Slugs taken by pages under /organisations/ (e.g. /organisations/new). */
const RESERVED_SLUGS = new Set(['new'])

function uniqueSlug(name: string): string {
  const slug = slugify(name)
  const base = slug && !RESERVED_SLUGS.has(slug) ? slug : `organizatie${slug ? `-${slug}` : ''}`
  const db = getDb()
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, candidate)).get()) {
      return candidate
    }
  }
}

/** Creates an organisation with its creator as its administrator. */
export function createOrganisation(input: OrganisationInput, creatorUserId: string): Organisation {
  const now = clock.now()
  const org: Organisation = {
    id: newId(),
    slug: uniqueSlug(input.name),
    ...input,
    createdBy: creatorUserId,
    createdAt: now,
    updatedAt: null,
  }
  getDb().transaction((tx) => {
    tx.insert(organisations).values(org).run()
    tx.insert(organisationMembers)
      .values({
        organisationId: org.id,
        userId: creatorUserId,
        role: 'admin',
        status: 'active',
        requestedAt: now,
        decidedAt: now,
        decidedBy: creatorUserId,
      })
      .run()
    recordAudit(tx, {
      actorUserId: creatorUserId,
      entityType: 'organisation',
      entityId: org.id,
      action: 'organisation.created',
      after: input,
    })
  })
  return org
}

export function updateOrganisation(org: Organisation, changes: Partial<OrganisationInput>, actorUserId: string) {
  const diff = changedFields(org as unknown as Record<string, unknown>, changes)
  if (!diff.changed) return
  getDb().transaction((tx) => {
    tx.update(organisations)
      .set({ ...changes, updatedAt: clock.now() })
      .where(eq(organisations.id, org.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      entityType: 'organisation',
      entityId: org.id,
      action: 'organisation.updated',
      before: diff.before,
      after: diff.after,
    })
  })
}

// ---------------------------------------------------------------- members

export function listMembers(organisationId: string) {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: organisationMembers.role,
      status: organisationMembers.status,
      message: organisationMembers.message,
      requestedAt: organisationMembers.requestedAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.status), asc(users.name))
    .all()
}

/** Active members' names and roles: what other members may see (never email addresses). */
export function listMemberNames(organisationId: string) {
  return getDb()
    .select({ name: users.name, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.status, 'active')))
    .orderBy(asc(users.name))
    .all()
}

export function countPendingRequests(organisationId: string): number {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.status, 'pending')))
    .get()
  return row?.n ?? 0
}

export function membershipOf(organisationId: string, userId: string) {
  return getDb()
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
    .get()
}

/** Active memberships of a user: role per organisation id. */
export function organisationRolesOf(userId: string): Record<string, OrganisationRole> {
  const rows = getDb()
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.status, 'active')))
    .all()
  return Object.fromEntries(rows.map((r) => [r.organisationId, r.role]))
}

export function organisationsOfUser(userId: string) {
  return getDb()
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: organisationMembers.role,
      status: organisationMembers.status,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name))
    .all()
}

/** A user asks to join; a rejected request may be made again. */
export function requestMembership(organisationId: string, userId: string, message: string | null) {
  const now = clock.now()
  getDb().transaction((tx) => {
    tx.insert(organisationMembers)
      .values({ organisationId, userId, role: 'member', status: 'pending', message, requestedAt: now })
      .onConflictDoUpdate({
        target: [organisationMembers.organisationId, organisationMembers.userId],
        set: { role: 'member', status: 'pending', message, requestedAt: now, decidedAt: null, decidedBy: null },
        where: eq(organisationMembers.status, 'rejected'),
      })
      .run()
    recordAudit(tx, {
      actorUserId: userId,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'membership.requested',
      after: { userId, message },
    })
  })
}

export class LastOrganisationAdminError extends Error {
  constructor() {
    super('An organisation must keep at least one administrator')
  }
}

export const MEMBER_DECISIONS = ['approve', 'reject', 'make_admin', 'make_member', 'remove'] as const
export type MemberDecision = (typeof MEMBER_DECISIONS)[number]
export type MembershipStatus = (typeof organisationMembers.$inferSelect)['status']

/** Which decisions make sense for a membership in a given state. */
export function decisionApplies(status: MembershipStatus, decision: MemberDecision): boolean {
  switch (decision) {
    case 'approve':
      return status === 'pending' || status === 'rejected'
    case 'reject':
      return status === 'pending'
    case 'make_admin':
    case 'make_member':
      return status === 'active'
    case 'remove':
      return true
  }
}

/**
 * Applies an administrator's decision. Returns false, changing nothing, when there is no such
 * membership or the decision does not fit its state (e.g. a request approved meanwhile).
 * Throws LastOrganisationAdminError rather than leave the organisation without an administrator.
 */
export function decideMembership(
  organisationId: string,
  userId: string,
  decision: MemberDecision,
  actorUserId: string,
) {
  const now = clock.now()
  return getDb().transaction((tx) => {
    const current = tx
      .select()
      .from(organisationMembers)
      .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
      .get()
    if (!current || !decisionApplies(current.status, decision)) return false
    const losesAdmin =
      current.role === 'admin' && current.status === 'active' && (decision === 'make_member' || decision === 'remove')
    if (losesAdmin) {
      const admins = tx
        .select({ userId: organisationMembers.userId })
        .from(organisationMembers)
        .where(
          and(
            eq(organisationMembers.organisationId, organisationId),
            eq(organisationMembers.role, 'admin'),
            eq(organisationMembers.status, 'active'),
          ),
        )
        .all()
      if (admins.length <= 1) throw new LastOrganisationAdminError()
    }
    const where = and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId))
    if (decision === 'remove') {
      tx.delete(organisationMembers).where(where).run()
    } else {
      const set =
        decision === 'approve'
          ? { status: 'active' as const, decidedAt: now, decidedBy: actorUserId }
          : decision === 'reject'
            ? { status: 'rejected' as const, decidedAt: now, decidedBy: actorUserId }
            : { role: decision === 'make_admin' ? ('admin' as const) : ('member' as const) }
      tx.update(organisationMembers).set(set).where(where).run()
    }
    recordAudit(tx, {
      actorUserId,
      entityType: 'organisation',
      entityId: organisationId,
      action: `membership.${decision}`,
      before: { userId, role: current.role, status: current.status },
    })
    return true
  })
}

export function getOrganisationById(id: string) {
  return getDb().select().from(organisations).where(eq(organisations.id, id)).get()
}

/** The organisation with exactly this name (case and diacritics as written, spaces trimmed), if any. */
export function findOrganisationByName(name: string) {
  return getDb()
    .select()
    .from(organisations)
    .where(sql`lower(trim(${organisations.name})) = lower(trim(${name}))`)
    .get()
}
