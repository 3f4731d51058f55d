import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type MembershipRequestData = {
  adminName: string
  requesterName: string
  organisationName: string
  message: string | null
  membersUrl: string
}

export function MembershipRequest({ t, lang, data }: { t: EmailT; lang: string; data: MembershipRequestData }) {
  return (
    <EmailLayout
      t={t}
      lang={lang}
      preview={t('emails.membershipRequest.preview', { name: data.requesterName, organisation: data.organisationName })}
    >
      <Heading style={styles.heading}>
        {t('emails.membershipRequest.heading', { organisation: data.organisationName })}
      </Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.adminName })}</Text>
      <Text style={styles.text}>
        {t('emails.membershipRequest.intro', { name: data.requesterName, organisation: data.organisationName })}
      </Text>
      {data.message ? <Text style={{ ...styles.text, fontStyle: 'italic' }}>„{data.message}”</Text> : null}
      <Button href={data.membersUrl} style={styles.button}>
        {t('emails.membershipRequest.button')}
      </Button>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MembershipRequestData) =>
  t('emails.membershipRequest.subject', { name: data.requesterName, organisation: data.organisationName })
