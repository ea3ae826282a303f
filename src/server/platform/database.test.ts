import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { parseTimestamp } from './database.ts';

describe('a timestamp read from PostgreSQL', () => {
  it('is the same instant whichever form the server writes it in', () => {
    const forms: [string, string][] = [
      ['2026-11-30 07:44:34.326123+00', '2026-11-30T07:44:34.326Z'],
      ['2026-11-30 07:44:34.3269+00', '2026-11-30T07:44:34.326Z'],
      ['2026-11-30 07:44:34+00', '2026-11-30T07:44:34.000Z'],
      ['2026-11-30 07:44:34.5+00', '2026-11-30T07:44:34.500Z'],
      ['2026-11-30 09:44:34.326+02', '2026-11-30T07:44:34.326Z'],
      ['2026-11-30 02:14:34.326-05:30', '2026-11-30T07:44:34.326Z'],
    ];
    for (const [written, instant] of forms) expect(parseTimestamp(written).toISOString()).toBe(instant);
    expect(parseTimestamp('infinity')).toBe(Number.POSITIVE_INFINITY);
  });

  it('comes back as it was stored, to the millisecond', async () => {
    const database = await createTestDatabase();
    try {
      const stored = new Date('2026-02-28T23:59:59.999Z');
      const { rows } = await sql<{ at: Date; zone: string }>`
        SELECT ${stored}::timestamptz AS at, current_setting('TimeZone') AS zone`.execute(database.db);
      expect(rows[0]?.at.toISOString()).toBe(stored.toISOString());
    } finally {
      await database.drop();
    }
  });
});

describe('text in the embedded database', () => {
  it('is ordered by code point, and folds case in every alphabet', async () => {
    const database = await createTestDatabase();
    try {
      const { rows } = await sql<{ lowered: string; isFound: boolean; order: string[] }>`
        SELECT lower('ĀBELE ŠĶŪNIS ДОМ ΩΜΕΓΑ') AS lowered,
          'Rēzekne' ILIKE '%RĒZ%' AS "isFound",
          (SELECT array_agg(word ORDER BY word) FROM unnest(ARRAY['ābele', 'Zeme', 'apse', 'Ābele']) AS word)
            AS order`.execute(database.db);
      expect(rows[0]).toEqual({
        lowered: 'ābele šķūnis дом ωμεγα',
        isFound: true,
        // As the C locale orders: capitals before small letters, accented letters after z.
        order: ['Zeme', 'apse', 'Ābele', 'ābele'],
      });
    } finally {
      await database.drop();
    }
  });
});
