/** Errors and mails of the marketplace module. */
import type { Translations } from './translations.ts';

export const MARKETPLACE_ERRORS = {
  'marketplace.listing_not_found': {
    en: 'There is no such listing in this cluster’s marketplace.',
    lv: 'Šī klastera tirgū šāda sludinājuma nav.',
    fr: 'Cette annonce n’existe pas sur la place de marché de ce cluster.',
    it: 'Questo annuncio non esiste nel mercato di questo cluster.',
  },
  'marketplace.photo_not_found': {
    en: 'This listing has no such photo.',
    lv: 'Šim sludinājumam šāda fotoattēla nav.',
    fr: 'Cette annonce n’a pas cette photo.',
    it: 'Questo annuncio non ha questa foto.',
  },
  'marketplace.order_not_found': {
    en: 'There is no such order.',
    lv: 'Šāda pasūtījuma nav.',
    fr: 'Cette commande n’existe pas.',
    it: 'Questo ordine non esiste.',
  },
  'marketplace.member_account_required': {
    en: 'Only a member organisation’s account can trade in the marketplace.',
    lv: 'Tirgū var tirgoties tikai dalīborganizācijas konts.',
    fr: 'Seul le compte d’une organisation membre peut échanger sur la place de marché.',
    it: 'Solo il conto di un’organizzazione aderente può scambiare nel mercato.',
  },
  'marketplace.account_not_active': {
    en: 'This account is frozen or closing, so it cannot publish listings now.',
    lv: 'Šis konts ir iesaldēts vai tiek slēgts, tāpēc pašlaik tas nevar publicēt sludinājumus.',
    fr: 'Ce compte est gelé ou en cours de clôture : il ne peut pas publier d’annonce pour le moment.',
    it: 'Questo conto è congelato o in chiusura: per ora non può pubblicare annunci.',
  },
  'marketplace.own_listing': {
    en: 'This is your organisation’s own listing: you cannot answer it or order from it.',
    lv: 'Šis ir jūsu organizācijas sludinājums: uz to nevar atbildēt un no tā nevar pasūtīt.',
    fr: 'C’est l’annonce de votre propre organisation : vous ne pouvez ni y répondre ni y commander.',
    it: 'È un annuncio della tua organizzazione: non puoi rispondere né ordinare.',
  },
  'marketplace.conversation_not_found': {
    en: 'This member has not answered the listing, so there is no conversation to reply in.',
    lv: 'Šis dalībnieks uz sludinājumu nav atbildējis, tāpēc nav sarunas, kurā atbildēt.',
    fr: 'Ce membre n’a pas répondu à l’annonce : il n’y a pas de conversation où lui répondre.',
    it: 'Questo membro non ha risposto all’annuncio: non c’è una conversazione in cui rispondergli.',
  },
  'marketplace.reply_not_author': {
    en: 'Only the listing’s organisation replies to the members who answered it.',
    lv: 'Dalībniekiem, kas atbildējuši uz sludinājumu, atbild tikai sludinājuma organizācija.',
    fr: 'Seule l’organisation de l’annonce répond aux membres qui y ont répondu.',
    it: 'Solo l’organizzazione dell’annuncio risponde ai membri che hanno risposto.',
  },
  'marketplace.listing_not_active': {
    en: 'This listing is paused or closed, so it takes no answers or orders now.',
    lv: 'Šis sludinājums ir apturēts vai slēgts, tāpēc pašlaik uz to nevar atbildēt vai pasūtīt.',
    fr: 'Cette annonce est en pause ou close : elle ne reçoit ni réponse ni commande pour le moment.',
    it: 'Questo annuncio è in pausa o chiuso: per ora non riceve risposte né ordini.',
  },
  'marketplace.reason_required': {
    en: 'Say why the listing is withdrawn: its authors will read it.',
    lv: 'Norādiet, kāpēc sludinājums tiek noņemts: tā autori to izlasīs.',
    fr: 'Dites pourquoi l’annonce est retirée : ses auteurs le liront.',
    it: 'Indica perché l’annuncio viene ritirato: i suoi autori lo leggeranno.',
  },
  'marketplace.listing_closed': {
    en: 'This listing is closed and can no longer change.',
    lv: 'Šis sludinājums ir slēgts, un to vairs nevar mainīt.',
    fr: 'Cette annonce est close et ne peut plus être modifiée.',
    it: 'Questo annuncio è chiuso e non può più essere modificato.',
  },
  'marketplace.not_an_offer': {
    en: 'Only offers can be ordered. Answer a want instead.',
    lv: 'Pasūtīt var tikai piedāvājumus. Uz pieprasījumu atbildiet ar ziņu.',
    fr: 'Seules les offres peuvent être commandées. Répondez plutôt à cette demande.',
    it: 'Si possono ordinare solo le offerte. Rispondi invece a questa richiesta.',
  },
  'marketplace.no_currency_price': {
    en: 'This offer has no price in the cluster’s currency, so it cannot be ordered here. Answer it to agree on a price.',
    lv: 'Šim piedāvājumam nav cenas klastera valūtā, tāpēc to šeit nevar pasūtīt. Atbildiet, lai vienotos par cenu.',
    fr: 'Cette offre n’a pas de prix dans la monnaie du cluster : elle ne peut pas être commandée ici. Répondez-y pour convenir d’un prix.',
    it: 'Questa offerta non ha un prezzo nella moneta del cluster: non si può ordinare qui. Rispondi per accordarti sul prezzo.',
  },
  'marketplace.order_not_pending': {
    en: 'This order is already {status, select, delivered {delivered} cancelled {cancelled} other {settled}}: it cannot change again.',
    lv: 'Šis pasūtījums jau ir {status, select, delivered {piegādāts} cancelled {atcelts} other {noslēgts}}: to vairs nevar mainīt.',
    fr: 'Cette commande est déjà {status, select, delivered {livrée} cancelled {annulée} other {réglée}} : elle ne peut plus changer.',
    it: 'Questo ordine è già {status, select, delivered {consegnato} cancelled {annullato} other {concluso}}: non può più cambiare.',
  },
  'marketplace.only_seller_delivers': {
    en: 'Only the seller confirms delivery. As the buyer, you may cancel the order while it is pending.',
    lv: 'Piegādi apstiprina tikai pārdevējs. Kā pircējs jūs varat atcelt pasūtījumu, kamēr tas gaida.',
    fr: 'Seul le vendeur confirme la livraison. En tant qu’acheteur, vous pouvez annuler la commande tant qu’elle est en attente.',
    it: 'Solo chi vende conferma la consegna. Come acquirente puoi annullare l’ordine finché è in attesa.',
  },
  'marketplace.photo_malformed': {
    en: 'The photo could not be read: send the image file’s bytes in base64.',
    lv: 'Fotoattēlu neizdevās nolasīt: nosūtiet attēla datnes baitus base64 kodējumā.',
    fr: 'La photo n’a pas pu être lue : envoyez les octets du fichier image en base64.',
    it: 'Impossibile leggere la foto: invia i byte del file immagine in base64.',
  },
  'marketplace.photo_too_large': {
    en: 'The photo is too large: at most {maxMiB} MiB.',
    lv: 'Fotoattēls ir pārāk liels: ne vairāk kā {maxMiB} MiB.',
    fr: 'La photo est trop volumineuse : {maxMiB} Mio au plus.',
    it: 'La foto è troppo grande: al massimo {maxMiB} MiB.',
  },
  'marketplace.photo_type_unsupported': {
    en: 'This file is not a JPEG, PNG or WebP image.',
    lv: 'Šī datne nav JPEG, PNG vai WebP attēls.',
    fr: 'Ce fichier n’est pas une image JPEG, PNG ou WebP.',
    it: 'Questo file non è un’immagine JPEG, PNG o WebP.',
  },
  'marketplace.photo_unreadable': {
    en: 'This image cannot be read: it is damaged, or larger than 50 megapixels.',
    lv: 'Šo attēlu nevar nolasīt: tas ir bojāts vai lielāks par 50 megapikseļiem.',
    fr: 'Cette image ne peut pas être lue : elle est endommagée, ou dépasse 50 mégapixels.',
    it: 'Questa immagine non può essere letta: è danneggiata, o supera i 50 megapixel.',
  },
  'marketplace.too_many_photos': {
    en: 'A listing has at most {max} photos. Remove one first.',
    lv: 'Sludinājumam var būt ne vairāk kā {max} fotoattēli. Vispirms noņemiet kādu.',
    fr: 'Une annonce a au plus {max} photos. Retirez-en une d’abord.',
    it: 'Un annuncio ha al massimo {max} foto. Rimuovine prima una.',
  },
  'marketplace.price_range_invalid': {
    en: 'The highest price must not be below the lowest.',
    lv: 'Augstākā cena nedrīkst būt zemāka par zemāko.',
    fr: 'Le prix maximal ne doit pas être inférieur au prix minimal.',
    it: 'Il prezzo massimo non deve essere inferiore al minimo.',
  },
} as const satisfies Record<string, Translations>;

