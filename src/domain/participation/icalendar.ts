/**
 * iCalendar (RFC 5545) for meetings: one file per meeting and a feed per process. Lines end in
 * CRLF and are folded at 75 octets (never inside a UTF-8 character); text values are escaped; times
 * are in UTC; each event has a stable UID and a DTSTAMP.
 */

export interface CalendarEvent {
  readonly uid: string;
  readonly stampedAt: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly summary: string;
  readonly description: string;
  readonly location: string;
  /** An http(s) address, or '' for none. */
  readonly url: string;
}

const MAX_LINE_OCTETS = 75;

/** `20260501T090000Z`: a date-time in UTC, the form RFC 5545 calls FORM #2. */
export function utcDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Control characters other than the tab, which iCalendar TEXT may not carry (RFC 5545 §3.1). */
const isForbiddenControl = (character: string) => {
  const code = character.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
};

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return [...escaped].filter((character) => !isForbiddenControl(character)).join('');
}

/** Splits a content line into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string[] {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  lines.push(current);
  return lines;
}

function eventLines(event: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stampedAt)}`,
    `DTSTART:${utcDateTime(event.startsAt)}`,
    `DTEND:${utcDateTime(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== '') lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== '') lines.push(`LOCATION:${escapeText(event.location)}`);
  // A URI value is not TEXT: it is not escaped, so anything but a plain web address is left out.
  if (/^https?:\/\/[^\s"<>\\]+$/.test(event.url)) lines.push(`URL:${event.url}`);
  lines.push('STATUS:CONFIRMED', 'END:VEVENT');
  return lines;
}

/** A whole calendar with its events, ready to serve as `text/calendar`. */
export function calendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kopa//Participation//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.flatMap(foldLine).join('\r\n')}\r\n`;
}
