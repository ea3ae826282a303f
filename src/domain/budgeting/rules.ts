/**
 * The named budgeting rules Kopa offers, one entry point to run any of them, and the mapping from
 * the rule names Pabulib files declare.
 */
import { comparisonStep, utilitarianFill } from './completion.ts';
import { type Election, tally as tallyOf } from './election.ts';
import {
  type EqualSharesOptions,
  equalShares,
  equalSharesAdd1,
  outcomeOfRun,
  prepareEqualShares,
} from './equal-shares.ts';
import { greedy } from './greedy.ts';
import type { RuleOutcome } from './outcome.ts';
import type { Rational } from './rational.ts';

export const RULE_NAMES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'mes',
  'mes-add1',
  'mes-add1-utilitarian',
  'mes-add1-comparison',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export const isRuleName = (name: string): name is RuleName =>
  (RULE_NAMES as readonly string[]).includes(name);

export interface RuleOptions extends Pick<EqualSharesOptions, 'approvalUtility'> {
  /** For `greedy-threshold`; defaults to the threshold the instance declares. */
  readonly threshold?: Rational | null;
}

export class RuleError extends Error {
  readonly code = 'budgeting.threshold_missing';
}

/**
 * Runs a rule. `mes-add1-utilitarian` is add1 followed by the utilitarian fill;
 * `mes-add1-comparison` is add1 followed by the comparison step against plain greedy.
 */
export function runRule(election: Election, rule: RuleName, options: RuleOptions = {}): RuleOutcome {
  const tally = tallyOf(election);
  switch (rule) {
    case 'greedy':
      return greedy(election, { variant: 'skip' }, tally);
    case 'greedy-no-skip':
      return greedy(election, { variant: 'stop' }, tally);
    case 'greedy-threshold': {
      const threshold = options.threshold ?? election.declaredScoreThreshold;
      if (!threshold) throw new RuleError('greedy-threshold needs a threshold; the instance declares none');
      return greedy(election, { variant: 'skip', threshold }, tally);
    }
    case 'mes':
      return equalShares(election, tally, options);
    case 'mes-add1':
    case 'mes-add1-utilitarian':
    case 'mes-add1-comparison': {
      const prepared = prepareEqualShares(election, tally, options);
      const add1 = equalSharesAdd1(prepared, options);
      const outcome = outcomeOfRun(prepared, add1.run, add1);
      if (rule === 'mes-add1-utilitarian') return utilitarianFill(election, tally, outcome);
      if (rule === 'mes-add1-comparison')
        return comparisonStep(election, outcome, greedy(election, {}, tally));
      return outcome;
    }
  }
}

const PABULIB_RULES: Readonly<Record<string, RuleName>> = {
  greedy: 'greedy',
  'greedy-threshold': 'greedy-threshold',
  'greedy-no-skip': 'greedy-no-skip',
  equalshares: 'mes',
  'equalshares/add1': 'mes-add1',
};

/** The Kopa rule for a Pabulib META `rule` value, or null when Kopa has none (e.g. `unknown`). */
export const ruleDeclaredBy = (pabulibRule: string | undefined): RuleName | null =>
  PABULIB_RULES[(pabulibRule ?? '').trim()] ?? null;
