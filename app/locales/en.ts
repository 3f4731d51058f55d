import { enAccount } from './en-account'
import { enAdmin } from './en-admin'
import { enOrganisations } from './en-organisations'
import { enStaff } from './en-staff'
import { enProtocolDashboard } from './en-protocol-dashboard'
import { enProtocolRegistry } from './en-protocol-registry'
import { enProtocols } from './en-protocols'
import { enReminders } from './en-reminders'
import { enConsultationEmails } from './en-consultation-emails'
import { enMeetingEmails } from './en-meeting-emails'
import { enConsultations, enNotifications, enPlans, enSearch } from './en-plans'
import { enAdoption, enMinutes, enTransparency } from './en-minutes'
import { enMeetings } from './en-meetings'
import type { ro } from './ro'
import type { Translation } from './types'

/** English: complete, the compiler refuses a missing or extra key. */
export const en: Translation<typeof ro> = {
  app: { name: 'Social plans' },
  shell: {
    skipToContent: 'Skip to content',
    mainNav: 'Main navigation',
    breadcrumbs: 'You are here',
    switchTo: { en: 'English', ro: 'Română' },
    footer: {
      about:
        'Social plans: public consultation on social-services plans, minutes, partnership protocols and tripartite meetings (Law 52/2003, Law 292/2011).',
      privacy:
        'Email addresses are never published. Public comments show the organisation’s name or, if they choose, the person’s.',
    },
  },
  nav: {
    consultations: 'Consultations',
    search: 'Search',
    notifications: 'Notifications',
    authorities: 'Authorities',
    organisations: 'Organisations',
    staffArea: 'Workspace: {{authority}}',
    platformAdmin: 'Platform administration',
    account: 'My account ({{name}})',
    logout: 'Log out',
    login: 'Log in',
    signup: 'Sign up',
  },
  errors: {
    notFound: {
      title: 'Page not found',
      body: 'This address does not exist or has moved. Check the address or start from the home page.',
    },
    forbidden: {
      title: 'You do not have access to this page',
      body: 'Your account lacks the rights this page needs. If you think this is a mistake, ask the administrator of the authority or organisation to give you the right role.',
    },
    serverError: {
      title: 'Something went wrong',
      body: 'Sorry, the request could not be completed. Nothing already saved was lost. Please try again in a moment.',
    },
    unavailable: {
      title: 'The platform is busy for a moment',
      body: "The platform's database is in use by another operation and the page could not be loaded. Please try again in a few seconds.",
      bodyAfterSubmit:
        "What you sent could not be recorded: the platform's database is in use by another operation. Go back to the previous page (the form keeps what you wrote) and send it again in a few seconds.",
      retry: 'Try again',
    },
    backHome: 'Back to the home page',
  },
  fields: {
    email: 'Email address',
    password: 'Password',
    newPassword: 'New password',
    currentPassword: 'Current password',
    confirmPassword: 'Repeat the password',
    fullName: 'Full name',
    name: 'Name',
    authorityKind: 'Kind of authority',
    county: 'County',
    postalAddress: 'Postal address',
    contactEmail: 'Contact email',
    slug: 'Page address',
    language: 'Language',
    roles: 'Roles',
  },
  validation: {
    required: 'Fill in this field.',
    tooLong: 'The text is too long.',
    email: 'Enter a valid email address, such as name@example.org.',
    passwordTooShort: 'The password must be at least 10 characters long.',
    nameTooShort: 'Enter at least 2 characters.',
    code: 'The code has 8 digits.',
    acceptTerms: 'To create the account you must accept the processing of your data.',
    passwordsDiffer: 'The two passwords are not the same.',
    url: 'Enter a full web address, such as https://example.org.',
    slug: 'Use only lowercase letters without diacritics, digits and hyphens (for example: comuna-pangarati).',
    chooseRole: 'Choose at least one role.',
    chooseOption: 'Choose an option from the list.',
    number: 'Enter a whole number.',
    range: 'The value must be between {{min}} and {{max}}.',
  },
  login: {
    title: 'Log in',
    submit: 'Log in',
    forgot: 'Forgot your password?',
    noAccount: 'No account yet?',
    signupLink: 'Create one',
    invalid: 'The email address or the password is not correct.',
    throttled: 'Too many failed attempts. Try again in {{seconds}} seconds.',
    afterReset: 'Your password was changed and every session was closed. Log in with the new password.',
    verified: 'Your email address is confirmed. Log in.',
    everywhere: 'You were logged out on every device.',
  },
  signup: {
    title: 'Sign up',
    intro:
      'With an account you can comment on drafts open for consultation, as yourself or on behalf of your organisation, and follow the authority’s answers.',
    invited:
      'You were invited to the team of {{authority}}. Create your account with the address the invitation was sent to.',
    emailHint: 'We send you a confirmation code. The address is never published.',
    passwordHint: 'At least 10 characters. A sentence you can remember makes a good password.',
    acceptTerms: 'I agree that my name and email address are processed for taking part in consultations (Law 52/2003).',
    submit: 'Create the account',
    haveAccount: 'Already have an account?',
    loginLink: 'Log in',
    emailTaken: 'An account with this address already exists. Log in or reset the password.',
  },
  verify: {
    title: 'Confirm your email address',
    intro: 'We sent an 8-digit code to {{email}}. Enter it below.',
    fromLink: 'Confirm your email address with the code from the message you received.',
    sent: 'We sent a new code to {{email}}.',
    code: 'Confirmation code',
    codeHint: '8 digits, valid for 30 minutes.',
    submit: 'Confirm the address',
    noEmail: 'No message? Check your spam folder too.',
    resend: 'Send a new code',
    localOutbox:
      'The platform runs without an email service: messages stay in the local outbox, read by the platform administrator.',
    localOutboxLink: 'Local email outbox',
    errors: {
      invalid: 'The code is not correct.',
      expired: 'The code has expired. Ask for a new one.',
      too_many_attempts: 'Too many wrong codes. Ask for a new one.',
    },
  },
  home: {
    authoritiesCount: '{{count}} authorities on the platform; search them on the authorities page.',
    allConsultations: 'All consultations ({{count}} open now)',
    title: 'Home',
    heading: 'Social-services planning, open to everyone',
    lead: 'Authorities publish their draft plans and strategies here for consultation, answer every recommendation, keep track of their partnership protocols and run the tripartite meetings. Organisations and citizens comment on precise sections and follow what happened to each proposal.',
    steps: {
      consult: {
        title: 'Public consultation',
        body: 'The draft is published with its justification note; anyone can read it, organisations and citizens comment on sections and propose wording.',
      },
      minutes: {
        title: 'Minutes and adoption',
        body: 'A plan cannot be adopted without the minutes of its consultation and an answer to every recommendation.',
      },
      protocols: {
        title: 'Partnership protocols',
        body: 'Legal officers see which protocols are valid, which expire, and until when a renewal can be refused.',
      },
      tripartite: {
        title: 'Tripartite meetings',
        body: 'One meeting per semester for each type of social service: providers, volunteers and beneficiary associations.',
      },
    },
    openConsultations: 'Consultations open now',
    noOpenConsultations: 'No consultation is open at the moment.',
    authorities: 'Authorities on the platform',
    forWhom: {
      title: 'Who the platform is for',
      ngos: 'NGOs, providers, beneficiary associations and citizens: find every draft open for comment in one place and get an answer to every recommendation.',
      staff: 'Authority staff: publish drafts, answer recommendations, record minutes and adopt plans.',
      legal: 'Legal officers: know at every moment which protocols expire and which renew by themselves.',
      public: 'The public: read everything that was published, with no account.',
    },
  },
  authorities: {
    search: 'Search by name or county',
    found_one: '{{count}} authority',
    found_few: '{{count}} authorities',
    found_other: '{{count}} authorities',
    title: 'Authorities',
    intro: 'The public authorities that consult on their social-services plans on this platform.',
    none: 'No authority has joined yet.',
    county: '{{county}} county',
  },
  authorityKinds: {
    county_council: 'County council',
    local_council: 'Local council',
    bucharest_sector: 'Bucharest sector',
    dgaspc: 'General directorate of social assistance and child protection',
    spas: 'Public social-assistance service',
    other: 'Other public authority',
  },
  authority: {
    allConsultations: 'All the authority’s consultations',
    goToStaffArea: 'Staff workspace',
    consultations: 'Public consultations',
    noConsultations: 'No consultation published yet.',
    contact: 'How to send recommendations',
    contactIntro:
      'Written recommendations can be sent through the platform, by post or by email, to the addresses below (Law 52/2003).',
    rules: 'Rules this authority applies',
    ruleAnnouncement: 'Drafts are announced at least {{days}} {{counting}} before adoption.',
    ruleWindow: 'Written recommendations are received for at least {{days}} calendar days.',
    ruleDebate: 'A public debate is held when an association or another authority asks for one in writing.',
  },
  legal: {
    dayCounting: { calendar: 'calendar days', working: 'working days' },
  },
  roles: {
    admin: 'Administrator',
    editor: 'Editor',
    legal: 'Legal officer',
    coordinator: 'Partnership coordinator',
    viewer: 'Viewer',
  },
  roleDescriptions: {
    admin: 'manages the team and the authority’s settings',
    editor: 'publishes drafts, answers recommendations, records minutes',
    legal: 'keeps the register of protocols and their deadlines',
    coordinator: 'runs the tripartite meetings',
    viewer: 'sees the workspace without changing anything',
  },
  organisationKinds: {
    ngo: 'NGO / association / foundation',
    public_provider: 'Public social-services provider',
    private_provider: 'Private social-services provider',
    professional_association: 'Professional association',
    beneficiaries_organisation: 'Beneficiaries’ organisation',
    volunteer_organisation: 'Volunteer organisation',
    other: 'Other organisation',
  },
  emails: {
    ...enConsultationEmails,
    ...enMeetingEmails,
    greeting: 'Hello {{name}},',
    footer: {
      automatic: 'This message was sent automatically by the Social plans platform.',
      unsubscribe: 'Stop these notifications',
    },
    verify: {
      subject: 'Your email confirmation code',
      preview: 'Your code: {{code}}',
      heading: 'Confirm your email address',
      intro: 'To finish creating your account, enter this code on the confirmation page:',
      orClick: 'Or use the button below:',
      button: 'Confirm the address',
      expiry: 'The code is valid for 30 minutes.',
      notYou: 'If you did not create an account, ignore this message.',
    },
    reset: {
      subject: 'Password reset',
      preview: 'Choose a new password',
      heading: 'Password reset',
      intro: 'We received a request to reset your account’s password. Choose a new one with the button below:',
      button: 'Choose a new password',
      expiry: 'The link works once, within the next hour. After the change every open session is closed.',
      notYou: 'If you did not ask for a reset, ignore this message: your password stays the same.',
    },
    membershipRequest: {
      subject: '{{name}} asks to join {{organisation}}',
      preview: '{{name}} asks to join {{organisation}}',
      heading: 'Request to join {{organisation}}',
      intro:
        '{{name}} asked on the Social plans platform to become a member of {{organisation}}. As an administrator, you can approve or reject the request.',
      button: 'See the requests to join',
    },
    membershipDecision: {
      approved: {
        subject: 'You are a member of {{organisation}}',
        body: 'Your request was approved. You can now comment on behalf of {{organisation}}.',
      },
      rejected: {
        subject: 'Your request to join {{organisation}} was rejected',
        body: 'The administrators of {{organisation}} rejected your request. You can send it again, with more details, from the organisation’s page.',
      },
      button: 'The organisation’s page',
    },
    invitation: {
      subject: 'Invitation to the team of {{authority}}',
      preview: 'You were invited to the team of {{authority}}',
      heading: 'Invitation to the team of {{authority}}',
      intro:
        '{{inviter}} invites you to work on the Social plans platform in the team of {{authority}}, as: {{roles}}.',
      button: 'Accept the invitation',
      expiry: 'The invitation is valid until {{date}}.',
      notExpected: 'If you did not expect this invitation, ignore this message.',
    },
    protocolReminder: {
      end: {
        subject: 'The protocol “{{name}}” expires on {{date}}',
        intro: 'The protocol “{{name}}” of {{authority}} is valid until {{date}} inclusive.',
        what: 'If the partnership is to continue, prepare an addendum extending it or a new protocol in time; if not, nothing needs to be done.',
      },
      notice: {
        subject: '“{{name}}” renews by itself on {{renewsOn}} unless terminated by {{deadline}}',
        intro:
          '“{{name}}”, concluded by {{authority}}, renews by itself on {{renewsOn}}. If the authority does not want it renewed, the termination must reach the partner by {{deadline}} at the latest.',
        what: 'If the renewal is wanted, nothing needs to be done; you can record the decision (renew, do not renew or terminate) on the protocol’s page.',
      },
      review: {
        subject: 'The protocol “{{name}}” is due for review ({{date}})',
        intro:
          'The protocol “{{name}}” of {{authority}} has no end date: it is valid indefinitely or while a condition holds. Its periodic review was due on {{date}}.',
        what: 'Check that the protocol is still applied and that its details are right, then mark it as reviewed on the protocol’s page.',
      },
      renewed: {
        subject: '“{{name}}” renewed by itself until {{periodEnd}}',
        intro:
          'The validity period of “{{name}}” ({{authority}}) ended with no decision not to renew or to terminate it, so it renewed by itself: the new period starts on {{renewsOn}} and lasts until {{periodEnd}}. The new notice deadline is {{deadline}}.',
        what: 'You will be reminded again before the new notice deadline.',
      },
      overdue: {
        subject_one: 'Overdue reminder: the protocol “{{name}}”',
        subject_few: '{{count}} overdue reminders: the protocol “{{name}}”',
        subject_other: '{{count}} overdue reminders: the protocol “{{name}}”',
        intro:
          'These reminders about “{{name}}” ({{authority}}) were not sent on their date (for instance, the platform was stopped or the protocol was recorded later). You receive them now, once, in this message:',
      },
      items: {
        end: 'due on {{dueOn}}: the protocol expires on {{deadline}}',
        notice: 'due on {{dueOn}}: the notice deadline is {{deadline}} (otherwise it renews on {{renewsOn}})',
        review: 'due on {{dueOn}}: the periodic review',
        renewed: 'due on {{dueOn}}: renewed by itself until {{periodEnd}}; the new notice deadline is {{deadline}}',
      },
      weekly: {
        subject_one: '{{count}} protocol to review: {{authority}}',
        subject_few: '{{count}} protocols to review: {{authority}}',
        subject_other: '{{count}} protocols to review: {{authority}}',
        intro_one:
          'The protocol registry of {{authority}} has {{count}} protocol marked “to review”: its details are incomplete or its periodic review is overdue.',
        intro_few:
          'The protocol registry of {{authority}} has {{count}} protocols marked “to review”: their details are incomplete or their periodic review is overdue.',
        intro_other:
          'The protocol registry of {{authority}} has {{count}} protocols marked “to review”: their details are incomplete or their periodic review is overdue.',
        reasons: {
          no_term: 'the validity period is not known',
          flagged: 'details to complete',
          review: 'the periodic review is overdue',
        },
        more_one: 'and {{count}} more protocol.',
        more_few: 'and {{count}} more protocols.',
        more_other: 'and {{count}} more protocols.',
        button: 'Open the protocol registry',
      },
      daysLeft_one: '{{count}} day left until the deadline.',
      daysLeft_few: '{{count}} days left until the deadline.',
      daysLeft_other: '{{count}} days left until the deadline.',
      today: 'Today is the last day.',
      passed: 'The deadline passed on {{date}}.',
      late: 'This reminder was due on {{date}}; you receive it at the first check since then.',
      escalated:
        'You receive this message as an administrator of the authority: nobody has acknowledged the reminders for this deadline yet.',
      open: 'Open the protocol',
      ack: {
        intro:
          'Confirm that you have taken note, so that your colleagues know; without a confirmation, the reminders close to the deadline also go to the authority’s administrators.',
        link: 'I have taken note',
      },
    },
  },
  account: enAccount,
  admin: enAdmin,
  organisations: enOrganisations,
  staff: enStaff,
  protocols: enProtocols,
  protocolDashboard: enProtocolDashboard,
  protocolRegistry: enProtocolRegistry,
  reminders: enReminders,
  plans: enPlans,
  consultations: enConsultations,
  search: enSearch,
  notifications: enNotifications,
  minutes: enMinutes,
  adoption: enAdoption,
  transparency: enTransparency,
  meetings: enMeetings,
  protocolKinds: {
    protocol: 'Cooperation protocol',
    partnership_agreement: 'Partnership agreement',
    association_agreement: 'Association agreement',
    memorandum: 'Memorandum of understanding',
    addendum: 'Addendum',
    other: 'Other agreement',
  },
  protocolStatuses: {
    upcoming: 'not yet in force',
    active: 'in force',
    expiring: 'expiring soon',
    in_notice_window: 'notice deadline close',
    expired: 'expired',
    renewed: 'renewed automatically',
    terminated: 'terminated',
    needs_review: 'to be checked',
  },
  termTypes: {
    fixed: 'Fixed term',
    auto_renewing: 'Renews automatically',
    open_ended: 'Open-ended',
    conditional: 'While a condition holds',
    unknown: 'Unknown term',
  },
  periods: {
    Y_one: '{{count}} year',
    Y_few: '{{count}} years',
    Y_other: '{{count}} years',
    M_one: '{{count}} month',
    M_few: '{{count}} months',
    M_other: '{{count}} months',
    D_one: '{{count}} day',
    D_few: '{{count}} days',
    D_other: '{{count}} days',
  },
}
