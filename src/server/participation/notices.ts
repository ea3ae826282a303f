/**
 * Participation's notices: a row in each recipient's in-app notifications and a mail in their own
 * language, both written inside the transaction of the change that caused them, so a refused change
 * tells nobody. Mail goes out after the commit.
 */
import { isLocale, type Locale } from '../../domain/clusters/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { Tx } from '../platform/database.ts';
import type { MailMessageKey } from '../platform/i18n/server-messages.ts';
import { mailMessage } from '../platform/i18n/translate.ts';
import { newId } from '../platform/ids.ts';
import type { Mailer } from '../platform/mail.ts';
import { notificationRepo } from './notification-repo.ts';

export type NoticeKind =
  | 'proposal_answered'
  | 'comment_posted'
  | 'coauthor_invited'
  | 'meeting_place_offered'
  | 'result_updated';

export interface Notice {
  readonly clusterId: string;
  readonly kind: NoticeKind;
  readonly processId: string;
  readonly proposalId?: string;
  readonly meetingId?: string;
  readonly resultId?: string;
  /** What the in-app list shows: the thing's title, and a short detail (a state, a name). */
  readonly subject: string;
  readonly detail: string;
  /** The web address the mail points at (see `link`). */
  readonly link: string;
  readonly mailParams: (locale: Locale) => Record<string, string | number>;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export class ParticipationNotices {
  constructor(
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  link(slug: string, path: string): string {
    return `${this.publicUrl}/clusters/${encodeURIComponent(slug)}/participation${path}`;
  }

  /** Tells each of the people once, skipping the one who caused it. */
  async tell(tx: Tx, personIds: readonly string[], notice: Notice, exceptPersonId?: string): Promise<void> {
    const unique = [...new Set(personIds)].filter((id) => id !== exceptPersonId);
    const people = await notificationRepo.recipients(tx, unique);
    const now = this.clock();
    await notificationRepo.insertMany(
      tx,
      people.map((person) => ({
        cluster_id: notice.clusterId,
        id: newId(),
        person_id: person.id,
        kind: notice.kind,
        process_id: notice.processId,
        proposal_id: notice.proposalId ?? null,
        meeting_id: notice.meetingId ?? null,
        result_id: notice.resultId ?? null,
        subject: clip(notice.subject, 200),
        detail: clip(notice.detail, 200),
        created_at: now,
        read_at: null,
      })),
    );
    for (const person of people) {
      if (!person.email) continue;
      const locale = isLocale(person.locale) ? person.locale : 'en';
      const values = { name: person.display_name, link: notice.link, ...notice.mailParams(locale) };
      await this.mailer.enqueue(tx, {
        to: person.email,
        personId: person.id,
        subject: mailMessage(`mail.participation.${notice.kind}.subject` as MailMessageKey, locale, values),
        text: mailMessage(`mail.participation.${notice.kind}.body` as MailMessageKey, locale, values),
      });
    }
  }

  /** Sends what was queued; call after the transaction has committed. */
  deliver(): void {
    void this.mailer.deliver();
  }
}
