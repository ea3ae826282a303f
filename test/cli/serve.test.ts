/**
 * `kopa serve` as a newcomer runs it: embedded PostgreSQL in a data directory, demo data on first
 * start, a clean stop on SIGTERM, one server per data directory, and CLI commands that work with or
 * without the server.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../src/server/platform/embedded-postgres.ts';

const run = promisify(execFile);
const dataDir = path.join(inject('testDataRoot'), 'serve-test');
let server: ChildProcess | undefined;
let output = '';

const env = (port: number) => ({
  ...process.env,
  PORT: String(port),
  KOPA_DATA_DIR: dataDir,
  KOPA_DEMO: 'true',
  DATABASE_URL: '',
});

function kopa(args: string[], port: number) {
  return run('node', ['bin/kopa.mjs', ...args], { env: env(port) }).then(
    (result) => ({ code: 0, output: result.stdout + result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

async function waitFor(text: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!output.includes(text)) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for "${text}"; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(() => {
  server?.kill('SIGKILL');
});

describe('kopa serve', () => {
  it('starts on the embedded database with the demo, refuses a second server, stops cleanly', async () => {
    const port = await findFreePort();
    server = spawn('node', ['bin/kopa.mjs', 'serve'], { env: env(port) });
    server.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => server?.on('exit', (code) => resolve(code)));
    await waitFor('Kopa is serving', 90_000);
    expect(output).toContain('Demo sign-ins');
    expect(output).toContain('coordinatrice@roccavaldina.example');

    const health = await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'ok' });
    const clusters = await (await fetch(`http://127.0.0.1:${port}/api/v1/clusters`)).json();
    expect(clusters.items.map((c: { slug: string }) => c.slug)).toEqual([
      'luznava',
      'ploucs',
      'roccavaldina',
    ]);

    const second = await kopa(['serve'], await findFreePort());
    expect(second.code).toBe(1);
    expect(second.output).toContain('Kopa is already running on this data directory');

    const verify = await kopa(['audit', 'verify'], port);
    expect(verify.code).toBe(0);
    expect(verify.output).toContain('Using the PostgreSQL already running');
    expect(verify.output.match(/^ok\s+/gm)).toHaveLength(3);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('Kopa stopped cleanly.');
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const offline = await kopa(['audit', 'verify', '--cluster', 'ploucs'], port);
    expect(offline.code).toBe(0);
    expect(offline.output).toMatch(/ok\s+ploucs/);
  }, 180_000);
});
