/**
 * The check phase, before planning: every variable is defined where it is used, every function
 * exists with the right number of arguments, aggregates stand only in WITH / RETURN items, and
 * all parts of a UNION return the same columns. Errors carry the position, even when no row would
 * reach them.
 */
import type { Clause, Expression, Projection, ProjectionItem, Query } from './ast.js';
import { QueryError } from './errors.js';
import { AGGREGATES, FUNCTIONS, REFUSED_FUNCTIONS } from './functions.js';
import { children, patternExpressions, patternVariables, variableExpression } from './syntax.js';

/** The variables in scope before each clause: what `*` returns, even when no row comes. */
export type Scopes = ReadonlyMap<Clause, ReadonlySet<string>>;

export interface CheckedQuery {
  query: Query;
  scopes: Scopes;
}

export function checkQuery(query: Query): CheckedQuery {
  const scopes = new Map<Clause, ReadonlySet<string>>();
  for (const clauses of query.parts) checkClauses(clauses, scopes);
  const columns = query.parts.map((clauses) => {
    const last = clauses.at(-1);
    if (!last || last.kind !== 'return') throw new QueryError('the query must end with RETURN');
    return projectionItems(last.projection, scopes.get(last)!).map((item) => item.name).join('\u0000');
  });
  if (columns.some((names) => names !== columns[0])) throw new QueryError('all parts of a UNION must return the same column names');
  return { query, scopes };
}

/** The items a WITH / RETURN projects: `*` first (the variables in scope, sorted), then its own. */
export function projectionItems(projection: Projection, scope: ReadonlySet<string>): ProjectionItem[] {
  if (!projection.star) return projection.items;
  const names = new Set(projection.items.map((item) => item.name));
  const starNames = [...scope].filter((name) => !names.has(name)).sort();
  return [...starNames.map((name) => ({ name, expression: variableExpression(name) })), ...projection.items];
}

function checkClauses(clauses: Clause[], scopes: Map<Clause, ReadonlySet<string>>): void {
  let scope = new Set<string>();
  for (const clause of clauses) {
    scopes.set(clause, scope);
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
}

function check(expression: Expression, names: ReadonlySet<string>, aggregatesAllowed: boolean): void {
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
}
