import type { roAccount } from './ro-account'
import type { Translation } from './types'

export const enAccount: Translation<typeof roAccount> = {
  title: 'My account',
  signedInAs: 'You are signed in as {{name}} ({{email}}).',
  history: 'Account history',
  done: {
    profile: 'Your account details were saved.',
    password: 'Your password was changed. Your other sessions were closed.',
    verified: 'Your email address is confirmed. Welcome!',
  },
  memberships: {
    title: 'Authorities and organisations',
    none: 'You are not part of any authority or organisation yet.',
    active: 'member',
    pending: 'request to join pending',
    rejected: 'request to join rejected',
    role: { admin: 'administrator', member: 'member' },
    findOrganisation: 'Find or create an organisation',
  },
  profile: {
    title: 'Personal details',
    language: 'Language of the platform and of your emails',
    languageHint: 'Emails are sent to you in this language.',
    save: 'Save',
  },
  password: {
    title: 'Change password',
    intro: 'After a password change every other open session is closed.',
    save: 'Change password',
    wrongCurrent: 'The current password is not correct.',
  },
  sessions: {
    title: 'Open sessions',
    device: 'Device',
    started: 'Started',
    lastSeen: 'Last activity',
    current: 'this one',
    unknownDevice: 'Unknown device',
    logoutEverywhere: 'Log out on every device',
  },
  forgot: {
    title: 'Forgot your password?',
    intro: 'Enter your account’s email address. We will send you a link to choose a new password.',
    sent: 'If an account exists with this address, we sent it a reset link, valid for one hour.',
    submit: 'Send the link',
    back: 'Back to log in',
  },
  reset: {
    title: 'Choose a new password',
    intro: 'After the change every open session of the account is closed.',
    submit: 'Save the new password',
    unusable: 'This link no longer works: it has expired or was already used.',
    askAgain: 'Ask for a new link',
  },
}
