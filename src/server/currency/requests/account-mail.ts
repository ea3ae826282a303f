/**
 * Mail to the people who speak for a currency account, each in their own language: amounts with
 * the currency's decimals and code, dates written out, a link to the page where they can act.
 * Queued inside the caller's transaction, so a rolled-back change sends nothing.
 */
import { isLocale, type Locale } from '../../../domain/clusters/catalogue.ts';
import { dayOf } from '../../../domain/currency/recurrence.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CurrencyTable, Tx } from '../../platform/database.ts';
import type { MessageParams } from '../../platform/errors.ts';
import type { MailMessageKey } from '../../platform/i18n/server-messages.ts';
import { DEFAULT_LOCALE, mailMessage } from '../../platform/i18n/translate.ts';
import type { Mailer } from '../../platform/mail.ts';
import { recipientRepo } from './repo.ts';

export interface AccountMail {
  readonly subject: MailMessageKey;
  readonly body: MailMessageKey;
  /** The message's values in the reader's language (amounts and dates are formatted per locale). */
  readonly params: (locale: Locale) => MessageParams;
  /** The page to act on, a path of the web app. */
  readonly path: string;
}

export function formatAmount(amountMinor: number, currency: CurrencyTable, locale: Locale): string {
  const units = new Intl.NumberFormat(locale, {
    minimumFractionDigits: currency.decimals,
    maximumFractionDigits: currency.decimals,
  }).format(amountMinor / 10 ** currency.decimals);
  return `${units} ${currency.code}`;
}

export const formatDay = (isoDay: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );

/** The web pages of an account's requests and recurring payments. */
export const accountPaths = {
  requests: (slug: string, accountId: string) => `/clusters/${slug}/currency/${accountId}/requests`,
  recurring: (slug: string, accountId: string) => `/clusters/${slug}/currency/${accountId}/recurring`,
};

export class AccountMailer {
  constructor(
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  async send(tx: Tx, clusterId: string, accountId: string, mail: AccountMail): Promise<void> {
    const recipients = await recipientRepo.forAccount(tx, clusterId, accountId, dayOf(this.clock()));
    for (const recipient of recipients) {
      const locale = isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE;
      const params = { ...mail.params(locale), link: `${this.publicUrl}${mail.path}` };
      await this.mailer.enqueue(tx, {
        to: recipient.email,
        personId: recipient.person_id,
        subject: mailMessage(mail.subject, locale, params),
        text: mailMessage(mail.body, locale, params),
      });
    }
  }

  /** Sends what committed transactions queued; never awaited by a request. */
  deliver(): void {
    void this.mailer.deliver();
  }
}
