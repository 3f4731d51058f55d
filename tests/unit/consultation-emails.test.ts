/**
 * The emails of the public consultation, rendered as the app sends them (renderEmail: React
 * Email + the app's translations) in both languages: the key facts are in the subject and the
 * text, no translation key leaks, and only the non-essential ones carry the unsubscribe footer.
 */
import { describe, expect, it } from 'vitest'
import type { ConsultationDigestItem } from '#emails/consultation-digest.tsx'
import { templates, type TemplateData, type TemplateName } from '#emails/index.ts'
import type { AppLocale } from '~/i18n'
import { en } from '~/locales/en'
import { ro } from '~/locales/ro'
import { renderEmail } from '~/services/email.server'

const LOCALES: AppLocale[] = ['ro', 'en']
const texts = { ro, en }

const CONSULTATION_TEMPLATES = [
  'recommendation-receipt',
  'recommendation-answered',
  'consultation-opened',
  'consultation-closing',
  'debate-requested',
  'debate-scheduled',
  'consultation-digest',
] as const satisfies readonly TemplateName[]

const ESSENTIAL = new Set<TemplateName>(['recommendation-receipt', 'debate-requested'])

const PLAN = 'Planul anual de acțiune privind serviciile sociale pentru anul 2027'

async function render<N extends TemplateName>(name: N, locale: AppLocale, data?: Partial<TemplateData<N>>) {
  const full = { ...templates[name].sample, ...data } as TemplateData<N>
  return renderEmail(name, full, locale)
}

/** Every part a reader sees, for the checks that apply to all of them. */
function expectClean(email: { subject: string; text: string; html: string }) {
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toMatch(/emails\./)
    expect(part).not.toMatch(/consultationCommon|recommendationReceipt|consultationDigest/)
    expect(part).not.toContain('{{')
    expect(part).not.toContain('undefined')
    expect(part).not.toContain('null')
  }
}

