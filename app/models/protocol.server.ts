/**
 * The protocol registry: protocols, their parties, the history of their terms, decisions,
 * addenda and documents. Every change is audited in the same transaction. Status and deadlines
 * are never stored: they are computed for a date by app/domain/protocol-term.ts.
 *
 * What is stored is the reminder planner's schedule of each protocol (protocol_schedules: the
 * first date it has something to do for it, and when the protocol needs review), computed again
 * in the transaction of every change here (refreshPlanningSchedule); a change made otherwise
 * (SQL) marks it to be computed, by a trigger, and the planner computes it at its next cycle.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  auditEvents,
  authorities,
  protocolDecisions,
  protocolDocuments,
  protocolParties,
  protocolReminders,
  protocolRenewals,
  protocols,
  protocolSchedules,
  protocolTerms,
  users,
} from '#db/schema.ts'
import { addPeriod, isPeriod } from '~/domain/calendar'
import type { IsoDate, ParseProblem, ProtocolKind, Term } from '~/domain/protocol-types'
import { automaticRenewals, readProtocolSettings, termIsUsable, type ProtocolFacts } from '~/domain/protocol-term'
import {
  needsReviewWindow,
  NEVER,
  nextPlanningDate,
  readReminderSettings,
  reminderKey,
  NO_OFFSET,
} from '~/domain/reminders'
import { changedFields, recordAudit } from '~/models/audit.server'
import { clock } from '~/services/clock.server'
import { getDb, type DB } from '~/services/db.server'
import { newId } from '~/utils/ids.server'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

export type PartyInput = {
  name: string
  isAuthority: boolean
  organisationId?: string | null
  registrationNumber: string | null
  registrationDate: string | null
  /** The partner's contact person (never public; told of deadlines when `remindPartners` is on). */
  contactName?: string | null
  contactEmail?: string | null
}

export type TermInput = Term & { validityText?: string | null }

export type ProtocolInput = {
  kind: ProtocolKind
  listNumber: string | null
  title: string
  object: string | null
  signedOn: string | null
  parties: PartyInput[]
  term: TermInput
  responsibleUserId: string | null
  isPublic: boolean
  /** Deadline reminders also go to the partners' contact persons (false when not given). */
  remindPartners?: boolean
}

export type ProtocolRow = typeof protocols.$inferSelect
export type TermRow = typeof protocolTerms.$inferSelect
export type DecisionRow = typeof protocolDecisions.$inferSelect
export type RenewalRow = typeof protocolRenewals.$inferSelect

/** A party as stored and audited, every key present in one order (so that two can be compared). */
function partyRecord(p: PartyInput) {
  return {
    name: p.name,
    isAuthority: p.isAuthority,
    organisationId: p.organisationId ?? null,
    registrationNumber: p.registrationNumber,
    registrationDate: p.registrationDate,
    contactName: p.isAuthority ? null : p.contactName?.trim() || null,
    contactEmail: p.isAuthority ? null : p.contactEmail?.trim().toLowerCase() || null,
  }
}

function searchText(input: Pick<ProtocolInput, 'title' | 'object' | 'parties' | 'listNumber'>) {
  return [input.listNumber, input.title, input.object, ...input.parties.map((p) => p.name)].filter(Boolean).join(' \n ')
}

function insertParties(tx: Tx, protocolId: string, parties: PartyInput[]) {
  parties.forEach((p, position) =>
    tx
      .insert(protocolParties)
      .values({
        protocolId,
        position,
        name: p.name.trim(),
        isAuthority: p.isAuthority,
        organisationId: p.organisationId ?? null,
        registrationNumber: p.registrationNumber,
        registrationDate: p.registrationDate,
        contactName: partyRecord(p).contactName,
        contactEmail: partyRecord(p).contactEmail,
      })
      .run(),
  )
}

