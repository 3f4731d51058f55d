import type { Translation } from './types'
import type { roConsultationEmails } from './ro-consultation-emails'

export const enConsultationEmails: Translation<typeof roConsultationEmails> = {
  consultationCommon: {
    wholeDocument: 'The whole document',
    section: 'Section: {{section}}',
    reasons: {
      authority: 'You receive this message because you follow the public consultations of {{authority}}.',
      plan_kind: 'You receive this message because you follow the consultations on documents of the kind “{{kind}}”.',
      planKindUnnamed: 'You receive this message because you follow the consultations on this kind of document.',
      plan: 'You receive this message because you follow “{{plan}}”.',
    },
    preferencesIntro: 'You can receive these notifications at once, in a daily or weekly digest, or not at all.',
    preferences: 'Change notification preferences',
    planKinds: {
      annual_action_plan: 'Annual action plan',
      strategy: 'Strategy',
      draft_decision: 'Draft decision',
      other: 'Other document',
    },
    answers: {
      accepted: 'Accepted',
      partially_accepted: 'Partially accepted',
      rejected: 'Rejected',
      not_applicable: 'Not applicable',
    },
  },
  recommendationReceipt: {
    registered: {
      subject: 'Recommendation registered as no. {{number}}: {{plan}}',
      intro: 'Your recommendation on “{{plan}}” ({{authority}}) was registered on {{date}} as number {{number}}.',
    },
    edited: {
      subject: 'Recommendation no. {{number}} was changed: {{plan}}',
      intro:
        'The change to your recommendation no. {{number}} on “{{plan}}” ({{authority}}) was registered. The recommendation keeps its number and its submission date, {{date}}; the text below is the current one.',
    },
    withdrawn: {
      subject: 'Recommendation no. {{number}} was withdrawn: {{plan}}',
      intro:
        'Your recommendation no. {{number}} on “{{plan}}” ({{authority}}), submitted on {{date}}, was withdrawn at your request.',
      remains:
        'It remains in the consultation’s register, under the same number, marked “withdrawn”. Until {{date}} inclusive you can submit a new recommendation.',
    },
    onBehalfOf: 'Submitted on behalf of {{organisation}}.',
    text: 'The text of the recommendation',
    answer:
      'The authority will answer the recommendation in writing. The answer will be published on the recommendation’s page and in the report of recommendations of this consultation.',
    editUntil:
      'You can change or withdraw the recommendation until {{date}} inclusive, the last day on which recommendations are received.',
    privacy: 'Your email address is not published.',
    keep: 'Keep this message: it confirms the registration.',
    button: 'See the recommendation',
  },
  recommendationAnswered: {
    subject: 'Recommendation no. {{number}} on “{{plan}}”: {{answer}}',
    intro: '{{authority}} answered in writing your recommendation no. {{number}} on “{{plan}}”.',
    answer: 'The authority’s answer: {{answer}}',
    yourRecommendation: 'Your recommendation',
    justification: 'The authority’s justification',
    noJustification: 'The authority added no justification.',
    report:
      'The authority’s answers to every recommendation received are published in the report of recommendations of this consultation.',
    reportLink: 'The report of recommendations',
    button: 'See the recommendation and the answer',
  },
  consultationOpened: {
    subject: 'Public consultation open: {{plan}} ({{authority}})',
    intro: '{{authority}} published “{{plan}}” ({{kind}}) for public consultation.',
    window: 'Written recommendations are received from {{opensOn}} until {{closesOn}} inclusive.',
    adoption: 'The document cannot be submitted for adoption before {{date}}.',
    summary: 'In short',
    button: 'Read the document and send recommendations',
  },
  consultationClosing: {
    subject_one: 'The consultation on “{{plan}}” closes in {{count}} day',
    subject_few: 'The consultation on “{{plan}}” closes in {{count}} days',
    subject_other: 'The consultation on “{{plan}}” closes in {{count}} days',
    subjectLastDay: 'Today is the last day for recommendations: “{{plan}}”',
    subjectClosed: 'The consultation on “{{plan}}” closed on {{date}}',
    intro:
      'The public consultation on “{{plan}}” ({{authority}}) ends on {{date}}: written recommendations are received until that day inclusive.',
    introClosed:
      'The public consultation on “{{plan}}” ({{authority}}) ended on {{date}}; recommendations are no longer received.',
    daysLeft_one: '{{count}} day left, today included.',
    daysLeft_few: '{{count}} days left, today included.',
    daysLeft_other: '{{count}} days left, today included.',
    lastDay: 'Today is the last day.',
    count_one: 'So far {{count}} recommendation has been registered.',
    count_few: 'So far {{count}} recommendations have been registered.',
    count_other: 'So far {{count}} recommendations have been registered.',
    noRecommendations: 'No recommendation has been registered so far.',
    button: 'Send a recommendation',
    buttonClosed: 'The document’s page',
  },
  minutesShared: {
    subject: 'Minutes to check by {{date}}: {{title}}',
    intro:
      '{{authority}} has drawn up “{{title}}”, of the meeting of {{date}} your organisation took part in, and sends it to you for checking.',
    deadline: 'You can add remarks on the platform until {{date}} inclusive; they stay attached to the minutes.',
    button: 'Read the minutes',
    why: 'You receive this message as a member of an organisation that took part in the meeting.',
  },
  debateRequested: {
    subject: 'Request for a public debate on “{{plan}}” (no. {{number}})',
    intro:
      '{{organisation}} asked in writing, on {{date}}, for a public debate on “{{plan}}”. The request was registered as number {{number}}.',
    requester: 'The request was sent by {{name}}, on behalf of the organisation.',
    reason: 'The reason given',
    law: 'Under Law 52/2003, the public debate is mandatory when a legally constituted association or another public authority asks for it in writing.',
    what: 'Set the date, the time and the place (or the link to take part online) and publish them on the platform: the organisation and the people following the document will be told. The minutes of the debate are drawn up and published; the document cannot be adopted without them.',
    why: 'You receive this message as a member of the team of {{authority}} that manages consultations.',
    button: 'Schedule the debate',
  },
  debateScheduled: {
    subject: 'Public debate on {{date}} at {{time}}: “{{plan}}”',
    intro: '{{authority}} holds a public debate on “{{plan}}”.',
    when: 'Date and time: {{date}}, at {{time}}',
    place: 'Place: {{place}}',
    online: 'Taking part online:',
    onlineLink: 'Join the online debate',
    notes: 'More information',
    minutes: 'The minutes of the debate will be published on the document’s page.',
    requested: 'You receive this message because your organisation asked for this debate.',
    following: 'You receive this message because you follow this document or the authority that published it.',
    button: 'The document’s page',
  },
  consultationDigest: {
    daily: {
      subject_one: 'Daily digest of consultations: {{count}} update',
      subject_few: 'Daily digest of consultations: {{count}} updates',
      subject_other: 'Daily digest of consultations: {{count}} updates',
      heading: 'Daily digest of consultations',
      why: 'You receive this digest once a day, as you chose in your notification preferences.',
    },
    weekly: {
      subject_one: 'Weekly digest of consultations: {{count}} update',
      subject_few: 'Weekly digest of consultations: {{count}} updates',
      subject_other: 'Weekly digest of consultations: {{count}} updates',
      heading: 'Weekly digest of consultations',
      why: 'You receive this digest every Monday, as you chose in your notification preferences.',
    },
    intro: 'What happened in the consultations you follow:',
    items: {
      opened: 'public consultation opened on {{date}}',
      openedDetail: 'public consultation opened on {{date}} ({{detail}})',
      closing: 'the consultation closes on {{date}}',
      closingDetail: 'the consultation closes on {{date}} ({{detail}})',
      answered: 'answer to your recommendation, on {{date}}',
      answeredDetail: 'answer to your recommendation no. {{detail}}, on {{date}}',
      debate: 'public debate on {{date}}',
      debateDetail: 'public debate on {{date}} at {{detail}}',
    },
  },
}
