import { describe, expect, it } from 'vitest'
import {
  acceptsRecommendations,
  addWorkingDays,
  answerNeedsJustification,
  checkPublication,
  daysLeft,
  earliestAdoptionDate,
  isWorkingDay,
  orthodoxEaster,
  planPhase,
  registrationNumber,
  windowDays,
} from '~/domain/consultation'
import { DEFAULT_LEGAL_SETTINGS } from '~/domain/legal-settings'
import { applyOutlineEdits } from '~/domain/plan-outline'
import { parsePlanText } from '~/domain/plan-parser'
import { answerFormSchema, normaliseProposal, recommendationFormSchema } from '~/domain/recommendation-form'

const open = { status: 'in_consultation' as const, opensOn: '2026-12-01', closesOn: '2026-12-10' }

describe('the phase of a plan on a date', () => {
  it('is announced before the window, open through its last day, closed the day after', () => {
    expect(planPhase(open, '2026-11-30')).toBe('announced')
    expect(planPhase(open, '2026-12-01')).toBe('open')
    expect(planPhase(open, '2026-12-10')).toBe('open')
    expect(planPhase(open, '2026-12-11')).toBe('closed')
    expect(acceptsRecommendations(open, '2026-12-10')).toBe(true)
    expect(acceptsRecommendations(open, '2026-12-11')).toBe(false)
    expect(acceptsRecommendations(open, '2026-11-30')).toBe(false)
  })

  it('follows the stored state for drafts, closed, adopted and withdrawn plans', () => {
    expect(planPhase({ ...open, status: 'draft' }, '2026-12-05')).toBe('draft')
    expect(planPhase({ ...open, status: 'consultation_closed' }, '2026-12-05')).toBe('closed')
    expect(planPhase({ ...open, status: 'adopted' }, '2026-12-05')).toBe('adopted')
    expect(planPhase({ ...open, status: 'withdrawn' }, '2026-12-05')).toBe('withdrawn')
    expect(acceptsRecommendations({ ...open, status: 'withdrawn' }, '2026-12-05')).toBe(false)
  })

  it('counts the days of a window and the days left with both ends included', () => {
    expect(windowDays('2026-12-01', '2026-12-10')).toBe(10)
    expect(daysLeft('2026-12-10', '2026-12-10')).toBe(1)
    expect(daysLeft('2026-12-10', '2026-12-08')).toBe(3)
    expect(daysLeft('2026-12-10', '2026-12-11')).toBe(0)
  })
})

describe('the publication gate (Law 52/2003)', () => {
  const settings = DEFAULT_LEGAL_SETTINGS

  it('accepts a window of at least ten days that closes before the earliest adoption date', () => {
    const check = checkPublication(
      { publishedOn: '2026-11-23', opensOn: '2026-11-23', closesOn: '2026-12-02' },
      settings,
    )
    expect(check.problems).toEqual([])
    expect(check.days).toBe(10)
    expect(check.earliestAdoptionOn).toBe('2026-12-23')
  })

  it('refuses a nine-day window, saying the minimum and the days chosen', () => {
    const check = checkPublication(
      { publishedOn: '2026-11-23', opensOn: '2026-11-23', closesOn: '2026-12-01' },
      settings,
    )
    expect(check.problems).toEqual([{ code: 'window_too_short', minimum: 10, days: 9 }])
  })

  it('refuses a window that opens before publication, ends before it starts, or runs into the adoption date', () => {
    const base = { publishedOn: '2026-11-23' }
    expect(checkPublication({ ...base, opensOn: '2026-11-22', closesOn: '2026-12-05' }, settings).problems).toEqual([
      { code: 'opens_before_publication' },
    ])
    expect(
      checkPublication({ ...base, opensOn: '2026-12-05', closesOn: '2026-12-01' }, settings).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['closes_before_opening'])
    expect(checkPublication({ ...base, opensOn: '2026-11-23', closesOn: '2026-12-23' }, settings).problems).toEqual([
      { code: 'closes_after_adoption', earliestAdoptionOn: '2026-12-23' },
    ])
    expect(
      checkPublication({ ...base, opensOn: '2026-02-30', closesOn: 'x' }, settings).problems.map((p) => p.code),
    ).toEqual(['invalid_date', 'invalid_date'])
  })

  it('uses the authority’s own minimums', () => {
    const longer = { ...settings, recommendationWindowMinDays: 20, announcementMinDays: 45 }
    const check = checkPublication({ publishedOn: '2026-11-23', opensOn: '2026-11-23', closesOn: '2026-12-05' }, longer)
    expect(check.problems).toEqual([{ code: 'window_too_short', minimum: 20, days: 13 }])
    expect(check.earliestAdoptionOn).toBe('2027-01-07')
  })
})

