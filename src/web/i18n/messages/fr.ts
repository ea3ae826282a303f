/** French messages (ICU MessageFormat). */

import { budgetingMessages } from './areas/budgeting.ts';
import { clearingMessages } from './areas/clearing.ts';

import { currencyMessages } from './areas/currency.ts';
import { marketplaceMessages } from './areas/marketplace.ts';
import { participationMessages } from './areas/participation.ts';
import { paymentRequestsMessages } from './areas/payment-requests.ts';
import type { Messages } from './en.ts';

export const fr: Messages = {
  ...currencyMessages.fr,
  ...paymentRequestsMessages.fr,
  ...marketplaceMessages.fr,
  ...clearingMessages.fr,
  ...participationMessages.fr,
  ...budgetingMessages.fr,
  // common
  'common.loading': 'Chargement…',
  'common.loadMore': 'Afficher plus',
  'common.other': 'Autre',
  'common.cancel': 'Annuler',
  'common.close': 'Fermer',
  'common.save': 'Enregistrer les modifications',
  'common.saved': 'Vos modifications sont enregistrées.',
  'common.none': 'Aucun',
  'common.yes': 'Oui',
  'common.no': 'Non',
  'common.back': 'Retour',
  'error.network': 'Kopa est injoignable. Vérifiez votre connexion et réessayez.',
  'error.unexpected': 'Un problème est survenu. Veuillez réessayer.',
  'error.loadFailed': 'Le chargement a échoué.',
  'form.optional': '(facultatif)',
  'form.sending': 'Envoi…',
  'validation.required': 'Ce champ est obligatoire.',
  'validation.email': 'Saisissez une adresse e-mail, par exemple nom@example.org.',
  'validation.tooShort': 'Utilisez au moins {min} caractères.',
  'validation.tooLong': 'Utilisez au plus {max} caractères.',
  'validation.number': 'Saisissez un nombre entier dans la plage autorisée.',
  'validation.format': 'Cette valeur n’a pas le format attendu.',
  'validation.invalid': 'Cette valeur n’est pas valide.',
  'validation.dateTooLate': 'Choisissez le {date} ou une date antérieure.',

  // frame
  'nav.skipToContent': 'Aller au contenu principal',
  'nav.main': 'Navigation principale',
  'nav.home': 'accueil',
  'nav.clusters': 'Clusters',
  'nav.outbox': 'Boîte d’envoi',
  'nav.account': 'Compte ({name})',
  'nav.signIn': 'Se connecter',
  'nav.signUp': 'Créer un compte',
  'nav.signOut': 'Se déconnecter',
  'locale.switcher': 'Langue',
  'footer.about':
    'Kopa — un seul lieu pour un cluster d’économie sociale : membres, co-construction, financement et un journal public vérifiable par tous.',
  'footer.api': 'Documentation de l’API',
  'footer.licence': 'Logiciel libre (AGPL-3.0)',
  'session.signedIn': 'Vous êtes connecté·e.',
  'session.signedOut': 'Vous êtes déconnecté·e.',

  // home
  'home.title': 'Clusters d’économie sociale',
  'home.heading': 'Régénérer un territoire, ensemble',
  'home.lead':
    'Kopa est la maison d’un cluster d’économie sociale : les coopératives, associations, communes, universités et habitants d’un territoire, leurs adhérents et leurs décisions, dans leurs propres langues — avec un journal public que chacun peut vérifier.',
  'home.createCluster': 'Lancer un cluster',
  'home.pillarsHeading': 'Ce qu’un cluster fait avec Kopa',
  'home.pillar.funding.title': 'Pérennité financière',
  'home.pillar.funding.text':
    'Diversifier les financements au-delà de la première subvention et faire circuler la valeur dans l’économie locale.',
  'home.pillar.engagement.title': 'Participation des acteurs',
  'home.pillar.engagement.text':
    'Co-construire avec les pouvoirs publics, le tiers secteur, le monde académique et les habitants — et montrer ce que devient chaque idée.',
  'home.pillar.transparency.title': 'Gouvernance transparente',
  'home.pillar.transparency.text':
    'Membres, décisions et changements inscrits dans un registre public infalsifiable, vérifiable par tous.',
  'home.myClusters': 'Vos clusters',
  'home.allClusters': 'Les clusters de ce Kopa',
  'home.noClusters': 'Il n’y a pas encore de cluster. Lancez le premier.',

  // accounts
  'field.email': 'Adresse e-mail',
  'field.password': 'Mot de passe',
  'field.newPassword': 'Choisissez un mot de passe',
  'field.password.help':
    'Au moins {min} caractères. Quelques mots à la suite font un mot de passe solide et facile à retenir.',
  'field.displayName': 'Votre nom',
  'field.displayName.help': 'Tel que le verront les autres membres de vos clusters.',
  'field.locale': 'Langue',
  'field.locale.help': 'Pour les pages de Kopa et les e-mails qu’il vous envoie.',
  'signIn.title': 'Se connecter',
  'signIn.submit': 'Se connecter',
  'signIn.forgot': 'Mot de passe oublié ?',
  'signIn.noAccount': 'Nouveau sur Kopa ? <link>Créez un compte</link>.',
  'signUp.title': 'Créer un compte',
  'signUp.lead': 'Un seul compte pour tous les clusters auxquels vous participez.',
  'signUp.submit': 'Créer le compte',
  'signUp.haveAccount': 'Vous avez déjà un compte ? <link>Connectez-vous</link>.',
  'checkMail.title': 'Consultez vos e-mails',
  'checkMail.lead': 'Votre compte est presque prêt.',
  'checkMail.text':
    'Nous avons envoyé un lien de confirmation à l’adresse indiquée. Ouvrez-le pour confirmer que l’adresse est la vôtre ; vous pourrez ensuite vous connecter.',
  'checkMail.notArrived':
    'Rien reçu ? Regardez dans vos courriers indésirables. Le lien reste valable 48 heures.',
  'resend.submit': 'Renvoyer le lien',
  'resend.sent':
    'Si un compte avec cette adresse attend sa confirmation, un nouveau lien est en route. Il reste valable 48 heures.',
  'resend.sentTo': 'Un nouveau lien de confirmation est en route vers {email}.',
  'verify.title': 'Confirmez votre adresse e-mail',
  'verify.done': 'Merci — votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.',
  'verify.missingToken':
    'Il manque à cette adresse son code de confirmation. Ouvrez le lien de l’e-mail tel qu’il a été envoyé.',
  'verify.failedHelp': 'Si le lien a expiré, demandez-en un nouveau ci-dessous.',
  'notFound.title': 'Page introuvable',
  'notFound.text': 'Il n’y a rien à cette adresse, ou elle ne vous est pas accessible.',
  'notFound.home': 'Aller à l’accueil',

  // clusters
  'cluster.memberCount':
    '{count, plural, =0 {Aucune organisation membre pour l’instant} one {# organisation membre} other {# organisations membres}}',

  // people
  'people.roles': 'Rôles',

  'form.choose': 'Choisir…',
  'signInRequired.title': 'Connectez-vous',
  'signInRequired.text':
    'Cette page est réservée aux personnes qui ont un compte. Connectez-vous, ou créez un compte — cela prend une minute.',

  // password reset
  'forgot.title': 'Mot de passe oublié ?',
  'forgot.lead':
    'Indiquez l’adresse avec laquelle vous vous connectez ; nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'forgot.sent': 'Si un compte utilise cette adresse, un lien est en route. Il reste valable une heure.',
  'forgot.backToSignIn': 'Retour à la connexion',
  'reset.title': 'Choisissez un nouveau mot de passe',
  'reset.submit': 'Enregistrer le nouveau mot de passe',
  'reset.done':
    'Votre nouveau mot de passe est enregistré. Par sécurité, tous les navigateurs connectés ont été déconnectés.',
  'reset.missingToken':
    'Il manque à cette adresse son code de réinitialisation. Ouvrez le lien de l’e-mail tel qu’il a été envoyé.',
  'reset.askAgain': 'Demander un nouveau lien',

  // account
  'account.title': 'Votre compte',
  'account.profile': 'Profil',
  'account.language': 'Langue',
  'account.languageLabel': 'Langue des pages et des e-mails de Kopa',
  'sessions.title': 'Où vous êtes connecté·e',
  'sessions.lead':
    '{count, plural, =0 {Vous n’êtes connecté·e nulle part ailleurs.} one {Vous êtes connecté·e sur # navigateur.} other {Vous êtes connecté·e sur # navigateurs.}} Déconnectez ceux que vous ne reconnaissez pas.',
  'sessions.device': '{browser} sous {system}',
  'sessions.unknownDevice': 'Navigateur inconnu',
  'sessions.current': 'Ce navigateur',
  'sessions.times': 'Connexion {signedIn} · dernière activité {lastSeen}',
  'sessions.revoke': 'Déconnecter',
  'sessions.revokeNamed': 'Déconnecter {device}',
  'sessions.revoked': 'Ce navigateur est déconnecté.',
  'export.title': 'Vos données',
  'export.text':
    'Téléchargez tout ce que Kopa conserve à votre sujet — profil, rôles, mandats, invitations, e-mails et sessions — en un seul fichier JSON.',
  'export.download': 'Télécharger mes données',
  'delete.title': 'Supprimer votre compte',
  'delete.warning':
    'Supprimer votre compte efface définitivement vos données personnelles et vous retire de tous les clusters. C’est irréversible.',
  'delete.open': 'Supprimer mon compte…',
  'delete.dialogTitle': 'Supprimer définitivement votre compte ?',
  'delete.cannotUndo': 'Cette action est irréversible.',
  'delete.point.data':
    'Votre nom, votre adresse e-mail et votre mot de passe sont effacés, et vous êtes déconnecté·e partout.',
  'delete.point.roles': 'Vos rôles et mandats prennent fin dans tous les clusters.',
  'delete.point.log':
    'Les journaux publics des clusters restent tels quels : ils ne vous désignent que par un numéro et n’ont jamais contenu vos données personnelles.',
  'delete.password': 'Votre mot de passe, pour confirmer',
  'delete.confirm': 'Supprimer mon compte',
  'delete.done': 'Votre compte a été supprimé.',

  // clusters
  'createCluster.title': 'Lancer un cluster',
  'createCluster.lead':
    'Un cluster réunit les organisations d’un territoire ou d’un secteur. Vous en serez le premier coordinateur ou la première coordinatrice ; vous pourrez inviter d’autres personnes ensuite.',
  'createCluster.submit': 'Créer le cluster',
  'createCluster.done': '{name} est créé.',
  'clusterForm.name': 'Nom du cluster',
  'clusterForm.slug': 'Adresse',
  'clusterForm.slug.help': 'Lettres minuscules, chiffres et tirets. Le cluster sera à l’adresse {address}.',
  'clusterForm.slug.changeWarning':
    'Changer l’adresse déplace le cluster : les liens vers l’ancienne adresse, dans des e-mails ou ailleurs, ne fonctionneront plus.',
  'clusterForm.country': 'Pays',
  'clusterForm.region': 'Région ou commune',
  'clusterForm.languages': 'Langues',
  'clusterForm.languages.help': 'Les langues dans lesquelles le cluster travaille.',
  'clusterForm.defaultLocale': 'Langue principale',
  'clusterForm.defaultLocale.help':
    'Utilisée pour les invitations ainsi que pour le nom et la description du cluster.',
  'clusterForm.clusterType': 'Type de cluster',
  'clusterForm.visibility': 'Qui peut le voir',
  'clusterForm.description': 'Description',
  'clusterForm.description.help':
    'Ce que le cluster régénère, avec qui et pourquoi. Affichée sur sa page publique.',
  'clusterTypeHelp.spatial':
    'Les organisations d’un territoire — un village, une vallée, un quartier — qui agissent pour ce lieu.',
  'clusterTypeHelp.sectoral':
    'Les organisations d’un domaine — alimentation, soin, culture — réparties sur plusieurs lieux.',
  'visibilityHelp.public': 'Tout le monde peut voir le profil, l’annuaire des membres et le journal public.',
  'visibilityHelp.members':
    'Seules les personnes du cluster peuvent le voir ; il n’apparaît pas dans les listes publiques.',
  'clusterNav.label': 'Cluster',
  'clusterNav.overview': 'Présentation',
  'clusterNav.members': 'Membres',
  'clusterNav.people': 'Personnes et rôles',
  'clusterNav.transparency': 'Transparence',
  'clusterNav.settings': 'Paramètres',
  'cluster.seeMembers': 'Voir les membres',
  'cluster.registerOrganisation': 'Inscrire une organisation',
  'cluster.join': 'Rejoindre comme participant·e',
  'cluster.joined': 'Vous avez rejoint le cluster comme participant·e.',
  'cluster.signInToTakePart': 'Se connecter pour participer',
  'cluster.about': 'À propos',
  'cluster.facts': 'En bref',
  'cluster.atAGlance': 'Chiffres et transparence',
  'cluster.place': 'Lieu',
  'cluster.since': 'Sur Kopa depuis',
  'cluster.yourRoles': 'Vos rôles',
  'cluster.memberCountLabel': '{count, plural, one {organisation membre} other {organisations membres}}',
  'cluster.applicantCountLabel':
    '{count, plural, one {candidature en attente} other {candidatures en attente}}',
  'cluster.transparencyTitle': 'Ouvert au regard de tous',
  'cluster.transparencyText':
    'Chaque admission, modification et décision est inscrite dans un journal public dont chacun peut vérifier l’intégrité.',
  'cluster.transparencyLink': 'Lire le journal public',
  'settings.title': 'Paramètres',
  'settings.lead': 'Le profil public du cluster. Chaque modification est inscrite au journal public.',
  'settings.notAllowed':
    'Seuls les coordinateurs et coordinatrices du cluster peuvent modifier ses paramètres.',

  // organisations
  'directory.title': 'Membres',
  'directory.leadPublic': 'Les organisations membres actives du cluster.',
  'directory.leadAll': 'Toutes les organisations du cluster, avec leur statut d’adhésion.',
  'directory.filters': 'Filtrer les membres',
  'directory.search': 'Rechercher par nom',
  'directory.status': 'Statut',
  'directory.sector': 'Secteur',
  'directory.all': 'Tous',
  'directory.apply': 'Rechercher',
  'directory.shown':
    '{count, plural, =0 {Aucune organisation trouvée.} one {# organisation affichée.} other {# organisations affichées.}}',
  'directory.shownMore':
    '{count, plural, one {# organisation affichée ; il y en a d’autres.} other {# organisations affichées ; il y en a d’autres.}}',
  'directory.empty': 'Aucune organisation ne correspond. Essayez une autre recherche ou un autre filtre.',
  'organisation.memberSince': 'membre depuis le {date}',
  'organisation.memberSinceLabel': 'Membre depuis',
  'organisation.details': 'Informations',
  'organisation.history': 'Historique de l’adhésion',
  'organisation.edit': 'Modifier les informations',
  'organisation.editTitle': 'Modifier {name}',
  'organisation.backToDirectory': 'Retour aux membres',
  'organisationForm.name': 'Nom de l’organisation',
  'organisationForm.legalForm': 'Forme juridique',
  'organisationForm.sector': 'Secteur',
  'organisationForm.sector.help':
    'Sa place dans la quadruple hélice : pouvoirs publics, entreprises, monde académique et société civile.',
  'organisationForm.country': 'Pays',
  'organisationForm.website': 'Site web',
  'organisationForm.voteWeight': 'Voix à l’assemblée',
  'organisationForm.voteWeight.help': 'Le nombre de voix que porte l’organisation (en général 1).',
  'organisationForm.description': 'Description',
  'registerOrganisation.title': 'Inscrire une organisation',
  'registerOrganisation.lead':
    'L’organisation entre comme candidate ; un coordinateur ou une coordinatrice l’admet ensuite comme membre, à une date donnée.',
  'registerOrganisation.submit': 'Inscrire',
  'registerOrganisation.done': '{name} est inscrite comme candidate.',
  'registerOrganisation.notAllowed':
    'Seuls les coordinateurs et coordinatrices du cluster peuvent inscrire des organisations.',
  'registerOrganisation.appliedOn': 'Date de candidature',
  'registerOrganisation.appliedOn.help':
    'Seulement pour une organisation qui a candidaté avant que le cluster n’utilise Kopa. Laissez vide pour enregistrer la date du jour.',
  'membership.action.apply': 'Candidater',
  'membership.action.admit': 'Admettre comme membre',
  'membership.action.reinstate': 'Réintégrer',
  'membership.action.suspend': 'Suspendre',
  'membership.action.decline': 'Refuser la candidature',
  'membership.action.end': 'Mettre fin à l’adhésion',
  'membership.action.other': 'Changer le statut',
  'membership.event.applied': 'Candidature déposée',
  'membership.event.admitted': 'Admise comme membre',
  'membership.event.reinstated': 'Réintégrée comme membre',
  'membership.event.suspended': 'Adhésion suspendue',
  'membership.event.declined': 'Candidature refusée',
  'membership.event.ended': 'Adhésion terminée',
  'membership.event.other': 'Statut modifié',
  'membership.reason': 'Motif : {reason}',
  'transition.title': '{action} : {name}',
  'transition.explain.active':
    'L’organisation devient membre active à la date ci-dessous et prend part aux votes.',
  'transition.explain.suspended':
    'L’organisation reste inscrite mais ne vote pas pendant la suspension. Indiquez pourquoi.',
  'transition.explain.left':
    'C’est définitif : pour revenir, l’organisation devra candidater à nouveau. Indiquez pourquoi.',
  'transition.effectiveOn': 'Prend effet le',
  'transition.reason': 'Motif',
  'transition.reason.help': 'Visible par les coordinateurs et médiateurs du cluster, pas par le public.',
  'transition.done': 'L’adhésion de {name} est mise à jour.',
  'representative.title': 'Représentant·es',
  'representative.none': 'Aucun·e représentant·e n’est encore désigné·e.',
  'representative.link': 'Désigner un·e représentant·e',
  'representative.linkTitle': 'Désigner un·e représentant·e de {name}',
  'representative.person': 'Personne',
  'representative.person.help':
    'L’une des personnes du cluster : tapez une partie de son nom. Quelqu’un de nouveau ? <link>Invitez-la d’abord</link>.',
  'personPicker.none': 'Personne dans le cluster ne porte un nom comme celui-ci.',
  'personPicker.pick': 'Choisissez une personne dans la liste.',
  'representative.mandate': 'Mandat',
  'representative.mandate.help': 'Ce que la personne peut faire pour l’organisation, et sur quelle décision.',
  'representative.startsOn': 'Du',
  'representative.endsOn': 'Au (facultatif)',
  'representative.linked': 'Le ou la représentant·e est désigné·e.',
  'representative.active': 'En cours',
  'representative.inactive': 'Terminé',
  'representative.since': 'depuis le {from}',
  'representative.period': 'du {from} au {to}',
  'representative.end': 'Mettre fin au mandat',
  'representative.endNamed': 'Mettre fin au mandat de {person} pour {organisation}',
  'representative.endTitle': 'Mettre fin à ce mandat ?',
  'representative.endText': 'À partir d’aujourd’hui, {person} ne représentera plus {organisation}.',
  'representative.ended': 'Le mandat de {person} a pris fin.',

  // people
  'people.title': 'Personnes et rôles',
  'people.lead': 'Les personnes du cluster et ce que chacune peut faire.',
  'people.leadManage':
    'Les personnes du cluster et leurs rôles. Attribuez ou retirez des rôles, et invitez de nouvelles personnes par e-mail.',
  'people.notAllowed': 'Seules les personnes du cluster peuvent voir cette liste.',
  'people.listTitle': '{count, plural, =0 {Personne pour l’instant} one {# personne} other {# personnes}}',
  'people.rolesOf': 'Rôles de {person}',
  'people.revoke': 'Retirer le rôle {role} à {person}',
  'people.revoked': '{person} n’a plus le rôle {role}.',
  'people.grant': 'Attribuer',
  'people.grantLabel': 'Un autre rôle pour {person}',
  'people.grantPlaceholder': 'Ajouter un rôle…',
  'people.granted': '{person} a désormais le rôle {role}.',
  'roleHelp.coordinator': 'Anime le cluster : admet les membres, gère les personnes et les paramètres.',
  'roleHelp.representative': 'Parle et vote au nom d’une organisation membre.',
  'roleHelp.participant': 'Participe : propose, commente et suit les travaux du cluster.',
  'roleHelp.mediator': 'Traite les conflits en toute confidentialité et peut lire les informations privées.',
  'roleHelp.observer': 'Suit les pages réservées aux membres sans y prendre part.',
  'invite.title': 'Inviter quelqu’un',
  'invite.lead': 'La personne reçoit un lien par e-mail et l’accepte avec un compte à cette adresse.',
  'invite.role': 'Rôle',
  'invite.submit': 'Envoyer l’invitation',
  'invite.sent': 'Une invitation est en route vers {email}.',
  'invitations.title': 'Invitations envoyées',
  'invitations.none': 'Aucune invitation pour l’instant.',
  'invitations.sentAt': 'envoyée {date}',
  'invitations.state.pending': 'En attente',
  'invitations.state.accepted': 'Acceptée',
  'invitations.state.expired': 'Expirée',
  'invitations.withdraw': 'Retirer',
  'invitations.withdrawNamed': 'Retirer l’invitation envoyée à {email}',
  'invitations.withdrawTitle': 'Retirer cette invitation ?',
  'invitations.withdrawText':
    'Le lien envoyé à {email} ne fonctionnera plus. Vous pourrez inviter cette personne de nouveau à tout moment.',
  'invitations.withdrawConfirm': 'Retirer l’invitation',
  'invitations.withdrawn': 'L’invitation envoyée à {email} est retirée.',
  'invitation.title': 'Invitation',
  'invitation.offer': 'Vous êtes invité·e à rejoindre {cluster} en tant que {role}.',
  'invitation.invalid':
    'Cette invitation n’existe pas ou a expiré. Demandez-en une nouvelle à la coordination du cluster.',
  'invitation.alreadyAccepted': 'Cette invitation a déjà été acceptée.',
  'invitation.goToCluster': 'Aller au cluster',
  'invitation.asPerson':
    'Vous êtes connecté·e en tant que {name} ({email}). L’invitation doit avoir été envoyée à cette adresse.',
  'invitation.accept': 'Accepter l’invitation',
  'invitation.accepted': 'Bienvenue ! Vous avez désormais le rôle {role}.',
  'invitation.signInFirst':
    'Pour accepter, connectez-vous avec l’adresse à laquelle l’invitation a été envoyée — ou créez un compte avec elle ; vous reviendrez ensuite ici.',

  // transparency
  'transparency.title': 'Transparence',
  'transparency.lead':
    'Ce qui a changé dans ce cluster, dans un journal public qu’on ne peut pas modifier sans que cela se voie. Aucune donnée personnelle n’y entre.',
  'transparency.events': 'Journal public',
  'transparency.noEvents': 'Rien n’a encore été inscrit.',
  'transparency.entry': 'Entrée {seq}',
  'transparency.fingerprint': 'Empreinte {hash}',
  'event.clusterCreated': 'Le cluster « {name} » a été créé.',
  'event.profileEdited':
    '{count, plural, =0 {Le profil du cluster a été enregistré sans changement.} one {Le profil du cluster a été modifié : {fields}.} other {Le profil du cluster a été modifié : {fields}.}}',
  'event.organisationRegistered': '{name} ({legalForm}) a demandé à adhérer.',
  'event.organisationEdited': 'Les informations de {name} ont été mises à jour.',
  'event.membershipChanged': '{name} : {change} (à compter du {date}).',
  'event.anOrganisation': 'Une organisation',
  'event.other': 'Un autre type de changement a été inscrit (<code>{action}</code>).',
  'checkpoint.title': 'Point de contrôle signé',
  'checkpoint.lead':
    'Kopa signe l’empreinte de la dernière entrée. Gardez-en une copie : si le journal était réécrit, elle ne correspondrait plus.',
  'checkpoint.none': 'Il n’y a encore rien à signer.',
  'checkpoint.seq': 'Dernière entrée',
  'checkpoint.signedAt': 'Signé le',
  'checkpoint.algorithm': 'Algorithme de signature',
  'checkpoint.keyId': 'Clé',
  'checkpoint.hash': 'Empreinte de la dernière entrée (SHA-256)',
  'checkpoint.signature': 'Signature (base64)',
  'checkpoint.publicKey': 'Clé publique',
  'verifyLog.title': 'Vérifiez le journal vous-même',
  'verifyLog.why':
    'Chaque entrée porte l’empreinte de la précédente, comme les maillons d’une chaîne. Modifier, supprimer ou réordonner une entrée brise tous les maillons suivants — vous n’avez donc pas à faire confiance à Kopa : vous pouvez vérifier.',
  'verifyLog.step.download':
    '<link>Téléchargez la chaîne</link> en JSON depuis <code>{url}</code> (500 entrées à la fois ; demandez les suivantes avec <code>?afterSeq=</code> et le dernier numéro reçu).',
  'verifyLog.step.hash':
    'Pour chaque entrée, écrivez son en-tête {header} en JSON canonique (RFC 8785) et calculez son SHA-256 : il doit être égal au <code>hash</code> de l’entrée. Pour les entrées publiques, le SHA-256 du JSON canonique de <code>payload</code> doit être égal à <code>payloadDigest</code>.',
  'verifyLog.step.links':
    'Vérifiez les maillons : les numéros se suivent sans trou, et chaque <code>prevHash</code> est le <code>hash</code> de l’entrée précédente (la première part de {genesis}).',
  'verifyLog.step.signature':
    'Vérifiez la signature : la dernière entrée doit correspondre au point de contrôle, et la signature Ed25519 doit être valide pour le JSON canonique de {statement} avec la clé publique affichée ici.',
  'verifyLog.cli':
    'Les personnes qui hébergent Kopa peuvent vérifier tous les clusters d’un coup avec <code>{command}</code>.',
  'verifyLog.privacy':
    'Les entrées qui concernent des personnes ne montrent qu’une empreinte de leur contenu, jamais le contenu lui-même : les données personnelles peuvent être effacées sans briser la chaîne.',

  // admin
  'outbox.title': 'Boîte d’envoi',
  'outbox.lead':
    'Les e-mails envoyés par Kopa, du plus récent au plus ancien. Sans serveur SMTP, ils restent ici : rien n’est perdu.',
  'outbox.notAllowed':
    'Seuls les administrateurs et administratrices de la plateforme peuvent lire la boîte d’envoi.',
  'outbox.empty': 'Aucun e-mail pour l’instant.',
  'outbox.meta': 'À {to} · {date}',
  'outbox.sentSmtp': 'remis par SMTP',
  'outbox.kept': 'conservé dans la boîte d’envoi',
  'outbox.waiting': 'en attente d’envoi',
  'outbox.failed': 'échec de l’envoi : {error}',

  // catalogue: legal forms
  'legalForm.municipality': 'Commune',
  'legalForm.public_body': 'Organisme public',
  'legalForm.foundation': 'Fondation',
  'legalForm.association': 'Association',
  'legalForm.social_cooperative': 'Coopérative sociale',
  'legalForm.cooperative': 'Coopérative',
  'legalForm.business_employment_cooperative': 'Coopérative d’activité et d’emploi (CAE)',
  'legalForm.scic': 'Société coopérative d’intérêt collectif (SCIC)',
  'legalForm.social_enterprise': 'Entreprise sociale',
  'legalForm.company': 'Société',
  'legalForm.sole_trader': 'Entrepreneur individuel',
  'legalForm.university': 'Université',
  'legalForm.research_institute': 'Institut de recherche',
  'legalForm.chamber': 'Chambre consulaire',
  'legalForm.school': 'École',
  'legalForm.informal_group': 'Collectif informel',

  // catalogue: sectors
  'sector.government': 'Pouvoirs publics',
  'sector.industry': 'Entreprises',
  'sector.academia': 'Enseignement et recherche',
  'sector.civil_society': 'Société civile',

  'clusterType.spatial': 'Cluster territorial',
  'clusterType.sectoral': 'Cluster sectoriel',
  'visibility.public': 'Public',
  'visibility.members': 'Réservé aux membres',

  // catalogue: languages
  'language.lv': 'Letton',
  'language.en': 'Anglais',
  'language.fr': 'Français',
  'language.it': 'Italien',

  // catalogue: roles and membership statuses
  'role.coordinator': 'Coordinateur·rice',
  'role.representative': 'Représentant·e',
  'role.participant': 'Participant·e',
  'role.mediator': 'Médiateur·rice',
  'role.observer': 'Observateur·rice',
  'status.applicant': 'Candidate',
  'status.active': 'Membre actif',
  'status.suspended': 'Suspendue',
  'status.left': 'Ancien membre',

  // catalogue: countries
  'country.AT': 'Autriche',
  'country.BE': 'Belgique',
  'country.BG': 'Bulgarie',
  'country.CY': 'Chypre',
  'country.CZ': 'Tchéquie',
  'country.DE': 'Allemagne',
  'country.DK': 'Danemark',
  'country.EE': 'Estonie',
  'country.ES': 'Espagne',
  'country.FI': 'Finlande',
  'country.FR': 'France',
  'country.GR': 'Grèce',
  'country.HR': 'Croatie',
  'country.HU': 'Hongrie',
  'country.IE': 'Irlande',
  'country.IT': 'Italie',
  'country.LT': 'Lituanie',
  'country.LU': 'Luxembourg',
  'country.LV': 'Lettonie',
  'country.MT': 'Malte',
  'country.NL': 'Pays-Bas',
  'country.PL': 'Pologne',
  'country.PT': 'Portugal',
  'country.RO': 'Roumanie',
  'country.SE': 'Suède',
  'country.SI': 'Slovénie',
  'country.SK': 'Slovaquie',
  'country.NO': 'Norvège',
  'country.IS': 'Islande',
  'country.CH': 'Suisse',
  'country.GB': 'Royaume-Uni',
  'country.UA': 'Ukraine',
  'country.RS': 'Serbie',
  'country.BA': 'Bosnie-Herzégovine',
  'country.ME': 'Monténégro',
  'country.MK': 'Macédoine du Nord',
  'country.AL': 'Albanie',
  'country.MD': 'Moldavie',
};
