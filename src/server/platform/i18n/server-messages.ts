/**
 * Every message the server itself says — errors and mails — in the four interface languages,
 * as ICU MessageFormat (Latvian plurals have zero/one/other).
 */
import { BUDGETING_ERRORS } from './messages/budgeting.ts';
import { CLEARING_ERRORS, CLEARING_MAILS } from './messages/clearing.ts';
import { CURRENCY_ERRORS, CURRENCY_MAILS } from './messages/currency.ts';
import { MARKETPLACE_ERRORS, MARKETPLACE_MAILS } from './messages/marketplace.ts';
import { PARTICIPATION_ERRORS, PARTICIPATION_MAILS } from './messages/participation.ts';
import { PAYMENT_REQUEST_ERRORS, PAYMENT_REQUEST_MAILS } from './messages/payment-requests.ts';
import type { Translations } from './messages/translations.ts';

// Each module's messages live in their own file under messages/, one per product area.
export const ERROR_MESSAGES = {
  ...CURRENCY_ERRORS,
  ...MARKETPLACE_ERRORS,
  ...CLEARING_ERRORS,
  ...BUDGETING_ERRORS,
  ...PAYMENT_REQUEST_ERRORS,
  ...PARTICIPATION_ERRORS,
  'validation.invalid': {
    en: 'This value is not valid.',
    lv: 'Šī vērtība nav derīga.',
    fr: 'Cette valeur n’est pas valide.',
    it: 'Questo valore non è valido.',
  },
  'validation.required': {
    en: 'This field is required.',
    lv: 'Šis lauks ir obligāts.',
    fr: 'Ce champ est obligatoire.',
    it: 'Questo campo è obbligatorio.',
  },
  'validation.too_long': {
    en: 'Use at most {max} characters.',
    lv: 'Izmantojiet ne vairāk kā {max} rakstzīmes.',
    fr: 'Utilisez au plus {max} caractères.',
    it: 'Usa al massimo {max} caratteri.',
  },
  'validation.too_short': {
    en: 'Use at least {min} characters.',
    lv: 'Izmantojiet vismaz {min} rakstzīmes.',
    fr: 'Utilisez au moins {min} caractères.',
    it: 'Usa almeno {min} caratteri.',
  },
  'validation.format': {
    en: 'This value does not have the expected format.',
    lv: 'Šai vērtībai nav gaidītā formāta.',
    fr: 'Cette valeur n’a pas le format attendu.',
    it: 'Questo valore non ha il formato previsto.',
  },
  'validation.not_allowed_value': {
    en: 'Choose one of the offered values.',
    lv: 'Izvēlieties vienu no piedāvātajām vērtībām.',
    fr: 'Choisissez l’une des valeurs proposées.',
    it: 'Scegli uno dei valori proposti.',
  },
  'validation.out_of_range': {
    en: 'This number is out of the allowed range.',
    lv: 'Šis skaitlis ir ārpus atļautā diapazona.',
    fr: 'Ce nombre est hors de la plage autorisée.',
    it: 'Questo numero è fuori dall’intervallo consentito.',
  },
  'validation.too_many': {
    en: 'Give at most {max} items.',
    lv: 'Norādiet ne vairāk kā {max} vienumus.',
    fr: 'Indiquez au plus {max} éléments.',
    it: 'Indica al massimo {max} elementi.',
  },
  'validation.body_malformed': {
    en: 'The request body is not valid JSON.',
    lv: 'Pieprasījuma saturs nav derīgs JSON.',
    fr: 'Le corps de la requête n’est pas un JSON valide.',
    it: 'Il corpo della richiesta non è un JSON valido.',
  },
  'validation.body_too_large': {
    en: 'The request is too large.',
    lv: 'Pieprasījums ir pārāk liels.',
    fr: 'La requête est trop volumineuse.',
    it: 'La richiesta è troppo grande.',
  },
  'validation.unsupported_media_type': {
    en: 'Send the request body as JSON.',
    lv: 'Sūtiet pieprasījuma saturu kā JSON.',
    fr: 'Envoyez le corps de la requête en JSON.',
    it: 'Invia il corpo della richiesta come JSON.',
  },
  'http.not_found': {
    en: 'There is nothing at this address.',
    lv: 'Šajā adresē nekā nav.',
    fr: 'Il n’y a rien à cette adresse.',
    it: 'Non c’è nulla a questo indirizzo.',
  },
  'auth.required': {
    en: 'Please sign in to do this.',
    lv: 'Lai to izdarītu, lūdzu, pierakstieties.',
    fr: 'Veuillez vous connecter pour faire ceci.',
    it: 'Accedi per fare questo.',
  },
  'auth.forbidden': {
    en: 'You do not have the right to do this.',
    lv: 'Jums nav tiesību to darīt.',
    fr: 'Vous n’avez pas le droit de faire ceci.',
    it: 'Non hai il permesso di fare questo.',
  },
  'auth.invalid_credentials': {
    en: 'The e-mail address or password is wrong.',
    lv: 'E-pasta adrese vai parole nav pareiza.',
    fr: 'L’adresse e-mail ou le mot de passe est incorrect.',
    it: 'L’indirizzo e-mail o la password non sono corretti.',
  },
  'auth.email_not_verified': {
    en: 'Please confirm your e-mail address first: follow the link we sent you.',
    lv: 'Vispirms apstipriniet savu e-pasta adresi: atveriet saiti, ko jums nosūtījām.',
    fr: 'Confirmez d’abord votre adresse e-mail : suivez le lien que nous vous avons envoyé.',
    it: 'Conferma prima il tuo indirizzo e-mail: segui il link che ti abbiamo inviato.',
  },
  'auth.csrf_invalid': {
    en: 'This form has expired. Reload the page and try again.',
    lv: 'Šīs veidlapas derīgums ir beidzies. Pārlādējiet lapu un mēģiniet vēlreiz.',
    fr: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
    it: 'Questo modulo è scaduto. Ricarica la pagina e riprova.',
  },
  'auth.rate_limited': {
    en: 'Too many attempts. Please wait a little and try again.',
    lv: 'Pārāk daudz mēģinājumu. Lūdzu, nedaudz uzgaidiet un mēģiniet vēlreiz.',
    fr: 'Trop de tentatives. Patientez un peu et réessayez.',
    it: 'Troppi tentativi. Attendi un po’ e riprova.',
  },
  'account.email_taken': {
    en: 'An account with this e-mail address already exists.',
    lv: 'Konts ar šo e-pasta adresi jau pastāv.',
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
    it: 'Esiste già un account con questo indirizzo e-mail.',
  },
  'account.weak_password': {
    en: '{reason, select, too_short {Use at least {min} characters.} too_long {Use at most {max} characters.} contains_email {Do not use your e-mail address in the password.} other {This password is too easy to guess.}}',
    lv: '{reason, select, too_short {Izmantojiet vismaz {min} rakstzīmes.} too_long {Izmantojiet ne vairāk kā {max} rakstzīmes.} contains_email {Neizmantojiet parolē savu e-pasta adresi.} other {Šo paroli ir pārāk viegli uzminēt.}}',
    fr: '{reason, select, too_short {Utilisez au moins {min} caractères.} too_long {Utilisez au plus {max} caractères.} contains_email {N’utilisez pas votre adresse e-mail dans le mot de passe.} other {Ce mot de passe est trop facile à deviner.}}',
    it: '{reason, select, too_short {Usa almeno {min} caratteri.} too_long {Usa al massimo {max} caratteri.} contains_email {Non usare il tuo indirizzo e-mail nella password.} other {Questa password è troppo facile da indovinare.}}',
  },
  'account.token_invalid': {
    en: 'This link is invalid or has expired. Ask for a new one.',
    lv: 'Šī saite nav derīga vai tās termiņš ir beidzies. Pieprasiet jaunu.',
    fr: 'Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau.',
    it: 'Questo link non è valido o è scaduto. Richiedine uno nuovo.',
  },
  'account.password_wrong': {
    en: 'The password is wrong.',
    lv: 'Parole nav pareiza.',
    fr: 'Le mot de passe est incorrect.',
    it: 'La password non è corretta.',
  },
  'account.last_coordinator': {
    en: 'You are the only coordinator of {cluster}. Make someone else coordinator first.',
    lv: 'Jūs esat vienīgais klastera {cluster} koordinators. Vispirms ieceliet citu koordinatoru.',
    fr: 'Vous êtes le seul coordinateur de {cluster}. Nommez d’abord quelqu’un d’autre.',
    it: 'Sei l’unico coordinatore di {cluster}. Nomina prima qualcun altro.',
  },
  'cluster.not_found': {
    en: 'There is no cluster with this address.',
    lv: 'Klastera ar šādu adresi nav.',
    fr: 'Il n’existe aucun cluster à cette adresse.',
    it: 'Non esiste alcun cluster a questo indirizzo.',
  },
  'cluster.slug_invalid': {
    en: 'Use 1–48 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.',
    lv: 'Izmantojiet 1–48 mazos burtus, ciparus un atsevišķas defises; sākumā un beigās — burts vai cipars.',
    fr: 'Utilisez 1 à 48 lettres minuscules, chiffres et tirets simples, en commençant et finissant par une lettre ou un chiffre.',
    it: 'Usa da 1 a 48 lettere minuscole, cifre e trattini singoli, iniziando e finendo con una lettera o una cifra.',
  },
  'cluster.slug_taken': {
    en: 'This address is already used by another cluster.',
    lv: 'Šo adresi jau izmanto cits klasteris.',
    fr: 'Cette adresse est déjà utilisée par un autre cluster.',
    it: 'Questo indirizzo è già usato da un altro cluster.',
  },
  'cluster.default_locale_not_offered': {
    en: 'The main language must be one of the cluster’s languages.',
    lv: 'Galvenajai valodai jābūt vienai no klastera valodām.',
    fr: 'La langue principale doit faire partie des langues du cluster.',
    it: 'La lingua principale deve essere una delle lingue del cluster.',
  },
  'organisation.not_found': {
    en: 'There is no such organisation in this cluster.',
    lv: 'Šajā klasterī tādas organizācijas nav.',
    fr: 'Cette organisation n’existe pas dans ce cluster.',
    it: 'Questa organizzazione non esiste in questo cluster.',
  },
  'organisation.legal_form_unknown': {
    en: 'Choose a legal form from the list.',
    lv: 'Izvēlieties juridisko formu no saraksta.',
    fr: 'Choisissez une forme juridique dans la liste.',
    it: 'Scegli una forma giuridica dall’elenco.',
  },
  'organisation.applied_in_future': {
    en: 'The application date cannot be in the future.',
    lv: 'Pieteikuma datums nevar būt nākotnē.',
    fr: 'La date de candidature ne peut pas être dans le futur.',
    it: 'La data della domanda non può essere nel futuro.',
  },
  'membership.transition_not_allowed': {
    en: 'A membership cannot go from “{from, select, applicant {applicant} active {active} suspended {suspended} other {left}}” to “{to, select, applicant {applicant} active {active} suspended {suspended} other {left}}”.',
    lv: 'Dalība nevar mainīties no “{from, select, applicant {pretendents} active {aktīvs} suspended {apturēts} other {izstājies}}” uz “{to, select, applicant {pretendents} active {aktīvs} suspended {apturēts} other {izstājies}}”.',
    fr: 'Une adhésion ne peut pas passer de « {from, select, applicant {candidate} active {active} suspended {suspendue} other {sortie}} » à « {to, select, applicant {candidate} active {active} suspended {suspendue} other {sortie}} ».',
    it: 'Un’adesione non può passare da «{from, select, applicant {candidata} active {attiva} suspended {sospesa} other {uscita}}» a «{to, select, applicant {candidata} active {attiva} suspended {sospesa} other {uscita}}».',
  },
  'membership.reason_required': {
    en: 'Say why: a suspension or departure needs a reason.',
    lv: 'Norādiet iemeslu: apturēšanai vai izstāšanās gadījumā tas ir vajadzīgs.',
    fr: 'Indiquez pourquoi : une suspension ou un départ demande un motif.',
    it: 'Indica il motivo: una sospensione o un’uscita lo richiede.',
  },
  'role.already_granted': {
    en: 'This person already has this role.',
    lv: 'Šai personai jau ir šī loma.',
    fr: 'Cette personne a déjà ce rôle.',
    it: 'Questa persona ha già questo ruolo.',
  },
  'role.not_found': {
    en: 'This person does not have this role.',
    lv: 'Šai personai nav šīs lomas.',
    fr: 'Cette personne n’a pas ce rôle.',
    it: 'Questa persona non ha questo ruolo.',
  },
  'role.last_coordinator': {
    en: 'A cluster needs at least one coordinator.',
    lv: 'Klasterim vajadzīgs vismaz viens koordinators.',
    fr: 'Un cluster a besoin d’au moins un coordinateur.',
    it: 'Un cluster ha bisogno di almeno un coordinatore.',
  },
  'person.not_found': {
    en: 'There is no such person.',
    lv: 'Tādas personas nav.',
    fr: 'Cette personne n’existe pas.',
    it: 'Questa persona non esiste.',
  },
  'invitation.not_found': {
    en: 'This invitation does not exist or has expired.',
    lv: 'Šis uzaicinājums nepastāv vai tā termiņš ir beidzies.',
    fr: 'Cette invitation n’existe pas ou a expiré.',
    it: 'Questo invito non esiste o è scaduto.',
  },
  'invitation.already_accepted': {
    en: 'This invitation has already been accepted.',
    lv: 'Šis uzaicinājums jau ir pieņemts.',
    fr: 'Cette invitation a déjà été acceptée.',
    it: 'Questo invito è già stato accettato.',
  },
  'invitation.email_mismatch': {
    en: 'This invitation was sent to another e-mail address. Sign in with that address to accept it.',
    lv: 'Šis uzaicinājums tika nosūtīts uz citu e-pasta adresi. Lai to pieņemtu, pierakstieties ar to.',
    fr: 'Cette invitation a été envoyée à une autre adresse e-mail. Connectez-vous avec celle-ci pour l’accepter.',
    it: 'Questo invito è stato inviato a un altro indirizzo e-mail. Accedi con quello per accettarlo.',
  },
  'mandate.not_found': {
    en: 'There is no such mandate.',
    lv: 'Tāda pilnvarojuma nav.',
    fr: 'Ce mandat n’existe pas.',
    it: 'Questo mandato non esiste.',
  },
  'mandate.dates_invalid': {
    en: 'The mandate must end after it starts.',
    lv: 'Pilnvarojumam jābeidzas pēc tā sākuma.',
    fr: 'Le mandat doit se terminer après son début.',
    it: 'Il mandato deve terminare dopo il suo inizio.',
  },
  'mandate.organisation_not_member': {
    en: 'Only an applicant or active member organisation can have a representative.',
    lv: 'Pārstāvis var būt tikai pretendentei vai aktīvai dalīborganizācijai.',
    fr: 'Seule une organisation candidate ou membre active peut avoir un représentant.',
    it: 'Solo un’organizzazione candidata o socia attiva può avere un rappresentante.',
  },
  'internal.error': {
    en: 'Something went wrong on our side. Nothing was saved; please try again.',
    lv: 'Mūsu pusē radās kļūda. Nekas netika saglabāts; lūdzu, mēģiniet vēlreiz.',
    fr: 'Une erreur s’est produite de notre côté. Rien n’a été enregistré ; veuillez réessayer.',
    it: 'Si è verificato un errore da parte nostra. Nulla è stato salvato; riprova.',
  },
  'service.unavailable': {
    en: 'Kopa cannot reach its database right now. Please try again in a moment.',
    lv: 'Kopa pašlaik nevar sasniegt savu datubāzi. Lūdzu, mēģiniet vēlreiz pēc brīža.',
    fr: 'Kopa ne peut pas joindre sa base de données pour le moment. Réessayez dans un instant.',
    it: 'Kopa non riesce a raggiungere il database in questo momento. Riprova tra poco.',
  },
} as const satisfies Record<string, Translations>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const MAIL_MESSAGES = {
  ...CURRENCY_MAILS,
  ...MARKETPLACE_MAILS,
  ...CLEARING_MAILS,
  ...PAYMENT_REQUEST_MAILS,
  ...PARTICIPATION_MAILS,
  'mail.verify.subject': {
    en: 'Confirm your e-mail address for Kopa',
    lv: 'Apstipriniet savu e-pasta adresi Kopa platformā',
    fr: 'Confirmez votre adresse e-mail pour Kopa',
    it: 'Conferma il tuo indirizzo e-mail per Kopa',
  },
  'mail.verify.body': {
    en: 'Hello {name},\n\nto confirm your e-mail address and start using Kopa, open this link within 48 hours:\n\n{link}\n\nIf you did not sign up, ignore this message.',
    lv: 'Labdien, {name}!\n\nLai apstiprinātu savu e-pasta adresi un sāktu lietot Kopa, 48 stundu laikā atveriet šo saiti:\n\n{link}\n\nJa jūs nereģistrējāties, ignorējiet šo ziņu.',
    fr: 'Bonjour {name},\n\npour confirmer votre adresse e-mail et commencer à utiliser Kopa, ouvrez ce lien dans les 48 heures :\n\n{link}\n\nSi vous ne vous êtes pas inscrit·e, ignorez ce message.',
    it: 'Ciao {name},\n\nper confermare il tuo indirizzo e-mail e iniziare a usare Kopa, apri questo link entro 48 ore:\n\n{link}\n\nSe non ti sei registrato/a, ignora questo messaggio.',
  },
  'mail.reset.subject': {
    en: 'Reset your Kopa password',
    lv: 'Atjaunojiet savu Kopa paroli',
    fr: 'Réinitialisez votre mot de passe Kopa',
    it: 'Reimposta la tua password di Kopa',
  },
  'mail.reset.body': {
    en: 'Hello {name},\n\nto choose a new password, open this link within one hour:\n\n{link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.',
    lv: 'Labdien, {name}!\n\nLai izvēlētos jaunu paroli, stundas laikā atveriet šo saiti:\n\n{link}\n\nJa jūs to nepieprasījāt, ignorējiet šo ziņu: jūsu parole paliek nemainīta.',
    fr: 'Bonjour {name},\n\npour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :\n\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    it: 'Ciao {name},\n\nper scegliere una nuova password, apri questo link entro un’ora:\n\n{link}\n\nSe non l’hai chiesto tu, ignora questo messaggio: la tua password resta invariata.',
  },
  'mail.invite.subject': {
    en: 'You are invited to {cluster} on Kopa',
    lv: 'Jūs esat uzaicināts pievienoties {cluster} Kopa platformā',
    fr: 'Vous êtes invité·e à rejoindre {cluster} sur Kopa',
    it: 'Sei invitato/a a {cluster} su Kopa',
  },
  'mail.invite.body': {
    en: 'Hello,\n\n{inviter} invites you to join {cluster} on Kopa as {role}. To accept, open this link within 14 days:\n\n{link}\n\nIf you do not know this cluster, ignore this message.',
    lv: 'Labdien!\n\n{inviter} aicina jūs pievienoties {cluster} Kopa platformā lomā “{role}”. Lai pieņemtu, 14 dienu laikā atveriet šo saiti:\n\n{link}\n\nJa jūs nezināt šo klasteri, ignorējiet šo ziņu.',
    fr: 'Bonjour,\n\n{inviter} vous invite à rejoindre {cluster} sur Kopa en tant que {role}. Pour accepter, ouvrez ce lien dans les 14 jours :\n\n{link}\n\nSi vous ne connaissez pas ce cluster, ignorez ce message.',
    it: 'Ciao,\n\n{inviter} ti invita a unirti a {cluster} su Kopa come {role}. Per accettare, apri questo link entro 14 giorni:\n\n{link}\n\nSe non conosci questo cluster, ignora questo messaggio.',
  },
  'role.coordinator': { en: 'coordinator', lv: 'koordinators', fr: 'coordinateur·rice', it: 'coordinatore' },
  'role.representative': {
    en: 'representative',
    lv: 'pārstāvis',
    fr: 'représentant·e',
    it: 'rappresentante',
  },
  'role.participant': { en: 'participant', lv: 'dalībnieks', fr: 'participant·e', it: 'partecipante' },
  'role.mediator': { en: 'mediator', lv: 'mediators', fr: 'médiateur·rice', it: 'mediatore' },
  'role.observer': { en: 'observer', lv: 'novērotājs', fr: 'observateur·rice', it: 'osservatore' },
  'membership.applicant': { en: 'applicant', lv: 'pretendents', fr: 'candidate', it: 'candidata' },
  'membership.active': { en: 'active', lv: 'aktīvs', fr: 'active', it: 'attiva' },
  'membership.suspended': { en: 'suspended', lv: 'apturēts', fr: 'suspendue', it: 'sospesa' },
  'membership.left': { en: 'left', lv: 'izstājies', fr: 'sortie', it: 'uscita' },
} as const satisfies Record<string, Translations>;

export type MailMessageKey = keyof typeof MAIL_MESSAGES;
