/**
 * Forward-only migrations: numbered SQL files in `migrations/`, each applied in its own
 * transaction and recorded, so a failed one leaves nothing behind and is retried next start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, file), 'utf8') }));
}

/** Applies the migrations not yet applied; returns the names it applied. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS kopa_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const wasApplied = await db.transaction().execute(async (tx) => {
      // Two processes migrating at once: the table lock makes the second wait, then skip.
      await sql`LOCK TABLE kopa_migration IN EXCLUSIVE MODE`.execute(tx);
      const done = await sql<{
        name: string;
      }>`SELECT name FROM kopa_migration WHERE name = ${migration.name}`.execute(tx);
      if (done.rows.length > 0) return false;
      await sql.raw(migration.sql).execute(tx);
      await sql`INSERT INTO kopa_migration (name) VALUES (${migration.name})`.execute(tx);
      return true;
    });
    if (wasApplied) applied.push(migration.name);
  }
  return applied;
}
