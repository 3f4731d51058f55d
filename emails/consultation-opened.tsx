import { Button, Heading, Link, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

export type PlanKind = 'annual_action_plan' | 'strategy' | 'draft_decision' | 'other'
/** Why a follower gets the message: they follow the authority, plans of this kind, or this plan. */
export type FollowReason = 'authority' | 'plan_kind' | 'plan'

/** A consultation opened on a plan the person follows (non-essential: carries an unsubscribe link). */
export type ConsultationOpenedData = {
  recipientName: string
  reason: FollowReason
  authorityName: string
  planTitle: string
  planKind: PlanKind
  summary: string
  /** 'YYYY-MM-DD': first and last (inclusive) day recommendations are received. */
  opensOn: string
  closesOn: string
  /** 'YYYY-MM-DD': the earliest day the document may be submitted for adoption. */
  earliestAdoptionOn: string
  planUrl: string
  unsubscribeUrl: string
  preferencesUrl: string
}

const date = (iso: string) => iso.split('-').reverse().join('.')

/** "You receive this because you follow …" */
export function followReason(
  t: EmailT,
  data: { reason: FollowReason; authorityName: string; planTitle: string; planKind?: PlanKind },
) {
  const k = 'emails.consultationCommon.reasons'
  if (data.reason === 'plan_kind') {
    return data.planKind
      ? t(`${k}.plan_kind`, { kind: t(`emails.consultationCommon.planKinds.${data.planKind}`) })
      : t(`${k}.planKindUnnamed`)
  }
  return t(`${k}.${data.reason}`, { authority: data.authorityName, plan: data.planTitle })
}

/** The link to the notification preferences that every followed-event email carries. */
export function PreferencesLink({ t, href }: { t: EmailT; href: string }) {
  return (
    <Text style={styles.text}>
      {t('emails.consultationCommon.preferencesIntro')}{' '}
      <Link href={href}>{t('emails.consultationCommon.preferences')}</Link>
    </Text>
  )
}

export function ConsultationOpened({ t, lang, data }: { t: EmailT; lang: string; data: ConsultationOpenedData }) {
  const k = 'emails.consultationOpened'
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>
        {t(`${k}.intro`, {
          authority: data.authorityName,
          plan: data.planTitle,
          kind: t(`emails.consultationCommon.planKinds.${data.planKind}`),
        })}
      </Text>
      <Text style={styles.text}>
        {t(`${k}.window`, { opensOn: date(data.opensOn), closesOn: date(data.closesOn) })}{' '}
        {t(`${k}.adoption`, { date: date(data.earliestAdoptionOn) })}
      </Text>
      {data.summary.trim() ? (
        <>
          <Heading as="h2" style={{ ...styles.heading, fontSize: '16px' }}>
            {t(`${k}.summary`)}
          </Heading>
          <Text style={{ ...styles.text, whiteSpace: 'pre-line' }}>{data.summary}</Text>
        </>
      ) : null}
      <Button href={data.planUrl} style={styles.button}>
        {t(`${k}.button`)}
      </Button>
      <Text style={styles.text}>{followReason(t, data)}</Text>
      <PreferencesLink t={t} href={data.preferencesUrl} />
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: ConsultationOpenedData) =>
  t('emails.consultationOpened.subject', { plan: data.planTitle, authority: data.authorityName })
