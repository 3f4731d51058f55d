/**
 * Minutes (../shared/DOMAIN.md, "Minutes"): their kinds, the categories of participating
 * organisations, and what a record must hold before it can be shared or approved.
 */
export const MINUTES_KINDS = ['consultation', 'public_debate', 'tripartite_meeting', 'other_meeting'] as const
export type MinutesKind = (typeof MINUTES_KINDS)[number]
export const MINUTES_STATUSES = ['draft', 'shared', 'approved'] as const
export type MinutesStatus = (typeof MINUTES_STATUSES)[number]
export const PARTICIPANT_CATEGORIES = [
  'public_provider',
  'private_provider',
  'professional_association',
  'beneficiaries_organisation',
  'volunteer_organisation',
  'other',
] as const
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number]

/** The category an organisation of the platform stands in by its kind, as a default. */
export function categoryOfOrganisationKind(kind: string): ParticipantCategory {
  switch (kind) {
    case 'public_provider':
    case 'private_provider':
    case 'professional_association':
    case 'beneficiaries_organisation':
    case 'volunteer_organisation':
      return kind
    default:
      return 'other'
  }
}

export type MinutesFacts = {
  status: MinutesStatus
  date: string
  summary: string
  conclusions: string
  participants: Array<{ category: ParticipantCategory; persons: string[] }>
}

export type MinutesProblem = 'no_participants' | 'no_summary' | 'no_conclusions' | 'in_future' | 'already_approved'

/** What keeps minutes from being approved (empty when they can be). */
export function approvalProblems(m: MinutesFacts, today: string): MinutesProblem[] {
  const problems: MinutesProblem[] = []
  if (m.status === 'approved') problems.push('already_approved')
  if (m.participants.length === 0) problems.push('no_participants')
  if (!m.summary.trim()) problems.push('no_summary')
  if (!m.conclusions.trim()) problems.push('no_conclusions')
  if (m.date > today) problems.push('in_future')
  return problems
}

/** Shared minutes take remarks through their last remark day, inclusive. */
export function acceptsRemarks(m: { status: MinutesStatus; remarksUntil: string | null }, today: string): boolean {
  return m.status === 'shared' && m.remarksUntil !== null && today <= m.remarksUntil
}

/** The persons listed for a participant, one per line, without blanks. */
export function personsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}
