/** Errors of the budgeting module. */
import type { Translations } from './translations.ts';

export const BUDGETING_ERRORS = {} as const satisfies Record<string, Translations>;
