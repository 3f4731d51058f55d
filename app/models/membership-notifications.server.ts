/**
 * Emails about membership of an organisation: its administrators hear of a request to join,
 * the person who asked hears of the decision.
 */
import { and, eq } from 'drizzle-orm'
import { organisationMembers, users } from '#db/schema.ts'
import { getOrganisationById } from '~/models/organisation.server'
import { getUserById } from '~/models/user.server'
import { getConfig } from '~/services/config.server'
import { getDb } from '~/services/db.server'
import { sendEmail } from '~/services/email.server'

function activeAdmins(organisationId: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.role, 'admin'),
        eq(organisationMembers.status, 'active'),
      ),
    )
    .all()
}

export async function notifyMembershipRequested(organisationId: string, requesterId: string, message: string | null) {
  const organisation = getOrganisationById(organisationId)
  const requester = getUserById(requesterId)
  if (!organisation || !requester) return
  const membersUrl = `${getConfig().appUrl}/organisations/${organisation.slug}/members`
  for (const admin of activeAdmins(organisationId)) {
    await sendEmail({
      template: 'membership-request',
      to: admin.email,
      locale: admin.locale,
      userId: admin.id,
      data: {
        adminName: admin.name,
        requesterName: requester.name,
        organisationName: organisation.name,
        message,
        membersUrl,
      },
    })
  }
}

export async function notifyMembershipDecided(organisationId: string, userId: string, approved: boolean) {
  const organisation = getOrganisationById(organisationId)
  const user = getUserById(userId)
  if (!organisation || !user) return
  await sendEmail({
    template: 'membership-decision',
    to: user.email,
    locale: user.locale,
    userId: user.id,
    data: {
      name: user.name,
      organisationName: organisation.name,
      approved,
      organisationUrl: `${getConfig().appUrl}/organisations/${organisation.slug}`,
    },
  })
}
