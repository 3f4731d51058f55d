/**
 * Demo tripartite meetings: Pângărați's two social services (from its 2023 plan), its partners in
 * the three groups, a meeting held last semester with all three groups (it counts), and one
 * scheduled for this semester for one of the two types, its invitations sent (the other type is
 * still missing: the board shows it). The county directorate gets the sample services table.
 */
import fs from 'node:fs'
import path from 'node:path'
import { addDays } from '~/domain/calendar'
import { parseServicesTable } from '~/domain/services-parser'
import { previousSemesters, semesterBounds, semesterOf } from '~/domain/semesters'
import type { Authority } from '~/models/authority.server'
import { addAttendance, createMeeting, invite, markHeld } from '~/models/meetings.server'
import { createPartner, createService, importServices, listServices } from '~/models/services.server'
import { clock } from '~/services/clock.server'

const DEMO_FILES = path.resolve(process.cwd(), 'db/demo')
const DOMAIN = 'demo.planuri.ro'

export async function seedDemoMeetings(pangarati: Authority, county: Authority, coordinatorId: string) {
  const home = createService(
    pangarati.id,
    {
      status: 'existing',
      number: '1',
      code: '8810 ID - IV',
      name: 'Servicii la domiciliu destinate persoanelor adulte cu dizabilități prin asistent personal',
      capacity: 45,
      occupancyPercent: 47,
      budget: { local: 140000, county: 0, state: 110000, beneficiaries: 0, other: 0 },
    },
    coordinatorId,
  )
  const community = createService(
    pangarati.id,
    {
      status: 'existing',
      number: '2',
      code: '8899 CZ – PN – V',
      name: 'Servicii de asistență comunitară',
      capacity: 3,
      occupancyPercent: 100,
      budget: { local: 160000, county: 0, state: 85000, beneficiaries: 0, other: 0 },
    },
    coordinatorId,
  )
  const services = [home, community]
  const partners = [
    {
      name: 'Fundația Casa cu Suflet',
      group: 'provider' as const,
      contact: ['Dan Popa', `furnizor@${DOMAIN}`, 'director'],
    },
    {
      name: 'Asociația Vârstnici Activi Pângărați',
      group: 'volunteer_organisation' as const,
      contact: ['Sorin Matei', `ong@${DOMAIN}`, 'președinte'],
    },
    {
      name: 'Asociația Părinților Copiilor cu Dizabilități Neamț',
      group: 'beneficiary_association' as const,
      contact: ['Gabriela Toma', `beneficiari@${DOMAIN}`, 'președintă'],
    },
  ]
  for (const p of partners) {
    createPartner(
      pangarati.id,
      {
        name: p.name,
        group: p.group,
        organisationId: null,
        contacts: [{ name: p.contact[0]!, email: p.contact[1]!, phone: null, role: p.contact[2]! }],
        serviceIds: services,
      },
      coordinatorId,
    )
  }
  const types = [
    ...new Set(
      listServices(pangarati.id)
        .map((s) => s.codeNormalized)
        .filter((c): c is string => !!c),
    ),
  ]
  const today = clock.today()
  const [current, previous] = previousSemesters(semesterOf(today), 2)
  // Last semester: held, all three groups present.
  const lastDate = addDays(semesterBounds(previous!).end, -20)
  const held = createMeeting(
    pangarati.id,
    {
      title: 'Întâlnire tripartită: servicii la domiciliu și asistență comunitară',
      date: lastDate,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Sala de ședințe a Primăriei Pângărați',
      onlineUrl: null,
      agenda: 'Nevoile persoanelor îngrijite la domiciliu; voluntariat; propuneri pentru planul anual.',
      serviceTypes: types,
    },
    coordinatorId,
  )
  for (const p of partners) {
    addAttendance(
      held,
      { partnerId: null, organisationName: p.name, group: p.group, persons: `${p.contact[0]}, ${p.contact[2]}` },
      coordinatorId,
    )
  }
  markHeld(held, coordinatorId)
  // This semester: one type scheduled with invitations, the other still missing.
  const nextDate = addDays(today, 14) <= semesterBounds(current!).end ? addDays(today, 14) : today
  const scheduled = createMeeting(
    pangarati.id,
    {
      title: 'Întâlnire tripartită: servicii la domiciliu prin asistent personal',
      date: nextDate,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Sala de ședințe a Primăriei Pângărați',
      onlineUrl: null,
      agenda: 'Bilanțul semestrului; lista de așteptare pentru asistenți personali.',
      serviceTypes: types.filter((t) => t.startsWith('8810')),
    },
    coordinatorId,
  )
  await invite(
    scheduled,
    partners.map((p) => ({
      partnerId: null,
      organisationName: p.name,
      group: p.group,
      name: p.contact[0]!,
      email: p.contact[1]!,
    })),
    coordinatorId,
  )

  const table = parseServicesTable(fs.readFileSync(path.join(DEMO_FILES, 'demo-services-table.txt'), 'utf8'))
  importServices(county.id, table.services, 'existing', null)
}
