/**
 * Every email the platform sends, by name. `essential` messages (account security,
 * invitations) have no unsubscribe link; the others carry one and a List-Unsubscribe header.
 */
import type { ReactElement } from 'react'
import * as membershipDecision from './membership-decision.tsx'
import * as membershipRequest from './membership-request.tsx'
import * as passwordReset from './password-reset.tsx'
import * as protocolReminder from './protocol-reminder.tsx'
import * as staffInvitation from './staff-invitation.tsx'
import type { EmailT } from './types.ts'
import * as verifyEmail from './verify-email.tsx'

type Template<D> = {
  essential: boolean
  render: (props: { t: EmailT; lang: string; data: D }) => ReactElement
  subject: (t: EmailT, data: D) => string
  sample: D
}

function template<D>(t: Template<D>) {
  return t
}

export const templates = {
  'verify-email': template<verifyEmail.VerifyEmailData>({
    essential: true,
    render: verifyEmail.VerifyEmail,
    subject: verifyEmail.subject,
    sample: {
      name: 'Ana Popescu',
      code: '48213906',
      verifyUrl: 'http://localhost:3000/account/verify?request=example&code=48213906',
    },
  }),
  'password-reset': template<passwordReset.PasswordResetData>({
    essential: true,
    render: passwordReset.PasswordReset,
    subject: passwordReset.subject,
    sample: { name: 'Ana Popescu', resetUrl: 'http://localhost:3000/reset-password?token=example' },
  }),
  'staff-invitation': template<staffInvitation.StaffInvitationData>({
    essential: true,
    render: staffInvitation.StaffInvitation,
    subject: staffInvitation.subject,
    sample: {
      authorityName: 'Comuna Pângărați',
      inviterName: 'Maria Ionescu',
      roles: ['editor', 'legal'],
      acceptUrl: 'http://localhost:3000/invitations/example',
      expiresOn: '30.11.2026',
    },
  }),
  'membership-request': template<membershipRequest.MembershipRequestData>({
    essential: true,
    render: membershipRequest.MembershipRequest,
    subject: membershipRequest.subject,
    sample: {
      adminName: 'Sorin Matei',
      requesterName: 'Ion Olaru',
      organisationName: 'Asociația Vârstnici Activi Pângărați',
      message: 'Aș dori să ajut la activitățile asociației.',
      membersUrl: 'http://localhost:3000/organisations/asociatia-varstnici-activi-pangarati/members',
    },
  }),
  'membership-decision': template<membershipDecision.MembershipDecisionData>({
    essential: true,
    render: membershipDecision.MembershipDecision,
    subject: membershipDecision.subject,
    sample: {
      name: 'Ion Olaru',
      organisationName: 'Asociația Vârstnici Activi Pângărați',
      approved: true,
      organisationUrl: 'http://localhost:3000/organisations/asociatia-varstnici-activi-pangarati',
    },
  }),
  // Reminders of legal deadlines are part of the staff's work: no unsubscribe link.
  'protocol-reminder': template<protocolReminder.ProtocolReminderData>({
    essential: true,
    render: protocolReminder.ProtocolReminder,
    subject: protocolReminder.subject,
    sample: {
      kind: 'notice',
      recipientName: 'Andrei Lungu',
      authorityName: 'Comuna Pângărați',
      protocolTitle: 'Acord de parteneriat',
      partners: 'Asociația Vârstnici Activi Pângărați',
      today: '2026-10-23',
      item: {
        kind: 'notice',
        offsetDays: 30,
        deadline: '2026-11-22',
        dueOn: '2026-10-23',
        renewsOn: '2026-12-23',
        periodEnd: '2026-12-22',
      },
      items: [],
      protocols: [],
      more: 0,
      protocolUrl: 'http://localhost:3000/a/pangarati/staff/protocols/example',
      ackUrl: 'http://localhost:3000/reminders/example/ack?token=example',
      escalated: false,
    },
  }),
}

export type TemplateName = keyof typeof templates
export type TemplateData<N extends TemplateName> = (typeof templates)[N]['sample']
export type { EmailT }
