import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type PasswordResetData = { name: string; resetUrl: string }

export function PasswordReset({ t, lang, data }: { t: EmailT; lang: string; data: PasswordResetData }) {
  return (
    <EmailLayout t={t} lang={lang} preview={t('emails.reset.preview')}>
      <Heading style={styles.heading}>{t('emails.reset.heading')}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.name })}</Text>
      <Text style={styles.text}>{t('emails.reset.intro')}</Text>
      <Button href={data.resetUrl} style={styles.button}>
        {t('emails.reset.button')}
      </Button>
      <Text style={styles.text}>{t('emails.reset.expiry')}</Text>
      <Text style={styles.text}>{t('emails.reset.notYou')}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT) => t('emails.reset.subject')
