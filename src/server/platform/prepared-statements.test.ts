import { describe, expect, it } from 'vitest';
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
