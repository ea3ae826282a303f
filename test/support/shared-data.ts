/**
 * The real data beside the project (`../shared/data`: Pabulib instances with their official
 * outcomes). It is there in CI; a run without it fails and says why, rather than skipping the
 * tests that prove Kopa reproduces real outcomes.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PABULIB_DIR = path.resolve(process.cwd(), '../shared/data/pabulib');

/** The `.pb` files of the shared data; throws when the directory is missing or empty. */
export function sharedPabulibFiles(): string[] {
  const names = existsSync(PABULIB_DIR)
    ? readdirSync(PABULIB_DIR).filter((name) => name.endsWith('.pb'))
    : [];
  if (names.length === 0) {
    throw new Error(
      `No Pabulib files in ${PABULIB_DIR}: these tests need the shared data beside the project ` +
        '(../shared/data/pabulib, as in CI).',
    );
  }
  return names;
}
