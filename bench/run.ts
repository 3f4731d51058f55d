/**
 * `npm run bench`: the load benchmark of issue #8.
 *
 * Builds the production app (unless `--no-build`), generates the national-scale data set with the
 * clock fixed (bench/generate.ts), times the reminder planning on a copy of it
 * (bench/reminders.ts), starts server.ts in production mode on that data, logs in the users it
 * needs over HTTP, and measures each target with autocannon (32 connections): the baseline
 * (`/baseline`: a page that renders a constant through the whole stack; `/healthz`, Express
 * alone with a database ping, is shown for comparison), the home page, the
 * consultation list, the plan page with 10,000 recommendations, the legal officer's protocol
 * dashboard of the largest authority, and posting recommendations (counted in the database
 * afterwards). Then the server's peak memory (VmHWM) and the report of all recommendations as
 * DOCX with its own peak. Prints a table and writes
 * bench/results/latest.json (the last run, quick or full: `mode` says which).
 *
 *   npm run bench [-- --quick] [--no-build] [--duration SECONDS] [--connections N]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import * as prettier from 'prettier'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import { BENCH_NOW, generate, type DataSet } from './generate.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    profile: { type: 'boolean', default: false },
  },
})
const quick = values.quick!
const duration = Number(values.duration ?? (quick ? 3 : 10))
const connections = Number(values.connections)
const SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789'

const log = (message: string) => process.stderr.write(`${message}\n`)
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

// ---------------------------------------------------------------- build and data

if (!values['no-build']) {
  log('Building the production app…')
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error('npm run build failed')
} else if (!fs.existsSync(path.join(ROOT, process.env.BUILD_DIR || 'build', 'express/server.js'))) {
  throw new Error('--no-build: there is no build; run npm run build first')
}

const dataFile = path.join(ROOT, 'bench/data', quick ? 'quick.db' : 'full.db')
log(`Generating the ${quick ? 'quick (1/20)' : 'full'} data set into ${path.relative(ROOT, dataFile)}…`)
const data: DataSet = await generate({ file: dataFile, scale: quick ? 20 : 1, posters: quick ? 100 : 400 })
log(`  ${JSON.stringify(data.counts)} in ${data.seconds.toFixed(1)} s`)

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  SESSION_SECRET,
  APP_NOW: BENCH_NOW,
  WORKER: 'off',
  RATE_LIMIT_PER_MINUTE: '100000000',
  RESEND_API_KEY: '',
  RESEND_BASE_URL: '',
}

// ---------------------------------------------------------------- reminder planning (own copy)

type ReminderResult = {
  today: string
  protocols: number
  authorities: number
  target: { limitMs: number; ms: number; met: boolean; scans: number }
  schedule: { ms: number; protocols: number }
  decide: { ms: number; reminders: number; summaries: number }
  steadyDecide: { ms: number; reminders: number; summaries: number }
  firstCycle: { ms: number; messages: number; recorded: number; emails: number; renewals: number }
  steadyCycle: { ms: number; messages: number; recorded: number; emails: number }
  largestAuthority: { slug: string; remindersDue: number }
  explain: Array<{ sql: string; plan: string[]; fullScan: boolean }>
}

const reminderFile = path.join(ROOT, 'bench/data', quick ? 'quick-reminders.db' : 'full-reminders.db')
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(reminderFile + suffix, { force: true })
fs.copyFileSync(dataFile, reminderFile)
log('Timing the reminder planning…')
const reminderRun = spawnSync(process.execPath, ['--import', 'tsx', 'bench/reminders.ts', data.largestAuthority.slug], {
  cwd: ROOT,
  env: { ...baseEnv, DATABASE_PATH: reminderFile, APP_URL: 'http://localhost:3000' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
if (reminderRun.status !== 0) throw new Error(`bench/reminders.ts failed:\n${reminderRun.stderr}`)
const reminders = JSON.parse(reminderRun.stdout.trim().split('\n').pop()!) as ReminderResult
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(reminderFile + suffix, { force: true })

// ---------------------------------------------------------------- notification fan-out (own process)

type FanoutResult = {
  followers: number
  emails: number
  requests: number
  maxBatch: number
  seconds: number
  floorSeconds: number
  ratioToFloor: number
  duplicates: number
  missing: number
  misaddressed: number
  renderMs: number
  peakRssMb: number
}
const fanoutFollowers = quick ? 500 : 10_000
log(`Timing the fan-out of one notification to ${fanoutFollowers} followers (fake Resend, 2 requests/s, 100 a batch)…`)
const fanoutRun = spawnSync(
  process.execPath,
  // With the server's own flags: the worker runs inside the server, so its peak counts as the server's.
  [...SERVER_NODE_FLAGS, '--import', 'tsx', 'bench/fanout.ts', '--followers', String(fanoutFollowers)],
  {
    cwd: ROOT,
    env: { ...process.env, RESEND_REQUESTS_PER_SECOND: '2' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
)
if (fanoutRun.status !== 0) throw new Error(`bench/fanout.ts failed:\n${fanoutRun.stderr}`)
const fanout = JSON.parse(fanoutRun.stdout.trim().split('\n').pop()!) as FanoutResult

// ---------------------------------------------------------------- the server

async function startServer(): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  let output = ''
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/results/profiles')}`] : []
  const child = spawn(
    process.execPath,
    [...profile, ...SERVER_NODE_FLAGS, path.join(process.env.BUILD_DIR || 'build', 'express/server.js')],
    {
      cwd: ROOT,
      env: { ...baseEnv, PORT: '0', DATABASE_PATH: dataFile, APP_URL: 'http://localhost' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/localhost:\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited with ${code}:\n${output}`))
    })
  })
  return { url, child, output: () => output }
}

function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 }
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  if (res.status !== 302) throw new Error(`log-in of ${email} answered ${res.status}`)
  const cookies = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='))
  if (cookies.length === 0) throw new Error(`log-in of ${email} set no cookie`)
  return cookies.join('; ')
}

/** The bytes a browser receives for a page (compressed, as it asks): read raw, not decoded. */
function transferredBytes(base: string, pathname: string, cookie: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': BROWSER_ACCEPT_ENCODING }
    if (cookie) headers.cookie = cookie
    http
      .get(new URL(pathname, base), { headers }, (res) => {
        let n = 0
        res.on('data', (chunk: Buffer) => (n += chunk.length))
        res.on('end', () => resolve(n))
      })
      .on('error', reject)
  })
}

