import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { EmailLayout, styles } from './layout.tsx'
import type { EmailT } from './types.ts'

/** One reminder as the email tells it. Dates are 'YYYY-MM-DD' (Europe/Bucharest). */
export type ProtocolReminderItem = {
  kind: 'end' | 'notice' | 'review' | 'renewed'
  offsetDays: number | null
  deadline: string
  dueOn: string
  /** notice: the day the next period starts; renewed: the day the new period started. */
  renewsOn: string | null
  periodEnd: string | null
}

export type ProtocolReminderData = {
  /** What the message is: one reminder, several that came due together, or the weekly summary. */
  kind: 'end' | 'notice' | 'review' | 'renewed' | 'overdue' | 'weekly'
  recipientName: string
  authorityName: string
  protocolTitle: string
  partners: string
  /** The day the message is sent. */
  today: string
  /** The reminder the message is about (for `overdue`, the latest that came due). */
  item: ProtocolReminderItem | null
  /** For `overdue`: every reminder that came due, oldest first. */
  items: ProtocolReminderItem[]
  /** For `weekly`: the protocols to review. */
  protocols: Array<{ title: string; partners: string; reason: 'no_term' | 'flagged' | 'review'; url: string }>
  /** For `weekly`: how many more protocols there are than listed. */
  more: number
  /** The protocol's page, or the registry for `weekly`. */
  protocolUrl: string
  /** One click to acknowledge the reminder (no log-in needed); null for `weekly`. */
  ackUrl: string | null
  /** Sent to an administrator because nobody acknowledged the term's reminders. */
  escalated: boolean
  /**
   * Sent to a partner's contact person (no account, always in Romanian): the partnership's
   * deadlines only, no acknowledge link, no staff page (`protocolUrl` is the public registry,
   * or empty when the protocol is not public), and why they receive it.
   */
  partner?: {
    /** The partner the contact person stands for. */
    partyName: string
    /** Where to write to the authority (questions, or to be removed). */
    authorityEmail: string
  } | null
}

const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '')

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function name(data: ProtocolReminderData) {
  return data.partners ? `${data.protocolTitle} (${data.partners})` : data.protocolTitle
}

/** "in 30 days" / "today is the last day" / "passed on D", for a deadline. */
function left(t: EmailT, today: string, deadline: string) {
  const days = daysBetween(today, deadline)
  if (days > 0) return t('emails.protocolReminder.daysLeft', { count: days })
  if (days === 0) return t('emails.protocolReminder.today')
  return t('emails.protocolReminder.passed', { date: date(deadline) })
}

function itemValues(item: ProtocolReminderItem) {
  return {
    deadline: date(item.deadline),
    dueOn: date(item.dueOn),
    renewsOn: date(item.renewsOn),
    periodEnd: date(item.periodEnd),
    date: date(item.deadline),
  }
}

/** The message a partner's contact person receives (see `ProtocolReminderData.partner`). */
function PartnerReminder({ t, lang, data }: { t: EmailT; lang: string; data: ProtocolReminderData }) {
  const k = 'reminders.partnerEmail'
  const partner = data.partner!
  const item = data.item
  const values = { name: name(data), authority: data.authorityName, ...(item ? itemValues(item) : {}) }
  const title = subject(t, data)
  const intro = data.kind === 'overdue' ? 'overdue' : (item?.kind ?? 'end')
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      <Text style={styles.text}>{t(`${k}.intro.${intro}`, values)}</Text>
      {data.kind === 'overdue' ? (
        <Section>
          {data.items.map((i) => (
            <Text key={`${i.kind}${i.dueOn}${i.offsetDays}`} style={{ ...styles.text, margin: '4px 0' }}>
              • {t(`emails.protocolReminder.items.${i.kind}`, itemValues(i))}
            </Text>
          ))}
        </Section>
      ) : null}
      {item && (item.kind === 'end' || item.kind === 'notice') ? (
        <Text style={styles.text}>{left(t, data.today, item.deadline)}</Text>
      ) : null}
      {item ? <Text style={styles.text}>{t(`${k}.what.${item.kind}`, values)}</Text> : null}
      <Text style={styles.text}>
        {t(`${k}.contact`, { authority: data.authorityName, email: partner.authorityEmail })}
      </Text>
      {data.protocolUrl ? (
        <Text style={styles.text}>
          <Link href={data.protocolUrl}>{t(`${k}.registry`, { authority: data.authorityName })}</Link>
        </Text>
      ) : null}
      <Text style={{ ...styles.text, fontSize: '13px', color: '#57606a' }}>
        {t(`${k}.why`, {
          partner: partner.partyName,
          authority: data.authorityName,
          email: partner.authorityEmail,
        })}
      </Text>
    </EmailLayout>
  )
}

