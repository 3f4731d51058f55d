import type { ProtocolFacts } from '~/domain/protocol-term'
import type { Term } from '~/domain/protocol-types'

/** A term with only the fields a test cares about; the others null. */
export const term = (t: Partial<Term> & Pick<Term, 'type'>): Term => ({
  start: null,
  end: null,
  renewalPeriod: null,
  extension: null,
  noticePeriod: null,
  condition: null,
  ...t,
})

/** The facts of a protocol with this term and no decision, review or flag unless given. */
export const facts = (t: Term, extra: Partial<ProtocolFacts> = {}): ProtocolFacts => ({
  term: t,
  ending: null,
  renewalConfirmedFor: null,
  lastReviewedOn: null,
  flagged: false,
  ...extra,
})
