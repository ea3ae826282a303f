/**
 * Accounts: sign-up with e-mail verification, sign-in and sessions, password reset, the
 * person's own profile, export of everything held about them, and erasure.
 */

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../../domain/accounts/password-policy.ts';
import { isLocale, type Locale } from '../../domain/clusters/catalogue.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../platform/auth/passwords.ts';
import { SESSION_TTL_MS } from '../platform/auth/session-plugin.ts';
import { hashToken, newToken } from '../platform/auth/tokens.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/database.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { mailMessage } from '../platform/i18n/translate.ts';
import { newId } from '../platform/ids.ts';
import type { Mailer } from '../platform/mail.ts';
import { emailTokenRepo, personDataRepo, personRepo, sessionRepo } from './repo.ts';

/** The mails that carry a single-use link: how long the link lives, where it leads, what it says. */
const TOKEN_MAILS = {
  verify_email: {
    ttlMs: 48 * 3600 * 1000,
    path: '/verify-email',
    subject: 'mail.verify.subject',
    body: 'mail.verify.body',
  },
  reset_password: {
    ttlMs: 3600 * 1000,
    path: '/reset-password',
    subject: 'mail.reset.subject',
    body: 'mail.reset.body',
  },
} as const;

interface MailRecipient {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly locale: Locale;
}

export interface PersonView {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  isEmailVerified: boolean;
  isPlatformAdmin: boolean;
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  /** Where the newcomer was going (an invitation page); the confirmation link leads back there. */
  next?: string;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const localeOf = (person: { locale: string }): Locale => (isLocale(person.locale) ? person.locale : 'en');

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw badRequest('account.weak_password', 'password', {
      reason: problem,
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
    });
  }
}

