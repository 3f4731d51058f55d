import { Heading, Link, Section, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { date, Lines, MeetingFacts, RsvpButtons, SubHeading, type RsvpUrls } from './meeting-common.tsx'
import { quote } from './recommendation-receipt.tsx'
import type { EmailT } from './types.ts'

/**
 * An invitation to a tripartite meeting, or its update (`kind: 'changed'`), to a partner's
 * contact person, who has no account: one-click answers, the .ics attached by the caller, and
 * why the authority keeps the address. Essential: it is the authority's invitation.
 */
export type MeetingInvitationData = {
  recipientName: string
  organisationName: string
  authorityName: string
  title: string
  /** 'YYYY-MM-DD', 'HH:mm', 'HH:mm' in Bucharest time. */
  date: string
  startTime: string
  endTime: string
  place: string | null
  onlineUrl: string | null
  agenda: string
  /** "8790 CR-VD-I – Centru rezidențial pentru persoane vârstnice" */
  serviceTypes: string[]
  /** Who is invited; empty: the three groups. */
  groups: string
  kind: 'new' | 'changed'
  rsvpUrls: RsvpUrls
  meetingUrl: string
  /** Where to write to be removed from the partnership's list. */
  authorityEmail: string
}

export function MeetingInvitation({ t, lang, data }: { t: EmailT; lang: string; data: MeetingInvitationData }) {
  const k = 'emails.meetingInvitation'
  const title = subject(t, data)
  const groups = data.groups.trim() || t('emails.meetingCommon.allGroups')
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.${data.kind}.intro`, { authority: data.authorityName, organisation: data.organisationName })}
      </Text>
      <Text style={styles.text}>
        <strong>{data.title}</strong>
      </Text>
      <MeetingFacts
        t={t}
        date={data.date}
        startTime={data.startTime}
        endTime={data.endTime}
        place={data.place}
        onlineUrl={data.onlineUrl}
      />
      <Text style={styles.text}>
        {t(`${k}.what`)} {t(`${k}.invited`, { groups })}
      </Text>
      {data.serviceTypes.length > 0 ? (
        <>
          <SubHeading>{t(`${k}.serviceTypes`)}</SubHeading>
          <Section>
            {data.serviceTypes.map((type) => (
              <Text key={type} style={{ ...styles.text, margin: '2px 0' }}>
                • {type}
              </Text>
            ))}
          </Section>
        </>
      ) : null}
      {data.agenda.trim() ? (
        <>
          <SubHeading>{t(`${k}.agenda`)}</SubHeading>
          <Text style={quote}>
            <Lines text={data.agenda} />
          </Text>
        </>
      ) : null}
      <Text style={styles.text}>
        <strong>{t(`${k}.rsvp`)}</strong> {t('emails.meetingCommon.oneClick')}
      </Text>
      <RsvpButtons t={t} urls={data.rsvpUrls} />
      <Text style={styles.text}>{t('emails.meetingCommon.changeAnswer')}</Text>
      <Text style={styles.text}>{t(`${k}.${data.kind}.calendar`)}</Text>
      <Text style={styles.text}>
        <Link href={data.meetingUrl}>{t('emails.meetingCommon.meetingPage')}</Link>
      </Text>
      <Text style={{ ...styles.text, fontSize: '13px', color: '#57606a' }}>
        {t(`${k}.privacy`, { authority: data.authorityName, email: data.authorityEmail })}
      </Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MeetingInvitationData) =>
  t(`emails.meetingInvitation.${data.kind}.subject`, {
    title: data.title,
    date: date(data.date),
    time: data.startTime,
  })