function insertTerm(
  tx: Tx,
  protocolId: string,
  term: TermInput,
  reason: TermRow['reason'],
  actorUserId: string | null,
  addendumId: string | null = null,
) {
  tx.insert(protocolTerms)
    .values({
      protocolId,
      type: term.type,
      start: term.start,
      end: term.end,
      renewalPeriod: term.renewalPeriod,
      noticePeriod: term.noticePeriod,
      condition: term.condition,
      extension: term.extension,
      validityText: term.validityText ?? null,
      reason,
      addendumId,
      recordedBy: actorUserId,
      recordedAt: clock.now(),
    })
    .run()
}

function termOf(row: TermRow): TermInput {
  return {
    type: row.type,
    start: row.start,
    end: row.end,
    renewalPeriod: row.renewalPeriod,
    noticePeriod: row.noticePeriod,
    condition: row.condition,
    extension: row.extension,
    validityText: row.validityText,
  }
}

/** Problems that keep a protocol flagged for review, from its own data. */
export function termProblems(term: Term): ParseProblem[] {
  if (termIsUsable(term)) return []
  if (term.type === 'unknown') return [{ code: 'no_term', message: 'The validity of the protocol is not known.' }]
  if (!term.start) return [{ code: 'missing_start', message: 'The start of validity is missing.' }]
  if ((term.type === 'fixed' && !term.end) || (term.end && term.end < term.start)) {
    return [{ code: 'missing_end', message: 'The end of validity is missing or before the start.' }]
  }
  if (term.type === 'auto_renewing' && !term.renewalPeriod) {
    return [{ code: 'missing_renewal', message: 'The renewal period is missing.' }]
  }
  return [{ code: 'ambiguous_term', message: 'The term is incomplete.' }]
}

export function createProtocol(
  authorityId: string,
  input: ProtocolInput & {
    parentId?: string | null
    addendumEffect?: ProtocolRow['addendumEffect']
    changeNote?: string | null
  },
  actorUserId: string | null,
  options: { reason?: 'created' | 'imported'; problems?: ParseProblem[]; tx?: Tx } = {},
): string {
  const id = newId()
  const now = clock.now()
  const problems = [...(options.problems ?? []), ...termProblems(input.term)]
  const uniqueProblems = problems.filter((p, i) => problems.findIndex((q) => q.code === p.code) === i)
  const write = (tx: Tx) => {
    tx.insert(protocols)
      .values({
        id,
        authorityId,
        parentId: input.parentId ?? null,
        kind: input.kind,
        listNumber: input.listNumber,
        title: input.title.trim(),
        object: input.object,
        signedOn: input.signedOn,
        addendumEffect: input.addendumEffect ?? null,
        changeNote: input.changeNote ?? null,
        responsibleUserId: input.responsibleUserId,
        isPublic: input.isPublic,
        remindPartners: input.remindPartners ?? false,
        flagged: uniqueProblems.length > 0,
        flagReasons: uniqueProblems.length ? uniqueProblems : null,
        searchText: searchText(input),
        createdBy: actorUserId,
        createdAt: now,
      })
      .run()
    insertParties(tx, id, input.parties)
    insertTerm(tx, id, input.term, options.reason ?? 'created', actorUserId)
    recordAudit(tx, {
      actorUserId,
      authorityId,
      entityType: 'protocol',
      entityId: id,
      action: options.reason === 'imported' ? 'protocol.imported' : 'protocol.created',
      after: {
        ...input,
        parties: input.parties.map(partyRecord),
        remindPartners: input.remindPartners ?? false,
        problems: uniqueProblems,
      },
    })
    refreshPlanningSchedule(tx, [id])
  }
  if (options.tx) write(options.tx)
  else getDb().transaction(write)
  return id
}

