/**
 * One run of the Method of Equal Shares, exact yet fast enough to rerun hundreds of times on a
 * city (the add1 completion does). How:
 *
 * - Voters with identical ballots form one group; groups with equal budgets share a budget
 *   "level". A level is its parent level minus one round's payment, so its exact value can be
 *   rebuilt from the record of the rounds whenever a decision needs it.
 * - Floats carry a bound on their error. Every decision they settle beyond doubt is taken on them:
 *   is a project affordable, which project is cheapest per unit of utility, can a supporter pay
 *   their part. The few they cannot — a near-tie, a project that costs about what its supporters
 *   hold — are taken on exact rationals. The outcome is therefore the one exact arithmetic gives.
 * - A project's supporters per level are gathered only when the project is looked at, and a round
 *   looks at few projects: ρ only rises as budgets fall, so last round's ρ bounds this round's from
 *   below and projects whose bound exceeds the best found so far need no look.
 * - Exact prices and payments are worked out only for a run whose details are asked for.
 */
import {
  add,
  compare,
  compareQuotients,
  div,
  isZero,
  max,
  mul,
  type Rational,
  rational,
  scale,
  sub,
  sum,
  sumTimes,
  toNumber,
  ZERO,
} from './rational.ts';

/** What every run on the same election shares: who supports what, with which utility. */
export interface EngineInput {
  readonly costs: readonly Rational[];
  /** Per project: its distinct utilities; a supporter refers to one by index. */
  readonly utilities: readonly (readonly Rational[])[];
  /** Per project: the supporting ballot groups and the index of their utility. */
  readonly supporterGroups: readonly Int32Array[];
  readonly supporterUtility: readonly Int32Array[];
  /** Per project: voters who support it. */
  readonly supporterCounts: readonly number[];
  readonly groupSizes: Int32Array;
  /** Negative when project `a` wins a tie against `b`. */
  readonly breakTie: (a: number, b: number) => number;
}

export interface FundedRound {
  /** 1 for the first project funded. */
  readonly round: number;
  /** ρ: what a supporter paid per unit of utility. */
  readonly pricePerUtility: Rational;
  /** The largest payment by one supporter; for approval ballots, what every supporter who could paid. */
  readonly maxPayment: Rational;
  /** Supporters who had less than ρ × utility and paid all they had left (also those with nothing). */
  readonly paidAllTheyHad: number;
}

export interface RunDetails {
  readonly selected: readonly number[];
  readonly spent: Rational;
  /** Per project: how it was funded, or null. */
  readonly funded: readonly (FundedRound | null)[];
  /** Per project not funded: what its supporters held together at the end (zero for funded ones). */
  readonly supportersMoney: readonly Rational[];
  /** With accounts kept: per ballot group, what each of its voters has left. */
  readonly remainingPerVoter: readonly Rational[] | null;
  /** With accounts kept: per funded project, what each voter of each ballot group paid. */
  readonly payments: ReadonlyMap<number, readonly Rational[]> | null;
}

export interface Run {
  readonly selected: readonly number[];
  readonly spent: Rational;
  readonly details: () => RunDetails;
}

/** A generous bound on the relative rounding of one float operation (the unit roundoff is 2⁻⁵³). */
const ROUNDING = 2 ** -50;
const ZERO_LEVEL = -1;

/** A project's supporters with money left: per key (level × utilityCount + utility index), voters. */
interface SupporterTable {
  readonly keys: Int32Array;
  readonly voters: Float64Array;
}

interface RoundRecord {
  readonly project: number;
  /** The project's supporters when it was funded. */
  readonly table: SupporterTable;
  priceExact: Rational | null;
  /** With accounts kept: each supporting group's key at that moment, −1 for the others. */
  readonly groupKeys: Int32Array | null;
}

interface Evaluation {
  readonly price: number;
  readonly error: number;
  readonly exact: Rational | null;
}

