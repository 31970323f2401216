import type { Locale } from '@comptoir/protocol/locale';

/**
 * Texts of the "email me a code" sign-in, loaded with its chunk (not with the launcher). French is
 * the reference table; English has the same keys.
 */
const fr = {
  title: 'Recevoir un code par e-mail',
  intro: 'Saisissez l’adresse e-mail de vos commandes : nous vous envoyons un code à 6 chiffres.',
  send: 'Recevoir le code',
  sending: 'Envoi…',
  sent: 'Si cette adresse correspond à une commande, un code vient d’y être envoyé. Il reste valable {minutes} minutes.',
  code: 'Code à 6 chiffres',
  codeHint: 'Il figure dans l’e-mail « Votre code de connexion ».',
  codeFormat: 'Saisissez les 6 chiffres du code.',
  verify: 'Valider',
  verifying: 'Vérification…',
  resend: 'Renvoyer le code',
  resendIn: 'Renvoyer le code dans {seconds} s',
  resent: 'Un nouveau code vient d’être envoyé. Seul le dernier code reçu est valable.',
  changeEmail: 'Changer d’adresse',
  wrongCode: 'Ce code est incorrect ou a expiré. Vérifiez-le, ou demandez un nouveau code.',
  codeBurnt: 'Ce code a été essayé trop de fois. Demandez un nouveau code.',
  useOrderNumber: 'Se connecter avec un numéro de commande',
} as const;

/** A key of the code sign-in's texts. */
export type SignInCodeTextKey = keyof typeof fr;

const en: Record<SignInCodeTextKey, string> = {
  title: 'Email me a code',
  intro: 'Enter the email address of your orders: we will send you a 6-digit code.',
  send: 'Send me the code',
  sending: 'Sending…',
  sent: 'If this address matches an order, a code is on its way to it. It is valid for {minutes} minutes.',
  code: '6-digit code',
  codeHint: 'You will find it in the email “Your sign-in code”.',
  codeFormat: 'Enter the 6 digits of the code.',
  verify: 'Confirm',
  verifying: 'Checking…',
  resend: 'Send the code again',
  resendIn: 'Send the code again in {seconds} s',
  resent: 'A new code is on its way. Only the latest code you received works.',
  changeEmail: 'Use another address',
  wrongCode: 'This code is wrong or has expired. Check it, or ask for a new code.',
  codeBurnt: 'This code was tried too many times. Ask for a new code.',
  useOrderNumber: 'Sign in with an order number',
};

const tables: Record<Locale, Record<SignInCodeTextKey, string>> = { fr, en };

/** The code sign-in's text for `key` in `locale`, `{name}` placeholders filled from `params`. */
export function signInCodeText(locale: Locale, key: SignInCodeTextKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every table, for the test that they have the same keys. */
export const signInCodeTextTables = tables;
