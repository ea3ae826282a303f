/**
 * The Pabulib `.pb` format (pabulib.org), in which participatory-budgeting instances are published:
 * three sections META, PROJECTS and VOTES, each a `;`-separated table with a header row.
 *
 * Parsing keeps every META key and every extra column as text, so `writePb(parsePb(text))` parses
 * back to the same value: a file can be read, checked and published again without losing anything.
 * Problems are `PbFormatError`s carrying a stable code and the 1-based line, so whoever exported
 * the file can find and fix it.
 */
import { isNegative, parseDecimal, type Rational, toExactDecimal } from './rational.ts';

export const VOTE_TYPES = ['approval', 'choose-1', 'cumulative', 'scoring', 'ordinal'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export const MAX_PROJECTS = 10_000;
export const MAX_VOTES = 5_000_000;

export interface PbProject {
  readonly id: string;
  /** In the instance's currency units (META `currency`), usually whole. */
  readonly cost: Rational;
  /** Every other column (name, votes, score, selected, category, …) as written. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PbVote {
  readonly voterId: string;
  /** In the order written: for ordinal ballots the ranking, best first. */
  readonly projectIds: readonly string[];
  /** Aligned with `projectIds` when the file has a `points` column, otherwise null. */
  readonly points: readonly Rational[] | null;
  /** Every other column (age, sex, voting_method, …) as written. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PbFile {
  /** Every META entry in file order; `budget` and `vote_type` are known to be valid. */
  readonly meta: ReadonlyMap<string, string>;
  /** Header order of PROJECTS and VOTES, including `project_id`, `cost`, `voter_id`, `vote`, `points`. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly PbProject[];
  readonly voteColumns: readonly string[];
  readonly votes: readonly PbVote[];
}

export type PbProblem =
  | 'missing_section'
  | 'section_order'
  | 'text_outside_section'
  | 'missing_column'
  | 'duplicate_column'
  | 'column_count'
  | 'unclosed_quote'
  | 'duplicate_meta_key'
  | 'missing_meta'
  | 'budget_not_number'
  | 'unknown_vote_type'
  | 'duplicate_project'
  | 'empty_project_id'
  | 'cost_not_number'
  | 'cost_negative'
  | 'duplicate_voter'
  | 'unknown_project'
  | 'duplicate_vote_project'
  | 'points_not_number'
  | 'points_mismatch'
  | 'too_many_rows';

const DESCRIPTIONS: Record<PbProblem, string> = {
  missing_section: 'the file needs the sections META, PROJECTS and VOTES, in that order',
  section_order: 'the sections must come in the order META, PROJECTS, VOTES, each once',
  text_outside_section: 'the file must start with the line META',
  missing_column: 'the header lacks a required column',
  duplicate_column: 'the header names a column twice',
  column_count: 'the row has a different number of fields than the header',
  unclosed_quote: 'a quoted field is not closed on its line',
  duplicate_meta_key: 'the META key appears twice',
  missing_meta: 'META lacks a required key',
  budget_not_number: 'the budget must be a non-negative number, e.g. 1070000',
  unknown_vote_type: `vote_type must be one of ${VOTE_TYPES.join(', ')}`,
  duplicate_project: 'the project id appears twice',
  empty_project_id: 'the project id is empty',
  cost_not_number: 'the cost must be a number, e.g. 68000',
  cost_negative: 'the cost must not be negative',
  duplicate_voter: 'the voter id appears twice',
  unknown_project: 'the vote names a project that PROJECTS does not list',
  duplicate_vote_project: 'the vote names the same project twice',
  points_not_number: 'points must be numbers separated by commas',
  points_mismatch: 'points must give one number per project in the vote',
  too_many_rows: `a file may hold at most ${MAX_PROJECTS} projects and ${MAX_VOTES} votes`,
};

export class PbFormatError extends Error {
  /** Stable, e.g. `pb.unknown_project`. */
  readonly code: `pb.${PbProblem}`;
  constructor(
    readonly line: number,
    readonly problem: PbProblem,
    readonly detail?: string,
  ) {
    super(`line ${line}: ${DESCRIPTIONS[problem]}${detail ? ` (${detail})` : ''}`);
    this.code = `pb.${problem}`;
  }
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Splits one row on `;`. A field that starts with a quote runs to the matching closing quote, with
 * `""` standing for one quote; a quote anywhere else is an ordinary character. Pabulib fields do
 * not span lines.
 */
function splitRow(line: string, lineNumber: number): string[] {
  if (!line.includes('"')) return line.split(';');
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    let field = '';
    let rest = start;
    if (line[start] === '"') {
      for (let from = start + 1; ; ) {
        const quote = line.indexOf('"', from);
        if (quote < 0) throw new PbFormatError(lineNumber, 'unclosed_quote');
        field += line.slice(from, quote);
        if (line[quote + 1] !== '"') {
          rest = quote + 1;
          break;
        }
        field += '"';
        from = quote + 2;
      }
    }
    const end = line.indexOf(';', rest);
    fields.push(field + line.slice(rest, end < 0 ? line.length : end));
    if (end < 0) return fields;
    start = end + 1;
  }
}

interface Table {
  readonly section: Section;
  headerLine: number;
  readonly columns: string[];
  readonly rows: string[][];
  /** The 1-based line of each row. */
  readonly rowLines: number[];
}

/** Cuts the text into the three sections, checking their order and every row's width. */
function readTables(text: string): Table[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const tables: Table[] = [];
  let current: Table | null = null;
  let rowCount = 0;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNumber = index + 1;
    if (!line.includes(';')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const sectionIndex = SECTIONS.indexOf(trimmed as Section);
      if (sectionIndex >= 0) {
        if (sectionIndex !== tables.length) throw new PbFormatError(lineNumber, 'section_order', trimmed);
        current = { section: trimmed as Section, headerLine: 0, columns: [], rows: [], rowLines: [] };
        tables.push(current);
        continue;
      }
    }
    if (!current) throw new PbFormatError(lineNumber, 'text_outside_section');
    const fields = splitRow(line, lineNumber);
    if (current.headerLine === 0) {
      const columns = fields.map((name) => name.trim());
      const duplicate = columns.find((name, i) => columns.indexOf(name) !== i);
      if (duplicate !== undefined) throw new PbFormatError(lineNumber, 'duplicate_column', duplicate);
      current.headerLine = lineNumber;
      current.columns.push(...columns);
      continue;
    }
    if (fields.length !== current.columns.length) {
      throw new PbFormatError(
        lineNumber,
        'column_count',
        `${fields.length} fields, header has ${current.columns.length}`,
      );
    }
    if (++rowCount > MAX_PROJECTS + MAX_VOTES) throw new PbFormatError(lineNumber, 'too_many_rows');
    current.rows.push(fields);
    current.rowLines.push(lineNumber);
  }
  const endLine = Math.max(1, lines.at(-1) === '' ? lines.length - 1 : lines.length);
  if (tables.length < SECTIONS.length) {
    throw new PbFormatError(endLine, 'missing_section', SECTIONS[tables.length]);
  }
  for (const table of tables) {
    if (table.headerLine === 0) throw new PbFormatError(endLine, 'missing_column', `${table.section} header`);
  }
  return tables;
}

