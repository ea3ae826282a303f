/**
 * Between a Pabulib `.pb` file and a Kopa budget: what a file sets (amount, currency, rule, ballot
 * limits, projects, anonymous ballots), and the file a budget gives back. Kopa keeps what it has no
 * column for (META in order, extra columns, voter ids), so an imported budget that nobody changed is
 * exported as a file that parses to exactly what was imported; what did change is written anew.
 */
import { type PbFile, parsePb } from './pabulib.ts';
import { isNegative, parseDecimal, type Rational, rational, toExactDecimal } from './rational.ts';
import { type RuleName, ruleDeclaredBy } from './rules.ts';

export const MAX_BUDGET_PROJECTS = 1_000;
export const MAX_IMPORTED_BALLOTS = 1_000_000;
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_000;
export const MAX_POINTS = 1_000_000;
export const MAX_PROJECT_TITLE = 300;
export const MAX_PROJECT_CATEGORY = 100;
export const MAX_PROJECT_DESCRIPTION = 10_000;
const MAX_ID_LENGTH = 200;

export type BallotType = 'approval' | 'cumulative';

export interface BudgetSettings {
  readonly currency: string;
  readonly amountMinor: number;
  readonly rule: RuleName;
  /** A decimal, as written: votes or points a project needs under greedy-threshold. */
  readonly scoreThreshold: string | null;
  readonly ballotType: BallotType;
  readonly minProjects: number;
  readonly maxProjects: number | null;
  readonly maxTotalCostMinor: number | null;
  readonly pointsPerVoter: number | null;
  readonly maxPointsPerProject: number | null;
}

/** What an import keeps that Kopa has no column for. */
export interface PabulibExtras {
  readonly meta: readonly (readonly [string, string])[];
  readonly projectColumns: readonly string[];
  readonly voteColumns: readonly string[];
  /** The META values Kopa derived right after the import; a value still the same is written as the file had it. */
  readonly derivedAtImport: Readonly<Record<string, string | null>>;
}

export interface ImportedProject {
  readonly pabulibId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly costMinor: number;
  /** Every column but project_id and cost, as written. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface ImportedBallot {
  readonly voterId: string;
  /** Pabulib project ids, in the file's order. */
  readonly projectIds: readonly string[];
  readonly points: readonly number[] | null;
  readonly fields: Readonly<Record<string, string>>;
}

export interface ImportedBudget {
  readonly settings: BudgetSettings;
  readonly extras: PabulibExtras;
  readonly projects: readonly ImportedProject[];
  readonly ballots: readonly ImportedBallot[];
}

export type PbImportProblem =
  | 'vote_type_unsupported'
  | 'amount_precision'
  | 'currency_unsupported'
  | 'meta_invalid'
  | 'threshold_missing'
  | 'too_many_projects'
  | 'too_many_ballots'
  | 'id_too_long'
  | 'cost_precision'
  | 'text_too_long'
  | 'points_not_whole';

/** A file Kopa can read but cannot take as a budget; `line` is 1-based. */
export class PbImportError extends Error {
  readonly code: `budgeting.pb_${PbImportProblem}`;
  constructor(
    readonly line: number,
    readonly problem: PbImportProblem,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`line ${line}: ${problem}`);
    this.code = `budgeting.pb_${problem}`;
  }
}

/** A currency Kopa can hold in minor units of one hundredth (EUR, PLN, CHF, USD …). */
export function isSupportedCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits === 2
    );
  } catch {
    return false;
  }
}

/** Amounts in files are currency units; Kopa keeps minor units. */
const toUnits = (minor: number): string => toExactDecimal(rational(minor, 100)) as string;

function toMinor(value: Rational): number | null {
  const minor = rational(value.num * 100n, value.den);
  if (minor.den !== 1n || isNegative(minor) || minor.num > BigInt(MAX_AMOUNT_MINOR)) return null;
  return Number(minor.num);
}

function wholeNumber(text: string, max: number): number | null {
  const value = parseDecimal(text);
  if (value === null || value.den !== 1n || isNegative(value) || value.num > BigInt(max)) return null;
  return Number(value.num);
}

/** The 1-based line of every META, PROJECTS and VOTES row, in order, as `parsePb` reads them. */
function rowLines(text: string) {
  const lines = { META: [] as number[], PROJECTS: [] as number[], VOTES: [] as number[] };
  let section: keyof typeof lines | null = null;
  let isHeader = false;
  const rows = text.split('\n');
  for (let index = 0; index < rows.length; index++) {
    const line = (rows[index] as string).replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (!line.includes(';')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (trimmed === 'META' || trimmed === 'PROJECTS' || trimmed === 'VOTES') {
        section = trimmed;
        isHeader = true;
        continue;
      }
    }
    if (!section) continue;
    if (isHeader) isHeader = false;
    else lines[section].push(index + 1);
  }
  return lines;
}

