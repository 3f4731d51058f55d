import { describe, expect, it } from 'vitest'
import { adoptionChecklist, canAdopt, decisionLabel, defaultAdoptingBody, type AdoptionFacts } from '~/domain/adoption'
import { DEFAULT_LEGAL_SETTINGS } from '~/domain/legal-settings'
import { acceptsRemarks, approvalProblems, personsOf } from '~/domain/minutes-rules'

const ready: AdoptionFacts = {
  kind: 'annual_action_plan',
  phase: 'closed',
  closesOn: '2026-10-13',
  earliestAdoptionOn: '2026-10-24',
  unanswered: 0,
  debateRequests: [],
  consultationMinutes: [
    {
      status: 'approved',
      categories: ['public_provider', 'private_provider', 'professional_association', 'beneficiaries_organisation'],
    },
  ],
}
const codes = (facts: AdoptionFacts, date = '2026-11-23', settings = DEFAULT_LEGAL_SETTINGS) =>
  adoptionChecklist(facts, settings, date)
    .filter((c) => !c.met)
    .map((c) => c.code)

describe('the adoption gate', () => {
  it('lets a plan through when every condition holds', () => {
    expect(codes(ready)).toEqual([])
    expect(canAdopt(adoptionChecklist(ready, DEFAULT_LEGAL_SETTINGS, '2026-11-23'))).toBe(true)
  })

  it('refuses an annual plan without approved consultation minutes, naming both conditions', () => {
    expect(codes({ ...ready, consultationMinutes: [] })).toEqual(['consultation_minutes', 'categories_covered'])
    expect(codes({ ...ready, consultationMinutes: [{ status: 'shared', categories: ['public_provider'] }] })).toEqual([
      'consultation_minutes',
      'categories_covered',
    ])
  })

  it('names the categories of participants still missing', () => {
    const conditions = adoptionChecklist(
      {
        ...ready,
        consultationMinutes: [{ status: 'approved', categories: ['public_provider', 'beneficiaries_organisation'] }],
      },
      DEFAULT_LEGAL_SETTINGS,
      '2026-11-23',
    )
    expect(conditions.find((c) => c.code === 'categories_covered')).toEqual({
      code: 'categories_covered',
      met: false,
      missing: ['private_provider', 'professional_association'],
    })
  })

  it('follows the authority’s settings: categories, and whether minutes are required at all', () => {
    const fewer = { ...DEFAULT_LEGAL_SETTINGS, consultationRequiredCategories: ['public_provider' as const] }
    expect(
      codes(
        { ...ready, consultationMinutes: [{ status: 'approved', categories: ['public_provider'] }] },
        '2026-11-23',
        fewer,
      ),
    ).toEqual([])
    const none = { ...DEFAULT_LEGAL_SETTINGS, annualPlanRequiresConsultationMinutes: false }
    expect(codes({ ...ready, consultationMinutes: [] }, '2026-11-23', none)).toEqual([])
    // A strategy is not the annual plan of Law 292/2011 art. 112.
    expect(codes({ ...ready, kind: 'strategy', consultationMinutes: [] })).toEqual([])
  })

  it('waits for the window to close and the earliest adoption date, checked on the decision date', () => {
    expect(codes({ ...ready, phase: 'open' })).toEqual(['window_closed'])
    expect(codes(ready, '2026-10-23')).toEqual(['earliest_date'])
    expect(codes(ready, '2026-10-24')).toEqual([])
  })

  it('wants every recommendation answered and every requested debate held with approved minutes', () => {
    expect(codes({ ...ready, unanswered: 2 })).toEqual(['all_answered'])
    const requested = adoptionChecklist(
      {
        ...ready,
        debateRequests: [
          { registrationNumber: 'P2026-1/0002', scheduled: false, minutesStatus: null },
          { registrationNumber: 'P2026-1/0003', scheduled: true, minutesStatus: 'shared' },
          { registrationNumber: 'P2026-1/0004', scheduled: true, minutesStatus: 'approved' },
        ],
      },
      DEFAULT_LEGAL_SETTINGS,
      '2026-11-23',
    ).find((c) => c.code === 'debate_minutes')
    expect(requested).toEqual({
      code: 'debate_minutes',
      met: false,
      requests: 3,
      unscheduled: ['P2026-1/0002'],
      withoutMinutes: ['P2026-1/0003'],
    })
  })

  it('writes the decision as the public page shows it, and guesses the council in the genitive', () => {
    expect(decisionLabel({ decisionNumber: '83', decisionDate: '2017-12-14', adoptingBody: 'HCL' })).toBe(
      'HCL nr. 83 / 14.12.2017',
    )
    expect(defaultAdoptingBody('Comuna Pângărați')).toBe('Consiliul Local al Comunei Pângărați')
    expect(defaultAdoptingBody('Municipiul Târnăveni')).toBe('Consiliul Local al Municipiului Târnăveni')
    expect(defaultAdoptingBody('Județul Neamț')).toBe('Consiliul Județean Neamț')
    expect(defaultAdoptingBody('DGASPC Valea Mureșului')).toBe('')
  })
})

describe('minutes', () => {
  const complete = {
    status: 'draft' as const,
    date: '2026-10-20',
    summary: 'Punctele de vedere.',
    conclusions: 'Concluzii.',
    participants: [{ category: 'public_provider' as const, persons: ['Ana'] }],
  }

  it('are approved only with participants, views and conclusions, after the meeting', () => {
    expect(approvalProblems(complete, '2026-11-23')).toEqual([])
    expect(approvalProblems({ ...complete, participants: [], summary: ' ', conclusions: '' }, '2026-11-23')).toEqual([
      'no_participants',
      'no_summary',
      'no_conclusions',
    ])
    expect(approvalProblems(complete, '2026-10-19')).toEqual(['in_future'])
    expect(approvalProblems({ ...complete, status: 'approved' }, '2026-11-23')).toEqual(['already_approved'])
  })

  it('take remarks while shared, through the last day', () => {
    expect(acceptsRemarks({ status: 'shared', remarksUntil: '2026-11-28' }, '2026-11-28')).toBe(true)
    expect(acceptsRemarks({ status: 'shared', remarksUntil: '2026-11-28' }, '2026-11-29')).toBe(false)
    expect(acceptsRemarks({ status: 'draft', remarksUntil: '2026-11-28' }, '2026-11-20')).toBe(false)
    expect(acceptsRemarks({ status: 'approved', remarksUntil: '2026-11-28' }, '2026-11-20')).toBe(false)
  })

  it('list one person per line', () => {
    expect(personsOf(' Ana Pop, președinte \r\n\n Ion  \n')).toEqual(['Ana Pop, președinte', 'Ion'])
  })
})
