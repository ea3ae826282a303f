/** Errors and mails of the cluster currency. */
import type { Translations } from './translations.ts';

export const CURRENCY_ERRORS = {
  'currency.not_set_up': {
    en: 'This cluster has no currency yet.',
    lv: 'Šim klasterim vēl nav valūtas.',
    fr: 'Ce cluster n’a pas encore de monnaie.',
    it: 'Questo cluster non ha ancora una moneta.',
  },
  'currency.account_not_found': {
    en: 'There is no such account in this cluster’s currency.',
    lv: 'Šī klastera valūtā šāda konta nav.',
    fr: 'Ce compte n’existe pas dans la monnaie de ce cluster.',
    it: 'Questo conto non esiste nella moneta di questo cluster.',
  },
  'currency.transfer_not_found': {
    en: 'There is no such transfer.',
    lv: 'Šāda pārskaitījuma nav.',
    fr: 'Ce transfert n’existe pas.',
    it: 'Questo trasferimento non esiste.',
  },
  'currency.not_your_account': {
    en: 'You do not act for this account. Ask the cluster’s coordinator to record your mandate.',
    lv: 'Jūs nepārstāvat šo kontu. Palūdziet klastera koordinatoram reģistrēt jūsu pilnvaras.',
    fr: 'Vous n’agissez pas pour ce compte. Demandez à la coordination du cluster d’enregistrer votre mandat.',
    it: 'Non agisci per questo conto. Chiedi al coordinamento del cluster di registrare il tuo mandato.',
  },
  'currency.amount_invalid': {
    en: 'Enter a positive amount, in whole units of the currency’s smallest unit, below the largest allowed amount.',
    lv: 'Ievadiet pozitīvu summu veselās valūtas mazākās vienības daļās, kas nepārsniedz lielāko atļauto summu.',
    fr: 'Saisissez un montant positif, en unités entières de la plus petite subdivision de la monnaie, sous le montant maximal autorisé.',
    it: 'Inserisci un importo positivo, in unità intere della più piccola suddivisione della moneta, sotto l’importo massimo consentito.',
  },
  'currency.same_account': {
    en: 'An account cannot pay itself.',
    lv: 'Konts nevar maksāt pats sev.',
    fr: 'Un compte ne peut pas se payer lui-même.',
    it: 'Un conto non può pagare sé stesso.',
  },
  'currency.account_frozen': {
    en: 'This account is frozen by the coordinator: it can neither pay nor be paid for now.',
    lv: 'Koordinators ir iesaldējis šo kontu: pašlaik tas nevar ne maksāt, ne saņemt maksājumus.',
    fr: 'Ce compte est gelé par la coordination : il ne peut ni payer ni être payé pour le moment.',
    it: 'Questo conto è congelato dal coordinamento: per ora non può né pagare né ricevere pagamenti.',
  },
  'currency.account_closed': {
    en: 'This account is closed.',
    lv: 'Šis konts ir slēgts.',
    fr: 'Ce compte est clôturé.',
    it: 'Questo conto è chiuso.',
  },
  'currency.limit_exceeded': {
    en: 'This payment would take the account past its credit limit. Available to spend: less than the amount.',
    lv: 'Šis maksājums pārsniegtu konta kredītlimitu. Pieejamā summa ir mazāka par maksājumu.',
    fr: 'Ce paiement dépasserait la limite de crédit du compte : le disponible est inférieur au montant.',
    it: 'Questo pagamento supererebbe il limite di credito del conto: il disponibile è inferiore all’importo.',
  },
  'currency.max_balance_exceeded': {
    en: 'The receiving account would go above its maximum balance.',
    lv: 'Saņēmēja konta atlikums pārsniegtu maksimālo atļauto atlikumu.',
    fr: 'Le compte bénéficiaire dépasserait son solde maximal.',
    it: 'Il conto ricevente supererebbe il suo saldo massimo.',
  },
  'currency.leaving_member_cannot_receive': {
    en: 'This member is leaving the cluster: its account can only be paid back to zero.',
    lv: 'Šis dalībnieks izstājas no klastera: tā kontā var iemaksāt tikai līdz nullei.',
    fr: 'Ce membre quitte le cluster : son compte ne peut être crédité que jusqu’à zéro.',
    it: 'Questo membro sta lasciando il cluster: il suo conto può essere ricaricato solo fino a zero.',
  },
  'currency.hold_too_large': {
    en: 'This reservation no longer matches what is held on the accounts.',
    lv: 'Šī rezervācija vairs neatbilst kontos rezervētajai summai.',
    fr: 'Cette réservation ne correspond plus à ce qui est bloqué sur les comptes.',
    it: 'Questa prenotazione non corrisponde più a quanto bloccato sui conti.',
  },
  'currency.account_not_settled': {
    en: 'The account can close only at a zero balance with nothing reserved. A negative balance must be rebalanced first.',
    lv: 'Kontu var slēgt tikai ar nulles atlikumu un bez rezervācijām. Negatīvs atlikums vispirms jānolīdzina.',
    fr: 'Le compte ne peut être clôturé qu’à solde nul, sans réservation. Un solde négatif doit d’abord être rééquilibré.',
    it: 'Il conto può chiudersi solo a saldo zero e senza prenotazioni. Un saldo negativo va prima riequilibrato.',
  },
  'currency.idempotency_key_required': {
    en: 'This request needs an Idempotency-Key header (1 to 100 visible characters), so a retry never pays twice.',
    lv: 'Šim pieprasījumam vajag galveni Idempotency-Key (1–100 redzamas rakstzīmes), lai atkārtojums nekad nemaksātu divreiz.',
    fr: 'Cette requête demande un en-tête Idempotency-Key (1 à 100 caractères visibles), pour qu’une nouvelle tentative ne paie jamais deux fois.',
    it: 'Questa richiesta richiede un’intestazione Idempotency-Key (da 1 a 100 caratteri visibili), così un nuovo tentativo non paga mai due volte.',
  },
  'currency.idempotency_key_reused': {
    en: 'This Idempotency-Key was already used for a different request. Use a new key for a new operation.',
    lv: 'Šī Idempotency-Key jau ir izmantota citam pieprasījumam. Jaunai darbībai izmantojiet jaunu atslēgu.',
    fr: 'Cette Idempotency-Key a déjà servi pour une autre requête. Utilisez une nouvelle clé pour une nouvelle opération.',
    it: 'Questa Idempotency-Key è già stata usata per un’altra richiesta. Usa una nuova chiave per una nuova operazione.',
  },
  'currency.already_set_up': {
    en: 'This cluster already has a currency; its code and decimals cannot change once accounts exist.',
    lv: 'Šim klasterim jau ir valūta; tās kodu un decimālzīmes nevar mainīt, kad konti jau pastāv.',
    fr: 'Ce cluster a déjà une monnaie ; son code et ses décimales ne changent plus une fois les comptes ouverts.',
    it: 'Questo cluster ha già una moneta; codice e decimali non cambiano più una volta aperti i conti.',
  },
  'currency.reason_required': {
    en: 'Give a reason: it is recorded and shown to the member.',
    lv: 'Norādiet iemeslu: tas tiek reģistrēts un parādīts dalībniekam.',
    fr: 'Indiquez une raison : elle est enregistrée et montrée au membre.',
    it: 'Indica un motivo: viene registrato e mostrato al membro.',
  },
  'currency.status_change_not_allowed': {
    en: 'The account cannot go from {from} to {to}.',
    lv: 'Kontu nevar pārslēgt no {from} uz {to}.',
    fr: 'Le compte ne peut pas passer de {from} à {to}.',
    it: 'Il conto non può passare da {from} a {to}.',
  },
  'currency.not_reversible': {
    en: 'Only a payment or an adjustment can be reversed, and only once.',
    lv: 'Atcelt var tikai maksājumu vai korekciju, un tikai vienreiz.',
    fr: 'Seul un paiement ou un ajustement peut être annulé, et une seule fois.',
    it: 'Solo un pagamento o una rettifica possono essere stornati, e una sola volta.',
  },
  'currency.export_too_large': {
    en: 'The export is limited to {max} transfers. Choose a shorter period.',
    lv: 'Eksports ir ierobežots līdz {max} pārskaitījumiem. Izvēlieties īsāku periodu.',
    fr: 'L’export est limité à {max} transferts. Choisissez une période plus courte.',
    it: 'L’esportazione è limitata a {max} trasferimenti. Scegli un periodo più breve.',
  },
} as const satisfies Record<string, Translations>;

export const CURRENCY_MAILS = {} as const satisfies Record<string, Translations>;
