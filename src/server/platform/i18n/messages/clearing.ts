/** Errors of the clearing module. */
import type { Translations } from './translations.ts';

export const CLEARING_ERRORS = {} as const satisfies Record<string, Translations>;
