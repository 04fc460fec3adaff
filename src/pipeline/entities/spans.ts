import type { AnalyzedText, Token } from '../analyze.js';
import { type Gazetteer, nameKey } from './gazetteer.js';
import { NAME_CONNECTORS, NAME_PARTICLES, NAME_PATTERNS, POSSESSIVE_NAME_ENDINGS } from './patterns.js';
import { breaksAfter, stateAt } from './shapes.js';
import { CAPITALISED_FUNCTION_WORDS, DATE_TAGS, FUNCTION_TAGS, isCapitalised, isMonthOfDate, opensQuote, startsLine, stripPossessive, TIME_ZONES } from './words.js';

/** Candidate names: runs of name-like tokens, broken at punctuation and line ends. */

interface DocumentContext {
  /** Lower-cased words seen capitalised inside a sentence, in mixed-case text. */
  capitalisedInside: Set<string>;
}

export function documentContext(analyzed: AnalyzedText): DocumentContext {
  const capitalisedInside = new Set<string>();
  for (const tokens of analyzed.tokens) {
    const shouting = shoutingLines(tokens);
    tokens.forEach((token, i) => {
      if (!shouting[i] && !startsLine(tokens, i) && isCapitalised(token.text) && !opensQuote(token)) capitalisedInside.add(token.text.toLowerCase());
    });
  }
  return { capitalisedInside };
}

/**
 * Headlines and datelines in capitals: case says nothing there. Judged line by line, since
 * compromise runs lines without end punctuation (tables, headlines) into one sentence.
 */
export function shoutingLines(tokens: Token[]): boolean[] {
  const shouting: boolean[] = [];
  let lineStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i + 1 < tokens.length && !tokens[i]!.endsLine) continue;
    let letters = 0;
    let capitals = 0;
    for (let k = lineStart; k <= i; k++) {
      const word = tokens[k]!.text;
      for (let c = 0; c < word.length; c++) {
        const code = word.charCodeAt(c) | 0x20;
        if (code < 97 || code > 122) continue;
        letters++;
        if (word.charCodeAt(c) < 97) capitals++;
      }
    }
    // Only the ASCII letters count: 12 or more, over 80% of them capitals.
    const loud = letters >= 12 && capitals / letters > 0.8;
    for (let k = lineStart; k <= i; k++) shouting.push(loud);
    lineStart = i + 1;
  }
  return shouting;
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Runs of name-like tokens, broken at punctuation. */
export function candidateSpans(tokens: Token[], shouting: boolean[], context: DocumentContext, gazetteer: Gazetteer): Span[] {
  const nameLike = tokens.map((_token, i) => isNameLike(tokens, i, shouting[i]!, context, gazetteer));
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      if (breaksAfter(tokens[end - 1]!) || isKnownOwner(tokens.slice(i, end), gazetteer) || stateAt(tokens, end, gazetteer)) break;
      if (endsWithOwner(tokens, i, end, nameLike, gazetteer)) break;
      if (!shouting[end] && isWirePlace(tokens, i, end, gazetteer)) break;
      if (nameLike[end] && !opensQuote(tokens[end]!)) {
        end++;
        continue;
      }
      // "Bank of England", "Ludwig van Beethoven": a connector followed by a name word.
      const connector = tokens[end]!.text.toLowerCase();
      const through = nameKey(tokens.slice(i, end + 2).map((t) => t.text).join(' '));
      const allowsConnector =
        connector === '&' ||
        NAME_PARTICLES.has(connector) ||
        gazetteer.names.has(through) ||
        (NAME_CONNECTORS.has(connector) && takesOf(tokens.slice(i, end)));
      if (allowsConnector && end + 1 < tokens.length && nameLike[end + 1] && !breaksAfter(tokens[end]!)) {
        end += 2;
        continue;
      }
      break;
    }
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

function takesOf(tokens: Token[]): boolean {
  const first = tokens[0]!.text.toLowerCase();
  return NAME_PATTERNS.some((pattern) => pattern.firstWordsBeforeOf?.includes(first)) || first === 'secretary';
}

/**
 * "Moscow ITAR-TASS", "Paris AFP", "Beijing Xinhua": a wire dateline puts the agency or paper right
 * after the place it files from; a known place followed by a word in capitals or a known
 * organization ends there, unless the whole run is a name the gazetteer knows ("Washington DC").
 */
