import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type StaffInvitationData = {
  authorityName: string
  inviterName: string
  roles: string[]
  acceptUrl: string
  expiresOn: string
}

export function StaffInvitation({ t, lang, data }: { t: EmailT; lang: string; data: StaffInvitationData }) {
  const roles = data.roles.map((r) => t(`roles.${r}`)).join(', ')
  return (
    <EmailLayout t={t} lang={lang} preview={t('emails.invitation.preview', { authority: data.authorityName })}>
      <Heading style={styles.heading}>{t('emails.invitation.heading', { authority: data.authorityName })}</Heading>
      <Text style={styles.text}>
        {t('emails.invitation.intro', { inviter: data.inviterName, authority: data.authorityName, roles })}
      </Text>
      <Button href={data.acceptUrl} style={styles.button}>
        {t('emails.invitation.button')}
      </Button>
      <Text style={styles.text}>{t('emails.invitation.expiry', { date: data.expiresOn })}</Text>
      <Text style={styles.text}>{t('emails.invitation.notExpected')}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: StaffInvitationData) =>
  t('emails.invitation.subject', { authority: data.authorityName })
