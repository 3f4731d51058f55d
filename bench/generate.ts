/**
 * The benchmark's data set, written straight into a fresh SQLite file: the app's migrations are
 * applied first (db/client.ts), then rows go in through prepared statements in large
 * transactions (the app's model functions would take minutes for this volume). The full-text
 * tables are filled by the migrations' triggers.
 *
 * Full scale (issue #8): 3,200 authorities, 20,000 organisations, 100,000 protocols with every
 * term type (fixed, auto-renewing, open-ended, conditional, unknown; addenda among them),
 * 1,000 plans, and one plan of 120 sections with 10,000 recommendations. `scale` divides the
 * counts (the quick run uses 20); the big plan keeps its 120 sections.
 *
 * Deterministic: a seeded generator, dates relative to the fixed "today".
 *
 *   node --import tsx bench/generate.ts [--quick] [--out FILE]
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { migrateDatabase, openDatabase } from '../db/client.ts'
import { addMonths } from '../app/domain/calendar.ts'
import { textFingerprint } from '../app/domain/campaign-groups.ts'
import { registrationNumber } from '../app/domain/consultation.ts'
import { DEFAULT_LEGAL_SETTINGS } from '../app/domain/legal-settings.ts'
import { hashPassword } from '../app/services/password.server.ts'

export const BENCH_PASSWORD = 'bench-planuri-2026'
/** The fixed clock of the benchmark (a Monday, 11:00 in Bucharest). */
export const BENCH_NOW = '2026-03-16T09:00:00.000Z'

export type GenerateOptions = {
  file: string
  /** Divide the counts by this (1: full scale). */
  scale: number
  /** How many users post recommendations during the benchmark (each may post 30 an hour). */
  posters: number
}

export type DataSet = {
  file: string
  now: string
  today: string
  counts: Record<string, number>
  largestAuthority: { slug: string; protocols: number }
  bigPlan: { id: string; slug: string; sections: number; recommendations: number; anchors: string[] }
  legalOfficer: string
  posters: string[]
  password: string
  seconds: number
}

// ---------------------------------------------------------------- helpers

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

const COUNTIES = [
  'Alba', 'Arad', 'Argeș', 'Bacău', 'Bihor', 'Bistrița-Năsăud', 'Botoșani', 'Brașov', 'Brăila', 'Buzău',
  'Caraș-Severin', 'Călărași', 'Cluj', 'Constanța', 'Covasna', 'Dâmbovița', 'Dolj', 'Galați', 'Giurgiu',
  'Gorj', 'Harghita', 'Hunedoara', 'Ialomița', 'Iași', 'Ilfov', 'Maramureș', 'Mehedinți', 'Mureș', 'Neamț',
  'Olt', 'Prahova', 'Satu Mare', 'Sălaj', 'Sibiu', 'Suceava', 'Teleorman', 'Timiș', 'Tulcea', 'Vaslui',
  'Vâlcea', 'Vrancea', 'București',
] // prettier-ignore

const WORDS = (
  'servicii sociale persoane vârstnice copii dizabilități centru de zi îngrijire la domiciliu cantină socială ' +
  'locuințe protejate asistență medicală comunitară voluntariat parteneriat finanțare buget local furnizori ' +
  'acreditați beneficiari evaluare nevoi incluziune prevenirea separării copilului de familie consiliere ' +
  'mediere ocupare formare profesională transport adaptat strategie plan anual acțiuni indicatori monitorizare'
).split(' ')

function words(r: () => number, n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!)
  const s = out.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1) + '.'
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

// ---------------------------------------------------------------- the generator

