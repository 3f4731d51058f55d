import { Heading, Link, Section, Text } from '@react-email/components'
import { PreferencesLink } from './consultation-opened.tsx'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

/** One followed event, as the digest lists it. */
export type ConsultationDigestItem = {
  kind: 'opened' | 'closing' | 'answered' | 'debate'
  planTitle: string
  authorityName: string
  /** 'YYYY-MM-DD': opened on / closes on / answered on / the debate's day. */
  date: string
  /** answered: the registration number; debate: the time ('HH:mm'); otherwise free text or null. */
  detail: string | null
  url: string
}

/** The daily or weekly digest of followed events (non-essential: carries an unsubscribe link). */
export type ConsultationDigestData = {
  recipientName: string
  period: 'daily' | 'weekly'
  items: ConsultationDigestItem[]
  unsubscribeUrl: string
  preferencesUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

function itemText(t: EmailT, item: ConsultationDigestItem) {
  const k = 'emails.consultationDigest.items'
  const values = { date: date(item.date), detail: item.detail }
  return item.detail ? t(`${k}.${item.kind}Detail`, values) : t(`${k}.${item.kind}`, values)
}

export function ConsultationDigest({ t, lang, data }: { t: EmailT; lang: string; data: ConsultationDigestData }) {
  const k = 'emails.consultationDigest'
  return (
    <EmailLayout t={t} lang={lang} preview={subject(t, data)} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading style={styles.heading}>{t(`${k}.${data.period}.heading`)}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.intro`)}</Text>
      <Section>
        {data.items.map((item, i) => (
          <Text key={`${i}-${item.url}`} style={{ ...styles.text, margin: '4px 0 10px' }}>
            • <Link href={item.url}>{item.planTitle}</Link> ({item.authorityName}): {itemText(t, item)}
          </Text>
        ))}
      </Section>
      <Text style={styles.text}>{t(`${k}.${data.period}.why`)}</Text>
      <PreferencesLink t={t} href={data.preferencesUrl} />
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: ConsultationDigestData) =>
  t(`emails.consultationDigest.${data.period}.subject`, { count: data.items.length })
