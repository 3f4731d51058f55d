/**
 * One render for many recipients (`renderEmails`): the followers of a plan get the template
 * rendered once per language with placeholders, each person's name and unsubscribe link put in
 * place afterwards. Every email must be exactly what rendering it alone gives, with the values
 * escaped in the HTML (names with quotes, tags, ampersands, `$&` and i18next syntax), and a
 * template that does more than print a personal value (uppercases it, measures it) must fall
 * back to one render per recipient rather than send a placeholder or a wrong value.
 */
import { createElement } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TemplateData, TemplateName } from '#emails/index.ts'
import type { AppLocale } from '~/i18n'

// Two templates that misuse a personal field, next to the real ones (test only).
vi.mock('#emails/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#emails/index.ts')>()
  type D = { recipientName: string; unsubscribeUrl: string }
  const page = (heading: string, line: string, url: string) =>
    createElement(
      'html',
      { lang: 'ro' },
      createElement('body', null, createElement('h1', null, heading), createElement('p', null, line), [
        createElement('a', { href: url, key: 'u' }, 'Dezabonare'),
      ]),
    )
  return {
    ...original,
    templates: {
      ...original.templates,
      // html-to-text uppercases headings: the placeholder comes out changed in the text.
      'test-shouting': {
        essential: false,
        personal: ['recipientName', 'unsubscribeUrl'],
        render: ({ data }: { data: D }) => page(`Bună, ${data.recipientName}`, 'Salut', data.unsubscribeUrl),
        subject: () => 'Strigăt',
        sample: { recipientName: 'Ana', unsubscribeUrl: 'https://x.test/u' },
      },
      // The length of the name shapes the email: a placeholder's length is not the name's.
      'test-measuring': {
        essential: false,
        personal: ['recipientName', 'unsubscribeUrl'],
        render: ({ data }: { data: D }) =>
          page('Salut', `${data.recipientName} (${data.recipientName.length} litere)`, data.unsubscribeUrl),
        subject: () => 'Măsură',
        sample: { recipientName: 'Ana', unsubscribeUrl: 'https://x.test/u' },
      },
    },
  }
})

const { templates } = await import('#emails/index.ts')
const { escapeHtml, renderEmail, renderEmails, sharedRenderStats } = await import('~/services/email.server')
type EmailRequest = import('~/services/email.server').EmailRequest

const NAMES = [
  'Ana Popescu',
  `Ioana "O'Brien" <b>&amp; Co</b>`,
  '<script>alert(1)</script>',
  'Dollar $& $1 $$ $` Sign',
  '{{name}} $t(app.name) {{- recipientName}}',
  'Ștefan Țăranu-Îonescu',
]
const tokenUrl = (i: number, kind: string) =>
  `https://planuri.test/unsubscribe?kind=${kind}&token=${encodeURIComponent(`tok'${i}"+/=&<`)}`

function requestsFor<N extends TemplateName>(
  template: N,
  locale: AppLocale,
  names: string[],
  kind = 'consultation_opened',
): EmailRequest[] {
  return names.map(
    (recipientName, i) =>
      ({
        template,
        locale,
        data: { ...templates[template].sample, recipientName, unsubscribeUrl: tokenUrl(i, kind) } as TemplateData<N>,
      }) as EmailRequest,
  )
}

async function alone(requests: EmailRequest[]) {
  const out = []
  for (const r of requests) out.push(await renderEmail(r.template, r.data as never, r.locale))
  return out
}

beforeEach(() => {
  sharedRenderStats.renders = 0
  sharedRenderStats.personalised = 0
  sharedRenderStats.fallbacks = 0
})

