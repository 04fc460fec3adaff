import type { Mention } from '../../types.js';
import type { Token } from '../analyze.js';
import { type Gazetteer, nameKey } from './gazetteer.js';
import { ABBREVIATIONS, isCapitalised, opensQuote } from './words.js';

/** What a token or a run of tokens is by its shape and place: the tests the entity rules, resolution and merging share. */

/** "NATO", "U.S.", "AT&T", "ITAR-TASS": capitals, with periods, ampersands or hyphens between. */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}.&-]{2,}$/u.test(word);
}

/**
 * "AKRON, Ohio 1996-08-22", "LAGOS (Reuters) -": the name a line opens with, before a date (or a
 * region and a date) or a news agency, is the place the story was filed from.
 */
export function isDateline(sentence: Token[], mention: Mention): boolean {
  const at = sentence.findIndex((t) => t.start === mention.start);
  if (at < 0 || !(at === 0 || sentence[at - 1]!.endsLine)) return false;
  const next = sentence.findIndex((t) => t.start >= mention.end);
  if (next < 0) return false;
  for (let k = next; k < Math.min(next + 3, sentence.length); k++) {
    const token = sentence[k]!;
    if (/^\d{4}-\d\d-\d\d$/.test(token.text) || (token.tags.has('Date') && !token.tags.has('Duration') && !token.tags.has('WeekDay')) || (opensQuote(token) && /^(reuters|ap|afp)$/i.test(token.text))) return true;
    if (!isCapitalised(token.text) || token.endsLine) return false;
  }
  return false;
}

/**
 * Punctuation after a token ends a name, except the period of an initial or an abbreviation and a
 * joining hyphen; so do a line break and a spaced dash ("France - Le Monde").
 */
export function breaksAfter(token: Token): boolean {
  if (token.endsLine) return true;
  const post = token.post.trim();
  if (post === '-' && /\s/.test(token.post)) return true;
  if (post === '' || post === '-' || post === '&') return false;
  if (post === '.' && (/^\p{Lu}$/u.test(token.text) || ABBREVIATIONS.has(token.text.toLowerCase()))) return false;
  return true;
}

/** Abbreviations that are also words or titles ("Miss", "Man", "Mass"): a state only after "Town,". */
const AMBIGUOUS_STATES: ReadonlySet<string> = new Set(['b.c', 'man', 'miss', 'la', 'ind', 'del', 'cal', 'penn', 'mass']);

/**
 * "Tuscumbia, Ala.", "Jamestown N.Y.": a state abbreviation, with its period or after a town and a
 * comma (lines whose last period was cut off: "Plymouth, Vt"). The state's name, if it is one.
 */
export function stateAt(tokens: Token[], i: number, gazetteer: Gazetteer): string | undefined {
  const token = tokens[i]!;
  const state = gazetteer.stateAbbreviations.get(nameKey(token.text.replace(/\.$/, '')));
  if (!state) return undefined;
  const period = token.text.endsWith('.') || token.post.startsWith('.');
  const previous = tokens[i - 1];
  const afterTown = previous !== undefined && previous.post.trim() === ',' && isCapitalised(previous.text);
  const key = nameKey(token.text.replace(/\.$/, ''));
  if (period && !AMBIGUOUS_STATES.has(key)) return state;
  return afterTown && (period || !isCapitalised(tokens[i + 1]?.text ?? '')) ? state : undefined;
}

/** A country named just before an office word ("Russian energy minister", "Turkish premier"): the office's owner, which the relations read. */
export function ownsTitle(text: string, mention: Mention, gazetteer: Gazetteer): boolean {
  if (mention.type !== 'Country') return false;
  const next = /^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(text.slice(mention.end, mention.end + 60))?.[1];
  return next !== undefined && next.split(/\s+/).some((word) => gazetteer.titleHeads.has(nameKey(word)));
}
