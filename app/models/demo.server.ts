/**
 * Demo data: two authorities (the commune of Pângărați, Neamț, from its 2023 annual plan in
 * ../shared/samples, and a fictional county directorate), staff of every role, three
 * organisations with members. Seeded once on an empty database, never over real data.
 */
import { count, like } from 'drizzle-orm'
import { authorities, users } from '#db/schema.ts'
import fs from 'node:fs'
import path from 'node:path'
import { addDays, addMonths } from '~/domain/calendar'
import { parseProtocols } from '~/domain/protocol-parser'
import { createAuthority, setStaffRoles, type Authority } from '~/models/authority.server'
import { importProtocols } from '~/models/protocol-import.server'
import { createProtocol, type TermInput } from '~/models/protocol.server'
import { seedDemoConsultations } from '~/models/demo-consultations.server'
import { seedDemoMeetings } from '~/models/demo-meetings.server'
import { clock } from '~/services/clock.server'
import { createOrganisation, decideMembership, requestMembership } from '~/models/organisation.server'
import { createUser } from '~/models/user.server'
import type { StaffRole } from '~/domain/roles'
import { getDb } from '~/services/db.server'

export const DEMO_PASSWORD = 'demo-planuri-2026'
const DEMO_DOMAIN = 'demo.planuri.ro'

type DemoUser = { email: string; name: string; note: string }

const PANGARATI_STAFF: Array<DemoUser & { roles: StaffRole[] }> = [
  { email: `admin.pangarati@${DEMO_DOMAIN}`, name: 'Elena Munteanu', note: 'Pângărați: admin', roles: ['admin'] },
  { email: `editor.pangarati@${DEMO_DOMAIN}`, name: 'Ioana Ciobanu', note: 'Pângărați: editor', roles: ['editor'] },
  {
    email: `juridic.pangarati@${DEMO_DOMAIN}`,
    name: 'Andrei Lungu',
    note: 'Pângărați: legal officer',
    roles: ['legal'],
  },
  {
    email: `coordonator.pangarati@${DEMO_DOMAIN}`,
    name: 'Mihaela Rusu',
    note: 'Pângărați: partnership coordinator',
    roles: ['coordinator'],
  },
  { email: `viewer.pangarati@${DEMO_DOMAIN}`, name: 'Vasile Barbu', note: 'Pângărați: viewer', roles: ['viewer'] },
]

const COUNTY_STAFF: Array<DemoUser & { roles: StaffRole[] }> = [
  {
    email: `admin.dgaspc@${DEMO_DOMAIN}`,
    name: 'Cristina Dumitrescu',
    note: 'DGASPC Valea Mureșului (fictional): admin, editor',
    roles: ['admin', 'editor'],
  },
  {
    email: `juridic.dgaspc@${DEMO_DOMAIN}`,
    name: 'Radu Stoica',
    note: 'DGASPC Valea Mureșului (fictional): legal officer, coordinator',
    roles: ['legal', 'coordinator'],
  },
]

const ORGANISATION_PEOPLE: DemoUser[] = [
  { email: `ong@${DEMO_DOMAIN}`, name: 'Sorin Matei', note: 'NGO admin (Asociația Vârstnici Activi Pângărați)' },
  { email: `voluntar@${DEMO_DOMAIN}`, name: 'Laura Enache', note: 'NGO member' },
  { email: `furnizor@${DEMO_DOMAIN}`, name: 'Dan Popa', note: 'provider admin (Fundația Casa cu Suflet)' },
  { email: `beneficiari@${DEMO_DOMAIN}`, name: 'Gabriela Toma', note: 'beneficiaries association admin' },
  { email: `cetatean@${DEMO_DOMAIN}`, name: 'Ion Olaru', note: 'citizen; asked to join an NGO' },
]

const PLATFORM_ADMIN: DemoUser = {
  email: `operator@${DEMO_DOMAIN}`,
  name: 'Operator Platformă',
  note: 'platform admin (reads the local outbox)',
}

export function demoLogins(): string[] {
  const all = [PLATFORM_ADMIN, ...PANGARATI_STAFF, ...COUNTY_STAFF, ...ORGANISATION_PEOPLE]
  return [`password for every demo account: ${DEMO_PASSWORD}`, ...all.map((u) => `${u.email.padEnd(36)} ${u.note}`)]
}