const PABULIB_RULE_OF: Partial<Record<RuleName, string>> = {
  greedy: 'greedy',
  'greedy-no-skip': 'greedy-no-skip',
  'greedy-threshold': 'greedy-threshold',
  mes: 'equalshares',
  'mes-add1': 'equalshares/add1',
};

/** The META values that follow from a budget; null: the key is left out. */
export function derivedMeta(
  settings: BudgetSettings,
  counts: { projects: number; ballots: number },
): Record<string, string | null> {
  const isCumulative = settings.ballotType === 'cumulative';
  return {
    num_projects: String(counts.projects),
    num_votes: String(counts.ballots),
    budget: toUnits(settings.amountMinor),
    vote_type: settings.ballotType,
    rule: PABULIB_RULE_OF[settings.rule] ?? settings.rule,
    currency: settings.currency,
    min_project_score_threshold: settings.scoreThreshold,
    min_length: settings.minProjects > 0 ? String(settings.minProjects) : null,
    max_length: settings.maxProjects === null ? null : String(settings.maxProjects),
    max_sum_cost:
      !isCumulative && settings.maxTotalCostMinor !== null ? toUnits(settings.maxTotalCostMinor) : null,
    max_sum_points: isCumulative ? String(settings.pointsPerVoter) : null,
    max_points: isCumulative ? String(settings.maxPointsPerProject) : null,
  };
}

const MAPPED_COLUMNS = {
  name: (value: string, id: string) => value.trim() || `#${id}`,
  category: (value: string) => value.trim(),
  description: (value: string) => value.trim(),
} as const;
type MappedColumn = keyof typeof MAPPED_COLUMNS;
const LIMIT_OF: Record<MappedColumn, number> = {
  name: MAX_PROJECT_TITLE,
  category: MAX_PROJECT_CATEGORY,
  description: MAX_PROJECT_DESCRIPTION,
};

function readSettings(
  file: PbFile,
  metaLine: (key: string) => number,
  current: BudgetSettings,
  maxBallotPoints: number,
): BudgetSettings {
  const meta = (key: string) => file.meta.get(key)?.trim();
  const whole = (key: string, max: number) => {
    const text = meta(key);
    if (text === undefined) return null;
    const value = wholeNumber(text, max);
    if (value === null) throw new PbImportError(metaLine(key), 'meta_invalid', { key });
    return value;
  };
  const voteType = meta('vote_type') as string;
  if (voteType !== 'approval' && voteType !== 'choose-1' && voteType !== 'cumulative') {
    throw new PbImportError(metaLine('vote_type'), 'vote_type_unsupported', { voteType });
  }
  const amountMinor = toMinor(parseDecimal(meta('budget') as string) as Rational);
  if (amountMinor === null) throw new PbImportError(metaLine('budget'), 'amount_precision');
  const currency = meta('currency') ?? current.currency;
  if (!isSupportedCurrency(currency))
    throw new PbImportError(metaLine('currency'), 'currency_unsupported', { currency });

  const threshold = meta('min_project_score_threshold');
  const thresholdValue = threshold === undefined ? null : parseDecimal(threshold);
  if (threshold !== undefined && (!thresholdValue || isNegative(thresholdValue))) {
    throw new PbImportError(metaLine('min_project_score_threshold'), 'meta_invalid', {
      key: 'min_project_score_threshold',
    });
  }
  const scoreThreshold = thresholdValue ? (toExactDecimal(thresholdValue) as string) : current.scoreThreshold;
  const rule = ruleDeclaredBy(meta('rule')) ?? current.rule;
  if (rule === 'greedy-threshold' && scoreThreshold === null)
    throw new PbImportError(metaLine('rule'), 'threshold_missing');

  const minProjects = whole('min_length', MAX_BUDGET_PROJECTS) ?? 0;
  const maxProjects = whole('max_length', MAX_BUDGET_PROJECTS) ?? (voteType === 'choose-1' ? 1 : null);
  if (maxProjects !== null && (maxProjects < 1 || maxProjects < minProjects)) {
    throw new PbImportError(metaLine('max_length'), 'meta_invalid', { key: 'max_length' });
  }
  if (voteType !== 'cumulative') {
    const maxSumCost = meta('max_sum_cost');
    let maxTotalCostMinor: number | null = null;
    if (maxSumCost !== undefined) {
      const value = parseDecimal(maxSumCost);
      maxTotalCostMinor = value ? toMinor(value) : null;
      if (!maxTotalCostMinor)
        throw new PbImportError(metaLine('max_sum_cost'), 'meta_invalid', { key: 'max_sum_cost' });
    }
    return {
      currency,
      amountMinor,
      rule,
      scoreThreshold,
      ballotType: 'approval',
      minProjects,
      maxProjects,
      maxTotalCostMinor,
      pointsPerVoter: null,
      maxPointsPerProject: null,
    };
  }
  const pointsPerVoter = whole('max_sum_points', MAX_POINTS) ?? Math.max(1, maxBallotPoints);
  const maxPointsPerProject = whole('max_points', MAX_POINTS) ?? pointsPerVoter;
  if (pointsPerVoter < 1)
    throw new PbImportError(metaLine('max_sum_points'), 'meta_invalid', { key: 'max_sum_points' });
  if (maxPointsPerProject < 1)
    throw new PbImportError(metaLine('max_points'), 'meta_invalid', { key: 'max_points' });
  return {
    currency,
    amountMinor,
    rule,
    scoreThreshold,
    ballotType: 'cumulative',
    minProjects,
    maxProjects,
    maxTotalCostMinor: null,
    pointsPerVoter,
    maxPointsPerProject,
  };
}

