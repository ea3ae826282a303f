/**
 * Hot statements become prepared statements. PostgreSQL parses, analyses and plans every query
 * text it is sent; for the short lookups that each request makes (the session, the cluster and
 * its roles, an account and its mandate) that is most of the work. A text seen often enough gets
 * a name, and the driver then prepares it once per connection and afterwards only binds and runs
 * it. Cold and one-off texts (IN lists of varying length, migrations, transaction control) and
 * searches by a pattern stay unnamed, and the number of names is bounded, so no connection holds
 * more than `maxNames` prepared statements.
 */
import {
  type KyselyPlugin,
  LimitNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  type UnknownRow,
  ValueNode,
} from 'kysely';
import type pg from 'pg';

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/**
 * A pattern's selectivity decides the best plan (a rare word: the trigram index; a common one: walk
 * the history in order), and a prepared statement soon runs one generic plan for every pattern:
 * a search by text is planned afresh each time.
 */
const PLANNED_EACH_TIME = /\b(i?like|similar to)\b|~~/i;

export class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(
    /** How often a text is sent unnamed before it is prepared. */
    private readonly preparedAfter = 3,
    private readonly maxNames = 500,
    /** Bounds the memory spent on counting texts that never become hot. */
    private readonly maxCounted = 20_000,
  ) {}

  /** The name to send the text under, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined) return name;
    if (this.names.size >= this.maxNames || !PREPARABLE.test(text) || PLANNED_EACH_TIME.test(text))
      return undefined;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < this.preparedAfter) {
      if (this.seen.size >= this.maxCounted) this.seen.clear();
      this.seen.set(text, count);
      return undefined;
    }
    this.seen.delete(text);
    const named = `kopa_${this.names.size}`;
    this.names.set(text, named);
    return named;
  }
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes the client send hot texts under their names (call once per new pool client). */
export function prepareHotStatements(client: pg.PoolClient | pg.Client, names: StatementNames): void {
  const query = client.query as unknown as Query;
  const querying: Query = (config, values, callback) => {
    if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
      const name = names.nameFor(config);
      if (name !== undefined) return query.call(client, { name, text: config, values });
    }
    return query.call(client, config, values, callback);
  };
  (client as unknown as { query: Query }).query = querying;
}

/**
 * Writes a page's size into the statement's text instead of binding it. A prepared statement is
 * planned for its first few runs and then keeps one generic plan if that costs no more than the
 * plans made for the values; but a bound LIMIT is costed as a tenth of the rows, so the generic
 * plan of every paged list looked dear and PostgreSQL planned the list afresh on every request
 * (0.2 ms of its CPU each, for a 0.1 ms query). With `limit 21` in the text the generic plan costs
 * what the others do and is kept. Page sizes are few (20 and 100, plus one), so are the texts.
 * Only the outermost select is looked at: the transform is a field read per statement.
 */
export class PageSizeInText implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node) || !node.limit || !ValueNode.is(node.limit.limit)) return node;
    const { value, immediate } = node.limit.limit;
    if (immediate || typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return node;
    return Object.freeze({ ...node, limit: LimitNode.create(ValueNode.createImmediate(value)) });
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