export function getProtocol(id: string) {
  const db = getDb()
  const protocol = db.select().from(protocols).where(eq(protocols.id, id)).get()
  if (!protocol) return undefined
  const parties = db
    .select()
    .from(protocolParties)
    .where(eq(protocolParties.protocolId, id))
    .orderBy(asc(protocolParties.position))
    .all()
  const terms = db
    .select()
    .from(protocolTerms)
    .where(eq(protocolTerms.protocolId, id))
    .orderBy(desc(protocolTerms.id))
    .all()
  const decisions = db
    .select()
    .from(protocolDecisions)
    .where(eq(protocolDecisions.protocolId, id))
    .orderBy(desc(protocolDecisions.id))
    .all()
  const addenda = db
    .select()
    .from(protocols)
    .where(eq(protocols.parentId, id))
    .orderBy(asc(protocols.signedOn), asc(protocols.createdAt))
    .all()
  const documents = db
    .select()
    .from(protocolDocuments)
    .where(eq(protocolDocuments.protocolId, id))
    .orderBy(asc(protocolDocuments.uploadedAt))
    .all()
  const parent = protocol.parentId ? db.select().from(protocols).where(eq(protocols.id, protocol.parentId)).get() : null
  const responsible = protocol.responsibleUserId
    ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, protocol.responsibleUserId)).get()
    : null
  const renewals = db
    .select()
    .from(protocolRenewals)
    .where(eq(protocolRenewals.protocolId, id))
    .orderBy(asc(protocolRenewals.periodStart), asc(protocolRenewals.id))
    .all()
  const current = terms[0]!
  return {
    protocol,
    parties,
    term: termOf(current),
    /** The protocol_terms row in force. */
    termId: current.id,
    terms,
    /** The periods it rolled over into by itself, oldest first. */
    renewals,
    decisions,
    addenda,
    documents,
    parent,
    responsible,
    facts: factsOf(protocol, current, decisions),
  }
}

export type ProtocolDetail = NonNullable<ReturnType<typeof getProtocol>>

/** What the term rules need to know, from the stored rows. */
export function factsOf(protocol: ProtocolRow, term: TermRow, decisions: DecisionRow[]): ProtocolFacts {
  // The newest decision is the one in force (a renewal decided after a termination revives it).
  const latest = decisions.reduce<DecisionRow | null>((a, d) => (!a || d.id > a.id ? d : a), null)
  return {
    term: termOf(term),
    ending:
      latest?.decision === 'terminate'
        ? { kind: 'terminate', effectiveOn: latest.effectiveOn ?? latest.decidedOn }
        : latest?.decision === 'let_lapse'
          ? { kind: 'let_lapse', decidedOn: latest.decidedOn }
          : null,
    renewalConfirmedFor: latest?.decision === 'renew' ? latest.decidedOn : null,
    lastReviewedOn: protocol.lastReviewedOn,
    flagged: protocol.flagged,
  }
}

/** Every protocol of an authority with its current term, parties and decisions (for lists). */
export function listProtocols(authorityId: string, options: { publicOnly?: boolean } = {}) {
  const rows = getDb()
    .select()
    .from(protocols)
    .where(and(eq(protocols.authorityId, authorityId), options.publicOnly ? eq(protocols.isPublic, true) : undefined))
    .orderBy(asc(protocols.createdAt), asc(sql`${protocols}.rowid`))
    .all()
  return withTerms(rows)
}

/** The protocols with these ids, as `listProtocols` gives them, in its order (oldest first). */
export function listProtocolsByIds(ids: readonly string[]) {
  const rows = chunks([...new Set(ids)]).flatMap((chunk) =>
    getDb()
      .select({ protocol: protocols, rowid: sql<number>`${protocols}.rowid` })
      .from(protocols)
      .where(inArray(protocols.id, chunk))
      .all(),
  )
  rows.sort((a, b) => a.protocol.createdAt.getTime() - b.protocol.createdAt.getTime() || a.rowid - b.rowid)
  return withTerms(rows.map((r) => r.protocol))
}

const chunks = <T>(list: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size))

function byProtocol<T extends { protocolId: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) (map.get(item.protocolId) ?? map.set(item.protocolId, []).get(item.protocolId)!).push(item)
  return map
}

