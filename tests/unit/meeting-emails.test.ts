/**
 * The emails of the tripartite meetings, rendered as the app sends them (renderEmail: React
 * Email + the app's translations) in both languages with their samples: no translation key
 * leaks, the key facts are in the subject and the text, the one-click answers are there, and
 * none of them carries an unsubscribe link (all are essential).
 */
import { describe, expect, it } from 'vitest'
import { templates, type TemplateData, type TemplateName } from '#emails/index.ts'
import type { AppLocale } from '~/i18n'
import { en } from '~/locales/en'
import { ro } from '~/locales/ro'
import { renderEmail } from '~/services/email.server'

const LOCALES: AppLocale[] = ['ro', 'en']
const texts = { ro, en }

const MEETING_TEMPLATES = [
  'meeting-invitation',
  'meeting-cancelled',
  'meeting-reminder',
  'semester-nudge',
  'action-overdue',
] as const satisfies readonly TemplateName[]

async function render<N extends TemplateName>(name: N, locale: AppLocale, data?: Partial<TemplateData<N>>) {
  const full = { ...templates[name].sample, ...data } as TemplateData<N>
  return renderEmail(name, full, locale)
}

/** Every part a reader sees. */
function expectClean(email: { subject: string; text: string; html: string }) {
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toMatch(/emails\./)
    expect(part).not.toMatch(/meetingCommon|meetingInvitation|meetingCancelled|meetingReminder/)
    expect(part).not.toMatch(/semesterNudge|actionOverdue/)
    expect(part).not.toContain('{{')
    expect(part).not.toContain('undefined')
    expect(part).not.toContain('null')
    expect(part).not.toContain('[object Object]')
  }
}

/** The text part of html-to-text, with line breaks and spaces squeezed (for phrases). */
const flat = (text: string) => text.replace(/\s+/g, ' ')
const amp = (url: string) => url.replaceAll('&', '&amp;')

