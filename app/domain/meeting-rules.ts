/** Rules of a tripartite meeting that are not about semesters (app/domain/semesters.ts). */
import type { ParticipantCategory } from './minutes-rules'
import type { TripartiteGroup } from './semesters'

/** An invitation is answered while the meeting is on: not once cancelled, not after its day. */
export function acceptsAnswers(
  meeting: { status: 'scheduled' | 'held' | 'cancelled'; date: string },
  today: string,
): boolean {
  return meeting.status !== 'cancelled' && today <= meeting.date
}

/** The minutes' category of a participant from its tripartite group (providers counted as private). */
export function categoryOfGroup(group: TripartiteGroup): ParticipantCategory {
  switch (group) {
    case 'provider':
      return 'private_provider'
    case 'volunteer_organisation':
      return 'volunteer_organisation'
    case 'beneficiary_association':
      return 'beneficiaries_organisation'
  }
}