/** Protocol rows with their current term, parties and decisions. */
function withTerms(rows: ProtocolRow[]) {
  if (rows.length === 0) return []
  const db = getDb()
  const ids = rows.map((r) => r.id)
  const terms = chunks(ids).flatMap((chunk) =>
    db
      .select()
      .from(protocolTerms)
      .where(inArray(protocolTerms.protocolId, chunk))
      .orderBy(asc(protocolTerms.id))
      .all(),
  )
  const parties = chunks(ids).flatMap((chunk) =>
    db
      .select()
      .from(protocolParties)
      .where(inArray(protocolParties.protocolId, chunk))
      .orderBy(asc(protocolParties.position))
      .all(),
  )
  const decisions = chunks(ids).flatMap((chunk) =>
    db.select().from(protocolDecisions).where(inArray(protocolDecisions.protocolId, chunk)).all(),
  )
  const termsBy = byProtocol(terms)
  const partiesBy = byProtocol(parties)
  const decisionsBy = byProtocol(decisions)
  return rows.map((protocol) => {
    const history = termsBy.get(protocol.id) ?? []
    const current = history[history.length - 1]!
    return {
      protocol,
      term: termOf(current),
      termId: current.id,
      parties: partiesBy.get(protocol.id) ?? [],
      facts: factsOf(protocol, current, decisionsBy.get(protocol.id) ?? []),
    }
  })
}

export type ProtocolListItem = ReturnType<typeof listProtocols>[number]

/** Ids of the authority's protocols whose title, object or parties match a full-text query. */
export function searchProtocolIds(authorityId: string, query: string): Set<string> {
  const terms = query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  if (terms.length === 0) return new Set()
  const match = terms.map((t) => `"${t}"*`).join(' ')
  const rows = getDb()
    .select({ id: protocols.id })
    .from(protocols)
    .where(
      and(
        eq(protocols.authorityId, authorityId),
        sql`${protocols}.rowid IN (SELECT rowid FROM protocols_fts WHERE protocols_fts MATCH ${match})`,
      ),
    )
    .all()
  return new Set(rows.map((r) => r.id))
}

export function updateProtocol(detail: ProtocolDetail, input: ProtocolInput, actorUserId: string) {
  const { protocol } = detail
  const before = {
    kind: protocol.kind,
    listNumber: protocol.listNumber,
    title: protocol.title,
    object: protocol.object,
    signedOn: protocol.signedOn,
    responsibleUserId: protocol.responsibleUserId,
    isPublic: protocol.isPublic,
    remindPartners: protocol.remindPartners,
    parties: detail.parties.map(partyRecord),
    term: detail.term,
  }
  const after = { ...input, remindPartners: input.remindPartners ?? false, parties: input.parties.map(partyRecord) }
  const diff = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>)
  if (!diff.changed) return
  const termChanged =
    JSON.stringify(before.term) !== JSON.stringify({ ...input.term, validityText: input.term.validityText ?? null })
  const problems = termProblems(input.term)
  getDb().transaction((tx) => {
    tx.update(protocols)
      .set({
        kind: input.kind,
        listNumber: input.listNumber,
        title: input.title.trim(),
        object: input.object,
        signedOn: input.signedOn,
        responsibleUserId: input.responsibleUserId,
        isPublic: input.isPublic,
        remindPartners: input.remindPartners ?? false,
        searchText: searchText(input),
        // A completed term clears the import's flags; an incomplete one keeps the protocol flagged.
        ...(termChanged ? { flagged: problems.length > 0, flagReasons: problems.length ? problems : null } : {}),
        updatedAt: clock.now(),
      })
      .where(eq(protocols.id, protocol.id))
      .run()
    if (JSON.stringify(before.parties) !== JSON.stringify(after.parties)) {
      tx.delete(protocolParties).where(eq(protocolParties.protocolId, protocol.id)).run()
      insertParties(tx, protocol.id, input.parties)
    }
    if (termChanged) insertTerm(tx, protocol.id, input.term, 'edited', actorUserId)
    recordAudit(tx, {
      actorUserId,
      authorityId: protocol.authorityId,
      entityType: 'protocol',
      entityId: protocol.id,
      action: 'protocol.updated',
      before: diff.before,
      after: diff.after,
    })
    refreshPlanningSchedule(tx, [protocol.id])
  })
}

