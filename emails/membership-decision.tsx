import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type MembershipDecisionData = {
  name: string
  organisationName: string
  approved: boolean
  organisationUrl: string
}

export function MembershipDecision({ t, lang, data }: { t: EmailT; lang: string; data: MembershipDecisionData }) {
  const which = data.approved ? 'approved' : 'rejected'
  return (
    <EmailLayout
      t={t}
      lang={lang}
      preview={t(`emails.membershipDecision.${which}.subject`, { organisation: data.organisationName })}
    >
      <Heading style={styles.heading}>
        {t(`emails.membershipDecision.${which}.subject`, { organisation: data.organisationName })}
      </Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.name })}</Text>
      <Text style={styles.text}>
        {t(`emails.membershipDecision.${which}.body`, { organisation: data.organisationName })}
      </Text>
      <Button href={data.organisationUrl} style={styles.button}>
        {t('emails.membershipDecision.button')}
      </Button>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: MembershipDecisionData) =>
  t(`emails.membershipDecision.${data.approved ? 'approved' : 'rejected'}.subject`, {
    organisation: data.organisationName,
  })
