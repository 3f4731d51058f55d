import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatDate } from '~/domain/dates'
import { meetingFormSchema } from '~/domain/meeting-form'
import { categoryOfGroup } from '~/domain/meeting-rules'
import { can } from '~/domain/permissions'
import { TRIPARTITE_GROUPS, type TripartiteGroup } from '~/domain/semesters'
import {
  addAttendance,
  attendanceOf,
  cancelMeeting,
  getMeeting,
  invitationsOf,
  invite,
  markHeld,
  meetingTypes,
  minutesOfMeeting,
  removeAttendance,
  suggestedInvitees,
  updateMeeting,
} from '~/models/meetings.server'
import { createMinutes } from '~/models/minutes.server'
import { serviceTypes } from '~/models/services.server'
import { clock } from '~/services/clock.server'
import { forbidden, notFound } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'meetings.meeting.title' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.meeting.title) : []

function meetingFor(request: Request, params: Record<string, string | undefined>) {
  const context = authorityFor(request, params.slug, 'plan.view')
  const meeting = getMeeting(context.authority.id, params.meetingId ?? '')
  if (!meeting) throw notFound()
  return { ...context, meeting }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, meeting, actor } = meetingFor(request, params)
  const groupsPresent = new Set(attendanceOf(meeting.id).map((a) => a.group))
  return {
    slug: authority.slug,
    meeting,
    types: meetingTypes(meeting.id),
    allTypes: serviceTypes(authority.id),
    invitations: invitationsOf(meeting.id),
    suggestions: meeting.status === 'cancelled' ? [] : suggestedInvitees(meeting),
    attendance: attendanceOf(meeting.id),
    missingGroups: TRIPARTITE_GROUPS.filter((g) => !groupsPresent.has(g)),
    minutes: minutesOfMeeting(meeting.id).map((m) => ({ id: m.id, title: m.title, status: m.status })),
    today: clock.today(),
    canManage: can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id }),
  }
}

const manualInvitee = z.object({
  organisationName: z.string().trim().min(2).max(300),
  group: z.enum(TRIPARTITE_GROUPS),
  name: z.string().trim().min(2).max(200),
  email: z.string().trim().email().max(320),
})

