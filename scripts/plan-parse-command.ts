/**
 * `plan parse FILE [--json]`: the outline of a draft plan (.docx or UTF-8 text) as it would be
 * imported. With --json, exactly one JSON object on stdout:
 * {"title": string, "sections": [{"number", "heading", "level", "text"}]}; otherwise an indented
 * outline (number and heading, with the length of each section's text). A file that is missing
 * or cannot be read: a message on stderr and exit code 1.
 *
 * Run by scripts/cli.ts, or on its own: `node --import tsx scripts/plan-parse-command.ts FILE [--json]`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { ParsedPlan } from '~/domain/plan-parser'
import { MAX_PLAN_FILE_BYTES, PlanFileError, readPlanFile } from '~/services/plan-import.server'

type Line = (line: string) => void

const toStderr: Line = (line) => {
  process.stderr.write(`${line}\n`)
}

const LABEL_MAX = 100

function outline(plan: ParsedPlan, out: Line) {
  out(`Title: ${plan.title || '(none)'}`)
  out(`${plan.sections.length} ${plan.sections.length === 1 ? 'section' : 'sections'}`)
  for (const s of plan.sections) {
    let label = [s.number, s.heading].filter(Boolean).join(' ') || '(no heading)'
    if (label.length > LABEL_MAX) label = `${label.slice(0, LABEL_MAX - 1).trimEnd()}…`
    const chars = [...s.text].length
    out(`${'  '.repeat(Math.max(0, s.level - 1))}${label}  (${chars} ${chars === 1 ? 'character' : 'characters'})`)
  }
}

export async function planParseCommand(
  file: string,
  opts: { json: boolean },
  out: Line,
  err: Line = toStderr,
): Promise<number> {
  let bytes: Uint8Array
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) {
      err(`${file}: not a file.`)
      return 1
    }
    if (stat.size > MAX_PLAN_FILE_BYTES) {
      err(`${file}: the file is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.`)
      return 1
    }
    bytes = fs.readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    err(code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? String(e)}).`)
    return 1
  }
  let plan: ParsedPlan
  try {
    plan = await readPlanFile({ name: path.basename(file), bytes })
  } catch (e) {
    if (e instanceof PlanFileError) {
      err(`${file}: ${e.message}`)
      return 1
    }
    throw e
  }
  if (opts.json) {
    const sections = plan.sections.map(({ number, heading, level, text }) => ({ number, heading, level, text }))
    out(JSON.stringify({ title: plan.title, sections }))
  } else {
    outline(plan, out)
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const usage = 'Usage: node --import tsx scripts/plan-parse-command.ts FILE [--json]'
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
    process.exitCode = await planParseCommand(parsed.positionals[0]!, { json: parsed.values.json ?? false }, (line) => {
      process.stdout.write(`${line}\n`)
    })
  }
}
