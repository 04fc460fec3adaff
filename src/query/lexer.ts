import { QueryError, type Position } from './errors.js';

export type TokenKind = 'identifier' | 'number' | 'string' | 'parameter' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** Identifier name (backticks removed), the symbol, the parameter name, or the decoded string. */
  value: string;
  /** Numbers only. */
  number?: number;
  /** A `backticked` identifier is never a keyword. */
  quoted?: boolean;
  start: number;
  end: number;
  position: Position;
}

// Longest first, so `<=` wins over `<`.
const SYMBOLS = ['..', '<>', '!=', '<=', '>=', '=~', '+=', '(', ')', '[', ']', '{', '}', ',', '.', ':', '|', ';', '=', '<', '>', '+', '-', '*', '/', '%', '^', '&', '!'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"' };

/** Split a query into tokens, each with its offset and line:column. Comments (`//`, `/* *\/`) are skipped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionAt = (offset: number): Position => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, extra: Partial<Token> = {}): void => {
    tokens.push({ kind, value, start, end: i, position: positionAt(start), ...extra });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new QueryError('unterminated comment', positionAt(start));
      i = close + 2;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      push('identifier', text.slice(start, i), start);
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw new QueryError('unterminated `quoted name`', positionAt(start));
      i = close + 1;
      push('identifier', text.slice(start + 1, close), start, { quoted: true });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:0x[0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i))!;
      // `1..3` is a range, not the float `1.` followed by `.3`.
      let literal = match[0];
      const range = /^[0-9]+(?=\.\.)/.exec(text.slice(i));
      if (range) literal = range[0];
      i += literal.length;
      push('number', literal, start, { number: Number(literal) });
      continue;
    }
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') {
          const next = text[i + 1] ?? '';
          if (next === 'u') {
            value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ESCAPES[next] ?? next;
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new QueryError('unterminated string', positionAt(start));
      i++;
      push('string', value, start);
      continue;
    }
    if (c === '$') {
      i++;
      const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)/.exec(text.slice(i));
      if (!name) throw new QueryError('expected a parameter name after $', positionAt(start));
      i += name[0].length;
      push('parameter', name[0], start);
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!symbol) throw new QueryError(`unexpected character '${c}'`, positionAt(start));
    i += symbol.length;
    push('symbol', symbol, start);
  }
  tokens.push({ kind: 'end', value: '', start: text.length, end: text.length, position: positionAt(text.length) });
  return tokens;
}
