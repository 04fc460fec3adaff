/** Expression evaluation with Cypher's null semantics (three-valued logic, null in → null out). */
import type { Expression, PatternPart } from './ast.js';
import { compare, equals } from './compare.js';
import { QueryError } from './errors.js';
import { FUNCTIONS, typeName } from './functions.js';
import type { GraphView } from './graph-view.js';
import type { QueryGuard } from './limits.js';
import type { PartPlan } from './plan.js';
import { NodeValue, RelationshipValue, isMap, type Value } from './values.js';

/** The variables bound for one row: a Map, or a row plus bindings (see `extend`). */
export interface Row {
  get(name: string): Value | undefined;
  has(name: string): boolean;
}

/**
 * A row plus one binding: one small object where a copied Map would hash every variable again.
 * Matching extends rows at every hop, so this is most of what a query allocates.
 */
class Binding implements Row {
  constructor(
    private readonly parent: Row,
    private readonly name: string,
    private readonly value: Value,
  ) {}

  get(name: string): Value | undefined {
    let row: Row = this;
    while (row instanceof Binding) {
      if (row.name === name) return row.value;
      row = row.parent;
    }
    return row.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

export function extend(row: Row, name: string, value: Value): Row {
  return new Binding(row, name, value);
}

/** Variables of `first`, then of `second` (ORDER BY reads projected columns, then the source row). */
export function overlay(first: Row, second: Row): Row {
  return { get: (name) => (first.has(name) ? first.get(name) : second.get(name)), has: (name) => first.has(name) || second.has(name) };
}

export const EMPTY_ROW: Row = new Map();

export interface EvaluationContext {
  view: GraphView;
  parameters: Record<string, Value>;
  guard: QueryGuard;
  /** The plans of the pattern predicates in the query's expressions. */
  patterns: ReadonlyMap<PatternPart, PartPlan>;
  /** Whether a pattern predicate matches: the matcher, passed in because it evaluates expressions itself. */
  patternExists: (plan: PartPlan, row: Row, context: EvaluationContext) => boolean;
  /** The value of each aggregate call of the group being projected. */
  aggregates?: Map<Expression, Value>;
}

const regexCache = new Map<string, RegExp>();

export function evaluate(expression: Expression, row: Row, context: EvaluationContext): Value {
  try {
    return evaluateUnchecked(expression, row, context);
  } catch (error) {
    // Put the position of the innermost expression on type errors that lack one.
    if (error instanceof QueryError && !error.position) throw new QueryError(error.reason, expression.position);
    throw error;
  }
}

function evaluateUnchecked(expression: Expression, row: Row, context: EvaluationContext): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'parameter': {
      if (!(expression.name in context.parameters)) throw new QueryError(`missing parameter $${expression.name} (give it with --param ${expression.name}=VALUE)`, expression.position);
      return context.parameters[expression.name]!;
    }
    case 'variable': {
      const value = row.get(expression.name);
      if (value === undefined) throw new QueryError(`variable \`${expression.name}\` is not defined`, expression.position);
      return value;
    }
    case 'property':
      return property(evaluate(expression.object, row, context), expression.key);
    case 'index':
      return index(evaluate(expression.object, row, context), evaluate(expression.index, row, context));
    case 'slice': {
      const list = evaluate(expression.object, row, context);
      const from = expression.from ? evaluate(expression.from, row, context) : 0;
      const to = expression.to ? evaluate(expression.to, row, context) : undefined;
      if (list === null || from === null || to === null) return null;
      if (!Array.isArray(list)) throw new QueryError(`cannot slice ${typeName(list)}`);
      if (typeof from !== 'number' || (to !== undefined && typeof to !== 'number')) throw new QueryError('slice bounds must be numbers');
      return list.slice(from, to);
    }
    case 'list':
      return expression.items.map((item) => evaluate(item, row, context));
    case 'map':
      return Object.fromEntries(expression.entries.map(([key, value]) => [key, evaluate(value, row, context)]));
    case 'call':
      return call(expression, row, context);
    case 'binary':
      return binary(expression, row, context);
    case 'not': {
      const value = truth(evaluate(expression.operand, row, context));
      return value === null ? null : !value;
    }
    case 'negate': {
      const value = evaluate(expression.operand, row, context);
      if (value === null) return null;
      if (typeof value !== 'number') throw new QueryError(`cannot negate ${typeName(value)}`);
      return -value;
    }
    case 'isNull': {
      const isNull = evaluate(expression.operand, row, context) === null;
      return expression.negated ? !isNull : isNull;
    }
    case 'hasLabels': {
      const value = evaluate(expression.operand, row, context);
      if (value === null) return null;
      if (!(value instanceof NodeValue)) throw new QueryError(`label test on ${typeName(value)}`);
      return expression.labels.every((label) => value.labels.includes(label));
    }
    case 'case': {
      const subject = expression.subject ? evaluate(expression.subject, row, context) : undefined;
      for (const [when, then] of expression.whens) {
        const test = evaluate(when, row, context);
        const hit = subject === undefined ? test === true : equals(subject, test) === true;
        if (hit) return evaluate(then, row, context);
      }
      return expression.otherwise ? evaluate(expression.otherwise, row, context) : null;
    }
    case 'listComprehension': {
      const source = evaluate(expression.source, row, context);
      if (source === null) return null;
      if (!Array.isArray(source)) throw new QueryError(`list comprehension over ${typeName(source)}`);
      const result: Value[] = [];
      for (const item of source) {
        const inner = extend(row, expression.variable, item);
        if (expression.where && evaluate(expression.where, inner, context) !== true) continue;
        result.push(expression.map ? evaluate(expression.map, inner, context) : item);
      }
      return result;
    }
    case 'quantifier': {
      const source = evaluate(expression.source, row, context);
      if (source === null) return null;
      if (!Array.isArray(source)) throw new QueryError(`${expression.quantifier}() over ${typeName(source)}`);
      let trues = 0;
      let nulls = 0;
      for (const item of source) {
        const result = truth(evaluate(expression.where, extend(row, expression.variable, item), context));
        if (result === true) trues++;
        else if (result === null) nulls++;
      }
      const falses = source.length - trues - nulls;
      switch (expression.quantifier) {
        case 'all':
          return falses > 0 ? false : nulls > 0 ? null : true;
        case 'any':
          return trues > 0 ? true : nulls > 0 ? null : false;
        case 'none':
          return trues > 0 ? false : nulls > 0 ? null : true;
        case 'single':
          return trues > 1 ? false : nulls > 0 ? null : trues === 1;
      }
      break;
    }
    case 'pattern':
      return context.patternExists(context.patterns.get(expression.pattern)!, row, context);
  }
}

