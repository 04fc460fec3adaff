/**
 * The execute phase: each clause is a pull-based iterator over rows of variable bindings, so rows
 * flow one at a time and a LIMIT stops everything before it. Only ORDER BY, aggregation and
 * DISTINCT hold rows, and they count what they hold against the query's limits.
 */
import type { Clause, Expression, Projection } from './ast.js';
import { projectionItems } from './check.js';
import { groupKey, orderCompare } from './compare.js';
import { QueryError } from './errors.js';
import { EMPTY_ROW, evaluate, extend, overlay, truth, type EvaluationContext, type Row } from './evaluate.js';
import { matchClause } from './match.js';
import type { QueryPlan } from './plan.js';
import { aggregatesIn, type CallExpression } from './syntax.js';
import { NodeValue, RelationshipValue, toPlain, type PlainValue, type Value } from './values.js';

/** What both backends return: column names and rows of plain JSON values keyed by column. */
export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, PlainValue>>;
}

export function executeQuery(plan: QueryPlan, context: EvaluationContext): QueryResult {
  const { query } = plan.checked;
  let columns: string[] = [];
  const rows: Array<Record<string, PlainValue>> = [];
  const seen = new Set<string>();
  const deduplicate = query.parts.length > 1 && !query.unionAll;
  for (const clauses of query.parts) {
    const returned = clauses.at(-1) as Extract<Clause, { kind: 'return' }>;
    columns = projectionItems(returned.projection, plan.checked.scopes.get(returned)!).map((item) => item.name);
    for (const row of runClauses(clauses, plan, context)) {
      const plain = Object.fromEntries(columns.map((column) => [column, toPlain(row.get(column)!)]));
      if (deduplicate) {
        const key = JSON.stringify(columns.map((column) => plain[column]));
        if (seen.has(key)) continue;
        seen.add(key);
      }
      rows.push(plain);
      context.guard.hold(returned, rows.length);
    }
  }
  return { columns, rows };
}

function runClauses(clauses: Clause[], plan: QueryPlan, context: EvaluationContext): Iterable<Row> {
  let rows: Iterable<Row> = [EMPTY_ROW];
  for (const clause of clauses) {
    const scope = plan.checked.scopes.get(clause)!;
    switch (clause.kind) {
      case 'match':
        rows = flatMap(rows, (row) => matchClause(plan.matches.get(clause)!, row, context));
        break;
      case 'unwind':
        rows = flatMap(rows, (row) => unwind(clause, row, context));
        break;
      case 'with':
        rows = project(rows, clause, clause.projection, scope, context);
        if (clause.where) rows = filter(rows, clause.where, context);
        break;
      case 'return':
        rows = project(rows, clause, clause.projection, scope, context);
        break;
    }
  }
  return rows;
}

function* flatMap(rows: Iterable<Row>, each: (row: Row) => Iterable<Row>): Generator<Row> {
  for (const row of rows) yield* each(row);
}

function* unwind(clause: Extract<Clause, { kind: 'unwind' }>, row: Row, context: EvaluationContext): Generator<Row> {
  const list = evaluate(clause.expression, row, context);
  const items = list === null ? [] : Array.isArray(list) ? list : [list];
  for (const item of items) {
    context.guard.tick(clause);
    yield extend(row, clause.variable, item);
  }
}

function* filter(rows: Iterable<Row>, where: Expression, context: EvaluationContext): Generator<Row> {
  for (const row of rows) if (truth(evaluate(where, row, context)) === true) yield row;
}

/** A projected row, with the row it came from: ORDER BY may read variables that were not projected. */
interface Projected {
  projected: Row;
  source: Row;
}

