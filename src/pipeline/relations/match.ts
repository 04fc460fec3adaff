import type { EntityType } from '../../types.js';
import type { Token } from '../analyze.js';

/**
 * A tiny match-pattern language over a sentence in which every name is one slot, in the spirit of
 * compromise's match syntax:
 *
 *   {source+:Person|Country} (met|meets) with? {target:Person} *6 (in|at) {place:Place}
 *
 * - `{role:Types}` one entity of those types, bound to `role`; `{role+:Types}` a list of them
 *   ("Merkel and Macron", "the two leaders"); `{date}` a date expression.
 * - `word`, `(a|b|c)` literal lower-case words; `,` `(` `)` `'s` punctuation; a trailing `?` makes
 *   any element optional.
 * - `*N` skips up to N items (words or names); `~N` skips up to N words or dates but no name and
 *   no punctuation, so nothing else stands between the slots it joins ("Smith was the gunman who
 *   shot Jones"); `@title` is a title from the titles gazetteer.
 */

export type Item =
  | { kind: 'word'; text: string }
  | { kind: 'punct'; text: string }
  | { kind: 'entity'; type: EntityType; referents: number[]; text: string }
  | { kind: 'date'; text: string };

type Element =
  | { kind: 'words'; words: ReadonlySet<string>; optional: boolean }
  | { kind: 'entity'; role: string; types: ReadonlySet<EntityType>; list: boolean; optional: boolean }
  | { kind: 'date'; optional: boolean }
  | { kind: 'skip'; max: number; wordsOnly: boolean }
  | { kind: 'title'; optional: boolean };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  /** What a sentence must hold for the pattern to have a chance: one word of each set, a name of each type set. */
  needs: { words: ReadonlySet<string>[]; entities: ReadonlySet<EntityType>[] };
}

export interface Match {
  /** role → entity indices; `date` and `title` → text. */
  entities: Map<string, number[]>;
  texts: Map<string, string>;
  /** The items matched: [start, end). */
  start: number;
  end: number;
}

const PUNCTUATION = new Set([',', '(', ')', ';', ':', "'s", '"']);