async function expectStatus(base: string, pathname: string, cookie: string | undefined, status = 200) {
  const res = await fetch(base + pathname, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
  const body = await res.text()
  if (res.status !== status) throw new Error(`GET ${pathname} answered ${res.status}, expected ${status}`)
  return body.length
}

type Measured = {
  name: string
  path: string
  method: 'GET' | 'POST'
  requestsPerSecond: number
  p50: number
  p99: number
  max: number
  total: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  bytes?: number
  /** What a browser receives for it, compressed (it asks with BROWSER_ACCEPT_ENCODING). */
  transferredBytes?: number
  /** Median time of a render the page cache cannot answer (another address each time), one request at a time. */
  firstRenderMs?: number
  /** The server's memory after this target. */
  memory?: { peakMb: number; rssMb: number }
  ratioToBaseline?: number
}

function summarise(
  name: string,
  pathname: string,
  method: Measured['method'],
  r: Awaited<ReturnType<typeof autocannon>>,
): Measured {
  const statusCodes: Record<string, number> = {}
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = count
  return {
    name,
    path: pathname,
    method,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  }
}

const server = await startServer()
log(`Server (pid ${server.child.pid}) at ${server.url}`)
const results: Measured[] = []
let posting: {
  sent: number
  accepted: number
  refused: number
  other: number
  stored: number
  lost: number
  acceptedPerSecond: number
} | null = null
let memory = { peakMb: NaN, rssMb: NaN }
let reportDocx: { status: number; ms: number; kb: number; memory: { peakMb: number; rssMb: number } } | null = null
try {
  const base = server.url
  const legalCookie = await login(base, data.legalOfficer, data.password)
  log(`Logging in ${data.posters.length} posting users…`)
  const posterCookies: string[] = []
  for (let i = 0; i < data.posters.length; i += 8) {
    posterCookies.push(
      ...(await Promise.all(data.posters.slice(i, i + 8).map((email) => login(base, email, data.password)))),
    )
  }

  const planPath = `/a/${data.bigPlan.slug}/plans/${data.bigPlan.id}`
  const targets: Array<{ name: string; path: string; cookie?: string }> = [
    { name: 'baseline (/baseline, a constant page)', path: '/baseline' },
    { name: 'Express alone (/healthz)', path: '/healthz' },
    { name: 'home page', path: '/' },
    { name: 'consultation list', path: '/consultations' },
    { name: `plan page (${data.bigPlan.recommendations} recommendations)`, path: planPath },
    {
      name: `legal dashboard (${data.largestAuthority.protocols} protocols)`,
      path: `/a/${data.largestAuthority.slug}/staff/protocols`,
      cookie: legalCookie,
    },
  ]
  for (const target of targets) {
    const bytes = await expectStatus(base, target.path, target.cookie)
    // A first render (the page cache misses: another address each time), median of five.
    const cold: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await expectStatus(base, `${target.path}?first-render=${i}`, target.cookie)
      cold.push(performance.now() - started)
    }
    const firstRenderMs = Math.round(cold.sort((a, b) => a - b)[2]!)
    for (let i = 0; i < 20; i++) await expectStatus(base, target.path, target.cookie) // warm-up
    const transferred = await transferredBytes(base, target.path, target.cookie)
    log(`Measuring ${target.name} (${duration} s, ${connections} connections)…`)
    const r = await autocannon({
      url: base + target.path,
      connections,
      duration,
      timeout: 30,
      // As a browser asks: every browser takes compressed answers (Chromium sends exactly this).
      headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...(target.cookie ? { cookie: target.cookie } : {}) },
    })
    results.push({
      ...summarise(target.name, target.path, 'GET', r),
      bytes,
      transferredBytes: transferred,
      firstRenderMs,
      memory: memoryOf(server.child.pid!),
    })
  }

  // Posting recommendations: each request signs as another user (30 an hour each) on another section.
  const sectionPath = (i: number) => `${planPath}/sections/${data.bigPlan.anchors[i % data.bigPlan.anchors.length]}`
  const posterIds = new Database(dataFile, { readonly: true })
  const countStored = () =>
    (
      posterIds
        .prepare(
          `SELECT count(*) AS n FROM recommendations r JOIN users u ON u.id = r.author_user_id
           WHERE r.plan_id = ? AND u.email LIKE 'poster-%@bench.local'`,
        )
        .get(data.bigPlan.id) as { n: number }
    ).n
  const storedBefore = countStored()
  let sent = 0
  log(`Measuring posting recommendations (${duration} s, ${connections} connections)…`)
  const r = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = sent++
          return {
            ...request,
            path: sectionPath(i),
            headers: {
              origin: base,
              'content-type': 'application/x-www-form-urlencoded',
              cookie: posterCookies[i % posterCookies.length]!,
            },
            body: new URLSearchParams({
              signAs: 'person',
              text: `Propunem completarea acestei secțiuni cu măsura nr. ${i}: servicii de îngrijire la domiciliu.`,
            }).toString(),
          }
        },
      },
    ],
  })
  const stored = countStored() - storedBefore
  posterIds.close()
  const post = summarise('posting recommendations', `${planPath}/sections/:anchor`, 'POST', r)
  results.push({ ...post, memory: memoryOf(server.child.pid!) })
  const accepted = post.statusCodes['302'] ?? 0
  const refused = Object.entries(post.statusCodes)
    .filter(([code]) => code.startsWith('4'))
    .reduce((sum, [, n]) => sum + n, 0)
  posting = {
    sent: post.total,
    accepted,
    refused,
    other: post.total - accepted - refused,
    stored,
    lost: Math.max(0, accepted - stored),
    acceptedPerSecond: accepted / duration,
  }
  memory = memoryOf(server.child.pid!)

  // After the load (the peak above is the load's): the heaviest single answer, the report of all
  // recommendations as DOCX, with its own peak.
  {
    const started = performance.now()
    const res = await fetch(`${base}${planPath}/report.docx`, { headers: { cookie: legalCookie } })
    const body = Buffer.from(await res.arrayBuffer())
    reportDocx = {
      status: res.status,
      ms: Math.round(performance.now() - started),
      kb: Math.round(body.length / 1024),
      memory: memoryOf(server.child.pid!),
    }
    log(`Report of recommendations as DOCX: ${res.status}, ${reportDocx.kb} KB in ${reportDocx.ms} ms`)
  }
} finally {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve))
    server.child.kill('SIGTERM')
    await exited
  }
}