export const MARKETPLACE_MAILS = {
  'mail.marketplace.answer.subject': {
    en: '{from} answered “{title}”',
    lv: '{from} atbildēja uz “{title}”',
    fr: '{from} a répondu à « {title} »',
    it: '{from} ha risposto a «{title}»',
  },
  'mail.marketplace.answer.body': {
    en: 'Hello {name},\n\n{author} of {from} answered your listing “{title}” in the marketplace of {cluster}:\n\n{message}\n\nRead the answers:\n{link}',
    lv: 'Labdien, {name}!\n\n{author} no {from} atbildēja uz jūsu sludinājumu “{title}” klastera {cluster} tirgū:\n\n{message}\n\nLasiet atbildes:\n{link}',
    fr: 'Bonjour {name},\n\n{author}, de {from}, a répondu à votre annonce « {title} » sur la place de marché de {cluster} :\n\n{message}\n\nLire les réponses :\n{link}',
    it: 'Ciao {name},\n\n{author} di {from} ha risposto al tuo annuncio «{title}» nel mercato di {cluster}:\n\n{message}\n\nLeggi le risposte:\n{link}',
  },
  'mail.marketplace.reply.subject': {
    en: '{from} replied about “{title}”',
    lv: '{from} atbildēja par “{title}”',
    fr: '{from} vous a répondu au sujet de « {title} »',
    it: '{from} ti ha risposto su «{title}»',
  },
  'mail.marketplace.reply.body': {
    en: 'Hello {name},\n\n{author} of {from} replied to your answer to their listing “{title}” in the marketplace of {cluster}:\n\n{message}\n\nRead the conversation:\n{link}',
    lv: 'Labdien, {name}!\n\n{author} no {from} atbildēja uz jūsu atbildi par viņu sludinājumu “{title}” klastera {cluster} tirgū:\n\n{message}\n\nLasiet sarunu:\n{link}',
    fr: 'Bonjour {name},\n\n{author}, de {from}, a répondu à votre réponse à leur annonce « {title} » sur la place de marché de {cluster} :\n\n{message}\n\nLire la conversation :\n{link}',
    it: 'Ciao {name},\n\n{author} di {from} ha risposto alla tua risposta al loro annuncio «{title}» nel mercato di {cluster}:\n\n{message}\n\nLeggi la conversazione:\n{link}',
  },
  'mail.marketplace.order.subject': {
    en: 'New order: {quantity} × “{title}”',
    lv: 'Jauns pasūtījums: {quantity} × “{title}”',
    fr: 'Nouvelle commande : {quantity} × « {title} »',
    it: 'Nuovo ordine: {quantity} × «{title}»',
  },
  'mail.marketplace.order.body': {
    en: 'Hello {name},\n\n{by} ordered {quantity} × “{title}” in the marketplace of {cluster}, for {amount}. The amount is reserved on their account until you confirm delivery (or either of you cancels).\n\nYour orders:\n{link}',
    lv: 'Labdien, {name}!\n\n{by} klastera {cluster} tirgū pasūtīja {quantity} × “{title}” par {amount}. Summa ir rezervēta pircēja kontā, līdz jūs apstiprināsiet piegādi (vai kāds no jums pasūtījumu atcels).\n\nJūsu pasūtījumi:\n{link}',
    fr: 'Bonjour {name},\n\n{by} a commandé {quantity} × « {title} » sur la place de marché de {cluster}, pour {amount}. Le montant est réservé sur son compte jusqu’à ce que vous confirmiez la livraison (ou que l’un de vous annule).\n\nVos commandes :\n{link}',
    it: 'Ciao {name},\n\n{by} ha ordinato {quantity} × «{title}» nel mercato di {cluster}, per {amount}. L’importo è riservato sul suo conto finché non confermi la consegna (o uno di voi annulla).\n\nI tuoi ordini:\n{link}',
  },
  'mail.marketplace.delivered.subject': {
    en: 'Delivered: “{title}”',
    lv: 'Piegādāts: “{title}”',
    fr: 'Livré : « {title} »',
    it: 'Consegnato: «{title}»',
  },
  'mail.marketplace.delivered.body': {
    en: 'Hello {name},\n\n{by} confirmed delivery of your order of {quantity} × “{title}”. {amount} has been paid from your account.\n\nYour orders:\n{link}',
    lv: 'Labdien, {name}!\n\n{by} apstiprināja jūsu pasūtījuma {quantity} × “{title}” piegādi. No jūsu konta ir samaksāti {amount}.\n\nJūsu pasūtījumi:\n{link}',
    fr: 'Bonjour {name},\n\n{by} a confirmé la livraison de votre commande de {quantity} × « {title} ». {amount} ont été payés depuis votre compte.\n\nVos commandes :\n{link}',
    it: 'Ciao {name},\n\n{by} ha confermato la consegna del tuo ordine di {quantity} × «{title}». {amount} sono stati pagati dal tuo conto.\n\nI tuoi ordini:\n{link}',
  },
  'mail.marketplace.cancelled.subject': {
    en: 'Order cancelled: “{title}”',
    lv: 'Pasūtījums atcelts: “{title}”',
    fr: 'Commande annulée : « {title} »',
    it: 'Ordine annullato: «{title}»',
  },
  'mail.marketplace.cancelled.body': {
    en: 'Hello {name},\n\n{by} cancelled the order of {quantity} × “{title}” ({amount}). The reserved amount is released; nothing was paid.\n\nYour orders:\n{link}',
    lv: 'Labdien, {name}!\n\n{by} atcēla pasūtījumu {quantity} × “{title}” ({amount}). Rezervētā summa ir atbrīvota; nekas netika samaksāts.\n\nJūsu pasūtījumi:\n{link}',
    fr: 'Bonjour {name},\n\n{by} a annulé la commande de {quantity} × « {title} » ({amount}). Le montant réservé est libéré ; rien n’a été payé.\n\nVos commandes :\n{link}',
    it: 'Ciao {name},\n\n{by} ha annullato l’ordine di {quantity} × «{title}» ({amount}). L’importo riservato è liberato; non è stato pagato nulla.\n\nI tuoi ordini:\n{link}',
  },
  'mail.marketplace.withdrawn.subject': {
    en: 'Your listing “{title}” was withdrawn',
    lv: 'Jūsu sludinājums “{title}” ir noņemts',
    fr: 'Votre annonce « {title} » a été retirée',
    it: 'Il tuo annuncio «{title}» è stato ritirato',
  },
  'mail.marketplace.withdrawn.body': {
    en: 'Hello {name},\n\nThe coordinators of {cluster} withdrew your listing “{title}” from the marketplace, for this reason:\n\n{reason}\n\nOrders already placed stay as they are: deliver or cancel them as usual. To talk it over, answer the coordinators. The listing:\n{link}',
    lv: 'Labdien, {name}!\n\nKlastera {cluster} koordinatori noņēma jūsu sludinājumu “{title}” no tirgus šāda iemesla dēļ:\n\n{reason}\n\nJau veiktie pasūtījumi paliek spēkā: piegādājiet vai atceliet tos kā parasti. Lai to pārrunātu, sazinieties ar koordinatoriem. Sludinājums:\n{link}',
    fr: 'Bonjour {name},\n\nLes coordinateurs de {cluster} ont retiré votre annonce « {title} » de la place de marché, pour cette raison :\n\n{reason}\n\nLes commandes déjà passées restent valables : livrez-les ou annulez-les comme d’habitude. Pour en parler, écrivez aux coordinateurs. L’annonce :\n{link}',
    it: 'Ciao {name},\n\nI coordinatori di {cluster} hanno ritirato il tuo annuncio «{title}» dal mercato, per questo motivo:\n\n{reason}\n\nGli ordini già fatti restano validi: consegnali o annullali come al solito. Per parlarne, scrivi ai coordinatori. L’annuncio:\n{link}',
  },
} as const satisfies Record<string, Translations>;
