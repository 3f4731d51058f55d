/**
 * The authority's social services (chapter I.A of its annual plan: existing; I.B: proposed) and
 * its partners in the three tripartite groups, with their contact persons and the services they
 * work with. Every change is audited.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { partnerContacts, partners, partnerServices, socialServices } from '#db/schema.ts'
import type { TripartiteGroup } from '~/domain/semesters'
import type { ParsedService } from '~/domain/services-parser'
import { normaliseServiceCode } from '~/domain/service-codes'
import { recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type SocialService = typeof socialServices.$inferSelect
export type Partner = typeof partners.$inferSelect

export type ServiceInput = {
  status: 'existing' | 'proposed'
  number: string | null
  code: string | null
  name: string
  capacity: number | null
  occupancyPercent: number | null
  budget: {
    local: number | null
    county: number | null
    state: number | null
    beneficiaries: number | null
    other: number | null
  }
}

function serviceValues(input: ServiceInput) {
  return {
    status: input.status,
    number: input.number,
    code: input.code,
    codeNormalized: input.code ? normaliseServiceCode(input.code) : null,
    name: input.name,
    capacity: input.capacity,
    occupancyPercent: input.occupancyPercent,
    budgetLocal: input.budget.local,
    budgetCounty: input.budget.county,
    budgetState: input.budget.state,
    budgetBeneficiaries: input.budget.beneficiaries,
    budgetOther: input.budget.other,
  }
}

function insertService(tx: Tx, authorityId: string, input: ServiceInput, actorUserId: string | null, action: string) {
  const id = newId()
  tx.insert(socialServices)
    .values({ id, authorityId, ...serviceValues(input), createdAt: clock.now() })
    .run()
  recordAudit(tx, {
    actorUserId,
    authorityId,
    entityType: 'authority',
    entityId: authorityId,
    action,
    after: { id, ...serviceValues(input) },
  })
  return id
}

export function createService(authorityId: string, input: ServiceInput, actorUserId: string): string {
  return getDb().transaction((tx) => insertService(tx, authorityId, input, actorUserId, 'service.created'))
}

export function updateService(service: SocialService, input: ServiceInput, actorUserId: string) {
  getDb().transaction((tx) => {
    tx.update(socialServices)
      .set({ ...serviceValues(input), updatedAt: clock.now() })
      .where(eq(socialServices.id, service.id))
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: service.authorityId,
      entityType: 'authority',
      entityId: service.authorityId,
      action: 'service.updated',
      before: service,
      after: serviceValues(input),
    })
  })
}

export function deleteService(service: SocialService, actorUserId: string) {
  getDb().transaction((tx) => {
    tx.delete(socialServices).where(eq(socialServices.id, service.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: service.authorityId,
      entityType: 'authority',
      entityId: service.authorityId,
      action: 'service.deleted',
      before: { name: service.name, code: service.code },
    })
  })
}

export class ServicesImportError extends Error {
  constructor(public readonly rows: ParsedService[]) {
    super('services import refused')
  }
}

/** Imports parsed services all or nothing: any row with a problem refuses the whole file. */
export function importServices(
  authorityId: string,
  rows: ParsedService[],
  status: 'existing' | 'proposed',
  actorUserId: string | null,
): number {
  const flagged = rows.filter((r) => r.problems.length > 0)
  if (flagged.length > 0) throw new ServicesImportError(flagged)
  return getDb().transaction((tx) => {
    for (const r of rows) {
      insertService(
        tx,
        authorityId,
        {
          status,
          number: r.number,
          code: r.code,
          name: r.name,
          capacity: r.capacity,
          occupancyPercent: r.occupancyPercent,
          budget: r.budget,
        },
        actorUserId,
        'service.imported',
      )
    }
    return rows.length
  })
}

export function listServices(authorityId: string): SocialService[] {
  return getDb()
    .select()
    .from(socialServices)
    .where(eq(socialServices.authorityId, authorityId))
    .orderBy(asc(socialServices.status), asc(socialServices.codeNormalized), asc(socialServices.name))
    .all()
}

export function getService(authorityId: string, id: string): SocialService | undefined {
  return getDb()
    .select()
    .from(socialServices)
    .where(and(eq(socialServices.authorityId, authorityId), eq(socialServices.id, id)))
    .get()
}

/** The distinct service types the authority provides (existing services with a code). */
export function serviceTypes(authorityId: string): Array<{ code: string; names: string[] }> {
  const byType = new Map<string, string[]>()
  for (const s of listServices(authorityId)) {
    if (s.status !== 'existing' || !s.codeNormalized) continue
    byType.set(s.codeNormalized, [...(byType.get(s.codeNormalized) ?? []), s.name])
  }
  return [...byType].map(([code, names]) => ({ code, names })).sort((a, b) => a.code.localeCompare(b.code))
}

