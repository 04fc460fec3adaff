/** Cypher's scalar functions in the subset, and the names of the aggregating ones. */
import { QueryError } from './errors.js';
import { NodeValue, PathValue, RelationshipValue, isMap, type Value } from './values.js';

export const AGGREGATES = new Set(['count', 'collect', 'min', 'max', 'sum', 'avg']);

interface ScalarFunction {
  arity: [number, number];
  apply: (args: Value[]) => Value;
}

const nullSafe =
  (apply: (...args: Value[]) => Value) =>
  (args: Value[]): Value =>
    args[0] === null ? null : apply(...args);

function expect<T>(value: Value, check: (value: Value) => value is T & Value, name: string, what: string): T {
  if (!check(value)) throw new QueryError(`${name}() expects ${what}, got ${typeName(value)}`);
  return value as T;
}

const isString = (value: Value): value is string => typeof value === 'string';
const isNumber = (value: Value): value is number => typeof value === 'number';
const isList = (value: Value): value is Value[] => Array.isArray(value);

export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (value instanceof NodeValue) return 'a node';
  if (value instanceof RelationshipValue) return 'a relationship';
  if (value instanceof PathValue) return 'a path';
  if (Array.isArray(value)) return 'a list';
  if (isMap(value)) return 'a map';
  return `a ${typeof value}`;
}

const string = (name: string, apply: (text: string, ...rest: Value[]) => Value, arity: [number, number] = [1, 1]): ScalarFunction => ({
  arity,
  apply: nullSafe((text, ...rest) => apply(expect(text, isString, name, 'a string'), ...rest)),
});

const number = (name: string, apply: (value: number) => Value): ScalarFunction => ({
  arity: [1, 1],
  apply: nullSafe((value) => apply(expect(value, isNumber, name, 'a number'))),
});

const list = (name: string, apply: (items: Value[]) => Value): ScalarFunction => ({
  arity: [1, 1],
  apply: nullSafe((value) => apply(expect(value, isList, name, 'a list'))),
});

function toInteger(value: Value): Value {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return value.trim() === '' || Number.isNaN(parsed) ? null : Math.trunc(parsed);
  }
  if (typeof value === 'boolean') return Number(value);
  throw new QueryError(`toInteger() cannot convert ${typeName(value)}`);
}

function toFloat(value: Value): Value {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return value.trim() === '' || Number.isNaN(parsed) ? null : parsed;
  }
  throw new QueryError(`toFloat() cannot convert ${typeName(value)}`);
}

function toStringValue(value: Value): Value {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new QueryError(`toString() cannot convert ${typeName(value)}`);
}

function entityOf(name: string, value: Value): NodeValue | RelationshipValue {
  if (value instanceof NodeValue || value instanceof RelationshipValue) return value;
  throw new QueryError(`${name}() expects a node or relationship, got ${typeName(value)}`);
}

function pathOf(name: string, value: Value): PathValue {
  if (value instanceof PathValue) return value;
  throw new QueryError(`${name}() expects a path, got ${typeName(value)}`);
}

function relationshipOf(name: string, value: Value): RelationshipValue {
  if (value instanceof RelationshipValue) return value;
  throw new QueryError(`${name}() expects a relationship, got ${typeName(value)}`);
}

