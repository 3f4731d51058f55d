import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRange, PhaseBadge, PlanBreadcrumbs, SectionBody, sectionTitle } from '~/components/plan-ui'
import { acceptsRecommendations, daysLeft, planPhase, WHOLE_PLAN_ANCHOR } from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import { decisionLabel } from '~/domain/adoption'
import { can } from '~/domain/permissions'
import { debateRequestsOf, debatesOf, DebateError, requestDebate } from '~/models/debate.server'
import { follow, isFollowing, unfollow } from '~/models/follow.server'
import { minutesOfPlan } from '~/models/minutes.server'
import { organisationsOfUser } from '~/models/organisation.server'
import { listAttachments, listVersions, recommendationCountsByAnchor, sectionsOf } from '~/models/plan.server'
import { countByAnswer } from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'
import { kickDelivery } from '~/services/email.server'
import { getActor, requireUser } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { plainTitle } from '~/utils/meta'
import { publicPlanFor } from '~/utils/plan-route.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.plan.title} · ${data.authority.name}`) : []

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority, plan, user, isStaff, canManage } = publicPlanFor(request, params.slug, params.planId)
  const today = clock.today()
  const phase = planPhase(plan, today)
  const counts = recommendationCountsByAnchor(plan.id)
  const sections = plan.currentVersionId ? sectionsOf(plan.currentVersionId) : []
  const versions = listVersions(plan.id)
  const memberships = user ? organisationsOfUser(user.id).filter((m) => m.status === 'active') : []
  const requests = debateRequestsOf(plan.id)
  return {
    authority: {
      slug: authority.slug,
      name: authority.name,
      contactEmail: authority.contactEmail,
      postalAddress: authority.postalAddress,
    },
    plan: {
      id: plan.id,
      reference: plan.reference,
      kind: plan.kind,
      title: plan.title,
      year: plan.year,
      summary: plan.summary,
      justification: plan.justification,
      publishedOn: plan.publishedOn,
      opensOn: plan.opensOn,
      closesOn: plan.closesOn,
      earliestAdoptionOn: plan.earliestAdoptionOn,
      withdrawnReason: plan.withdrawnReason,
    },
    phase,
    daysLeft: plan.closesOn && phase === 'open' ? daysLeft(plan.closesOn, today) : null,
    sections: sections.map((s) => ({
      id: s.id,
      anchor: s.anchor,
      number: s.number,
      heading: s.heading,
      level: s.level,
      html: s.html,
      count: counts.get(s.anchor)?.total ?? 0,
    })),
    wholePlanCount: counts.get('')?.total ?? 0,
    answers: countByAnswer(plan.id),
    versionCount: versions.length,
    currentVersion: versions.at(-1)?.number ?? 1,
    attachments: listAttachments(plan.id).map((a) => ({
      id: a.id,
      title: a.title,
      fileName: a.fileName,
      size: a.size,
    })),
    decision:
      plan.status === 'adopted' && plan.decisionNumber && plan.decisionDate && plan.adoptingBody
        ? decisionLabel({
            decisionNumber: plan.decisionNumber,
            decisionDate: plan.decisionDate,
            adoptingBody: plan.adoptingBody,
          })
        : null,
    minutes: minutesOfPlan(plan.id, { approvedOnly: true }).map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      date: m.date,
      participants: m.participants,
    })),
    debates: debatesOf(plan.id)
      .filter((d) => !d.cancelledAt)
      .map((d) => ({ id: d.id, date: d.date, time: d.time, place: d.place, onlineUrl: d.onlineUrl, notes: d.notes })),
    debateRequests: requests.map((r) => ({
      organisationName: r.organisationName,
      registrationNumber: r.registrationNumber,
      scheduled: r.debateId !== null,
    })),
    signedIn: !!user,
    following: user ? isFollowing(user.id, { type: 'plan', id: plan.id }) : false,
    followingAuthority: user ? isFollowing(user.id, { type: 'authority', id: authority.id }) : false,
    requestableOrganisations: acceptsRecommendations(plan, today)
      ? memberships
          .filter((m) => !requests.some((r) => r.organisationId === m.id))
          .map((m) => ({ id: m.id, name: m.name }))
      : [],
    isStaff,
    canManage,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, plan } = publicPlanFor(request, params.slug, params.planId)
  const user = requireUser(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const back = `/a/${authority.slug}/plans/${plan.id}`
  switch (intent) {
    case 'follow-plan':
      follow(user.id, { type: 'plan', id: plan.id })
      return redirect(`${back}?done=followed#follow`)
    case 'unfollow-plan':
      unfollow(user.id, { type: 'plan', id: plan.id })
      return redirect(`${back}?done=unfollowed#follow`)
    case 'follow-authority':
      follow(user.id, { type: 'authority', id: authority.id })
      return redirect(`${back}?done=followed#follow`)
    case 'unfollow-authority':
      unfollow(user.id, { type: 'authority', id: authority.id })
      return redirect(`${back}?done=unfollowed#follow`)
    case 'request-debate': {
      const organisationId = String(form.get('organisationId') ?? '')
      const reason = String(form.get('reason') ?? '').trim()
      if (!can(getActor(request), 'organisation.act_for', { type: 'organisation', organisationId })) {
        return invalid({ debateError: 'notMember' as const })
      }
      if (reason.length < 10 || reason.length > 5000) return invalid({ debateError: 'reason' as const })
      try {
        requestDebate(plan, { organisationId, reason }, user.id)
      } catch (e) {
        if (e instanceof DebateError) return invalid({ debateError: e.code })
        throw e
      }
      kickDelivery()
      return redirect(`${back}?done=debateRequested#debates`)
    }
    default:
      return invalid({ debateError: 'unknown' as const })
  }
}

