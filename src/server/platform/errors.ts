/**
 * One error class for everything a user can get wrong, each with a stable code. The HTTP layer
 * turns it into `{"error":{"code","message","field"}}` with the message in the reader's language.
 */
import type { ErrorCode } from './i18n/server-messages.ts';

export type MessageParams = Readonly<Record<string, string | number>>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: MessageParams = {},
    /** The request field the error is about, as a dotted path (`email`, `languages.0`). */
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, field?: string, params: MessageParams = {}) =>
  new AppError(code, 400, params, field);
export const conflict = (code: ErrorCode, field?: string, params: MessageParams = {}) =>
  new AppError(code, 409, params, field);
export const notFound = (code: ErrorCode, params: MessageParams = {}) => new AppError(code, 404, params);
export const forbidden = (params: MessageParams = {}) => new AppError('auth.forbidden', 403, params);
export const unauthenticated = () => new AppError('auth.required', 401);
