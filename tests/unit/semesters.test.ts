import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth } from '~/domain/dates'
import { acceptsAnswers, categoryOfGroup } from '~/domain/meeting-rules'
import {
  complianceBoard,
  nudgeDate,
  parseSemester,
  previousSemesters,
  requiredMeetings,
  semesterBounds,
  semesterLabel,
  semesterOf,
  TRIPARTITE_GROUPS,
  type BoardMeeting,
  type Semester,
} from '~/domain/semesters'

const S1_2026: Semester = { year: 2026, half: 1 }
const S2_2025: Semester = { year: 2025, half: 2 }

describe('semesters', () => {
  it.each([
    ['2026-01-01', 'S1 2026'],
    ['2026-06-30', 'S1 2026'],
    ['2026-07-01', 'S2 2026'],
    ['2025-12-31', 'S2 2025'],
    ['2024-02-29', 'S1 2024'],
  ])('%s is in %s', (date, label) => {
    expect(semesterLabel(semesterOf(date))).toBe(label)
  })

  it('a text that is not a date is refused', () => {
    for (const bad of ['2026-02-30', '30.06.2026', '', '2026-13-01']) expect(() => semesterOf(bad)).toThrow(RangeError)
  })

  it('bounds are inclusive: 30.06 / 01.07 and 31.12 / 01.01', () => {
    expect(semesterBounds(S1_2026)).toEqual({ start: '2026-01-01', end: '2026-06-30' })
    expect(semesterBounds(S2_2025)).toEqual({ start: '2025-07-01', end: '2025-12-31' })
  })

  it('previous semesters, current first, across the new year', () => {
    expect(previousSemesters(S1_2026, 4).map(semesterLabel)).toEqual(['S1 2026', 'S2 2025', 'S1 2025', 'S2 2024'])
    expect(previousSemesters(S1_2026, 0)).toEqual([])
  })

  it.each([
    ['2026-S1', S1_2026],
    ['2026 s1', S1_2026],
    ['S2 2025', S2_2025],
    ['S2/2025', S2_2025],
    [' s2-2025 ', S2_2025],
    ['semestrul II 2025', S2_2025],
    ['Sem. 1 2026', S1_2026],
  ])('parseSemester(%j)', (text, semester) => {
    expect(parseSemester(text)).toEqual(semester)
  })

  it('parseSemester refuses what is not a semester', () => {
    for (const text of ['', 'S3 2026', '2026', 'S1', '2026-S12', 'S1 26', 'semestrul III 2025']) {
      expect(parseSemester(text), text).toBeNull()
    }
  })

  it('the coordinators are nudged 30 days before the semester ends', () => {
    expect(nudgeDate(S1_2026)).toBe('2026-05-31')
    expect(nudgeDate(S2_2025)).toBe('2025-12-01')
  })

  it('properties: every day is inside its semester; labels parse back', () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1990, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= daysInMonth(y, m))
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    fc.assert(
      fc.property(day, (date) => {
        const s = semesterOf(date)
        const { start, end } = semesterBounds(s)
        expect(start <= date && date <= end).toBe(true)
        expect(parseSemester(semesterLabel(s))).toEqual(s)
        expect(nudgeDate(s) < end && nudgeDate(s) > start).toBe(true)
        const [current, before] = previousSemesters(s, 2)
        expect(current).toEqual(s)
        expect(semesterBounds(before!).end < start).toBe(true)
      }),
    )
  })
})

