/** Errors of the marketplace module. */
import type { Translations } from './translations.ts';

export const MARKETPLACE_ERRORS = {} as const satisfies Record<string, Translations>;

export const MARKETPLACE_MAILS = {} as const satisfies Record<string, Translations>;
