import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

/** To the members of the participating organisations: draft minutes to check, with a deadline (essential). */
export type MinutesSharedData = {
  recipientName: string
  authorityName: string
  minutesTitle: string
  /** 'YYYY-MM-DD' */
  meetingDate: string
  /** The last day for remarks, 'YYYY-MM-DD'. */
  remarksUntil: string
  minutesUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

export function MinutesShared({ t, lang, data }: { t: EmailT; lang: string; data: MinutesSharedData }) {
  const k = 'emails.minutesShared'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, { authority: data.authorityName, title: data.minutesTitle, date: date(data.meetingDate) })}
      </Text>
      <Text style={{ ...styles.text, fontWeight: 'bold' }}>
        {t(`${k}.deadline`, { date: date(data.remarksUntil) })}
      </Text>
      <Button href={data.minutesUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{t(`${k}.why`)}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MinutesSharedData) =>
  t('emails.minutesShared.subject', { title: data.minutesTitle, date: date(data.remarksUntil) })
