/** The data of an authority's annual decisional-transparency report (Law 52/2003), for a year. */
import { and, eq, sql } from 'drizzle-orm'
import { debateRequests, minutes, minutesParticipants, plans, recommendations } from '#db/schema.ts'
import { bucharestDate } from '~/domain/dates'
import { personsOf } from '~/domain/minutes-rules'
import type { TransparencyInput } from '~/domain/transparency-report'
import { getDb } from '~/services/db.server'

export function transparencyInput(authority: { id: string; name: string }, year: number): TransparencyInput {
  const db = getDb()
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const planRows = db
    .select({
      id: plans.id,
      reference: plans.reference,
      title: plans.title,
      publishedOn: plans.publishedOn,
      status: plans.status,
      decisionDate: plans.decisionDate,
    })
    .from(plans)
    .where(eq(plans.authorityId, authority.id))
    .all()
  const references = new Map(planRows.map((p) => [p.id, p.reference]))
  const recs = db
    .select({
      planId: recommendations.planId,
      submittedOn: recommendations.submittedOn,
      status: recommendations.status,
      answer: recommendations.answer,
    })
    .from(recommendations)
    .innerJoin(plans, eq(plans.id, recommendations.planId))
    .where(and(eq(plans.authorityId, authority.id), sql`${recommendations.submittedOn} BETWEEN ${from} AND ${to}`))
    .all()
  const requests = db
    .select({ planId: debateRequests.planId, createdAt: debateRequests.createdAt })
    .from(debateRequests)
    .innerJoin(plans, eq(plans.id, debateRequests.planId))
    .where(eq(plans.authorityId, authority.id))
    .all()
  const meetingRows = db
    .select({
      id: minutes.id,
      kind: minutes.kind,
      date: minutes.date,
      status: minutes.status,
      closedReason: minutes.closedReason,
    })
    .from(minutes)
    .where(and(eq(minutes.authorityId, authority.id), sql`${minutes.date} BETWEEN ${from} AND ${to}`))
    .all()
  const participants = meetingRows.length
    ? db
        .select({ minutesId: minutesParticipants.minutesId, persons: minutesParticipants.persons })
        .from(minutesParticipants)
        .where(
          sql`${minutesParticipants.minutesId} IN (SELECT id FROM minutes WHERE authority_id = ${authority.id} AND date BETWEEN ${from} AND ${to})`,
        )
        .all()
    : []
  return {
    year,
    authorityName: authority.name,
    plans: planRows.map(({ id: _id, ...p }) => p),
    recommendations: recs.map((r) => ({
      planReference: references.get(r.planId) ?? '',
      submittedOn: r.submittedOn,
      status: r.status,
      answer: r.answer,
    })),
    debateRequests: requests.map((r) => ({
      planReference: references.get(r.planId) ?? '',
      requestedOn: bucharestDate(r.createdAt),
    })),
    meetings: meetingRows.map((m) => {
      const of = participants.filter((p) => p.minutesId === m.id)
      return {
        kind: m.kind,
        date: m.date,
        status: m.status,
        participants: of.reduce((n, p) => n + personsOf(p.persons).length, 0),
        organisations: of.length,
        closedReason: m.closedReason,
      }
    }),
  }
}

/** Years with anything to report, newest first (always including the current one). */
export function reportYears(authorityId: string, currentYear: number): number[] {
  const rows = getDb()
    .all<{ year: number }>(
      sql`SELECT DISTINCT CAST(substr(published_on, 1, 4) AS INTEGER) AS year FROM plans WHERE authority_id = ${authorityId} AND published_on IS NOT NULL`,
    )
    .map((r) => r.year)
  return [...new Set([currentYear, ...rows])].sort((a, b) => b - a)
}
