/**
 * The minutes of a URL: minutes of another authority are not found. Approved minutes are public;
 * shared ones are visible to staff and to members of the participating organisations; drafts to
 * staff only.
 */
import type { Action } from '~/domain/permissions'
import { can } from '~/domain/permissions'
import { getAuthorityBySlug } from '~/models/authority.server'
import { isParticipantMember, minutesDetail } from '~/models/minutes.server'
import { getActor, getUser, notFound, requirePermission } from '~/utils/auth.server'

export function staffMinutesFor(
  request: Request,
  slug: string | undefined,
  minutesId: string | undefined,
  action: Action,
) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const access = requirePermission(request, action, { type: 'authority', authorityId: authority.id })
  const detail = minutesDetail(minutesId ?? '')
  if (!detail || detail.minutes.authorityId !== authority.id) throw notFound()
  return { authority, detail, ...access }
}

export function readableMinutesFor(request: Request, slug: string | undefined, minutesId: string | undefined) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const detail = minutesDetail(minutesId ?? '')
  if (!detail || detail.minutes.authorityId !== authority.id) throw notFound()
  const user = getUser(request)
  const isStaff = can(getActor(request), 'plan.view', { type: 'authority', authorityId: authority.id })
  const participant = !!user && isParticipantMember(detail.minutes.id, user.id)
  const status = detail.minutes.status
  if (status === 'draft' && !isStaff) throw notFound()
  if (status === 'shared' && !isStaff && !participant) throw notFound()
  return { authority, detail, user, isStaff, participant }
}
