/**
 * The command line of the platform: `npm run --silent cli -- <command>`.
 * Wrong arguments print the usage and exit 2; a failed command explains why and exits 1.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { formatDate, isValidIsoDate } from '~/domain/dates'
import { PROTOCOL_FORMATS, parseProtocols, type ProtocolFormat } from '~/domain/protocol-parser'
import type { ParsedProtocolRow } from '~/domain/protocol-types'
import { protocolSituation } from '~/domain/protocol-term'
import { getAuthorityBySlug, listAuthorities } from '~/models/authority.server'
import { demoLogins, NotEmptyError, seedDemo } from '~/models/demo.server'
import { importProtocols } from '~/models/protocol-import.server'
import { listProtocols } from '~/models/protocol.server'
import { sendMeetingReminders, sendOverdueActions, sendSemesterNudges } from '~/models/meetings.server'
import { processNotifications, sendDigests } from '~/models/notifications.server'
import { importServices } from '~/models/services.server'
import { parseServices, parseServicesCsv } from '~/domain/services-parser'
import { advanceConsultations } from '~/models/plan.server'
import { dueReminders, planReminders } from '~/models/reminders.server'
import { createUser, getUserByEmail, setPlatformAdmin } from '~/models/user.server'
import { clock } from '~/services/clock.server'
import { ConfigError, getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'
import { deliverDueEmails } from '~/services/email-delivery.server'
import { planParseCommand } from './plan-parse-command'
import { servicesParseCommand } from './services-command'

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  db migrate                       apply the database migrations (also done at every start)
  db seed-demo                     fill an empty database with the demo data and print the logins
  db reset                         delete the database and start over with the demo data
                                   (refused when NODE_ENV=production)
  users create-admin EMAIL [--name NAME]
                                   make EMAIL a platform administrator; a new account gets a
                                   generated password, printed once
  plan parse FILE [--json]         split a draft plan (.docx or UTF-8 text) into sections that
                                   keep its legal numbering (CAPITOLUL I, A., 1., a)); --json
                                   prints {"title", "sections": [{"number", "heading", "level",
                                   "text"}]}
  services parse FILE [--json]     read the social services of FILE (chapter I.A of a plan as
                                   extracted from Word, or CSV); --json prints {"services":
                                   [{"number", "code", "codeNormalized", "name", "capacity",
                                   "occupancyPercent", "budget": {…}}]}
  services import FILE --authority SLUG [--dry-run]
                                   import them as the authority's existing services, all or
                                   nothing (a row with a problem refuses the file)
  protocols parse FILE [--format plan-table|prose|csv] [--json]
                                   read the partnership protocols of FILE (a plan's table as
                                   extracted from Word, a prose list, or CSV; detected when
                                   --format is not given) and print them with the problems
                                   found; --json prints one object {"rows": [...]}
  protocols import FILE --authority SLUG [--format …] [--dry-run] [--accept-flagged]
                                   import every protocol of FILE into the authority, all or
                                   nothing: any row with a problem refuses the whole file (exit
                                   1, problems listed) unless --accept-flagged imports such rows
                                   marked "needs review"; --dry-run checks without saving
  protocols list --authority SLUG [--as-of YYYY-MM-DD] [--json]
                                   each protocol with its status and deadlines on that date
                                   (today in Europe/Bucharest by default)
  reminders due [--as-of YYYY-MM-DD] [--authority SLUG] [--json]
                                   the protocol reminders (and weekly summaries) that would be
                                   sent on that date (today by default), with their recipients
                                   (a partner's contact person marked "partner"), without sending
                                   or recording anything
  jobs run-once [--json]           one cycle of the background jobs, for system cron: plan and
                                   send the reminders due today, close ended consultations,
                                   announce those closing in 3 days, send notifications and
                                   digests, then deliver the outbox
  help, --help                     show this help

The database is the one of DATABASE_PATH (default ./data/app.db).`

class UsageError extends Error {}
class CommandError extends Error {}

function out(line = '') {
  process.stdout.write(`${line}\n`)
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          help: { type: 'boolean', short: 'h' },
          name: { type: 'string' },
          format: { type: 'string' },
          json: { type: 'boolean' },
          authority: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'accept-flagged': { type: 'boolean' },
          'as-of': { type: 'string' },
        },
      })
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e))
    }
  })()
  const [group, command, ...rest] = positionals
  if (values.help || group === 'help' || group === undefined) {
    if (group === undefined && !values.help) throw new UsageError('No command given.')
    out(USAGE)
    return
  }

  const key = `${group} ${command ?? ''}`.trim()
  const allowed: Record<string, string[]> = {
    'protocols parse': ['format', 'json'],
    'plan parse': ['json'],
    'services parse': ['json'],
    'services import': ['authority', 'dry-run'],
    'protocols import': ['format', 'authority', 'dry-run', 'accept-flagged'],
    'protocols list': ['authority', 'as-of', 'json'],
    'reminders due': ['authority', 'as-of', 'json'],
    'jobs run-once': ['json'],
    'users create-admin': ['name'],
  }
  for (const option of ['name', 'format', 'json', 'authority', 'dry-run', 'accept-flagged', 'as-of'] as const) {
    if (values[option] !== undefined && !(allowed[key] ?? []).includes(option)) {
      throw new UsageError(`--${option} is not an option of "${key}".`)
    }
  }
  switch (key) {
    case 'db migrate': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      getDb()
      out(`Database ${getConfig().databasePath} is up to date.`)
      return
    }
    case 'db seed-demo': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      try {
        await seedDemo()
      } catch (e) {
        if (e instanceof NotEmptyError) throw new CommandError(e.message)
        throw e
      }
      out('Demo data created. Demo accounts:')
      for (const line of demoLogins()) out(`  ${line}`)
      return
    }
    case 'db reset': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      const config = getConfig()
      if (config.isProduction) throw new CommandError('db reset is refused when NODE_ENV=production.')
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.databasePath}${suffix}`, { force: true })
      getDb()
      await seedDemo()
      out(`Database ${config.databasePath} was reset. Demo accounts:`)
      for (const line of demoLogins()) out(`  ${line}`)
      return
    }
    case 'users create-admin': {
      if (rest.length !== 1) throw new UsageError('users create-admin takes exactly one EMAIL.')
      const email = z.string().trim().email().safeParse(rest[0])
      if (!email.success) throw new UsageError(`Not an email address: ${rest[0]}`)
      const existing = getUserByEmail(email.data)
      if (existing) {
        if (existing.isPlatformAdmin) {
          out(`${existing.email} is already a platform administrator.`)
          return
        }
        setPlatformAdmin(existing.id, true, null)
        out(`${existing.email} is now a platform administrator.`)
        return
      }
      const password = crypto.randomBytes(12).toString('base64url')
      const name = values.name?.trim() || email.data.split('@')[0]!
      if (name.length < 2) throw new UsageError('--name must have at least 2 characters.')
      const user = await createUser({
        email: email.data,
        name,
        password,
        locale: 'ro',
        emailVerified: true,
        isPlatformAdmin: true,
        actorUserId: null,
      })
      out(`Created platform administrator ${user.email}.`)
      out(`Password (shown once, change it after logging in): ${password}`)
      return
    }
    case 'services parse': {
      if (rest.length !== 1) throw new UsageError('services parse takes exactly one FILE.')
      const code = await servicesParseCommand(rest[0]!, { json: values.json === true }, out)
      if (code !== 0) process.exit(code)
      return
    }
    case 'services import': {
      if (rest.length !== 1) throw new UsageError('services import takes exactly one FILE.')
      const authority = authorityOption(values.authority)
      const text = readInput(rest[0]!).replace(/^\uFEFF/, '')
      const parsed = rest[0]!.toLowerCase().endsWith('.csv') ? parseServicesCsv(text) : parseServices(text)
      if (parsed.services.length === 0) throw new CommandError(`${rest[0]}: no social service found.`)
      const flagged = parsed.services.filter((s) => s.problems.length > 0)
      if (flagged.length > 0) {
        for (const s of flagged) out(`  row ${s.number}: ${s.problems.map((p) => p.message).join('; ')}`)
        throw new CommandError(`${flagged.length} row(s) need review: nothing imported.`)
      }
      if (values['dry-run']) {
        out(`${parsed.services.length} services would be imported into ${authority.name} (dry run).`)
        return
      }
      const n = importServices(authority.id, parsed.services, 'existing', null)
      out(`${n} services imported into ${authority.name}.`)
      return
    }
    case 'plan parse': {
      if (rest.length !== 1) throw new UsageError('plan parse takes exactly one FILE.')
      const code = await planParseCommand(rest[0]!, { json: values.json === true }, out)
      if (code !== 0) process.exit(code)
      return
    }
    case 'protocols parse': {
      if (rest.length !== 1) throw new UsageError('protocols parse takes exactly one FILE.')
      const format = checkFormat(values.format)
      const text = readInput(rest[0]!)
      const result = parseProtocols(text, format)
      if (values.json) out(JSON.stringify(result, null, 2))
      else printProtocols(result.rows)
      return
    }
    case 'protocols import': {
      if (rest.length !== 1) throw new UsageError('protocols import takes exactly one FILE.')
      const format = checkFormat(values.format)
      const authority = authorityOption(values.authority)
      const rows = parseProtocols(readInput(rest[0]!), format).rows
      if (rows.length === 0) throw new CommandError(`No protocol found in ${rest[0]}.`)
      const outcome = importProtocols(authority, rows, null, {
        acceptFlagged: values['accept-flagged'] === true,
        dryRun: values['dry-run'] === true,
      })
      if (!outcome.ok) {
        process.stderr.write(
          `Nothing imported: ${outcome.flaggedRows.length} of ${rows.length} rows need review ` +
            `(fix them, or import them marked "needs review" with --accept-flagged):\n`,
        )
        for (const row of outcome.flaggedRows) {
          process.stderr.write(`  row ${row.number ?? '?'} (${row.title}):\n`)
          for (const p of row.problems) process.stderr.write(`    ${p.code}: ${p.message}\n`)
        }
        throw new CommandError('Import refused.')
      }
      const verb = values['dry-run'] ? 'would be imported' : 'imported'
      out(`${outcome.imported} protocols ${verb} into ${authority.name}, ${outcome.flagged} marked "needs review".`)
      return
    }
    case 'protocols list': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      const authority = authorityOption(values.authority)
      const asOf = values['as-of'] ?? clock.today()
      if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD that exists, not "${asOf}".`)
      const items = listProtocols(authority.id).map(({ protocol, term, parties, facts }) => {
        const situation = protocolSituation(facts, asOf, authority.protocolSettings)
        return {
          id: protocol.id,
          number: protocol.listNumber,
          kind: protocol.kind,
          title: protocol.title,
          parties: parties.map((p) => p.name),
          parentId: protocol.parentId,
          term,
          status: situation.status,
          usable: situation.usable,
          periodStart: situation.period?.start ?? null,
          end: situation.end,
          noticeDeadline: situation.noticeDeadline,
          nextReview: situation.nextReview,
          renewsOn: situation.renewsOn,
          terminatesAfter: situation.terminatesAfter,
          problems: protocol.flagReasons ?? [],
        }
      })
      if (values.json) {
        out(JSON.stringify({ authority: authority.slug, asOf, protocols: items }, null, 2))
        return
      }
      const date = (d: string | null) => (d ? formatDate(d) : '–')
      out(`${authority.name}, as of ${formatDate(asOf)}: ${items.length} protocols`)
      for (const i of items) {
        out(
          `${(i.number ?? '–').padEnd(4)} ${i.status.padEnd(17)} end ${date(i.end).padEnd(10)} ` +
            `notice ${date(i.noticeDeadline).padEnd(10)} review ${date(i.nextReview).padEnd(10)} ${i.title}`,
        )
      }
      return
    }
    case 'reminders due': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      const asOf = values['as-of'] ?? clock.today()
      if (!isValidIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD that exists, not "${asOf}".`)
      if (values.authority !== undefined) authorityOption(values.authority)
      const due = dueReminders(asOf, values.authority)
      if (values.json) {
        out(JSON.stringify(due, null, 2))
        return
      }
      out(`Reminders due on ${formatDate(asOf)}: ${due.reminders.length}`)
      for (const r of due.reminders) {
        const offset = r.offsetDays === null ? '' : ` ${r.offsetDays}d`
        const flags = [r.overdue && 'overdue', r.escalated && 'escalated'].filter(Boolean).join(', ')
        out(
          `  ${r.authority} ${formatDate(r.dueOn)} ${`${r.kind}${offset}`.padEnd(10)} deadline ${formatDate(r.deadline)} ` +
            `${r.title}${flags ? ` (${flags})` : ''} → ` +
            (r.to.map((p) => (p.as === 'partner' ? `${p.email} (partner: ${p.name})` : p.email)).join(', ') ||
              '(nobody)'),
        )
      }
      for (const s of due.summaries) {
        out(
          `  ${s.authority} weekly summary ${s.week}: ${s.protocols} protocols to review → ${s.recipients.join(', ')}`,
        )
      }
      return
    }
    case 'jobs run-once': {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`)
      const planned = await planReminders(clock.today())
      const consultations = advanceConsultations(clock.today())
      let notified = 0
      for (let handled = await processNotifications(); handled > 0; handled = await processNotifications()) {
        notified += handled
      }
      const digests = await sendDigests()
      const meetings = {
        reminders: await sendMeetingReminders(),
        nudges: await sendSemesterNudges(),
        overdueActions: await sendOverdueActions(),
      }
      let delivered = 0
      // Until nothing is due any more (failed attempts are rescheduled later, so this ends).
      for (let round = 0; round < 100; round++) {
        const handled = await deliverDueEmails()
        delivered += handled
        if (handled === 0) break
      }
      if (values.json) {
        out(
          JSON.stringify(
            { reminders: planned, consultations, notifications: notified, digests, meetings, delivered },
            null,
            2,
          ),
        )
        return
      }
      out(
        `Reminders on ${formatDate(planned.date)}: ${planned.messages.length} messages (${planned.recorded} reminders).`,
      )
      for (const m of planned.messages) {
        out(`  ${m.authority} ${m.kind}${m.escalated ? ' (escalated)' : ''}: ${m.title} → ${m.recipients.join(', ')}`)
      }
      for (const w of planned.weeklySummaries) {
        out(`  ${w.authority} weekly summary ${w.week}: ${w.protocols} protocols → ${w.recipients.join(', ')}`)
      }
      if (planned.skipped) out(`  ${planned.skipped} left to another process.`)
      out(
        `Consultations: ${consultations.closed} closed, ${consultations.closingNotices} closing soon announced; ` +
          `${notified} notifications handled, ${digests} digests sent.`,
      )
      out(
        `Meetings: ${meetings.reminders} reminders, ${meetings.nudges} semester nudges, ` +
          `${meetings.overdueActions} overdue-action messages.`,
      )
      out(`Outbox: ${delivered} emails handled.`)
      return
    }
    default:
      throw new UsageError(`Unknown command: ${key}`)
  }
}

function checkFormat(format: string | undefined): ProtocolFormat | undefined {
  if (format !== undefined && !(PROTOCOL_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${PROTOCOL_FORMATS.join(', ')}, not "${format}".`)
  }
  return format as ProtocolFormat | undefined
}

function authorityOption(slug: string | undefined) {
  if (!slug) throw new UsageError('--authority SLUG is required.')
  const authority = getAuthorityBySlug(slug)
  if (!authority) {
    const known = listAuthorities().map((a) => a.slug)
    throw new CommandError(`No authority "${slug}". Known: ${known.join(', ') || '(none)'}.`)
  }
  return authority
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : ''
    const reasons: Record<string, string> = {
      ENOENT: 'no such file',
      EISDIR: 'it is a directory',
      EACCES: 'permission denied',
    }
    throw new CommandError(`Cannot read ${file}: ${reasons[code] ?? (e instanceof Error ? e.message : String(e))}.`)
  }
}

/** A readable table of parsed protocols: one line per row, then its parties and problems. */
function printProtocols(rows: ParsedProtocolRow[]) {
  const date = (d: string | null) => (d ? formatDate(d) : '–')
  const columns = ['Nr.', 'Kind', 'Term', 'Start', 'End', 'Renewal / extension']
  const widths = [5, 22, 14, 11, 11, 20]
  const line = (cells: string[]) =>
    out(
      cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join(' ')
        .trimEnd(),
    )
  line(columns)
  for (const row of rows) {
    const t = row.term
    const period = [
      t.renewalPeriod && `renews ${t.renewalPeriod}`,
      t.noticePeriod && `notice ${t.noticePeriod}`,
      t.extension && `+${t.extension}`,
    ]
      .filter(Boolean)
      .join(', ')
    line([row.number ?? '–', row.kind, t.type, date(t.start), date(t.end), period])
    out(`      ${row.title}: ${row.parties.join(' / ') || '(no parties)'}`)
    if (t.condition) out(`      condition: ${t.condition}`)
    if (row.parentNumber) out(`      amends row ${row.parentNumber}`)
    for (const p of row.problems) out(`      ! ${p.code}: ${p.message}`)
  }
  const flagged = rows.filter((r) => r.problems.length > 0).length
  out(`${rows.length} protocol${rows.length === 1 ? '' : 's'}, ${flagged} to review.`)
}

try {
  await run(process.argv.slice(2))
  process.exit(0)
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (e instanceof ConfigError || e instanceof CommandError) {
    process.stderr.write(`${e.message}\n`)
    process.exit(1)
  }
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
}
