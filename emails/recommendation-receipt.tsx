import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

/** The receipt of a written recommendation (Law 52/2003): sent whatever the person's preferences. */
export type RecommendationReceiptData = {
  recipientName: string
  /** What happened to the recommendation: registered, its text changed, or withdrawn. */
  kind: 'registered' | 'edited' | 'withdrawn'
  authorityName: string
  planTitle: string
  registrationNumber: string
  /** 'YYYY-MM-DD': the day it was registered (unchanged by an edit). */
  submittedOn: string
  /** The section commented on; null for the whole document. */
  sectionLabel: string | null
  excerpt: string
  /** The organisation it was submitted on behalf of, if any. */
  onBehalfOf: string | null
  /** 'YYYY-MM-DD': the last day of the consultation (inclusive). */
  closesOn: string
  recommendationUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

export const quote = {
  ...styles.text,
  borderLeft: '4px solid #c9d3df',
  margin: '8px 0 16px',
  padding: '4px 0 4px 12px',
  whiteSpace: 'pre-line' as const,
}

export function RecommendationReceipt({ t, lang, data }: { t: EmailT; lang: string; data: RecommendationReceiptData }) {
  const k = 'emails.recommendationReceipt'
  const values = {
    number: data.registrationNumber,
    plan: data.planTitle,
    authority: data.authorityName,
    date: date(data.submittedOn),
  }
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.${data.kind}.intro`, values)}</Text>
      <Text style={styles.text}>
        {t('emails.consultationCommon.section', {
          section: data.sectionLabel ?? t('emails.consultationCommon.wholeDocument'),
        })}
        {data.onBehalfOf ? (
          <>
            <br />
            {t(`${k}.onBehalfOf`, { organisation: data.onBehalfOf })}
          </>
        ) : null}
      </Text>
      <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
        {t(`${k}.text`)}
      </Heading>
      <Text style={quote}>{data.excerpt}</Text>
      {data.kind === 'withdrawn' ? (
        <Text style={styles.text}>{t(`${k}.withdrawn.remains`, { date: date(data.closesOn) })}</Text>
      ) : (
        <>
          <Text style={styles.text}>{t(`${k}.answer`)}</Text>
          <Text style={styles.text}>{t(`${k}.editUntil`, { date: date(data.closesOn) })}</Text>
        </>
      )}
      <Button href={data.recommendationUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>
        {t(`${k}.keep`)} {t(`${k}.privacy`)}
      </Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: RecommendationReceiptData) =>
  t(`emails.recommendationReceipt.${data.kind}.subject`, { number: data.registrationNumber, plan: data.planTitle })
