/**
 * Finding the plan of a URL: a plan of another authority is not found; a draft is visible to
 * the authority's staff only (to anyone else it does not exist).
 */
import type { Action } from '~/domain/permissions'
import { can } from '~/domain/permissions'
import { getAuthorityBySlug } from '~/models/authority.server'
import { getPlan, type Plan } from '~/models/plan.server'
import { getActor, getUser, notFound, requirePermission } from '~/utils/auth.server'

export function publicPlanFor(request: Request, slug: string | undefined, planId: string | undefined) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const plan = getPlan(planId ?? '')
  if (!plan || plan.authorityId !== authority.id) throw notFound()
  const actor = getActor(request)
  const resource = { type: 'authority', authorityId: authority.id } as const
  const isStaff = can(actor, 'plan.view', resource)
  if (plan.publishedOn === null && !isStaff) throw notFound()
  return {
    authority,
    plan,
    actor,
    user: getUser(request),
    isStaff,
    canAnswer: can(actor, 'plan.answer', resource),
    canModerate: can(actor, 'plan.moderate', resource),
    canManage: can(actor, 'plan.manage', resource),
  }
}

export function staffPlanFor(request: Request, slug: string | undefined, planId: string | undefined, action: Action) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const access = requirePermission(request, action, { type: 'authority', authorityId: authority.id })
  const plan = getPlan(planId ?? '')
  if (!plan || plan.authorityId !== authority.id) throw notFound()
  return { authority, plan: plan as Plan, ...access }
}
