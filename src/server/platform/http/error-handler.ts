/**
 * Turns every failure into `{"error":{"code","message","field"}}` in the reader's language. Only
 * what we did not foresee becomes a 500, and its log line carries no request body.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type MessageParams } from '../errors.ts';
import type { ErrorCode } from '../i18n/server-messages.ts';
import { errorMessage } from '../i18n/translate.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fieldOf(issue: ValidationIssue): string | undefined {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  const field = [path, typeof extra === 'string' ? extra : ''].filter(Boolean).join('.');
  return field || undefined;
}

function fromValidation(issue: ValidationIssue, context: string | undefined): AppError {
  const limit = Number(issue.params.limit);
  const field = fieldOf(issue);
  const at = (code: ErrorCode, params: MessageParams = {}) =>
    new AppError(code, 400, params, context === 'body' || !context ? field : `${context}.${field ?? ''}`);
  switch (issue.keyword) {
    case 'required':
      return at('validation.required');
    case 'maxLength':
      return at('validation.too_long', { max: limit });
    case 'minLength':
      return limit <= 1 ? at('validation.required') : at('validation.too_short', { min: limit });
    case 'pattern':
    case 'format':
      return at('validation.format');
    case 'enum':
    case 'const':
    case 'anyOf':
      return at('validation.not_allowed_value');
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at('validation.out_of_range');
    case 'maxItems':
      return at('validation.too_many', { max: limit });
    case 'minItems':
      return at('validation.required');
    default:
      return at('validation.invalid');
  }
}

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation && error.validation.length > 0) {
    return fromValidation(error.validation[0] as unknown as ValidationIssue, error.validationContext);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation.body_malformed', 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('validation.body_too_large', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation.unsupported_media_type', 415);
  }
  if (error instanceof SyntaxError && error.statusCode === 400)
    return new AppError('validation.body_malformed', 400);
  if (error.statusCode === 429) return new AppError('auth.rate_limited', 429);
  if (error.statusCode === 413) return new AppError('validation.body_too_large', 413);
  if (error.statusCode === 404) return new AppError('http.not_found', 404);
  const pgCode = (error as unknown as { code?: string }).code ?? '';
  // A value PostgreSQL could not read as a uuid or a time (a forged pagination cursor, say).
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008')
    return new AppError('validation.format', 400);
  if (pgCode === 'ECONNREFUSED' || pgCode.startsWith('57P') || pgCode.startsWith('08')) {
    return new AppError('service.unavailable', 503);
  }
  // Every pooled connection stayed busy past the pool's wait: overload, worth a retry, not a bug.
  if (error.message === 'timeout exceeded when trying to connect') {
    return new AppError('service.unavailable', 503);
  }
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: errorMessage(error.code, request.locale, error.params),
      ...(error.field ? { field: error.field } : {}),
    },
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) return sendError(request, reply, known);
    request.log.error(
      { err: { message: error.message, stack: error.stack, code: error.code } },
      'unexpected error',
    );
    return sendError(request, reply, new AppError('internal.error', 500));
  });
}
