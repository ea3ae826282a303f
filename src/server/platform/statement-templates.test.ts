import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from './database.ts';
import { StatementTemplate } from './statement-templates.ts';

let database: { db: Db; drop: () => Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('cluster')
    .values(
      ['rezekne', 'roccavaldina', 'landes'].map((slug, index) => ({
        id: `00000000-0000-7000-8000-00000000000${index}`,
        slug,
        name: slug,
        country: 'LV',
        region: '',
        languages: ['lv'],
        default_locale: 'lv',
        cluster_type: 'spatial',
        description: '',
        visibility: index === 2 ? 'members' : 'public',
        created_at: new Date(),
        updated_at: new Date(),
      })),
    )
    .execute();
});
afterAll(async () => {
  await database.drop();
});

describe('a statement template', () => {
  let builds = 0;
  const clusters = new StatementTemplate(
    (db, shape: { isPublicOnly: boolean }, values: { after: string }) => {
      builds++;
      return db
        .selectFrom('cluster')
        .select('slug')
        .where('slug', '>', values.after)
        .$if(shape.isPublicOnly, (query) => query.where('visibility', '=', 'public'))
        .orderBy('slug');
    },
  );

  it('is built once for a shape and run with each call’s values', async () => {
    const slugs = async (after: string) =>
      (await clusters.execute(database.db, { isPublicOnly: false }, { after })).map((row) => row.slug);
    expect(await slugs('')).toEqual(['landes', 'rezekne', 'roccavaldina']);
    expect(await slugs('m')).toEqual(['rezekne', 'roccavaldina']);
    expect(await slugs('rf')).toEqual(['roccavaldina']);
    expect(builds).toBe(1);
  });

  it('is built again for another shape, whose choices change the statement', async () => {
    const before = builds;
    const publicOnly = await clusters.execute(database.db, { isPublicOnly: true }, { after: '' });
    expect(publicOnly.map((row) => row.slug)).toEqual(['rezekne', 'roccavaldina']);
    expect(await clusters.executeTakeFirst(database.db, { isPublicOnly: true }, { after: 'rf' })).toEqual({
      slug: 'roccavaldina',
    });
    expect(builds).toBe(before + 1);
  });
});
