/**
 * Dates and times in the reader's language and time zone. Calendar dates (YYYY-MM-DD, such as
 * "effective on") are days, not instants: they are shown as written, without a time-zone shift.
 */
import { FormattedDate } from 'react-intl';

export function CalendarDate({ value }: { value: string }) {
  return (
    <time dateTime={value}>
      <FormattedDate value={`${value}T12:00:00Z`} timeZone="UTC" dateStyle="long" />
    </time>
  );
}

export function DateTime({ value, style = 'medium' }: { value: string; style?: 'medium' | 'long' }) {
  return (
    <time dateTime={value}>
      <FormattedDate value={value} dateStyle={style} timeStyle="short" />
    </time>
  );
}
