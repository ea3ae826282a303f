/**
 * Per request: who is signed in (opaque token in an HttpOnly SameSite cookie, looked up by its
 * hash), which language to answer in, and the CSRF check on every state-changing call
 * (double-submit: the `kopa_csrf` cookie must come back in the `x-kopa-csrf` header).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { isLocale, type Locale } from '../../../domain/clusters/catalogue.ts';
import type { ClusterRole } from '../../../domain/clusters/roles.ts';
import { rememberLoadedWithSession } from '../access.ts';
import type { Clock } from '../clock.ts';
import type { ClusterTable, Db } from '../database.ts';
import { AppError } from '../errors.ts';
import { sendError } from '../http/error-handler.ts';
import { DEFAULT_LOCALE, negotiateLocale } from '../i18n/translate.ts';
import { StatementTemplate } from '../statement-templates.ts';
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

/** The session's person, and on a route naming a cluster, the cluster and the person's roles in it. */
const viewerLookup = new StatementTemplate(
  (db, _shape: null, values: { tokenHash: string; now: Date; clusterSlug: string | null }) =>
    db
      .selectFrom('session')
      .innerJoin('person', 'person.id', 'session.person_id')
      .leftJoin('cluster', (join) => join.on('cluster.slug', '=', values.clusterSlug))
      .select(({ selectFrom }) => [
        'session.id as sessionId',
        'session.last_seen_at as sessionLastSeenAt',
        'person.id as personId',
        'person.display_name as personDisplayName',
        'person.email as personEmail',
        'person.locale as personLocale',
        'person.is_platform_admin as personIsPlatformAdmin',
        selectFrom('cluster_role')
          .select(sql<string[]>`coalesce(array_agg(cluster_role.role), '{}')`.as('roles'))
          .whereRef('cluster_role.cluster_id', '=', 'cluster.id')
          .whereRef('cluster_role.person_id', '=', 'person.id')
          .as('clusterRoles'),
      ])
      .selectAll('cluster')
      .where('session.token_hash', '=', values.tokenHash)
      .where('session.expires_at', '>', values.now)
      .where('person.erased_at', 'is', null),
);

/**
 * The signed-in viewer for a token. On a route that names a cluster, the same statement also
 * reads the cluster and the viewer's roles in it, so that the service's permission check needs no
 * round trip of its own (every signed-in request in a cluster used to make two before its work).
 */
async function loadViewer(
  db: Db,
  clock: Clock,
  token: string,
  clusterSlug: string | undefined,
): Promise<Viewer | null> {
  if (token.length > 100) return null;
  const now = clock();
  const row = await viewerLookup.executeTakeFirst(db, null, {
    tokenHash: hashToken(token),
    now,
    clusterSlug: clusterSlug ?? null,
  });
  if (!row?.personEmail) return null;
  if (now.getTime() - row.sessionLastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  }
  const { sessionId, sessionLastSeenAt, personEmail, clusterRoles, ...rest } = row;
  const { personId, personDisplayName, personLocale, personIsPlatformAdmin, ...cluster } = rest;
  const viewer: Viewer = {
    personId,
    sessionId,
    displayName: personDisplayName,
    email: personEmail,
    locale: isLocale(personLocale) ? personLocale : DEFAULT_LOCALE,
    isPlatformAdmin: personIsPlatformAdmin,
  };
  // A left-joined row is null in every column or in none (all of the cluster's are NOT NULL).
  if (cluster.id !== null) {
    const roles = (clusterRoles ?? []) as ClusterRole[];
    rememberLoadedWithSession(viewer, { cluster: cluster as ClusterTable, roles, actor: viewer });
  }
  return viewer;
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
    const { slug } = request.params as { slug?: unknown };
    const clusterSlug = typeof slug === 'string' && slug.length <= 100 ? slug : undefined;
    request.viewer = token ? await loadViewer(options.db, options.clock, token, clusterSlug) : null;
    if (request.viewer && !isLocale(chosen)) request.locale = request.viewer.locale;
  });
});
