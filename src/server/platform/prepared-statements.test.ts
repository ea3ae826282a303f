import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { StatementNames } from './prepared-statements.ts';

const lookup = 'select "id" from "cluster" where "slug" = $1';

describe('Statement names', () => {
  it('name a text once it has been sent often enough, and always the same name after', () => {
    const names = new StatementNames(3);
    expect(names.nameFor(lookup)).toBeUndefined();
    expect(names.nameFor(lookup)).toBeUndefined();
    const name = names.nameFor(lookup);
    expect(name).toMatch(/^kopa_\d+$/);
    expect(names.nameFor(lookup)).toBe(name);
  });

  it('give different texts different names', () => {
    const names = new StatementNames(1);
    expect(names.nameFor(lookup)).not.toBe(names.nameFor('update "cluster" set "name" = $1'));
  });

  it('never name transaction control or schema changes', () => {
    const names = new StatementNames(1);
    for (const text of ['begin', 'commit', 'savepoint kopa_write', 'create index x on y (z)'])
      expect(names.nameFor(text)).toBeUndefined();
  });

  it('never name a search by a pattern, whose best plan depends on the pattern', () => {
    const names = new StatementNames(1);
    expect(
      names.nameFor('select "id" from "currency_transfer" where "description" ilike $1'),
    ).toBeUndefined();
    expect(names.nameFor('select "id" from "organisation" where "name" like $1')).toBeUndefined();
  });

  it('stop naming new texts at the bound, and keep the names already given', () => {
    const names = new StatementNames(1, 2);
    const first = names.nameFor('select 1');
    names.nameFor('select 2');
    expect(names.nameFor('select 3')).toBeUndefined();
    expect(names.nameFor('select 1')).toBe(first);
  });
});

describe('a paged list, prepared on a connection', () => {
  /** Prepares the page's statement under a name, runs it eight times, and says how it was planned. */
  async function plansOf(client: pg.Client, name: string, compiled: CompiledQuery): Promise<PlanCounts> {
    for (let run = 0; run < 8; run++)
      await client.query({ name, text: compiled.sql, values: [...compiled.parameters] });
    const { rows } = await client.query<PlanCounts>(
      'SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1',
      [name],
    );
    return rows[0] as PlanCounts;
  }
  interface PlanCounts {
    generic: number;
    custom: number;
  }

  it('keeps one generic plan after its first runs, because its page size is in the text', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`
        CREATE TEMP TABLE ranked AS
          SELECT n AS id, n % 7 AS list_id, (n * 7919) % 1000 AS score FROM generate_series(1, 20000) AS n;
        CREATE INDEX ON ranked (list_id, score DESC, id DESC);
        ANALYZE ranked`);
      const typed = database.db.withTables<{ ranked: { id: number; list_id: number; score: number } }>();
      const page = (db: typeof typed) =>
        db
          .selectFrom('ranked')
          .selectAll()
          .where('list_id', '=', 3)
          .orderBy('score', 'desc')
          .orderBy('id', 'desc')
          .limit(21)
          .compile();
      const withSizeInText = page(typed);
      expect(withSizeInText.sql).toMatch(/limit 21$/);
      expect(withSizeInText.parameters).toEqual([3]);
      expect(await plansOf(client, 'with_size_in_text', withSizeInText)).toEqual({ generic: 3, custom: 5 });

      // Bound, the size is costed as a tenth of the rows: the list is planned on every run.
      const withSizeBound = page(typed.withoutPlugins());
      expect(withSizeBound.parameters).toEqual([3, 21]);
      expect(await plansOf(client, 'with_size_bound', withSizeBound)).toEqual({ generic: 0, custom: 8 });
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
