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
}
