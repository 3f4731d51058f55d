/**
 * Every email the platform sends, by name. `essential` messages (account security,
 * invitations) have no unsubscribe link; the others carry one and a List-Unsubscribe header.
 */
import type { ReactElement } from 'react'
import * as consultationClosing from './consultation-closing.tsx'
import * as consultationDigest from './consultation-digest.tsx'
import * as consultationOpened from './consultation-opened.tsx'
import * as debateRequested from './debate-requested.tsx'
import * as actionOverdue from './action-overdue.tsx'
import * as debateScheduled from './debate-scheduled.tsx'
import * as meetingCancelled from './meeting-cancelled.tsx'
import * as meetingInvitation from './meeting-invitation.tsx'
import * as meetingReminder from './meeting-reminder.tsx'
import * as membershipDecision from './membership-decision.tsx'
import * as membershipRequest from './membership-request.tsx'
import * as minutesShared from './minutes-shared.tsx'
import * as passwordReset from './password-reset.tsx'
import * as protocolReminder from './protocol-reminder.tsx'
import * as recommendationAnswered from './recommendation-answered.tsx'
import * as recommendationReceipt from './recommendation-receipt.tsx'
import * as semesterNudge from './semester-nudge.tsx'
import * as staffInvitation from './staff-invitation.tsx'
import type { EmailT } from './types.ts'
import * as verifyEmail from './verify-email.tsx'