// ---------------------------------------------------------------- report

const baseline = results[0]!.requestsPerSecond
for (const m of results) m.ratioToBaseline = m.requestsPerSecond / baseline
const byPath = (prefix: string) => results.find((m) => m.name.startsWith(prefix))!
const plan = byPath('plan page')
const dashboard = byPath('legal dashboard')

const peakMemoryMb = Math.max(memory.peakMb, reportDocx?.memory.peakMb ?? Infinity, fanout.peakRssMb)

const targets = [
  {
    target: 'plan page p99 ≤ 100 ms',
    measured: `${plan.p99} ms`,
    met: plan.p99 <= 100,
  },
  {
    target: 'plan page ≥ half the baseline throughput',
    measured: `${(plan.ratioToBaseline! * 100).toFixed(1)} % of the baseline`,
    met: plan.ratioToBaseline! >= 0.5,
  },
  { target: 'legal dashboard p99 ≤ 50 ms', measured: `${dashboard.p99} ms`, met: dashboard.p99 <= 50 },
  {
    target: '≥ 300 recommendations/s accepted, none lost',
    measured: `${posting!.acceptedPerSecond.toFixed(0)}/s accepted, ${posting!.lost} lost`,
    met: posting!.acceptedPerSecond >= 300 && posting!.lost === 0,
  },
  {
    target: 'reminder planning ≤ 300 ms',
    measured:
      `${reminders.target.ms.toFixed(0)} ms (deciding ${reminders.steadyDecide.ms.toFixed(0)} ms and a cycle ` +
      `${reminders.steadyCycle.ms.toFixed(0)} ms on a day with nothing new), ${reminders.target.scans} scans`,
    met: reminders.target.met,
  },
  {
    target: 'fan-out within 1.2 × the provider’s floor, none lost or repeated',
    measured:
      `${fanout.seconds.toFixed(1)} s for ${fanout.emails} emails in ${fanout.requests} requests ` +
      `(floor ${fanout.floorSeconds.toFixed(1)} s, ${fanout.ratioToFloor.toFixed(2)} ×), ${fanout.missing} missing, ` +
      `${fanout.duplicates} repeated, ${fanout.misaddressed} misaddressed`,
    met: fanout.ratioToFloor <= 1.2 && fanout.missing === 0 && fanout.duplicates === 0 && fanout.misaddressed === 0,
  },
  {
    // The highest of: the server over the HTTP load, the server after the DOCX report (VmHWM keeps
    // the whole run's peak), and the worker's fan-out (run apart, with the server's flags).
    target: 'peak memory ≤ 300 MB',
    measured:
      `${peakMemoryMb.toFixed(0)} MB (server under load ${memory.peakMb.toFixed(0)} MB, ` +
      `after the DOCX report ${(reportDocx?.memory.peakMb ?? NaN).toFixed(0)} MB, fan-out ${fanout.peakRssMb} MB)`,
    met: peakMemoryMb <= 300,
  },
]

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
}

