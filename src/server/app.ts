/**
 * Assembles Kopa's HTTP application: plumbing (security headers, cookies, sessions, CSRF, rate
 * limits, errors, OpenAPI), then each area's routes under /api/v1, then the web app.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/routes.ts';
import { AccountService } from './accounts/service.ts';
import { adminRoutes } from './admin/routes.ts';
import { AdminService } from './admin/service.ts';
import { BallotService } from './budgeting/ballot-service.ts';
import { BudgetService } from './budgeting/budget-service.ts';
import { PabulibService } from './budgeting/pabulib-service.ts';
import { ResultService } from './budgeting/result-service.ts';
import { budgetingRoutes } from './budgeting/routes.ts';
import { InvoiceService } from './clearing/invoice-service.ts';
import { ClearingNotices } from './clearing/notices.ts';
import { ClearingRoundService } from './clearing/round-service.ts';
import { clearingRoutes } from './clearing/routes.ts';
import { InvitationService } from './clusters/invitation-service.ts';
import { PeopleService } from './clusters/people-service.ts';
import { clusterRoutes } from './clusters/routes.ts';
import { ClusterService } from './clusters/service.ts';
import { CurrencyFigures } from './currency/figures.ts';
import { assemblePaymentRequests } from './currency/requests/assemble.ts';
import { paymentRequestRoutes } from './currency/requests/routes.ts';
import { currencyRoutes } from './currency/routes.ts';
import { CurrencyService } from './currency/service.ts';
import { ListingService } from './marketplace/listing-service.ts';
import { MemberAccounts } from './marketplace/member-accounts.ts';
import { MarketplaceNotices } from './marketplace/notices.ts';
import { OrderService } from './marketplace/order-service.ts';
import { marketplaceRoutes } from './marketplace/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { OrganisationService } from './organisations/service.ts';
import { assembleParticipation } from './participation/assemble.ts';
import { participationRoutes } from './participation/routes.ts';
import { Access } from './platform/access.ts';
import type { AuditLog } from './platform/audit/audit-log.ts';
import { sessionPlugin } from './platform/auth/session-plugin.ts';
import type { Clock } from './platform/clock.ts';
import type { Db } from './platform/database.ts';
import { AppError } from './platform/errors.ts';
import { installErrorHandler, sendError } from './platform/http/error-handler.ts';
import { PublicReadCache, publicReadCachePlugin } from './platform/http/public-read-cache.ts';
import { securityHeadersPlugin } from './platform/http/security-headers.ts';
import { systemRoutes } from './platform/http/system-routes.ts';
import type { Mailer } from './platform/mail.ts';
import { transparencyRoutes } from './transparency/routes.ts';
import { TransparencyService } from './transparency/service.ts';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const BODY_LIMIT_BYTES = 1024 * 1024;
/** Bounds how stale a public page can be after a write made by another process (the CLI, a second server). */
export const PUBLIC_CACHE_TTL_MS = 5_000;

export interface AppDeps {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly rateLimitScale: number;
  readonly logger?: boolean;
  /** Serve the built web app from dist/web when it exists. */
  readonly serveWeb?: boolean;
  /** How long an anonymous public read may be served from memory (0 turns the cache off). */
  readonly publicCacheTtlMs?: number;
}

/** Secrets travel in some paths (invitation and e-mail links); logs get the path without them. */
function redactUrl(url: string): string {
  return url.replace(/\?.*$/, '').replace(/(\/invitations\/)[^/]+/, '$1[token]');
}

