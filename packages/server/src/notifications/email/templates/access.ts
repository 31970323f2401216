import { defineTemplate, pick } from './common.js';

/** Sign-in codes and links for shoppers; invitations and password resets for staff. */
export const accessTemplates = {
  shopper_sign_in_code: defineTemplate<{ code: string; url: string; expiresInMinutes: number }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre code de connexion : ${data.code}`, en: `Your sign-in code: ${data.code}` }),
      preheader: pick(locale, { fr: `Valable ${data.expiresInMinutes} minutes.`, en: `Valid for ${data.expiresInMinutes} minutes.` }),
      heading: pick(locale, { fr: `Connexion à ${ctx.shopName}`, en: `Sign in to ${ctx.shopName}` }),
      paragraphs: [
        pick(locale, {
          fr: `Saisissez ce code pour suivre vos commandes et vos demandes. Il est valable ${data.expiresInMinutes} minutes et une seule fois.`,
          en: `Enter this code to follow your orders and requests. It is valid for ${data.expiresInMinutes} minutes, once.`,
        }),
      ],
      code: data.code,
      action: { label: pick(locale, { fr: 'Ou connectez-vous en un clic', en: 'Or sign in with one click' }), url: data.url },
      footnote: pick(locale, {
        fr: 'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce code.',
        en: 'If you did not ask for this, ignore this message: nobody can sign in without this code.',
      }),
    }),
  }),
  shopper_sign_in_link: defineTemplate<{ url: string; expiresInMinutes: number }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre lien de connexion à ${ctx.shopName}`, en: `Your sign-in link for ${ctx.shopName}` }),
      preheader: pick(locale, { fr: `Valable ${data.expiresInMinutes} minutes.`, en: `Valid for ${data.expiresInMinutes} minutes.` }),
      heading: pick(locale, { fr: 'Connectez-vous en un clic', en: 'Sign in with one click' }),
      paragraphs: [
        pick(locale, {
          fr: `Ce lien est valable ${data.expiresInMinutes} minutes et une seule fois.`,
          en: `This link is valid for ${data.expiresInMinutes} minutes, once.`,
        }),
      ],
      action: { label: pick(locale, { fr: 'Me connecter', en: 'Sign me in' }), url: data.url },
      footnote: pick(locale, {
        fr: 'Si vous n’avez rien demandé, ignorez ce message.',
        en: 'If you did not ask for this, ignore this message.',
      }),
    }),
  }),
  staff_invitation: defineTemplate<{ inviterName: string; role: 'owner' | 'staff'; url: string; expiresInHours: number }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Invitation à rejoindre ${ctx.shopName} sur Comptoir`, en: `Invitation to join ${ctx.shopName} on Comptoir` }),
      preheader: pick(locale, { fr: `De la part de ${data.inviterName}.`, en: `From ${data.inviterName}.` }),
      heading: pick(locale, { fr: `Rejoignez ${ctx.shopName}`, en: `Join ${ctx.shopName}` }),
      paragraphs: [
        pick(locale, {
          fr: `${data.inviterName} vous invite à gérer le service client de ${ctx.shopName} (${data.role === 'owner' ? 'propriétaire' : 'équipe'}).`,
          en: `${data.inviterName} invites you to run customer service for ${ctx.shopName} (${data.role === 'owner' ? 'owner' : 'staff'}).`,
        }),
        pick(locale, {
          fr: `L’invitation expire dans ${data.expiresInHours} heures.`,
          en: `The invitation expires in ${data.expiresInHours} hours.`,
        }),
      ],
      action: { label: pick(locale, { fr: 'Accepter l’invitation', en: 'Accept the invitation' }), url: data.url },
    }),
  }),
  password_reset: defineTemplate<{ url: string; expiresInMinutes: number }>({
    essential: true,
    render: (locale, data) => ({
      subject: pick(locale, { fr: 'Réinitialiser votre mot de passe Comptoir', en: 'Reset your Comptoir password' }),
      preheader: pick(locale, { fr: `Lien valable ${data.expiresInMinutes} minutes.`, en: `Link valid for ${data.expiresInMinutes} minutes.` }),
      heading: pick(locale, { fr: 'Nouveau mot de passe', en: 'New password' }),
      paragraphs: [
        pick(locale, {
          fr: `Choisissez un nouveau mot de passe avec ce lien, valable ${data.expiresInMinutes} minutes et une seule fois.`,
          en: `Choose a new password with this link, valid for ${data.expiresInMinutes} minutes, once.`,
        }),
      ],
      action: { label: pick(locale, { fr: 'Choisir un mot de passe', en: 'Choose a password' }), url: data.url },
      footnote: pick(locale, {
        fr: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
        en: 'If you did not ask for this, ignore this message: your password does not change.',
      }),
    }),
  }),
};