export async function generate(options: GenerateOptions): Promise<DataSet> {
  const started = Date.now()
  const { file, scale } = options
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = openDatabase(file)
  migrateDatabase(db)
  const sqlite = db.$client
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -200000')

  const r = rng(20260316)
  let idCounter = 0
  const id = () => {
    idCounter += 1
    return (Math.floor(r() * 0xffffffff).toString(36) + idCounter.toString(36)).padStart(16, 'b').slice(-16)
  }
  const nowMs = Date.parse(BENCH_NOW)
  const today = isoDate(nowMs + 2 * 3_600_000) // Bucharest is UTC+2 in March

  const n = {
    authorities: Math.max(20, Math.round(3200 / scale)),
    organisations: Math.max(50, Math.round(20_000 / scale)),
    protocols: Math.max(500, Math.round(100_000 / scale)),
    plans: Math.max(20, Math.round(1000 / scale)),
    bigPlanRecommendations: Math.max(200, Math.round(10_000 / scale)),
    citizens: Math.max(50, Math.round(2000 / scale)),
  }
  // The largest authority (a county's DGASPC) holds 1.5% of all protocols; the rest share the remainder.
  const largestProtocols = Math.round(n.protocols * 0.015)

  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>()
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row)
    const key = `${table}:${cols.join(',')}`
    let stmt = statements.get(key)
    if (!stmt) {
      stmt = sqlite.prepare(
        `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      )
      statements.set(key, stmt)
    }
    const values: Record<string, unknown> = {}
    for (const c of cols) {
      const v = row[c]
      values[c] = typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v
    }
    return stmt.run(values)
  }
  const counts: Record<string, number> = {}
  const count = (what: string, k = 1) => (counts[what] = (counts[what] ?? 0) + k)

  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const user = (email: string, name: string) => {
    const userId = id()
    insert('users', {
      id: userId,
      email,
      name,
      password_hash: passwordHash,
      email_verified_at: nowMs - 400 * DAY,
      locale: 'ro',
      is_platform_admin: false,
      created_at: nowMs - 400 * DAY,
    })
    count('users')
    return userId
  }

  // ------------------------------------------------------------ authorities, staff, organisations
  type Auth = { id: string; slug: string; name: string; legalId: string }
  const auths: Auth[] = []
  const orgIds: string[] = []
  const orgNames: string[] = []
  const citizenIds: string[] = []
  const posters: string[] = []
  let legalOfficerEmail = ''

  sqlite.transaction(() => {
    const kinds = ['local_council', 'local_council', 'local_council', 'county_council', 'dgaspc', 'spas', 'other']
    for (let i = 0; i < n.authorities; i++) {
      const county = COUNTIES[i % COUNTIES.length]!
      const largest = i === 0
      const kind = largest ? 'dgaspc' : kinds[Math.floor(r() * kinds.length)]!
      const name = largest
        ? `DGASPC ${county} (bench)`
        : `${kind === 'local_council' ? 'Comuna' : 'Autoritatea'} ${i} ${county}`
      const slug = largest ? 'bench-dgaspc' : `autoritate-${i}`
      const authId = id()
      insert('authorities', {
        id: authId,
        slug,
        name,
        kind,
        county,
        contact_email: `contact@${slug}.bench.local`,
        postal_address: `Str. Principală nr. ${i + 1}, ${county}`,
        legal_settings: JSON.stringify(DEFAULT_LEGAL_SETTINGS),
        protocol_settings: null,
        created_at: nowMs - 500 * DAY,
      })
      count('authorities')
      const email = largest ? 'juridic@bench.local' : `juridic-${i}@bench.local`
      const legalId = user(email, `Consilier juridic ${i}`)
      insert('staff_roles', { authority_id: authId, user_id: legalId, role: 'legal', created_at: nowMs - 400 * DAY })
      if (largest) {
        legalOfficerEmail = email
        const adminId = user('admin@bench.local', 'Administrator DGASPC')
        insert('staff_roles', { authority_id: authId, user_id: adminId, role: 'admin', created_at: nowMs - 400 * DAY })
        insert('staff_roles', { authority_id: authId, user_id: adminId, role: 'editor', created_at: nowMs - 400 * DAY })
      }
      auths.push({ id: authId, slug, name, legalId })
    }
    const orgKinds = ['ngo', 'ngo', 'ngo', 'public_provider', 'private_provider', 'beneficiaries_organisation', 'volunteer_organisation'] // prettier-ignore
    for (let i = 0; i < n.organisations; i++) {
      const orgId = id()
      const name = `Asociația ${WORDS[i % WORDS.length]} ${i}`
      insert('organisations', {
        id: orgId,
        slug: `organizatia-${i}`,
        name,
        kind: orgKinds[Math.floor(r() * orgKinds.length)]!,
        registry_number: `${Math.floor(r() * 90000) + 10000}/${2000 + (i % 25)}`,
        contact_email: `contact@org-${i}.bench.local`,
        description: words(r, 12),
        created_at: nowMs - 300 * DAY,
      })
      orgIds.push(orgId)
      orgNames.push(name)
      count('organisations')
    }
    for (let i = 0; i < n.citizens; i++) citizenIds.push(user(`cetatean-${i}@bench.local`, `Cetățean ${i}`))
    for (let i = 0; i < options.posters; i++) {
      const email = `poster-${i}@bench.local`
      user(email, `Participant ${i}`)
      posters.push(email)
    }
    // Some citizens are members of an organisation (recommendations signed on its behalf).
    for (let i = 0; i < citizenIds.length; i += 5) {
      insert('organisation_members', {
        organisation_id: orgIds[i % orgIds.length]!,
        user_id: citizenIds[i]!,
        role: i % 10 === 0 ? 'admin' : 'member',
        status: 'active',
        requested_at: nowMs - 200 * DAY,
        decided_at: nowMs - 199 * DAY,
      })
      count('organisation_members')
    }
  })()

  // ------------------------------------------------------------ protocols
  const TERM_MIX: Array<[string, number]> = [
    ['fixed', 0.4],
    ['auto_renewing', 0.25],
    ['open_ended', 0.15],
    ['conditional', 0.1],
    ['unknown', 0.1],
  ]
  const pickTerm = () => {
    let x = r()
    for (const [t, p] of TERM_MIX) {
      if (x < p) return t
      x -= p
    }
    return 'fixed'
  }
  const protocolKinds = [
    'protocol',
    'protocol',
    'partnership_agreement',
    'association_agreement',
    'memorandum',
    'other',
  ]
  const authorityOf = (i: number) =>
    i < largestProtocols ? auths[0]! : auths[1 + Math.floor(r() * (auths.length - 1))]!

  const batch = 20_000
  for (let from = 0; from < n.protocols; from += batch) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(n.protocols, from + batch); i++) {
        const auth = authorityOf(i)
        const pid = id()
        const orgIndex = Math.floor(r() * orgIds.length)
        const partner = orgNames[orgIndex]!
        const kind = protocolKinds[Math.floor(r() * protocolKinds.length)]!
        const title = `Protocol de colaborare privind ${words(r, 4).toLowerCase().slice(0, -1)}`
        const object = words(r, 10)
        const signedMs = nowMs - Math.floor(r() * 8 * 365) * DAY + 30 * DAY
        const signedOn = isoDate(signedMs)
        const type = pickTerm()
        const flagged = type === 'unknown' && r() < 0.5
        insert('protocols', {
          id: pid,
          authority_id: auth.id,
          parent_id: null,
          kind,
          list_number: String(i + 1),
          title,
          object,
          signed_on: type === 'unknown' ? null : signedOn,
          responsible_user_id: r() < 0.3 ? auth.legalId : null,
          is_public: r() < 0.9,
          remind_partners: r() < 0.1,
          flagged,
          flag_reasons: flagged
            ? JSON.stringify([{ code: 'no_term', message: 'Valabilitatea nu este precizată' }])
            : null,
          last_reviewed_on: type === 'open_ended' && r() < 0.5 ? isoDate(nowMs - Math.floor(r() * 200) * DAY) : null,
          search_text: `${title} \n ${object} \n ${auth.name} \n ${partner}`,
          created_by: auth.legalId,
          created_at: signedMs,
        })
        count('protocols')
        insert('protocol_parties', {
          protocol_id: pid,
          position: 0,
          name: auth.name,
          is_authority: true,
          registration_number: `${1000 + (i % 9000)}`,
          registration_date: signedOn,
        })
        insert('protocol_parties', {
          protocol_id: pid,
          position: 1,
          name: partner,
          is_authority: false,
          organisation_id: orgIds[orgIndex]!,
          registration_number: `${(i * 7) % 9000}`,
          registration_date: signedOn,
          contact_name: 'Persoană de contact',
          contact_email: `contact@org-${orgIndex}.bench.local`,
        })
        count('protocol_parties', 2)
        const years = 1 + Math.floor(r() * 5)
        const endOf = (startMs: number, y: number) => isoDate(startMs + y * 365 * DAY - DAY)
        const term: Record<string, unknown> = {
          protocol_id: pid,
          type,
          start: type === 'unknown' ? null : signedOn,
          end: null,
          renewal_period: null,
          notice_period: null,
          condition: null,
          extension: null,
          validity_text: null,
          reason: 'imported',
          recorded_by: auth.legalId,
          recorded_at: signedMs,
        }
        if (type === 'fixed') {
          term.end = endOf(signedMs, years)
          term.validity_text = `Valabil ${years} ani de la semnare`
        } else if (type === 'auto_renewing') {
          term.end = endOf(signedMs, 1)
          term.renewal_period = 'P1Y'
          term.notice_period = r() < 0.7 ? 'P30D' : null
          term.validity_text = '1 an, prelungire automată dacă nicio parte nu denunță cu 30 de zile înainte'
        } else if (type === 'open_ended') {
          term.validity_text = 'Pe durată nedeterminată'
        } else if (type === 'conditional') {
          term.condition = 'până la finalizarea proiectului'
          term.end = r() < 0.5 ? endOf(signedMs, years + 1) : null
          term.validity_text = 'Până la finalizarea proiectului'
        }
        insert('protocol_terms', term)
        count('protocol_terms')
        // One in twenty fixed terms was extended by an addendum: a child protocol and a newer term.
        if (type === 'fixed' && r() < 0.05) {
          const addendumId = id()
          const newEnd = addMonths(term.end as string, 6)
          const addendumSigned = addMonths(term.end as string, -2)
          insert('protocols', {
            id: addendumId,
            authority_id: auth.id,
            parent_id: pid,
            kind: 'addendum',
            list_number: `${i + 1}.1`,
            title: `Act adițional la ${title}`,
            signed_on: addendumSigned,
            addendum_effect: 'extension',
            change_note: 'Prelungire cu 6 luni',
            is_public: true,
            search_text: `Act adițional ${title}`,
            created_by: auth.legalId,
            created_at: signedMs + DAY,
          })
          for (const [position, party] of [auth.name, partner].entries()) {
            insert('protocol_parties', { protocol_id: addendumId, position, name: party, is_authority: position === 0 })
          }
          insert('protocol_terms', {
            ...term,
            protocol_id: addendumId,
            type: 'fixed',
            start: addendumSigned,
            end: newEnd,
            extension: 'P6M',
            validity_text: null,
          })
          insert('protocol_terms', {
            ...term,
            end: newEnd,
            extension: 'P6M',
            reason: 'addendum',
            addendum_id: addendumId,
            validity_text: `${term.validity_text as string}, prelungit cu 6 luni`,
          })
          count('protocols (addenda)')
          count('protocol_parties', 2)
          count('protocol_terms', 2)
        }
      }
    })()
  }

  // ------------------------------------------------------------ plans
  const planKinds = ['annual_action_plan', 'strategy', 'draft_decision', 'other']
  let bigPlan: DataSet['bigPlan'] | null = null
  const sectionRow = (planId: string, versionId: string, position: number, sectionsTotal: number) => {
    const chapter = Math.floor((position * 6) / sectionsTotal) + 1
    const number = `${chapter}.${position + 1}`
    const heading = words(r, 4).slice(0, -1)
    const text = [words(r, 30), words(r, 25), words(r, 20)].join('\n')
    const sid = id()
    const anchor = `sectiunea-${position + 1}`
    insert('plan_sections', {
      id: sid,
      version_id: versionId,
      plan_id: planId,
      position,
      anchor,
      number,
      heading,
      level: position % 4 === 0 ? 1 : 2,
      text,
      html: text
        .split('\n')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
      search_text: [number, heading, text].join(' \n '),
    })
    count('plan_sections')
    return { id: sid, anchor, text }
  }
  const recommendation = (
    planId: string,
    versionId: string,
    reference: string,
    seq: number,
    section: { id: string; text: string } | null,
    answered: boolean,
  ) => {
    const authorIndex = Math.floor(r() * citizenIds.length)
    const author = citizenIds[authorIndex]!
    const campaign = r() < 0.1
    const text = campaign
      ? 'Solicităm suplimentarea bugetului pentru îngrijirea la domiciliu a persoanelor vârstnice.'
      : words(r, 25 + Math.floor(r() * 40))
    const proposed = section && r() < 0.15 ? section.text.replace(/\.\n/, '. Se adaugă un centru de zi.\n') : null
    const number = registrationNumber(reference, seq)
    const submittedMs = nowMs - Math.floor(r() * 9 * DAY)
    const answer = answered ? ['accepted', 'partially_accepted', 'rejected', 'not_applicable'][seq % 4]! : null
    insert('recommendations', {
      id: id(),
      plan_id: planId,
      version_id: versionId,
      section_id: section?.id ?? null,
      registration_number: number,
      author_user_id: author,
      organisation_id: authorIndex % 5 === 0 ? orgIds[authorIndex % orgIds.length]! : null,
      text,
      proposed_wording: proposed,
      status: 'registered',
      answer,
      answer_justification: answer && answer !== 'accepted' ? words(r, 15) : null,
      answered_at: answer ? submittedMs + DAY : null,
      fingerprint: textFingerprint(text),
      submitted_at: submittedMs,
      submitted_on: isoDate(submittedMs + 2 * 3_600_000),
      search_text: [number, text, proposed].filter(Boolean).join(' \n '),
    })
    count('recommendations')
  }

  sqlite.transaction(() => {
    const perAuthority = new Map<string, number>()
    for (let i = 0; i < n.plans; i++) {
      const isBig = i === 0
      const auth = isBig ? auths[0]! : auths[1 + Math.floor(r() * (auths.length - 1))]!
      const planId = id()
      const versionId = id()
      const year = 2026
      const k = (perAuthority.get(auth.id) ?? 0) + 1
      perAuthority.set(auth.id, k)
      const reference = `P${year}-${k}`
      const x = isBig ? 0 : r()
      const status = x < 0.35 ? 'in_consultation' : x < 0.75 ? 'adopted' : x < 0.9 ? 'consultation_closed' : 'draft'
      const published = status !== 'draft'
      const opens =
        status === 'in_consultation' ? nowMs - Math.floor(r() * 8) * DAY : nowMs - (40 + Math.floor(r() * 300)) * DAY
      const closes = opens + (isBig ? 30 : 10 + Math.floor(r() * 20)) * DAY
      const title = isBig
        ? `Planul anual de acțiune privind serviciile sociale ${year} (${auth.name})`
        : `${['Planul anual de acțiune', 'Strategia de dezvoltare a serviciilor sociale', 'Proiect de hotărâre', 'Regulament'][i % 4]} ${year} — ${auth.name}`
      const summary = words(r, 30)
      const justification = words(r, 40)
      const sectionsTotal = isBig ? 120 : 6
      const recs = isBig ? n.bigPlanRecommendations : status === 'draft' ? 0 : Math.floor(r() * 7)
      insert('plans', {
        id: planId,
        authority_id: auth.id,
        reference,
        kind: isBig ? 'annual_action_plan' : planKinds[i % 4]!,
        title,
        year,
        summary,
        justification,
        status,
        current_version_id: versionId,
        published_on: published ? isoDate(opens - 30 * DAY) : null,
        published_at: published ? opens - 30 * DAY : null,
        opens_on: published ? isoDate(opens) : null,
        closes_on: published ? isoDate(closes) : null,
        earliest_adoption_on: published ? isoDate(opens) : null,
        decision_number: status === 'adopted' ? `HCL nr. ${10 + (i % 90)}` : null,
        decision_date: status === 'adopted' ? isoDate(closes + 35 * DAY) : null,
        adopting_body: status === 'adopted' ? 'Consiliul Local' : null,
        adopted_version_id: status === 'adopted' ? versionId : null,
        adopted_at: status === 'adopted' ? closes + 35 * DAY : null,
        recommendation_sequence: recs,
        search_text: [reference, title, summary, justification].join(' \n '),
        created_by: auth.legalId,
        created_at: opens - 40 * DAY,
      })
      count('plans')
      insert('plan_versions', {
        id: versionId,
        plan_id: planId,
        number: 1,
        frozen_at: published ? opens - 30 * DAY : null,
        created_by: auth.legalId,
        created_at: opens - 40 * DAY,
      })
      const sections = Array.from({ length: sectionsTotal }, (_, p) => sectionRow(planId, versionId, p, sectionsTotal))
      for (let s = 1; s <= recs; s++) {
        // Skewed: the first sections draw most comments; one in ten is on the whole plan.
        const pick = r() < 0.1 ? null : sections[Math.floor(Math.pow(r(), 2) * sections.length)]!
        recommendation(planId, versionId, reference, s, pick, r() < 0.3)
      }
      if (isBig) {
        bigPlan = {
          id: planId,
          slug: auth.slug,
          sections: sectionsTotal,
          recommendations: recs,
          anchors: sections.map((s) => s.anchor),
        }
      }
    }
  })()

  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()

  return {
    file,
    now: BENCH_NOW,
    today,
    counts,
    largestAuthority: { slug: auths[0]!.slug, protocols: largestProtocols },
    bigPlan: bigPlan!,
    legalOfficer: legalOfficerEmail,
    posters,
    password: BENCH_PASSWORD,
    seconds: (Date.now() - started) / 1000,
  }
}

// Run directly: write the data set and print its summary.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' } } })
  const quick = values.quick ?? false
  const data = await generate({
    file: values.out ?? `bench/data/${quick ? 'quick' : 'full'}.db`,
    scale: quick ? 20 : 1,
    posters: quick ? 100 : 400,
  })
  console.log(
    JSON.stringify(
      { ...data, posters: data.posters.length, bigPlan: { ...data.bigPlan, anchors: undefined } },
      null,
      2,
    ),
  )
}
