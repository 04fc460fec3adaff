import type { EntityType, Mention } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { nameKey } from './gazetteer.js';
import { isCapitalised, opensQuote } from './words.js';

/** Typing what no rule typed, from what the rest of the document says about the same words. */

/**
 * Names no rule typed take the type the document gives the same words elsewhere: "Clinton" after
 * "Bill Clinton" is a person, and so is "Jordan" after "Michael Jordan". What stays unknown is
 * typed by its neighbours ("in Arbil" is a place) or by its shape (a lone acronym is an
 * organization, a lone capitalised word most often a surname).
 */
export function settleByDocument(analyzed: AnalyzedText, unresolved: { mention: Mention; tokens: Token[] }[], mentions: Mention[]): void {
  const typed = new Map<string, EntityType>();
  const surnames = new Set<string>();
  const weak = new Set(unresolved.map((u) => u.mention));
  for (const mention of mentions) {
    if (mention.role || weak.has(mention)) continue;
    typed.set(nameKey(mention.text), mention.type);
    if (mention.type === 'Person') {
      for (const part of mention.text.split(/\s+/).slice(1)) surnames.add(nameKey(part));
    }
  }
  for (const mention of mentions) {
    const key = nameKey(mention.text);
    if (!mention.role && mention.type !== 'Person' && surnames.has(key) && !/\s/.test(mention.text)) {
      mention.type = 'Person';
      delete mention.canonical;
    }
  }
  const organizationHeads = new Set(
    mentions.filter((m) => m.type === 'Organization' && !weak.has(m) && /\s/.test(m.text)).map((m) => nameKey(m.text.split(/\s+/)[0]!)),
  );
  const guessed = new Map<string, EntityType>();
  for (const { mention, tokens } of unresolved) {
    const key = nameKey(mention.text);
    const known = surnames.has(key) ? 'Person' : typed.get(key) ?? (organizationHeads.has(key) ? 'Organization' : undefined);
    if (known) {
      mention.type = known;
      continue;
    }
    const sentence = analyzed.tokens[mention.sentence]!;
    if (isDateline(sentence, mention) || beforeItsRegion(sentence, mention, mentions)) {
      mention.type = 'Place';
      guessed.set(key, mention.type);
      continue;
    }
    // "the Rangers", "the Social Democrats": a plural name after "the" is a team, party or group.
    const article = sentence.findLast((t) => t.end <= mention.start);
    if (article?.text.toLowerCase() === 'the' && mention.type !== 'Place' && /\p{Ll}s$/u.test(mention.text)) {
      mention.type = 'Organization';
      guessed.set(key, mention.type);
      continue;
    }
    if (mention.type !== 'Organization') continue; // compromise's or a small place's guess stands
    const before = sentence.findLast((t) => t.end <= mention.start)?.text.toLowerCase();
    const after = sentence.find((t) => t.start >= mention.end);
    const isAcronym = /^[\p{Lu}&.]{2,}$/u.test(mention.text);
    const capitalisedWords = tokens.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text));
    if (before && LOCATIVE_WORDS.has(before)) mention.type = 'Place';
    else if (after && /^\d{1,3}$/.test(after.text) && tokens.length === 1) mention.type = 'Organization';
    else if (!isAcronym && capitalisedWords && tokens.length <= 3) mention.type = 'Person';
    if (!guessed.has(key) || mention.type === 'Place') guessed.set(key, mention.type);
  }
  // One name, one guess per document: the place read from "in Arbil" holds for every "Arbil".
  for (const { mention } of unresolved) {
    const key = nameKey(mention.text);
    if (!typed.has(key) && !surnames.has(key) && guessed.has(key)) mention.type = guessed.get(key)!;
  }
}

/** "Austin, Texas", "Lyon, France": a name followed by a comma and a country or region is a place in it. */
function beforeItsRegion(sentence: Token[], mention: Mention, mentions: Mention[]): boolean {
  const last = sentence.findLast((t) => t.end <= mention.end);
  const next = sentence.find((t) => t.start >= mention.end);
  if (!last || !next || last.post.trim() !== ',') return false;
  const region = mentions.find((m) => m.start === next.start && !m.role);
  return region !== undefined && (region.type === 'Country' || region.type === 'Place');
}

/**
 * "AKRON, Ohio 1996-08-22", "LAGOS (Reuters) -": the name a line opens with, before a date (or a
 * region and a date) or a news agency, is the place the story was filed from.
 */
function isDateline(sentence: Token[], mention: Mention): boolean {
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

/** Words after which an unknown name is a place; also Russian "в Москве" and Greek "στην Αθήνα". */
const LOCATIVE_WORDS: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'around', 'towards', 'province', 'village', 'town', 'city', 'в', 'во', 'στη', 'στην', 'στο', 'στον']);