function fileSize(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

export default function PlanPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { plan, authority, phase } = data
  const base = `/a/${authority.slug}/plans/${plan.id}`
  const open = phase === 'open'
  return (
    <div className="page plan-page">
      <PlanBreadcrumbs authority={authority} plan={plan} />
      <header className="plan-head">
        <p className="muted">
          {t(`plans.kinds.${plan.kind}`)} · {authority.name} · {plan.reference}
        </p>
        <h1>{plan.title}</h1>
        <p>
          <PhaseBadge phase={phase} />{' '}
          {data.daysLeft !== null ? <strong>{t('plans.page.daysLeft', { count: data.daysLeft })}</strong> : null}
        </p>
        {data.isStaff ? (
          <p>
            <Link to={`/a/${authority.slug}/staff/plans/${plan.id}`}>{t('plans.page.staffLink')}</Link>
          </p>
        ) : null}
      </header>

      {data.decision ? (
        <div className="notice ok" role="status">
          <strong>{t('plans.page.adoptedBy', { decision: data.decision })}</strong>{' '}
          <a href={`${base}/plan.docx`}>{t('plans.page.adoptedDocx')}</a>
        </div>
      ) : null}
      {phase === 'withdrawn' ? (
        <div className="notice error" role="status">
          <strong>{t('plans.page.withdrawn')}</strong> {plan.withdrawnReason}
        </div>
      ) : null}
      {phase === 'draft' ? <div className="notice">{t('plans.page.draftNotice')}</div> : null}

      <section className="announcement" aria-labelledby="announcement">
        <h2 id="announcement">{t('plans.page.announcement')}</h2>
        <dl className="facts">
          {plan.publishedOn ? (
            <>
              <dt>{t('plans.fields.publishedOn')}</dt>
              <dd>{formatDate(plan.publishedOn)}</dd>
              <dt>{t('plans.fields.window')}</dt>
              <dd>
                <DateRange from={plan.opensOn} to={plan.closesOn} />
              </dd>
              <dt>{t('plans.fields.earliestAdoptionOn')}</dt>
              <dd>{plan.earliestAdoptionOn ? formatDate(plan.earliestAdoptionOn) : ''}</dd>
            </>
          ) : null}
          <dt>{t('plans.fields.recommendations')}</dt>
          <dd>
            {t('plans.page.recommendationCounts', {
              count: data.answers.total,
              unanswered: data.answers.unanswered,
            })}{' '}
            {data.answers.total > 0 ? <Link to={`${base}/report`}>{t('plans.page.reportLink')}</Link> : null}
          </dd>
        </dl>
        {plan.summary ? <p className="lead">{plan.summary}</p> : null}
        <h3>{t('plans.fields.justification')}</h3>
        {plan.justification ? (
          <p className="pre-line">{plan.justification}</p>
        ) : (
          <p className="muted">{t('plans.page.noJustification')}</p>
        )}
        <h3>{t('plans.page.howToSend')}</h3>
        <ul>
          <li>{t('plans.page.howOnline')}</li>
          <li>
            {t('plans.page.howEmail')} <a href={`mailto:${authority.contactEmail}`}>{authority.contactEmail}</a>
          </li>
          <li>
            {t('plans.page.howPost')} {authority.postalAddress}
          </li>
        </ul>
        {plan.closesOn ? <p>{t('plans.page.deadline', { date: formatDate(plan.closesOn) })}</p> : null}
        {data.attachments.length > 0 ? (
          <>
            <h3>{t('plans.page.attachments')}</h3>
            <ul>
              {data.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`${base}/attachments/${a.id}`}>{a.title}</a>{' '}
                  <span className="muted">
                    ({a.fileName}, {fileSize(a.size)})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {data.minutes.length > 0 ? (
        <section aria-labelledby="minutes" className="panel">
          <h2 id="minutes">{t('minutes.publicTitle')}</h2>
          <ul>
            {data.minutes.map((m) => (
              <li key={m.id}>
                <Link to={`/a/${authority.slug}/minutes/${m.id}`}>{m.title}</Link> · {formatDate(m.date)} ·{' '}
                {t(`minutes.kinds.${m.kind}`)} · {t('minutes.participantsCount', { count: m.participants })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="follow" className="follow-box">
        <h2 id="follow">{t('plans.page.followTitle')}</h2>
        {data.signedIn ? (
          <div className="actions">
            <Form method="post">
              <input type="hidden" name="intent" value={data.following ? 'unfollow-plan' : 'follow-plan'} />
              <button type="submit" className="button button-small">
                {data.following ? t('plans.page.unfollowPlan') : t('plans.page.followPlan')}
              </button>
            </Form>
            <Form method="post">
              <input
                type="hidden"
                name="intent"
                value={data.followingAuthority ? 'unfollow-authority' : 'follow-authority'}
              />
              <button type="submit" className="button button-small">
                {data.followingAuthority
                  ? t('plans.page.unfollowAuthority', { authority: authority.name })
                  : t('plans.page.followAuthority', { authority: authority.name })}
              </button>
            </Form>
          </div>
        ) : (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(base)}`}>{t('plans.page.logInToFollow')}</Link>
          </p>
        )}
        <p className="muted">
          <a href={`/consultations/feed.xml`}>{t('plans.page.feed')}</a>
        </p>
      </section>

      <section aria-labelledby="debates" className="debates">
        <h2 id="debates">{t('plans.debates.title')}</h2>
        {data.debates.length === 0 ? <p className="muted">{t('plans.debates.none')}</p> : null}
        <ul>
          {data.debates.map((d) => (
            <li key={d.id}>
              <strong>
                {formatDate(d.date)}, {d.time}
              </strong>
              {d.place ? ` · ${d.place}` : ''}
              {d.onlineUrl ? (
                <>
                  {' · '}
                  <a href={d.onlineUrl} rel="noopener noreferrer">
                    {t('plans.debates.onlineLink')}
                  </a>
                </>
              ) : null}
              {d.notes ? <p className="pre-line">{d.notes}</p> : null}
            </li>
          ))}
        </ul>
        {data.debateRequests.length > 0 ? (
          <>
            <h3>{t('plans.debates.requests')}</h3>
            <ul>
              {data.debateRequests.map((r) => (
                <li key={r.registrationNumber}>
                  {r.organisationName} ({r.registrationNumber}) ·{' '}
                  {r.scheduled ? t('plans.debates.scheduled') : t('plans.debates.waiting')}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {data.requestableOrganisations.length > 0 ? (
          <details className="disclosure" open={!!actionData?.debateError}>
            <summary>{t('plans.debates.requestTitle')}</summary>
            <p className="hint">{t('plans.debates.requestHint')}</p>
            <Form method="post" className="stacked">
              <input type="hidden" name="intent" value="request-debate" />
              {actionData?.debateError ? (
                <p className="field-error" role="alert">
                  {t(`plans.debates.errors.${actionData.debateError}`)}
                </p>
              ) : null}
              <div className="field">
                <label htmlFor="debate-org">{t('plans.debates.organisation')}</label>
                <select id="debate-org" name="organisationId">
                  {data.requestableOrganisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="debate-reason">{t('plans.debates.reason')}</label>
                <textarea id="debate-reason" name="reason" rows={4} required minLength={10} maxLength={5000} />
              </div>
              <div className="actions">
                <button type="submit" className="button">
                  {t('plans.debates.submit')}
                </button>
              </div>
            </Form>
          </details>
        ) : null}
      </section>

      <nav aria-labelledby="contents" className="plan-toc">
        <h2 id="contents">{t('plans.page.contents')}</h2>
        {data.versionCount > 1 ? (
          <p>
            {t('plans.page.versionNote', { number: data.currentVersion })}{' '}
            <Link to={`${base}/changes`}>{t('plans.page.changesLink')}</Link>
          </p>
        ) : null}
        <ol className="toc">
          <li>
            <Link to={`${base}/sections/${WHOLE_PLAN_ANCHOR}`}>{t('plans.page.wholePlan')}</Link>{' '}
            <span className="count">{t('plans.page.commentCount', { count: data.wholePlanCount })}</span>
          </li>
          {data.sections.map((s) => (
            <li key={s.id} className={`toc-level-${Math.min(s.level, 4)}`}>
              <a href={`#${s.anchor}`}>{sectionTitle(s) || t('plans.page.untitled')}</a>{' '}
              {s.count > 0 ? <span className="count">{t('plans.page.commentCount', { count: s.count })}</span> : null}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="text" className="plan-text">
        <h2 id="text">{t('plans.page.text')}</h2>
        {data.sections.map((s) => {
          const Heading = s.level <= 1 ? 'h3' : s.level === 2 ? 'h4' : 'h5'
          return (
            <article key={s.id} id={s.anchor} className={`plan-section level-${Math.min(s.level, 4)}`}>
              <Heading>{sectionTitle(s) || t('plans.page.untitled')}</Heading>
              <SectionBody html={s.html} label={t('plans.page.tableOf', { section: sectionTitle(s) })} />
              <p className="section-actions">
                <Link to={`${base}/sections/${s.anchor}`}>
                  {open ? t('plans.page.commentOn') : t('plans.page.readComments')}
                  <span className="visually-hidden"> {sectionTitle(s)}</span>
                </Link>{' '}
                <span className="count">{t('plans.page.commentCount', { count: s.count })}</span>
              </p>
            </article>
          )
        })}
      </section>
    </div>
  )
}
