/**
 * Outgoing mail. Every message is queued in the same transaction as the change that caused it,
 * then delivered after commit: by SMTP when configured, otherwise it stays in the dev outbox that a
 * platform administrator can read (and, in demo mode, is printed to the log).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from './clock.ts';
import type { SmtpConfig } from './config.ts';
import type { Db, Tx } from './database.ts';
import { newId } from './ids.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly personId: string | null;
  readonly subject: string;
  readonly text: string;
}

const DELIVERY_BATCH = 50;

export class Mailer {
  private readonly transport: Transporter | null;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: { smtp?: SmtpConfig; printToLog: boolean; log: (line: string) => void },
  ) {
    const smtp = options.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
  }

  get isSmtp(): boolean {
    return this.transport !== null;
  }

  async enqueue(tx: Tx, mail: OutgoingMail): Promise<void> {
    await tx
      .insertInto('mail_outbox')
      .values({
        id: newId(),
        to_address: mail.to,
        person_id: mail.personId,
        subject: mail.subject,
        body_text: mail.text,
        created_at: this.clock(),
        delivered_via: this.transport ? 'smtp' : 'outbox',
        sent_at: null,
        error: null,
      })
      .execute();
  }

  /** Delivers what is queued; call after the transaction that queued it has committed. */
  deliver(): Promise<void> {
    this.delivering = this.delivering.then(() => this.deliverBatch()).catch(() => {});
    return this.delivering;
  }

  private async deliverBatch(): Promise<void> {
    const pending = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('error', 'is', null)
      .orderBy('created_at')
      .limit(DELIVERY_BATCH)
      .execute();
    for (const mail of pending) {
      let error: string | null = null;
      if (this.transport && this.options.smtp) {
        try {
          await this.transport.sendMail({
            from: this.options.smtp.from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body_text,
          });
        } catch (cause) {
          error = (cause as Error).message.slice(0, 500);
          this.options.log(`Mail ${mail.id} could not be sent by SMTP: ${error}`);
        }
      } else if (this.options.printToLog) {
        this.options.log(
          `[dev outbox] To: ${mail.to_address}\nSubject: ${mail.subject}\n\n${mail.body_text}\n`,
        );
      }
      await this.db
        .updateTable('mail_outbox')
        .set(error ? { error } : { sent_at: this.clock() })
        .where('id', '=', mail.id)
        .execute();
    }
  }
}
