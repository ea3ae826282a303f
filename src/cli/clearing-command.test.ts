import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'kopa-clearing-'));
const csv = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const kopa = (...args: string[]) =>
  run('node', ['bin/kopa.mjs', ...args]).then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

describe('kopa clearing compute', () => {
  it('prints one JSON object: total, cleared and the obligations that remain', async () => {
    const file = csv('ring.csv', 'debtor,creditor,amount\nA,B,5000\nB,C,3000\nC,A,4000\n');
    const result = await kopa('clearing', 'compute', file, '--json');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout.trim().split('\n').at(-1) as string);
    expect(output.total).toBe(12000);
    expect(output.cleared).toBe(9000);
    expect(output.remaining).toEqual(
      expect.arrayContaining([
        { debtor: 'A', creditor: 'B', amount: 2000 },
        { debtor: 'C', creditor: 'A', amount: 1000 },
      ]),
    );
    expect(output.remaining).toHaveLength(2);
  }, 30_000);

  it('names the line of a malformed row and exits 2', async () => {
    const file = csv('bad.csv', 'debtor,creditor,amount\nA,B,10\nB,C,12.5\n');
    const result = await kopa('clearing', 'compute', file, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 3: the amount must be a positive whole number of minor units');
    expect(result.stdout).toBe('');
  }, 30_000);
});
