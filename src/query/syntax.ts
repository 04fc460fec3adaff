/** Walking the syntax tree: the parts of an expression, the variables and aggregates it holds. */
import type { Expression, PatternPart } from './ast.js';
import { AGGREGATES } from './functions.js';

export type CallExpression = Extract<Expression, { kind: 'call' }>;

/** The direct sub-expressions of an expression. */
export function children(expression: Expression): Expression[] {
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

/** The property-map expressions of a pattern's nodes and relationships. */
export function patternExpressions(part: PatternPart): Expression[] {
  return [...part.nodes, ...part.relationships].flatMap((element) => (element.properties ? [element.properties] : []));
}

/** Every variable a pattern names: path, nodes, relationships. */
export function patternVariables(parts: readonly PatternPart[]): string[] {
  return parts.flatMap((part) => [part.variable, ...part.nodes.map((node) => node.variable), ...part.relationships.map((relationship) => relationship.variable)]).filter((name): name is string => name !== undefined);
}

/** Aggregate calls in an expression, not looking inside them (nesting is refused by the check). */
export function aggregatesIn(expression: Expression): CallExpression[] {
  if (expression.kind === 'call' && AGGREGATES.has(expression.name)) return [expression];
  return children(expression).flatMap(aggregatesIn);
}

/** The variables an expression reads from its row (not those a comprehension binds itself). */
export function freeVariables(expression: Expression, into = new Set<string>(), inner: ReadonlySet<string> = new Set()): Set<string> {
  if (expression.kind === 'variable') {
    if (!inner.has(expression.name)) into.add(expression.name);
    return into;
  }
  if (expression.kind === 'pattern') {
    for (const name of patternVariables([expression.pattern])) if (!inner.has(name)) into.add(name);
  }
  if (expression.kind === 'listComprehension' || expression.kind === 'quantifier') {
    freeVariables(expression.source, into, inner);
    const scoped = new Set(inner).add(expression.variable);
    for (const child of children(expression).slice(1)) freeVariables(child, into, scoped);
    return into;
  }
  for (const child of children(expression)) freeVariables(child, into, inner);
  return into;
}

/** `a AND b AND c` as [a, b, c]. */
export function conjuncts(expression: Expression): Expression[] {
  if (expression.kind === 'binary' && expression.operator === 'AND') return [...conjuncts(expression.left), ...conjuncts(expression.right)];
  return [expression];
}

export function variableExpression(name: string): Expression {
  return { kind: 'variable', name, text: name, position: { line: 0, column: 0 } };
}
