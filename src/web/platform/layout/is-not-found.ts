/** Whether a failed query means "there is nothing here for you" (the page then says so). */
import { isApiError } from '../api/api-error.ts';

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