describe('working days (authorities that count the 30 days as working days)', () => {
  it('knows Orthodox Easter', () => {
    expect(orthodoxEaster(2024)).toBe('2024-05-05')
    expect(orthodoxEaster(2025)).toBe('2025-04-20')
    expect(orthodoxEaster(2026)).toBe('2026-04-12')
    expect(orthodoxEaster(2027)).toBe('2027-05-02')
  })

  it('skips weekends and Romania’s public holidays', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true) // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false) // Saturday
    expect(isWorkingDay('2026-11-30')).toBe(false) // Sf. Andrei
    expect(isWorkingDay('2026-12-01')).toBe(false) // Ziua Națională
    expect(isWorkingDay('2026-04-13')).toBe(false) // Easter Monday
    expect(isWorkingDay('2026-04-10')).toBe(false) // Good Friday
    expect(isWorkingDay('2026-06-01')).toBe(false) // Whit Monday and Children's Day
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-12-02')
  })

  it('gives a later earliest adoption date when the days are working days', () => {
    const working = { ...DEFAULT_LEGAL_SETTINGS, announcementDayCounting: 'working' as const }
    expect(earliestAdoptionDate('2026-11-23', DEFAULT_LEGAL_SETTINGS)).toBe('2026-12-23')
    // 30 working days from 23.11.2026, skipping weekends, 30.11, 1.12 and 25–26.12 and 1–2, 6–7.01.
    expect(earliestAdoptionDate('2026-11-23', working)).toBe('2027-01-12')
  })
})

describe('recommendations', () => {
  it('need a justification unless accepted', () => {
    expect(answerNeedsJustification('accepted')).toBe(false)
    for (const a of ['partially_accepted', 'rejected', 'not_applicable'] as const) {
      expect(answerNeedsJustification(a)).toBe(true)
    }
    expect(answerFormSchema.safeParse({ answer: 'rejected' }).success).toBe(false)
    expect(answerFormSchema.safeParse({ answer: 'rejected', justification: 'Bugetul nu permite.' }).success).toBe(true)
    expect(answerFormSchema.safeParse({ answer: 'accepted' }).success).toBe(true)
  })

  it('are numbered with the plan’s reference and a four-digit sequence', () => {
    expect(registrationNumber('P2027-1', 7)).toBe('P2027-1/0007')
    expect(registrationNumber('P2027-1', 12345)).toBe('P2027-1/12345')
  })

  it('store LF line breaks and no proposal when the section text was sent back unchanged', () => {
    const parsed = recommendationFormSchema.parse({ signAs: 'person', text: 'Primul rând\r\nal doilea rând' })
    expect(parsed.text).toBe('Primul rând\nal doilea rând')
    expect(normaliseProposal('Textul  secțiunii\r\n', 'Textul secțiunii')).toBeNull()
    expect(normaliseProposal('   ', 'Textul secțiunii')).toBeNull()
    expect(normaliseProposal('Textul nou\r\nal secțiunii', 'Textul secțiunii')).toBe('Textul nou\nal secțiunii')
  })
})

describe('adjusting an imported outline', () => {
  const plan = parsePlanText(
    [
      'Proiect',
      '',
      'CAPITOLUL I: Servicii',
      '',
      'A. Servicii existente',
      'Text A.',
      '',
      'B. Servicii propuse',
      'Text B.',
      '',
      'CAPITOLUL II: Informare',
      'Text II.',
    ].join('\n'),
  )

  it('merges a section into the one above, keeping its heading line as text, and recomputes anchors', () => {
    const anchors = plan.sections.map((s) => s.anchor)
    expect(anchors).toContain('cap-i-b')
    const i = plan.sections.findIndex((s) => s.anchor === 'cap-i-b')
    const edits = plan.sections.map((s, k) => ({
      number: s.number,
      heading: s.heading,
      level: s.level,
      mergeWithPrevious: k === i,
    }))
    const merged = applyOutlineEdits(plan.sections, edits)
    expect(merged).toHaveLength(plan.sections.length - 1)
    const a = merged.find((s) => s.anchor === 'cap-i-a')!
    expect(a.text).toContain('B. Servicii propuse')
    expect(a.text).toContain('Text B.')
    expect(a.html).toContain('Text B.')
    expect(merged.map((s) => s.anchor)).not.toContain('cap-i-b')
  })

  it('renumbers: the anchors follow the corrected numbering, and an escaped heading stays inert', () => {
    const edits = plan.sections.map((s) => ({
      number: s.number === 'CAPITOLUL II' ? 'CAPITOLUL III' : s.number,
      heading: s.number === 'A.' ? '<script>alert(1)</script>' : s.heading,
      level: s.level,
      mergeWithPrevious: false,
    }))
    const edited = applyOutlineEdits(plan.sections, edits)
    expect(edited.map((s) => s.anchor)).toContain('cap-iii')
    const merged = applyOutlineEdits(edited, [
      undefined,
      undefined,
      { number: 'B.', heading: 'x', level: 2, mergeWithPrevious: true },
    ])
    expect(merged.find((s) => s.anchor === 'cap-i-a')!.html).not.toContain('<script>')
  })
})
