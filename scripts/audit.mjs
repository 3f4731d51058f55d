#!/usr/bin/env node
/**
 * `npm audit` of the production dependencies (what `npm ci --omit=dev` installs), for CI:
 *
 *   npm run audit:prod                    run `npm audit --omit=dev --json` and judge it
 *   node scripts/audit.mjs --report FILE  judge a saved `npm audit --json` report instead
 *
 * Exit codes:
 *   0  no high or critical vulnerability (lower ones are listed, not fatal)
 *   1  at least one high or critical vulnerability: each is listed with its advisory
 *   2  the audit could not be done (the registry's audit endpoint is unreachable or refuses,
 *      npm failed, the answer is not a report). With AUDIT_OFFLINE_OK=1 this is a warning and
 *      the exit code is 0: for machines whose registry mirror has no audit endpoint.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const FATAL = ['critical', 'high']
const ORDER = ['critical', 'high', 'moderate', 'low', 'info']
const UNREACHABLE = 2

function print(line = '') {
  process.stdout.write(`${line}\n`)
}

function cannotAudit(reason) {
  print(`audit:prod: the audit could not be done: ${reason}`)
  if (process.env.AUDIT_OFFLINE_OK === '1') {
    print('audit:prod: AUDIT_OFFLINE_OK=1, so this is not a failure; no vulnerability was checked.')
    process.exit(0)
  }
  print('audit:prod: no vulnerability was checked. Set AUDIT_OFFLINE_OK=1 to accept this (exit code 2).')
  process.exit(UNREACHABLE)
}

function readReport() {
  const at = process.argv.indexOf('--report')
  if (at >= 0) {
    const file = process.argv[at + 1]
    if (!file) {
      print('usage: node scripts/audit.mjs [--report FILE]')
      process.exit(64)
    }
    return { stdout: fs.readFileSync(file, 'utf8'), stderr: '', status: null }
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.error) cannotAudit(`npm did not run (${run.error.message})`)
  return run
}

/** What npm says went wrong, from its JSON error (its shape varies between npm versions) or stderr. */
function npmError(json, stderr) {
  const error = json?.error
  const detail =
    (typeof error === 'object' && error ? [error.summary, error.detail].filter(Boolean).join(' ') : error) ||
    json?.message ||
    stderr
      .split('\n')
      .filter((l) => /npm (error|ERR!)|audit/i.test(l))
      .join(' ')
  return String(detail || '').trim()
}

const { stdout, stderr } = readReport()
let json
try {
  json = JSON.parse(stdout)
} catch {
  cannotAudit(
    `npm's answer is not a JSON report: ${npmError(null, stderr ?? '') || stdout.slice(0, 200).trim() || '(empty)'}`,
  )
}

if (!json || typeof json !== 'object' || typeof json.vulnerabilities !== 'object' || json.vulnerabilities === null) {
  const status = json?.statusCode ?? json?.error?.statusCode
  const why = npmError(json, stderr ?? '')
  cannotAudit(
    status
      ? `the registry's audit endpoint answered ${status} (${why}); it is unreachable from here or does not offer audits`
      : why || 'npm gave no report and no error message',
  )
}

const vulnerabilities = Object.values(json.vulnerabilities)
const counts = json.metadata?.vulnerabilities ?? {}
const summary = ORDER.map((s) => `${counts[s] ?? vulnerabilities.filter((v) => v.severity === s).length} ${s}`)
const dependencies = json.metadata?.dependencies
print(
  `audit:prod: ${dependencies?.prod ?? dependencies?.total ?? '?'} production dependencies audited: ${summary.join(', ')}.`,
)

function advisories(v) {
  return (v.via ?? [])
    .map((via) =>
      typeof via === 'string' ? `through ${via}` : `${via.title ?? via.name}${via.url ? ` (${via.url})` : ''}`,
    )
    .join('; ')
}

function fix(v) {
  if (v.fixAvailable === true) return 'fix: npm audit fix'
  if (v.fixAvailable && typeof v.fixAvailable === 'object') {
    return `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (major)' : ''}`
  }
  return 'no fix available yet'
}

const sorted = vulnerabilities.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity))
for (const v of sorted) {
  print(`  ${v.severity.padEnd(8)} ${v.name}${v.range ? ` ${v.range}` : ''}: ${advisories(v)} [${fix(v)}]`)
}

const fatal = sorted.filter((v) => FATAL.includes(v.severity))
if (fatal.length > 0) {
  print(
    `audit:prod: FAILED: ${fatal.length} high or critical vulnerabilit${fatal.length === 1 ? 'y' : 'ies'} in production dependencies.`,
  )
  process.exit(1)
}
print('audit:prod: no high or critical vulnerability in production dependencies.')
