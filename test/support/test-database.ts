/** A fresh database per test file, cloned from the migrated template. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { connectDatabase, type Db } from '../../src/server/platform/database.ts';

const TEMPLATE_DATABASE = 'kopa_test_template';

/** `onStatement` hears the text of every statement the returned handle sends. */
export async function createTestDatabase(
  onStatement?: (text: string) => void,
): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `kopa_test_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(adminUrl, 1);
  // Cloning needs the template to have no other sessions; retry briefly if a sibling is cloning.
  for (let attempt = 0; ; attempt++) {
    try {
      await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`).execute(admin);
      break;
    } catch (error) {
      if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connectDatabase(url.toString(), 10, {
    log:
      onStatement &&
      ((event) => {
        if (event.level === 'query') onStatement(event.query.sql);
      }),
  });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
      await admin.destroy();
    },
  };
}
