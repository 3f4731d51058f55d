import type { roProtocolRegistry } from './ro-protocol-registry'
import type { Translation } from './types'

export const enProtocolRegistry: Translation<typeof roProtocolRegistry> = {
  title: 'Register of partnership protocols',
  metaTitle: 'Partnership protocols – {{authority}}',
  intro:
    'The cooperation protocols, partnership agreements and conventions published by {{authority}}, with the validity and the status of each on {{date}}.',
  caption: 'Public protocols – {{authority}}',
  empty: 'The authority has not published any protocol yet.',
  columns: {
    title: 'Title of the act',
    kind: 'Kind',
    partners: 'Partners',
    object: 'Object',
    validity: 'Validity',
    status: 'Status today',
  },
  addendumOf: 'Addendum to: {{title}}',
  signedOn: 'signed on {{date}}',
  validity: {
    range: '{{start}} – {{end}}',
    autoRenewing: 'From {{start}}; renews automatically for {{period}} at a time.',
    notice: 'Termination with at least {{period}} notice before the end.',
    currentPeriod: 'Current period: until {{end}}.',
    openEnded: 'From {{start}}, for an indefinite period.',
    conditional: 'From {{start}}, while: {{condition}}.',
    conditionalNoText: 'From {{start}}, while a condition holds.',
    hardStop: 'At the latest until {{end}}.',
    endsOn: 'Ends on {{end}}.',
    unknown: 'The term is not known.',
    asWritten: 'As written in the act: “{{text}}”',
  },
  openData: {
    title: 'Open data',
    intro:
      'The register is also available as open data, for reuse: the same protocols, with the dates computed for today.',
    json: 'Download the register as JSON',
    csv: 'Export all protocols as CSV (staff only)',
    template: 'Download the CSV template for import',
  },
  authoritySection: {
    title: 'Partnership protocols',
    count_one: 'One public protocol or partnership agreement.',
    count_few: '{{count}} public protocols or partnership agreements.',
    count_other: '{{count}} public protocols or partnership agreements.',
    none: 'No public protocol yet.',
    link: 'See the register of protocols',
  },
  calendar: {
    title: 'Calendar',
    intro:
      'Subscribe from your calendar application (Google Calendar, Outlook, your phone’s calendar) to the deadlines of the protocols you can see, in every authority where you are staff: end dates, the last days to refuse an automatic renewal, and periodic reviews.',
    privacy:
      'The address is secret: anyone who knows it sees these deadlines. Do not share it; if it reached the wrong place, generate a new one or turn the calendar off.',
    none: 'You have no calendar yet.',
    create: 'Create the calendar address',
    exists: 'Your calendar exists since {{date}}. Its address was shown once, when it was created.',
    regenerate: 'Generate a new address',
    regenerateHint: 'The old address will stop working; you will need to subscribe again with the new one.',
    revoke: 'Turn the calendar off',
    created:
      'This is the address of your calendar. Copy it into your calendar application now: it will not be shown again.',
    urlLabel: 'Calendar address (iCalendar)',
    subscribe: 'Open in your calendar application',
    revoked: 'The calendar was turned off; its address no longer works.',
    feedName: 'Protocol deadlines – Planuri sociale',
    feedDescription: 'Deadlines of partnership protocols, for {{name}}',
    events: {
      end: 'Ends: {{title}}',
      notice: 'Notice deadline: {{title}}',
      review: 'Review: {{title}}',
    },
    description: {
      authority: 'Authority: {{authority}}',
      partners: 'Partners: {{partners}}',
      status: 'Status on {{date}}: {{status}}',
    },
  },
}