export class ExtensionNeedsEndError extends Error {
  constructor() {
    super('The protocol has no end date to extend: complete its term first, or give the new end date.')
  }
}

export type AddendumInput = {
  listNumber: string | null
  title: string
  signedOn: string
  effect: 'extension' | 'modification'
  /** For an extension: a period added to the current end, or an explicit new end. */
  extension: string | null
  newEnd: string | null
  changeNote: string | null
  registrationNumber: string | null
  registrationDate: string | null
}

/** The parent's term after an extension: its end moved by the period (anchored) or to the new end. */
export function extendedTerm(term: TermInput, extension: string | null, newEnd: string | null): TermInput {
  if (!term.end) throw new ExtensionNeedsEndError()
  const end = newEnd ?? (extension && isPeriod(extension) ? addPeriod(term.end, extension) : null)
  if (!end) throw new ExtensionNeedsEndError()
  return { ...term, end, extension: extension ?? null }
}

/** Adds an addendum to a protocol; an extension records a new term of the parent. */
export function addAddendum(parent: ProtocolDetail, input: AddendumInput, actorUserId: string): string {
  const { protocol } = parent
  const nextTerm = input.effect === 'extension' ? extendedTerm(parent.term, input.extension, input.newEnd) : null
  let addendumId = ''
  getDb().transaction((tx) => {
    addendumId = createProtocol(
      protocol.authorityId,
      {
        kind: 'addendum',
        listNumber: input.listNumber,
        title: input.title,
        object: protocol.object,
        signedOn: input.signedOn,
        parties: parent.parties.map((p) => ({
          name: p.name,
          isAuthority: p.isAuthority,
          organisationId: p.organisationId,
          registrationNumber: p.isAuthority ? input.registrationNumber : null,
          registrationDate: p.isAuthority ? input.registrationDate : null,
        })),
        term: {
          type: 'fixed',
          start: input.signedOn,
          end: nextTerm?.end ?? parent.term.end ?? input.signedOn,
          renewalPeriod: null,
          noticePeriod: null,
          condition: null,
          extension: input.extension,
          validityText: null,
        },
        responsibleUserId: protocol.responsibleUserId,
        isPublic: protocol.isPublic,
        parentId: protocol.id,
        addendumEffect: input.effect,
        changeNote: input.changeNote,
      },
      actorUserId,
      { tx },
    )
    if (nextTerm) insertTerm(tx, protocol.id, nextTerm, 'addendum', actorUserId, addendumId)
    tx.update(protocols).set({ updatedAt: clock.now() }).where(eq(protocols.id, protocol.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: protocol.authorityId,
      entityType: 'protocol',
      entityId: protocol.id,
      action: 'protocol.addendum_added',
      before: nextTerm ? { end: parent.term.end } : undefined,
      after: {
        addendumId,
        effect: input.effect,
        extension: input.extension,
        end: nextTerm?.end,
        changeNote: input.changeNote,
      },
    })
    refreshPlanningSchedule(tx, [protocol.id])
  })
  return addendumId
}

export type DecisionInput = {
  decision: DecisionRow['decision']
  decidedOn: string
  effectiveOn: string | null
  reason: string
}

export function recordDecision(detail: ProtocolDetail, input: DecisionInput, actorUserId: string) {
  const { protocol } = detail
  getDb().transaction((tx) => {
    tx.insert(protocolDecisions)
      .values({
        protocolId: protocol.id,
        decision: input.decision,
        decidedOn: input.decidedOn,
        effectiveOn: input.decision === 'terminate' ? input.effectiveOn : null,
        reason: input.reason,
        decidedBy: actorUserId,
        recordedAt: clock.now(),
      })
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: protocol.authorityId,
      entityType: 'protocol',
      entityId: protocol.id,
      action: `protocol.decision_${input.decision}`,
      after: input,
    })
    refreshPlanningSchedule(tx, [protocol.id])
  })
}