const attendanceRow = z.object({
  organisationName: z.string().trim().min(2).max(300),
  group: z.enum(TRIPARTITE_GROUPS),
  persons: z.string().trim().min(2).max(5000),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, meeting, actor, user } = meetingFor(request, params)
  if (!can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const back = (done: string, anchor = '') =>
    redirect(`/a/${authority.slug}/staff/meetings/${meeting.id}?done=${done}${anchor}`)
  switch (intent) {
    case 'update': {
      const parsed = meetingFormSchema.safeParse({
        ...Object.fromEntries(form),
        serviceTypes: form.getAll('serviceTypes').map(String),
      })
      if (!parsed.success) return invalid({ intent, errors: parsed.error.issues.map((i) => i.message) })
      const v = parsed.data
      await updateMeeting(
        meeting,
        { ...v, place: v.place || null, onlineUrl: v.onlineUrl || null, agenda: v.agenda ?? '' },
        user.id,
      )
      return back('updated')
    }
    case 'invite': {
      const chosen = new Set(form.getAll('suggestion').map(String))
      const invitees = suggestedInvitees(meeting)
        .filter((s) => chosen.has(s.key))
        .map(({ key: _key, ...rest }) => rest)
      if (String(form.get('email') ?? '').trim()) {
        const parsed = manualInvitee.safeParse(Object.fromEntries(form))
        if (!parsed.success) return invalid({ intent, errors: ['meetings.meeting.inviteInvalid'] })
        invitees.push({ partnerId: null, ...parsed.data })
      }
      if (invitees.length === 0) return invalid({ intent, errors: ['meetings.meeting.nobodyChosen'] })
      await invite(meeting, invitees, user.id)
      return back('invited', '#invitations')
    }
    case 'attendance': {
      const parsed = attendanceRow.safeParse(Object.fromEntries(form))
      if (!parsed.success) return invalid({ intent, errors: ['meetings.meeting.attendanceInvalid'] })
      const invitation = invitationsOf(meeting.id).find((i) => i.organisationName === parsed.data.organisationName)
      addAttendance(
        meeting,
        { partnerId: invitation?.partnerId ?? null, ...parsed.data, group: parsed.data.group as TripartiteGroup },
        user.id,
      )
      return back('attendance', '#attendance')
    }
    case 'remove-attendance':
      removeAttendance(meeting, Number(form.get('id')), user.id)
      return back('attendance', '#attendance')
    case 'held':
      if (!markHeld(meeting, user.id)) return invalid({ intent, errors: ['meetings.meeting.notYet'] })
      return back('held')
    case 'cancel':
      await cancelMeeting(meeting, String(form.get('reason') ?? '').trim() || null, user.id)
      return back('cancelled')
    case 'minutes': {
      const attendance = attendanceOf(meeting.id)
      const m = createMinutes(
        authority.id,
        { planId: null, debateId: null, meetingId: meeting.id },
        {
          kind: 'tripartite_meeting',
          title: meeting.title,
          date: meeting.date,
          time: meeting.startTime,
          place: meeting.place,
          onlineUrl: meeting.onlineUrl,
          agenda: meeting.agenda,
          summary: '',
          conclusions: '',
          closedReason: null,
        },
        attendance.map((a) => ({
          organisationId: null,
          organisationName: a.organisationName,
          category: categoryOfGroup(a.group),
          persons: a.persons,
        })),
        user.id,
      )
      return redirect(`/a/${authority.slug}/staff/minutes/${m.id}?done=created`)
    }
  }
  return invalid({ intent: 'unknown', errors: ['meetings.meeting.unknown'] })
}

export default function MeetingPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const m = data.meeting
  const editable = data.canManage && m.status !== 'cancelled'
  return (
    <>
      <h1>{m.title}</h1>
      <p>
        {formatDate(m.date)}, {m.startTime}–{m.endTime} · {m.place ?? m.onlineUrl ?? ''} ·{' '}
        <strong>{t(`meetings.statuses.${m.status}`)}</strong> · {data.types.join(', ')}
      </p>
      <p>
        <Link to={`/a/${data.slug}/staff/meetings`}>{t('meetings.board.title')}</Link> ·{' '}
        <Link to={`/audit/meeting/${m.id}`}>{t('plans.staff.history')}</Link>
      </p>
      {done ? (
        <div className="notice ok" role="status">
          {t(`meetings.meeting.done.${done}`, { defaultValue: '' })}
        </div>
      ) : null}
      {reply?.errors?.length ? (
        <div className="notice error" role="alert">
          {reply.errors.map((e) => t(e)).join(' ')}
        </div>
      ) : null}
      {m.status === 'held' || data.attendance.length > 0 ? (
        data.missingGroups.length === 0 ? (
          <p className="notice ok">{t('meetings.meeting.counts')}</p>
        ) : (
          <p className="notice warn">
            {t('meetings.meeting.doesNotCount', {
              groups: data.missingGroups.map((g) => t(`meetings.groups.${g}`)).join(', '),
            })}
          </p>
        )
      ) : null}

      <section aria-labelledby="invitations">
        <h2 id="invitations">{t('meetings.meeting.invitationsTitle')}</h2>
        {data.invitations.length === 0 ? <p className="muted">{t('meetings.meeting.noInvitations')}</p> : null}
        {data.invitations.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.fields.organisation')}</th>
                  <th scope="col">{t('meetings.fields.group')}</th>
                  <th scope="col">{t('meetings.fields.person')}</th>
                  <th scope="col">{t('meetings.fields.rsvp')}</th>
                </tr>
              </thead>
              <tbody>
                {data.invitations.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.organisationName}</th>
                    <td>{t(`meetings.groups.${i.group}`)}</td>
                    <td>
                      {i.name} &lt;{i.email}&gt;
                    </td>
                    <td>{t(`meetings.rsvp.${i.rsvp}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {editable && m.status === 'scheduled' ? (
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="invite" />
            {data.suggestions.length > 0 ? (
              <fieldset className="field">
                <legend>{t('meetings.meeting.suggested')}</legend>
                {TRIPARTITE_GROUPS.map((g) => (
                  <div key={g}>
                    <p>
                      <strong>{t(`meetings.groups.${g}`)}</strong>
                    </p>
                    {data.suggestions
                      .filter((s) => s.group === g)
                      .map((s) => (
                        <label key={s.key} className="checkbox">
                          <input type="checkbox" name="suggestion" value={s.key} defaultChecked /> {s.organisationName}:{' '}
                          {s.name} &lt;{s.email}&gt;
                        </label>
                      ))}
                  </div>
                ))}
              </fieldset>
            ) : (
              <p className="hint">{t('meetings.meeting.noSuggestions')}</p>
            )}
            <fieldset className="field">
              <legend>{t('meetings.meeting.someoneElse')}</legend>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="inv-org">{t('meetings.fields.organisation')}</label>
                  <input id="inv-org" name="organisationName" />
                </div>
                <div className="field">
                  <label htmlFor="inv-group">{t('meetings.fields.group')}</label>
                  <select id="inv-group" name="group">
                    {TRIPARTITE_GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {t(`meetings.groups.${g}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="inv-name">{t('meetings.fields.person')}</label>
                  <input id="inv-name" name="name" />
                </div>
                <div className="field">
                  <label htmlFor="inv-email">{t('meetings.fields.email')}</label>
                  <input id="inv-email" name="email" type="email" />
                </div>
              </div>
            </fieldset>
            <div className="actions">
              <button type="submit" className="button">
                {t('meetings.meeting.sendInvitations')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('meetings.meeting.attendanceTitle')}</h2>
        {data.attendance.length === 0 ? <p className="muted">{t('meetings.meeting.noAttendance')}</p> : null}
        <ul>
          {data.attendance.map((a) => (
            <li key={a.id}>
              <strong>{a.organisationName}</strong> ({t(`meetings.groups.${a.group}`)}):{' '}
              {a.persons.split('\n').join(', ')}
              {editable ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-attendance" />
                  <input type="hidden" name="id" value={a.id} />
                  <button type="submit" className="link-button">
                    {t('minutes.staff.remove')}
                    <span className="visually-hidden"> {a.organisationName}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {editable ? (
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="attendance" />
            <div className="field-row">
              <div className="field">
                <label htmlFor="att-org">{t('meetings.fields.organisation')}</label>
                <input id="att-org" name="organisationName" required list="invited-organisations" />
                <datalist id="invited-organisations">
                  {[...new Set(data.invitations.map((i) => i.organisationName))].map((o) => (
                    <option key={o} value={o} />
                  ))}
                </datalist>
              </div>
              <div className="field">
                <label htmlFor="att-group">{t('meetings.fields.group')}</label>
                <select id="att-group" name="group">
                  {TRIPARTITE_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`meetings.groups.${g}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor="att-persons">{t('minutes.fields.persons')}</label>
              <textarea id="att-persons" name="persons" rows={2} required />
            </div>
            <div className="actions">
              <button type="submit" className="button button-small">
                {t('meetings.meeting.addAttendance')}
              </button>
            </div>
          </Form>
        ) : null}
        {data.canManage && m.status === 'scheduled' && m.date <= data.today ? (
          <Form method="post">
            <input type="hidden" name="intent" value="held" />
            <button type="submit" className="button">
              {t('meetings.meeting.markHeld')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="meeting-minutes">
        <h2 id="meeting-minutes">{t('minutes.publicTitle')}</h2>
        <ul>
          {data.minutes.map((mm) => (
            <li key={mm.id}>
              <Link to={`/a/${data.slug}/staff/minutes/${mm.id}`}>{mm.title}</Link> ·{' '}
              {t(`minutes.statuses.${mm.status}`)}
            </li>
          ))}
        </ul>
        {data.canManage && data.minutes.length === 0 && m.status !== 'cancelled' ? (
          <Form method="post">
            <input type="hidden" name="intent" value="minutes" />
            <button type="submit" className="button button-small">
              {t('meetings.meeting.writeMinutes')}
            </button>
          </Form>
        ) : null}
      </section>

      {editable && m.status === 'scheduled' ? (
        <>
          <section aria-labelledby="change">
            <h2 id="change">{t('meetings.meeting.changeTitle')}</h2>
            <p className="hint">{t('meetings.meeting.changeHint')}</p>
            <Form method="post" className="stacked">
              <input type="hidden" name="intent" value="update" />
              <div className="field">
                <label htmlFor="u-title">{t('meetings.fields.title')}</label>
                <input id="u-title" name="title" defaultValue={m.title} required />
              </div>
              <fieldset className="field">
                <legend>{t('meetings.fields.serviceTypes')}</legend>
                {data.allTypes.map((type) => (
                  <label key={type.code} className="checkbox">
                    <input
                      type="checkbox"
                      name="serviceTypes"
                      value={type.code}
                      defaultChecked={data.types.includes(type.code)}
                    />{' '}
                    {type.code}
                  </label>
                ))}
              </fieldset>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="u-date">{t('meetings.fields.date')}</label>
                  <input id="u-date" name="date" type="date" defaultValue={m.date} required />
                </div>
                <div className="field">
                  <label htmlFor="u-start">{t('meetings.fields.startTime')}</label>
                  <input id="u-start" name="startTime" defaultValue={m.startTime} required />
                </div>
                <div className="field">
                  <label htmlFor="u-end">{t('meetings.fields.endTime')}</label>
                  <input id="u-end" name="endTime" defaultValue={m.endTime} required />
                </div>
              </div>
              <div className="field">
                <label htmlFor="u-place">{t('meetings.fields.place')}</label>
                <input id="u-place" name="place" defaultValue={m.place ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="u-online">{t('meetings.fields.onlineUrl')}</label>
                <input id="u-online" name="onlineUrl" type="url" defaultValue={m.onlineUrl ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="u-agenda">{t('meetings.fields.agenda')}</label>
                <textarea id="u-agenda" name="agenda" rows={3} defaultValue={m.agenda} />
              </div>
              <div className="actions">
                <button type="submit" className="button">
                  {t('plans.staff.save')}
                </button>
              </div>
            </Form>
          </section>
          <section aria-labelledby="cancel">
            <h2 id="cancel">{t('meetings.meeting.cancelTitle')}</h2>
            <Form method="post" className="stacked">
              <input type="hidden" name="intent" value="cancel" />
              <div className="field">
                <label htmlFor="c-reason">{t('meetings.meeting.cancelReason')}</label>
                <input id="c-reason" name="reason" />
              </div>
              <div className="actions">
                <button type="submit" className="button button-small danger">
                  {t('meetings.meeting.cancelSubmit')}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  )
}
