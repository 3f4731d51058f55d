/**
 * The partners' contact persons of a protocol: what the form accepts, and the reminder they
 * receive (in Romanian, the partnership's deadlines only, no acknowledge link, no staff page,
 * why they receive it and how to ask to be removed).
 */
import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import type { ProtocolReminderData } from '#emails/protocol-reminder.tsx'
import { protocolFormSchema } from '~/domain/protocol-form'
import { isPartnerReminder, PARTNER_REMINDER_KINDS, REMINDER_KINDS } from '~/domain/reminders'
import { renderEmail } from '~/services/email.server'

const base = {
  kind: 'protocol',
  title: 'Protocol de colaborare',
  termType: 'fixed',
  start: '2025-01-01',
  end: '2026-12-31',
  'partners[0].name': 'Asociația Vecini Buni',
}

function submit(fields: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries({ ...base, ...fields })) form.append(k, v)
  return parseWithZod(form, { schema: protocolFormSchema })
}

describe('the protocol form: partner contacts', () => {
  it('keeps an optional contact person for each partner, the email in lower case', () => {
    const res = submit({
      'partners[0].contactName': 'Ioana Marin',
      'partners[0].contactEmail': ' Ioana.Marin@Vecini-Buni.ro ',
      'partners[1].name': 'Fundația Lumina',
      remindPartners: 'on',
    })
    expect(res.status).toBe('success')
    if (res.status !== 'success') return
    expect(res.value.remindPartners).toBe('on')
    expect(res.value.partners[0]).toMatchObject({
      contactName: 'Ioana Marin',
      contactEmail: 'ioana.marin@vecini-buni.ro',
    })
    expect(res.value.partners[1]).toMatchObject({ name: 'Fundația Lumina' })
    expect(res.value.partners[1]!.contactEmail).toBeUndefined()
    // no contact at all is fine when the partners are not to be reminded
    expect(submit({}).status).toBe('success')
  })

  it('refuses an address that is not one, a contact without its partner, and reminders with nobody to send them to', () => {
    expect(submit({ 'partners[0].contactEmail': 'ioana.marin' }).reply().error?.['partners[0].contactEmail']).toEqual([
      'validation.email',
    ])
    expect(submit({ 'partners[1].contactEmail': 'cineva@example.ro' }).reply().error?.['partners[1].name']).toEqual([
      'protocols.validation.contactWithoutPartner',
    ])
    expect(submit({ remindPartners: 'on', 'partners[0].contactName': 'Ioana' }).reply().error?.remindPartners).toEqual([
      'protocols.validation.remindWithoutContact',
    ])
  })
})

describe('which reminders the partners receive', () => {
  it('the deadlines of the partnership: end, notice, renewed; never the reviews', () => {
    expect([...PARTNER_REMINDER_KINDS].sort()).toEqual(['end', 'notice', 'renewed'])
    expect(REMINDER_KINDS.filter((kind) => isPartnerReminder({ kind }))).toEqual(['end', 'notice', 'renewed'])
  })
})

const partnerData = (over: Partial<ProtocolReminderData> = {}): ProtocolReminderData => ({
  kind: 'notice',
  recipientName: 'Ioana Marin',
  authorityName: 'Comuna Pângărați',
  protocolTitle: 'Acord de parteneriat',
  partners: 'Asociația Vecini Buni',
  today: '2026-10-23',
  item: {
    kind: 'notice',
    offsetDays: 30,
    deadline: '2026-11-22',
    dueOn: '2026-10-23',
    renewsOn: '2026-12-23',
    periodEnd: '2026-12-22',
  },
  items: [],
  protocols: [],
  more: 0,
  protocolUrl: 'http://localhost:3000/a/pangarati/protocols',
  ackUrl: null,
  escalated: false,
  partner: { partyName: 'Asociația Vecini Buni', authorityEmail: 'registratura@pangarati.ro' },
  ...over,
})

function expectClean(email: { subject: string; text: string; html: string }) {
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toMatch(/reminders\.|emails\./)
    expect(part).not.toContain('{{')
    expect(part).not.toContain('undefined')
  }
}

