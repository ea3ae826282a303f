import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from './database.ts';
import { deleteExpiredData, MAIL_RETENTION_DAYS } from './housekeeping.ts';
import { newId } from './ids.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop();
});

const DAY_MS = 24 * 3600 * 1000;

describe('housekeeping', () => {
  it('deletes expired sessions, spent tokens and old mail, and keeps the rest', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
    const personId = newId();
    await db
      .insertInto('person')
      .values({
        id: personId,
        email: 'h@example.org',
        email_verified_at: now,
        password_hash: 'x',
        display_name: 'H',
        locale: 'en',
        created_at: now,
        erased_at: null,
      })
      .execute();
    const session = (tokenHash: string, expiresAt: Date) => ({
      id: newId(),
      token_hash: tokenHash,
      person_id: personId,
      created_at: at(-40),
      last_seen_at: at(-1),
      expires_at: expiresAt,
      user_agent: null,
    });
    await db
      .insertInto('session')
      .values([session('expired-session', at(-1)), session('keep-session', at(5))])
      .execute();
    const token = (hash: string, expiresAt: Date, usedAt: Date | null) => ({
      token_hash: hash,
      person_id: personId,
      purpose: 'verify_email' as const,
      created_at: at(-2),
      expires_at: expiresAt,
      used_at: usedAt,
    });
    await db
      .insertInto('email_token')
      .values([token('expired', at(-1), null), token('used', at(1), at(-1)), token('live', at(1), null)])
      .execute();
    const mail = (to: string, createdAt: Date) => ({
      id: newId(),
      to_address: to,
      person_id: null,
      subject: 's',
      body_text: 'b',
      created_at: createdAt,
      delivered_via: 'outbox' as const,
      sent_at: createdAt,
      error: null,
    });
    await db
      .insertInto('mail_outbox')
      .values([mail('old@example.org', at(-MAIL_RETENTION_DAYS - 1)), mail('recent@example.org', at(-1))])
      .execute();

    expect(await deleteExpiredData(db, () => now)).toEqual({ sessions: 1, emailTokens: 2, mails: 1 });
    expect((await db.selectFrom('session').select('token_hash').execute()).map((r) => r.token_hash)).toEqual([
      'keep-session',
    ]);
    expect(
      (await db.selectFrom('email_token').select('token_hash').execute()).map((r) => r.token_hash),
    ).toEqual(['live']);
    expect(
      (await db.selectFrom('mail_outbox').select('to_address').execute()).map((r) => r.to_address),
    ).toEqual(['recent@example.org']);
  });
});