function property(object: Value, key: string): Value {
  if (object === null) return null;
  if (object instanceof NodeValue || object instanceof RelationshipValue) return object.properties[key] ?? null;
  if (isMap(object)) return object[key] ?? null;
  throw new QueryError(`cannot read property \`${key}\` of ${typeName(object)}`);
}

function index(object: Value, key: Value): Value {
  if (object === null || key === null) return null;
  if (Array.isArray(object)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) throw new QueryError('a list index must be an integer');
    return object[key < 0 ? object.length + key : key] ?? null;
  }
  if (typeof key === 'string') return property(object, key);
  throw new QueryError(`cannot index ${typeName(object)} with ${typeName(key)}`);
}

function call(expression: Extract<Expression, { kind: 'call' }>, row: Row, context: EvaluationContext): Value {
  const aggregated = context.aggregates?.get(expression);
  if (aggregated !== undefined) return aggregated;
  const fn = FUNCTIONS[expression.name];
  if (!fn) throw new QueryError(`${expression.name}() is an aggregate and cannot be used here`, expression.position);
  return fn.apply(expression.args.map((arg) => evaluate(arg, row, context)));
}

/** Only `true` passes a WHERE; this maps values to true / false / null. */
export function truth(value: Value): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  throw new QueryError(`expected a boolean, got ${typeName(value)}`);
}

function binary(expression: Extract<Expression, { kind: 'binary' }>, row: Row, context: EvaluationContext): Value {
  const { operator } = expression;
  if (operator === 'AND' || operator === 'OR' || operator === 'XOR') {
    const left = truth(evaluate(expression.left, row, context));
    if (operator === 'AND' && left === false) return false;
    if (operator === 'OR' && left === true) return true;
    const right = truth(evaluate(expression.right, row, context));
    if (operator === 'AND') return right === false ? false : left === null || right === null ? null : true;
    if (operator === 'OR') return right === true ? true : left === null || right === null ? null : false;
    return left === null || right === null ? null : left !== right;
  }
  const left = evaluate(expression.left, row, context);
  const right = evaluate(expression.right, row, context);
  switch (operator) {
    case '=':
      return equals(left, right);
    case '<>': {
      const equal = equals(left, right);
      return equal === null ? null : !equal;
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const order = compare(left, right);
      if (order === null) return null;
      return operator === '<' ? order < 0 : operator === '>' ? order > 0 : operator === '<=' ? order <= 0 : order >= 0;
    }
    case 'IN': {
      if (right === null) return null;
      if (!Array.isArray(right)) throw new QueryError(`IN expects a list on its right, got ${typeName(right)}`);
      let result: boolean | null = false;
      for (const item of right) {
        const equal = equals(left, item);
        if (equal === true) return true;
        if (equal === null) result = null;
      }
      return result;
    }
    case 'STARTS WITH':
    case 'ENDS WITH':
    case 'CONTAINS': {
      if (typeof left !== 'string' || typeof right !== 'string') return null;
      return operator === 'STARTS WITH' ? left.startsWith(right) : operator === 'ENDS WITH' ? left.endsWith(right) : left.includes(right);
    }
    case '=~': {
      if (typeof left !== 'string' || typeof right !== 'string') return null;
      return regex(right).test(left);
    }
    default:
      return arithmetic(operator, left, right);
  }
}

/** Java-style regex as Cypher takes it: whole-string match, `(?i)` and friends as leading flags. */
function regex(pattern: string): RegExp {
  let compiled = regexCache.get(pattern);
  if (!compiled) {
    const flags = /^\(\?([imsu]+)\)/.exec(pattern);
    try {
      compiled = new RegExp(`^(?:${flags ? pattern.slice(flags[0].length) : pattern})$`, flags ? flags[1]! : '');
    } catch (error) {
      throw new QueryError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
    }
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

function arithmetic(operator: string, left: Value, right: Value): Value {
  if (left === null || right === null) return null;
  if (operator === '+') {
    if (Array.isArray(left)) return Array.isArray(right) ? [...left, ...right] : [...left, right];
    if (Array.isArray(right)) return [left, ...right];
    if (typeof left === 'string' || typeof right === 'string') {
      if (isScalar(left) && isScalar(right)) return `${left}${right}`;
    }
  }
  if (typeof left !== 'number' || typeof right !== 'number') {
    throw new QueryError(`cannot apply ${operator} to ${typeName(left)} and ${typeName(right)}`);
  }
  const integers = Number.isInteger(left) && Number.isInteger(right);
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (integers) {
        if (right === 0) throw new QueryError('division by zero');
        return Math.trunc(left / right);
      }
      return left / right;
    case '%':
      if (integers && right === 0) throw new QueryError('division by zero');
      return left % right;
    default:
      return left ** right;
  }
}

function isScalar(value: Value): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