describe('renderEmails: one render for the followers, each person in place', () => {
  for (const template of ['consultation-opened', 'consultation-closing', 'debate-scheduled'] as const) {
    for (const locale of ['ro', 'en'] as const) {
      it(`${template} (${locale}): every email equals its own render, from two renders`, async () => {
        const requests = requestsFor(template, locale, NAMES)
        const shared = await renderEmails(requests)
        // The shared render and the proof on the first recipient; the other five filled in.
        expect(sharedRenderStats).toEqual({ renders: 2, personalised: NAMES.length - 1, fallbacks: 0 })
        expect(shared).toEqual(await alone(requests))
      })
    }
  }

  it('escapes each name and link in the HTML, keeps them as they are in the text, and mixes no one up', async () => {
    const requests = requestsFor('consultation-opened', 'ro', NAMES)
    const emails = await renderEmails(requests)
    emails.forEach((email, i) => {
      const name = NAMES[i]!
      expect(email.html).toContain(`Bună ziua, ${escapeHtml(name)},`)
      expect(email.text).toContain(`Bună ziua, ${name},`)
      expect(email.html).toContain(`href="${escapeHtml(tokenUrl(i, 'consultation_opened'))}"`)
      expect(email.text).toContain(tokenUrl(i, 'consultation_opened'))
      for (let j = 0; j < NAMES.length; j++) {
        if (j !== i) expect(email.html).not.toContain(escapeHtml(tokenUrl(j, 'consultation_opened')))
      }
      expect(email.html).not.toMatch(/Pz[0-9a-f]{16}Q/i)
      expect(email.text).not.toMatch(/Pz[0-9a-f]{16}Q/i)
    })
    expect(emails[2]!.html).not.toContain('<script>')
    expect(emails[1]!.html).toContain('Ioana &quot;O&#x27;Brien&quot; &lt;b&gt;&amp;amp; Co&lt;/b&gt;')
  })

  it('renders once per language and per reason for following, in the order asked', async () => {
    const ro = requestsFor('consultation-opened', 'ro', ['Ana', 'Bogdan', 'Cristina'])
    const en = requestsFor('consultation-opened', 'en', ['Dan', 'Elena', 'Florin'])
    const byKind = requestsFor('consultation-opened', 'ro', ['Gelu', 'Horia']).map((r) => ({
      ...r,
      data: { ...r.data, reason: 'plan_kind' },
    })) as EmailRequest[]
    const mixed = [ro[0]!, en[0]!, byKind[0]!, ro[1]!, en[1]!, byKind[1]!, ro[2]!, en[2]!]
    const emails = await renderEmails(mixed)
    expect(sharedRenderStats.renders).toBe(6) // three groups: a shared render and a proof each
    expect(emails.map((e) => e.locale)).toEqual(mixed.map((r) => r.locale))
    expect(emails).toEqual(await alone(mixed))
  })

  it('renders alone a value the text conversion would change (spaces, line breaks, empty)', async () => {
    const names = ['Ana', 'Bogdan', 'Two  spaces', 'Line\nbreak', ' padded ', '', 'Cristina']
    const requests = requestsFor('debate-scheduled', 'ro', names, 'debate_scheduled')
    const emails = await renderEmails(requests)
    expect(sharedRenderStats.personalised).toBe(2) // Bogdan and Cristina; Ana is the proof
    expect(emails).toEqual(await alone(requests))
  })

  it('falls back to one render each when the template changes the value (a heading in capitals)', async () => {
    const requests = requestsFor('test-shouting' as TemplateName, 'ro', ['Ana', 'Bogdan', 'Cristina'])
    const emails = await renderEmails(requests)
    expect(sharedRenderStats.personalised).toBe(0)
    expect(emails.map((e) => e.text)).toEqual((await alone(requests)).map((e) => e.text))
    expect(emails[1]!.text).toContain('BUNĂ, BOGDAN')
  })

  it('falls back to one render each when the template measures the value', async () => {
    const requests = requestsFor('test-measuring' as TemplateName, 'ro', ['Ana', 'Bogdan', 'Cristina Ionescu'])
    const emails = await renderEmails(requests)
    expect(sharedRenderStats.fallbacks).toBe(1)
    expect(sharedRenderStats.personalised).toBe(0)
    expect(emails[2]!.text).toContain('Cristina Ionescu (16 litere)')
    expect(emails).toEqual(await alone(requests))
  })

  it('never leaves a NUL byte in an email, wherever a diacritic falls on a chunk boundary', async () => {
    // Names one byte longer each: some push a two-byte letter across React's 2 KB chunk edge.
    const names = Array.from({ length: 24 }, (_, n) => `Ana${'a'.repeat(n)}`)
    const emails = await alone(requestsFor('consultation-opened', 'ro', names))
    for (const email of emails) {
      expect(email.html).not.toContain('\u0000')
      expect(email.text).not.toContain('\u0000')
    }
    expect(emails[0]!.text).toContain('săptămânal')
  })

  it('renders a template without personal fields once for identical requests, alone otherwise', async () => {
    const data = templates['password-reset'].sample
    const same = Array.from({ length: 3 }, () => ({ template: 'password-reset', data, locale: 'ro' }) as EmailRequest)
    const other = { template: 'password-reset', data: { ...data, name: 'Altcineva' }, locale: 'ro' } as EmailRequest
    const emails = await renderEmails([...same, other])
    expect(sharedRenderStats.renders).toBe(2)
    expect(emails).toEqual(await alone([...same, other]))
    expect(emails[3]!.text).toContain('Altcineva')
  })
})