function isWirePlace(tokens: Token[], start: number, end: number, gazetteer: Gazetteer): boolean {
  const place = gazetteer.names.get(nameKey(tokens.slice(start, end).map((t) => t.text).join(' ')));
  if (place?.strength !== 'strong' || (place.type !== 'Place' && place.type !== 'Country')) return false;
  const next = tokens[end]!.text;
  if (!/^\p{Lu}[\p{Lu}-]+$/u.test(next) && gazetteer.names.get(nameKey(next))?.type !== 'Organization') return false;
  let stop = end + 1;
  while (stop < tokens.length && !breaksAfter(tokens[stop - 1]!) && isCapitalised(tokens[stop]!.text)) stop++;
  return !gazetteer.names.has(nameKey(tokens.slice(start, stop).map((t) => t.text).join(' ')));
}

/**
 * "Reagan's April", "Reagan's Council of Economic Advisors": a name in the possessive owns what
 * follows and ends there. Not where the whole run is one name: one the gazetteer knows, a company
 * or an institution ("McDonald's Corp", "St. John's University"), or one whose possessive is a
 * common word ("People's Daily").
 */
function endsWithOwner(tokens: Token[], start: number, end: number, nameLike: boolean[], gazetteer: Gazetteer): boolean {
  const owner = tokens[end - 1]!.text;
  if (!/['’]s?$/u.test(owner) || gazetteer.words.has(nameKey(stripPossessive(owner)))) return false;
  let stop = end;
  while (stop < tokens.length && nameLike[stop] && !breaksAfter(tokens[stop - 1]!)) stop++;
  const run = tokens.slice(start, stop).map((t) => t.text);
  if (gazetteer.names.has(nameKey(run.join(' ')))) return false;
  return !POSSESSIVE_NAME_ENDINGS.has(nameKey(run.at(-1)!));
}

/** "Russia's Zhirinovsky": a known name in the possessive owns the next name; "Heinl's Nursery Inc" stays one. */
function isKnownOwner(tokens: Token[], gazetteer: Gazetteer): boolean {
  const last = tokens[tokens.length - 1]!.text;
  return /['’]s$/u.test(last) && gazetteer.names.has(nameKey(stripPossessive(tokens.map((t) => t.text).join(' '))));
}

function isNameLike(tokens: Token[], i: number, shouting: boolean, context: DocumentContext, gazetteer: Gazetteer): boolean {
  const token = tokens[i]!;
  const word = token.text;
  if (!isCapitalised(word) || DATE_TAGS.some((tag) => token.tags.has(tag)) || TIME_ZONES.has(word) || /\d{5,}/.test(word)) return false;
  if (isMonthOfDate(tokens, i)) return false;
  if (FUNCTION_TAGS.some((tag) => token.tags.has(tag)) && !token.tags.has('ProperNoun') && !shouting) return false;
  if (/^[\p{Lu}]$/u.test(word) && token.post.trim() !== '.') return false;
  const key = nameKey(stripPossessive(word));
  if (shouting) {
    return gazetteer.names.has(key) || context.capitalisedInside.has(key) || gazetteer.firstNames.has(key) || gazetteer.demonyms.has(key) || inKnownPhrase(tokens, i, gazetteer);
  }
  const first = startsLine(tokens, i) || opensQuote(token) || /[.!?:]\s*$/.test(tokens[i - 1]!.post);
  if (CAPITALISED_FUNCTION_WORDS.has(word.toLowerCase())) return false;
  if (!first) return !(token.tags.has('Pronoun') && !token.tags.has('ProperNoun'));
  if (FUNCTION_TAGS.some((tag) => token.tags.has(tag)) && !token.tags.has('ProperNoun')) return false;
  // A first word is a name when something says so, or when it is no English word ("Mikael", "Legia").
  return (
    token.tags.has('Person') ||
    token.tags.has('Place') ||
    token.tags.has('Organization') ||
    gazetteer.names.get(key)?.strength === 'strong' ||
    gazetteer.demonyms.has(key) ||
    // "West German Finance Minister …", "New York said": the first word of a known name or demonym.
    inKnownPhrase(tokens, i, gazetteer) ||
    // "President Obama said": a title before a capitalised word opens a name.
    (gazetteer.titles.has(key) && isCapitalised(tokens[i + 1]?.text ?? '')) ||
    context.capitalisedInside.has(key) ||
    /^[\p{Lu}]{2,}$/u.test(word) ||
    !gazetteer.words.has(key)
  );
}

/** Whether the token is part of a two- or three-word name or demonym the gazetteer knows ("NEW" in "NEW YORK", "West German"). */
function inKnownPhrase(tokens: Token[], i: number, gazetteer: Gazetteer): boolean {
  for (let from = Math.max(0, i - 2); from <= i; from++) {
    for (let to = Math.max(i + 1, from + 2); to <= Math.min(tokens.length, from + 3); to++) {
      const key = nameKey(tokens.slice(from, to).map((t) => t.text).join(' '));
      if (gazetteer.names.has(key) || gazetteer.demonyms.has(key)) return true;
    }
  }
  return false;
}
