/**
 * The clearing's mail: when a round waits for confirmations, the people who act for each affected
 * member are asked, in their own language, with what the round would cancel for them. Queued in
 * the round's transaction, so a round that is not written asks nobody.
 */
import { isLocale } from '../../domain/clusters/catalogue.ts';
import type { Tx } from '../platform/database.ts';
import { mailMessage } from '../platform/i18n/translate.ts';
import type { Mailer } from '../platform/mail.ts';
import { organisationRepo } from './repo.ts';

export interface RoundToConfirm {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly slug: string;
  readonly roundId: string;
  readonly today: string;
  /** What the round would cancel, per affected organisation. */
  readonly cancelledCents: ReadonlyMap<string, number>;
}

const euros = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

export class ClearingNotices {
  constructor(
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  async askToConfirm(tx: Tx, round: RoundToConfirm): Promise<void> {
    const link = `${this.publicUrl}/clusters/${encodeURIComponent(round.slug)}/clearing/rounds/${round.roundId}`;
    const people = await organisationRepo.representatives(
      tx,
      round.clusterId,
      [...round.cancelledCents.keys()],
      round.today,
    );
    for (const person of people) {
      if (!person.email) continue;
      const locale = isLocale(person.locale) ? person.locale : 'en';
      const values = {
        name: person.display_name,
        cluster: round.clusterName,
        organisation: person.organisationName,
        amount: euros(round.cancelledCents.get(person.organisationId) ?? 0, locale),
        link,
      };
      await this.mailer.enqueue(tx, {
        to: person.email,
        personId: person.id,
        subject: mailMessage('mail.clearing.confirm.subject', locale, values),
        text: mailMessage('mail.clearing.confirm.body', locale, values),
      });
    }
  }

  /** Sends what was queued; call after the transaction has committed. */
  deliver(): void {
    void this.mailer.deliver();
  }
}
