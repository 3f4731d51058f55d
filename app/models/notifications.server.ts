/**
 * The notification engine: events are written as `notifications` rows in the transaction of
 * the change that caused them (app/models/plan, recommendation, debate); the worker turns each
 * into an email at once, into a daily or weekly digest, or into nothing, by the person's
 * preference for that kind. Essential messages (a receipt, a request the authority must act on,
 * the answer to the organisation that asked for a debate) ignore preferences. Every non-essential
 * email carries a signed one-click unsubscribe link and the List-Unsubscribe headers.
 */
import { TZDate } from '@date-fns/tz'
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import {
  authorities,
  debateRequests,
  minutes,
  notificationPreferences,
  notifications,
  organisations,
  plans,
  planSections,
  publicDebates,
  recommendations,
  users,
} from '#db/schema.ts'
import { daysLeft } from '~/domain/consultation'
import { CHOOSABLE_KINDS, isChoosable, type ChoosableKind, type NotificationMode } from '~/domain/notification-kinds'
import { bucharestDate, TIME_ZONE } from '~/domain/dates'
import { clock } from '~/services/clock.server'
import { getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'
import {
  enqueueEmail,
  enqueueEmails,
  kickDelivery,
  renderEmail,
  renderEmails,
  type EmailRequest,
} from '~/services/email.server'
import { signToken, verifyToken } from '~/utils/signed-token.server'
import { ONE_CLICK_UNSUBSCRIBE_PATH } from '~/utils/origin'
import type { AppLocale } from '~/i18n'
import type { TemplateData, TemplateName } from '#emails/index.ts'

export type NotificationKind = (typeof notifications.$inferSelect)['kind']
type NotificationRow = typeof notifications.$inferSelect
export { CHOOSABLE_KINDS, isChoosable, type ChoosableKind, type NotificationMode }

/** A notification is essential when the person must hear of it whatever they chose. */
function isEssential(row: Pick<NotificationRow, 'kind' | 'reason'>): boolean {
  if (row.kind === 'debate_scheduled') return row.reason === null
  return !isChoosable(row.kind)
}

// ---------------------------------------------------------------- preferences

export function preferencesOf(userId: string): Record<ChoosableKind, NotificationMode> {
  const stored = getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).all()
  const result = Object.fromEntries(CHOOSABLE_KINDS.map((k) => [k, 'immediate'])) as Record<
    ChoosableKind,
    NotificationMode
  >
  for (const p of stored) if (isChoosable(p.kind)) result[p.kind] = p.mode
  return result
}

export function setPreference(userId: string, kind: ChoosableKind, mode: NotificationMode) {
  const now = clock.now()
  getDb()
    .insert(notificationPreferences)
    .values({ userId, kind, mode, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { mode, updatedAt: now },
    })
    .run()
}

const UNSUBSCRIBE = 'unsubscribe'

/** What an unsubscribe link stops: one kind, or (from a digest, which mixes kinds) every kind. */
export type UnsubscribeScope = ChoosableKind | 'all'

export function unsubscribeToken(userId: string, kind: UnsubscribeScope): string {
  return signToken(UNSUBSCRIBE, userId, kind)
}

/** The person an unsubscribe link was made for, when genuine. */
export function verifyUnsubscribe(kind: string, token: string | null | undefined): string | null {
  if (kind !== 'all' && !isChoosable(kind)) return null
  return verifyToken(UNSUBSCRIBE, token, kind)
}

/** Switches off what an unsubscribe link names. */
export function unsubscribe(userId: string, scope: UnsubscribeScope) {
  for (const kind of scope === 'all' ? CHOOSABLE_KINDS : [scope]) setPreference(userId, kind, 'off')
}

export function unsubscribeUrl(userId: string, kind: UnsubscribeScope): string {
  return `${getConfig().appUrl}/unsubscribe?kind=${kind}&token=${encodeURIComponent(unsubscribeToken(userId, kind))}`
}