function isEmpty(): boolean {
  const db = getDb()
  const u = db.select({ n: count() }).from(users).get()?.n ?? 0
  const a = db.select({ n: count() }).from(authorities).get()?.n ?? 0
  return u === 0 && a === 0
}

function hasDemo(): boolean {
  return (
    (getDb()
      .select({ n: count() })
      .from(users)
      .where(like(users.email, `%@${DEMO_DOMAIN}`))
      .get()?.n ?? 0) > 0
  )
}

/** Seeds the demo on an empty database; reports the logins when the demo is there. */
export async function ensureDemoData(): Promise<{ created: boolean; logins: string[] } | null> {
  if (isEmpty()) {
    await seedDemo()
    return { created: true, logins: demoLogins() }
  }
  return hasDemo() ? { created: false, logins: demoLogins() } : null
}

async function demoUser(u: DemoUser, extra: { isPlatformAdmin?: boolean } = {}) {
  return createUser({
    email: u.email,
    name: u.name,
    password: DEMO_PASSWORD,
    locale: 'ro',
    emailVerified: true,
    isPlatformAdmin: extra.isPlatformAdmin ?? false,
    actorUserId: null,
  })
}

export class NotEmptyError extends Error {
  constructor() {
    super(
      'The database already holds data: the demo is only seeded into an empty database (run `npm run db:reset` to start over).',
    )
  }
}

const DEMO_FILES = path.resolve(process.cwd(), 'db/demo')

function demoTerm(t: Partial<TermInput> & Pick<TermInput, 'type'>): TermInput {
  return { start: null, end: null, renewalPeriod: null, noticePeriod: null, condition: null, extension: null, ...t }
}

/**
 * Protocols of the demo: the six of Pângărați's 2023 plan (which state no validity, so they wait
 * for review, as in reality), the sample table of the county directorate, and three partnerships
 * of Pângărați dated from today so that the legal officer's dashboard has something to say.
 */
function seedDemoProtocols(pangarati: Authority, county: Authority, legalOfficerId: string) {
  for (const [authority, file] of [
    [pangarati, 'pangarati-protocols.txt'],
    [county, 'dgaspc-protocols-table.txt'],
  ] as const) {
    const rows = parseProtocols(fs.readFileSync(path.join(DEMO_FILES, file), 'utf8')).rows
    importProtocols(authority, rows, null, { acceptFlagged: true })
  }
  const today = clock.today()
  const party = (name: string, isAuthority = false) => ({
    name,
    isAuthority,
    registrationNumber: null,
    registrationDate: null,
  })
  const common = { listNumber: null, responsibleUserId: legalOfficerId, isPublic: true }
  createProtocol(
    pangarati.id,
    {
      ...common,
      kind: 'partnership_agreement',
      title: 'Acord de parteneriat',
      object: 'Activități de socializare și sprijin la domiciliu pentru vârstnicii singuri',
      signedOn: addDays(addMonths(today, -24), 40),
      parties: [party(pangarati.name, true), party('Asociația Vârstnici Activi Pângărați')],
      term: demoTerm({
        type: 'auto_renewing',
        start: addDays(addMonths(today, -24), 51),
        renewalPeriod: 'P1Y',
        noticePeriod: 'P30D',
        validityText:
          'Se prelungește automat cu câte 1 an dacă niciuna dintre părți nu îl denunță cu 30 de zile înainte',
      }),
    },
    null,
  )
  createProtocol(
    pangarati.id,
    {
      ...common,
      kind: 'protocol',
      title: 'Protocol de colaborare',
      object: 'Centru de zi pentru copii: locuri pentru copiii din comună',
      signedOn: addMonths(today, -34),
      parties: [party(pangarati.name, true), party('Fundația Casa cu Suflet')],
      term: demoTerm({ type: 'fixed', start: addMonths(today, -34), end: addDays(today, 25) }),
    },
    null,
  )
  createProtocol(
    pangarati.id,
    {
      ...common,
      kind: 'memorandum',
      title: 'Memorandum de înțelegere',
      object: 'Informarea familiilor copiilor cu dizabilități despre serviciile sociale',
      signedOn: addMonths(today, -7),
      parties: [party(pangarati.name, true), party('Asociația Părinților Copiilor cu Dizabilități Neamț')],
      term: demoTerm({ type: 'open_ended', start: addMonths(today, -7), validityText: 'pe perioadă nedeterminată' }),
    },
    null,
  )
}