export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  /** Creates a single-use token and queues the mail carrying its link, in the caller's transaction. */
  private async queueLinkMail(tx: Tx, to: MailRecipient, purpose: keyof typeof TOKEN_MAILS, extraQuery = '') {
    const spec = TOKEN_MAILS[purpose];
    const token = newToken();
    const now = this.clock();
    await emailTokenRepo.insert(tx, {
      token_hash: hashToken(token),
      person_id: to.id,
      purpose,
      created_at: now,
      expires_at: new Date(now.getTime() + spec.ttlMs),
      used_at: null,
    });
    await this.mailer.enqueue(tx, {
      to: to.email,
      personId: to.id,
      subject: mailMessage(spec.subject, to.locale),
      text: mailMessage(spec.body, to.locale, {
        name: to.name,
        link: `${this.publicUrl}${spec.path}?token=${token}${extraQuery}`,
      }),
    });
  }

  /** Anyone may sign up; the account stays unusable until the e-mail address is confirmed. */
  async signUp(input: SignUpInput): Promise<PersonView> {
    const email = normaliseEmail(input.email);
    checkPassword(input.password, email);
    if (await personRepo.findByEmail(this.db, email)) throw conflict('account.email_taken', 'email');
    const passwordHash = await hashPassword(input.password);
    const id = newId();
    const now = this.clock();
    try {
      await this.db.transaction().execute(async (tx) => {
        await personRepo.insert(tx, {
          id,
          email,
          email_verified_at: null,
          password_hash: passwordHash,
          display_name: input.displayName.trim(),
          locale: input.locale,
          created_at: now,
          erased_at: null,
        });
        await this.queueLinkMail(
          tx,
          { id, email, name: input.displayName.trim(), locale: input.locale },
          'verify_email',
          input.next ? `&next=${encodeURIComponent(input.next)}` : '',
        );
      });
    } catch (error) {
      // Two sign-ups with one address at once: the unique index decides, the loser hears why.
      if ((error as { code?: string }).code === '23505') throw conflict('account.email_taken', 'email');
      throw error;
    }
    void this.mailer.deliver();
    return {
      id,
      email,
      displayName: input.displayName.trim(),
      locale: input.locale,
      isEmailVerified: false,
      isPlatformAdmin: false,
    };
  }

  /** Mails a new confirmation link to an unconfirmed account; answers the same whatever the address. */
  async resendVerification(rawEmail: string): Promise<void> {
    const person = await personRepo.findByEmail(this.db, normaliseEmail(rawEmail));
    if (!person?.email || person.email_verified_at) return;
    const recipient = {
      id: person.id,
      email: person.email,
      name: person.display_name,
      locale: localeOf(person),
    };
    await this.db.transaction().execute((tx) => this.queueLinkMail(tx, recipient, 'verify_email'));
    void this.mailer.deliver();
  }

  async verifyEmail(token: string): Promise<void> {
    const now = this.clock();
    const verified = await this.db.transaction().execute(async (tx) => {
      const claimed = await emailTokenRepo.claim(tx, hashToken(token), 'verify_email', now);
      if (!claimed) return false;
      await personRepo.update(tx, claimed.person_id, { email_verified_at: now });
      return true;
    });
    if (!verified) throw badRequest('account.token_invalid', 'token');
  }

  /** Returns a new session token; the caller puts it in the cookie and drops the old session. */
  async signIn(
    input: { email: string; password: string },
    userAgent: string | undefined,
    previousToken?: string,
  ) {
    const email = normaliseEmail(input.email);
    const person = await personRepo.findByEmail(this.db, email);
    const isMatch = await verifyPassword(
      person?.password_hash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!person || !isMatch) throw new AppError('auth.invalid_credentials', 401);
    if (!person.email_verified_at) throw new AppError('auth.email_not_verified', 403, {}, 'email');
    const token = newToken();
    const now = this.clock();
    await this.db.transaction().execute(async (tx) => {
      if (previousToken) await sessionRepo.deleteByTokenHash(tx, hashToken(previousToken));
      await sessionRepo.insert(tx, {
        id: newId(),
        token_hash: hashToken(token),
        person_id: person.id,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + SESSION_TTL_MS),
        user_agent: userAgent ? userAgent.slice(0, 300) : null,
      });
    });
    return { token, person: toView(person) };
  }

  async signOut(token: string): Promise<void> {
    await sessionRepo.deleteByTokenHash(this.db, hashToken(token));
  }

  /** Always answers the same way, so it cannot be used to learn who has an account. */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const person = await personRepo.findByEmail(this.db, normaliseEmail(rawEmail));
    if (!person?.email) return;
    const recipient = {
      id: person.id,
      email: person.email,
      name: person.display_name,
      locale: localeOf(person),
    };
    await this.db.transaction().execute((tx) => this.queueLinkMail(tx, recipient, 'reset_password'));
    void this.mailer.deliver();
  }

  /** Sets the new password and signs the person out everywhere. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const now = this.clock();
    const tokenHash = hashToken(token);
    const holder = await emailTokenRepo.holder(this.db, tokenHash);
    checkPassword(password, holder?.email ?? '');
    const passwordHash = await hashPassword(password);
    const isDone = await this.db.transaction().execute(async (tx) => {
      const claimed = await emailTokenRepo.claim(tx, tokenHash, 'reset_password', now);
      if (!claimed) return false;
      // Following the link proved the mailbox is theirs.
      await personRepo.update(tx, claimed.person_id, { password_hash: passwordHash, email_verified_at: now });
      await sessionRepo.deleteAllOf(tx, claimed.person_id);
      return true;
    });
    if (!isDone) throw badRequest('account.token_invalid', 'token');
  }

  async me(actor: Actor) {
    const viewer = this.access.requireSignedIn(actor);
    const person = await personRepo.findById(this.db, viewer.personId);
    if (!person) throw notFound('person.not_found');
    const roles = await personDataRepo.roles(this.db, viewer.personId);
    return {
      person: toView(person),
      clusters: groupRoles(roles),
    };
  }

  async updateProfile(actor: Actor, patch: { displayName?: string; locale?: Locale }): Promise<PersonView> {
    const viewer = this.access.requireSignedIn(actor);
    await personRepo.update(this.db, viewer.personId, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    });
    const person = await personRepo.findById(this.db, viewer.personId);
    if (!person) throw notFound('person.not_found');
    return toView(person);
  }

  async listSessions(actor: Actor) {
    const viewer = this.access.requireSignedIn(actor);
    const rows = await sessionRepo.listOf(this.db, viewer.personId, this.clock());
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      userAgent: row.user_agent ?? '',
      isCurrent: row.id === viewer.sessionId,
    }));
  }

  async revokeSession(actor: Actor, sessionId: string): Promise<void> {
    const viewer = this.access.requireSignedIn(actor);
    const result = await sessionRepo.deleteById(this.db, viewer.personId, sessionId);
    if (Number(result.numDeletedRows) === 0) throw notFound('http.not_found');
  }

  /** Everything Kopa holds about the person, as one JSON document (GDPR art. 15 and 20). */
  async exportData(actor: Actor) {
    const viewer = this.access.requireSignedIn(actor);
    const person = await personRepo.findById(this.db, viewer.personId);
    if (!person?.email) throw notFound('person.not_found');
    const [roles, mandates, invitations, mails, sessions] = await Promise.all([
      personDataRepo.roles(this.db, person.id),
      personDataRepo.mandates(this.db, person.id),
      personDataRepo.invitationsTo(this.db, person.email),
      personDataRepo.mails(this.db, person.id, person.email),
      this.listSessions(actor),
    ]);
    return {
      format: 'kopa.personal-data-export',
      version: 1,
      exportedAt: this.clock().toISOString(),
      person: {
        ...toView(person),
        createdAt: person.created_at.toISOString(),
        emailVerifiedAt: person.email_verified_at?.toISOString() ?? null,
      },
      roles: roles.map((r) => ({
        cluster: r.slug,
        clusterName: r.name,
        role: r.role,
        grantedAt: r.granted_at.toISOString(),
      })),
      representativeMandates: mandates.map((m) => ({
        id: m.id,
        cluster: m.slug,
        organisation: m.organisation,
        mandate: m.mandate,
        startsOn: m.starts_on,
        endsOn: m.ends_on,
        revokedAt: m.revoked_at?.toISOString() ?? null,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        cluster: i.slug,
        role: i.role,
        createdAt: i.created_at.toISOString(),
        acceptedAt: i.accepted_at?.toISOString() ?? null,
      })),
      mails: mails.map((m) => ({
        id: m.id,
        subject: m.subject,
        createdAt: m.created_at.toISOString(),
        sentAt: m.sent_at?.toISOString() ?? null,
      })),
      sessions,
      note: 'The audit logs of the clusters refer to you by your id only; they hold no other data about you.',
    };
  }

  /**
   * Erases the person: their personal data goes everywhere, the row stays as an empty shell so
   * audit events that name the id still resolve. The chains never held personal data, so they
   * remain verifiable.
   */
  async erase(actor: Actor, password: string): Promise<void> {
    const viewer = this.access.requireSignedIn(actor);
    const person = await personRepo.findById(this.db, viewer.personId);
    if (!person?.email || !person.password_hash) throw notFound('person.not_found');
    if (!(await verifyPassword(person.password_hash, password)))
      throw badRequest('account.password_wrong', 'password');
    const sole = await personDataRepo.soleCoordinatorOf(this.db, person.id);
    if (sole) throw conflict('account.last_coordinator', undefined, { cluster: sole.name });
    const email = person.email;
    const now = this.clock();
    await this.db.transaction().execute(async (tx) => {
      // Checked again under lock: two coordinators erasing at once must not leave a cluster with none.
      const soleNow = await personDataRepo.soleCoordinatorOfLocked(tx, person.id);
      if (soleNow) throw conflict('account.last_coordinator', undefined, { cluster: soleNow.name });
      // Ordered by id so two erasures never wait on each other's chain heads.
      const clusters = await personDataRepo.clustersOf(tx, person.id);
      for (const { cluster_id } of clusters) {
        await this.audit.record(tx, cluster_id, {
          action: 'person.erased',
          isPublic: false,
          payload: { personId: person.id },
        });
      }
      await personDataRepo.removeFromClusters(tx, person.id, email, now);
      await sessionRepo.deleteAllOf(tx, person.id);
      await emailTokenRepo.deleteAllOf(tx, person.id);
      await personRepo.erase(tx, person.id, now);
    });
  }
}

function toView(person: {
  id: string;
  email: string | null;
  display_name: string;
  locale: string;
  email_verified_at: Date | null;
  is_platform_admin: boolean;
}): PersonView {
  return {
    id: person.id,
    email: person.email ?? '',
    displayName: person.display_name,
    locale: isLocale(person.locale) ? person.locale : 'en',
    isEmailVerified: person.email_verified_at !== null,
    isPlatformAdmin: person.is_platform_admin,
  };
}

function groupRoles(rows: { slug: string; name: string; default_locale: string; role: string }[]) {
  const bySlug = new Map<string, { slug: string; name: string; defaultLocale: string; roles: string[] }>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? {
      slug: row.slug,
      name: row.name,
      defaultLocale: row.default_locale,
      roles: [],
    };
    entry.roles.push(row.role);
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()];
}