const report = {
  date: new Date().toISOString(),
  mode: quick ? 'quick (data set 1/20)' : 'full',
  durationSeconds: duration,
  connections,
  machine,
  dataSet: {
    clock: data.now,
    counts: data.counts,
    largestAuthority: data.largestAuthority,
    bigPlan: { sections: data.bigPlan.sections, recommendations: data.bigPlan.recommendations },
    generatedInSeconds: data.seconds,
  },
  baseline:
    '/baseline: a page that renders a constant through the whole stack (Express and its security middleware, Remix, React, the root layout); /healthz is Express alone with a database ping',
  http: results,
  posting,
  reminders,
  fanout,
  reportDocx,
  memory,
  targets,
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s)
const lines: string[] = []
lines.push(
  `| ${pad('target', 42)} | ${padLeft('req/s', 8)} | ${padLeft('p50 ms', 7)} | ${padLeft('p99 ms', 7)} | ${padLeft('× baseline', 10)} | ${padLeft('first render ms', 15)} | ${padLeft('KB (sent)', 13)} |`,
)
lines.push(
  `| ${'-'.repeat(42)} | ${'-'.repeat(7)}: | ${'-'.repeat(6)}: | ${'-'.repeat(6)}: | ${'-'.repeat(9)}: | ${'-'.repeat(14)}: | ${'-'.repeat(12)}: |`,
)
const kb = (n: number) => (n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)
for (const m of results) {
  lines.push(
    `| ${pad(m.name, 42)} | ${padLeft(m.requestsPerSecond.toFixed(0), 8)} | ${padLeft(String(m.p50), 7)} | ${padLeft(String(m.p99), 7)} | ${padLeft(m.ratioToBaseline!.toFixed(2), 10)} | ${padLeft(m.firstRenderMs === undefined ? '' : String(m.firstRenderMs), 15)} | ${padLeft(m.bytes === undefined ? '' : `${kb(m.bytes)} (${kb(m.transferredBytes ?? NaN)})`, 13)} |`,
  )
}
const table = lines.join('\n')