export async function seedDemo() {
  if (!isEmpty()) throw new NotEmptyError()
  await demoUser(PLATFORM_ADMIN, { isPlatformAdmin: true })

  const pangarati = createAuthority(
    {
      slug: 'pangarati',
      name: 'Comuna Pângărați',
      kind: 'local_council',
      county: 'Neamț',
      contactEmail: `primaria.pangarati@${DEMO_DOMAIN}`,
      postalAddress: 'Primăria Comunei Pângărați, sat Pângărați, comuna Pângărați, județul Neamț',
    },
    null,
  )
  const county = createAuthority(
    {
      slug: 'dgaspc-valea-muresului',
      name: 'DGASPC Valea Mureșului (fictivă)',
      kind: 'dgaspc',
      county: 'Valea Mureșului (fictiv)',
      contactEmail: `registratura.dgaspc@${DEMO_DOMAIN}`,
      postalAddress: 'Str. Exemplului nr. 1, municipiul Demo, județul Valea Mureșului (adresă fictivă)',
    },
    null,
  )

  let legalOfficerId = ''
  let editorId = ''
  let coordinatorId = ''
  for (const s of PANGARATI_STAFF) {
    const user = await demoUser(s)
    setStaffRoles(pangarati.id, user.id, s.roles, null)
    if (s.roles.includes('legal')) legalOfficerId = user.id
    if (s.roles.includes('editor')) editorId = user.id
    if (s.roles.includes('coordinator')) coordinatorId = user.id
  }
  let countyEditorId = ''
  for (const s of COUNTY_STAFF) {
    const user = await demoUser(s)
    setStaffRoles(county.id, user.id, s.roles, null)
    if (s.roles.includes('editor')) countyEditorId = user.id
  }

  const [ngoAdmin, volunteer, provider, beneficiaries, citizen] = await Promise.all(
    ORGANISATION_PEOPLE.map((p) => demoUser(p)),
  )
  const ngo = createOrganisation(
    {
      name: 'Asociația Vârstnici Activi Pângărați',
      kind: 'ngo',
      registryNumber: '12/2015 (Registrul asociațiilor și fundațiilor)',
      website: null,
      contactEmail: `contact.varstnici@${DEMO_DOMAIN}`,
      description: 'Activități de socializare și sprijin la domiciliu pentru persoanele vârstnice din comună.',
    },
    ngoAdmin!.id,
  )
  requestMembership(ngo.id, volunteer!.id, 'Sunt voluntară la centrul de zi.')
  decideMembership(ngo.id, volunteer!.id, 'approve', ngoAdmin!.id)
  requestMembership(ngo.id, citizen!.id, 'Aș dori să ajut la activitățile asociației.')

  createOrganisation(
    {
      name: 'Fundația Casa cu Suflet',
      kind: 'private_provider',
      registryNumber: 'CUI 30123456',
      website: null,
      contactEmail: `office.casacusuflet@${DEMO_DOMAIN}`,
      description:
        'Furnizor privat acreditat de servicii sociale: centru de zi pentru copii și îngrijire la domiciliu.',
    },
    provider!.id,
  )
  const parents = createOrganisation(
    {
      name: 'Asociația Părinților Copiilor cu Dizabilități Neamț',
      kind: 'beneficiaries_organisation',
      registryNumber: '45/2011 (Registrul asociațiilor și fundațiilor)',
      website: null,
      contactEmail: `parinti.neamt@${DEMO_DOMAIN}`,
      description: 'Reprezintă familiile copiilor cu dizabilități din județul Neamț.',
    },
    beneficiaries!.id,
  )

  seedDemoProtocols(pangarati, county, legalOfficerId)
  seedDemoConsultations(pangarati, county, {
    editorId,
    ngoAdminId: ngoAdmin!.id,
    volunteerId: volunteer!.id,
    beneficiariesId: beneficiaries!.id,
    citizenId: citizen!.id,
    ngoId: ngo.id,
    beneficiariesOrgId: parents.id,
    countyEditorId,
  })
  await seedDemoMeetings(pangarati, county, coordinatorId)
}
