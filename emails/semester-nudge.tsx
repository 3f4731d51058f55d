import { Button, Heading, Section, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { date } from './meeting-common.tsx'
import type { EmailT } from './types.ts'

/**
 * To an authority's partnership coordinators, 30 days before a semester ends: the service types
 * with no tripartite meeting scheduled or held in it (essential: part of their work).
 */
export type SemesterNudgeData = {
  recipientName: string
  authorityName: string
  /** "S1 2027" */
  semesterLabel: string
  /** The semester's last day, 'YYYY-MM-DD'. */
  semesterEnd: string
  missing: Array<{ code: string; name: string }>
  boardUrl: string
}

export function SemesterNudge({ t, lang, data }: { t: EmailT; lang: string; data: SemesterNudgeData }) {
  const k = 'emails.semesterNudge'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, {
          semester: data.semesterLabel,
          date: date(data.semesterEnd),
          authority: data.authorityName,
        })}
      </Text>
      <Section>
        {data.missing.map((type) => (
          <Text key={type.code} style={{ ...styles.text, margin: '2px 0' }}>
            • <strong>{type.code}</strong>
            {type.name.trim() ? ` – ${type.name}` : ''}
          </Text>
        ))}
      </Section>
      <Text style={styles.text}>
        {t(`${k}.rule`)} {t(`${k}.what`)}
      </Text>
      <Button href={data.boardUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{t(`${k}.why`, { authority: data.authorityName })}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: SemesterNudgeData) =>
  t('emails.semesterNudge.subject', { semester: data.semesterLabel, count: data.missing.length })
