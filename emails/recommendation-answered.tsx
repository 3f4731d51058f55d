import { Button, Heading, Link, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { PreferencesLink } from './consultation-opened.tsx'
import { quote } from './recommendation-receipt.tsx'
import type { EmailT } from './types.ts'

export type RecommendationAnswer = 'accepted' | 'partially_accepted' | 'rejected' | 'not_applicable'

/** The authority's written answer to a recommendation (Law 52/2003). */
export type RecommendationAnsweredData = {
  recipientName: string
  authorityName: string
  planTitle: string
  registrationNumber: string
  /** The section commented on; null for the whole document. */
  sectionLabel: string | null
  excerpt: string
  answer: RecommendationAnswer
  /** Mandatory unless accepted. */
  justification: string | null
  recommendationUrl: string
  /** The report of recommendations of the consultation. */
  reportUrl: string
  /**
   * Only when the message is sent as a followed notification the person may turn off: then it
   * carries the unsubscribe footer and the preferences link. Absent or null: no footer.
   */
  unsubscribeUrl: string
  preferencesUrl: string
}

export function RecommendationAnswered({
  t,
  lang,
  data,
}: {
  t: EmailT
  lang: string
  data: RecommendationAnsweredData
}) {
  const k = 'emails.recommendationAnswered'
  const answer = t(`emails.consultationCommon.answers.${data.answer}`)
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, { authority: data.authorityName, number: data.registrationNumber, plan: data.planTitle })}
      </Text>
      <Text style={{ ...styles.text, fontSize: '17px', fontWeight: 'bold' }}>{t(`${k}.answer`, { answer })}</Text>
      <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
        {t(`${k}.justification`)}
      </Heading>
      {data.justification?.trim() ? (
        <Text style={quote}>{data.justification}</Text>
      ) : (
        <Text style={styles.text}>{t(`${k}.noJustification`)}</Text>
      )}
      <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
        {t(`${k}.yourRecommendation`)}
      </Heading>
      <Text style={styles.text}>
        {t('emails.consultationCommon.section', {
          section: data.sectionLabel ?? t('emails.consultationCommon.wholeDocument'),
        })}
      </Text>
      <Text style={quote}>{data.excerpt}</Text>
      <Button href={data.recommendationUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>
        {t(`${k}.report`)} <Link href={data.reportUrl}>{t(`${k}.reportLink`)}</Link>
      </Text>
      <PreferencesLink t={t} href={data.preferencesUrl} />
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: RecommendationAnsweredData) =>
  t('emails.recommendationAnswered.subject', {
    number: data.registrationNumber,
    plan: data.planTitle,
    answer: t(`emails.consultationCommon.answers.${data.answer}`),
  })
