import { Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { date, Lines, SubHeading } from './meeting-common.tsx'
import { quote } from './recommendation-receipt.tsx'
import type { EmailT } from './types.ts'

/** A tripartite meeting was cancelled: to every invitee who had received the invitation (essential; the CANCEL .ics is attached by the caller). */
export type MeetingCancelledData = {
  recipientName: string
  authorityName: string
  title: string
  /** 'YYYY-MM-DD', 'HH:mm' in Bucharest time. */
  date: string
  startTime: string
  reason: string | null
  authorityEmail: string
}

export function MeetingCancelled({ t, lang, data }: { t: EmailT; lang: string; data: MeetingCancelledData }) {
  const k = 'emails.meetingCancelled'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, {
          authority: data.authorityName,
          title: data.title,
          date: date(data.date),
          time: data.startTime,
        })}
      </Text>
      {data.reason?.trim() ? (
        <>
          <SubHeading>{t(`${k}.reason`)}</SubHeading>
          <Text style={quote}>
            <Lines text={data.reason} />
          </Text>
        </>
      ) : null}
      <Text style={styles.text}>{t(`${k}.calendar`)}</Text>
      <Text style={styles.text}>
        {t(`${k}.rescheduled`)} {t('emails.meetingCommon.questions', { email: data.authorityEmail })}
      </Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MeetingCancelledData) =>
  t('emails.meetingCancelled.subject', { title: data.title, date: date(data.date), time: data.startTime })
