/**
 * A short-lived cache of public reads for anonymous readers — the cluster page, the member
 * directory, organisation pages, the public audit log — which are the same for every anonymous
 * reader and read far more often than they change (see docs/decisions/0002-public-read-cache.md).
 *
 * Freshness: a write through this process invalidates the cluster's entries once it has committed
 * (before its response is sent, so the writer reads its own change), and a generation check keeps a
 * read that raced the write from storing what it saw. Writes by other processes (another server,
 * the CLI) are seen when an entry expires, after `ttlMs` at most. Signed-in readers never use it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's anonymous 200 responses may be served from the public read cache. */
    publicCache?: boolean;
    /** A write that changes nothing anonymous readers see (sign-in, one's own account): no invalidation. */
    isPublicCacheNeutral?: boolean;
  }
  interface FastifyRequest {
    publicCacheTicket?: { key: string; tag: string; generation: number } | null;
  }
}

export interface PublicReadCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

interface Entry {
  readonly body: string;
  readonly contentType: string;
  readonly tag: string;
  readonly expiresAt: number;
}

const ALL_CLUSTERS = '*';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class PublicReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;

  constructor(private readonly options: PublicReadCacheOptions) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  generationOf(tag: string): number {
    return this.globalGeneration * 1_000_003 + (this.generations.get(tag) ?? 0);
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used goes first when full: re-insert to move this one to the back.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, tag: string, generation: number, body: string, contentType: string): void {
    if (generation !== this.generationOf(tag)) return;
    this.entries.set(key, { body, contentType, tag, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(tag: string): void {
    this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
    this.generations.set(ALL_CLUSTERS, (this.generations.get(ALL_CLUSTERS) ?? 0) + 1);
    for (const [key, entry] of this.entries)
      if (entry.tag === tag || entry.tag === ALL_CLUSTERS) this.entries.delete(key);
  }

  clear(): void {
    this.globalGeneration += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function tagOf(request: FastifyRequest): string {
  const slug = (request.params as { slug?: unknown } | undefined)?.slug;
  return typeof slug === 'string' ? slug : ALL_CLUSTERS;
}

export const publicReadCachePlugin = fp<{ cache: PublicReadCache }>(
  async (app: FastifyInstance, { cache }) => {
    app.decorateRequest('publicCacheTicket', null);

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (
        request.method !== 'GET' ||
        request.viewer !== null ||
        request.routeOptions.config.publicCache !== true
      )
        return;
      const key = request.url;
      const hit = cache.get(key);
      if (hit) {
        return reply.header('content-type', hit.contentType).header('x-kopa-cache', 'hit').send(hit.body);
      }
      const tag = tagOf(request);
      request.publicCacheTicket = { key, tag, generation: cache.generationOf(tag) };
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (UNSAFE_METHODS.has(request.method)) {
        // The write has committed by now; what it changed must not be served from the cache.
        if (reply.statusCode < 400 && request.routeOptions.config.isPublicCacheNeutral !== true) {
          const tag = tagOf(request);
          if (tag === ALL_CLUSTERS) cache.clear();
          else cache.invalidate(tag);
        }
        return payload;
      }
      const ticket = request.publicCacheTicket;
      if (ticket && reply.statusCode === 200 && typeof payload === 'string') {
        cache.set(
          ticket.key,
          ticket.tag,
          ticket.generation,
          payload,
          String(reply.getHeader('content-type') ?? 'application/json'),
        );
      }
      return payload;
    });
  },
);
