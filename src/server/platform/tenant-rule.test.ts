/**
 * The tenant rule, read from PostgreSQL's catalogue: every table that belongs to a cluster has
 * cluster_id in its primary key and in every foreign key into it, so the schema can be
 * distributed by cluster (Citus) without a rewrite. Instance-wide tables are named here.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from './database.ts';

const INSTANCE_TABLES = [
  'person',
  'session',
  'email_token',
  'mail_outbox',
  'audit_signing_key',
  'kopa_migration',
];

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop();
});

interface Constraint {
  table: string;
  kind: 'p' | 'f';
  columns: string[];
  referenced: string | null;
  referencedColumns: string[] | null;
}

async function constraints(): Promise<Constraint[]> {
  const { rows } = await sql<Constraint>`
    select c.conrelid::regclass::text as table,
           c.contype as kind,
           array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as columns,
           c.confrelid::regclass::text as referenced,
           case when c.contype = 'f'
             then array(select a.attname from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k)::text[]
           end as "referencedColumns"
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype in ('p', 'f')`.execute(db);
  return rows.map((row) => ({ ...row, referenced: row.referenced === '-' ? null : row.referenced }));
}

async function tables(): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db);
  return rows.map((row) => row.name);
}

/** A cluster-owned table is keyed by its cluster: `cluster` itself by id, the others by cluster_id. */
const tenantKeyOf = (table: string) => (table === 'cluster' ? 'id' : 'cluster_id');

describe('the tenant rule', () => {
  it('knows every table: each is cluster-owned or named as instance-wide', async () => {
    const all = await tables();
    const { rows } = await sql<{ table: string }>`
      select table_name as table from information_schema.columns where table_schema = 'public' and column_name = 'cluster_id'`.execute(
      db,
    );
    const withClusterId = new Set(rows.map((row) => row.table));
    const unclassified = all.filter(
      (table) => table !== 'cluster' && !withClusterId.has(table) && !INSTANCE_TABLES.includes(table),
    );
    expect(unclassified).toEqual([]);
  });

  it('puts cluster_id in the primary key of every cluster-owned table', async () => {
    const all = await tables();
    const primaryKeys = (await constraints()).filter((c) => c.kind === 'p');
    const clusterOwned = all.filter((table) => !INSTANCE_TABLES.includes(table));
    const offenders = clusterOwned.filter((table) => {
      const key = primaryKeys.find((c) => c.table === table);
      return !key?.columns.includes(tenantKeyOf(table));
    });
    expect(offenders).toEqual([]);
  });

  it('puts cluster_id in every foreign key into a cluster-owned table', async () => {
    const foreignKeys = (await constraints()).filter(
      (c) => c.kind === 'f' && c.referenced && !INSTANCE_TABLES.includes(c.referenced),
    );
    expect(foreignKeys.length).toBeGreaterThan(0);
    const offenders = foreignKeys.filter((fk) => {
      const at = fk.referencedColumns?.indexOf(tenantKeyOf(fk.referenced as string)) ?? -1;
      return at < 0 || fk.columns[at] !== 'cluster_id';
    });
    expect(offenders.map((fk) => `${fk.table} → ${fk.referenced} (${fk.columns.join(', ')})`)).toEqual([]);
  });

  it('puts cluster_id in every unique constraint of a cluster-owned table', async () => {
    const { rows } = await sql<{ table: string; columns: string[] }>`
      select c.conrelid::regclass::text as table,
             array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as columns
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype = 'u'`.execute(db);
    // The registry of clusters itself is small and instance-wide (a reference table under Citus),
    // so its slug may be unique on its own.
    const offenders = rows.filter(
      (row) =>
        !INSTANCE_TABLES.includes(row.table) &&
        row.table !== 'cluster' &&
        !row.columns.includes('cluster_id'),
    );
    expect(offenders.map((row) => `${row.table} (${row.columns.join(', ')})`)).toEqual([]);
  });

  it('would catch a table that breaks it', async () => {
    await sql`create table bad_example (id uuid primary key, cluster_id uuid not null references cluster (id))`.execute(
      db,
    );
    const primaryKeys = (await constraints()).filter((c) => c.kind === 'p' && c.table === 'bad_example');
    expect(primaryKeys[0]?.columns).toEqual(['id']);
    await sql`drop table bad_example`.execute(db);
  });
});
