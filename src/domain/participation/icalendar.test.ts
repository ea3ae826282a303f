import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine } from './icalendar.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;

const meeting = {
  uid: '0190f1d2-1111-7000-8000-000000000001@kopa.test',
  stampedAt: new Date('2026-04-01T08:00:00.123Z'),
  startsAt: new Date('2026-05-01T16:00:00Z'),
  endsAt: new Date('2026-05-01T18:30:00Z'),
  summary: 'Atklātā sanāksme: vecā amatu kvartāla nākotne; idejas, jautājumi, kafija',
  description: 'Darba kārtība:\n1. Ievads, 10 min\n2. Idejas; balsojums\\diskusija',
  location: 'Rīgas iela 5, Daugavpils',
  url: 'https://meet.example.org/crafts',
};

describe('iCalendar files', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'ā'.repeat(100)}`);
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(
      `SUMMARY:${'ā'.repeat(100)}`,
    );
  });

  it('writes CRLF lines of at most 75 octets that a strict parser reads back to the same values', () => {
    const text = calendar('Regenerating the old crafts area', [
      meeting,
      { ...meeting, uid: 'second@kopa.test', url: '' },
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(lines.every((line) => octets(line) <= 75)).toBe(true);
    const parsed = new ICAL.Component(ICAL.parse(text));
    expect(parsed.getFirstPropertyValue('version')).toBe('2.0');
    expect(parsed.getFirstPropertyValue('prodid')).toBeTruthy();
    const [first, second] = parsed.getAllSubcomponents('vevent');
    const event = new ICAL.Event(first);
    expect(event.uid).toBe(meeting.uid);
    expect(event.summary).toBe(meeting.summary);
    expect(event.description).toBe(meeting.description);
    expect(event.location).toBe(meeting.location);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-05-01T16:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-05-01T18:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(first?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-04-01T08:00:00Z');
    expect(first?.getFirstPropertyValue('url')).toBe(meeting.url);
    expect(second?.getFirstPropertyValue('url')).toBeNull();
  });

  it('leaves out an address that is not a plain web address rather than break the file', () => {
    const text = calendar('x', [{ ...meeting, url: 'javascript:alert(1)' }]);
    expect(text).not.toContain('URL:');
  });
});
