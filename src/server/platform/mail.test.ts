import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from './database.ts';
import { Mailer } from './mail.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let db: Db;
let drop: () => Promise<void>;
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk) => {
        data += chunk;
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await drop();
});

const queue = (mailer: Mailer, to: string) =>
  db
    .transaction()
    .execute((tx) =>
      mailer.enqueue(tx, { to, personId: null, subject: 'Laipni lūdzam Kopā', text: 'Sveiki!' }),
    );

describe('mail', () => {
  it('is delivered over SMTP after the transaction commits', async () => {
    const mailer = new Mailer(db, () => new Date(), {
      smtp: { host: '127.0.0.1', port, secure: false, from: 'Kopa <kopa@example.org>' },
      printToLog: false,
      log: () => {},
    });
    await queue(mailer, 'ilze@example.lv');
    await mailer.deliver();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'kopa@example.org', to: ['ilze@example.lv'] });
    expect(received[0]?.data).toContain('Subject: =?UTF-8?Q?Laipni_l=C5=ABdzam_Kop=C4=81?=');
    const row = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'ilze@example.lv')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ delivered_via: 'smtp', error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('is not sent when the transaction that queued it rolls back', async () => {
    const mailer = new Mailer(db, () => new Date(), {
      smtp: { host: '127.0.0.1', port, secure: false, from: 'kopa@example.org' },
      printToLog: false,
      log: () => {},
    });
    await db
      .transaction()
      .execute(async (tx) => {
        await mailer.enqueue(tx, { to: 'rollback@example.org', personId: null, subject: 's', text: 't' });
        throw new Error('the change failed');
      })
      .catch(() => {});
    await mailer.deliver();
    expect(received.map((mail) => mail.to[0])).not.toContain('rollback@example.org');
  });

  it('records an SMTP failure instead of losing the message', async () => {
    const logged: string[] = [];
    const mailer = new Mailer(db, () => new Date(), {
      smtp: { host: '127.0.0.1', port: 1, secure: false, from: 'kopa@example.org' },
      printToLog: false,
      log: (line) => logged.push(line),
    });
    await queue(mailer, 'unreachable@example.org');
    await mailer.deliver();
    const row = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'unreachable@example.org')
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.error).toEqual(expect.any(String));
    expect(logged.join('\n')).not.toContain('Sveiki');
  });

  it('stays in the dev outbox without SMTP, printed to the log in demo mode', async () => {
    const logged: string[] = [];
    const mailer = new Mailer(db, () => new Date(), { printToLog: true, log: (line) => logged.push(line) });
    await queue(mailer, 'outbox@example.org');
    await mailer.deliver();
    const row = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'outbox@example.org')
      .executeTakeFirstOrThrow();
    expect(row.delivered_via).toBe('outbox');
    expect(logged.join('\n')).toContain('To: outbox@example.org');
  });
});