describe('the consultation emails: every template in both languages', () => {
  for (const name of CONSULTATION_TEMPLATES) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}) renders its sample without raw keys`, async () => {
        const email = await render(name, locale)
        expect(email.template).toBe(name)
        expect(email.subject.length).toBeGreaterThan(10)
        expectClean(email)
        expect(email.html).toContain(`lang="${locale}"`)
        expect(email.html).toMatch(/<h1[\s>]/)
        const sample = templates[name].sample
        expect(email.text).toContain(texts[locale].emails.greeting.replace('{{name}}', sample.recipientName))
      })

      it(`${name} (${locale}) is ${ESSENTIAL.has(name) ? 'essential: no unsubscribe link' : 'non-essential: unsubscribe and preferences links'}`, async () => {
        expect(templates[name].essential).toBe(ESSENTIAL.has(name))
        const email = await render(name, locale)
        const unsubscribe = texts[locale].emails.footer.unsubscribe
        const preferences = texts[locale].emails.consultationCommon.preferences
        if (ESSENTIAL.has(name)) {
          expect(email.text).not.toContain(unsubscribe)
          expect(email.text).not.toContain('/unsubscribe')
          expect(email.text).not.toContain(preferences)
        } else {
          const sample = templates[name].sample as { unsubscribeUrl: string; preferencesUrl: string }
          expect(email.text).toContain(unsubscribe)
          expect(email.text).toContain(sample.unsubscribeUrl)
          expect(email.html).toContain(`href="${sample.unsubscribeUrl.replaceAll('&', '&amp;')}"`)
          expect(email.text).toContain(preferences)
          expect(email.text).toContain(sample.preferencesUrl)
        }
      })
    }
  }

  it('the Romanian and English texts differ (the language is applied)', async () => {
    for (const name of CONSULTATION_TEMPLATES) {
      const [roEmail, enEmail] = await Promise.all([render(name, 'ro'), render(name, 'en')])
      expect(roEmail.subject).not.toBe(enEmail.subject)
    }
  })
})

describe('recommendation-receipt', () => {
  it('says the number, the date, the section, the organisation and until when it can be changed', async () => {
    const email = await render('recommendation-receipt', 'ro')
    expect(email.subject).toContain('P2026-1/0007')
    expect(email.subject).toContain(PLAN)
    expect(email.text).toContain('înregistrată pe 27.10.2026 cu numărul P2026-1/0007')
    expect(email.text).toContain('Comuna Pângărați')
    expect(email.text).toContain('Secțiunea: I.B Servicii sociale nou-înființate')
    expect(email.text).toContain('în numele organizației Asociația Vârstnici Activi Pângărați')
    expect(email.text).toContain('îngrijire la domiciliu')
    expect(email.text).toContain('răspunde în scris')
    expect(email.text).toContain('până pe 03.11.2026 inclusiv')
    expect(email.text).toContain('http://localhost:3000/a/pangarati/plans/example/recommendations/example')
    expect(email.text).not.toContain('2026-10-27')
  })

  it('in English too', async () => {
    const email = await render('recommendation-receipt', 'en')
    expect(email.subject).toContain('P2026-1/0007')
    expect(email.text).toContain('registered on 27.10.2026 as number P2026-1/0007')
    expect(email.text).toContain('until 03.11.2026 inclusive')
    expect(email.text).toContain('on behalf of Asociația Vârstnici Activi Pângărați')
  })

  it('for the whole document and a person signing for themselves', async () => {
    const email = await render('recommendation-receipt', 'ro', { sectionLabel: null, onBehalfOf: null })
    expect(email.text).toContain('Secțiunea: Întregul document')
    expect(email.text).not.toContain('în numele organizației')
    expectClean(email)
    const english = await render('recommendation-receipt', 'en', { sectionLabel: null })
    expect(english.text).toContain('Section: The whole document')
  })

  it('an edit keeps the number; a withdrawal says it remains registered as withdrawn', async () => {
    const edited = await render('recommendation-receipt', 'ro', { kind: 'edited' })
    expect(edited.subject).toContain('modificată')
    expect(edited.subject).toContain('P2026-1/0007')
    expect(edited.text).toContain('până pe 03.11.2026 inclusiv')
    expectClean(edited)

    const withdrawn = await render('recommendation-receipt', 'ro', { kind: 'withdrawn' })
    expect(withdrawn.subject).toContain('retrasă')
    expect(withdrawn.text).toContain('rămâne înregistrată')
    expect(withdrawn.text).toContain('„retrasă”')
    expect(withdrawn.text).not.toContain('modifica sau retrage')
    expectClean(withdrawn)

    const withdrawnEn = await render('recommendation-receipt', 'en', { kind: 'withdrawn' })
    expect(withdrawnEn.subject).toContain('withdrawn')
    expect(withdrawnEn.text).toContain('marked “withdrawn”')
  })
})

describe('recommendation-answered', () => {
  const labels = {
    ro: {
      accepted: 'Acceptată',
      partially_accepted: 'Acceptată parțial',
      rejected: 'Respinsă',
      not_applicable: 'Nu este cazul',
    },
    en: {
      accepted: 'Accepted',
      partially_accepted: 'Partially accepted',
      rejected: 'Rejected',
      not_applicable: 'Not applicable',
    },
  } as const

  for (const locale of LOCALES) {
    for (const answer of ['accepted', 'partially_accepted', 'rejected', 'not_applicable'] as const) {
      it(`${locale}: ${answer} shows its label in the subject and the text`, async () => {
        const email = await render('recommendation-answered', locale, { answer })
        expect(email.subject).toContain(labels[locale][answer])
        expect(email.subject).toContain('P2026-1/0007')
        expect(email.subject).toContain(PLAN)
        expect(email.text).toContain(labels[locale][answer])
        expectClean(email)
      })
    }
  }

  it('carries the justification, the recommendation and the report', async () => {
    const email = await render('recommendation-answered', 'ro')
    expect(email.text).toContain('Răspunsul autorității: Acceptată parțial')
    expect(email.text).toContain('Comuna Pângărați a răspuns în scris')
    expect(email.text).toContain('reanalizată la planul pentru anul 2028')
    expect(email.text).toContain('Secțiunea: I.B Servicii sociale nou-înființate')
    expect(email.text).toContain('http://localhost:3000/a/pangarati/plans/example/report')
  })

  it('without a justification says so', async () => {
    const email = await render('recommendation-answered', 'ro', { answer: 'accepted', justification: null })
    expect(email.text).toContain('Autoritatea nu a adăugat o motivare.')
    expectClean(email)
  })

  it('sent as a followed notification, carries the unsubscribe footer it is given', async () => {
    const url = 'http://localhost:3000/unsubscribe?kind=recommendation_answered&token=t'
    const email = await render('recommendation-answered', 'ro', {
      unsubscribeUrl: url,
      preferencesUrl: 'http://localhost:3000/account/notifications',
    })
    expect(email.text).toContain(ro.emails.footer.unsubscribe)
    expect(email.text).toContain(url)
    expect(email.text).toContain(ro.emails.consultationCommon.preferences)
  })
})

describe('consultation-opened', () => {
  it('says the authority, the kind, the window and the earliest adoption date', async () => {
    const email = await render('consultation-opened', 'ro')
    expect(email.subject).toContain(PLAN)
    expect(email.subject).toContain('Comuna Pângărați')
    expect(email.text).toContain('(Plan anual de acțiune)')
    expect(email.text).toContain('de pe 20.10.2026 până pe 03.11.2026 inclusiv')
    expect(email.text).toContain('19.11.2026')
    expect(email.text).toContain('centru de zi pentru copii')
    expect(email.text).toContain('urmăriți consultările publice ale autorității Comuna Pângărați')
    const english = await render('consultation-opened', 'en')
    expect(english.text).toContain('(Annual action plan)')
    expect(english.text).toContain('from 20.10.2026 until 03.11.2026 inclusive')
    expect(english.text).toContain('before 19.11.2026')
  })

  it('names every kind of document', async () => {
    const kinds = {
      annual_action_plan: 'Plan anual de acțiune',
      strategy: 'Strategie',
      draft_decision: 'Proiect de hotărâre',
      other: 'Alt document',
    } as const
    for (const [planKind, label] of Object.entries(kinds)) {
      const email = await render('consultation-opened', 'ro', { planKind: planKind as keyof typeof kinds })
      expect(email.text).toContain(`(${label})`)
    }
  })

  it('explains why the person receives it, for each reason', async () => {
    const byKind = await render('consultation-opened', 'ro', { reason: 'plan_kind', planKind: 'strategy' })
    expect(byKind.text).toContain('documente de tipul „Strategie”')
    const byPlan = await render('consultation-opened', 'en', { reason: 'plan' })
    expect(byPlan.text).toContain(`because you follow “${PLAN}”`)
    const byAuthority = await render('consultation-opened', 'en', { reason: 'authority' })
    expect(byAuthority.text).toContain('you follow the public consultations of Comuna Pângărați')
  })
})

describe('consultation-closing', () => {
  it('counts the days left with the Romanian plural forms', async () => {
    const cases: Array<[number, string]> = [
      [3, 'se închide în 3 zile'],
      [2, 'se închide în 2 zile'],
      [20, 'se închide în 20 de zile'],
    ]
    for (const [daysLeft, expected] of cases) {
      const email = await render('consultation-closing', 'ro', { daysLeft })
      expect(email.subject).toContain(expected)
      expect(email.subject).toContain(PLAN)
      expectClean(email)
    }
    const english = await render('consultation-closing', 'en', { daysLeft: 3 })
    expect(english.subject).toContain('closes in 3 days')
  })

  it('says the closing date and how many recommendations were registered', async () => {
    const email = await render('consultation-closing', 'ro')
    expect(email.text).toContain('se încheie pe 03.11.2026')
    expect(email.text).toContain('Mai sunt 3 zile, inclusiv astăzi.')
    expect(email.text).toContain('au fost înregistrate 12 recomandări')
    const one = await render('consultation-closing', 'ro', { recommendationCount: 1 })
    expect(one.text).toContain('a fost înregistrată 1 recomandare')
    const many = await render('consultation-closing', 'ro', { recommendationCount: 25 })
    expect(many.text).toContain('25 de recomandări')
    const none = await render('consultation-closing', 'en', { recommendationCount: 0 })
    expect(none.text).toContain('No recommendation has been registered so far.')
  })

  it('on the last day says so, and once closed does not invite recommendations', async () => {
    const last = await render('consultation-closing', 'ro', { daysLeft: 1 })
    expect(last.subject).toContain('Astăzi este ultima zi')
    expect(last.text).toContain('Astăzi este ultima zi.')
    expectClean(last)
    const closed = await render('consultation-closing', 'en', { daysLeft: 0 })
    expect(closed.subject).toContain('closed on 03.11.2026')
    expect(closed.text).not.toContain('Send a recommendation')
    expectClean(closed)
  })
})

describe('debate-requested', () => {
  it('tells the editors who asked, when, under what number, and that the debate is mandatory', async () => {
    const email = await render('debate-requested', 'ro')
    expect(email.subject).toContain(PLAN)
    expect(email.subject).toContain('P2026-1/0012')
    expect(email.text).toContain('Asociația Vârstnici Activi Pângărați a cerut în scris, pe 28.10.2026')
    expect(email.text).toContain('Elena Rusu')
    expect(email.text).toContain('prioritățile planului pentru persoanele vârstnice')
    expect(email.text).toContain('Legii nr. 52/2003')
    expect(email.text).toContain('obligatorie')
    expect(email.text).toContain('http://localhost:3000/a/pangarati/staff/plans/example/debates')
    const english = await render('debate-requested', 'en')
    expect(english.text).toContain('Law 52/2003')
    expect(english.text).toContain('mandatory')
    expect(english.text).toContain('on 28.10.2026')
  })
})

describe('debate-scheduled', () => {
  it('gives the date, time, place and online link', async () => {
    const email = await render('debate-scheduled', 'ro')
    expect(email.subject).toContain('05.11.2026')
    expect(email.subject).toContain('17:00')
    expect(email.subject).toContain(PLAN)
    expect(email.text).toContain('Data și ora: 05.11.2026, ora 17:00')
    expect(email.text).toContain('Locul: Sala de ședințe a Primăriei Pângărați')
    expect(email.text).toContain('https://meet.example.org/pangarati-plan-2027')
    expect(email.text).toContain('confirmați participarea')
    const english = await render('debate-scheduled', 'en')
    expect(english.text).toContain('Date and time: 05.11.2026, at 17:00')
  })

  it('to the organisation that asked for it: no unsubscribe footer, no preferences link', async () => {
    for (const locale of LOCALES) {
      const email = await render('debate-scheduled', locale, {
        unsubscribeUrl: null,
        preferencesUrl: null,
        place: null,
        notes: null,
      })
      expect(email.text).not.toContain(texts[locale].emails.footer.unsubscribe)
      expect(email.text).not.toContain('/unsubscribe')
      expect(email.text).not.toContain(texts[locale].emails.consultationCommon.preferences)
      expect(email.text).toContain(texts[locale].emails.debateScheduled.requested)
      expect(email.text).not.toContain(texts[locale].emails.debateScheduled.notes)
      expectClean(email)
    }
  })

  it('online only', async () => {
    const email = await render('debate-scheduled', 'ro', { place: null })
    expect(email.text).not.toContain('Locul:')
    expect(email.text).toContain('https://meet.example.org/pangarati-plan-2027')
    expectClean(email)
  })
})

describe('consultation-digest', () => {
  it('lists each item with its link, authority and date', async () => {
    for (const locale of LOCALES) {
      const email = await render('consultation-digest', locale)
      const items = templates['consultation-digest'].sample.items
      for (const item of items) {
        expect(email.text).toContain(item.planTitle)
        expect(email.text).toContain(item.url)
        expect(email.text).toContain(`(${item.authorityName})`)
        expect(email.text).toContain(item.date.split('-').reverse().join('.'))
      }
      expect(email.text.match(/•/g)).toHaveLength(items.length)
      expectClean(email)
    }
    const roEmail = await render('consultation-digest', 'ro')
    expect(roEmail.subject).toBe('Rezumatul săptămânal al consultărilor: 4 noutăți')
    expect(roEmail.text).toContain('răspuns la recomandarea dumneavoastră nr. P2026-1/0003, pe 22.10.2026')
    expect(roEmail.text).toContain('dezbatere publică pe 05.11.2026, ora 17:00')
    expect(roEmail.text).toContain('consultarea se închide pe 30.10.2026')
    const enEmail = await render('consultation-digest', 'en')
    expect(enEmail.subject).toBe('Weekly digest of consultations: 4 updates')
    expect(enEmail.text).toContain('public debate on 05.11.2026 at 17:00')
  })

  it('a daily digest of one item, with and without a detail', async () => {
    const item: ConsultationDigestItem = {
      kind: 'answered',
      planTitle: PLAN,
      authorityName: 'Comuna Pângărați',
      date: '2026-10-22',
      detail: null,
      url: 'http://localhost:3000/a/pangarati/plans/example/recommendations/example',
    }
    const email = await render('consultation-digest', 'ro', { period: 'daily', items: [item] })
    expect(email.subject).toBe('Rezumatul zilnic al consultărilor: 1 noutate')
    expect(email.text).toContain('răspuns la recomandarea dumneavoastră, pe 22.10.2026')
    expectClean(email)
    const many = Array.from({ length: 21 }, (_, i) => ({ ...item, url: `${item.url}-${i}` }))
    const twentyOne = await render('consultation-digest', 'ro', { period: 'daily', items: many })
    expect(twentyOne.subject).toBe('Rezumatul zilnic al consultărilor: 21 de noutăți')
    const english = await render('consultation-digest', 'en', { period: 'daily', items: [item] })
    expect(english.subject).toBe('Daily digest of consultations: 1 update')
  })
})
