import type { roMeetingEmails } from './ro-meeting-emails'
import type { Translation } from './types'

export const enMeetingEmails: Translation<typeof roMeetingEmails> = {
  meetingCommon: {
    allGroups: 'social service providers, volunteer organisations and beneficiary associations',
    when: 'Date and time: {{date}}, {{start}}–{{end}}',
    whenStart: 'Date and time: {{date}}, {{time}}',
    place: 'Place: {{place}}',
    online: 'Online participation:',
    onlineLink: 'Join the online meeting',
    answer: {
      accepted: 'I will attend',
      tentative: 'Maybe',
      declined: 'I cannot attend',
    },
    oneClick: 'One click is enough: you need no account and no password.',
    changeAnswer: 'You can change your answer at any time with the same links.',
    meetingPage: 'Meeting page',
    questions: 'For any question, write to us at {{email}}.',
  },
  meetingInvitation: {
    new: {
      subject: 'Invitation: “{{title}}”, {{date}}, {{time}}',
      intro: '{{authority}} invites {{organisation}} to a tripartite meeting.',
      calendar:
        'The calendar invitation is attached (an .ics file): open it to add the meeting to your calendar (Outlook, Google Calendar, Apple Calendar).',
    },
    changed: {
      subject: 'Meeting changed: “{{title}}”, {{date}}, {{time}}',
      intro:
        '{{authority}} has changed the tripartite meeting to which {{organisation}} is invited. The details below are the current ones.',
      calendar:
        'The updated calendar invitation is attached (an .ics file): opening it replaces the meeting in your calendar.',
    },
    what: 'Tripartite meetings bring together social service providers, volunteer organisations and beneficiary associations. The authority holds one such meeting every semester for each type of social service it provides.',
    invited: 'Invited: {{groups}}.',
    serviceTypes: 'Social services discussed',
    agenda: 'Agenda',
    rsvp: 'Please let us know whether you will attend:',
    privacy:
      '{{authority}} keeps your email address to invite you to the meetings of the partnership, as a task carried out in the public interest (Law 292/2011 on social assistance and Law 52/2003 on decisional transparency). It is never published. If you no longer wish to receive these invitations, write to {{email}} and your address will be deleted.',
  },
  meetingCancelled: {
    subject: 'Meeting cancelled: “{{title}}”, {{date}}, {{time}}',
    intro: '{{authority}} has cancelled the tripartite meeting “{{title}}” planned for {{date}}, {{time}}.',
    reason: 'Reason for the cancellation',
    calendar:
      'The calendar cancellation is attached (an .ics file): opening it removes the meeting from your calendar.',
    rescheduled: 'If the meeting is rescheduled, you will receive a new invitation.',
  },
  meetingReminder: {
    subject: 'Reminder: “{{title}}”, {{date}}, {{time}}',
    intro: 'A reminder of the tripartite meeting “{{title}}” held by {{authority}}.',
    status: {
      pending: 'You have not told us yet whether you will attend. Please answer:',
      accepted:
        'You confirmed that you will attend: we look forward to seeing you. If you can no longer come, let us know:',
      tentative: 'You answered that you might attend. Please tell us whether you will come:',
    },
    why: 'You receive this reminder because you were invited to this meeting.',
  },
  semesterNudge: {
    subject_one: '{{semester}}: {{count}} type of social service without a tripartite meeting',
    subject_few: '{{semester}}: {{count}} types of social services without a tripartite meeting',
    subject_other: '{{semester}}: {{count}} types of social services without a tripartite meeting',
    intro:
      'Semester {{semester}} ends on {{date}}. For the following types of social services of {{authority}}, no tripartite meeting is scheduled or has taken place this semester:',
    rule: 'Each type of social service needs, every semester, a meeting attended by at least one provider, one volunteer organisation and one beneficiary association.',
    what: 'Schedule the meetings and invite the partners from the tripartite meetings board.',
    button: 'Tripartite meetings board',
    why: 'You receive this message as a partnership coordinator of {{authority}}.',
  },
  actionOverdue: {
    subject_one: '{{count}} overdue action after the tripartite meetings: {{authority}}',
    subject_few: '{{count}} overdue actions after the tripartite meetings: {{authority}}',
    subject_other: '{{count}} overdue actions after the tripartite meetings: {{authority}}',
    intro:
      'The following actions agreed at the tripartite meetings of {{authority}} are past their deadline and not marked as done:',
    owner: 'Owner: {{owner}}',
    dueOn: 'due: {{date}}',
    meeting: 'meeting: {{title}}',
    open: 'See the action',
    what: 'Mark the actions that are done, or set a new deadline, in the minutes of the meeting.',
    button: 'Tripartite meetings board',
    why: 'You receive this message as a partnership coordinator of {{authority}}.',
  },
  outboxAttachments: {
    heading: 'Attached files',
    name: 'File',
    type: 'Type',
    size: 'Size',
    download: 'Download {{name}}',
  },
}
