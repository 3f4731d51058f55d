/**
 * A user's secret calendar feed of protocol deadlines (an iCalendar URL a calendar application
 * subscribes to, without a session). The token is `<tokenId>.<secret>`, as for sessions: the
 * database keeps the id and the SHA-256 of the secret only, so the full URL is known once, when
 * it is created. Regenerating replaces the row (the old URL stops working); revoking deletes it.
 *
 * The feed lists the protocols of every authority where the user is staff ('protocol.view');
 * a platform administrator sees none unless also staff.
 */
import { eq } from 'drizzle-orm'
import type { TFunction } from 'i18next'
import { calendarFeeds } from '#db/schema.ts'
import { formatDate } from '~/domain/dates'
import {
  deadlineUid,
  protocolDeadlines,
  writeCalendar,
  type CalendarEvent,
  type DeadlineKind,
} from '~/domain/icalendar'
import { decide } from '~/domain/permissions'
import { protocolSituation } from '~/domain/protocol-term'
import { createToken, hashSecret, parseToken, secretMatches } from '~/domain/session-token'
import { recordAudit } from '~/models/audit.server'
import { getAuthorityById, staffRolesOf } from '~/models/authority.server'
import { listProtocols } from '~/models/protocol.server'
import { getUserById, type User } from '~/models/user.server'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'

export type FeedInfo = { createdAt: Date }

export function getFeed(userId: string): FeedInfo | null {
  const row = getDb()
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .get()
  return row ?? null
}

/** A new secret feed for the user, replacing any earlier one. Returns the token (shown once). */
export function createOrRegenerateFeed(userId: string): string {
  const { id, token, secretHash } = createToken()
  const now = clock.now()
  getDb().transaction((tx) => {
    const existing = tx
      .select({ createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .get()
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run()
    tx.insert(calendarFeeds)
      .values({ userId, tokenId: id, secretHash: Buffer.from(secretHash), createdAt: now })
      .run()
    recordAudit(tx, {
      actorUserId: userId,
      entityType: 'user',
      entityId: userId,
      action: existing ? 'calendar_feed.regenerated' : 'calendar_feed.created',
      before: existing ? { createdAt: existing.createdAt.toISOString() } : undefined,
      after: { createdAt: now.toISOString() },
    })
  })
  return token
}

/** Ends the user's feed; false when there was none. */
export function revokeFeed(userId: string): boolean {
  let removed = false
  getDb().transaction((tx) => {
    const res = tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run()
    removed = res.changes > 0
    if (removed) {
      recordAudit(tx, { actorUserId: userId, entityType: 'user', entityId: userId, action: 'calendar_feed.revoked' })
    }
  })
  return removed
}

// A hash to compare against when the id is unknown, so that both paths do the same work.
const NO_MATCH = hashSecret('no feed has this secret')

/** The user of a feed token, or null (malformed, unknown, revoked or replaced). */
export function findFeedUser(token: string): User | null {
  const parsed = parseToken(token)
  if (!parsed) return null
  const row = getDb().select().from(calendarFeeds).where(eq(calendarFeeds.tokenId, parsed.id)).get()
  const matches = secretMatches(parsed.secret, row ? row.secretHash : NO_MATCH)
  if (!row || !matches) return null
  return getUserById(row.userId) ?? null
}

/** The authorities whose protocols the user's feed shows: staff roles only, never admin rights. */
function feedAuthorities(user: User) {
  const staffRoles = staffRolesOf(user.id)
  const actor = {
    userId: user.id,
    emailVerified: user.emailVerifiedAt !== null,
    isPlatformAdmin: false,
    staffRoles,
    organisationRoles: {},
  }
  return Object.keys(staffRoles)
    .filter((authorityId) => decide(actor, 'protocol.view', { type: 'authority', authorityId }).allowed)
    .map((id) => getAuthorityById(id))
    .filter((a): a is NonNullable<typeof a> => a !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'ro'))
}

const SUMMARY_KEY: Record<DeadlineKind, string> = {
  end: 'protocolRegistry.calendar.events.end',
  notice: 'protocolRegistry.calendar.events.notice',
  review: 'protocolRegistry.calendar.events.review',
}

/** The user's deadlines as an iCalendar text, with dates computed for today. */
export function userCalendar(user: User, t: TFunction, appUrl: string): string {
  const today = clock.today()
  const events: CalendarEvent[] = []
  for (const authority of feedAuthorities(user)) {
    for (const item of listProtocols(authority.id)) {
      // An addendum's dates are its parent's: the parent carries the events.
      if (item.protocol.parentId) continue
      const situation = protocolSituation(item.facts, today, authority.protocolSettings)
      const deadlines = protocolDeadlines(item.facts, today, authority.protocolSettings, situation)
      if (deadlines.length === 0) continue
      const url = `${appUrl}/a/${authority.slug}/staff/protocols/${item.protocol.id}`
      const partners = item.parties.filter((p) => !p.isAuthority).map((p) => p.name)
      const description = [
        item.protocol.title,
        t('protocolRegistry.calendar.description.authority', { authority: authority.name }),
        t('protocolRegistry.calendar.description.partners', {
          partners: partners.length ? partners.join(', ') : '–',
        }),
        t('protocolRegistry.calendar.description.status', {
          date: formatDate(today),
          status: t(`protocolStatuses.${situation.status}`),
        }),
        url,
      ].join('\n')
      for (const deadline of deadlines) {
        events.push({
          uid: deadlineUid(item.protocol.id, deadline),
          date: deadline.date,
          summary: t(SUMMARY_KEY[deadline.kind], { title: item.protocol.title }),
          description,
          url,
          categories: [authority.name],
        })
      }
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid.localeCompare(b.uid)))
  return writeCalendar({
    prodId: '-//Planuri sociale//Termene protocoale//RO',
    name: t('protocolRegistry.calendar.feedName'),
    description: t('protocolRegistry.calendar.feedDescription', { name: user.name }),
    stamp: clock.now(),
    events,
    refreshInterval: 'PT6H',
  })
}
