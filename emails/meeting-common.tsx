import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { styles } from './layout.tsx'
import { Fragment } from 'react'
import type { EmailT } from './types.ts'

/** The answers an invitee can give with one click (no log-in). */
export type RsvpAnswer = 'accepted' | 'tentative' | 'declined'
export type RsvpUrls = Record<RsvpAnswer, string>

export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['accepted', 'tentative', 'declined']

/** 'YYYY-MM-DD' → 'dd.MM.yyyy' (both languages). */
export const date = (iso: string) => iso.split('-').reverse().join('.')

export const subheading = { ...styles.heading, fontSize: '16px' }

const answerButton = {
  ...styles.button,
  padding: '10px 16px',
  margin: '0 8px 8px 0',
}
const secondaryButton = {
  ...answerButton,
  backgroundColor: '#ffffff',
  color: '#0b5394',
  border: '2px solid #0b5394',
  padding: '8px 14px',
}

/** When and where: the date and time, the place, the online link. */
export function MeetingFacts(props: {
  t: EmailT
  date: string
  startTime: string
  endTime?: string
  place: string | null
  onlineUrl: string | null
}) {
  const { t } = props
  const k = 'emails.meetingCommon'
  return (
    <Text style={styles.text}>
      <strong>
        {props.endTime
          ? t(`${k}.when`, { date: date(props.date), start: props.startTime, end: props.endTime })
          : t(`${k}.whenStart`, { date: date(props.date), time: props.startTime })}
      </strong>
      {props.place?.trim() ? (
        <>
          <br />
          {t(`${k}.place`, { place: props.place })}
        </>
      ) : null}
      {props.onlineUrl?.trim() ? (
        <>
          <br />
          {t(`${k}.online`)} <Link href={props.onlineUrl}>{t(`${k}.onlineLink`)}</Link>
        </>
      ) : null}
    </Text>
  )
}

/** The one-click answers (the first one stands out); `only` restricts them to some answers. */
export function RsvpButtons(props: { t: EmailT; urls: RsvpUrls; only?: readonly RsvpAnswer[] }) {
  const answers = RSVP_ANSWERS.filter((a) => !props.only || props.only.includes(a))
  return (
    <Section style={{ margin: '4px 0 8px' }}>
      {answers.map((answer, i) => (
        <Fragment key={answer}>
          {/* A space between the buttons: the text part would glue a link to the next label. */}
          {i > 0 ? ' ' : null}
          <Button href={props.urls[answer]} style={i === 0 ? answerButton : secondaryButton}>
            {props.t(`emails.meetingCommon.answer.${answer}`)}
          </Button>
        </Fragment>
      ))}
    </Section>
  )
}

/** Text typed with line breaks (an agenda): each line on its own, in the HTML and the text part. */
export function Lines({ text }: { text: string }) {
  const lines = text.trim().split(/\r\n|\r|\n/)
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}

/** A small heading above a block (the agenda, a list). */
export function SubHeading({ children }: { children: string }) {
  return (
    <Heading as="h2" style={subheading}>
      {children}
    </Heading>
  )
}