export const FUNCTIONS: Record<string, ScalarFunction> = {
  size: { arity: [1, 1], apply: nullSafe((value) => (typeof value === 'string' || Array.isArray(value) ? value.length : fail('size', 'a list or string', value))) },
  length: {
    arity: [1, 1],
    apply: nullSafe((value) => (value instanceof PathValue ? value.relationships.length : typeof value === 'string' || Array.isArray(value) ? value.length : fail('length', 'a path', value))),
  },
  labels: {
    arity: [1, 1],
    apply: nullSafe((value) => (value instanceof NodeValue ? [...value.labels] : fail('labels', 'a node', value))),
  },
  type: { arity: [1, 1], apply: nullSafe((value) => relationshipOf('type', value).type) },
  keys: {
    arity: [1, 1],
    apply: nullSafe((value) => (isMap(value) ? Object.keys(value) : Object.keys(entityOf('keys', value).properties))),
  },
  properties: { arity: [1, 1], apply: nullSafe((value) => (isMap(value) ? value : { ...entityOf('properties', value).properties })) },
  startnode: { arity: [1, 1], apply: nullSafe((value) => relationshipOf('startNode', value).start) },
  endnode: { arity: [1, 1], apply: nullSafe((value) => relationshipOf('endNode', value).end) },
  nodes: { arity: [1, 1], apply: nullSafe((value) => [...pathOf('nodes', value).nodes]) },
  relationships: { arity: [1, 1], apply: nullSafe((value) => [...pathOf('relationships', value).relationships]) },
  coalesce: { arity: [1, Infinity], apply: (args) => args.find((value) => value !== null) ?? null },
  head: list('head', (items) => items[0] ?? null),
  last: list('last', (items) => items.at(-1) ?? null),
  tail: list('tail', (items) => items.slice(1)),
  reverse: {
    arity: [1, 1],
    apply: nullSafe((value) => (typeof value === 'string' ? [...value].reverse().join('') : Array.isArray(value) ? [...value].reverse() : fail('reverse', 'a list or string', value))),
  },
  isempty: {
    arity: [1, 1],
    apply: nullSafe((value) => (typeof value === 'string' || Array.isArray(value) ? value.length === 0 : isMap(value) ? Object.keys(value).length === 0 : fail('isEmpty', 'a list, map or string', value))),
  },
  range: {
    arity: [2, 3],
    apply: (args) => {
      const [from, to, step = 1] = args.map((value) => expect(value, isNumber, 'range', 'numbers'));
      if (step === 0) throw new QueryError('range() step cannot be 0');
      const values: number[] = [];
      for (let i = from!; step > 0 ? i <= to! : i >= to!; i += step) values.push(i);
      return values;
    },
  },
  tolower: string('toLower', (text) => text.toLowerCase()),
  toupper: string('toUpper', (text) => text.toUpperCase()),
  lower: string('lower', (text) => text.toLowerCase()),
  upper: string('upper', (text) => text.toUpperCase()),
  trim: string('trim', (text) => text.trim()),
  ltrim: string('ltrim', (text) => text.trimStart()),
  rtrim: string('rtrim', (text) => text.trimEnd()),
  split: string('split', (text, separator) => (separator === null ? null : text.split(expect(separator!, isString, 'split', 'a string separator'))), [2, 2]),
  replace: string(
    'replace',
    (text, search, replacement) => (search === null || replacement === null ? null : text.split(expect(search!, isString, 'replace', 'strings')).join(expect(replacement!, isString, 'replace', 'strings'))),
    [3, 3],
  ),
  substring: string(
    'substring',
    (text, start, length) => {
      const from = expect(start!, isNumber, 'substring', 'a number start');
      return length === undefined ? text.slice(from) : text.slice(from, from + expect(length, isNumber, 'substring', 'a number length'));
    },
    [2, 3],
  ),
  left: string('left', (text, length) => text.slice(0, expect(length!, isNumber, 'left', 'a number')), [2, 2]),
  right: string('right', (text, length) => { const n = expect(length!, isNumber, 'right', 'a number'); return n === 0 ? '' : text.slice(-n); }, [2, 2]),
  tostring: { arity: [1, 1], apply: nullSafe(toStringValue) },
  tointeger: { arity: [1, 1], apply: nullSafe(toInteger) },
  tofloat: { arity: [1, 1], apply: nullSafe(toFloat) },
  toboolean: {
    arity: [1, 1],
    apply: nullSafe((value) => (typeof value === 'boolean' ? value : typeof value === 'string' ? ({ true: true, false: false } as Record<string, boolean>)[value.trim().toLowerCase()] ?? null : fail('toBoolean', 'a string or boolean', value))),
  },
  abs: number('abs', Math.abs),
  ceil: number('ceil', Math.ceil),
  floor: number('floor', Math.floor),
  round: number('round', Math.round),
  sign: number('sign', Math.sign),
  sqrt: number('sqrt', Math.sqrt),
  exists: { arity: [1, 1], apply: (args) => args[0] !== null },
};

/** Functions Neo4j has that would give a different answer here, so they are refused by name. */
export const REFUSED_FUNCTIONS: Record<string, string> = {
  id: 'internal ids differ between backends; use n.id',
  elementid: 'internal ids differ between backends; use n.id',
  rand: 'random results cannot be compared between backends',
};

function fail(name: string, what: string, value: Value): never {
  throw new QueryError(`${name}() expects ${what}, got ${typeName(value)}`);
}