function unsubscribeHeaders(userId: string, kind: UnsubscribeScope): Record<string, string> {
  const oneClick = `${getConfig().appUrl}${ONE_CLICK_UNSUBSCRIBE_PATH}?kind=${kind}&token=${encodeURIComponent(unsubscribeToken(userId, kind))}`
  return { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

// ---------------------------------------------------------------- building the emails

type Recipient = { id: string; name: string; email: string; locale: AppLocale }

/** An email to render for one notification (rendered together with the others of its batch). */
type Draft = { request: EmailRequest; authorityId: string | null; headers?: Record<string, string> }

const email = <N extends TemplateName>(template: N, data: TemplateData<N>, locale: AppLocale) =>
  ({ template, data, locale }) as EmailRequest

/** Per batch: plans, authorities, debates and counts are read once however many followers they have. */
class Lookups {
  private planCache = new Map<
    string,
    { plan: typeof plans.$inferSelect; authority: typeof authorities.$inferSelect } | null
  >()
  private debateCache = new Map<string, typeof publicDebates.$inferSelect | null>()
  private countCache = new Map<string, number>()

  debate(id: string) {
    if (!this.debateCache.has(id)) {
      this.debateCache.set(id, getDb().select().from(publicDebates).where(eq(publicDebates.id, id)).get() ?? null)
    }
    return this.debateCache.get(id) ?? null
  }

  recommendationCount(planId: string) {
    let n = this.countCache.get(planId)
    if (n === undefined) this.countCache.set(planId, (n = countRecommendations(planId)))
    return n
  }

  plan(planId: string) {
    if (!this.planCache.has(planId)) {
      const row = getDb()
        .select({ plan: plans, authority: authorities })
        .from(plans)
        .innerJoin(authorities, eq(authorities.id, plans.authorityId))
        .where(eq(plans.id, planId))
        .get()
      this.planCache.set(planId, row ?? null)
    }
    return this.planCache.get(planId) ?? null
  }
}

const base = () => getConfig().appUrl
const planUrl = (slug: string, planId: string) => `${base()}/a/${slug}/plans/${planId}`
const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 277).trimEnd()}…` : text)

function recommendationFacts(id: string) {
  return getDb()
    .select({
      rec: recommendations,
      sectionNumber: planSections.number,
      sectionHeading: planSections.heading,
      organisationName: organisations.name,
    })
    .from(recommendations)
    .leftJoin(planSections, eq(planSections.id, recommendations.sectionId))
    .leftJoin(organisations, eq(organisations.id, recommendations.organisationId))
    .where(eq(recommendations.id, id))
    .get()
}

function sectionLabel(number: string | null, heading: string | null): string | null {
  if (number === null && heading === null) return null
  return [number, heading].filter(Boolean).join(' ')
}

function countRecommendations(planId: string) {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), eq(recommendations.status, 'registered')))
    .get()!.n
}

function build(row: NotificationRow, to: Recipient, lookups: Lookups): Draft | null {
  const locale = to.locale
  const preferencesUrl = `${base()}/account/notifications`
  switch (row.kind) {
    case 'recommendation_receipt':
    case 'recommendation_answered': {
      const facts = recommendationFacts(row.subjectId)
      if (!facts) return null
      const found = lookups.plan(facts.rec.planId)
      if (!found) return null
      const { plan, authority } = found
      const recommendationUrl = `${planUrl(authority.slug, plan.id)}/recommendations/${facts.rec.id}`
      const common = {
        recipientName: to.name,
        authorityName: authority.name,
        planTitle: plan.title,
        registrationNumber: facts.rec.registrationNumber,
        sectionLabel: sectionLabel(facts.sectionNumber, facts.sectionHeading),
        excerpt: excerpt(facts.rec.text),
        recommendationUrl,
      }
      if (row.kind === 'recommendation_receipt') {
        const receipt = (row.details?.receipt as 'registered' | 'edited' | 'withdrawn' | undefined) ?? 'registered'
        const request = email(
          'recommendation-receipt',
          {
            ...common,
            kind: receipt,
            submittedOn: facts.rec.submittedOn,
            onBehalfOf: facts.organisationName,
            closesOn: plan.closesOn ?? facts.rec.submittedOn,
          },
          locale,
        )
        return { request, authorityId: authority.id }
      }
      if (!facts.rec.answer) return null
      const request = email(
        'recommendation-answered',
        {
          ...common,
          answer: facts.rec.answer,
          justification: facts.rec.answerJustification,
          reportUrl: `${planUrl(authority.slug, plan.id)}/report`,
          unsubscribeUrl: unsubscribeUrl(to.id, 'recommendation_answered'),
          preferencesUrl,
        },
        locale,
      )
      return { request, authorityId: authority.id, headers: unsubscribeHeaders(to.id, 'recommendation_answered') }
    }
    case 'consultation_opened':
    case 'consultation_closing': {
      const found = lookups.plan(row.subjectId)
      if (!found || found.plan.status !== 'in_consultation') return null
      const { plan, authority } = found
      const reason = (row.reason ?? 'plan') as 'authority' | 'plan_kind' | 'plan'
      const common = {
        recipientName: to.name,
        reason,
        authorityName: authority.name,
        planTitle: plan.title,
        planUrl: planUrl(authority.slug, plan.id),
        unsubscribeUrl: unsubscribeUrl(to.id, row.kind),
        preferencesUrl,
      }
      const request =
        row.kind === 'consultation_opened'
          ? email(
              'consultation-opened',
              {
                ...common,
                planKind: plan.kind,
                summary: plan.summary,
                opensOn: plan.opensOn!,
                closesOn: plan.closesOn!,
                earliestAdoptionOn: plan.earliestAdoptionOn!,
              },
              locale,
            )
          : email(
              'consultation-closing',
              {
                ...common,
                closesOn: plan.closesOn!,
                daysLeft: daysLeft(plan.closesOn!, clock.today()),
                recommendationCount: lookups.recommendationCount(plan.id),
              },
              locale,
            )
      return { request, authorityId: authority.id, headers: unsubscribeHeaders(to.id, row.kind) }
    }
    case 'debate_requested': {
      const asked = getDb()
        .select({ request: debateRequests, organisationName: organisations.name, requesterName: users.name })
        .from(debateRequests)
        .innerJoin(organisations, eq(organisations.id, debateRequests.organisationId))
        .innerJoin(users, eq(users.id, debateRequests.requestedBy))
        .where(eq(debateRequests.id, row.subjectId))
        .get()
      if (!asked) return null
      const found = lookups.plan(asked.request.planId)
      if (!found) return null
      const request = email(
        'debate-requested',
        {
          recipientName: to.name,
          authorityName: found.authority.name,
          planTitle: found.plan.title,
          organisationName: asked.organisationName,
          requesterName: asked.requesterName,
          reason: asked.request.reason,
          registrationNumber: asked.request.registrationNumber,
          requestedOn: bucharestDate(asked.request.createdAt),
          manageUrl: `${base()}/a/${found.authority.slug}/staff/plans/${found.plan.id}/debates`,
        },
        locale,
      )
      return { request, authorityId: found.authority.id }
    }
    case 'minutes_shared': {
      const m = getDb().select().from(minutes).where(eq(minutes.id, row.subjectId)).get()
      if (!m || m.status !== 'shared' || !m.remarksUntil) return null
      const authority = getDb().select().from(authorities).where(eq(authorities.id, m.authorityId)).get()
      if (!authority) return null
      const request = email(
        'minutes-shared',
        {
          recipientName: to.name,
          authorityName: authority.name,
          minutesTitle: m.title,
          meetingDate: m.date,
          remarksUntil: m.remarksUntil,
          minutesUrl: `${base()}/a/${authority.slug}/minutes/${m.id}`,
        },
        locale,
      )
      return { request, authorityId: authority.id }
    }
    case 'debate_scheduled': {
      const debate = lookups.debate(row.subjectId)
      if (!debate || debate.cancelledAt) return null
      const found = lookups.plan(debate.planId)
      if (!found) return null
      const follower = row.reason !== null
      const request = email(
        'debate-scheduled',
        {
          recipientName: to.name,
          authorityName: found.authority.name,
          planTitle: found.plan.title,
          date: debate.date,
          time: debate.time,
          place: debate.place,
          onlineUrl: debate.onlineUrl,
          notes: debate.notes,
          planUrl: planUrl(found.authority.slug, found.plan.id),
          unsubscribeUrl: follower ? unsubscribeUrl(to.id, 'debate_scheduled') : null,
          preferencesUrl: follower ? preferencesUrl : null,
        },
        locale,
      )
      return {
        request,
        authorityId: found.authority.id,
        headers: follower ? unsubscribeHeaders(to.id, 'debate_scheduled') : undefined,
      }
    }
  }
}

// ---------------------------------------------------------------- processing

const BATCH = 500

function recipientsOf(userIds: string[]): Map<string, Recipient> {
  if (userIds.length === 0) return new Map()
  const rows = getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]))
    .all()
  return new Map(rows.map((r) => [r.id, r]))
}

function modesOf(userIds: string[]): Map<string, NotificationMode> {
  if (userIds.length === 0) return new Map()
  const rows = getDb()
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...new Set(userIds)]))
    .all()
  return new Map(rows.map((r) => [`${r.userId}:${r.kind}`, r.mode]))
}

/**
 * Turns pending notifications into emails (or parks them for a digest, or skips them), a batch
 * at a time: the batch's emails are rendered together (once per template, language and subject
 * for all the followers, each person's name and unsubscribe link put in place) and written in
 * one transaction, so delivery can start on them while the next batch is rendered.
 * Safe with several processes: a notification is marked in the transaction that enqueues its
 * email, only if still pending, and the email's idempotency key is the notification's id.
 * Returns how many were handled; call again while it returns a full batch.
 */
export async function processNotifications(limit = BATCH): Promise<number> {
  const db = getDb()
  const pending = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.status, 'pending'), isNull(notifications.mode)))
    .orderBy(asc(notifications.createdAt))
    .limit(limit)
    .all()
  if (pending.length === 0) return 0
  const recipients = recipientsOf(pending.map((n) => n.userId))
  const modes = modesOf(pending.map((n) => n.userId))
  const lookups = new Lookups()
  const now = clock.now()
  const skipped = new Map<NotificationMode, string[]>()
  const parked = new Map<'daily' | 'weekly', string[]>()
  const toSend: Array<{ row: NotificationRow; to: Recipient; draft: Draft }> = []
  const add = <K>(map: Map<K, string[]>, key: K, id: string) => {
    const ids = map.get(key)
    if (ids) ids.push(id)
    else map.set(key, [id])
  }
  for (const row of pending) {
    const to = recipients.get(row.userId)
    const mode: NotificationMode = isEssential(row)
      ? 'immediate'
      : (modes.get(`${row.userId}:${row.kind}`) ?? 'immediate')
    if (!to || mode === 'off') add(skipped, mode, row.id)
    else if (mode === 'daily' || mode === 'weekly') add(parked, mode, row.id)
    else {
      const draft = build(row, to, lookups)
      if (draft) toSend.push({ row, to, draft })
      else add(skipped, mode, row.id)
    }
  }
  // One render per template, language and plan for all the followers (not one per person).
  const emails = await renderEmails(toSend.map((s) => s.draft.request))
  const stillPending = (ids: string[]) =>
    and(inArray(notifications.id, ids), eq(notifications.status, 'pending'), isNull(notifications.mode))
  let enqueued = 0
  db.transaction((tx) => {
    for (const [mode, ids] of skipped) {
      tx.update(notifications).set({ status: 'skipped', mode, processedAt: now }).where(stillPending(ids)).run()
    }
    for (const [mode, ids] of parked) tx.update(notifications).set({ mode }).where(stillPending(ids)).run()
    if (toSend.length === 0) return
    // Only those still pending (another process may have taken some meanwhile) are emailed.
    const claimed = new Set(
      tx
        .update(notifications)
        .set({ status: 'emailed', mode: 'immediate', processedAt: now })
        .where(stillPending(toSend.map((s) => s.row.id)))
        .returning({ id: notifications.id })
        .all()
        .map((r) => r.id),
    )
    const mine = toSend.flatMap((s, i) => (claimed.has(s.row.id) ? [{ ...s, email: emails[i]! }] : []))
    const emailIds = enqueueEmails(
      tx,
      mine.map(({ row, to, draft, email }) => ({
        email,
        meta: {
          to: to.email,
          userId: to.id,
          authorityId: draft.authorityId,
          idempotencyKey: `notification-${row.id}`,
          headers: draft.headers,
        },
      })),
    )
    mine.forEach(({ row }, i) => tx.run(sql`UPDATE notifications SET email_id = ${emailIds[i]} WHERE id = ${row.id}`))
    enqueued = mine.length
  })
  if (enqueued > 0) kickDelivery()
  return pending.length
}

/** Local hour in Europe/Bucharest after which digests go out. */
export const DIGEST_HOUR = 8

/**
 * Sends the daily digests (every day from 08:00) and the weekly ones (Mondays from 08:00):
 * one email per person with everything parked for it, marked in the same transaction.
 */
export async function sendDigests(now = clock.now()): Promise<number> {
  const today = bucharestDate(now)
  const hour = new TZDate(now.getTime(), TIME_ZONE).getHours()
  if (hour < DIGEST_HOUR) return 0
  const monday = new Date(`${today}T12:00:00Z`).getUTCDay() === 1
  const periods: Array<'daily' | 'weekly'> = monday ? ['daily', 'weekly'] : ['daily']
  // What came in before today's 08:00 goes out now; what came later waits for the next digest.
  const [y, m, d] = today.split('-').map(Number)
  const boundary = new TZDate(y!, m! - 1, d!, DIGEST_HOUR, 0, 0, TIME_ZONE)
  const db = getDb()
  let sent = 0
  for (const period of periods) {
    const parked = db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.status, 'pending'),
          eq(notifications.mode, period),
          lt(notifications.createdAt, new Date(boundary.getTime())),
        ),
      )
      .orderBy(asc(notifications.userId), asc(notifications.createdAt))
      .all()
    const byUser = new Map<string, NotificationRow[]>()
    for (const n of parked) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n])
    const recipients = recipientsOf([...byUser.keys()])
    const lookups = new Lookups()
    for (const [userId, rows] of byUser) {
      const to = recipients.get(userId)
      if (!to) continue
      const items = rows.map((r) => digestItem(r, lookups)).filter((i): i is NonNullable<typeof i> => i !== null)
      const ids = rows.map((r) => r.id)
      const email =
        items.length > 0
          ? await renderEmail(
              'consultation-digest',
              {
                recipientName: to.name,
                period,
                items,
                unsubscribeUrl: unsubscribeUrl(userId, 'all'),
                preferencesUrl: `${base()}/account/notifications`,
              },
              to.locale,
            )
          : null
      db.transaction((tx) => {
        const claimed = tx
          .update(notifications)
          .set({ status: email ? 'digested' : 'skipped', processedAt: now })
          .where(and(inArray(notifications.id, ids), eq(notifications.status, 'pending')))
          .run()
        if (!email || claimed.changes === 0) return
        enqueueEmail(tx, email, {
          to: to.email,
          userId,
          idempotencyKey: `digest-${period}-${userId}-${today}`,
          headers: unsubscribeHeaders(userId, 'all'),
        })
        sent += 1
      })
    }
  }
  if (sent > 0) kickDelivery()
  return sent
}

function digestItem(row: NotificationRow, lookups: Lookups) {
  const date = bucharestDate(row.createdAt)
  switch (row.kind) {
    case 'consultation_opened':
    case 'consultation_closing': {
      const found = lookups.plan(row.subjectId)
      if (!found) return null
      return {
        kind: row.kind === 'consultation_opened' ? ('opened' as const) : ('closing' as const),
        planTitle: found.plan.title,
        authorityName: found.authority.name,
        date: row.kind === 'consultation_opened' ? date : (found.plan.closesOn ?? date),
        detail: null,
        url: planUrl(found.authority.slug, found.plan.id),
      }
    }
    case 'recommendation_answered': {
      const facts = recommendationFacts(row.subjectId)
      const found = facts ? lookups.plan(facts.rec.planId) : null
      if (!facts || !found) return null
      return {
        kind: 'answered' as const,
        planTitle: found.plan.title,
        authorityName: found.authority.name,
        date,
        detail: facts.rec.registrationNumber,
        url: `${planUrl(found.authority.slug, found.plan.id)}/recommendations/${facts.rec.id}`,
      }
    }
    case 'debate_scheduled': {
      const debate = getDb().select().from(publicDebates).where(eq(publicDebates.id, row.subjectId)).get()
      const found = debate ? lookups.plan(debate.planId) : null
      if (!debate || !found || debate.cancelledAt) return null
      return {
        kind: 'debate' as const,
        planTitle: found.plan.title,
        authorityName: found.authority.name,
        date: debate.date,
        detail: debate.time,
        url: planUrl(found.authority.slug, found.plan.id),
      }
    }
    default:
      return null
  }
}