export function compilePattern(source: string): CompiledPattern {
  const elements = source
    .trim()
    .split(/\s+/)
    .map((part): Element => {
      const optional = part.endsWith('?') && part.length > 1;
      const body = optional ? part.slice(0, -1) : part;
      const skip = /^([*~])(\d+)$/.exec(body);
      if (skip) return { kind: 'skip', max: Number(skip[2]), wordsOnly: skip[1] === '~' };
      if (body === '{date}') return { kind: 'date', optional };
      if (body === '@title') return { kind: 'title', optional };
      const entity = /^\{(\w+)(\+?):([\w|]+)\}$/.exec(body);
      if (entity) {
        const types = new Set(entity[3]!.split('|') as EntityType[]);
        return { kind: 'entity', role: entity[1]!, list: entity[2] === '+', types, optional };
      }
      const words = /^\((.+)\)$/.exec(body)?.[1]?.split('|') ?? [body];
      if (words.some((w) => !/^[a-z'-]+$/.test(w) && !PUNCTUATION.has(w))) throw new Error(`bad element "${part}" in pattern: ${source}`);
      return { kind: 'words', words: new Set(words), optional };
    });
  const required = elements.filter((e) => !('optional' in e && e.optional));
  const needs = {
    words: required.flatMap((e) => (e.kind === 'words' ? [e.words] : [])),
    entities: required.flatMap((e) => (e.kind === 'entity' ? [e.types] : [])),
  };
  return { source, elements, needs };
}

/** The words and name types of a sentence, to skip the patterns it cannot match without trying them. */
export interface ItemSummary {
  words: ReadonlySet<string>;
  types: ReadonlySet<EntityType>;
}

export function summarize(items: Item[]): ItemSummary {
  const words = new Set<string>();
  const types = new Set<EntityType>();
  for (const item of items) {
    if (item.kind === 'entity') types.add(item.type);
    else words.add(item.text);
  }
  return { words, types };
}

function mayMatch(pattern: CompiledPattern, summary: ItemSummary): boolean {
  // Loops, not closures: this runs for every rule on every sentence with a name.
  for (const need of pattern.needs.words) if (!meetsAny(need, summary.words)) return false;
  for (const need of pattern.needs.entities) if (!meetsAny(need, summary.types)) return false;
  return true;
}

function meetsAny<T>(need: ReadonlySet<T>, have: ReadonlySet<T>): boolean {
  for (const value of need) if (have.has(value)) return true;
  return false;
}

const NO_MATCHES: readonly Match[] = [];

/** Every match of the pattern in the sentence's items, leftmost-first. */
export function matchAll(pattern: CompiledPattern, items: Item[], titles: TitleMatcher, summary = summarize(items)): readonly Match[] {
  if (!mayMatch(pattern, summary)) return NO_MATCHES;
  const found: Match[] = [];
  for (let start = 0; start < items.length; start++) {
    const match = matchFrom(pattern.elements, 0, items, start, start, undefined, titles);
    if (match) found.push(match);
  }
  return found;
}

/** Length in items of the title starting at `start`, and its text, if any. */
export type TitleMatcher = (items: Item[], start: number) => { length: number; title: string } | undefined;

/**
 * What a partial match has bound so far, newest first: each step that binds adds a link, and a step
 * that backtracks drops it for free (the search tries many steps for each match it finds).
 */
type Binding = { role: string; entities: number[] } | { text: string; value: string };
interface BindingList {
  binding: Binding;
  rest: BindingList | undefined;
}

function matchFrom(elements: Element[], e: number, items: Item[], i: number, start: number, bound: BindingList | undefined, titles: TitleMatcher): Match | undefined {
  if (e === elements.length) return completed(bound, start, i);
  const element = elements[e]!;
  const item = items[i];
  // Each case tries the element at i, then (when it is optional) the pattern without it.
  switch (element.kind) {
    case 'skip': {
      for (let n = 0; n <= element.max && i + n <= items.length; n++) {
        const match = matchFrom(elements, e + 1, items, i + n, start, bound, titles);
        if (match) return match;
        if (element.wordsOnly && (items[i + n]?.kind === 'entity' || items[i + n]?.kind === 'punct')) return undefined;
      }
      return undefined;
    }
    case 'words':
      if (item && (item.kind === 'word' || item.kind === 'punct') && element.words.has(item.text)) {
        const match = matchFrom(elements, e + 1, items, i + 1, start, bound, titles);
        if (match) return match;
      }
      break;
    case 'date':
      if (item?.kind === 'date') {
        const match = matchFrom(elements, e + 1, items, i + 1, start, { binding: { text: 'date', value: item.text }, rest: bound }, titles);
        if (match) return match;
      }
      break;
    case 'title': {
      const title = titles(items, i);
      if (title) {
        const match = matchFrom(elements, e + 1, items, i + title.length, start, { binding: { text: 'title', value: title.title }, rest: bound }, titles);
        if (match) return match;
      }
      break;
    }
    case 'entity': {
      const list = element.list ? entityList(items, i, element.types) : single(items, i, element.types);
      if (list) {
        const match = matchFrom(elements, e + 1, items, list.end, start, { binding: { role: element.role, entities: list.referents }, rest: bound }, titles);
        if (match) return match;
      }
      break;
    }
  }
  return element.optional ? matchFrom(elements, e + 1, items, i, start, bound, titles) : undefined;
}

/** The match a complete path makes: its bindings as maps, in the order they were made (a later binding of a key wins). */
function completed(bound: BindingList | undefined, start: number, end: number): Match {
  const links: Binding[] = [];
  for (let link = bound; link; link = link.rest) links.push(link.binding);
  const entities = new Map<string, number[]>();
  const texts = new Map<string, string>();
  for (let k = links.length - 1; k >= 0; k--) {
    const binding = links[k]!;
    if ('role' in binding) entities.set(binding.role, binding.entities);
    else texts.set(binding.text, binding.value);
  }
  return { entities, texts, start, end };
}

function single(items: Item[], i: number, types: ReadonlySet<EntityType>): { end: number; referents: number[] } | undefined {
  const item = items[i];
  if (item?.kind !== 'entity' || !types.has(item.type)) return undefined;
  return { end: i + 1, referents: item.referents };
}

/** "A", "A and B", "A, B and the C": the longest list of entities of the types. */
function entityList(items: Item[], i: number, types: ReadonlySet<EntityType>): { end: number; referents: number[] } | undefined {
  const first = single(items, i, types);
  if (!first) return undefined;
  const referents = [...first.referents];
  let end = first.end;
  for (;;) {
    let k = end;
    const separator = items[k];
    if (!separator || !((separator.kind === 'punct' && separator.text === ',') || (separator.kind === 'word' && (separator.text === 'and' || separator.text === 'or')))) break;
    k++;
    if (items[k]?.kind === 'word' && (items[k] as { text: string }).text === 'and') k++;
    if (items[k]?.kind === 'word' && (items[k] as { text: string }).text === 'the') k++;
    const more = single(items, k, types);
    if (!more) break;
    referents.push(...more.referents);
    end = more.end;
  }
  return { end, referents };
}

/** Items of one sentence: names as single slots, date runs, words and the punctuation rules read. */
export function sentenceItems(
  tokens: Token[],
  names: { start: number; end: number; type: EntityType; referents: number[]; text: string }[],
): Item[] {
  const items: Item[] = [];
  let n = 0;
  const punctuation = (text: string): void => {
    for (const char of text) if (PUNCTUATION.has(char)) items.push({ kind: 'punct', text: char });
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    punctuation(token.pre.trim());
    while (n < names.length && names[n]!.end <= token.start) n++;
    const name = names[n];
    if (name && name.start <= token.start && token.start < name.end) {
      items.push({ kind: 'entity', type: name.type, referents: name.referents, text: name.text });
      while (t + 1 < tokens.length && tokens[t + 1]!.start < name.end) t++;
      const last = tokens[t]!;
      if (/['’]s$/.test(last.text) && last.end > name.end) items.push({ kind: 'punct', text: "'s" });
      punctuation(last.post.trim());
      n++;
      continue;
    }
    if (isDateWord(token)) {
      let end = t;
      while (end + 1 < tokens.length && isDateWord(tokens[end + 1]!) && !tokens[end]!.post.includes(',')) end++;
      // "mid-November": a hyphenated prefix word belongs to the date.
      const prefixed = t > 0 && tokens[t - 1]!.post === '-' && items[items.length - 1]?.kind === 'word';
      if (prefixed) items.pop();
      const words = tokens.slice(t, end + 1).map((x) => x.text).join(' ');
      items.push({ kind: 'date', text: prefixed ? `${tokens[t - 1]!.text}-${words}` : words });
      t = end;
      punctuation(tokens[t]!.post.trim());
      continue;
    }
    const word = token.text.toLowerCase();
    if (/['’]s$/.test(word) && word.length > 2) {
      items.push({ kind: 'word', text: word.slice(0, -2) }, { kind: 'punct', text: "'s" });
    } else {
      items.push({ kind: 'word', text: word });
    }
    punctuation(token.post.trim());
  }
  return items;
}

/** A word of a point in time ("Sunday", "1972", "mid-November"), not a length of time ("six months"). */
function isDateWord(token: Token): boolean {
  return token.tags.has('Date') && !token.tags.has('Duration') && !/^(now|today|then|days?|weeks?|months?|years?|hours?|minutes?|decades?|centuries)$/i.test(token.text);
}
