/**
 * A database handle for the application under benchmark that times every statement it sends
 * (Kysely's query log: from the statement leaving to its answer arriving, lock waits included, the
 * wait for a pool connection not). Grouped by kind — `select session`, `insert audit_event`,
 * `commit` — it says how many round trips a request makes and where its milliseconds go, without
 * touching the application's code. The cost is one callback per statement.
 */
import { connectDatabase, type Db } from '../src/server/platform/database.ts';

export interface StatementStats {
  readonly statement: string;
  readonly count: number;
  readonly meanMs: number;
  readonly totalMs: number;
}

const INNERMOST_PARENTHESES = /\([^()]*\)/g;

/** `select session`, `update currency_account`, `select audit_head for update`, `begin`, … */
export function statementKind(text: string): string {
  // Subqueries (a session's roles, an account's representatives) do not name the statement:
  // parentheses are taken out from the innermost.
  let lower = text.trim().toLowerCase();
  for (let outer = lower.replace(INNERMOST_PARENTHESES, ''); outer !== lower; ) {
    lower = outer;
    outer = lower.replace(INNERMOST_PARENTHESES, '');
  }
  if (/^(begin|commit|rollback)\b/.test(lower)) return lower.split(/\s/)[0] as string;
  const verb = lower.split(/\s/)[0] ?? '?';
  const table =
    /^update\s+"?(\w+)"?/.exec(lower)?.[1] ??
    /^insert\s+into\s+"?(\w+)"?/.exec(lower)?.[1] ??
    /\bfrom\s+"?(\w+)"?/.exec(lower)?.[1] ??
    '?';
  return `${verb} ${table}${/\bfor update\b/.test(lower) ? ' for update' : ''}`;
}

export interface SentStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly durationMs: number;
}

export interface ProfiledDatabase {
  readonly db: Db;
  /** Starts a new tally; the returned function ends it. */
  startTally(): () => StatementStats[];
  /** Keeps every statement sent from now on; the returned function ends it and gives them. */
  startRecording(): () => SentStatement[];
  destroy(): Promise<void>;
}

export function profiledDatabase(url: string, maxConnections: number): ProfiledDatabase {
  let tally: Map<string, { count: number; totalMs: number }> | null = null;
  let recording: SentStatement[] | null = null;
  const db = connectDatabase(url, maxConnections, {
    log: (event) => {
      recording?.push({
        sql: event.query.sql,
        parameters: event.query.parameters,
        durationMs: event.queryDurationMillis,
      });
      if (!tally) return;
      const kind = statementKind(event.query.sql);
      const entry = tally.get(kind) ?? { count: 0, totalMs: 0 };
      entry.count++;
      entry.totalMs += event.queryDurationMillis;
      tally.set(kind, entry);
    },
  });
  return {
    db,
    startTally() {
      const current = new Map<string, { count: number; totalMs: number }>();
      tally = current;
      return () => {
        if (tally === current) tally = null;
        return [...current]
          .map(([statement, { count, totalMs }]) => ({
            statement,
            count,
            meanMs: Number((totalMs / count).toFixed(3)),
            totalMs: Number(totalMs.toFixed(1)),
          }))
          .sort((a, b) => b.totalMs - a.totalMs);
      };
    },
    startRecording() {
      const current: SentStatement[] = [];
      recording = current;
      return () => {
        if (recording === current) recording = null;
        return current;
      };
    },
    destroy: () => db.destroy(),
  };
}