describe('the reminder a partner’s contact person receives', () => {
  it('says the deadline, why they receive it, under which laws, and how to be removed; no staff link, no acknowledgement', async () => {
    const email = await renderEmail('protocol-reminder', partnerData(), 'ro')
    expectClean(email)
    expect(email.subject).toBe(
      '„Acord de parteneriat (Asociația Vecini Buni)” se prelungește automat pe 23.12.2026 dacă nu este denunțat până pe 22.11.2026',
    )
    expect(email.text).toContain('Ioana Marin')
    expect(email.text).toContain('în numele Comuna Pângărați')
    expect(email.text).toContain('22.11.2026')
    expect(email.text).toContain('persoana de contact a Asociația Vecini Buni')
    expect(email.text).toContain('Legea nr. 292/2011')
    expect(email.text).toContain('Legea nr. 52/2003')
    expect(email.text).toContain('registratura@pangarati.ro')
    expect(email.text).toContain('nu mai doriți aceste mesaje')
    expect(email.html).toContain('http://localhost:3000/a/pangarati/protocols')
    expect(email.html).not.toContain('/staff/')
    expect(email.html).not.toContain('/ack')
    expect(email.text).not.toContain('Am luat la cunoștință')
    expect(email.text).not.toContain('administrator')
  })

  it('an end, a renewal and an overdue message; without the registry link when the protocol is not public', async () => {
    const end = await renderEmail(
      'protocol-reminder',
      partnerData({
        kind: 'end',
        item: {
          kind: 'end',
          offsetDays: 30,
          deadline: '2026-11-22',
          dueOn: '2026-10-23',
          renewsOn: null,
          periodEnd: null,
        },
        protocolUrl: '',
      }),
      'ro',
    )
    expectClean(end)
    expect(end.subject).toContain('expiră pe 22.11.2026')
    expect(end.text).toContain('act adițional de prelungire')
    expect(end.html).not.toContain('Registrul public')

    const renewed = await renderEmail(
      'protocol-reminder',
      partnerData({
        kind: 'renewed',
        item: {
          kind: 'renewed',
          offsetDays: null,
          deadline: '2027-11-22',
          dueOn: '2026-12-23',
          renewsOn: '2026-12-23',
          periodEnd: '2027-12-22',
        },
      }),
      'ro',
    )
    expectClean(renewed)
    expect(renewed.text).toContain('s-a prelungit automat')
    expect(renewed.text).toContain('22.12.2027')

    const items = [
      {
        kind: 'notice' as const,
        offsetDays: 30,
        deadline: '2026-11-22',
        dueOn: '2026-10-23',
        renewsOn: '2026-12-23',
        periodEnd: '2026-12-22',
      },
      {
        kind: 'notice' as const,
        offsetDays: 7,
        deadline: '2026-11-22',
        dueOn: '2026-11-15',
        renewsOn: '2026-12-23',
        periodEnd: '2026-12-22',
      },
    ]
    const overdue = await renderEmail(
      'protocol-reminder',
      partnerData({ kind: 'overdue', item: items[1]!, items, today: '2026-11-16' }),
      'ro',
    )
    expectClean(overdue)
    expect(overdue.text).toContain('nu v-au fost comunicate la data lor')
    expect(overdue.text).toContain('programat pe 23.10.2026')
    expect(overdue.text).toContain('programat pe 15.11.2026')
  })

  it('the staff’s reminder is unchanged: acknowledge link, staff page', async () => {
    const staff = await renderEmail(
      'protocol-reminder',
      partnerData({
        partner: null,
        recipientName: 'Andrei Lungu',
        protocolUrl: 'http://localhost:3000/a/pangarati/staff/protocols/x',
        ackUrl: 'http://localhost:3000/reminders/x/ack?token=y',
      }),
      'ro',
    )
    expect(staff.html).toContain('/ack?token=')
    expect(staff.text).not.toContain('Legea nr. 292/2011')
  })
})