/**
 * Reads a `.pb` file as a budget. Throws `PbFormatError` for a malformed file and `PbImportError`
 * for one Kopa cannot hold (ordinal ballots, fractions of a cent, over-long names …), each with its line.
 */
export function budgetFromPb(text: string, current: BudgetSettings): ImportedBudget {
  const file = parsePb(text);
  const lines = rowLines(text);
  const metaKeys = [...file.meta.keys()];
  const metaLine = (key: string) => lines.META[metaKeys.indexOf(key)] ?? 1;

  if (file.projects.length > MAX_BUDGET_PROJECTS) {
    throw new PbImportError(lines.PROJECTS[MAX_BUDGET_PROJECTS] as number, 'too_many_projects', {
      max: MAX_BUDGET_PROJECTS,
    });
  }
  const projects = file.projects.map((project, index): ImportedProject => {
    const line = lines.PROJECTS[index] as number;
    if (project.id.length > MAX_ID_LENGTH)
      throw new PbImportError(line, 'id_too_long', { max: MAX_ID_LENGTH });
    const costMinor = toMinor(project.cost);
    if (costMinor === null) throw new PbImportError(line, 'cost_precision', { id: project.id });
    const mapped = {} as Record<MappedColumn, string>;
    for (const column of Object.keys(MAPPED_COLUMNS) as MappedColumn[]) {
      mapped[column] = MAPPED_COLUMNS[column](project.fields[column] ?? '', project.id);
      if (mapped[column].length > LIMIT_OF[column])
        throw new PbImportError(line, 'text_too_long', { column, max: LIMIT_OF[column] });
    }
    return {
      pabulibId: project.id,
      title: mapped.name,
      category: mapped.category,
      description: mapped.description,
      costMinor,
      fields: project.fields,
    };
  });

  if (file.votes.length > MAX_IMPORTED_BALLOTS) {
    throw new PbImportError(lines.VOTES[MAX_IMPORTED_BALLOTS] as number, 'too_many_ballots', {
      max: MAX_IMPORTED_BALLOTS,
    });
  }
  let maxBallotPoints = 0;
  const ballots = file.votes.map((vote, index): ImportedBallot => {
    const line = lines.VOTES[index] as number;
    if (vote.voterId.length > MAX_ID_LENGTH)
      throw new PbImportError(line, 'id_too_long', { max: MAX_ID_LENGTH });
    let points: number[] | null = null;
    if (vote.points) {
      points = vote.points.map((point) => {
        const value =
          point.den === 1n && !isNegative(point) && point.num <= BigInt(MAX_POINTS)
            ? Number(point.num)
            : null;
        if (value === null) throw new PbImportError(line, 'points_not_whole', { voterId: vote.voterId });
        return value;
      });
      maxBallotPoints = Math.max(
        maxBallotPoints,
        points.reduce((sum, point) => sum + point, 0),
      );
    }
    return { voterId: vote.voterId, projectIds: vote.projectIds, points, fields: vote.fields };
  });

  const settings = readSettings(file, metaLine, current, maxBallotPoints);
  return {
    settings,
    extras: {
      meta: [...file.meta],
      projectColumns: file.projectColumns,
      voteColumns: file.voteColumns,
      derivedAtImport: derivedMeta(settings, { projects: projects.length, ballots: ballots.length }),
    },
    projects,
    ballots,
  };
}

