/** Calendar days given by a client (a due date, a first payment date): real days, and not past. */
import { isCalendarDate } from '../../../domain/currency/recurrence.ts';
import { badRequest } from '../../platform/errors.ts';
import type { ErrorCode } from '../../platform/i18n/server-messages.ts';

export function requireDay(day: string, field: string): void {
  if (!isCalendarDate(day)) throw badRequest('validation.format', field);
}

/** `today` is the server's UTC day; a day before it is refused with `pastCode`. */
export function requireDayFrom(day: string, today: string, field: string, pastCode: ErrorCode): void {
  requireDay(day, field);
  if (day < today) throw badRequest(pastCode, field);
}