function* project(input: Iterable<Row>, clause: Clause, projection: Projection, scope: ReadonlySet<string>, context: EvaluationContext): Generator<Row> {
  const items = projectionItems(projection, scope);
  const skip = projection.skip ? count(projection.skip, 'SKIP', context) : 0;
  const limit = projection.limit ? count(projection.limit, 'LIMIT', context) : Infinity;
  if (limit === 0) return;
  const aggregateCalls = items.map((item) => aggregatesIn(item.expression));
  let rows: Iterable<Projected> = aggregateCalls.some((calls) => calls.length > 0)
    ? aggregate(input, clause, items, aggregateCalls, context)
    : map(input, items, context);
  if (projection.distinct) rows = distinct(rows, clause, items.map((item) => item.name), context);
  if (projection.orderBy.length > 0) rows = sort(rows, clause, projection, items, skip + limit, context);
  let index = 0;
  for (const { projected } of rows) {
    if (index++ < skip) continue;
    yield projected;
    if (index >= skip + limit) return;
  }
}

/** A projected row: the column names (shared by all rows of a projection) and this row's values. */
class Columns implements Row {
  constructor(
    private readonly names: readonly string[],
    private readonly values: readonly Value[],
  ) {}

  get(name: string): Value | undefined {
    const index = this.names.indexOf(name);
    return index < 0 ? undefined : this.values[index];
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }
}

function* map(input: Iterable<Row>, items: Projection['items'], context: EvaluationContext): Generator<Projected> {
  const names = items.map((item) => item.name);
  for (const source of input) {
    yield { source, projected: new Columns(names, items.map((item) => evaluate(item.expression, source, context))) };
  }
}

function* distinct(rows: Iterable<Projected>, clause: Clause, columns: string[], context: EvaluationContext): Generator<Projected> {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = columns.map((column) => groupKey(row.projected.get(column)!)).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    context.guard.hold(clause, seen.size);
    yield row;
  }
}

/** ORDER BY: a stable sort, keeping only the first `keep` rows (SKIP + LIMIT) as it goes. */
function* sort(rows: Iterable<Projected>, clause: Clause, projection: Projection, items: Projection['items'], keep: number, context: EvaluationContext): Generator<Projected> {
  // A sort key that names a column (`ORDER BY who`) or repeats its expression reads the projected value.
  const sortSources = projection.orderBy.map(({ expression }) => {
    const item = items.find((candidate) => (expression.kind === 'variable' && candidate.name === expression.name) || candidate.expression.text === expression.text);
    return item ? item.name : expression;
  });
  const compare = (a: { keys: Value[] }, b: { keys: Value[] }): number => {
    for (let i = 0; i < sortSources.length; i++) {
      const order = orderCompare(a.keys[i]!, b.keys[i]!);
      if (order !== 0) return projection.orderBy[i]!.descending ? -order : order;
    }
    return 0;
  };
  let buffer: Array<{ row: Projected; keys: Value[] }> = [];
  for (const row of rows) {
    const keys = sortSources.map((source) => (typeof source === 'string' ? row.projected.get(source)! : evaluate(source, overlay(row.projected, row.source), context)));
    buffer.push({ row, keys });
    context.guard.hold(clause, buffer.length);
    // Sorting the kept rows with the new ones after them, stably, keeps the same first rows as one big sort.
    if (buffer.length >= 2 * keep + 1024) buffer = buffer.sort(compare).slice(0, keep);
  }
  buffer.sort(compare);
  for (let i = 0; i < Math.min(keep, buffer.length); i++) yield buffer[i]!.row;
}

interface Group {
  source: Row;
  accumulators: Accumulator[];
}

/** Implicit grouping as in Cypher: the items without aggregates are the key; aggregates fold row by row. */
function* aggregate(input: Iterable<Row>, clause: Clause, items: Projection['items'], aggregateCalls: CallExpression[][], context: EvaluationContext): Generator<Projected> {
  const names = items.map((item) => item.name);
  const keyItems = items.filter((_, i) => aggregateCalls[i]!.length === 0);
  const calls = aggregateCalls.flat();
  const groups = new GroupIndex<Group>();
  for (const row of input) {
    const group = groups.get(
      keyItems.map((item) => evaluate(item.expression, row, context)),
      () => ({ source: row, accumulators: calls.map((call) => new Accumulator(call)) }),
    );
    context.guard.hold(clause, groups.size);
    for (const accumulator of group.accumulators) accumulator.add(row, context);
  }
  if (groups.size === 0 && keyItems.length === 0) groups.get([], () => ({ source: EMPTY_ROW, accumulators: calls.map((call) => new Accumulator(call)) }));
  for (const { source, accumulators } of groups.values()) {
    const aggregates = new Map<Expression, Value>(accumulators.map((accumulator) => [accumulator.call, accumulator.result()]));
    const groupContext = { ...context, aggregates };
    yield { source, projected: new Columns(names, items.map((item) => evaluate(item.expression, source, groupContext))) };
  }
}