const out: string[] = []
out.push('')
out.push(`Benchmark (${report.mode}), ${duration} s per target, ${connections} connections, clock fixed at ${data.now}`)
out.push(
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}`,
)
out.push('')
out.push(table)
out.push('')
out.push(
  `Posting: ${posting!.sent} sent, ${posting!.accepted} accepted (302), ${posting!.refused} refused (4xx), ` +
    `${posting!.other} other; ${posting!.stored} stored, ${posting!.lost} lost`,
)
out.push(
  `Reminder planning over ${reminders.protocols} protocols of ${reminders.authorities} authorities: ` +
    `decide ${reminders.decide.ms.toFixed(0)} ms (${reminders.decide.reminders} due), ` +
    `first cycle ${reminders.firstCycle.ms.toFixed(0)} ms (${reminders.firstCycle.recorded} reminders, ${reminders.firstCycle.emails} emails, ${reminders.firstCycle.renewals} renewals recorded), ` +
    `steady cycle ${reminders.steadyCycle.ms.toFixed(0)} ms (after computing the stored schedule of ${reminders.schedule.protocols} protocols once: ${reminders.schedule.ms.toFixed(0)} ms)`,
)
out.push('EXPLAIN QUERY PLAN of the planner’s queries (largest authority):')
const shown = new Set<string>()
for (const e of reminders.explain) {
  const from = /from "([^"]+)"/.exec(e.sql)?.[1] ?? '?'
  // The IN lists come in chunks of 500: the same query with another number of parameters.
  if (shown.has(from + e.plan.join())) continue
  shown.add(from + e.plan.join())
  out.push(`  ${pad(from, 20)} ${e.plan.join('; ')}${e.fullScan ? '  ← FULL SCAN' : ''}`)
}
if (reportDocx) {
  out.push(
    `Report of ${data.bigPlan.recommendations} recommendations as DOCX: ${reportDocx.status}, ${reportDocx.kb} KB in ${reportDocx.ms} ms (server peak after it ${reportDocx.memory.peakMb.toFixed(0)} MB)`,
  )
}
out.push(
  `Fan-out: ${fanout.emails} emails to ${fanout.followers} followers in ${fanout.requests} requests (at most ${fanout.maxBatch} a request), ` +
    `${fanout.seconds.toFixed(1)} s against a floor of ${fanout.floorSeconds.toFixed(1)} s; all rendered after ${(fanout.renderMs / 1000).toFixed(1)} s`,
)
out.push(`Server peak memory (VmHWM): ${memory.peakMb.toFixed(0)} MB (RSS at the end ${memory.rssMb.toFixed(0)} MB)`)
out.push('')
out.push('Targets:')
for (const t of targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured}`)
console.log(out.join('\n'))

const resultsDir = path.join(ROOT, 'bench/results')
fs.mkdirSync(resultsDir, { recursive: true })
const resultFile = path.join(resultsDir, 'latest.json')
// Formatted as Prettier would (npm run format:check covers the committed results).
const json = await prettier.format(JSON.stringify({ ...report, table }), {
  ...(await prettier.resolveConfig(resultFile)),
  parser: 'json',
})
fs.writeFileSync(`${resultFile}.tmp`, json)
fs.renameSync(`${resultFile}.tmp`, resultFile)
log(`\nWrote ${path.relative(ROOT, resultFile)}`)
