/** Cypher's equality (with null), comparison and the total order ORDER BY uses. */
import { NodeValue, PathValue, RelationshipValue, isMap, type Value } from './values.js';

/** `a = b`: null when either side is null (or a list holds a null that decides it). */
export function equals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let result: boolean | null = true;
    for (let i = 0; i < a.length; i++) {
      const item = equals(a[i]!, b[i]!);
      if (item === false) return false;
      if (item === null) result = null;
    }
    return result;
  }
  if (a instanceof NodeValue || a instanceof RelationshipValue || b instanceof NodeValue || b instanceof RelationshipValue) return a === b;
  if (a instanceof PathValue || b instanceof PathValue) return groupKey(a) === groupKey(b);
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    let result: boolean | null = true;
    for (const key of keys) {
      if (!(key in b)) return false;
      const item = equals(a[key]!, b[key]!);
      if (item === false) return false;
      if (item === null) result = null;
    }
    return result;
  }
  return a === b;
}

/** `a < b` and friends: numbers with numbers, strings with strings, booleans with booleans; else null. */
export function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) || Number.isNaN(b) ? null : a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return null;
}

/** Cypher's orderability: maps, nodes, relationships, lists, paths, strings, booleans, numbers, then null. */
function rank(value: Value): number {
  if (value === null) return 8;
  if (typeof value === 'number') return 7;
  if (typeof value === 'boolean') return 6;
  if (typeof value === 'string') return 5;
  if (value instanceof PathValue) return 4;
  if (Array.isArray(value)) return 3;
  if (value instanceof RelationshipValue) return 2;
  if (value instanceof NodeValue) return 1;
  return 0;
}

export function orderCompare(a: Value, b: Value): number {
  // The common case first: two strings or two numbers.
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const item = orderCompare(a[i]!, b[i]!);
      if (item !== 0) return item;
    }
    return a.length - b.length;
  }
  const direct = compare(a, b);
  if (direct !== null) return direct;
  const keyA = groupKey(a);
  const keyB = groupKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/**
 * Keys under which equal values meet in a Set or Map, with no string built for the common cases:
 * nodes, relationships and scalars as themselves; lists, maps and paths as one token per group key.
 */
export class ValueKeys {
  private readonly tokens = new Map<string, object>();

  of(value: Value): unknown {
    if (value === null || typeof value !== 'object' || value instanceof NodeValue || value instanceof RelationshipValue) return value;
    const key = groupKey(value);
    let token = this.tokens.get(key);
    if (!token) this.tokens.set(key, (token = {}));
    return token;
  }
}

/** A string equal for equal values: the key of DISTINCT and of grouping. */
export function groupKey(value: Value): string {
  if (value === null) return 'null';
  if (value instanceof NodeValue) return `N${JSON.stringify(value.key)}`;
  if (value instanceof RelationshipValue) return `R${JSON.stringify(value.key)}`;
  if (value instanceof PathValue) return `P[${value.nodes.map(groupKey).join(',')}|${value.relationships.map(groupKey).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(groupKey).join(',')}]`;
  if (isMap(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${groupKey(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
