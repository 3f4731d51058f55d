/**
 * `services parse FILE [--json]`: the existing social services of a plan (chapter I.A table) as
 * they would be imported (app/domain/services-parser.ts). FILE is a CSV of services (by its
 * .csv extension or its header), a Word document (.docx), or UTF-8 text: the table alone or the
 * whole plan, in the layout Word extracts to text.
 *
 * With --json, exactly one JSON object on stdout:
 * {"services":[{"number","code","codeNormalized","name","capacity","occupancyPercent",
 *   "budget":{"local","county","state","beneficiaries","other"}}]}
 * — only those keys; amounts in lei as numbers, null where the table says "-" or nothing. What
 * the parser could not read (a problem on a row) goes to stderr, one line each, so that the
 * JSON stays exactly that. Without --json: a readable table, then the problems.
 *
 * Exit code 1, with a message on stderr, for a file that is missing or cannot be read, and when
 * no service is found; 0 otherwise (rows with problems included).
 *
 * Run by scripts/cli.ts, or on its own: `node --import tsx scripts/services-command.ts FILE [--json]`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import {
  BUDGET_SOURCES,
  looksLikeServicesCsv,
  parseServicesCsv,
  parseServicesTable,
  type ParsedService,
  type ServiceProblem,
  type ServicesParseResult,
} from '~/domain/services-parser'
import { MAX_PLAN_FILE_BYTES, PlanFileError, readPlanFile } from '~/services/plan-import.server'

type Line = (line: string) => void

const toStderr: Line = (line) => {
  process.stderr.write(`${line}\n`)
}

class InputError extends Error {}

async function readText(file: string): Promise<string> {
  let bytes: Buffer
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) throw new InputError(`${file}: not a file.`)
    if (stat.size > MAX_PLAN_FILE_BYTES) {
      throw new InputError(`${file}: the file is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.`)
    }
    bytes = fs.readFileSync(file)
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(
      code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? String(e)}).`,
    )
  }
  if (/\.docx$/i.test(file)) {
    try {
      const plan = await readPlanFile({ name: path.basename(file), bytes })
      return plan.sections.map((s) => [[s.number, s.heading].filter(Boolean).join(' '), s.text].join('\n')).join('\n\n')
    } catch (e) {
      if (e instanceof PlanFileError) throw new InputError(`${file}: ${e.message}`)
      throw e
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(`${file}: not UTF-8 text. Save it again as UTF-8 (CSV UTF-8, or Text UTF-8).`)
  }
  if (text.includes('\u0000')) throw new InputError(`${file}: not a text file.`)
  return text
}

/** The object printed by --json: exactly these keys, in this order. */
function jsonService(s: ParsedService) {
  return {
    number: s.number,
    code: s.code,
    codeNormalized: s.codeNormalized,
    name: s.name,
    capacity: s.capacity,
    occupancyPercent: s.occupancyPercent,
    budget: {
      local: s.budget.local,
      county: s.budget.county,
      state: s.budget.state,
      beneficiaries: s.budget.beneficiaries,
      other: s.budget.other,
    },
  }
}

function problemLines(result: ServicesParseResult): string[] {
  const lines = result.problems.map((p: ServiceProblem) => `${p.message} [${p.code}]`)
  for (const s of result.services) {
    const row = `row ${s.number || '?'}${s.code ? ` (${s.code})` : ''}`
    for (const p of s.problems) lines.push(`${row}: ${p.message} [${p.code}]`)
  }
  return lines
}

const NAME_MAX = 60
const cell = (v: number | string | null) => (v === null || v === '' ? '-' : String(v))

function table(result: ServicesParseResult, out: Line) {
  const { services } = result
  const types = new Set(services.map((s) => s.codeNormalized).filter(Boolean))
  out(
    `${services.length} ${services.length === 1 ? 'service' : 'services'}, ${types.size} ${types.size === 1 ? 'service type' : 'service types'}`,
  )
  const header = ['#', 'code (canonical)', 'capacity', 'occupancy', ...BUDGET_SOURCES, 'name']
  const rows = services.map((s) => {
    let name = s.name
    if (name.length > NAME_MAX) name = `${name.slice(0, NAME_MAX - 1).trimEnd()}…`
    const code = s.code === null ? '-' : s.codeNormalized === null ? `${s.code} (?)` : s.codeNormalized
    return [
      s.number,
      code,
      cell(s.capacity),
      s.occupancyPercent === null ? '-' : `${s.occupancyPercent}%`,
      ...BUDGET_SOURCES.map((source) => cell(s.budget[source])),
      name,
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) =>
    r
      .map((v, i) => (i === r.length - 1 ? v : i >= 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  out(line(header))
  for (const r of rows) out(line(r))
  const totals = BUDGET_SOURCES.map((source) => {
    const values = services.map((s) => s.budget[source]).filter((v): v is number => v !== null)
    return values.length ? `${source} ${values.reduce((a, b) => a + b, 0)}` : null
  }).filter(Boolean)
  if (totals.length) out(`Budgets (lei): ${totals.join(', ')}`)
  const problems = problemLines(result)
  if (problems.length) {
    out('')
    out(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:`)
    for (const p of problems) out(`  ${p}`)
  }
}

export async function servicesParseCommand(
  file: string,
  opts: { json: boolean },
  out: Line,
  err: Line = toStderr,
): Promise<number> {
  let text: string
  try {
    text = await readText(file)
  } catch (e) {
    if (e instanceof InputError) {
      err(e.message)
      return 1
    }
    throw e
  }
  const csv = /\.csv$/i.test(file) || looksLikeServicesCsv(text)
  const result = csv ? parseServicesCsv(text) : parseServicesTable(text)
  if (!result.services.length) {
    err(`${file}: no service found${csv ? ' in the CSV' : ' (no table of existing services)'}.`)
    for (const p of problemLines(result)) err(`  ${p}`)
    return 1
  }
  if (opts.json) {
    out(JSON.stringify({ services: result.services.map(jsonService) }))
    for (const p of problemLines(result)) err(p)
  } else {
    table(result, out)
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const usage = 'Usage: node --import tsx scripts/services-command.ts FILE [--json]'
  let parsed: { values: { json?: boolean }; positionals: string[] } | null = null
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { json: { type: 'boolean' } } })
  } catch (e) {
    toStderr(e instanceof Error ? e.message : String(e))
  }
  if (!parsed || parsed.positionals.length !== 1) {
    toStderr(usage)
    process.exitCode = 2
  } else {
    process.exitCode = await servicesParseCommand(
      parsed.positionals[0]!,
      { json: parsed.values.json ?? false },
      (line) => {
        process.stdout.write(`${line}\n`)
      },
    )
  }
}
