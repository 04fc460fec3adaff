import type { EntityType, Mention } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { nameKey } from './gazetteer.js';
import type { Unresolved } from './names.js';
import { isAcronym, isDateline } from './shapes.js';

/** Typing what no rule typed, from what the rest of the document says about the same words. */

/**
 * Names no rule typed take the type the document gives the same words elsewhere: "Clinton" after
 * "Bill Clinton" is a person, and so is "Jordan" after "Michael Jordan". What stays unknown is
 * typed by its neighbours ("in Arbil" is a place) or by its shape (a lone acronym is an
 * organization, a lone capitalised word most often a surname).
 * Returns the mentions in the same order, a retyped one as a copy; `unresolved` holds mentions of the list.
 */
export function settleByDocument(analyzed: AnalyzedText, mentions: readonly Mention[], unresolved: readonly Unresolved[]): Mention[] {
  // Each decision reads the types decided before it, as they stand then.
  const settled = new Map<Mention, Mention>();
  const current = (mention: Mention): Mention => settled.get(mention) ?? mention;
  const retype = (mention: Mention, type: EntityType): void => void settled.set(mention, { ...current(mention), type });
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
      const { canonical: _canonical, ...rest } = mention;
      settled.set(mention, { ...rest, type: 'Person' });
    }
  }
  const organizationHeads = new Set(
    mentions.filter((m) => current(m).type === 'Organization' && !weak.has(m) && /\s/.test(m.text)).map((m) => nameKey(m.text.split(/\s+/)[0]!)),
  );
  const guessed = new Map<string, EntityType>();
  for (const { mention, tokens } of unresolved) {
    const key = nameKey(mention.text);
    const known = surnames.has(key) ? 'Person' : typed.get(key) ?? (organizationHeads.has(key) ? 'Organization' : undefined);
    if (known) {
      retype(mention, known);
      continue;
    }
    const sentence = analyzed.tokens[mention.sentence]!;
    if (isDateline(sentence, mention) || beforeItsRegion(sentence, mention, mentions, current)) {
      retype(mention, 'Place');
      guessed.set(key, 'Place');
      continue;
    }
    // "the Rangers", "the Social Democrats": a plural name after "the" is a team, party or group.
    const article = sentence.findLast((t) => t.end <= mention.start);
    if (article?.text.toLowerCase() === 'the' && current(mention).type !== 'Place' && /\p{Ll}s$/u.test(mention.text)) {
      retype(mention, 'Organization');
      guessed.set(key, 'Organization');
      continue;
    }
    if (current(mention).type !== 'Organization') continue; // compromise's or a small place's guess stands
    const before = sentence.findLast((t) => t.end <= mention.start)?.text.toLowerCase();
    const after = sentence.find((t) => t.start >= mention.end);
    const capitalisedWords = tokens.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text));
    if (before && LOCATIVE_WORDS.has(before)) retype(mention, 'Place');
    else if (after && /^\d{1,3}$/.test(after.text) && tokens.length === 1) retype(mention, 'Organization');
    else if (!isAcronym(mention.text) && capitalisedWords && tokens.length <= 3) retype(mention, 'Person');
    const type = current(mention).type;
    if (!guessed.has(key) || type === 'Place') guessed.set(key, type);
  }
  // One name, one guess per document: the place read from "in Arbil" holds for every "Arbil".
  for (const { mention } of unresolved) {
    const key = nameKey(mention.text);
    if (!typed.has(key) && !surnames.has(key) && guessed.has(key)) retype(mention, guessed.get(key)!);
  }
  return mentions.map(current);
}

/** "Austin, Texas", "Lyon, France": a name followed by a comma and a country or region is a place in it. */
function beforeItsRegion(sentence: Token[], mention: Mention, mentions: readonly Mention[], current: (mention: Mention) => Mention): boolean {
  const last = sentence.findLast((t) => t.end <= mention.end);
  const next = sentence.find((t) => t.start >= mention.end);
  if (!last || !next || last.post.trim() !== ',') return false;
  const region = mentions.find((m) => m.start === next.start && !m.role);
  const type = region && current(region).type;
  return type === 'Country' || type === 'Place';
}

/** Words after which an unknown name is a place; also Russian "в Москве" and Greek "στην Αθήνα". */
const LOCATIVE_WORDS: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'around', 'towards', 'province', 'village', 'town', 'city', 'в', 'во', 'στη', 'στην', 'στο', 'στον']);
