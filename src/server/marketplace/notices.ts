/**
 * The marketplace's mail: an answer or an order reaches the people who act for the organisation on
 * the other side, each in their own language. Queued inside the change's transaction, so a refused
 * order sends nothing.
 */
import { isLocale, type Locale } from '../../domain/clusters/catalogue.ts';
import type { CurrencyTable, Tx } from '../platform/database.ts';
import type { MailMessageKey } from '../platform/i18n/server-messages.ts';
import { mailMessage } from '../platform/i18n/translate.ts';
import type { Mailer } from '../platform/mail.ts';
import { recipientRepo } from './repo.ts';

export type NoticeKind = 'answer' | 'reply' | 'order' | 'delivered' | 'cancelled' | 'withdrawn';

/** An amount as a reader in `locale` writes it, with the currency's code. */
export function formatAmount(amountMinor: number, currency: CurrencyTable, locale: Locale): string {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: currency.decimals,
    maximumFractionDigits: currency.decimals,
  }).format(amountMinor / 10 ** currency.decimals);
  return `${number} ${currency.code}`;
}

export class MarketplaceNotices {
  constructor(
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  /** Web addresses the mails point at. */
  link(slug: string, path: `/listings/${string}` | '/orders'): string {
    return `${this.publicUrl}/clusters/${encodeURIComponent(slug)}/marketplace${path}`;
  }

  /** Queues one mail per representative of the account; `params` may depend on the reader's language. */
  async tell(
    tx: Tx,
    recipient: { clusterId: string; accountId: string; today: string },
    kind: NoticeKind,
    params: (locale: Locale) => Record<string, string | number>,
  ): Promise<void> {
    const people = await recipientRepo.ofAccount(
      tx,
      recipient.clusterId,
      recipient.accountId,
      recipient.today,
    );
    for (const person of people) {
      if (!person.email) continue;
      const locale = isLocale(person.locale) ? person.locale : 'en';
      const values = { name: person.display_name, ...params(locale) };
      await this.mailer.enqueue(tx, {
        to: person.email,
        personId: person.id,
        subject: mailMessage(`mail.marketplace.${kind}.subject` as MailMessageKey, locale, values),
        text: mailMessage(`mail.marketplace.${kind}.body` as MailMessageKey, locale, values),
      });
    }
  }

  /** Sends what was queued; call after the transaction has committed. */
  deliver(): void {
    void this.mailer.deliver();
  }
}