type Template<D> = {
  essential: boolean
  render: (props: { t: EmailT; lang: string; data: D }) => ReactElement
  subject: (t: EmailT, data: D) => string
  sample: D
  /**
   * The fields that differ from one recipient to the next when the same message goes to many
   * (the followers of a plan): the template is rendered once with placeholders in them and each
   * recipient's values are put in place (app/services/email.server.ts, `renderEmails`). Only
   * fields the template prints as they are (never cut, changed or measured) belong here; a
   * render that proves otherwise falls back to one render per recipient.
   */
  personal?: ReadonlyArray<keyof D & string>
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
  // --- The public consultation (Law 52/2003) ---
  // A receipt of a legal submission: always sent, no unsubscribe link.
  'recommendation-receipt': template<recommendationReceipt.RecommendationReceiptData>({
    essential: true,
    render: recommendationReceipt.RecommendationReceipt,
    subject: recommendationReceipt.subject,
    sample: {
      recipientName: 'Elena Rusu',
      kind: 'registered',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      registrationNumber: 'P2026-1/0007',
      submittedOn: '2026-10-27',
      sectionLabel: 'I.B Servicii sociale nou-înființate',
      excerpt:
        'Propunem înființarea unui serviciu de îngrijire la domiciliu pentru persoanele vârstnice din satele Oanțu și Poiana, unde nu există în prezent niciun furnizor acreditat.',
      onBehalfOf: 'Asociația Vârstnici Activi Pângărați',
      closesOn: '2026-11-03',
      recommendationUrl: 'http://localhost:3000/a/pangarati/plans/example/recommendations/example',
    },
  }),
  // The authority's written answer to a recommendation.
  // The answer itself is published on the plan's page and in the report; the email is a
  // notification the author may receive at once, in a digest, or not at all.
  'recommendation-answered': template<recommendationAnswered.RecommendationAnsweredData>({
    essential: false,
    render: recommendationAnswered.RecommendationAnswered,
    subject: recommendationAnswered.subject,
    sample: {
      recipientName: 'Elena Rusu',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      registrationNumber: 'P2026-1/0007',
      sectionLabel: 'I.B Servicii sociale nou-înființate',
      excerpt:
        'Propunem înființarea unui serviciu de îngrijire la domiciliu pentru persoanele vârstnice din satele Oanțu și Poiana, unde nu există în prezent niciun furnizor acreditat.',
      answer: 'partially_accepted',
      justification:
        'Serviciul de îngrijire la domiciliu a fost inclus în plan pentru satul Oanțu, cu 15 beneficiari; pentru satul Poiana, bugetul anului 2027 nu permite încă finanțarea, iar propunerea va fi reanalizată la planul pentru anul 2028.',
      recommendationUrl: 'http://localhost:3000/a/pangarati/plans/example/recommendations/example',
      reportUrl: 'http://localhost:3000/a/pangarati/plans/example/report',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?kind=recommendation_answered&token=example',
      preferencesUrl: 'http://localhost:3000/account/notifications',
    },
  }),
  'consultation-opened': template<consultationOpened.ConsultationOpenedData>({
    essential: false,
    render: consultationOpened.ConsultationOpened,
    subject: consultationOpened.subject,
    personal: ['recipientName', 'unsubscribeUrl'],
    sample: {
      recipientName: 'Elena Rusu',
      reason: 'authority',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      planKind: 'annual_action_plan',
      summary:
        'Planul cuprinde serviciile sociale existente, serviciile care vor fi înființate în 2027 (îngrijire la domiciliu pentru vârstnici, centru de zi pentru copii) și bugetul estimat pe surse de finanțare.',
      opensOn: '2026-10-20',
      closesOn: '2026-11-03',
      earliestAdoptionOn: '2026-11-19',
      planUrl: 'http://localhost:3000/a/pangarati/plans/example',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?kind=consultation_opened&token=example',
      preferencesUrl: 'http://localhost:3000/account/notifications',
    },
  }),
  'consultation-closing': template<consultationClosing.ConsultationClosingData>({
    essential: false,
    render: consultationClosing.ConsultationClosing,
    subject: consultationClosing.subject,
    personal: ['recipientName', 'unsubscribeUrl'],
    sample: {
      recipientName: 'Elena Rusu',
      reason: 'plan',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      closesOn: '2026-11-03',
      daysLeft: 3,
      recommendationCount: 12,
      planUrl: 'http://localhost:3000/a/pangarati/plans/example',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?kind=consultation_closing&token=example',
      preferencesUrl: 'http://localhost:3000/account/notifications',
    },
  }),
  // To the authority's editors: the debate is mandatory once requested in writing.
  'debate-requested': template<debateRequested.DebateRequestedData>({
    essential: true,
    render: debateRequested.DebateRequested,
    subject: debateRequested.subject,
    sample: {
      recipientName: 'Maria Ionescu',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      organisationName: 'Asociația Vârstnici Activi Pângărați',
      requesterName: 'Elena Rusu',
      reason:
        'Dorim să discutăm public împreună cu furnizorii de servicii și cu beneficiarii prioritățile planului pentru persoanele vârstnice.',
      registrationNumber: 'P2026-1/0012',
      requestedOn: '2026-10-28',
      manageUrl: 'http://localhost:3000/a/pangarati/staff/plans/example/debates',
    },
  }),
  // To followers (non-essential); to the organisation that asked for it, without the unsubscribe link.
  'debate-scheduled': template<debateScheduled.DebateScheduledData>({
    essential: false,
    render: debateScheduled.DebateScheduled,
    subject: debateScheduled.subject,
    personal: ['recipientName', 'unsubscribeUrl'],
    sample: {
      recipientName: 'Elena Rusu',
      authorityName: 'Comuna Pângărați',
      planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
      date: '2026-11-05',
      time: '17:00',
      place: 'Sala de ședințe a Primăriei Pângărați',
      onlineUrl: 'https://meet.example.org/pangarati-plan-2027',
      notes: 'Vă rugăm să confirmați participarea până pe 04.11.2026.',
      planUrl: 'http://localhost:3000/a/pangarati/plans/example',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?kind=debate_scheduled&token=example',
      preferencesUrl: 'http://localhost:3000/account/notifications',
    },
  }),
  'consultation-digest': template<consultationDigest.ConsultationDigestData>({
    essential: false,
    render: consultationDigest.ConsultationDigest,
    subject: consultationDigest.subject,
    sample: {
      recipientName: 'Elena Rusu',
      period: 'weekly',
      items: [
        {
          kind: 'opened',
          planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
          authorityName: 'Comuna Pângărați',
          date: '2026-10-20',
          detail: null,
          url: 'http://localhost:3000/a/pangarati/plans/example',
        },
        {
          kind: 'closing',
          planTitle: 'Strategia de dezvoltare a serviciilor sociale a județului Neamț 2027–2030',
          authorityName: 'Consiliul Județean Neamț',
          date: '2026-10-30',
          detail: null,
          url: 'http://localhost:3000/a/cj-neamt/plans/example',
        },
        {
          kind: 'answered',
          planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
          authorityName: 'Comuna Pângărați',
          date: '2026-10-22',
          detail: 'P2026-1/0003',
          url: 'http://localhost:3000/a/pangarati/plans/example/recommendations/example',
        },
        {
          kind: 'debate',
          planTitle: 'Planul anual de acțiune privind serviciile sociale pentru anul 2027',
          authorityName: 'Comuna Pângărați',
          date: '2026-11-05',
          detail: '17:00',
          url: 'http://localhost:3000/a/pangarati/plans/example',
        },
      ],
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?kind=consultation_opened&token=example',
      preferencesUrl: 'http://localhost:3000/account/notifications',
    },
  }),
  // The participants are asked to check what was recorded in their name: part of the process.
  'minutes-shared': template<minutesShared.MinutesSharedData>({
    essential: true,
    render: minutesShared.MinutesShared,
    subject: minutesShared.subject,
    sample: {
      recipientName: 'Sorin Matei',
      authorityName: 'Comuna Pângărați',
      minutesTitle: 'Procesul-verbal al consultării privind planul anual de acțiune pentru anul 2027',
      meetingDate: '2026-12-10',
      remarksUntil: '2026-12-15',
      minutesUrl: 'http://localhost:3000/a/pangarati/minutes/example',
    },
  }),
  // --- Tripartite meetings ---
  // The authority's invitation to a partner's contact person (no account): always sent. The
  // caller attaches the calendar invitation (app/domain/meeting-ical.ts).
  'meeting-invitation': template<meetingInvitation.MeetingInvitationData>({
    essential: true,
    render: meetingInvitation.MeetingInvitation,
    subject: meetingInvitation.subject,
    sample: {
      recipientName: 'Elena Rusu',
      organisationName: 'Asociația Vârstnici Activi Pângărați',
      authorityName: 'Comuna Pângărați',
      title: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice',
      date: '2027-03-18',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Sala de ședințe a Primăriei Pângărați, str. Principală nr. 1',
      onlineUrl: 'https://meet.example.org/pangarati-tripartita-s1-2027',
      agenda:
        '1. Situația serviciului de îngrijire la domiciliu: 120 de locuri, grad de ocupare 25%, lista de așteptare din satele Oanțu și Poiana.\n2. Propunerile furnizorilor, ale voluntarilor și ale asociațiilor beneficiarilor pentru semestrul al II-lea.\n3. Diverse.',
      serviceTypes: ['8810 ID-I – Unitate de îngrijire la domiciliu pentru persoane vârstnice'],
      groups: 'furnizorii de servicii sociale, organizațiile de voluntariat și asociațiile beneficiarilor din comună',
      kind: 'new',
      rsvpUrls: {
        accepted: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=accepted',
        declined: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=declined',
        tentative: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=tentative',
      },
      meetingUrl: 'http://localhost:3000/a/pangarati/meetings/example',
      authorityEmail: 'asistenta.sociala@pangarati.ro',
    },
  }),
  'meeting-cancelled': template<meetingCancelled.MeetingCancelledData>({
    essential: true,
    render: meetingCancelled.MeetingCancelled,
    subject: meetingCancelled.subject,
    sample: {
      recipientName: 'Elena Rusu',
      authorityName: 'Comuna Pângărați',
      title: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice',
      date: '2027-03-18',
      startTime: '10:00',
      reason:
        'Sala de ședințe este ocupată de sesiunea de instruire a recenzorilor; vom stabili o dată nouă împreună cu partenerii.',
      authorityEmail: 'asistenta.sociala@pangarati.ro',
    },
  }),
  'meeting-reminder': template<meetingReminder.MeetingReminderData>({
    essential: true,
    render: meetingReminder.MeetingReminder,
    subject: meetingReminder.subject,
    sample: {
      recipientName: 'Elena Rusu',
      authorityName: 'Comuna Pângărați',
      title: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice',
      date: '2027-03-18',
      startTime: '10:00',
      place: 'Sala de ședințe a Primăriei Pângărați, str. Principală nr. 1',
      onlineUrl: 'https://meet.example.org/pangarati-tripartita-s1-2027',
      rsvp: 'pending',
      rsvpUrls: {
        accepted: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=accepted',
        declined: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=declined',
        tentative: 'http://localhost:3000/a/pangarati/meetings/rsvp/example?answer=tentative',
      },
      meetingUrl: 'http://localhost:3000/a/pangarati/meetings/example',
    },
  }),
  // To the coordinators: part of their work, no unsubscribe link.
  'semester-nudge': template<semesterNudge.SemesterNudgeData>({
    essential: true,
    render: semesterNudge.SemesterNudge,
    subject: semesterNudge.subject,
    sample: {
      recipientName: 'Andrei Lungu',
      authorityName: 'Comuna Pângărați',
      semesterLabel: 'S1 2027',
      semesterEnd: '2027-06-30',
      missing: [
        { code: '8790 CR-VD-I', name: 'Centru de primire în regim de urgență pentru victimele violenței domestice' },
        { code: '8891 CZ-C-II', name: 'Centru de zi pentru copii' },
      ],
      boardUrl: 'http://localhost:3000/a/pangarati/staff/meetings',
    },
  }),
  'action-overdue': template<actionOverdue.ActionOverdueData>({
    essential: true,
    render: actionOverdue.ActionOverdue,
    subject: actionOverdue.subject,
    sample: {
      recipientName: 'Andrei Lungu',
      authorityName: 'Comuna Pângărați',
      actions: [
        {
          description: 'Actualizarea listei de așteptare pentru îngrijirea la domiciliu în satele Oanțu și Poiana',
          owner: 'Compartimentul de asistență socială',
          dueOn: '2027-04-15',
          meetingTitle: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice',
          url: 'http://localhost:3000/a/pangarati/staff/minutes/example#actions',
        },
        {
          description: 'Propunerea unui program comun de voluntariat cu Asociația Vârstnici Activi Pângărați',
          owner: 'Asociația Vârstnici Activi Pângărați',
          dueOn: '2027-04-30',
          meetingTitle: 'Întâlnirea tripartită S1 2027: îngrijirea la domiciliu a persoanelor vârstnice',
          url: 'http://localhost:3000/a/pangarati/staff/minutes/example#actions',
        },
      ],
      boardUrl: 'http://localhost:3000/a/pangarati/staff/meetings',
    },
  }),
}

export type TemplateName = keyof typeof templates
export type TemplateData<N extends TemplateName> = (typeof templates)[N]['sample']
export type { EmailT }
