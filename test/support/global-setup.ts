/**
 * Starts one throw-away embedded PostgreSQL for the run and migrates a template database that
 * each test file clones (CREATE DATABASE … TEMPLATE is far faster than migrating per file).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/server/platform/database.ts';
import { startEmbeddedPostgres } from '../../src/server/platform/embedded-postgres.ts';
import { migrate } from '../../src/server/platform/migrations.ts';

export const TEMPLATE_DATABASE = 'kopa_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    testDataRoot: string;
  }
}

export default async function setup(project: TestProject) {
  // Under the system temp folder, which the postgres user can reach wherever the checkout lives.
  const root = mkdtempSync(path.join(tmpdir(), 'kopa-test-'));
  chmodSync(root, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), isEphemeral: true });
  const admin = connectDatabase(database.url, 1);
  await sql.raw(`CREATE DATABASE ${TEMPLATE_DATABASE}`).execute(admin);
  await admin.destroy();
  const templateUrl = new URL(database.url);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const template = connectDatabase(templateUrl.toString(), 1);
  await migrate(template);
  await template.destroy();

  project.provide('postgresAdminUrl', database.url);
  project.provide('testDataRoot', root);
  return async () => {
    await database.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