export function markReviewed(detail: ProtocolDetail, on: string, note: string | null, actorUserId: string) {
  const { protocol } = detail
  getDb().transaction((tx) => {
    tx.update(protocols).set({ lastReviewedOn: on, updatedAt: clock.now() }).where(eq(protocols.id, protocol.id)).run()
    recordAudit(tx, {
      actorUserId,
      authorityId: protocol.authorityId,
      entityType: 'protocol',
      entityId: protocol.id,
      action: 'protocol.reviewed',
      before: { lastReviewedOn: protocol.lastReviewedOn },
      after: { lastReviewedOn: on, note },
    })
    refreshPlanningSchedule(tx, [protocol.id])
  })
}

export type DocumentInput = { fileName: string; contentType: string; size: number; sha256: string }

export function addDocument(detail: ProtocolDetail, doc: DocumentInput, actorUserId: string): string {
  const id = newId()
  const { protocol } = detail
  getDb().transaction((tx) => {
    tx.insert(protocolDocuments)
      .values({ id, protocolId: protocol.id, ...doc, uploadedBy: actorUserId, uploadedAt: clock.now() })
      .run()
    recordAudit(tx, {
      actorUserId,
      authorityId: protocol.authorityId,
      entityType: 'protocol',
      entityId: protocol.id,
      action: 'protocol.document_added',
      after: { documentId: id, ...doc },
    })
  })
  return id
}

export function getDocument(protocolId: string, documentId: string) {
  return getDb()
    .select()
    .from(protocolDocuments)
    .where(and(eq(protocolDocuments.protocolId, protocolId), eq(protocolDocuments.id, documentId)))
    .get()
}

export type RecordedRenewal = { protocolId: string; periodStart: IsoDate; periodEnd: IsoDate }

type RenewalItem = {
  protocol: Pick<ProtocolRow, 'id' | 'authorityId' | 'kind' | 'parentId'>
  termId: number
  facts: ProtocolFacts
}

/**
 * Records the periods an auto-renewing protocol rolled over into by itself up to `today` (the day
 * after a period ended without a decision to let it lapse or a termination), each once: after a
 * downtime, every period missed, oldest first. Idempotent: the unique (protocol, term, period
 * start) index makes a second run, or another process, a no-op, and the audit event is written
 * only with the row. The term itself is not changed (the periods stay anchored on its first end).
 * Returns the renewals recorded by this call.
 */
export function recordAutomaticRenewals(item: RenewalItem, today: IsoDate): RecordedRenewal[] {
  return recordAutomaticRenewalsOf([item], today)
}

/**
 * `recordAutomaticRenewals` for many protocols at once: the periods already recorded read in a
 * few queries, the missing ones written in one transaction, with the planner's schedule of the
 * protocols concerned (unless `schedule: false`: the caller computes it after). Returns the
 * renewals recorded, in the order of the items.
 */
