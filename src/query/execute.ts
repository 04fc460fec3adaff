/**
 * The execute phase: each clause is a pull-based iterator over rows of variable bindings, so rows
 * flow one at a time and a LIMIT stops everything before it. Only ORDER BY, aggregation and
 * DISTINCT hold rows, and they count what they hold against the query's limits.
 */
import type { Clause, Expression, Projection } from './ast.js';
import { projectionItems } from './check.js';
import { orderCompare, ValueKeys } from './compare.js';
import { QueryError } from './errors.js';
import { EMPTY_ROW, evaluate, extend, overlay, truth, type EvaluationContext, type Row } from './evaluate.js';
import { degreeOf, matchClause } from './match.js';
import type { DegreeCount, QueryPlan } from './plan.js';
import { aggregatesIn, type CallExpression } from './syntax.js';
import { toPlain, type PlainValue, type Value } from './values.js';

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
        rows = project(rows, clause, clause.projection, scope, plan, context);
        if (clause.where) rows = filter(rows, clause.where, context);
        break;
      case 'return':
        rows = project(rows, clause, clause.projection, scope, plan, context);
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

function* project(input: Iterable<Row>, clause: Clause, projection: Projection, scope: ReadonlySet<string>, plan: QueryPlan, context: EvaluationContext): Generator<Row> {
  const items = projectionItems(projection, scope);
  const skip = projection.skip ? count(projection.skip, 'SKIP', context) : 0;
  const limit = projection.limit ? count(projection.limit, 'LIMIT', context) : Infinity;
  if (limit === 0) return;
  const aggregateCalls = items.map((item) => aggregatesIn(item.expression));
  let rows: Iterable<Projected> = aggregateCalls.some((calls) => calls.length > 0)
    ? aggregate(input, clause, items, aggregateCalls, plan, context)
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
  const seen = new GroupIndex<true>(columns.length);
  const values: Value[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = row.projected.get(columns[i]!)!;
    if (seen.get(values)) continue;
    seen.set(values, true);
    context.guard.hold(clause, seen.size);
    yield row;
  }
}

/**
 * ORDER BY, stable (ties keep their arrival order). With SKIP + LIMIT (`keep`) it holds only the
 * first `keep` rows so far, in a heap whose top is the last of them (a bounded top-k, as Neo4j's
 * Top): a row that sorts after it is dropped at once.
 */
function* sort(rows: Iterable<Projected>, clause: Clause, projection: Projection, items: Projection['items'], keep: number, context: EvaluationContext): Generator<Projected> {
  // A sort key that names a column (`ORDER BY who`) or repeats its expression reads the projected value.
  const sortSources = projection.orderBy.map(({ expression }) => {
    const item = items.find((candidate) => (expression.kind === 'variable' && candidate.name === expression.name) || candidate.expression.text === expression.text);
    return item ? item.name : expression;
  });
  const compare = (a: Sorted, b: Sorted): number => {
    for (let i = 0; i < sortSources.length; i++) {
      const order = orderCompare(a.keys[i]!, b.keys[i]!);
      if (order !== 0) return projection.orderBy[i]!.descending ? -order : order;
    }
    return a.arrival - b.arrival;
  };
  const kept: Sorted[] = [];
  let arrival = 0;
  for (const row of rows) {
    const keys = sortSources.map((source) => (typeof source === 'string' ? row.projected.get(source)! : evaluate(source, overlay(row.projected, row.source), context)));
    const entry = { row, keys, arrival: arrival++ };
    if (kept.length < keep) {
      kept.push(entry);
      if (keep !== Infinity) siftUp(kept, kept.length - 1, compare);
      context.guard.hold(clause, kept.length);
    } else if (compare(entry, kept[0]!) < 0) {
      kept[0] = entry;
      siftDown(kept, 0, compare);
    }
  }
  kept.sort(compare);
  for (const { row } of kept) yield row;
}

interface Sorted {
  row: Projected;
  keys: Value[];
  arrival: number;
}

/** Max-heap by `compare` (the top sorts last): moves item `index` up to its place. */
function siftUp<T>(heap: T[], index: number, compare: (a: T, b: T) => number): void {
  const item = heap[index]!;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (compare(heap[parent]!, item) >= 0) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = item;
}