describe('compliance board', () => {
  const types = ['8790CRVD-I', '8899 CPDH-I', '8790 CR-VD-III']
  const all = [...TRIPARTITE_GROUPS]
  const meeting = (m: Partial<BoardMeeting> & Pick<BoardMeeting, 'id' | 'date'>): BoardMeeting => ({
    status: 'held',
    serviceTypes: ['8790 CR-VD-I', '8899 CPDH-I'],
    groupsPresent: all,
    ...m,
  })

  it('requires one meeting per distinct type per semester', () => {
    expect(
      requiredMeetings(['8899 CPDH-I', '8899CPDH-I', '8790CRVD-I', '8790CR-VD-III', '8891CZ-C-II', '8810 ID - I']),
    ).toBe(5)
    expect(requiredMeetings([])).toBe(0)
  })

  it('a meeting held in S1 for two types with all three groups: both held, in S1 only', () => {
    const board = complianceBoard(types, [S1_2026, S2_2025], [meeting({ id: 'm1', date: '2026-03-12' })])
    expect(Object.keys(board)).toEqual(['8790 CR-VD-I', '8899 CPDH-I', '8790 CR-VD-III'])
    expect(board['8790 CR-VD-I']!['S1 2026']).toEqual({ state: 'held', meetingIds: ['m1'], reasons: [] })
    expect(board['8899 CPDH-I']!['S1 2026']).toEqual({ state: 'held', meetingIds: ['m1'], reasons: [] })
    // CR-VD-III is another type; S2 2025 had no meeting.
    expect(board['8790 CR-VD-III']!['S1 2026']!.state).toBe('missing')
    expect(board['8790 CR-VD-I']!['S2 2025']).toEqual({ state: 'missing', meetingIds: [], reasons: [] })
  })

  it('without a volunteer organisation a held meeting does not count, and the cell says why', () => {
    const board = complianceBoard(
      types,
      [S1_2026],
      [meeting({ id: 'm1', date: '2026-03-12', groupsPresent: ['provider', 'beneficiary_association'] })],
    )
    expect(board['8790 CR-VD-I']!['S1 2026']).toEqual({
      state: 'missing',
      meetingIds: [],
      reasons: [{ meetingId: 'm1', missingGroups: ['volunteer_organisation'] }],
    })
  })

  it('a scheduled meeting makes the cell scheduled; a complete held one wins, and the incomplete one stays a reason', () => {
    const scheduled = meeting({ id: 'm2', date: '2026-06-20', status: 'scheduled', groupsPresent: [] })
    expect(complianceBoard(types, [S1_2026], [scheduled])['8899 CPDH-I']!['S1 2026']).toEqual({
      state: 'scheduled',
      meetingIds: ['m2'],
      reasons: [],
    })
    const incomplete = meeting({ id: 'm0', date: '2026-02-01', groupsPresent: ['provider'] })
    const held = meeting({ id: 'm3', date: '2026-05-01' })
    expect(complianceBoard(types, [S1_2026], [incomplete, scheduled, held])['8899 CPDH-I']!['S1 2026']).toEqual({
      state: 'held',
      meetingIds: ['m3'],
      reasons: [{ meetingId: 'm0', missingGroups: ['volunteer_organisation', 'beneficiary_association'] }],
    })
  })

  it('a cancelled meeting leaves the cell missing', () => {
    const board = complianceBoard(types, [S1_2026], [meeting({ id: 'm4', date: '2026-04-01', status: 'cancelled' })])
    expect(board['8790 CR-VD-I']!['S1 2026']).toEqual({ state: 'missing', meetingIds: [], reasons: [] })
  })

  it('semester boundaries: 30.06 counts for S1, 01.07 for S2; 31.12 for S2, 01.01 for the next S1', () => {
    const semesters = [S1_2026, { year: 2026, half: 2 } as Semester, S2_2025]
    const board = complianceBoard(['8790 CR-VD-I'], semesters, [
      meeting({ id: 'june30', date: '2026-06-30', serviceTypes: ['8790CRVD-I'] }),
      meeting({ id: 'jan1', date: '2026-01-01', serviceTypes: ['8790CRVD-I'] }),
      meeting({ id: 'dec31', date: '2025-12-31', serviceTypes: ['8790CRVD-I'] }),
    ])['8790 CR-VD-I']!
    expect(board['S1 2026']!.meetingIds).toEqual(['june30', 'jan1'])
    expect(board['S2 2026']!.state).toBe('missing')
    expect(board['S2 2025']!.meetingIds).toEqual(['dec31'])
    const july = complianceBoard(['8790 CR-VD-I'], semesters, [meeting({ id: 'july1', date: '2026-07-01' })])
    expect(july['8790 CR-VD-I']!['S1 2026']!.state).toBe('missing')
    expect(july['8790 CR-VD-I']!['S2 2026']!.meetingIds).toEqual(['july1'])
  })

  it('a meeting with a date that is not a date is ignored; a type that is not a code stays on the board', () => {
    const board = complianceBoard(
      ['Cantina'],
      [S1_2026],
      [meeting({ id: 'bad', date: '2026-02-30', serviceTypes: ['Cantina'] })],
    )
    expect(board).toEqual({ Cantina: { 'S1 2026': { state: 'missing', meetingIds: [], reasons: [] } } })
  })
})

describe('a meeting’s own rules', () => {
  it('takes answers until the end of its day, never once cancelled', () => {
    expect(acceptsAnswers({ status: 'scheduled', date: '2026-12-10' }, '2026-12-10')).toBe(true)
    expect(acceptsAnswers({ status: 'scheduled', date: '2026-12-10' }, '2026-12-11')).toBe(false)
    expect(acceptsAnswers({ status: 'cancelled', date: '2026-12-10' }, '2026-12-01')).toBe(false)
  })

  it('records each group in the minutes under the matching category', () => {
    expect(categoryOfGroup('provider')).toBe('private_provider')
    expect(categoryOfGroup('volunteer_organisation')).toBe('volunteer_organisation')
    expect(categoryOfGroup('beneficiary_association')).toBe('beneficiaries_organisation')
  })
})
