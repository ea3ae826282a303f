/**
 * The one way the web app talks to Kopa: JSON over /api/v1, cookies for the session, and the
 * CSRF double-submit header on every state-changing call.
 */
import { ApiError } from './api-error.ts';

const API_ROOT = '/api/v1';
const CSRF_COOKIE = 'kopa_csrf';
const CSRF_HEADER = 'x-kopa-csrf';
const TIMEOUT_MS = 20_000;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Readonly<Record<string, string | number | undefined | null>>;

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The server sets the CSRF cookie on any /api GET; a first write before any read fetches it. */
export async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch(`${API_ROOT}/session`, { credentials: 'same-origin' });
  return readCookie(CSRF_COOKIE) ?? '';
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_ROOT}${path}${search ? `?${search}` : ''}`;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error?.code && body.error.message) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.field, body);
    }
  } catch {
    // not Kopa's error shape: fall through
  }
  return new ApiError(response.status, 'http.unexpected', response.statusText || String(response.status));
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new ApiError(0, 'network.unreachable', '');
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /**
   * A write the server deduplicates by its `Idempotency-Key` (currency writes): the caller makes the
   * key once per intention and sends the same one on a retry, so a lost answer never pays twice.
   */
  idempotent: <T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, key: string) =>
    request<T>(method, path, body, undefined, { 'idempotency-key': key }),
};
