import { Heading, Link, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { date, MeetingFacts, RSVP_ANSWERS, RsvpButtons, type RsvpUrls } from './meeting-common.tsx'
import type { EmailT } from './types.ts'

/**
 * Two days before a tripartite meeting, to the invitees who have not declined (essential): what
 * they answered, and the one-click links to answer or change the answer.
 */
export type MeetingReminderData = {
  recipientName: string
  authorityName: string
  title: string
  /** 'YYYY-MM-DD', 'HH:mm' in Bucharest time. */
  date: string
  startTime: string
  place: string | null
  onlineUrl: string | null
  rsvp: 'pending' | 'accepted' | 'tentative'
  rsvpUrls: RsvpUrls
  meetingUrl: string
}

export function MeetingReminder({ t, lang, data }: { t: EmailT; lang: string; data: MeetingReminderData }) {
  const k = 'emails.meetingReminder'
  const title = subject(t, data)
  // The answers other than the one given (all three while there is none).
  const answers = RSVP_ANSWERS.filter((a) => a !== data.rsvp)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.intro`, { title: data.title, authority: data.authorityName })}</Text>
      <MeetingFacts t={t} date={data.date} startTime={data.startTime} place={data.place} onlineUrl={data.onlineUrl} />
      <Text style={styles.text}>
        <strong>{t(`${k}.status.${data.rsvp}`)}</strong> {t('emails.meetingCommon.oneClick')}
      </Text>
      <RsvpButtons t={t} urls={data.rsvpUrls} only={answers} />
      <Text style={styles.text}>
        <Link href={data.meetingUrl}>{t('emails.meetingCommon.meetingPage')}</Link>
      </Text>
      <Text style={styles.text}>{t(`${k}.why`)}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MeetingReminderData) =>
  t('emails.meetingReminder.subject', { title: data.title, date: date(data.date), time: data.startTime })
