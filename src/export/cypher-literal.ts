import { isInt } from 'neo4j-driver';

/**
 * Values written as Cypher source text. The Cypher script export is the one place where data
 * becomes literal text instead of query parameters, so every value goes through here.
 */

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Backslash and quotes; control characters, line and paragraph separators; lone surrogates
// (UTF-8 cannot carry them raw).
const NEEDS_ESCAPE = /[\\'"\u0000-\u001f\u007f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A single-quoted Cypher string literal that reads back as exactly `text`. */
export function cypherString(text: string): string {
  const escaped = text.replace(
    NEEDS_ESCAPE,
    (character) => STRING_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}

/** A label, relationship type or map key: bare when it is a plain identifier, else `backticked`. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** Strings, finite numbers, neo4j-driver Integers, booleans, null, lists and maps of them, as a Cypher literal. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (isInt(value)) return value.toString();
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as a Cypher literal`);
    // Cypher has no `e+` exponent form.
    return String(value).replace('e+', 'e');
  }
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${cypherName(key)}: ${cypherLiteral(item)}`).join(', ')}}`;
  }
  throw new TypeError(`cannot write a ${typeof value} as a Cypher literal`);
}
