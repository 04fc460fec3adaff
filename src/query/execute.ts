/** Runs a parsed query clause by clause over rows of variable bindings. */
import type { Clause, Expression, PatternPart, Projection, Query } from './ast.js';
import { groupKey, orderCompare } from './compare.js';
import { QueryError } from './errors.js';
import { evaluate, truth, type EvaluationContext, type Row } from './evaluate.js';
import { AGGREGATES, FUNCTIONS, REFUSED_FUNCTIONS } from './functions.js';
import { matchPattern } from './match.js';
import { toPlain, type PlainValue, type RelationshipValue, type Value } from './values.js';

/** What both backends return: column names and rows of plain JSON values keyed by column. */
export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, PlainValue>>;
}

export function executeQuery(query: Query, context: EvaluationContext): QueryResult {
  const results = query.parts.map((clauses) => executeClauses(clauses, checkScopes(clauses), context));
  const columns = results[0]!.columns;
  for (const result of results.slice(1)) {
    if (result.columns.join('\u0000') !== columns.join('\u0000')) throw new QueryError('all parts of a UNION must return the same column names');
  }
  let rows = results.flatMap((result) => result.rows);
  if (query.parts.length > 1 && !query.unionAll) {
    const seen = new Set<string>();
    rows = rows.filter((row) => {
      const key = JSON.stringify(columns.map((column) => row[column]));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return { columns, rows };
}

function executeClauses(clauses: Clause[], scopes: ProjectionScopes, context: EvaluationContext): QueryResult {
  let rows: Row[] = [new Map()];
  for (const clause of clauses) {
    switch (clause.kind) {
      case 'match':
        rows = rows.flatMap((row) => matchClause(clause, row, context));
        break;
      case 'unwind':
        rows = rows.flatMap((row) => {
          const list = evaluate(clause.expression, row, context);
          const items = list === null ? [] : Array.isArray(list) ? list : [list];
          return items.map((item) => new Map(row).set(clause.variable, item));
        });
        break;
      case 'with': {
        rows = project(rows, clause.projection, scopes.get(clause)!, context).rows;
        if (clause.where) rows = rows.filter((row) => truth(evaluate(clause.where!, row, context)) === true);
        break;
      }
      case 'return': {
        const projected = project(rows, clause.projection, scopes.get(clause)!, context);
        return { columns: projected.columns, rows: projected.rows.map((row) => Object.fromEntries(projected.columns.map((column) => [column, toPlain(row.get(column)!)]))) };
      }
    }
  }
  throw new QueryError('the query must end with RETURN');
}

function matchClause(clause: Extract<Clause, { kind: 'match' }>, row: Row, context: EvaluationContext): Row[] {
  const out: Row[] = [];
  const used = new Set<RelationshipValue>();
  const matchFrom = (index: number, current: Row): void => {
    const part = clause.patterns[index];
    if (!part) {
      if (!clause.where || truth(evaluate(clause.where, current, context)) === true) out.push(current);
      return;
    }
    matchPattern(part, current, context, used, (next, relationships) => {
      for (const relationship of relationships) used.add(relationship);
      matchFrom(index + 1, next);
      for (const relationship of relationships) used.delete(relationship);
    });
  };
  matchFrom(0, row);
  if (clause.optional && out.length === 0) {
    const empty = new Map(row);
    for (const variable of patternVariables(clause.patterns)) if (!empty.has(variable)) empty.set(variable, null);
    out.push(empty);
  }
  return out;
}

interface Projected {
  columns: string[];
  rows: Row[];
}

/** The variables in scope before each WITH / RETURN: what `*` returns, even when no row comes. */
type ProjectionScopes = Map<Clause, ReadonlySet<string>>;

function project(input: Row[], projection: Projection, scope: ReadonlySet<string>, context: EvaluationContext): Projected {
  const items = [...projection.items];
  if (projection.star) {
    const names = new Set(items.map((item) => item.name));
    const starNames = [...scope].filter((name) => !names.has(name)).sort();
    items.unshift(...starNames.map((name) => ({ name, expression: variableExpression(name) })));
  }
  const columns = items.map((item) => item.name);
  const aggregateCalls = items.map((item) => aggregatesIn(item.expression));
  const aggregating = aggregateCalls.some((calls) => calls.length > 0);

  // Each output row keeps its source row, so ORDER BY may use variables that were not returned.
  let rows: Array<{ projected: Row; source: Row }>;
  if (!aggregating) {
    rows = input.map((source) => ({ source, projected: new Map(items.map((item) => [item.name, evaluate(item.expression, source, context)])) }));
  } else {
    const keyItems = items.filter((_, i) => aggregateCalls[i]!.length === 0);
    const groups = new Map<string, Row[]>();
    for (const row of input) {
      const key = keyItems.map((item) => groupKey(evaluate(item.expression, row, context))).join('\u0000');
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    if (groups.size === 0 && keyItems.length === 0) groups.set('', []);
    rows = [...groups.values()].map((group) => {
      const aggregates = new Map<Expression, Value>();
      for (const call of aggregateCalls.flat()) aggregates.set(call, aggregate(call, group, context));
      const source = group[0] ?? new Map();
      const groupContext = { ...context, aggregates };
      return { source, projected: new Map(items.map((item) => [item.name, evaluate(item.expression, source, groupContext)])) };
    });
  }

  if (projection.distinct) {
    const seen = new Set<string>();
    rows = rows.filter(({ projected }) => {
      const key = columns.map((column) => groupKey(projected.get(column)!)).join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  if (projection.orderBy.length > 0) {
    // A sort key that names a column (`ORDER BY who`) or repeats its expression reads the projected value.
    const sortSources = projection.orderBy.map(({ expression }) => {
      const item = items.find((candidate) => (expression.kind === 'variable' && candidate.name === expression.name) || candidate.expression.text === expression.text);
      return item ? item.name : expression;
    });
    const keyed = rows.map((row) => ({
      row,
      keys: sortSources.map((source) => (typeof source === 'string' ? row.projected.get(source)! : evaluate(source, new Map([...row.source, ...row.projected]), context))),
    }));
    keyed.sort((a, b) => {
      for (let i = 0; i < projection.orderBy.length; i++) {
        const order = orderCompare(a.keys[i]!, b.keys[i]!);
        if (order !== 0) return projection.orderBy[i]!.descending ? -order : order;
      }
      return 0;
    });
    rows = keyed.map(({ row }) => row);
  }

  const skip = projection.skip ? count(projection.skip, 'SKIP', context) : 0;
  const limit = projection.limit ? count(projection.limit, 'LIMIT', context) : Infinity;
  return { columns, rows: rows.slice(skip, skip + limit).map(({ projected }) => projected) };
}

function count(expression: Expression, clause: string, context: EvaluationContext): number {
  const value = evaluate(expression, new Map(), context);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new QueryError(`${clause} needs a non-negative integer`, expression.position);
  return value;
}

function aggregate(call: Extract<Expression, { kind: 'call' }>, rows: Row[], context: EvaluationContext): Value {
  if (call.star) return rows.length;
  const seen = new Set<string>();
  const values: Value[] = [];
  for (const row of rows) {
    const value = evaluate(call.args[0]!, row, context);
    if (value === null) continue;
    if (call.distinct) {
      const key = groupKey(value);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    values.push(value);
  }
  switch (call.name) {
    case 'count':
      return values.length;
    case 'collect':
      return values;
    case 'min':
    case 'max':
      if (values.length === 0) return null;
      return values.reduce((best, value) => ((call.name === 'min' ? orderCompare(value, best) < 0 : orderCompare(value, best) > 0) ? value : best));
    case 'sum':
    case 'avg': {
      const numbers = values.map((value) => {
        if (typeof value !== 'number') throw new QueryError(`${call.name}() expects numbers`, call.position);
        return value;
      });
      const total = numbers.reduce((sum, value) => sum + value, 0);
      if (call.name === 'sum') return total;
      return numbers.length === 0 ? null : total / numbers.length;
    }
    default:
      throw new QueryError(`unknown aggregate ${call.name}()`, call.position);
  }
}

/** Aggregate calls in an expression, not looking inside them (nesting is refused by checkScopes). */
function aggregatesIn(expression: Expression): Array<Extract<Expression, { kind: 'call' }>> {
  if (expression.kind === 'call' && AGGREGATES.has(expression.name)) return [expression];
  return children(expression).flatMap(aggregatesIn);
}

function children(expression: Expression): Expression[] {
  switch (expression.kind) {
    case 'literal':
    case 'parameter':
    case 'variable':
      return [];
    case 'property':
      return [expression.object];
    case 'index':
      return [expression.object, expression.index];
    case 'slice':
      return [expression.object, ...(expression.from ? [expression.from] : []), ...(expression.to ? [expression.to] : [])];
    case 'list':
      return expression.items;
    case 'map':
      return expression.entries.map(([, value]) => value);
    case 'call':
      return expression.args;
    case 'binary':
      return [expression.left, expression.right];
    case 'not':
    case 'negate':
    case 'isNull':
    case 'hasLabels':
      return [expression.operand];
    case 'case':
      return [...(expression.subject ? [expression.subject] : []), ...expression.whens.flat(), ...(expression.otherwise ? [expression.otherwise] : [])];
    case 'listComprehension':
      return [expression.source, ...(expression.where ? [expression.where] : []), ...(expression.map ? [expression.map] : [])];
    case 'quantifier':
      return [expression.source, expression.where];
    case 'pattern':
      return patternExpressions(expression.pattern);
  }
}

function patternExpressions(part: PatternPart): Expression[] {
  return [...part.nodes, ...part.relationships].flatMap((element) => (element.properties ? [element.properties] : []));
}

function patternVariables(parts: PatternPart[]): string[] {
  return parts.flatMap((part) => [part.variable, ...part.nodes.map((node) => node.variable), ...part.relationships.map((relationship) => relationship.variable)]).filter((name): name is string => name !== undefined);
}

function variableExpression(name: string): Expression {
  return { kind: 'variable', name, text: name, position: { line: 0, column: 0 } };
}

/**
 * Before running: every variable is defined where it is used, every function exists, aggregates
 * stand only in WITH / RETURN items. Errors carry the position, even when no row would reach them.
 */
function checkScopes(clauses: Clause[]): ProjectionScopes {
  const scopes: ProjectionScopes = new Map();
  let scope = new Set<string>();
  const check = (expression: Expression, names: Set<string>, aggregatesAllowed: boolean): void => {
    if (expression.kind === 'variable' && !names.has(expression.name)) throw new QueryError(`variable \`${expression.name}\` is not defined`, expression.position);
    if (expression.kind === 'call') {
      const isAggregate = AGGREGATES.has(expression.name);
      if (!isAggregate && !FUNCTIONS[expression.name]) {
        const reason = REFUSED_FUNCTIONS[expression.name];
        throw new QueryError(reason ? `${expression.name}() is not supported by kg query: ${reason}` : `unknown function ${expression.name}()`, expression.position);
      }
      if (isAggregate && !aggregatesAllowed) throw new QueryError(`${expression.name}() is an aggregate: it may only be used in WITH or RETURN`, expression.position);
      if (!isAggregate && FUNCTIONS[expression.name]) {
        const [min, max] = FUNCTIONS[expression.name]!.arity;
        if (expression.args.length < min || expression.args.length > max) throw new QueryError(`${expression.name}() takes ${min === max ? min : `${min} to ${max}`} argument(s)`, expression.position);
      } else if (!expression.star && expression.args.length !== 1) {
        throw new QueryError(`${expression.name}() takes one argument`, expression.position);
      }
      for (const arg of expression.args) check(arg, names, !isAggregate && aggregatesAllowed);
      return;
    }
    if (expression.kind === 'listComprehension' || expression.kind === 'quantifier') {
      check(expression.source, names, aggregatesAllowed);
      const inner = new Set(names).add(expression.variable);
      for (const child of children(expression).slice(1)) check(child, inner, aggregatesAllowed);
      return;
    }
    if (expression.kind === 'pattern') {
      for (const variable of patternVariables([expression.pattern])) {
        if (!names.has(variable)) throw new QueryError(`pattern predicates may only use variables bound before; \`${variable}\` is new (use OPTIONAL MATCH)`, expression.position);
      }
    }
    for (const child of children(expression)) check(child, names, aggregatesAllowed);
  };
  for (const clause of clauses) {
    switch (clause.kind) {
      case 'match': {
        const inner = new Set([...scope, ...patternVariables(clause.patterns)]);
        for (const part of clause.patterns) for (const expression of patternExpressions(part)) check(expression, scope, false);
        if (clause.where) check(clause.where, inner, false);
        scope = inner;
        break;
      }
      case 'unwind':
        check(clause.expression, scope, false);
        scope = new Set(scope).add(clause.variable);
        break;
      case 'with':
      case 'return': {
        const { projection } = clause;
        scopes.set(clause, scope);
        const names = new Set<string>();
        for (const item of projection.items) {
          if (names.has(item.name)) throw new QueryError(`\`${item.name}\` is named twice in ${clause.kind.toUpperCase()}; give each column its own name`, item.expression.position);
          names.add(item.name);
          check(item.expression, scope, true);
        }
        const projected = new Set([...(projection.star ? scope : []), ...projection.items.map((item) => item.name)]);
        const sortScope = new Set([...scope, ...projected]);
        for (const sort of projection.orderBy) check(sort.expression, sortScope, true);
        for (const bound of [projection.skip, projection.limit]) if (bound) check(bound, new Set(), false);
        scope = projected;
        if (clause.kind === 'with' && clause.where) check(clause.where, scope, false);
        break;
      }
    }
  }
  return scopes;
}
