/**
 * Hot statements built once per shape. Kysely builds a query as a tree of frozen nodes and
 * compiles the tree to text on every call: on a page of proposals that was a fifth of the server's
 * CPU, more than the work of reading the page. A template is built the first time a shape is asked
 * for, with slots standing in for the values, and compiled once; afterwards only the values are put
 * in. The text is then the same string every time, so finding its prepared statement is cheap too.
 *
 * The shape holds every choice that changes the text (which sort, whether there is a cursor, the
 * page size); the values only fill parameters. A value must not steer the building — it is a slot
 * then, never null — so a builder looks at `shape` alone to decide.
 */
import { type Compilable, CompiledQuery } from 'kysely';
import type { Queryable } from './database.ts';

/** Stands in for a value while a template is built; the compiled parameters still name it. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export class StatementTemplate<Shape, Values extends object, Row> {
  private readonly templates = new Map<string, Template>();

  constructor(
    private readonly build: (db: Queryable, shape: Shape, values: Values) => Compilable<Row>,
    /** Shapes are few by design; past the bound a shape is built each time rather than kept. */
    private readonly maxShapes = 256,
  ) {}

  async execute(db: Queryable, shape: Shape, values: Values): Promise<Row[]> {
    const template = this.templateFor(db, shape, values);
    const parameters = template.parameters.map((parameter) =>
      parameter instanceof Slot ? (values as Record<string, unknown>)[parameter.name] : parameter,
    );
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(template.sql, parameters));
    return rows;
  }

  async executeTakeFirst(db: Queryable, shape: Shape, values: Values): Promise<Row | undefined> {
    return (await this.execute(db, shape, values))[0];
  }

  private templateFor(db: Queryable, shape: Shape, values: Values): Template {
    const key = JSON.stringify(shape);
    const known = this.templates.get(key);
    if (known) return known;
    const slots = Object.fromEntries(Object.keys(values).map((name) => [name, new Slot(name)]));
    const { sql, parameters } = this.build(db, shape, slots as Values).compile();
    const template = { sql, parameters };
    if (this.templates.size < this.maxShapes) this.templates.set(key, template);
    return template;
  }
}
