import type { Messages } from './fr.js';

/** The admin's English texts. */
export const en: Messages = {
  'app.name': 'Comptoir',
  'app.loading': 'Loading…',
  'app.language': 'Language',
  'app.skipToContent': 'Skip to content',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.unknown': 'Something unexpected went wrong. Please try again.',

  'login.title': 'Sign in to your shop',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.forgot': 'Forgot your password?',

  'password.hint': 'At least {min} characters. A sentence you remember makes a good password.',
  'password.new': 'New password',
  'password.confirm': 'Confirm the password',
  'password.mismatch': 'The two passwords are not the same.',
  'password.tooShort': 'The password must be at least {min} characters long.',

  'accept.title': 'Welcome to the team',
  'accept.intro': 'Choose your password to access the shop’s admin.',
  'accept.submit': 'Save my password',
  'accept.done': 'Password saved. Sign in with {email}.',

  'forgot.title': 'Forgotten password',
  'forgot.intro': 'Enter your email address: we will send you a link to choose a new password.',
  'forgot.submit': 'Send me a link',
  'forgot.done':
    'If an account exists for this address, a link valid for one hour is on its way. Nothing arrived? Ask whoever runs your server.',

  'reset.title': 'New password',
  'reset.intro': 'Choose a new password. You will be signed out on all your devices.',
  'reset.submit': 'Change my password',
  'reset.done': 'Password changed. Sign in with {email}.',

  'link.missingToken': 'This link is incomplete. Copy all of it from your message.',
  'link.backToLogin': 'Back to sign-in',

  'shell.nav': 'Main navigation',
  'shell.shop': 'Shop',
  'shell.switchShop': 'Switch shop',
  'shell.logout': 'Sign out',
  'shell.signedInAs': 'Signed in: {name}',

  'nav.inbox': 'Inbox',
  'nav.staff': 'Team',
  'nav.keys': 'API keys',

  'inbox.title': 'Inbox',
  'inbox.empty': 'Nothing to handle right now.',
  'inbox.placeholder':
    'Returns, claims, exchanges and requests will arrive here with the guarantees engine, sorted by next deadline.',

  'role.owner': 'Owner',
  'role.staff': 'Staff',

  'staff.title': 'Team',
  'staff.ownerOnly': 'Only the shop owner manages the team.',
  'staff.invite.title': 'Invite someone',
  'staff.invite.name': 'Name',
  'staff.invite.email': 'Email address',
  'staff.invite.role': 'Role',
  'staff.invite.submit': 'Invite',
  'staff.invite.link':
    'Pass this link on to {name}: it lets them choose a password, once, until {date}. It will not be shown again.',
  'staff.invite.added': '{email} already had an account: they now have access to this shop.',
  'staff.list.title': 'Members',
  'staff.status.active': 'Active',
  'staff.status.invited': 'Invitation pending',
  'staff.you': 'you',
  'staff.remove': 'Remove {name}',
  'staff.remove.confirm': 'Remove {name} from this shop’s team?',
  'staff.removed': '{name} was removed from the team.',

  'keys.title': 'API keys',
  'keys.ownerOnly': 'Only the shop owner manages keys.',
  'keys.intro':
    'The publishable key (pk_…) is for the widget on your website. The secret key (sk_…) is for your till or order software: never put it in a web page.',
  'keys.kind.publishable': 'Publishable (widget)',
  'keys.kind.secret': 'Secret (server)',
  'keys.column.kind': 'Kind',
  'keys.column.prefix': 'Key starts with',
  'keys.column.created': 'Created',
  'keys.column.lastUsed': 'Last used',
  'keys.column.status': 'Status',
  'keys.never': 'Never',
  'keys.status.active': 'Active',
  'keys.status.revoked': 'Revoked on {date}',
  'keys.rotate': 'New {kind} key',
  'keys.rotate.confirm':
    'Create a new {kind} key? The current keys of this kind are revoked at once: put the new one in place straight away.',
  'keys.revoke': 'Revoke {prefix}',
  'keys.revoke.confirm': 'Revoke key {prefix}? Whatever uses it will stop working.',
  'keys.newKey': 'Here is the new key. Copy it now: it will never be shown again.',
  'keys.newKey.dismiss': 'I have copied the key',

  'action.copy': 'Copy',
  'action.copied': 'Copied',
  'action.cancel': 'Cancel',
};
