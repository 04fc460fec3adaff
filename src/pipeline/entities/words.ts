import nlp from 'compromise/two';
import type { EntityType, Mention } from '../../types.js';
import type { Token } from '../analyze.js';

/** Small facts about single tokens and the mention record, shared by the entity stage's steps. */

/** The first word of a sentence or of a line, where capitals say little. */
export const startsLine = (tokens: Token[], i: number): boolean => i === 0 || tokens[i - 1]!.endsLine;

export const isCapitalised = (word: string): boolean => /^[\p{Lu}]/u.test(word) || /^[0-9]+[\p{Lu}]/u.test(word);

export const opensQuote = (token: Token): boolean => /["“‘'(\[]\s*$/.test(token.pre);

/** Tags of words that are not names even when capitalised at the start of a sentence. */
export const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula', 'Negative'];

/** Words compromise sometimes tags as proper nouns when they open a quote or a line. */
export const CAPITALISED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'i we it he she they you this that these those there here his her their our its my your and or but if when while after before as at in on for with by from to of a an the no not yes so then also only all some any one'.split(' '),
);

/** "1313 GMT": time zones name no thing. */
export const TIME_ZONES: ReadonlySet<string> = new Set(['GMT', 'UTC', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'BST', 'CET', 'CEST']);

/** Dates, months and weekdays are not entities. */
export const DATE_TAGS = ['Date', 'Month', 'WeekDay', 'Holiday', 'Duration'];

export const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'ft', 'mt']);

export const stripPossessive = (word: string): string => word.replace(/['’]s?$/u, '');

export function makeMention(text: string, tokens: Token[], start: number, end: number, type: EntityType, canonical?: string): Mention {
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  let stop = last.end;
  if (/['’]s?$/u.test(last.text) && last.text.length > 2) stop -= /['’]s$/u.test(last.text) ? 2 : 1;
  const mention: Mention = { text: text.slice(first.start, stop), type, start: first.start, end: stop, sentence: first.sentence };
  if (canonical && canonical !== mention.text) mention.canonical = canonical;
  return mention;
}

const LEXICON = (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;

/** A month's name by compromise's lexicon ("April", "Sept."), whatever the tagger made of it in context. */
export function isMonthName(word: string): boolean {
  const tag = LEXICON[word.toLowerCase().replace(/\.$/, '')];
  return tag === 'Month' || (Array.isArray(tag) && tag.includes('Month'));
}

/** "Reagan's April 17 decision", "on 3 April": a month next to a day is a date, whatever it was tagged. */
export function isMonthOfDate(tokens: readonly Token[], i: number): boolean {
  return isMonthName(tokens[i]!.text) && [tokens[i + 1], tokens[i - 1]].some((t) => t !== undefined && /^\d{1,2}(st|nd|rd|th)?,?$/.test(t.text));
}