function columnIndex(table: Table, name: string, isRequired: true): number;
function columnIndex(table: Table, name: string, isRequired: false): number | undefined;
function columnIndex(table: Table, name: string, isRequired: boolean): number | undefined {
  const index = table.columns.indexOf(name);
  if (index >= 0) return index;
  if (isRequired)
    throw new PbFormatError(table.headerLine, 'missing_column', `${table.section} needs ${name}`);
  return undefined;
}

/** Reads the columns a section does not interpret into a record, so writing them back loses nothing. */
function otherFieldsReader(columns: readonly string[], known: readonly (number | undefined)[]) {
  const others = columns
    .map((name, index) => ({ name, index }))
    .filter(({ index }) => !known.includes(index));
  return (fields: readonly string[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const { name, index } of others) out[name] = fields[index] as string;
    return out;
  };
}

function readMeta(table: Table): Map<string, string> {
  const keyAt = columnIndex(table, 'key', true);
  const valueAt = columnIndex(table, 'value', true);
  const meta = new Map<string, string>();
  for (const [i, fields] of table.rows.entries()) {
    const line = table.rowLines[i] as number;
    const key = (fields[keyAt] as string).trim();
    const value = fields[valueAt] as string;
    if (meta.has(key)) throw new PbFormatError(line, 'duplicate_meta_key', key);
    meta.set(key, value);
    if (key === 'budget') {
      const budget = parseDecimal(value);
      if (!budget || isNegative(budget)) throw new PbFormatError(line, 'budget_not_number', value);
    }
    if (key === 'vote_type' && !VOTE_TYPES.includes(value.trim() as VoteType)) {
      throw new PbFormatError(line, 'unknown_vote_type', value);
    }
  }
  for (const key of ['budget', 'vote_type']) {
    if (!meta.has(key)) throw new PbFormatError(table.headerLine, 'missing_meta', key);
  }
  return meta;
}

function readProjects(table: Table): PbProject[] {
  const idAt = columnIndex(table, 'project_id', true);
  const costAt = columnIndex(table, 'cost', true);
  if (table.rows.length > MAX_PROJECTS) {
    throw new PbFormatError(table.rowLines[MAX_PROJECTS] as number, 'too_many_rows');
  }
  const otherFields = otherFieldsReader(table.columns, [idAt, costAt]);
  const seen = new Set<string>();
  return table.rows.map((fields, i) => {
    const line = table.rowLines[i] as number;
    const id = (fields[idAt] as string).trim();
    if (id === '') throw new PbFormatError(line, 'empty_project_id');
    if (seen.has(id)) throw new PbFormatError(line, 'duplicate_project', id);
    seen.add(id);
    const cost = parseDecimal(fields[costAt] as string);
    if (!cost) throw new PbFormatError(line, 'cost_not_number', fields[costAt]);
    if (isNegative(cost)) throw new PbFormatError(line, 'cost_negative', fields[costAt]);
    return { id, cost, fields: otherFields(fields) };
  });
}