export function recordAutomaticRenewalsOf(
  items: readonly RenewalItem[],
  today: IsoDate,
  options: { schedule?: boolean } = {},
): RecordedRenewal[] {
  const due = items
    .filter((item) => item.protocol.kind !== 'addendum' && !item.protocol.parentId)
    .map((item) => ({ item, periods: automaticRenewals(item.facts, today) }))
    .filter((d) => d.periods.length > 0)
  if (due.length === 0) return []
  const db = getDb()
  const known = new Set(
    chunks(due.map((d) => d.item.protocol.id)).flatMap((chunk) =>
      db
        .select({
          protocolId: protocolRenewals.protocolId,
          termId: protocolRenewals.termId,
          start: protocolRenewals.periodStart,
        })
        .from(protocolRenewals)
        .where(inArray(protocolRenewals.protocolId, chunk))
        .all()
        .map((r) => `${r.protocolId}|${r.termId}|${r.start}`),
    ),
  )
  const missing = due
    .map((d) => ({
      item: d.item,
      periods: d.periods.filter((p) => !known.has(`${d.item.protocol.id}|${d.item.termId}|${p.start}`)),
    }))
    .filter((d) => d.periods.length > 0)
  if (missing.length === 0) return []
  const rows = missing.flatMap(({ item, periods }) => periods.map((period) => ({ item, period })))
  return db.transaction(
    (tx) => {
      const recorded: RecordedRenewal[] = []
      const now = clock.now()
      // Many rows per statement; RETURNING gives the rows inserted (not those another process
      // recorded first), and only these get their audit event.
      for (const chunk of chunks(rows, 200)) {
        const inserted = new Set(
          tx
            .insert(protocolRenewals)
            .values(
              chunk.map(({ item, period }) => ({
                protocolId: item.protocol.id,
                termId: item.termId,
                periodStart: period.start,
                periodEnd: period.end,
                recordedAt: now,
              })),
            )
            .onConflictDoNothing()
            .returning({ protocolId: protocolRenewals.protocolId, periodStart: protocolRenewals.periodStart })
            .all()
            .map((r) => `${r.protocolId}|${r.periodStart}`),
        )
        const fresh = chunk.filter(({ item, period }) => inserted.has(`${item.protocol.id}|${period.start}`))
        if (fresh.length === 0) continue
        // The audit events recordAudit would write, one statement for the chunk.
        tx.insert(auditEvents)
          .values(
            fresh.map(({ item, period }) => ({
              at: now,
              actorUserId: null,
              authorityId: item.protocol.authorityId,
              entityType: 'protocol',
              entityId: item.protocol.id,
              action: 'protocol.renewed_automatically',
              before: null,
              after: { termId: item.termId, period: period.index, periodStart: period.start, periodEnd: period.end },
            })),
          )
          .run()
        for (const { item, period } of fresh) {
          recorded.push({ protocolId: item.protocol.id, periodStart: period.start, periodEnd: period.end })
        }
      }
      // Unless the caller computes the schedules of these protocols itself afterwards (the planner).
      if (options.schedule !== false) {
        refreshPlanningSchedule(
          tx,
          missing.map((m) => m.item.protocol.id),
          today,
        )
      }
      return recorded
    },
    { behavior: 'immediate' },
  )
}

// ---------------------------------------------------------------- the planner's schedule

type ScheduleTx = Pick<DB, 'select' | 'delete'>

/**
 * Computes the reminder planner's schedule of these protocols (app/domain/reminders.ts,
 * `nextPlanningDate` from `from` on, and `needsReviewWindow`) from what is stored now: the term in
 * force, the decisions, the reminders and renewals recorded, the authority's settings. To be
 * called in the transaction that changed any of these (its reads are then those of the writer).
 */