/** Max-heap by `compare`: moves item `index` down to its place. */
function siftDown<T>(heap: T[], index: number, compare: (a: T, b: T) => number): void {
  const item = heap[index]!;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && compare(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compare(heap[child]!, item) <= 0) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = item;
}

interface Group {
  source: Row;
  accumulators: Accumulator[];
}

/** Implicit grouping as in Cypher: the items without aggregates are the key; aggregates fold row by row. */
function* aggregate(input: Iterable<Row>, clause: Clause, items: Projection['items'], aggregateCalls: CallExpression[][], plan: QueryPlan, context: EvaluationContext): Generator<Projected> {
  const names = items.map((item) => item.name);
  const keyItems = items.filter((_, i) => aggregateCalls[i]!.length === 0);
  const calls = aggregateCalls.flat();
  const newGroup = (source: Row): Group => ({ source, accumulators: calls.map((call) => new Accumulator(call, plan.degreeCounts.get(call))) });
  const groups = new GroupIndex<Group>(keyItems.length);
  // One key list, refilled for every row: the index copies nothing out of it.
  const keys: Value[] = new Array(keyItems.length);
  for (const row of input) {
    for (let i = 0; i < keyItems.length; i++) keys[i] = evaluate(keyItems[i]!.expression, row, context);
    let group = groups.get(keys);
    if (group === undefined) {
      group = newGroup(row);
      groups.set(keys, group);
      context.guard.hold(clause, groups.size);
    }
    for (const accumulator of group.accumulators) accumulator.add(row, clause, context);
  }
  if (groups.size === 0 && keyItems.length === 0) groups.set([], newGroup(EMPTY_ROW));
  // One map of aggregate values and one context, refilled per group: each row is projected at once.
  const aggregates = new Map<Expression, Value>();
  const groupContext = { ...context, aggregates };
  for (const { source, accumulators } of groups.values()) {
    for (const accumulator of accumulators) aggregates.set(accumulator.call, accumulator.result());
    yield { source, projected: new Columns(names, items.map((item) => evaluate(item.expression, source, groupContext))) };
  }
}

/**
 * Groups by a list of key values, as a tree of maps, one level per key, each value under its
 * ValueKeys key: no string is built per row.
 */
class GroupIndex<T> {
  private readonly root = new Map<unknown, unknown>();
  private readonly found: T[] = [];
  private readonly keys = new ValueKeys();

  constructor(private readonly depth: number) {}

  get size(): number {
    return this.found.length;
  }

  values(): IterableIterator<T> {
    return this.found.values();
  }

  get(keys: readonly Value[]): T | undefined {
    if (this.depth === 0) return this.found[0];
    let level: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < this.depth - 1 && level; i++) level = level.get(this.keys.of(keys[i]!)) as Map<unknown, unknown> | undefined;
    return level?.get(this.keys.of(keys[this.depth - 1]!)) as T | undefined;
  }

  set(keys: readonly Value[], group: T): void {
    this.found.push(group);
    if (this.depth === 0) return;
    let level = this.root;
    for (let i = 0; i < this.depth - 1; i++) {
      const key = this.keys.of(keys[i]!);
      let next = level.get(key) as Map<unknown, unknown> | undefined;
      if (!next) level.set(key, (next = new Map()));
      level = next;
    }
    level.set(this.keys.of(keys[this.depth - 1]!), group);
  }
}

/** One aggregate call folding the rows of one group. */
class Accumulator {
  private rows = 0;
  /** collect() only. */
  private values?: Value[];
  private readonly seen?: Set<unknown>;
  private readonly keys?: ValueKeys;

  constructor(
    readonly call: CallExpression,
    /** count(r) of a MATCH planned as a degree: one row stands for all its relationships. */
    private readonly degree?: DegreeCount,
  ) {
    if (call.distinct) {
      this.seen = new Set();
      this.keys = new ValueKeys();
    }
  }

  add(row: Row, clause: Clause, context: EvaluationContext): void {
    if (this.degree) {
      this.rows += degreeOf(row.get(this.degree.from) ?? null, this.degree, clause);
      return;
    }
    if (this.call.star) {
      this.rows++;
      return;
    }
    const value = evaluate(this.call.args[0]!, row, context);
    if (value === null) return;
    if (this.seen) {
      const key = this.keys!.of(value);
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