describe('the meeting emails: every template in both languages', () => {
  for (const name of MEETING_TEMPLATES) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}) renders its sample without raw keys, essential (no unsubscribe link)`, async () => {
        const email = await render(name, locale)
        expect(email.template).toBe(name)
        expect(email.subject.length).toBeGreaterThan(10)
        expectClean(email)
        expect(email.html).toContain(`lang="${locale}"`)
        expect(email.html).toMatch(/<h1[\s>]/)
        const sample = templates[name].sample
        expect(email.text).toContain(texts[locale].emails.greeting.replace('{{name}}', sample.recipientName))
        expect(templates[name].essential).toBe(true)
        expect(email.text).not.toContain(texts[locale].emails.footer.unsubscribe)
        expect(email.text).not.toContain('/unsubscribe')
      })
    }
  }
})

describe('meeting-invitation', () => {
  const sample = templates['meeting-invitation'].sample

  it('says what a tripartite meeting is, when and where, the agenda and the service types (ro)', async () => {
    const email = await render('meeting-invitation', 'ro')
    expect(email.subject).toBe(
      'Invitație: „Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice”, 18.03.2027, ora 10:00',
    )
    const text = flat(email.text)
    expect(text).toContain('Comuna Pângărați invită organizația Asociația Vârstnici Activi Pângărați')
    expect(text).toContain('Data și ora: 18.03.2027, ora 10:00–12:00')
    expect(text).toContain('Locul: Sala de ședințe a Primăriei Pângărați')
    expect(email.html).toContain(`href="${sample.onlineUrl}"`)
    expect(text).toContain('furnizorii de servicii sociale, organizațiile de voluntariat și asociațiile beneficiarilor')
    expect(text).toContain('în fiecare semestru, pentru fiecare tip de serviciu social')
    expect(text).toContain(`Sunt invitați: ${sample.groups}.`)
    expect(text).toContain('8810 ID-I – Unitate de îngrijire la domiciliu pentru persoane vârstnice')
    expect(email.html).toContain('>Ordinea de zi</h2>')
    // One line per line of the agenda, in the text part too.
    expect(email.text).toMatch(/lista de așteptare din satele Oanțu și Poiana\.\n2\. Propunerile/)
    expect(email.html).not.toContain('2027-03-18')
  })

  for (const locale of LOCALES) {
    it(`offers the three one-click answers without log-in, says the .ics is attached, and why the address is kept (${locale})`, async () => {
      const email = await render('meeting-invitation', locale)
      const common = texts[locale].emails.meetingCommon
      for (const answer of ['accepted', 'tentative', 'declined'] as const) {
        expect(email.html).toContain(`href="${amp(sample.rsvpUrls[answer])}"`)
        expect(email.text).toContain(`${common.answer[answer]} ${sample.rsvpUrls[answer]}`)
        // The link stands alone in the text part (nothing glued to it).
        expect(email.text).toMatch(new RegExp(`${sample.rsvpUrls[answer].replace(/[?.]/g, '\\$&')}(\\s|$)`))
      }
      expect(flat(email.text)).toContain(common.oneClick)
      expect(flat(email.text)).toContain(texts[locale].emails.meetingInvitation.new.calendar)
      expect(email.html).toContain(`href="${sample.meetingUrl}"`)
      const text = flat(email.text)
      expect(text).toContain('292/2011')
      expect(text).toContain('52/2003')
      expect(text).toContain(sample.authorityEmail)
    })
  }

  it('the English text says the same', async () => {
    const text = flat((await render('meeting-invitation', 'en')).text)
    expect(text).toContain('Comuna Pângărați invites Asociația Vârstnici Activi Pângărați to a tripartite meeting')
    expect(text).toContain('Date and time: 18.03.2027, 10:00–12:00')
    expect(text).toContain('one such meeting every semester for each type of social service')
    expect(text).toContain('write to asistenta.sociala@pangarati.ro and your address will be deleted')
  })

  it('a change says so in the subject and the text; without groups, the three groups are named', async () => {
    const email = await render('meeting-invitation', 'ro', {
      kind: 'changed',
      groups: '',
      place: null,
      agenda: '',
      serviceTypes: [],
    })
    expectClean(email)
    expect(email.subject).toMatch(/^Întâlnire modificată: /)
    const text = flat(email.text)
    expect(text).toContain('a modificat întâlnirea tripartită')
    expect(text).toContain(ro.emails.meetingInvitation.changed.calendar)
    expect(text).toContain(
      'Sunt invitați: furnizorii de servicii sociale, organizațiile de voluntariat și asociațiile beneficiarilor.',
    )
    expect(text).not.toContain('Locul:')
    expect(email.html).not.toContain('Ordinea de zi')
  })
})

describe('meeting-cancelled', () => {
  it('names the meeting, its date and time, the reason and where to ask (ro, en)', async () => {
    const ro1 = await render('meeting-cancelled', 'ro')
    expect(ro1.subject).toMatch(/^Întâlnire anulată: .*18\.03\.2027, ora 10:00$/)
    expect(flat(ro1.text)).toContain('Comuna Pângărați a anulat întâlnirea tripartită')
    expect(flat(ro1.text)).toContain('Sala de ședințe este ocupată')
    expect(ro1.text).toContain('asistenta.sociala@pangarati.ro')
    const en1 = await render('meeting-cancelled', 'en')
    expect(en1.subject).toMatch(/^Meeting cancelled: .*18\.03\.2027, 10:00$/)
    expect(flat(en1.text)).toContain('has cancelled the tripartite meeting')
  })

  it('without a reason, no empty block', async () => {
    const email = await render('meeting-cancelled', 'ro', { reason: null })
    expectClean(email)
    expect(email.text).not.toContain(ro.emails.meetingCancelled.reason)
  })
})

describe('meeting-reminder', () => {
  const sample = templates['meeting-reminder'].sample

  it('without an answer: all three one-click answers', async () => {
    const email = await render('meeting-reminder', 'ro')
    expect(email.subject).toMatch(/^Memento: .*18\.03\.2027, ora 10:00$/)
    expect(flat(email.text)).toContain(ro.emails.meetingReminder.status.pending)
    expect(flat(email.text)).toContain('Data și ora: 18.03.2027, ora 10:00')
    for (const url of Object.values(sample.rsvpUrls)) expect(email.html).toContain(`href="${amp(url)}"`)
  })

  it('after accepting: the way to decline or say maybe, not to accept again', async () => {
    const email = await render('meeting-reminder', 'en', { rsvp: 'accepted' })
    expectClean(email)
    expect(flat(email.text)).toContain(en.emails.meetingReminder.status.accepted)
    expect(email.html).toContain(`href="${amp(sample.rsvpUrls.declined)}"`)
    expect(email.html).toContain(`href="${amp(sample.rsvpUrls.tentative)}"`)
    expect(email.html).not.toContain(`href="${amp(sample.rsvpUrls.accepted)}"`)
  })

  it('after a maybe: accept or decline', async () => {
    const email = await render('meeting-reminder', 'ro', { rsvp: 'tentative' })
    expect(email.html).toContain(`href="${amp(sample.rsvpUrls.accepted)}"`)
    expect(email.html).toContain(`href="${amp(sample.rsvpUrls.declined)}"`)
    expect(email.html).not.toContain(`href="${amp(sample.rsvpUrls.tentative)}"`)
  })
})

describe('semester-nudge', () => {
  it('lists the service types without a meeting, the semester and its last day, with Romanian plurals', async () => {
    const email = await render('semester-nudge', 'ro')
    expect(email.subject).toBe('S1 2027: 2 tipuri de servicii sociale fără întâlnire tripartită')
    const text = flat(email.text)
    expect(text).toContain('Semestrul S1 2027 se încheie pe 30.06.2027')
    expect(text).toContain('8790 CR-VD-I – Centru de primire în regim de urgență pentru victimele violenței domestice')
    expect(text).toContain('8891 CZ-C-II – Centru de zi pentru copii')
    expect(email.html).toContain('href="http://localhost:3000/a/pangarati/staff/meetings"')
    const one = await render('semester-nudge', 'ro', { missing: [{ code: '8810 ID-I', name: '' }] })
    expect(one.subject).toBe('S1 2027: 1 tip de serviciu social fără întâlnire tripartită')
    expect(flat(one.text)).toContain('• 8810 ID-I ')
    const many = Array.from({ length: 21 }, (_, i) => ({ code: `8899 CPDH-${i}`, name: 'Serviciu' }))
    expect((await render('semester-nudge', 'ro', { missing: many })).subject).toBe(
      'S1 2027: 21 de tipuri de servicii sociale fără întâlnire tripartită',
    )
    expect((await render('semester-nudge', 'en')).subject).toBe(
      'S1 2027: 2 types of social services without a tripartite meeting',
    )
  })
})

describe('action-overdue', () => {
  const sample = templates['action-overdue'].sample

  it('lists each action with its owner, deadline, meeting and link', async () => {
    const email = await render('action-overdue', 'ro')
    expect(email.subject).toBe('2 acțiuni restante după întâlnirile tripartite: Comuna Pângărați')
    const text = flat(email.text)
    expect(text).toContain(sample.actions[0]!.description)
    expect(text).toContain('Responsabil: Compartimentul de asistență socială')
    expect(text).toContain('termen: 15.04.2027')
    expect(text).toContain('termen: 30.04.2027')
    expect(text).toContain('întâlnirea: Întâlnirea tripartită S1 2027: îngrijirea la domiciliu')
    expect(email.html).toContain(`href="${sample.actions[0]!.url}"`)
    const en1 = await render('action-overdue', 'en', { actions: sample.actions.slice(0, 1) })
    expect(en1.subject).toBe('1 overdue action after the tripartite meetings: Comuna Pângărați')
    expect(flat(en1.text)).toContain('due: 15.04.2027')
  })

  it('an action without a date shows no deadline', async () => {
    const email = await render('action-overdue', 'ro', {
      actions: [{ ...sample.actions[0]!, dueOn: '' }],
    })
    expectClean(email)
    expect(email.text).not.toContain('termen:')
  })
})