// --- partners --------------------------------------------------------------------------------------

export type PartnerInput = {
  name: string
  group: TripartiteGroup
  organisationId: string | null
  contacts: Array<{ name: string; email: string | null; phone: string | null; role: string | null }>
  serviceIds: string[]
}

export function createPartner(authorityId: string, input: PartnerInput, actorUserId: string): string {
  const id = newId()
  getDb().transaction((tx) => {
    tx.insert(partners)
      .values({
        id,
        authorityId,
        name: input.name,
        group: input.group,
        organisationId: input.organisationId,
        createdAt: clock.now(),
      })
      .run()
    writePartnerDetails(tx, id, authorityId, input)
    recordAudit(tx, {
      actorUserId,
      authorityId,
      entityType: 'authority',
      entityId: authorityId,
      action: 'partner.created',
      after: {
        id,
        name: input.name,
        group: input.group,
        contacts: input.contacts.length,
        services: input.serviceIds.length,
      },
    })
  })
  return id
}

function writePartnerDetails(tx: Tx, partnerId: string, authorityId: string, input: PartnerInput) {
  tx.delete(partnerContacts).where(eq(partnerContacts.partnerId, partnerId)).run()
  for (const c of input.contacts)
    tx.insert(partnerContacts)
      .values({ id: newId(), partnerId, ...c })
      .run()
  tx.delete(partnerServices).where(eq(partnerServices.partnerId, partnerId)).run()
  const own = input.serviceIds.length
    ? tx
        .select({ id: socialServices.id })
        .from(socialServices)
        .where(and(eq(socialServices.authorityId, authorityId), inArray(socialServices.id, input.serviceIds)))
        .all()
    : []
  for (const s of own) tx.insert(partnerServices).values({ partnerId, serviceId: s.id }).run()
}

export function updatePartner(partner: Partner, input: PartnerInput, actorUserId: string) {
  getDb().transaction((tx) => {
    tx.update(partners)
      .set({ name: input.name, group: input.group, organisationId: input.organisationId })
      .where(eq(partners.id, partner.id))
      .run()
    writePartnerDetails(tx, partner.id, partner.authorityId, input)
    recordAudit(tx, {
      actorUserId,
      authorityId: partner.authorityId,
      entityType: 'authority',
      entityId: partner.authorityId,
      action: 'partner.updated',
      before: { name: partner.name, group: partner.group },
      after: {
        name: input.name,
        group: input.group,
        contacts: input.contacts.length,
        services: input.serviceIds.length,
      },
    })
  })
}

export function deletePartner(partner: Partner, actorUserId: string) {
  getDb().transaction((tx) => {
    tx.delete(partners).where(eq(partners.id, partner.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: partner.authorityId,
      entityType: 'authority',
      entityId: partner.authorityId,
      action: 'partner.deleted',
      before: { name: partner.name, group: partner.group },
    })
  })
}

export function getPartner(authorityId: string, id: string): Partner | undefined {
  return getDb()
    .select()
    .from(partners)
    .where(and(eq(partners.authorityId, authorityId), eq(partners.id, id)))
    .get()
}

export type PartnerDetail = Partner & {
  contacts: Array<typeof partnerContacts.$inferSelect>
  serviceIds: string[]
  serviceTypes: string[]
}

/** Every partner of the authority with contacts and services (and the service types they cover). */
export function listPartners(authorityId: string): PartnerDetail[] {
  const db = getDb()
  const rows = db
    .select()
    .from(partners)
    .where(eq(partners.authorityId, authorityId))
    .orderBy(asc(partners.group), asc(partners.name))
    .all()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const contacts = db.select().from(partnerContacts).where(inArray(partnerContacts.partnerId, ids)).all()
  const links = db
    .select({
      partnerId: partnerServices.partnerId,
      serviceId: partnerServices.serviceId,
      type: socialServices.codeNormalized,
    })
    .from(partnerServices)
    .innerJoin(socialServices, eq(socialServices.id, partnerServices.serviceId))
    .where(inArray(partnerServices.partnerId, ids))
    .all()
  return rows.map((p) => {
    const own = links.filter((l) => l.partnerId === p.id)
    return {
      ...p,
      contacts: contacts.filter((c) => c.partnerId === p.id),
      serviceIds: own.map((l) => l.serviceId),
      serviceTypes: [...new Set(own.map((l) => l.type).filter((t): t is string => !!t))],
    }
  })
}
