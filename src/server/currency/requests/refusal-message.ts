/** A refusal stored as a code (the ledger's, when an automatic payment failed) in the reader's words. */
import type { Locale } from '../../../domain/clusters/catalogue.ts';
import { ERROR_MESSAGES, type ErrorCode } from '../../platform/i18n/server-messages.ts';
import { errorMessage } from '../../platform/i18n/translate.ts';

export function refusalMessage(code: string, locale: Locale): string {
  return errorMessage(code in ERROR_MESSAGES ? (code as ErrorCode) : 'internal.error', locale);
}
