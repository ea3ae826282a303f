/** HTTP for accounts and sessions: /api/v1/account and /api/v1/session. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  cookieOptions,
  LOCALE_COOKIE,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../platform/auth/session-plugin.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import {
  DisplayName,
  Email,
  LocaleSchema,
  Password,
  SameSitePath,
  Token,
  Uuid,
} from '../platform/http/schemas.ts';
import type { AccountService } from './service.ts';

export interface AccountRoutesOptions {
  readonly accounts: AccountService;
  readonly isSecureCookie: boolean;
  readonly rateLimitScale: number;
}

const PersonView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  isEmailVerified: Type.Boolean(),
  isPlatformAdmin: Type.Boolean(),
});

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, options) => {
  const { accounts } = options;
  const scale = options.rateLimitScale;

  app.post(
    '/account/sign-up',
    {
      config: { ...rateLimit('signUp', scale), isPublicCacheNeutral: true },
      schema: {
        tags,
        summary: 'Create an account; a confirmation link is mailed',
        body: Type.Object({
          email: Email,
          password: Password,
          displayName: DisplayName,
          locale: LocaleSchema,
          next: Type.Optional(SameSitePath),
        }),
        response: { 201: Type.Object({ person: PersonView }) },
      },
    },
    async (request, reply) => {
      const person = await accounts.signUp(request.body);
      return reply.status(201).send({ person });
    },
  );

  app.post(
    '/account/verify-email',
    {
      config: { ...rateLimit('signIn', scale), isPublicCacheNeutral: true },
      schema: { tags, summary: 'Confirm an e-mail address', body: Type.Object({ token: Token }) },
    },
    async (request, reply) => {
      await accounts.verifyEmail(request.body.token);
      return reply.status(204).send();
    },
  );

  app.post(
    '/account/verify-email/resend',
    {
      config: { ...rateLimit('passwordReset', scale), isPublicCacheNeutral: true },
      schema: { tags, summary: 'Mail a new confirmation link', body: Type.Object({ email: Email }) },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email);
      return reply.status(202).send();
    },
  );

  app.post(
    '/account/password-reset',
    {
      config: { ...rateLimit('passwordReset', scale), isPublicCacheNeutral: true },
      schema: { tags, summary: 'Mail a password-reset link', body: Type.Object({ email: Email }) },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email);
      return reply.status(202).send();
    },
  );

  app.post(
    '/account/password-reset/confirm',
    {
      config: { ...rateLimit('passwordReset', scale), isPublicCacheNeutral: true },
      schema: {
        tags,
        summary: 'Set a new password with a reset link',
        body: Type.Object({ token: Token, password: Password }),
      },
    },
    async (request, reply) => {
      await accounts.confirmPasswordReset(request.body.token, request.body.password);
      return reply.status(204).send();
    },
  );

  app.post(
    '/session',
    {
      config: { ...rateLimit('signIn', scale), isPublicCacheNeutral: true },
      schema: {
        tags,
        summary: 'Sign in',
        body: Type.Object({ email: Email, password: Password }),
        response: { 200: Type.Object({ person: PersonView }) },
      },
    },
    async (request, reply) => {
      const { token, person } = await accounts.signIn(
        request.body,
        request.headers['user-agent'],
        request.cookies[SESSION_COOKIE],
      );
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(options.isSecureCookie, true, SESSION_TTL_MS));
      return { person };
    },
  );

  app.get(
    '/session',
    { schema: { tags, summary: 'Who is signed in, and their clusters' } },
    async (request) => {
      if (!request.viewer) return { person: null, clusters: [], locale: request.locale };
      return { ...(await accounts.me(request.viewer)), locale: request.locale };
    },
  );

  app.delete(
    '/session',
    { config: { isPublicCacheNeutral: true }, schema: { tags, summary: 'Sign out' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await accounts.signOut(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.put(
    '/locale',
    {
      config: { isPublicCacheNeutral: true },
      schema: {
        tags,
        summary: 'Choose the interface language (remembered in a cookie, and on the account when signed in)',
        body: Type.Object({ locale: LocaleSchema }),
      },
    },
    async (request, reply) => {
      reply.setCookie(
        LOCALE_COOKIE,
        request.body.locale,
        cookieOptions(options.isSecureCookie, false, 365 * 24 * 3600 * 1000),
      );
      if (request.viewer) await accounts.updateProfile(request.viewer, { locale: request.body.locale });
      return reply.status(204).send();
    },
  );

  app.patch(
    '/account',
    {
      config: { ...rateLimit('write', scale), isPublicCacheNeutral: true },
      schema: {
        tags,
        summary: 'Change one’s name or language',
        body: Type.Object({ displayName: Type.Optional(DisplayName), locale: Type.Optional(LocaleSchema) }),
        response: { 200: Type.Object({ person: PersonView }) },
      },
    },
    async (request) => ({ person: await accounts.updateProfile(request.viewer, request.body) }),
  );

  app.get('/account/sessions', { schema: { tags, summary: 'One’s open sessions' } }, async (request) => ({
    items: await accounts.listSessions(request.viewer),
  }));

  app.delete(
    '/account/sessions/:sessionId',
    {
      config: { isPublicCacheNeutral: true },
      schema: { tags, summary: 'Revoke a session', params: Type.Object({ sessionId: Uuid }) },
    },
    async (request, reply) => {
      await accounts.revokeSession(request.viewer, request.params.sessionId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/account/export',
    { schema: { tags, summary: 'Download all data Kopa holds about oneself' } },
    async (request, reply) => {
      const data = await accounts.exportData(request.viewer);
      reply.header('content-disposition', 'attachment; filename="kopa-my-data.json"');
      return data;
    },
  );

  app.post(
    '/account/erase',
    {
      // Erasure records an event in each of the person's clusters: their public chains change.
      config: rateLimit('passwordReset', scale),
      schema: {
        tags,
        summary: 'Delete one’s account and erase one’s personal data',
        body: Type.Object({ password: Password }),
      },
    },
    async (request, reply) => {
      await accounts.erase(request.viewer, request.body.password);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
