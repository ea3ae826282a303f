/**
 * Makes sure dist/web holds a build of the current web sources. `npm test` builds first; when a
 * browser test runs on its own, a stale or missing build is rebuilt here (once, under a lock, as
 * test files run in parallel).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCES = [path.join(ROOT, 'src/web'), path.join(ROOT, 'vite.config.ts')];
const BUILT = path.join(ROOT, 'dist/web/index.html');
const LOCK = path.join(ROOT, 'dist/.web-build.lock');
const LOCK_STALE_MS = 120_000;

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(BUILT)) return false;
  const builtAt = statSync(BUILT).mtimeMs;
  return SOURCES.every((source) => newestChange(source) <= builtAt);
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK, { recursive: false });
    return true;
  } catch {
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

export async function ensureWebBuild(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  while (!isFresh()) {
    if (tryLock()) {
      try {
        if (!isFresh()) {
          await promisify(execFile)(
            process.execPath,
            [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
            {
              cwd: ROOT,
              // Vitest sets NODE_ENV=test, which would give a development build of React.
              env: { ...process.env, NODE_ENV: 'production' },
            },
          );
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
