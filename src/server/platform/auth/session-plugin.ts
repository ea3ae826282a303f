/**
 * Per request: who is signed in (opaque token in an HttpOnly SameSite cookie, looked up by its
 * hash), which language to answer in, and the CSRF check on every state-changing call
 * (double-submit: the `kopa_csrf` cookie must come back in the `x-kopa-csrf` header).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLocale, type Locale } from '../../../domain/clusters/catalogue.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../database.ts';
import { AppError } from '../errors.ts';
import { sendError } from '../http/error-handler.ts';
import { DEFAULT_LOCALE, negotiateLocale } from '../i18n/translate.ts';
import { hashToken, newToken, safeEqual } from './tokens.ts';
import type { Viewer } from './viewer.ts';

export const SESSION_COOKIE = 'kopa_session';
export const CSRF_COOKIE = 'kopa_csrf';
export const CSRF_HEADER = 'x-kopa-csrf';
export const LOCALE_COOKIE = 'kopa_locale';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    locale: Locale;
  }
}

export interface SessionPluginOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly isSecureCookie: boolean;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(isSecure: boolean, httpOnly: boolean, maxAgeMs: number) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: isSecure,
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

async function loadViewer(db: Db, clock: Clock, token: string): Promise<Viewer | null> {
  if (token.length > 100) return null;
  const now = clock();
  const row = await db
    .selectFrom('session')
    .innerJoin('person', 'person.id', 'session.person_id')
    .select([
      'session.id as sessionId',
      'session.last_seen_at',
      'person.id as personId',
      'person.display_name',
      'person.email',
      'person.locale',
      'person.is_platform_admin',
    ])
    .where('session.token_hash', '=', hashToken(token))
    .where('session.expires_at', '>', now)
    .where('person.erased_at', 'is', null)
    .executeTakeFirst();
  if (!row?.email) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  }
  return {
    personId: row.personId,
    sessionId: row.sessionId,
    displayName: row.display_name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    isPlatformAdmin: row.is_platform_admin,
  };
}

export const sessionPlugin = fp<SessionPluginOptions>(async (app: FastifyInstance, options) => {
  app.decorateRequest('viewer', null);
  app.decorateRequest('locale', DEFAULT_LOCALE);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const chosen = request.cookies[LOCALE_COOKIE];
    request.locale = isLocale(chosen)
      ? chosen
      : (negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE);

    if (!request.url.startsWith('/api/')) return;

    let csrf = request.cookies[CSRF_COOKIE];
    if (!csrf) {
      csrf = newToken();
      reply.setCookie(
        CSRF_COOKIE,
        csrf,
        cookieOptions(options.isSecureCookie, false, 365 * 24 * 3600 * 1000),
      );
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.cookies[CSRF_COOKIE] || !safeEqual(sent, csrf)) {
        return sendError(request, reply, new AppError('auth.csrf_invalid', 403));
      }
    }

    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await loadViewer(options.db, options.clock, token) : null;
    if (request.viewer && !isLocale(chosen)) request.locale = request.viewer.locale;
  });
});
