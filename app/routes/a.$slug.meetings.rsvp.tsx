import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/domain/dates'
import { acceptsAnswers } from '~/domain/meeting-rules'
import { getAuthorityBySlug } from '~/models/authority.server'
import { answerInvitation, getMeeting, invitationForToken, type RsvpAnswer } from '~/models/meetings.server'
import { clock } from '~/services/clock.server'
import { notFound } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'meetings.rsvpPage.title')

const ANSWERS = ['accepted', 'declined', 'tentative'] as const

/**
 * The answer to an invitation, from the email's signed link, without logging in. The link shows
 * a one-button page (mail scanners that open links do not answer in the invitee's name).
 */
function read(request: Request, slug: string | undefined, token: string | null) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const invitation = invitationForToken(token)
  const meeting = invitation ? getMeeting(authority.id, invitation.meetingId) : undefined
  return { authority, invitation: meeting ? invitation : undefined, meeting }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const token = url.searchParams.get('token')
  const { authority, invitation, meeting } = read(request, params.slug, token)
  const asked = url.searchParams.get('answer')
  return {
    authorityName: authority.name,
    token: token ?? '',
    answer: (ANSWERS as readonly string[]).includes(asked ?? '') ? (asked as RsvpAnswer) : 'accepted',
    invitation: invitation
      ? { name: invitation.name, organisationName: invitation.organisationName, rsvp: invitation.rsvp }
      : null,
    meeting: meeting
      ? {
          title: meeting.title,
          date: meeting.date,
          startTime: meeting.startTime,
          status: meeting.status,
          place: meeting.place,
        }
      : null,
    // The link expires with the meeting: after its day an answer means nothing.
    expired: !!meeting && meeting.status !== 'cancelled' && !acceptsAnswers(meeting, clock.today()),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  const { invitation, meeting } = read(request, params.slug, String(form.get('token') ?? ''))
  const answer = String(form.get('answer') ?? '')
  if (!invitation || !meeting || !(ANSWERS as readonly string[]).includes(answer)) return invalid({ done: null })
  if (!answerInvitation(invitation, answer as RsvpAnswer)) return invalid({ done: null })
  return { done: answer as RsvpAnswer }
}

export default function Rsvp() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (!data.invitation || !data.meeting) {
    return (
      <div className="page narrow">
        <h1>{t('meetings.rsvpPage.title')}</h1>
        <p className="notice error">{t('meetings.rsvpPage.invalid')}</p>
      </div>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t('meetings.rsvpPage.title')}</h1>
      <p>
        {t('meetings.rsvpPage.meeting', {
          title: data.meeting.title,
          date: formatDate(data.meeting.date),
          time: data.meeting.startTime,
          authority: data.authorityName,
        })}
      </p>
      {data.meeting.status === 'cancelled' ? <p className="notice error">{t('meetings.rsvpPage.cancelled')}</p> : null}
      {data.expired ? <p className="notice error">{t('meetings.rsvpPage.expired')}</p> : null}
      {result?.done ? (
        <p className="notice ok" role="status">
          {t(`meetings.rsvpPage.done.${result.done}`)}
        </p>
      ) : data.meeting.status !== 'cancelled' && !data.expired ? (
        <Form method="post" className="stacked">
          <input type="hidden" name="token" value={data.token} />
          <fieldset className="field">
            <legend>
              {t('meetings.rsvpPage.question', {
                name: data.invitation.name,
                organisation: data.invitation.organisationName,
              })}
            </legend>
            {ANSWERS.map((a) => (
              <label key={a} className="checkbox">
                <input type="radio" name="answer" value={a} defaultChecked={a === data.answer} />{' '}
                {t(`meetings.rsvp.${a}`)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit" className="button">
              {t('meetings.rsvpPage.submit')}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  )
}