export function ProtocolReminder({ t, lang, data }: { t: EmailT; lang: string; data: ProtocolReminderData }) {
  if (data.partner) return <PartnerReminder t={t} lang={lang} data={data} />
  const k = 'emails.protocolReminder'
  const item = data.item
  const values = { name: name(data), authority: data.authorityName, ...(item ? itemValues(item) : {}) }
  const title = subject(t, data)
  return (
    <EmailLayout t={t} lang={lang} preview={title}>
      <Heading style={styles.heading}>{title}</Heading>
      <Text style={styles.text}>{t('emails.greeting', { name: data.recipientName })}</Text>
      {data.escalated ? <Text style={{ ...styles.text, fontWeight: 'bold' }}>{t(`${k}.escalated`)}</Text> : null}
      {data.kind === 'weekly' ? (
        <>
          <Text style={styles.text}>
            {t(`${k}.weekly.intro`, { count: data.protocols.length + data.more, authority: data.authorityName })}
          </Text>
          <Section>
            {data.protocols.map((p) => (
              <Text key={p.url} style={{ ...styles.text, margin: '4px 0' }}>
                • <Link href={p.url}>{p.partners ? `${p.title} (${p.partners})` : p.title}</Link>:{' '}
                {t(`${k}.weekly.reasons.${p.reason}`)}
              </Text>
            ))}
            {data.more > 0 ? <Text style={styles.text}>{t(`${k}.weekly.more`, { count: data.more })}</Text> : null}
          </Section>
          <Button href={data.protocolUrl} style={styles.button}>
            {t(`${k}.weekly.button`)}
          </Button>
        </>
      ) : (
        <>
          {data.kind === 'overdue' ? (
            <>
              <Text style={styles.text}>{t(`${k}.overdue.intro`, values)}</Text>
              <Section>
                {data.items.map((i) => (
                  <Text key={`${i.kind}${i.dueOn}${i.offsetDays}`} style={{ ...styles.text, margin: '4px 0' }}>
                    • {t(`${k}.items.${i.kind}`, itemValues(i))}
                  </Text>
                ))}
              </Section>
            </>
          ) : item ? (
            <Text style={styles.text}>{t(`${k}.${data.kind}.intro`, values)}</Text>
          ) : null}
          {item && (item.kind === 'end' || item.kind === 'notice') ? (
            <Text style={styles.text}>{left(t, data.today, item.deadline)}</Text>
          ) : null}
          {item ? <Text style={styles.text}>{t(`${k}.${item.kind}.what`, values)}</Text> : null}
          {item && data.kind !== 'overdue' && item.dueOn < data.today ? (
            <Text style={styles.text}>{t(`${k}.late`, { date: date(item.dueOn) })}</Text>
          ) : null}
          <Button href={data.protocolUrl} style={styles.button}>
            {t(`${k}.open`)}
          </Button>
          {data.ackUrl ? (
            <>
              <Text style={styles.text}>{t(`${k}.ack.intro`)}</Text>
              <Text style={styles.text}>
                <Link href={data.ackUrl}>{t(`${k}.ack.link`)}</Link>
              </Text>
            </>
          ) : null}
        </>
      )}
    </EmailLayout>
  )
}

export const subject = (t: EmailT, data: ProtocolReminderData) => {
  const k = 'emails.protocolReminder'
  if (data.kind === 'weekly') {
    return t(`${k}.weekly.subject`, { count: data.protocols.length + data.more, authority: data.authorityName })
  }
  const values = { name: name(data), ...(data.item ? itemValues(data.item) : {}) }
  if (data.kind === 'overdue') return t(`${k}.overdue.subject`, { ...values, count: data.items.length })
  return t(`${k}.${data.kind}.subject`, values)
}
