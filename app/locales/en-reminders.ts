import type { roReminders } from './ro-reminders'
import type { Translation } from './types'

export const enReminders: Translation<typeof roReminders> = {
  section: {
    title: 'Reminders',
    intro:
      'The reminders sent for this protocol and those planned for the term in force. They go to the authority’s legal officers and to the person responsible; close to a deadline, if nobody acknowledged them, to the administrators too.',
    sent: 'Sent',
    planned: 'Planned for the term in force',
    noneSent: 'No reminder sent yet.',
    nonePlanned: 'No reminder planned for the term in force.',
    columns: {
      sentAt: 'Sent',
      kind: 'Reminder',
      deadline: 'Deadline',
      to: 'To',
      acknowledged: 'Acknowledged',
      dueOn: 'Date',
    },
    collapsed: 'sent in the message of overdue reminders',
    escalated: 'also sent to the administrators',
    notAcknowledged: 'not yet',
    acknowledgedBy: '{{name}}, {{at}}',
    acknowledge: 'I have taken note',
    dueNow: 'goes out at the next check',
    earlierTerm: 'earlier term',
    partner: 'partner’s contact person',
    partnersIntro:
      'The deadline reminders (end, notice deadline, automatic renewal) also go to the partners’ contact persons:',
    toPartners: 'also to the partners',
  },
  kinds: {
    end_one: 'Expiry: {{count}} day before',
    end_few: 'Expiry: {{count}} days before',
    end_other: 'Expiry: {{count}} days before',
    notice_one: 'Notice deadline: {{count}} day before',
    notice_few: 'Notice deadline: {{count}} days before',
    notice_other: 'Notice deadline: {{count}} days before',
    review: 'Periodic review',
    renewed: 'Automatic renewal',
  },
  ack: {
    title: 'Acknowledge the reminder',
    intro:
      'Confirm that you have taken note of the reminder below. Your colleagues will see it on the protocol’s page, and the administrators will no longer receive this term’s reminders.',
    protocol: 'Protocol',
    kind: 'Reminder',
    deadline: 'Deadline',
    sentAt: 'Sent',
    as: 'You confirm as {{name}}.',
    submit: 'I have taken note',
    done: 'Thank you: the reminder was acknowledged by {{name}} ({{at}}).',
    already: 'The reminder was already acknowledged by {{name}} ({{at}}).',
    invalid:
      'The link is not valid: it may have been copied incompletely. Log in and acknowledge the reminder from the protocol’s page.',
    openProtocol: 'Open the protocol',
  },
  partnerEmail: {
    intro: {
      end: 'We are writing on behalf of {{authority}}: the protocol “{{name}}” is valid until {{date}} inclusive.',
      notice:
        'We are writing on behalf of {{authority}}: “{{name}}” renews by itself on {{renewsOn}} unless one of the parties terminates it by {{deadline}}.',
      renewed:
        'We are writing on behalf of {{authority}}: the validity period of “{{name}}” ended without either party terminating it, so it renewed by itself. The new period starts on {{renewsOn}} and lasts until {{periodEnd}}; the next notice deadline is {{deadline}}.',
      overdue:
        'We are writing on behalf of {{authority}} about the deadlines of the protocol “{{name}}”, which were not sent to you on their date. Here they are, once, in one message:',
    },
    what: {
      end: 'If you wish to continue the partnership, contact {{authority}} in good time about an addendum extending it or a new protocol.',
      notice:
        'If you wish the partnership to continue, there is nothing to do. If not, give the other party written notice by that date.',
      renewed: 'There is nothing to do. You will receive another message before the next notice deadline.',
    },
    contact: 'For questions about the protocol, write to the authority ({{authority}}) at {{email}}.',
    registry: 'Public registry of protocols: {{authority}}',
    why: 'You receive this message because you are the contact person of {{partner}} in this partnership. {{authority}} keeps your email address only for this partnership, in carrying out its public tasks (Law 292/2011 on social assistance and Law 52/2003 on decisional transparency); the address is never published. If you no longer wish to receive these messages or want the address deleted, write to the authority at {{email}}.',
  },
  settings: {
    title: 'Protocol reminders',
    intro:
      'When the legal officers and the responsible person receive the reminders about protocols, and when a protocol shows as “expiring soon” or “in the notice window”. Applied from the next check (within an hour).',
    endOffsets: {
      label: 'Days before the last day of a fixed-term protocol',
      hint: 'Whole numbers between 1 and 730, separated by commas, at most 8. Default: 90, 30, 7, 1.',
    },
    noticeOffsets: {
      label: 'Days before the notice deadline of an automatically renewing protocol',
      hint: 'Whole numbers between 1 and 730, separated by commas, at most 8. Default: 30, 7, 1.',
    },
    reviewEveryMonths: {
      label: 'Review open-ended and conditional protocols every (months)',
      hint: 'Between 1 and 60 months. Default: 6.',
    },
    escalateWithinDays: {
      label: 'Reminders sent this close to a deadline also go to the administrators (days)',
      hint: 'Only when nobody acknowledged that deadline’s reminders. Default: 7.',
    },
    expiringWithinDays: {
      label: 'A protocol shows as “expiring soon” this many days before its end (days)',
      hint: 'Between 1 and 730. Default: 90.',
    },
    noticeWarningDays: {
      label: 'A protocol shows as “in the notice window” this many days before its notice deadline (days)',
      hint: 'Between 1 and 730. Default: 30.',
    },
    submit: 'Save the reminders',
    saved: 'The reminder settings were saved.',
    errors: {
      empty: 'Enter at least one number of days.',
      notInteger: 'Enter whole numbers of days separated by commas (for example 90, 30, 7, 1).',
      range: 'Each number of days must be between 1 and 730.',
      duplicate: 'Enter each number of days once.',
      tooMany: 'At most 8 reminders before one deadline.',
      days: 'Enter a whole number of days between 1 and 730.',
      months: 'Enter a whole number of months between 1 and 60.',
    },
  },
}
