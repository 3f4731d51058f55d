import { Button, Heading, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type VerifyEmailData = { name: string; code: string; verifyUrl: string }

export function VerifyEmail({ t, lang, data }: { t: EmailT; lang: string; data: VerifyEmailData }) {
  return (
    <EmailLayout t={t} lang={lang} preview={t('emails.verify.preview', { code: data.code })}>
      <Heading style={styles.heading}>{t('emails.verify.heading')}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.name })}</Text>
      <Text style={styles.text}>{t('emails.verify.intro')}</Text>
      <Text style={styles.code}>{data.code}</Text>
      <Text style={styles.text}>{t('emails.verify.orClick')}</Text>
      <Button href={data.verifyUrl} style={styles.button}>
        {t('emails.verify.button')}
      </Button>
      <Text style={styles.text}>{t('emails.verify.expiry')}</Text>
      <Text style={styles.text}>{t('emails.verify.notYou')}</Text>
    </EmailLayout>
  )
}

export const subject = (t: EmailT) => t('emails.verify.subject')
