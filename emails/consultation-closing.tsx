import { Button, Heading, Text } from '@react-email/components'
import { followReason, PreferencesLink, type FollowReason } from './consultation-opened.tsx'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

/** A followed consultation closes soon (non-essential: carries an unsubscribe link). */
export type ConsultationClosingData = {
  recipientName: string
  reason: FollowReason
  authorityName: string
  planTitle: string
  /** 'YYYY-MM-DD': the last day recommendations are received (inclusive). */
  closesOn: string
  /** Days left to comment, today included: 1 on the last day, 0 once closed. */
  daysLeft: number
  /** Recommendations registered so far. */
  recommendationCount: number
  planUrl: string
  unsubscribeUrl: string
  preferencesUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

export function ConsultationClosing({ t, lang, data }: { t: EmailT; lang: string; data: ConsultationClosingData }) {
  const k = 'emails.consultationClosing'
  const closed = data.daysLeft <= 0
  const values = { plan: data.planTitle, authority: data.authorityName, date: date(data.closesOn) }
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {closed ? t(`${k}.introClosed`, values) : t(`${k}.intro`, values)}
        {closed ? null : <> {data.daysLeft === 1 ? t(`${k}.lastDay`) : t(`${k}.daysLeft`, { count: data.daysLeft })}</>}
      </Text>
      <Text style={styles.text}>
        {data.recommendationCount > 0
          ? t(`${k}.count`, { count: data.recommendationCount })
          : t(`${k}.noRecommendations`)}
      </Text>
      <Button href={data.planUrl} style={styles.button}>
        {closed ? t(`${k}.buttonClosed`) : t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{followReason(t, data)}</Text>
      <PreferencesLink t={t} href={data.preferencesUrl} />
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: ConsultationClosingData) => {
  const k = 'emails.consultationClosing'
  if (data.daysLeft <= 0) return t(`${k}.subjectClosed`, { plan: data.planTitle, date: date(data.closesOn) })
  if (data.daysLeft === 1) return t(`${k}.subjectLastDay`, { plan: data.planTitle })
  return t(`${k}.subject`, { plan: data.planTitle, count: data.daysLeft })
}