function readVotes(table: Table, projectIds: ReadonlySet<string>, voteType: VoteType): PbVote[] {
  const voterAt = columnIndex(table, 'voter_id', true);
  const voteAt = columnIndex(table, 'vote', true);
  const hasPoints = voteType === 'cumulative' || voteType === 'scoring';
  const pointsAt = hasPoints ? columnIndex(table, 'points', true) : columnIndex(table, 'points', false);
  const otherFields = otherFieldsReader(table.columns, [voterAt, voteAt, pointsAt]);
  const seen = new Set<string>();
  if (table.rows.length > MAX_VOTES)
    throw new PbFormatError(table.rowLines[MAX_VOTES] as number, 'too_many_rows');
  return table.rows.map((fields, i) => {
    const line = table.rowLines[i] as number;
    const voterId = (fields[voterAt] as string).trim();
    if (seen.has(voterId)) throw new PbFormatError(line, 'duplicate_voter', voterId);
    seen.add(voterId);
    const voteText = (fields[voteAt] as string).trim();
    const ids = voteText === '' ? [] : voteText.split(',');
    for (let j = 0; j < ids.length; j++) {
      let id = ids[j] as string;
      if (!projectIds.has(id)) {
        id = id.trim();
        ids[j] = id;
        if (!projectIds.has(id)) throw new PbFormatError(line, 'unknown_project', id);
      }
      if (ids.indexOf(id) !== j) throw new PbFormatError(line, 'duplicate_vote_project', id);
    }
    let points: Rational[] | null = null;
    if (pointsAt !== undefined) {
      const pointsText = (fields[pointsAt] as string).trim();
      points = (pointsText === '' ? [] : pointsText.split(',')).map((part) => {
        const value = parseDecimal(part);
        if (!value) throw new PbFormatError(line, 'points_not_number', part);
        return value;
      });
      if (points.length !== ids.length) throw new PbFormatError(line, 'points_mismatch');
    }
    return { voterId, projectIds: ids, points, fields: otherFields(fields) };
  });
}

export function parsePb(text: string): PbFile {
  const [metaTable, projectTable, voteTable] = readTables(text) as [Table, Table, Table];
  const meta = readMeta(metaTable);
  const projects = readProjects(projectTable);
  const votes = readVotes(
    voteTable,
    new Set(projects.map((project) => project.id)),
    (meta.get('vote_type') as string).trim() as VoteType,
  );
  return {
    meta,
    projectColumns: projectTable.columns,
    projects,
    voteColumns: voteTable.columns,
    votes,
  };
}

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const quote = (field: string) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

function decimalText(value: Rational, what: string): string {
  const text = toExactDecimal(value);
  if (text === null) throw new RangeError(`writePb: ${what} has no exact decimal form`);
  return text;
}

/** A valid `.pb` text with the file's sections, columns and META order (LF line endings by default). */
export function writePb(file: PbFile, lineEnding: '\n' | '\r\n' = '\n'): string {
  const lines: string[] = ['META', 'key;value'];
  for (const [key, value] of file.meta) lines.push(`${quote(key)};${quote(value)}`);
  lines.push('PROJECTS', file.projectColumns.map(quote).join(';'));
  for (const project of file.projects) {
    const cells = file.projectColumns.map((column) => {
      if (column === 'project_id') return project.id;
      if (column === 'cost') return decimalText(project.cost, `the cost of ${project.id}`);
      return project.fields[column] ?? '';
    });
    lines.push(cells.map(quote).join(';'));
  }
  lines.push('VOTES', file.voteColumns.map(quote).join(';'));
  for (const vote of file.votes) {
    const cells = file.voteColumns.map((column) => {
      if (column === 'voter_id') return vote.voterId;
      if (column === 'vote') return vote.projectIds.join(',');
      if (column === 'points' && vote.points) {
        return vote.points.map((point) => decimalText(point, `a point of ${vote.voterId}`)).join(',');
      }
      return vote.fields[column] ?? '';
    });
    lines.push(cells.map(quote).join(';'));
  }
  return `${lines.join(lineEnding)}${lineEnding}`;
}

/** The projects the file marks as funded (`selected` 1), or null when it has no `selected` column. */
export function officialSelection(file: PbFile): string[] | null {
  if (!file.projectColumns.includes('selected')) return null;
  return file.projects.filter((project) => project.fields.selected?.trim() === '1').map((p) => p.id);
}