export interface ExportedProject {
  /** The id the file had, or Kopa's for a project entered in Kopa. */
  readonly exportId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly costMinor: number;
  readonly fields: Readonly<Record<string, string>> | null;
  readonly votes: number;
  readonly score: number;
  /** From the published result; null before it. */
  readonly isSelected: boolean | null;
}

export interface ExportedBallot {
  /** The file's voter id for an imported ballot; null for one cast in Kopa (numbered anonymously). */
  readonly voterId: string | null;
  readonly projectIds: readonly string[];
  readonly points: readonly number[] | null;
  readonly fields: Readonly<Record<string, string>> | null;
}

export interface BudgetForExport {
  readonly settings: BudgetSettings;
  readonly extras: PabulibExtras | null;
  /** META a budget entered in Kopa starts from (description, country, unit, dates …). */
  readonly baseMeta: readonly (readonly [string, string])[];
  readonly projects: readonly ExportedProject[];
  readonly ballots: readonly ExportedBallot[];
}

function exportMeta(budget: BudgetForExport): Map<string, string> {
  const meta = new Map(budget.extras?.meta ?? budget.baseMeta);
  const now = derivedMeta(budget.settings, {
    projects: budget.projects.length,
    ballots: budget.ballots.length,
  });
  for (const [key, value] of Object.entries(now)) {
    if (budget.extras && budget.extras.derivedAtImport[key] === value) continue;
    if (value === null) meta.delete(key);
    else meta.set(key, value);
  }
  return meta;
}

/** The budget as a `.pb` file. */
export function budgetToPb(budget: BudgetForExport): PbFile {
  const isCumulative = budget.settings.ballotType === 'cumulative';
  const hasResult = budget.projects.some((project) => project.isSelected !== null);
  const projectColumns = budget.extras?.projectColumns ?? [
    'project_id',
    'cost',
    'votes',
    ...(isCumulative ? ['score'] : []),
    'name',
    'category',
    'description',
    ...(hasResult ? ['selected'] : []),
  ];
  const computed = (project: ExportedProject, column: string): string => {
    if (column in MAPPED_COLUMNS) {
      const current = { name: project.title, category: project.category, description: project.description }[
        column as MappedColumn
      ];
      const original = project.fields?.[column];
      const isUnchanged =
        original !== undefined &&
        MAPPED_COLUMNS[column as MappedColumn](original, project.exportId) === current;
      return isUnchanged ? (original as string) : current;
    }
    if (project.fields && column in project.fields) return project.fields[column] as string;
    if (column === 'votes') return String(project.votes);
    if (column === 'score') return String(project.score);
    if (column === 'selected' && project.isSelected !== null) return project.isSelected ? '1' : '0';
    return '';
  };
  const voteColumns = budget.extras?.voteColumns ?? ['voter_id', 'vote', ...(isCumulative ? ['points'] : [])];
  const takenIds = new Set(
    budget.ballots.flatMap((ballot) => (ballot.voterId === null ? [] : [ballot.voterId])),
  );
  let next = 0;
  const anonymousId = () => {
    let id: string;
    do id = `k${++next}`;
    while (takenIds.has(id));
    return id;
  };
  const otherColumns = (columns: readonly string[], known: readonly string[]) =>
    columns.filter((column) => !known.includes(column));
  return {
    meta: exportMeta(budget),
    projectColumns,
    projects: budget.projects.map((project) => ({
      id: project.exportId,
      cost: rational(project.costMinor, 100),
      fields: Object.fromEntries(
        otherColumns(projectColumns, ['project_id', 'cost']).map((column) => [
          column,
          computed(project, column),
        ]),
      ),
    })),
    voteColumns,
    votes: budget.ballots.map((ballot) => ({
      voterId: ballot.voterId ?? anonymousId(),
      projectIds: ballot.projectIds,
      points: voteColumns.includes('points')
        ? (ballot.points ?? ballot.projectIds.map(() => 1)).map((p) => rational(p))
        : null,
      fields: Object.fromEntries(
        otherColumns(voteColumns, ['voter_id', 'vote', 'points']).map((column) => [
          column,
          ballot.fields?.[column] ?? '',
        ]),
      ),
    })),
  };
}
