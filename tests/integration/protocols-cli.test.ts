import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const table = path.join(root, 'tests/fixtures/demo-protocols-table.txt')
let dir: string

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'app.db'), NODE_ENV: 'test' },
    encoding: 'utf8',
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-cli-'))
  expect(cli('db', 'seed-demo').code).toBe(0)
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

type Listed = {
  number: string | null
  status: string
  end: string | null
  noticeDeadline: string | null
  term: { type: string; start: string | null; end: string | null; extension: string | null }
  problems: Array<{ code: string }>
}

describe('protocols import and list (CLI contract)', () => {
  it('refuses the whole file when rows need review, naming each problem, and stores nothing', () => {
    const before = JSON.parse(cli('protocols', 'list', '--authority', 'pangarati', '--json').stdout).protocols.length
    const res = cli('protocols', 'import', table, '--authority', 'pangarati')
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('row 8')
    expect(res.stderr).toContain('30.02.2024')
    expect(res.stderr).toContain('row 4')
    const after = JSON.parse(cli('protocols', 'list', '--authority', 'pangarati', '--json').stdout).protocols.length
    expect(after).toBe(before)
  })

  it('a dry run with --accept-flagged checks without saving', () => {
    const res = cli('protocols', 'import', table, '--authority', 'pangarati', '--dry-run', '--accept-flagged')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('10 protocols would be imported')
  })

  it('imports flagged rows marked for review, with no invented date, and lists their status on a date', () => {
    const res = cli('protocols', 'import', table, '--authority', 'pangarati', '--accept-flagged')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('4 marked "needs review"')
    const listed = JSON.parse(
      cli('protocols', 'list', '--authority', 'pangarati', '--as-of', '2024-06-15', '--json').stdout,
    )
    expect(listed.asOf).toBe('2024-06-15')
    const byNumber = new Map<string, Listed>(
      (listed.protocols as Listed[]).filter((p) => p.number).map((p) => [p.number!, p]),
    )
    expect(byNumber.get('1')).toMatchObject({ status: 'active', end: '2027-05-14' })
    expect(byNumber.get('2')).toMatchObject({ status: 'expiring', end: '2024-08-31' })
    expect(byNumber.get('8')).toMatchObject({ status: 'needs_review', term: { start: '2023-03-01', end: null } })
    expect(byNumber.get('8')!.problems.map((p) => p.code)).toContain('invalid_date')
    expect(byNumber.get('4')!.term.start).toBeNull()
    expect(byNumber.get('7')).toMatchObject({ status: 'needs_review', term: { extension: 'P6M' } })
    // conditional with a hard stop, never reviewed since 2023: due for its periodic review
    expect(byNumber.get('9')).toMatchObject({ status: 'needs_review', end: '2025-12-31' })
  })

  it('wrong arguments print the usage and exit 2', () => {
    expect(cli('protocols', 'list').code).toBe(2)
    expect(cli('protocols', 'list', '--authority', 'pangarati', '--as-of', '31.04.2023').code).toBe(2)
    expect(cli('protocols', 'import', table, '--authority', 'nope').code).toBe(1)
  })
})