/**
 * Groups by a list of key values: one key by identity (nodes and relationships as themselves,
 * scalars as they are), several by one string of tagged parts; lists, maps and paths by their
 * group key. No part holds a raw NUL (a string with one goes in as JSON), so parts cannot run together.
 */
class GroupIndex<T> {
  private readonly groups = new Map<unknown, T>();
  /** A single list, map or path key: equal values share one token. */
  private readonly tokens = new Map<string, object>();

  get size(): number {
    return this.groups.size;
  }

  values(): IterableIterator<T> {
    return this.groups.values();
  }

  get(keys: Value[], create: () => T): T {
    const key = keys.length === 1 ? this.identity(keys[0]!) : keys.map(keyPart).join('\u0000');
    let group = this.groups.get(key);
    if (group === undefined) {
      group = create();
      this.groups.set(key, group);
    }
    return group;
  }

  private identity(value: Value): unknown {
    if (value === null || typeof value !== 'object' || value instanceof NodeValue || value instanceof RelationshipValue) return value;
    const key = groupKey(value);
    let token = this.tokens.get(key);
    if (!token) this.tokens.set(key, (token = {}));
    return token;
  }
}

function keyPart(value: Value): string {
  if (value === null) return 'z';
  if (typeof value === 'string') return value.includes('\u0000') ? `j${JSON.stringify(value)}` : `s${value}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof NodeValue) return `N${value.key.includes('\u0000') ? JSON.stringify(value.key) : value.key}`;
  return `g${groupKey(value)}`;
}

/** One aggregate call folding the rows of one group. */
class Accumulator {
  private rows = 0;
  /** collect() only. */
  private values?: Value[];
  private readonly seen?: Set<string>;

  constructor(readonly call: CallExpression) {
    if (call.distinct) this.seen = new Set();
  }

  add(row: Row, context: EvaluationContext): void {
    if (this.call.star) {
      this.rows++;
      return;
    }
    const value = evaluate(this.call.args[0]!, row, context);
    if (value === null) return;
    if (this.seen) {
      const key = groupKey(value);
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if (this.call.name === 'count') this.rows++;
    else this.fold(value);
  }

  /** min and max keep one value, sum and avg a running total; collect keeps them all. */
  private total = 0;
  private best: Value = null;
  private fold(value: Value): void {
    const { name } = this.call;
    if (name === 'collect') {
      (this.values ??= []).push(value);
    } else if (name === 'min' || name === 'max') {
      if (this.best === null || (name === 'min' ? orderCompare(value, this.best) < 0 : orderCompare(value, this.best) > 0)) this.best = value;
    } else if (name === 'sum' || name === 'avg') {
      if (typeof value !== 'number') throw new QueryError(`${name}() expects numbers`, this.call.position);
      this.total += value;
      this.rows++;
    } else {
      throw new QueryError(`unknown aggregate ${name}()`, this.call.position);
    }
  }

  result(): Value {
    switch (this.call.name) {
      case 'count':
        return this.rows;
      case 'collect':
        return this.values ?? [];
      case 'min':
      case 'max':
        return this.best;
      case 'sum':
        return this.total;
      case 'avg':
        return this.rows === 0 ? null : this.total / this.rows;
      default:
        throw new QueryError(`unknown aggregate ${this.call.name}()`, this.call.position);
    }
  }
}

function count(expression: Expression, clause: string, context: EvaluationContext): number {
  const value = evaluate(expression, EMPTY_ROW, context);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new QueryError(`${clause} needs a non-negative integer`, expression.position);
  return value;
}
