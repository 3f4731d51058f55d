/** The input of the plan's Word document (app/services/plan-docx.server.ts) from the stored plan. */
import type { AppLocale } from '~/i18n'
import type { Authority } from '~/models/authority.server'
import { minutesOfPlan, participantsOf } from '~/models/minutes.server'
import { getVersion, sectionsOf, type Plan } from '~/models/plan.server'
import { countByAnswer } from '~/models/recommendation.server'
import type { PlanDocInput } from '~/services/plan-docx.server'
import { getConfig } from '~/services/config.server'
import { personsOf } from '~/domain/minutes-rules'

export function planDocInput(plan: Plan, authority: Authority, language: AppLocale): PlanDocInput {
  const base = getConfig().appUrl
  const versionId = plan.adoptedVersionId ?? plan.currentVersionId
  const approved = minutesOfPlan(plan.id, { approvedOnly: true })
  const participants = participantsOf(approved.map((m) => m.id))
  const counts = countByAnswer(plan.id)
  return {
    language,
    authorityName: authority.name,
    title: plan.title,
    kind: plan.kind,
    year: plan.year,
    versionNumber: versionId ? (getVersion(versionId)?.number ?? 1) : 1,
    decision:
      plan.status === 'adopted' && plan.decisionNumber && plan.decisionDate && plan.adoptingBody
        ? { number: plan.decisionNumber, date: plan.decisionDate, body: plan.adoptingBody }
        : null,
    sections: versionId
      ? sectionsOf(versionId).map((s) => ({ number: s.number, heading: s.heading, level: s.level, text: s.text }))
      : [],
    minutes: approved.map((m) => ({
      kind: m.kind,
      title: m.title,
      date: m.date,
      place: m.place,
      onlineUrl: m.onlineUrl,
      participants: participants
        .filter((p) => p.minutesId === m.id)
        .map((p) => ({ organisationName: p.organisationName, category: p.category, persons: personsOf(p.persons) })),
      summary: m.summary,
      conclusions: m.conclusions,
      url: `${base}/a/${authority.slug}/minutes/${m.id}`,
    })),
    reportUrl: plan.publishedOn ? `${base}/a/${authority.slug}/plans/${plan.id}/report` : null,
    recommendationCounts: plan.publishedOn
      ? {
          received: counts.total,
          accepted: counts.accepted,
          partiallyAccepted: counts.partially_accepted,
          rejected: counts.rejected,
          notApplicable: counts.not_applicable,
        }
      : null,
  }
}