export function runEqualShares(input: EngineInput, perVoterShare: Rational, isKeepingAccounts: boolean): Run {
  const { costs, utilities, groupSizes } = input;
  const projectCount = costs.length;
  const groupCount = groupSizes.length;
  const costsApprox = costs.map(toNumber);
  const utilitiesApprox = utilities.map((list) => list.map(toNumber));
  const utilityCountOf = (project: number) => (utilities[project] as Rational[]).length;
  const utilityOf = (project: number, index: number) => (utilities[project] as Rational[])[index] as Rational;
  const maxUtilityCount = Math.max(1, ...utilities.map((list) => list.length));

  const levelApprox: number[] = [toNumber(perVoterShare)];
  const levelError: number[] = [toNumber(perVoterShare) * ROUNDING];
  const levelExact: (Rational | null)[] = [perVoterShare];
  const levelParent: number[] = [ZERO_LEVEL];
  const levelRound: number[] = [-1];
  const levelUtility: number[] = [-1];
  const groupLevel = new Int32Array(groupCount).fill(isZero(perVoterShare) ? ZERO_LEVEL : 0);
  const rounds: RoundRecord[] = [];

  // Scratch space indexed by key, grown with the number of levels.
  let votersByKey = new Float64Array(1024);
  let levelAfterKey = new Int32Array(1024);
  const touchedKeys = new Int32Array(groupCount);
  const ensureKeySpace = (utilityCount: number) => {
    const needed = levelApprox.length * utilityCount;
    if (votersByKey.length < needed) {
      votersByKey = new Float64Array(2 * needed);
      levelAfterKey = new Int32Array(2 * needed);
    }
  };

  const supporterTable = (project: number): SupporterTable => {
    const utilityCount = utilityCountOf(project);
    ensureKeySpace(utilityCount);
    const groups = input.supporterGroups[project] as Int32Array;
    const groupUtilities = input.supporterUtility[project] as Int32Array;
    let touchedCount = 0;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as number;
      const level = groupLevel[group] as number;
      if (level === ZERO_LEVEL) continue;
      const key = level * utilityCount + (groupUtilities[i] as number);
      if (votersByKey[key] === 0) touchedKeys[touchedCount++] = key;
      votersByKey[key] = (votersByKey[key] as number) + (groupSizes[group] as number);
    }
    const keys = touchedKeys.slice(0, touchedCount);
    const voters = new Float64Array(touchedCount);
    for (let i = 0; i < touchedCount; i++) {
      voters[i] = votersByKey[keys[i] as number] as number;
      votersByKey[keys[i] as number] = 0;
    }
    return { keys, voters };
  };

  const exactPrice = (round: number): Rational => {
    const record = rounds[round] as RoundRecord;
    record.priceExact ??= exactWaterFill(record.project, record.table, false) as Rational;
    return record.priceExact;
  };

  const dueCache = new Map<number, Rational>();
  /** What a supporter with enough money paid in a round: ρ × their utility. */
  const exactDue = (round: number, utilityIndex: number): Rational => {
    const key = round * maxUtilityCount + utilityIndex;
    let due = dueCache.get(key);
    if (!due) {
      due = mul(exactPrice(round), utilityOf((rounds[round] as RoundRecord).project, utilityIndex));
      dueCache.set(key, due);
    }
    return due;
  };

  function exactLevel(level: number): Rational {
    const known = levelExact[level];
    if (known) return known;
    const paid = exactDue(levelRound[level] as number, levelUtility[level] as number);
    const value = sub(exactLevel(levelParent[level] as number), paid);
    levelExact[level] = value;
    return value;
  }

  /**
   * ρ such that Σ min(budget, ρ × utility) over the supporters equals the cost, or null when they
   * cannot afford it. Fixed point instead of a sort: with some supporters known to be short,
   * t = (cost − what they have) / (utility of the others) bounds ρ from below, so everyone below t
   * is short too; when nobody new is, t is ρ.
   */
  function exactWaterFill(
    project: number,
    table: SupporterTable,
    isAffordabilityOpen: boolean,
  ): Rational | null {
    const cost = costs[project] as Rational;
    if (isZero(cost)) return ZERO;
    const utilityCount = utilityCountOf(project);
    const size = table.keys.length;
    const budgets: Rational[] = new Array(size);
    const votersPerUtility = new Array<number>(utilityCount).fill(0);
    for (let i = 0; i < size; i++) {
      const key = table.keys[i] as number;
      budgets[i] = exactLevel(Math.floor(key / utilityCount));
      votersPerUtility[key % utilityCount] =
        (votersPerUtility[key % utilityCount] as number) + (table.voters[i] as number);
    }
    if (isAffordabilityOpen) {
      const money = sumTimes(budgets.map((budget, i) => [budget, table.voters[i] as number]));
      if (compare(money, cost) < 0) return null;
    }
    const isShort = new Uint8Array(size);
    let paid = ZERO;
    let utilityTotal = sumTimes(votersPerUtility.map((voters, index) => [utilityOf(project, index), voters]));
    for (let pass = 0; pass <= size; pass++) {
      const owed = sub(cost, paid);
      const newlyShort: number[] = [];
      for (let i = 0; i < size; i++) {
        if (isShort[i]) continue;
        const utility = utilityOf(project, (table.keys[i] as number) % utilityCount);
        if (compareQuotients(budgets[i] as Rational, utility, owed, utilityTotal) < 0) newlyShort.push(i);
      }
      if (newlyShort.length === 0) break;
      for (const i of newlyShort) {
        isShort[i] = 1;
        const utility = utilityOf(project, (table.keys[i] as number) % utilityCount);
        paid = add(paid, scale(budgets[i] as Rational, table.voters[i] as number));
        utilityTotal = sub(utilityTotal, scale(utility, table.voters[i] as number));
      }
    }
    return div(sub(cost, paid), utilityTotal);
  }

  /** ρ with an error bound, from floats; exact when affordability is too close to call. */
  function evaluate(project: number, table: SupporterTable): Evaluation | null {
    const cost = costsApprox[project] as number;
    if (isZero(costs[project] as Rational)) return { price: 0, error: 0, exact: ZERO };
    const utilityCount = utilityCountOf(project);
    const projectUtilities = utilitiesApprox[project] as number[];
    const size = table.keys.length;
    let money = 0;
    let moneyError = 0;
    let utilityTotal = 0;
    for (let i = 0; i < size; i++) {
      const key = table.keys[i] as number;
      const level = Math.floor(key / utilityCount);
      const voters = table.voters[i] as number;
      money += (levelApprox[level] as number) * voters;
      moneyError += (levelError[level] as number) * voters;
      utilityTotal += (projectUtilities[key % utilityCount] as number) * voters;
    }
    const slack = (size + 4) * ROUNDING;
    moneyError += money * slack;
    if (money + moneyError < cost) return null;
    if (money - moneyError < cost) {
      const exact = exactWaterFill(project, table, true);
      return exact ? { price: toNumber(exact), error: toNumber(exact) * ROUNDING, exact } : null;
    }
    const isShort = new Uint8Array(size);
    let paid = 0;
    let paidError = 0;
    for (let pass = 0; pass <= size; pass++) {
      const bound = (cost - paid) / utilityTotal;
      let isSettled = true;
      for (let i = 0; i < size; i++) {
        if (isShort[i]) continue;
        const key = table.keys[i] as number;
        const level = Math.floor(key / utilityCount);
        const utility = projectUtilities[key % utilityCount] as number;
        if ((levelApprox[level] as number) >= bound * utility) continue;
        isShort[i] = 1;
        isSettled = false;
        const voters = table.voters[i] as number;
        paid += (levelApprox[level] as number) * voters;
        paidError += (levelError[level] as number) * voters;
        utilityTotal -= utility * voters;
      }
      if (isSettled) break;
    }
    const price = (cost - paid) / utilityTotal;
    const error = (paidError + (cost + paid) * slack) / utilityTotal + price * slack;
    return { price, error, exact: null };
  }

  const selected: number[] = [];
  const isCandidate = new Uint8Array(projectCount);
  let candidates: number[] = [];
  for (let project = 0; project < projectCount; project++) {
    if ((input.supporterCounts[project] as number) > 0) {
      isCandidate[project] = 1;
      candidates.push(project);
    }
  }

  function fund(project: number, evaluation: Evaluation, table: SupporterTable) {
    const utilityCount = utilityCountOf(project);
    const round = rounds.length;
    const record: RoundRecord = {
      project,
      table,
      priceExact: evaluation.exact,
      groupKeys: isKeepingAccounts ? new Int32Array(groupCount).fill(-1) : null,
    };
    rounds.push(record);
    ensureKeySpace(utilityCount);
    for (let i = 0; i < table.keys.length; i++) {
      const key = table.keys[i] as number;
      const level = Math.floor(key / utilityCount);
      const index = key % utilityCount;
      const utility = (utilitiesApprox[project] as number[])[index] as number;
      const due = evaluation.price * utility;
      const dueError = evaluation.error * utility + due * 2 * ROUNDING;
      const budget = levelApprox[level] as number;
      const budgetError = levelError[level] as number;
      let order: number;
      if (budget - budgetError > due + dueError) order = 1;
      else if (budget + budgetError < due - dueError) order = -1;
      else order = compare(exactLevel(level), exactDue(round, index));
      if (order <= 0) {
        levelAfterKey[key] = ZERO_LEVEL;
        continue;
      }
      levelAfterKey[key] = levelApprox.length;
      levelApprox.push(budget - due);
      levelError.push(budgetError + dueError + budget * 2 * ROUNDING);
      levelExact.push(null);
      levelParent.push(level);
      levelRound.push(round);
      levelUtility.push(index);
    }
    const groups = input.supporterGroups[project] as Int32Array;
    const groupUtilities = input.supporterUtility[project] as Int32Array;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as number;
      const level = groupLevel[group] as number;
      if (level === ZERO_LEVEL) continue;
      const key = level * utilityCount + (groupUtilities[i] as number);
      if (record.groupKeys) record.groupKeys[group] = key;
      groupLevel[group] = levelAfterKey[key] as number;
    }
    selected.push(project);
    isCandidate[project] = 0;
  }

  // A project's lower bound on ρ, from the last time it was looked at.
  const lowerBound = new Float64Array(projectCount).fill(Number.NEGATIVE_INFINITY);
  // Every round funds a project or ends the run.
  for (let round = 0; round < projectCount; round++) {
    candidates.sort((a, b) => (lowerBound[a] as number) - (lowerBound[b] as number));
    const looked = new Map<number, { evaluation: Evaluation; table: SupporterTable }>();
    let bestUpper = Number.POSITIVE_INFINITY;
    for (const project of candidates) {
      if ((lowerBound[project] as number) > bestUpper) break;
      const table = supporterTable(project);
      const evaluation = evaluate(project, table);
      if (!evaluation) {
        // Budgets only fall: a project out of its supporters' reach stays out of reach.
        isCandidate[project] = 0;
        continue;
      }
      looked.set(project, { evaluation, table });
      lowerBound[project] = evaluation.price - evaluation.error;
      bestUpper = Math.min(bestUpper, evaluation.price + evaluation.error);
    }
    candidates = candidates.filter((project) => isCandidate[project]);
    const contenders = [...looked.keys()].filter((project) => (lowerBound[project] as number) <= bestUpper);
    if (contenders.length === 0) break;
    let chosen = contenders[0] as number;
    let evaluation = looked.get(chosen)?.evaluation as Evaluation;
    if (contenders.length > 1) {
      // The floats cannot tell these apart: compare exactly, then by the tie-break.
      let chosenPrice: Rational | null = null;
      for (const project of contenders) {
        const { evaluation: candidate, table } = looked.get(project) as {
          evaluation: Evaluation;
          table: SupporterTable;
        };
        const price = candidate.exact ?? (exactWaterFill(project, table, false) as Rational);
        if (chosenPrice === null || (compare(price, chosenPrice) || input.breakTie(project, chosen)) < 0) {
          chosen = project;
          chosenPrice = price;
        }
      }
      const price = chosenPrice as Rational;
      evaluation = { price: toNumber(price), error: toNumber(price) * ROUNDING, exact: price };
    }
    fund(chosen, evaluation, looked.get(chosen)?.table as SupporterTable);
    candidates = candidates.filter((project) => isCandidate[project]);
  }

  /**
   * What a project's supporters hold at the end: the share of every supporter with money left,
   * less each round's payments by them — a handful of terms per round, where adding up every
   * supporter's exact budget would reduce thousands of unrelated fractions.
   */
  const moneyBehind = (project: number): Rational => {
    const votersPerLevel = new Map<number, number>();
    const groups = input.supporterGroups[project] as Int32Array;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as number;
      const level = groupLevel[group] as number;
      if (level !== ZERO_LEVEL)
        votersPerLevel.set(level, (votersPerLevel.get(level) ?? 0) + (groupSizes[group] as number));
    }
    let voters = 0;
    const payers = new Map<number, number>();
    for (const [level, count] of votersPerLevel) {
      voters += count;
      for (let step = level; step !== 0; step = levelParent[step] as number) {
        const key = (levelRound[step] as number) * maxUtilityCount + (levelUtility[step] as number);
        payers.set(key, (payers.get(key) ?? 0) + count);
      }
    }
    const terms: [Rational, number][] = [[perVoterShare, voters]];
    for (const [key, count] of payers) {
      const paid = exactDue(Math.floor(key / maxUtilityCount), key % maxUtilityCount);
      terms.push([rational(-paid.num, paid.den), count]);
    }
    return sumTimes(terms);
  };

  const spent = sum(selected.map((project) => costs[project] as Rational));

  const details = (): RunDetails => {
    const funded: (FundedRound | null)[] = new Array(projectCount).fill(null);
    const payments = isKeepingAccounts ? new Map<number, Rational[]>() : null;
    for (const [round, record] of rounds.entries()) {
      const utilityCount = utilityCountOf(record.project);
      const paidByKey = new Map<number, Rational>();
      let maxPayment = ZERO;
      let paidAllTheyHad = input.supporterCounts[record.project] as number;
      for (let i = 0; i < record.table.keys.length; i++) {
        const key = record.table.keys[i] as number;
        const budget = exactLevel(Math.floor(key / utilityCount));
        const due = exactDue(round, key % utilityCount);
        const isShort = compare(budget, due) < 0;
        if (!isShort) paidAllTheyHad -= record.table.voters[i] as number;
        const payment = isShort ? budget : due;
        paidByKey.set(key, payment);
        maxPayment = max(maxPayment, payment);
      }
      funded[record.project] = {
        round: round + 1,
        pricePerUtility: exactPrice(round),
        maxPayment,
        paidAllTheyHad,
      };
      if (payments && record.groupKeys) {
        const groupKeys = record.groupKeys;
        payments.set(
          record.project,
          Array.from(groupKeys, (key) => (key < 0 ? ZERO : (paidByKey.get(key) as Rational))),
        );
      }
    }
    return {
      selected,
      spent,
      funded,
      supportersMoney: costs.map((_, project) => (funded[project] ? ZERO : moneyBehind(project))),
      remainingPerVoter: isKeepingAccounts
        ? Array.from(groupLevel, (level) => (level === ZERO_LEVEL ? ZERO : exactLevel(level)))
        : null,
      payments,
    };
  };

  return { selected, spent, details };
}
