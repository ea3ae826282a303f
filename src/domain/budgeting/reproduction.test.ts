/**
 * Real outcomes: every shared Pabulib instance whose declared rule Kopa runs must come out exactly
 * as the city published it (the `selected` column).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PABULIB_DIR, sharedPabulibFiles } from '../../../test/support/shared-data.ts';
import { type Election, electionFromPb, tally } from './election.ts';
import { equalSharesRun, prepareEqualShares } from './equal-shares.ts';
import { officialSelection, type PbFile, parsePb } from './pabulib.ts';
import { compare, floor, mul, type Rational, rational, sum } from './rational.ts';
import { RULE_NAMES, ruleDeclaredBy, runRule } from './rules.ts';

const names = sharedPabulibFiles();

const loaded = new Map<string, { file: PbFile; election: Election }>();
const load = (name: string) => {
  let instance = loaded.get(name);
  if (!instance) {
    const file = parsePb(readFileSync(path.join(PABULIB_DIR, name), 'utf8'));
    instance = { file, election: electionFromPb(file) };
    loaded.set(name, instance);
  }
  return instance;
};

const withOfficialOutcome = names.filter((name) => {
  const { file } = load(name);
  return ruleDeclaredBy(file.meta.get('rule')) !== null && officialSelection(file) !== null;
});

describe('official outcomes of the shared Pabulib instances', () => {
  it('covers Świecie (equal shares with add1), Łódź (greedy with a threshold) and every Warszawa file (greedy)', () => {
    expect(withOfficialOutcome).toContain('Poland_Swiecie_2023.pb');
    expect(withOfficialOutcome).toContain('Poland_Lodz_2022.pb');
    expect(withOfficialOutcome.filter((name) => name.startsWith('Poland_Warszawa_'))).toEqual(
      names.filter((name) => name.startsWith('Poland_Warszawa_')),
    );
  });

  it.each(withOfficialOutcome)('%s: the declared rule funds exactly the published projects', (name) => {
    const { file, election } = load(name);
    const rule = ruleDeclaredBy(file.meta.get('rule'));
    if (!rule) throw new Error(`${name} declares no rule Kopa runs`);
    const outcome = runRule(election, rule);
    const selected = outcome.selected.map((index) => election.projects[index]?.id as string);
    expect([...selected].sort()).toEqual([...(officialSelection(file) ?? [])].sort());
  });

  it('Świecie 2023: add1 settles on a share of 662 złoty and every funded project is paid exactly', () => {
    const { election } = load('Poland_Swiecie_2023.pb');
    const outcome = runRule(election, 'mes-add1');
    expect(outcome.equalShares?.perVoterShare).toEqual(rational(662));
    const prepared = prepareEqualShares(election, tally(election));
    const run = equalSharesRun(prepared, rational(662), { keepAccounts: true });
    for (const [index, payments] of run.payments ?? []) {
      const collected = sum(
        payments.map((paid, group) => mul(paid, rational(election.ballots[group]?.voterCount ?? 0))),
      );
      expect(collected).toEqual(election.projects[index]?.cost);
    }
  });

  it('Łódź 2022 (90,494 voters): equal shares with add1 stays within the budget', () => {
    const { election } = load('Poland_Lodz_2022.pb');
    const outcome = runRule(election, 'mes-add1');
    expect(compare(outcome.spent, election.budget)).toBeLessThanOrEqual(0);
    const start = floor(rational(election.budget.num, election.budget.den * BigInt(election.voterCount)));
    expect(compare(outcome.equalShares?.perVoterShare as Rational, rational(start))).toBeGreaterThanOrEqual(
      0,
    );
  });

  const withoutOfficialRule = names.filter((name) => !withOfficialOutcome.includes(name));
  it.each(withoutOfficialRule)('%s: every rule runs and stays within the budget', (name) => {
    const { election } = load(name);
    for (const rule of RULE_NAMES) {
      const outcome = runRule(election, rule, { threshold: rational(1) });
      expect(compare(outcome.spent, election.budget)).toBeLessThanOrEqual(0);
    }
  });
});
