/** What a person follows: an authority, a plan, or a kind of plan anywhere. */
import { and, eq } from 'drizzle-orm'
import { authorities, follows, plans } from '#db/schema.ts'
import { clock } from '~/services/clock.server'
import { getDb } from '~/services/db.server'

export type FollowTarget = { type: 'authority' | 'plan' | 'plan_kind'; id: string }

export function isFollowing(userId: string, target: FollowTarget): boolean {
  return !!getDb()
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.targetType, target.type), eq(follows.targetId, target.id)))
    .get()
}

export function follow(userId: string, target: FollowTarget) {
  getDb()
    .insert(follows)
    .values({ userId, targetType: target.type, targetId: target.id, createdAt: clock.now() })
    .onConflictDoNothing()
    .run()
}

export function unfollow(userId: string, target: FollowTarget) {
  getDb()
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.targetType, target.type), eq(follows.targetId, target.id)))
    .run()
}

/** Everything a person follows, with names to show. */
export function followsOf(userId: string) {
  const rows = getDb().select().from(follows).where(eq(follows.userId, userId)).all()
  return rows.map((f) => {
    if (f.targetType === 'authority') {
      const a = getDb()
        .select({ name: authorities.name, slug: authorities.slug })
        .from(authorities)
        .where(eq(authorities.id, f.targetId))
        .get()
      return { type: f.targetType, id: f.targetId, label: a?.name ?? '', href: a ? `/a/${a.slug}` : null }
    }
    if (f.targetType === 'plan') {
      const p = getDb()
        .select({ title: plans.title, slug: authorities.slug })
        .from(plans)
        .innerJoin(authorities, eq(authorities.id, plans.authorityId))
        .where(eq(plans.id, f.targetId))
        .get()
      return {
        type: f.targetType,
        id: f.targetId,
        label: p?.title ?? '',
        href: p ? `/a/${p.slug}/plans/${f.targetId}` : null,
      }
    }
    return { type: f.targetType, id: f.targetId, label: f.targetId, href: null }
  })
}
