import { Button, Heading, Link, Text } from '@react-email/components'
import { PreferencesLink } from './consultation-opened.tsx'
import { EmailLayout, styles } from './layout.tsx'
import { quote } from './recommendation-receipt.tsx'
import type { EmailT } from './types.ts'

/**
 * A public debate was scheduled. To followers it is non-essential (unsubscribe link); to the
 * organisation that asked for it, essential: then `unsubscribeUrl` and `preferencesUrl` are null.
 */
export type DebateScheduledData = {
  recipientName: string
  authorityName: string
  planTitle: string
  /** 'YYYY-MM-DD' */
  date: string
  /** 'HH:mm' */
  time: string
  place: string | null
  onlineUrl: string | null
  notes: string | null
  planUrl: string
  unsubscribeUrl: string | null
  preferencesUrl: string | null
}

const date = (iso: string) => iso.split('-').reverse().join('.')

export function DebateScheduled({ t, lang, data }: { t: EmailT; lang: string; data: DebateScheduledData }) {
  const k = 'emails.debateScheduled'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title} unsubscribeUrl={data.unsubscribeUrl ?? undefined}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.intro`, { authority: data.authorityName, plan: data.planTitle })}</Text>
      <Text style={styles.text}>
        <strong>{t(`${k}.when`, { date: date(data.date), time: data.time })}</strong>
        {data.place ? (
          <>
            <br />
            {t(`${k}.place`, { place: data.place })}
          </>
        ) : null}
        {data.onlineUrl ? (
          <>
            <br />
            {t(`${k}.online`)} <Link href={data.onlineUrl}>{t(`${k}.onlineLink`)}</Link>
          </>
        ) : null}
      </Text>
      {data.notes?.trim() ? (
        <>
          <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
            {t(`${k}.notes`)}
          </Heading>
          <Text style={quote}>{data.notes}</Text>
        </>
      ) : null}
      <Text style={styles.text}>{t(`${k}.minutes`)}</Text>
      <Button href={data.planUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{data.unsubscribeUrl ? t(`${k}.following`) : t(`${k}.requested`)}</Text>
      {data.preferencesUrl ? <PreferencesLink t={t} href={data.preferencesUrl} /> : null}
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: DebateScheduledData) =>
  t('emails.debateScheduled.subject', { date: date(data.date), time: data.time, plan: data.planTitle })
