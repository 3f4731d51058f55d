/**
 * Importing parsed protocol rows (a plan's table, a prose list, a CSV file): all or nothing, in
 * one transaction. Flagged rows are refused unless the caller accepts them; accepted ones are
 * stored flagged (status needs_review) with their problems, never with invented dates.
 */
import { eq } from 'drizzle-orm'
import { protocols, protocolTerms } from '#db/schema.ts'
import type { ParsedProtocolRow } from '~/domain/protocol-types'
import type { Authority } from '~/models/authority.server'
import { recordAudit } from '~/models/audit.server'
import {
  createProtocol,
  extendedTerm,
  refreshPlanningSchedule,
  type PartyInput,
  type ProtocolInput,
} from '~/models/protocol.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'

/**
 * The parties of a row: the first one written is the authority itself ("DGASPC Demo",
 * "Primăria Comunei Pângărați"); registrations are given in the parties' order.
 */
export function partiesOf(row: ParsedProtocolRow, authority: Pick<Authority, 'name'>): PartyInput[] {
  const names = row.parties.length ? row.parties : [authority.name]
  return names.map((name, i) => ({
    name: i === 0 && !name ? authority.name : name,
    isAuthority: i === 0,
    registrationNumber: row.registrations[i]?.number ?? null,
    registrationDate: row.registrations[i]?.date ?? null,
  }))
}

export function rowToInput(row: ParsedProtocolRow, authority: Pick<Authority, 'name'>): ProtocolInput {
  return {
    kind: row.kind,
    listNumber: row.number,
    title: row.title || row.kind,
    object: row.object,
    signedOn: row.registrations[0]?.date ?? null,
    parties: partiesOf(row, authority),
    term: { ...row.term, validityText: row.validityText },
    responsibleUserId: null,
    isPublic: true,
  }
}

export type ImportOutcome =
  { ok: true; imported: number; flagged: number; ids: string[] } | { ok: false; flaggedRows: ParsedProtocolRow[] }

export function importProtocols(
  authority: Authority,
  rows: ParsedProtocolRow[],
  actorUserId: string | null,
  options: { acceptFlagged?: boolean; dryRun?: boolean } = {},
): ImportOutcome {
  const flaggedRows = rows.filter((r) => r.problems.length > 0)
  if (flaggedRows.length > 0 && !options.acceptFlagged) return { ok: false, flaggedRows }
  if (options.dryRun) return { ok: true, imported: rows.length, flagged: flaggedRows.length, ids: [] }

  const ids: string[] = []
  getDb().transaction((tx) => {
    const byNumber = new Map<string, string>()
    const extended = new Set<string>()
    for (const row of rows) {
      const input = rowToInput(row, authority)
      const parentId = row.parentNumber ? (byNumber.get(row.parentNumber) ?? null) : null
      const isExtension = row.kind === 'addendum' && row.term.extension !== null
      const id = createProtocol(
        authority.id,
        {
          ...input,
          parentId,
          addendumEffect: row.kind === 'addendum' ? (isExtension ? 'extension' : 'modification') : null,
        },
        actorUserId,
        { reason: 'imported', problems: row.problems, tx },
      )
      ids.push(id)
      if (row.number) byNumber.set(row.number, id)

      // An extension moves the parent's end when the parent has one (else the row is flagged).
      if (parentId && isExtension && row.problems.length === 0) {
        const current = tx.select().from(protocolTerms).where(eq(protocolTerms.protocolId, parentId)).all().at(-1)
        if (current?.end) {
          const next = extendedTerm(
            {
              type: current.type,
              start: current.start,
              end: current.end,
              renewalPeriod: current.renewalPeriod,
              noticePeriod: current.noticePeriod,
              condition: current.condition,
              extension: null,
              validityText: current.validityText,
            },
            row.term.extension,
            null,
          )
          tx.insert(protocolTerms)
            .values({
              protocolId: parentId,
              type: next.type,
              start: next.start,
              end: next.end,
              renewalPeriod: next.renewalPeriod,
              noticePeriod: next.noticePeriod,
              condition: next.condition,
              extension: next.extension,
              validityText: next.validityText ?? null,
              reason: 'addendum',
              addendumId: id,
              recordedBy: actorUserId,
              recordedAt: clock.now(),
            })
            .run()
          tx.update(protocols).set({ updatedAt: clock.now() }).where(eq(protocols.id, parentId)).run()
          extended.add(parentId)
        }
      }
    }
    // The parents' terms changed after they were written: their planner's schedule follows.
    refreshPlanningSchedule(tx, [...extended])
    recordAudit(tx, {
      actorUserId,
      authorityId: authority.id,
      entityType: 'authority',
      entityId: authority.id,
      action: 'protocols.imported',
      after: { rows: rows.length, flagged: flaggedRows.length },
    })
  })
  return { ok: true, imported: rows.length, flagged: flaggedRows.length, ids }
}
