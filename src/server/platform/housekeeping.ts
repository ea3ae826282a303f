/**
 * Data that has served its purpose is deleted, not kept "just in case": expired sessions, spent or
 * expired e-mail tokens, and delivered mail older than the retention period (the outbox holds
 * addresses and message bodies, which are personal data).
 */
import type { Clock } from './clock.ts';
import type { Db } from './database.ts';

export const MAIL_RETENTION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface HousekeepingResult {
  readonly sessions: number;
  readonly emailTokens: number;
  readonly mails: number;
}

export async function deleteExpiredData(db: Db, clock: Clock): Promise<HousekeepingResult> {
  const now = clock();
  const sessions = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
  const emailTokens = await db
    .deleteFrom('email_token')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  const mails = await db
    .deleteFrom('mail_outbox')
    .where('created_at', '<', new Date(now.getTime() - MAIL_RETENTION_DAYS * DAY_MS))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    emailTokens: Number(emailTokens.numDeletedRows),
    mails: Number(mails.numDeletedRows),
  };
}

/** Runs now and then every hour while the server runs; returns the stop function. */
export function startHousekeeping(db: Db, clock: Clock, onError: (error: unknown) => void): () => void {
  const run = () => void deleteExpiredData(db, clock).catch(onError);
  run();
  const timer = setInterval(run, 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
