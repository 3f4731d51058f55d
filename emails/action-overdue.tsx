import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { date } from './meeting-common.tsx'
import type { EmailT } from './types.ts'

export type OverdueAction = {
  description: string
  owner: string
  /** 'YYYY-MM-DD'; empty when the action had no date. */
  dueOn: string
  meetingTitle: string
  url: string
}

/** To an authority's partnership coordinators: follow-up actions of tripartite meetings past their deadline (essential). */
export type ActionOverdueData = {
  recipientName: string
  authorityName: string
  actions: OverdueAction[]
  boardUrl: string
}

export function ActionOverdue({ t, lang, data }: { t: EmailT; lang: string; data: ActionOverdueData }) {
  const k = 'emails.actionOverdue'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.intro`, { authority: data.authorityName })}</Text>
      <Section>
        {data.actions.map((action, i) => (
          <Text key={`${i}-${action.url}`} style={{ ...styles.text, margin: '4px 0 12px' }}>
            • <strong>{action.description}</strong>
            <br />
            {[
              action.owner.trim() ? t(`${k}.owner`, { owner: action.owner }) : null,
              action.dueOn ? t(`${k}.dueOn`, { date: date(action.dueOn) }) : null,
              t(`${k}.meeting`, { title: action.meetingTitle }),
            ]
              .filter(Boolean)
              .join(' · ')}
            <br />
            <Link href={action.url}>{t(`${k}.open`)}</Link>
          </Text>
        ))}
      </Section>
      <Text style={styles.text}>{t(`${k}.what`)}</Text>
      <Button href={data.boardUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{t(`${k}.why`, { authority: data.authorityName })}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: ActionOverdueData) =>
  t('emails.actionOverdue.subject', { count: data.actions.length, authority: data.authorityName })
