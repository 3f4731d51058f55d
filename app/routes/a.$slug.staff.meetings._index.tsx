import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/domain/dates'
import { meetingFormSchema } from '~/domain/meeting-form'
import { can } from '~/domain/permissions'
import { requiredMeetings, semesterLabel } from '~/domain/semesters'
import { authorityBoard, createMeeting, listMeetings } from '~/models/meetings.server'
import { clock } from '~/services/clock.server'
import { forbidden } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { authorityFor } from '~/utils/protocol-route.server'

export const handle = { staffBreadcrumb: 'meetings.board.title' }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'meetings.board.title')

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, actor } = authorityFor(request, params.slug, 'plan.view')
  const { types, semesters, board } = authorityBoard(authority.id)
  return {
    slug: authority.slug,
    types,
    semesters: semesters.map((s) => semesterLabel(s)),
    board,
    required: requiredMeetings(types.map((t) => t.code)),
    meetings: listMeetings(authority.id).reverse(),
    today: clock.today(),
    canManage: can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, actor, user } = authorityFor(request, params.slug, 'plan.view')
  if (!can(actor, 'meeting.manage', { type: 'authority', authorityId: authority.id })) throw forbidden()
  const form = await request.formData()
  const parsed = meetingFormSchema.safeParse({
    ...Object.fromEntries(form),
    serviceTypes: form.getAll('serviceTypes').map(String),
  })
  if (!parsed.success) return invalid({ errors: parsed.error.issues.map((i) => i.message) })
  const v = parsed.data
  const meeting = createMeeting(
    authority.id,
    { ...v, place: v.place || null, onlineUrl: v.onlineUrl || null, agenda: v.agenda ?? '' },
    user.id,
  )
  return redirect(`/a/${authority.slug}/staff/meetings/${meeting.id}?done=created`)
}

export default function MeetingsBoard() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <>
      <h1>{t('meetings.board.title')}</h1>
      <p className="lead">{t('meetings.board.intro', { count: data.required })}</p>
      <p>
        <Link to={`/a/${data.slug}/staff/services`}>{t('meetings.services.title')}</Link> ·{' '}
        <Link to={`/a/${data.slug}/staff/partners`}>{t('meetings.partners.title')}</Link> ·{' '}
        <Link to={`/a/${data.slug}/meetings`}>{t('meetings.calendar.title')}</Link>
      </p>
      {data.types.length === 0 ? (
        <p className="notice">{t('meetings.board.noServices')}</p>
      ) : (
        <div className="table-wrap">
          <table className="board">
            <caption>{t('meetings.board.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.board.type')}</th>
                {data.semesters.map((s) => (
                  <th scope="col" key={s}>
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.types.map((type) => (
                <tr key={type.code}>
                  <th scope="row">
                    {type.code}
                    <br />
                    <span className="muted">{type.names.join('; ')}</span>
                  </th>
                  {data.semesters.map((s) => {
                    const cell = data.board[type.code]?.[s]
                    const state = cell?.state ?? 'missing'
                    return (
                      <td key={s} className={`board-${state}`}>
                        <span
                          className={`badge ${state === 'held' ? 'ok' : state === 'scheduled' ? 'warn' : 'danger'}`}
                        >
                          {t(`meetings.board.states.${state}`)}
                        </span>
                        {cell?.meetingIds.map((id) => (
                          <div key={id}>
                            <Link to={`/a/${data.slug}/staff/meetings/${id}`}>{t('meetings.board.meetingLink')}</Link>
                          </div>
                        ))}
                        {cell?.reasons.map((r) => (
                          <p key={r.meetingId} className="hint">
                            <Link to={`/a/${data.slug}/staff/meetings/${r.meetingId}`}>
                              {t('meetings.board.notCounted')}
                            </Link>{' '}
                            {t('meetings.board.missingGroups', {
                              groups: r.missingGroups.map((g) => t(`meetings.groups.${g}`)).join(', '),
                            })}
                          </p>
                        ))}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('meetings.board.listTitle')}</h2>
      {data.meetings.length === 0 ? <p className="muted">{t('meetings.board.noMeetings')}</p> : null}
      <ul>
        {data.meetings.map((m) => (
          <li key={m.id}>
            <Link to={`/a/${data.slug}/staff/meetings/${m.id}`}>{m.title}</Link> · {formatDate(m.date)}, {m.startTime} ·{' '}
            {m.serviceTypes.join(', ')} · <strong>{t(`meetings.statuses.${m.status}`)}</strong>
          </li>
        ))}
      </ul>

      {data.canManage && data.types.length > 0 ? (
        <section aria-labelledby="new-meeting">
          <h2 id="new-meeting">{t('meetings.board.newTitle')}</h2>
          {reply?.errors?.length ? (
            <p className="field-error" role="alert">
              {reply.errors.map((e) => t(e)).join(' ')}
            </p>
          ) : null}
          <Form method="post" className="stacked">
            <div className="field">
              <label htmlFor="m-title">{t('meetings.fields.title')}</label>
              <input id="m-title" name="title" required minLength={5} defaultValue={t('meetings.board.defaultTitle')} />
            </div>
            <fieldset className="field">
              <legend>{t('meetings.fields.serviceTypes')}</legend>
              {data.types.map((type) => (
                <label key={type.code} className="checkbox">
                  <input type="checkbox" name="serviceTypes" value={type.code} /> {type.code} ({type.names.join('; ')})
                </label>
              ))}
            </fieldset>
            <div className="field-row">
              <div className="field">
                <label htmlFor="m-date">{t('meetings.fields.date')}</label>
                <input id="m-date" name="date" type="date" required defaultValue={data.today} />
              </div>
              <div className="field">
                <label htmlFor="m-start">{t('meetings.fields.startTime')}</label>
                <input id="m-start" name="startTime" required pattern="[0-2][0-9]:[0-5][0-9]" defaultValue="10:00" />
              </div>
              <div className="field">
                <label htmlFor="m-end">{t('meetings.fields.endTime')}</label>
                <input id="m-end" name="endTime" required pattern="[0-2][0-9]:[0-5][0-9]" defaultValue="12:00" />
              </div>
            </div>
            <div className="field">
              <label htmlFor="m-place">{t('meetings.fields.place')}</label>
              <input id="m-place" name="place" />
            </div>
            <div className="field">
              <label htmlFor="m-online">{t('meetings.fields.onlineUrl')}</label>
              <input id="m-online" name="onlineUrl" type="url" />
            </div>
            <div className="field">
              <label htmlFor="m-agenda">{t('meetings.fields.agenda')}</label>
              <textarea id="m-agenda" name="agenda" rows={4} />
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t('meetings.board.create')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
