/** Errors and mails of payment requests, trusted payees and recurring payments. */
import type { Translations } from './translations.ts';

export const PAYMENT_REQUEST_ERRORS = {
  'payment_request.not_found': {
    en: 'There is no such payment request.',
    lv: 'Šāda maksājuma pieprasījuma nav.',
    fr: 'Cette demande de paiement n’existe pas.',
    it: 'Questa richiesta di pagamento non esiste.',
  },
  'payment_request.not_open': {
    en: 'This request is no longer open: it has already been paid, declined or withdrawn.',
    lv: 'Šis pieprasījums vairs nav atvērts: tas jau ir apmaksāts, noraidīts vai atsaukts.',
    fr: 'Cette demande n’est plus ouverte : elle a déjà été payée, refusée ou retirée.',
    it: 'Questa richiesta non è più aperta: è già stata pagata, rifiutata o ritirata.',
  },
  'payment_request.due_in_past': {
    en: 'The due date cannot be in the past.',
    lv: 'Apmaksas termiņš nevar būt pagātnē.',
    fr: 'L’échéance ne peut pas être dans le passé.',
    it: 'La scadenza non può essere nel passato.',
  },
  'recurring_payment.not_found': {
    en: 'There is no such recurring payment.',
    lv: 'Šāda regulārā maksājuma nav.',
    fr: 'Ce paiement récurrent n’existe pas.',
    it: 'Questo pagamento ricorrente non esiste.',
  },
  'recurring_payment.occurrence_not_found': {
    en: 'This recurring payment had no payment due on that day.',
    lv: 'Šim regulārajam maksājumam tajā dienā maksājums nebija paredzēts.',
    fr: 'Ce paiement récurrent n’avait pas d’échéance ce jour-là.',
    it: 'Questo pagamento ricorrente non aveva una scadenza in quel giorno.',
  },
  'recurring_payment.occurrence_paid': {
    en: 'This payment has already been made.',
    lv: 'Šis maksājums jau ir veikts.',
    fr: 'Ce paiement a déjà été effectué.',
    it: 'Questo pagamento è già stato effettuato.',
  },
  'recurring_payment.not_active': {
    en: 'This recurring payment has already been cancelled or has ended.',
    lv: 'Šis regulārais maksājums jau ir atcelts vai beidzies.',
    fr: 'Ce paiement récurrent a déjà été annulé ou est terminé.',
    it: 'Questo pagamento ricorrente è già stato annullato o è terminato.',
  },
  'recurring_payment.first_due_in_past': {
    en: 'The first payment date cannot be in the past.',
    lv: 'Pirmā maksājuma datums nevar būt pagātnē.',
    fr: 'La date du premier paiement ne peut pas être dans le passé.',
    it: 'La data del primo pagamento non può essere nel passato.',
  },
  'recurring_payment.ends_before_start': {
    en: 'The end date must be on or after the first payment date.',
    lv: 'Beigu datumam jābūt tajā pašā dienā vai pēc pirmā maksājuma datuma.',
    fr: 'La date de fin doit être égale ou postérieure à la date du premier paiement.',
    it: 'La data di fine deve essere uguale o successiva alla data del primo pagamento.',
  },
  'trusted_payee.not_found': {
    en: 'This account is not among the trusted payees.',
    lv: 'Šis konts nav uzticamo saņēmēju sarakstā.',
    fr: 'Ce compte ne figure pas parmi les bénéficiaires de confiance.',
    it: 'Questo conto non è tra i beneficiari di fiducia.',
  },
} as const satisfies Record<string, Translations>;

