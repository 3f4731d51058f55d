import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import { quote } from './recommendation-receipt.tsx'
import type { EmailT } from './types.ts'

/** To the authority's editors: an organisation asked in writing for a public debate (essential). */
export type DebateRequestedData = {
  recipientName: string
  authorityName: string
  planTitle: string
  organisationName: string
  /** The member of the organisation who sent the request. */
  requesterName: string
  reason: string
  registrationNumber: string
  /** 'YYYY-MM-DD' */
  requestedOn: string
  /** The staff page where the debate is scheduled. */
  manageUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

export function DebateRequested({ t, lang, data }: { t: EmailT; lang: string; data: DebateRequestedData }) {
  const k = 'emails.debateRequested'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, {
          organisation: data.organisationName,
          plan: data.planTitle,
          date: date(data.requestedOn),
          number: data.registrationNumber,
        })}{' '}
        {t(`${k}.requester`, { name: data.requesterName })}
      </Text>
      {data.reason.trim() ? (
        <>
          <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
            {t(`${k}.reason`)}
          </Heading>
          <Text style={quote}>{data.reason}</Text>
        </>
      ) : null}
      <Text style={{ ...styles.text, fontWeight: 'bold' }}>{t(`${k}.law`)}</Text>
      <Text style={styles.text}>{t(`${k}.what`)}</Text>
      <Button href={data.manageUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{t(`${k}.why`, { authority: data.authorityName })}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: DebateRequestedData) =>
  t('emails.debateRequested.subject', { plan: data.planTitle, number: data.registrationNumber })
