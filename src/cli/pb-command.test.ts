import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PABULIB_DIR } from '../../test/support/shared-data.ts';
import { runPbCommand } from './pb-command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kopa-pb-'));
const SWIECIE = path.join(PABULIB_DIR, 'Poland_Swiecie_2023.pb');
const pbFile = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const kopa = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', ['bin/kopa.mjs', ...args], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const SMALL = `META
key;value
budget;10
vote_type;approval
rule;greedy
PROJECTS
project_id;cost
a;6
b;5
c;3
VOTES
voter_id;vote
1;a,b
2;a,c
3;a,b,c
`;

// Each case starts the real CLI, which takes a moment: they run side by side.
describe.concurrent('kopa pb compute', () => {
  it('prints one JSON object: the selected project ids, the money spent, the time, and with --explain each project', async () => {
    const result = await kopa(
      'pb',
      'compute',
      pbFile('small.pb', SMALL),
      '--rule',
      'greedy',
      '--json',
      '--explain',
    );
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout.trim());
    expect(output).toMatchObject({
      rule: 'greedy',
      budget: '10',
      spent: '9',
      selected: ['a', 'c'],
      voterCount: 3,
    });
    expect(typeof output.milliseconds.compute).toBe('number');
    expect(output.projects).toHaveLength(3);
    expect(output.projects[1]).toMatchObject({
      projectId: 'b',
      reason: {
        status: 'not_funded',
        reason: 'did_not_fit',
        remainingBudget: { exact: '1', minorUnits: '100.00' },
      },
    });
  }, 30_000);

  it('runs the rule the file declares and prints a readable summary', async () => {
    const result = await kopa('pb', 'compute', SWIECIE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rule mes-add1 (the file declares equalshares/add1)');
    expect(result.stdout).toContain('17 of 22 projects funded');
    expect(result.stdout).toMatch(/Parsed in \d+ ms, computed in \d+ ms\./);
  }, 30_000);

  it('names the line and the code of a malformed file and exits 2', async () => {
    const result = await kopa('pb', 'compute', pbFile('bad.pb', SMALL.replace('3;a,b,c', '3;a,z')), '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'line 15: the vote names a project that PROJECTS does not list (z) [pb.unknown_project]',
    );
    expect(result.stdout).toBe('');
  }, 30_000);
});

/** The command in-process, for the refusals: same code path as the binary, without its start-up. */
const runInProcess = (...args: string[]) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runPbCommand(
    args,
    (line) => stdout.push(line),
    (line) => stderr.push(line),
  );
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
};

describe('kopa pb compute refuses what it cannot run, with exit code 2', () => {
  it('an unknown rule', () => {
    const result = runInProcess('compute', pbFile('rule.pb', SMALL), '--rule', 'lottery');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(
      'Unknown rule "lottery". Known: greedy, greedy-no-skip, greedy-threshold, mes,',
    );
  });

  it('a file it cannot read', () => {
    const result = runInProcess('compute', path.join(dir, 'missing.pb'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read');
  });

  it('a threshold that is not a number, or a rule that needs a threshold the file lacks', () => {
    expect(
      runInProcess('compute', pbFile('t.pb', SMALL), '--rule', 'greedy-threshold', '--threshold', 'ten').code,
    ).toBe(2);
    const missing = runInProcess('compute', pbFile('t.pb', SMALL), '--rule', 'greedy-threshold');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('give one with --threshold');
  });

  it('a file whose declared rule Kopa does not have, unless --rule names one', () => {
    const file = pbFile('unknown-rule.pb', SMALL.replace('rule;greedy', 'rule;unknown'));
    expect(runInProcess('compute', file).code).toBe(2);
    expect(runInProcess('compute', file, '--rule', 'mes-add1').code).toBe(0);
  });

  it('a missing sub-command or file, with the usage', () => {
    const result = runInProcess('compute');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: kopa pb compute FILE.pb');
  });
});