export function buildServices(deps: AppDeps) {
  const { db, audit, mailer, clock, publicUrl } = deps;
  const access = new Access(db);
  const currency = new CurrencyService(db, access, audit, clock);
  const memberAccounts = new MemberAccounts(currency, clock);
  const notices = new MarketplaceNotices(mailer, publicUrl);
  const participation = assembleParticipation({ db, access, audit, mailer, clock, publicUrl });
  return {
    access,
    accounts: new AccountService(db, access, audit, mailer, clock, publicUrl),
    clusters: new ClusterService(db, access, audit, clock),
    people: new PeopleService(db, access, audit, clock),
    invitations: new InvitationService(db, access, audit, mailer, clock, publicUrl),
    organisations: new OrganisationService(db, access, audit, clock, currency),
    currency,
    currencyFigures: new CurrencyFigures(db, access, clock),
    ...assemblePaymentRequests({ db, audit, mailer, clock, publicUrl, access, currency }),
    listings: new ListingService(db, access, audit, clock, currency, memberAccounts, notices),
    orders: new OrderService(db, access, audit, clock, currency, memberAccounts, notices),
    invoices: new InvoiceService(db, access, audit, clock, currency.writes),
    clearingRounds: new ClearingRoundService(
      db,
      access,
      audit,
      clock,
      currency.writes,
      new ClearingNotices(mailer, publicUrl),
    ),
    ...participation,
    budgets: new BudgetService(db, access, audit, clock),
    ballots: new BallotService(db, access, audit, clock),
    budgetResults: new ResultService(db, access, audit, clock, participation.results),
    pabulib: new PabulibService(db, access, audit, clock),
    transparency: new TransparencyService(db, access),
    admin: new AdminService(db, access),
  };
}
export type Services = ReturnType<typeof buildServices>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
    logger: deps.logger
      ? {
          redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-kopa-csrf"]'],
          serializers: {
            req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
          },
        }
      : false,
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = buildServices(deps);
  const isSecureCookie = deps.publicUrl.startsWith('https://');

  await app.register(securityHeadersPlugin, { isHttps: isSecureCookie });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const error = new AppError('auth.rate_limited', 429);
      return Object.assign(error, { statusCode: context.statusCode });
    },
  });
  installErrorHandler(app);
  await app.register(sessionPlugin, { db: deps.db, clock: deps.clock, isSecureCookie });
  const publicCacheTtlMs = deps.publicCacheTtlMs ?? PUBLIC_CACHE_TTL_MS;
  if (publicCacheTtlMs > 0) {
    await app.register(publicReadCachePlugin, {
      cache: new PublicReadCache({ ttlMs: publicCacheTtlMs, maxEntries: 10_000 }),
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kopa API',
        version: '1',
        description:
          'The public API of Kopa. Errors are `{"error":{"code","message","field"}}` in the language of Accept-Language. ' +
          'State-changing requests must send the `kopa_csrf` cookie value in the `x-kopa-csrf` header.',
      },
      servers: [{ url: deps.publicUrl }],
    },
  });
  // The API browser lives under its own policy: same-origin scripts only; its styles are inline.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP:
      "default-src 'self'; base-uri 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; " +
      "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(systemRoutes, { db: deps.db });
      await api.register(accountRoutes, {
        accounts: services.accounts,
        isSecureCookie,
        rateLimitScale: deps.rateLimitScale,
      });
      await api.register(clusterRoutes, { ...services, rateLimitScale: deps.rateLimitScale });
      await api.register(organisationRoutes, {
        organisations: services.organisations,
        rateLimitScale: deps.rateLimitScale,
      });
      await api.register(currencyRoutes, {
        currency: services.currency,
        figures: services.currencyFigures,
        rateLimitScale: deps.rateLimitScale,
      });
      await api.register(paymentRequestRoutes, { ...services, rateLimitScale: deps.rateLimitScale });
      await api.register(clearingRoutes, {
        invoices: services.invoices,
        rounds: services.clearingRounds,
        rateLimitScale: deps.rateLimitScale,
      });
      await api.register(marketplaceRoutes, {
        listings: services.listings,
        orders: services.orders,
        rateLimitScale: deps.rateLimitScale,
      });
      await api.register(participationRoutes, { ...services, rateLimitScale: deps.rateLimitScale });
      await api.register(budgetingRoutes, { ...services, rateLimitScale: deps.rateLimitScale });
      await api.register(transparencyRoutes, { transparency: services.transparency });
      await api.register(adminRoutes, { admin: services.admin });
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = deps.serveWeb !== false && existsSync(path.join(WEB_DIST_DIR, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // Any page address belongs to the single-page app, which shows its own "not found".
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(request, reply, new AppError('http.not_found', 404));
  });

  return app;
}
