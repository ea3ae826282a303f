/**
 * Places a server error in a form: beside the field it names (React Aria's Form
 * `validationErrors`, keyed by field name), or at the top of the form when no field of this form
 * matches.
 */
import { isApiError } from '../api/api-error.ts';

export interface PlacedErrors {
  readonly fieldErrors: Record<string, string>;
  readonly formError: unknown;
}

export function placeApiError(error: unknown, fieldNames: readonly string[]): PlacedErrors {
  if (!error) return { fieldErrors: {}, formError: null };
  if (isApiError(error) && error.field) {
    // "languages.0" is about the languages field.
    const field = fieldNames.find((name) => error.field === name || error.field?.startsWith(`${name}.`));
    if (field) return { fieldErrors: { [field]: error.message }, formError: null };
  }
  return { fieldErrors: {}, formError: error };
}