export function refreshPlanningSchedule(tx: ScheduleTx, protocolIds: readonly string[], from: IsoDate = clock.today()) {
  if (protocolIds.length === 0) return
  // One compiled statement for every row (a whole registry after a migration): on the process's
  // connection, which is the transaction's.
  const update = getDb().$client.prepare(
    'UPDATE protocol_schedules SET due_on = ?, due_from = ?, review_from = ?, review_until = ? WHERE protocol_id = ?',
  )
  for (const chunk of chunks([...new Set(protocolIds)])) {
    const rows = tx.select().from(protocols).where(inArray(protocols.id, chunk)).all()
    const main = rows.filter((r) => r.kind !== 'addendum' && !r.parentId)
    const mainIds = main.map((r) => r.id)
    const terms = new Map<string, TermRow>()
    if (mainIds.length) {
      for (const t of tx.select().from(protocolTerms).where(inArray(protocolTerms.protocolId, mainIds)).all()) {
        const current = terms.get(t.protocolId)
        if (!current || t.id > current.id) terms.set(t.protocolId, t)
      }
    }
    const decisions = byProtocol(
      mainIds.length
        ? tx.select().from(protocolDecisions).where(inArray(protocolDecisions.protocolId, mainIds)).all()
        : [],
    )
    const recorded = new Map<string, Set<string>>()
    if (mainIds.length) {
      for (const r of tx
        .select({
          protocolId: protocolReminders.protocolId,
          termKey: protocolReminders.termKey,
          kind: protocolReminders.kind,
          offsetDays: protocolReminders.offsetDays,
        })
        .from(protocolReminders)
        .where(inArray(protocolReminders.protocolId, mainIds))
        .all()) {
        const key = reminderKey({ ...r, offsetDays: r.offsetDays === NO_OFFSET ? null : r.offsetDays })
        ;(recorded.get(r.protocolId) ?? recorded.set(r.protocolId, new Set()).get(r.protocolId)!).add(key)
      }
    }
    const renewed = new Map<string, Set<string>>()
    if (mainIds.length) {
      for (const r of tx
        .select({
          protocolId: protocolRenewals.protocolId,
          termId: protocolRenewals.termId,
          start: protocolRenewals.periodStart,
        })
        .from(protocolRenewals)
        .where(inArray(protocolRenewals.protocolId, mainIds))
        .all()) {
        if (terms.get(r.protocolId)?.id !== r.termId) continue
        ;(renewed.get(r.protocolId) ?? renewed.set(r.protocolId, new Set()).get(r.protocolId)!).add(r.start)
      }
    }
    const authorityIds = [...new Set(main.map((r) => r.authorityId))]
    const settings = new Map(
      (authorityIds.length
        ? tx
            .select({ id: authorities.id, stored: authorities.protocolSettings })
            .from(authorities)
            .where(inArray(authorities.id, authorityIds))
            .all()
        : []
      ).map((a) => [a.id, { protocol: readProtocolSettings(a.stored), reminders: readReminderSettings(a.stored) }]),
    )
    const none = new Set<string>()
    const found = new Set<string>()
    for (const row of rows) {
      found.add(row.id)
      const term = terms.get(row.id)
      const s = settings.get(row.authorityId)
      if (!term || !s || row.kind === 'addendum' || row.parentId) {
        // An addendum (its effect is in its parent's term), or a protocol being written (no term yet).
        update.run(NEVER, from, null, null, row.id)
        continue
      }
      const facts = factsOf(row, term, decisions.get(row.id) ?? [])
      const due = nextPlanningDate(
        facts,
        from,
        s.protocol,
        s.reminders,
        recorded.get(row.id) ?? none,
        renewed.get(row.id) ?? none,
      )
      const review = needsReviewWindow(facts, s.protocol)
      update.run(due ?? NEVER, from, review?.from ?? null, review?.until ?? null, row.id)
    }
    // A schedule whose protocol is gone (deleted with the foreign keys off): gone too.
    const gone = chunk.filter((id) => !found.has(id))
    if (gone.length) tx.delete(protocolSchedules).where(inArray(protocolSchedules.protocolId, gone)).run()
  }
}

/**
 * Computes the schedules marked to be computed (new protocols, changes made outside the models,
 * a database just migrated: every protocol), a chunk per transaction. Returns how many.
 */
export function refreshStalePlanningSchedules(from: IsoDate = clock.today(), chunkSize = 2000): number {
  const db = getDb()
  let total = 0
  for (;;) {
    const done = db.transaction(
      (tx) => {
        const ids = tx
          .select({ id: protocolSchedules.protocolId })
          .from(protocolSchedules)
          .where(isNull(protocolSchedules.dueOn))
          .limit(chunkSize)
          .all()
          .map((r) => r.id)
        refreshPlanningSchedule(tx, ids, from)
        return ids.length
      },
      { behavior: 'immediate' },
    )
    total += done
    if (done < chunkSize) return total
  }
}