export const PAYMENT_REQUEST_MAILS = {
  'mail.payment_request.received.subject': {
    en: '{payee} asks {payer} to pay {amount}',
    lv: '{payee} lūdz {payer} samaksāt {amount}',
    fr: '{payee} demande à {payer} de payer {amount}',
    it: '{payee} chiede a {payer} di pagare {amount}',
  },
  'mail.payment_request.received.body': {
    en: 'Hello,\n\n{payee} asks {payer} to pay {amount} in the currency of {cluster}:\n\n{description}\n\n{due, select, none {No due date was set.} other {Due on {due}.}}{refusal, select, none {} other {\n\nIt could not be paid automatically: {refusal}}}\n\nAccept or decline the request here:\n\n{link}',
    lv: 'Labdien!\n\n{payee} lūdz {payer} samaksāt {amount} klastera {cluster} valūtā:\n\n{description}\n\n{due, select, none {Apmaksas termiņš nav noteikts.} other {Apmaksas termiņš: {due}.}}{refusal, select, none {} other {\n\nTo nevarēja samaksāt automātiski: {refusal}}}\n\nPieņemiet vai noraidiet pieprasījumu šeit:\n\n{link}',
    fr: 'Bonjour,\n\n{payee} demande à {payer} de payer {amount} dans la monnaie de {cluster} :\n\n{description}\n\n{due, select, none {Aucune échéance n’a été fixée.} other {Échéance : {due}.}}{refusal, select, none {} other {\n\nLe paiement automatique n’a pas pu se faire : {refusal}}}\n\nAcceptez ou refusez la demande ici :\n\n{link}',
    it: 'Ciao,\n\n{payee} chiede a {payer} di pagare {amount} nella moneta di {cluster}:\n\n{description}\n\n{due, select, none {Non è stata fissata una scadenza.} other {Scadenza: {due}.}}{refusal, select, none {} other {\n\nIl pagamento automatico non è riuscito: {refusal}}}\n\nAccetta o rifiuta la richiesta qui:\n\n{link}',
  },
  'mail.payment_request.auto_paid.subject': {
    en: '{payer} paid {payee} {amount} automatically',
    lv: '{payer} automātiski samaksāja {payee} {amount}',
    fr: '{payer} a payé automatiquement {amount} à {payee}',
    it: '{payer} ha pagato automaticamente {amount} a {payee}',
  },
  'mail.payment_request.auto_paid.body': {
    en: 'Hello,\n\n{payee} asked {payer} to pay {amount} in the currency of {cluster}:\n\n{description}\n\nThe request was paid at once, because {payer} pays requests from {payee} automatically up to {limit}. You can change or remove this in the list of trusted payees:\n\n{link}',
    lv: 'Labdien!\n\n{payee} lūdza {payer} samaksāt {amount} klastera {cluster} valūtā:\n\n{description}\n\nPieprasījums tika samaksāts uzreiz, jo {payer} automātiski apmaksā {payee} pieprasījumus līdz {limit}. To var mainīt vai noņemt uzticamo saņēmēju sarakstā:\n\n{link}',
    fr: 'Bonjour,\n\n{payee} a demandé à {payer} de payer {amount} dans la monnaie de {cluster} :\n\n{description}\n\nLa demande a été payée aussitôt, car {payer} paie automatiquement les demandes de {payee} jusqu’à {limit}. Vous pouvez modifier ou retirer ce réglage dans la liste des bénéficiaires de confiance :\n\n{link}',
    it: 'Ciao,\n\n{payee} ha chiesto a {payer} di pagare {amount} nella moneta di {cluster}:\n\n{description}\n\nLa richiesta è stata pagata subito, perché {payer} paga automaticamente le richieste di {payee} fino a {limit}. Puoi modificarlo o rimuoverlo nell’elenco dei beneficiari di fiducia:\n\n{link}',
  },
  'mail.payment_request.paid.subject': {
    en: '{payer} paid your request of {amount}',
    lv: '{payer} apmaksāja jūsu pieprasījumu par {amount}',
    fr: '{payer} a payé votre demande de {amount}',
    it: '{payer} ha pagato la tua richiesta di {amount}',
  },
  'mail.payment_request.paid.body': {
    en: 'Hello,\n\n{payer} paid the request of {payee} for {amount} in the currency of {cluster}:\n\n{description}\n\nThe amount is on the account of {payee}:\n\n{link}',
    lv: 'Labdien!\n\n{payer} apmaksāja {payee} pieprasījumu par {amount} klastera {cluster} valūtā:\n\n{description}\n\nSumma ir ieskaitīta {payee} kontā:\n\n{link}',
    fr: 'Bonjour,\n\n{payer} a payé la demande de {payee} de {amount} dans la monnaie de {cluster} :\n\n{description}\n\nLe montant est sur le compte de {payee} :\n\n{link}',
    it: 'Ciao,\n\n{payer} ha pagato la richiesta di {payee} di {amount} nella moneta di {cluster}:\n\n{description}\n\nL’importo è sul conto di {payee}:\n\n{link}',
  },
  'mail.payment_request.declined.subject': {
    en: '{payer} declined your request of {amount}',
    lv: '{payer} noraidīja jūsu pieprasījumu par {amount}',
    fr: '{payer} a refusé votre demande de {amount}',
    it: '{payer} ha rifiutato la tua richiesta di {amount}',
  },
  'mail.payment_request.declined.body': {
    en: 'Hello,\n\n{payer} declined the request of {payee} for {amount} in the currency of {cluster}:\n\n{description}\n\n{hasReason, select, yes {Their reason: {reason}} other {They gave no reason.}}\n\n{link}',
    lv: 'Labdien!\n\n{payer} noraidīja {payee} pieprasījumu par {amount} klastera {cluster} valūtā:\n\n{description}\n\n{hasReason, select, yes {Iemesls: {reason}} other {Iemesls netika norādīts.}}\n\n{link}',
    fr: 'Bonjour,\n\n{payer} a refusé la demande de {payee} de {amount} dans la monnaie de {cluster} :\n\n{description}\n\n{hasReason, select, yes {Motif : {reason}} other {Aucun motif n’a été donné.}}\n\n{link}',
    it: 'Ciao,\n\n{payer} ha rifiutato la richiesta di {payee} di {amount} nella moneta di {cluster}:\n\n{description}\n\n{hasReason, select, yes {Motivo: {reason}} other {Non è stato indicato alcun motivo.}}\n\n{link}',
  },
  'mail.recurring_payment.failed.subject': {
    en: 'A recurring payment of {payer} to {payee} could not be made',
    lv: '{payer} regulāro maksājumu saņēmējam {payee} nevarēja veikt',
    fr: 'Un paiement récurrent de {payer} à {payee} n’a pas pu être effectué',
    it: 'Un pagamento ricorrente di {payer} a {payee} non è stato eseguito',
  },
  'mail.recurring_payment.failed.body': {
    en: 'Hello,\n\nthe recurring payment of {amount} from {payer} to {payee} due on {due} could not be made:\n\n{reason}\n\nPayment: {description}\n\n{next, select, none {It was the last payment of this schedule.} other {The next payment is due on {next}.}} You can pay the missed amount yourself, or change the schedule here:\n\n{link}',
    lv: 'Labdien!\n\n{payer} regulāro maksājumu {amount} apmērā saņēmējam {payee} ar termiņu {due} nevarēja veikt:\n\n{reason}\n\nMaksājums: {description}\n\n{next, select, none {Tas bija šī grafika pēdējais maksājums.} other {Nākamais maksājums paredzēts {next}.}} Nokavēto summu varat samaksāt paši vai mainīt grafiku šeit:\n\n{link}',
    fr: 'Bonjour,\n\nle paiement récurrent de {amount} de {payer} à {payee}, dû le {due}, n’a pas pu être effectué :\n\n{reason}\n\nPaiement : {description}\n\n{next, select, none {C’était le dernier paiement de cet échéancier.} other {Le prochain paiement est prévu le {next}.}} Vous pouvez payer vous-même le montant manqué, ou modifier l’échéancier ici :\n\n{link}',
    it: 'Ciao,\n\nil pagamento ricorrente di {amount} da {payer} a {payee}, in scadenza il {due}, non è stato eseguito:\n\n{reason}\n\nPagamento: {description}\n\n{next, select, none {Era l’ultimo pagamento di questo piano.} other {Il prossimo pagamento è previsto il {next}.}} Puoi pagare tu l’importo mancato, oppure modificare il piano qui:\n\n{link}',
  },
} as const satisfies Record<string, Translations>;
