/**
 * The admin's French texts: the source table. `{name}` placeholders are filled by `t()`. Every other
 * language must provide exactly these keys (checked by the `Messages` type).
 */
export const fr = {
  'app.name': 'Comptoir',
  'app.loading': 'Chargement…',
  'app.language': 'Langue',
  'app.skipToContent': 'Aller au contenu',
  'error.network': 'Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.',
  'error.unknown': 'Une erreur inattendue est survenue. Réessayez.',

  'login.title': 'Connexion à votre boutique',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.forgot': 'Mot de passe oublié ?',

  'password.hint': 'Au moins {min} caractères. Une phrase facile à retenir fait un bon mot de passe.',
  'password.new': 'Nouveau mot de passe',
  'password.confirm': 'Confirmez le mot de passe',
  'password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'password.tooShort': 'Le mot de passe doit compter au moins {min} caractères.',

  'accept.title': 'Bienvenue dans l’équipe',
  'accept.intro': 'Choisissez votre mot de passe pour accéder à l’administration de la boutique.',
  'accept.submit': 'Enregistrer mon mot de passe',
  'accept.done': 'Mot de passe enregistré. Connectez-vous avec {email}.',

  'forgot.title': 'Mot de passe oublié',
  'forgot.intro': 'Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Recevoir un lien',
  'forgot.done':
    'Si un compte existe pour cette adresse, un lien valable une heure lui est envoyé. Pas de message ? Demandez à la personne qui gère votre serveur.',

  'reset.title': 'Nouveau mot de passe',
  'reset.intro': 'Choisissez un nouveau mot de passe. Vous serez déconnecté·e de tous vos appareils.',
  'reset.submit': 'Changer mon mot de passe',
  'reset.done': 'Mot de passe changé. Connectez-vous avec {email}.',

  'link.missingToken': 'Ce lien est incomplet. Copiez-le en entier depuis votre message.',
  'link.backToLogin': 'Retour à la connexion',

  'shell.nav': 'Navigation principale',
  'shell.shop': 'Boutique',
  'shell.switchShop': 'Changer de boutique',
  'shell.logout': 'Se déconnecter',
  'shell.signedInAs': 'Connecté·e : {name}',

  'nav.inbox': 'À traiter',
  'nav.staff': 'Équipe',
  'nav.keys': 'Clés d’API',

  'inbox.title': 'À traiter',
  'inbox.empty': 'Rien à traiter pour l’instant.',
  'inbox.placeholder':
    'Les retours, réclamations, échanges et demandes arriveront ici avec le moteur de garanties, triés par prochaine échéance.',

  'role.owner': 'Propriétaire',
  'role.staff': 'Employé·e',

  'staff.title': 'Équipe',
  'staff.ownerOnly': 'Seul le propriétaire de la boutique gère l’équipe.',
  'staff.invite.title': 'Inviter une personne',
  'staff.invite.name': 'Nom',
  'staff.invite.email': 'Adresse e-mail',
  'staff.invite.role': 'Rôle',
  'staff.invite.submit': 'Inviter',
  'staff.invite.link':
    'Transmettez ce lien à {name} : il permet de choisir un mot de passe, une seule fois, jusqu’au {date}. Il ne sera plus affiché.',
  'staff.invite.added': '{email} avait déjà un compte : cette personne a maintenant accès à la boutique.',
  'staff.list.title': 'Membres',
  'staff.status.active': 'Actif',
  'staff.status.invited': 'Invitation en attente',
  'staff.you': 'vous',
  'staff.remove': 'Retirer {name}',
  'staff.remove.confirm': 'Retirer {name} de l’équipe de cette boutique ?',
  'staff.removed': '{name} a été retiré·e de l’équipe.',

  'keys.title': 'Clés d’API',
  'keys.ownerOnly': 'Seul le propriétaire de la boutique gère les clés.',
  'keys.intro':
    'La clé publique (pk_…) sert au widget sur votre site. La clé secrète (sk_…) sert à votre logiciel de caisse ou de commande : ne la mettez jamais dans une page web.',
  'keys.kind.publishable': 'Publique (widget)',
  'keys.kind.secret': 'Secrète (serveur)',
  'keys.column.kind': 'Type',
  'keys.column.prefix': 'Début de la clé',
  'keys.column.created': 'Créée le',
  'keys.column.lastUsed': 'Dernier usage',
  'keys.column.status': 'État',
  'keys.never': 'Jamais',
  'keys.status.active': 'Active',
  'keys.status.revoked': 'Révoquée le {date}',
  'keys.rotate': 'Nouvelle clé {kind}',
  'keys.rotate.confirm':
    'Créer une nouvelle clé {kind} ? Les clés actuelles de ce type seront révoquées immédiatement : mettez la nouvelle en place aussitôt.',
  'keys.revoke': 'Révoquer {prefix}',
  'keys.revoke.confirm': 'Révoquer la clé {prefix} ? Ce qui l’utilise cessera de fonctionner.',
  'keys.newKey': 'Voici la nouvelle clé. Copiez-la maintenant : elle ne sera plus jamais affichée.',
  'keys.newKey.dismiss': 'J’ai copié la clé',

  'action.copy': 'Copier',
  'action.copied': 'Copié',
  'action.cancel': 'Annuler',
} as const;

/** Every text key of the admin. */
export type MessageKey = keyof typeof fr;

/** A complete table of the admin's texts in one language. */
export type Messages = Record<MessageKey, string>;
