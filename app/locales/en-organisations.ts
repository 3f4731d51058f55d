import type { roOrganisations } from './ro-organisations'
import type { Translation } from './types'

export const enOrganisations: Translation<typeof roOrganisations> = {
  list: {
    title: 'Organisations',
    intro:
      'NGOs, social-service providers, professional associations and beneficiaries’ organisations taking part in consultations on this platform.',
    searchLabel: 'Search for an organisation',
    searchHint: 'By name, registration number or description. Diacritics do not matter.',
    searchSubmit: 'Search',
    clearSearch: 'All organisations',
    results: 'Results for “{{q}}”',
    caption: 'Registered organisations',
    none: 'No organisation has registered yet.',
    noResults: 'No organisation matches “{{q}}”.',
    create: 'Register an organisation',
    loginToCreate: 'To register your organisation, <0>log in</0> or <1>create an account</1>.',
  },
  fields: {
    name: 'Name of the organisation',
    kind: 'Type of organisation',
    chooseKind: 'Choose a type',
    registryNumber: 'Registration number or CUI',
    registryNumberHint:
      'The number in the Register of associations and foundations, the unique registration code (CUI) or the accreditation number.',
    website: 'Website (optional)',
    websiteShort: 'Website',
    websiteHint: 'The full address, such as https://example.org.',
    contactEmailHint: 'The organisation’s address, shown publicly. Do not use a personal address.',
    description: 'Description',
    descriptionHint: 'In short: what the organisation does and for whom. Shown publicly.',
  },
  validation: {
    website: 'Enter a full web address starting with http:// or https://, such as https://example.org.',
  },
  new: {
    title: 'Register an organisation',
    intro:
      'Once registered you become the organisation’s administrator: you can edit its details and decide who belongs to it. The details below are public.',
    submit: 'Register the organisation',
  },
  page: {
    identification: 'Identification',
    notProvided: 'Not given',
    done: {
      created: 'The organisation has been registered. You are its administrator.',
      saved: 'Your changes have been saved.',
      requested: 'Your request has been sent. The organisation’s administrators will review it.',
      left: 'You are no longer part of the organisation.',
      steppedDown: 'You are no longer an administrator of the organisation.',
    },
    youAreMember: 'You belong to this organisation. Your role: {{role}}.',
    join: {
      title: 'Do you belong to this organisation?',
      intro:
        'Ask to be added. An administrator of the organisation approves your request; after that you can comment on behalf of the organisation.',
      message: 'Message to the administrators (optional)',
      messageHint: 'For example, your role in the organisation.',
      submit: 'Send the request',
      pending: 'Your request to join the organisation is waiting for an administrator’s approval.',
      rejected:
        'Your previous request was rejected. You may ask again, for example with a message explaining your link with the organisation.',
      signIn: 'To ask to join the organisation, <0>log in</0>.',
      verify: 'To ask to join the organisation, <0>confirm your email address</0>.',
    },
    members: {
      title: 'Members',
      caption: 'Members of the organisation',
      none: 'The organisation has no members yet.',
      name: 'Name',
      role: 'Role',
    },
    admin: {
      title: 'Administration',
      edit: 'Edit the organisation’s details',
      members: 'Members and requests',
      membersPending: 'Members and requests ({{count}} waiting)',
      history: 'History of changes',
    },
  },
  roles: {
    admin: 'administrator',
    member: 'member',
  },
  edit: {
    title: 'Edit details: {{name}}',
    heading: 'Edit the organisation’s details',
    breadcrumb: 'Edit',
    submit: 'Save changes',
    cancel: 'Cancel',
    slugNote: 'The address of the organisation’s page stays the same even if you change its name.',
  },
  members: {
    title: 'Members and requests: {{name}}',
    heading: 'Members and requests',
    breadcrumb: 'Members',
    intro:
      'Members can comment on behalf of the organisation. Administrators can edit its details and decide who belongs to it. The organisation must always keep at least one administrator.',
    pending: {
      title: 'Pending requests',
      caption: 'Requests to join the organisation',
      none: 'No pending requests.',
      message: 'Message',
      requestedAt: 'Sent on',
      noMessage: 'No message',
    },
    active: {
      title: 'Active members',
      caption: 'Active members of the organisation',
      none: 'The organisation has no active members.',
    },
    name: 'Name',
    role: 'Role',
    actions: 'Actions',
    you: '(you)',
    approve: 'Approve',
    reject: 'Reject',
    makeAdmin: 'Make administrator',
    makeMember: 'Make member',
    remove: 'Remove',
    done: {
      approve: 'The request has been approved.',
      reject: 'The request has been rejected.',
      make_admin: 'The person is now an administrator.',
      make_member: 'The person is now a member, without administration rights.',
      remove: 'The person is no longer part of the organisation.',
    },
    errors: {
      lastAdmin:
        'The organisation must keep at least one administrator. Appoint another administrator first, then try again.',
      stale:
        'This action is no longer possible: the person’s situation has changed in the meantime. Check the list below.',
      invalid: 'The request could not be understood. Reload the page and try again.',
    },
  },
}
