import type { EntityType, Mention, MentionTitle } from '../../types.js';
import type { Token } from '../analyze.js';
import { type Gazetteer, type GazetteerEntry, nameKey } from './gazetteer.js';
import { NAME_PATTERNS } from './patterns.js';
import { breaksAfter, stateAt } from './shapes.js';
import type { Span } from './spans.js';
import { isCapitalised, makeMention, stripPossessive } from './words.js';

/** Reading one candidate span: the country and title in front, the name, and its type. */

/** "Russian", "Asian": words of a people or region, not names of a thing. */
function isAdjective(token: Token, gazetteer: Gazetteer): boolean {
  return gazetteer.demonyms.has(nameKey(token.text)) || (token.tags.has('Adjective') && !token.tags.has('ProperNoun')) || /(an|ese|ish|ic)$/.test(token.text);
}

/** A name no strong evidence typed, with its tokens: the document may know better (see `settleByDocument`). */
export interface Unresolved {
  mention: Mention;
  tokens: Token[];
}

/** What one span holds: its mentions in text order, and those left unresolved. */
export interface SpanReading {
  mentions: Mention[];
  unresolved: Unresolved[];
}

/**
 * Split a span into its leading country/demonym and title, and the name itself; type the name.
 * `first`: the index the span's first mention takes in the document's list, which a title's `of` indexes.
 */
export function readSpan(text: string, tokens: Token[], span: Span, gazetteer: Gazetteer, first: number): SpanReading {
  const mentions: Mention[] = [];
  const unresolved: Unresolved[] = [];
  const found: SpanReading = { mentions, unresolved };
  let { start } = span;
  const { end } = span;
  const state = end - start === 1 ? stateAt(tokens, start, gazetteer) : undefined;
  if (state) {
    mentions.push(makeMention(text, tokens, start, end, 'Place', state));
    return found;
  }
  let ofIndex: number | undefined;
  let title: MentionTitle | undefined;

  // "Chinese President Hu Jintao", "U.S. Secretary of State George Shultz"; not "General Motors".
  const known = gazetteer.names.has(nameKey(spanText(text, tokens, start, end)));
  const owner = start + 1 < end && !known ? leadingCountry(tokens, start, end, gazetteer) : undefined;
  const titleAt = known ? undefined : titleMatch(tokens, owner ? owner.end : start, end, gazetteer);
  // "West German Finance minister Gerhard Stoltenberg": a title whose head word is in lower case
  // after the span; the span is its country and qualifier, and names the country only.
  const head = tokens[end];
  const namesABody = NAME_PATTERNS.some((pattern) => pattern.lastWords?.includes(nameKey(tokens[end - 1]!.text))); // "Japanese Finance Ministry official"
  if (owner && !titleAt && !namesABody && head && /^\p{Ll}/u.test(head.text) && !breaksAfter(tokens[end - 1]!) && gazetteer.titleHeads.has(nameKey(head.text))) {
    mentions.push(makeMention(text, tokens, start, owner.end, 'Country', owner.country));
    return found;
  }
  if (titleAt && titleAt.end < end) {
    if (owner) {
      ofIndex = first + mentions.length;
      mentions.push(makeMention(text, tokens, start, owner.end, 'Country', owner.country));
    }
    title = { name: titleAt.title, relation: titleAt.relation, ...(ofIndex !== undefined && { of: ofIndex }) };
    start = titleAt.end;
  } else if (titleAt && titleAt.end === end) {
    // A bare title ("President") names nobody; its country does ("Turkish Ambassador to Athens Nazmi Akiman").
    if (owner) mentions.push(makeMention(text, tokens, start, owner.end, 'Country', owner.country));
    return found;
  } else if (!known && end - start > 1 && gazetteer.titleHeads.get(nameKey(tokens[end - 1]!.text))) {
    return found; // "Kuwait's Oil Minister, Ali Nasser": a title with its name in apposition names nobody itself
  } else if (!known) {
    // "Deputy Foreign Minister Peter Smith", "EU Farm Commissioner Jan Novak": a title word inside.
    const inner = innerTitle(tokens, start, end, gazetteer);
    if (inner) {
      // The title's owner: a known name ("EU Farm Commissioner") or a demonym ("Iranian Oil Minister").
      const named = leadingName(tokens, start, inner.head, gazetteer);
      const country = named ? undefined : leadingCountry(tokens, start, inner.head + 1, gazetteer);
      const holder = named ? { end: named.end, type: named.entry.type, canonical: named.entry.canonical } : country && { end: country.end, type: 'Country' as const, canonical: country.country };
      if (holder) {
        ofIndex = first + mentions.length;
        mentions.push(makeMention(text, tokens, start, holder.end, holder.type, holder.canonical));
      }
      const name = text.slice(tokens[holder?.end ?? start]!.start, tokens[inner.head]!.end);
      // The whole title decides when the gazetteer knows it ("Managing Director" leads, "Director" serves).
      const whole = nameKey(name);
      const relation = gazetteer.titles.get(whole.split(' ')[0]!)?.find((t) => nameKey(t.title) === whole)?.relation ?? inner.relation;
      title = { name, relation, ...(ofIndex !== undefined && { of: ofIndex }) };
      start = inner.head + 1;
    }
  }

  const words = tokens.slice(start, end);
  const surface = spanText(text, tokens, start, end);
  const extended = trailingNoun(tokens, end);
  const classified: Classified | undefined = title ? { type: 'Person', strength: 'strong' } : classify(words, surface, extended?.noun, gazetteer);
  if (extended && classified && (classified.type === 'Treaty' || classified.type === 'Event')) {
    mentions.push(makeMention(text, tokens, start, extended.end, classified.type));
    // "the IMF meeting" names the IMF too.
    const inner = gazetteer.names.get(nameKey(surface));
    if (inner?.strength === 'strong') mentions.push(makeMention(text, tokens, start, end, inner.type, inner.canonical));
    return found;
  }
  if (!classified && words.length === 1 && isAdjective(words[0]!, gazetteer)) return found;
  const mention = makeMention(text, tokens, start, end, classified?.type ?? 'Organization', classified?.canonical);
  if (title) mention.title = title;
  if (classified?.strength !== 'strong') unresolved.push({ mention, tokens: words });
  mentions.push(mention);
  return found;
}

function spanText(text: string, tokens: Token[], start: number, end: number): string {
  return stripPossessive(text.slice(tokens[start]!.start, tokens[end - 1]!.end));
}

function leadingCountry(tokens: Token[], start: number, end: number, gazetteer: Gazetteer): { end: number; country: string } | undefined {
  for (let stop = Math.min(end - 1, start + 3); stop > start; stop--) {
    const key = nameKey(tokens.slice(start, stop).map((t) => t.text).join(' '));
    const country = gazetteer.demonyms.get(key) ?? (gazetteer.names.get(key)?.type === 'Country' ? gazetteer.names.get(key)!.canonical : undefined);
    if (country) return { end: stop, country };
  }
  return undefined;
}

/** The last title word inside a span that has a name after it. */
function innerTitle(tokens: Token[], start: number, end: number, gazetteer: Gazetteer): { head: number; relation: MentionTitle['relation'] } | undefined {
  for (let k = end - 2; k >= start; k--) {
    const relation = gazetteer.titleHeads.get(nameKey(tokens[k]!.text));
    if (relation !== undefined) return { head: k, relation };
  }
  return undefined;
}

/** The longest country or organization the gazetteer knows at the start of a span ("EU" in "EU Farm Commissioner"). */
function leadingName(tokens: Token[], start: number, end: number, gazetteer: Gazetteer): { end: number; entry: GazetteerEntry } | undefined {
  for (let stop = Math.min(end, start + 4); stop > start; stop--) {
    const entry = gazetteer.names.get(nameKey(tokens.slice(start, stop).map((t) => t.text).join(' ')));
    if (entry?.strength === 'strong' && (entry.type === 'Country' || entry.type === 'Organization')) return { end: stop, entry };
  }
  return undefined;
}

function titleMatch(tokens: Token[], start: number, end: number, gazetteer: Gazetteer): { end: number; title: string; relation: MentionTitle['relation'] } | undefined {
  const first = tokens[start];
  if (!first) return undefined;
  for (const candidate of gazetteer.titles.get(nameKey(first.text)) ?? []) {
    const words = nameKey(candidate.title).split(' ');
    const stop = start + words.length;
    if (stop > end) continue;
    const seen = tokens.slice(start, stop).map((t) => nameKey(t.text + (t.post.trim() === '.' ? '.' : '')));
    const matches = words.every((word, k) => seen[k] === word || seen[k] === `${word}.` || `${seen[k]}` === word.replace(/\.$/, ''));
    if (matches) return { end: stop, title: candidate.title, relation: candidate.relation };
  }
  return undefined;
}

/** "the ABM treaty", "the APEC forum", "the September 11 terrorist attacks". */
function trailingNoun(tokens: Token[], end: number): { end: number; noun: string } | undefined {
  // "Shultz's talks" are his talks, not an event named "Shultz".
  if (/['’]s?$/u.test(tokens[end - 1]!.text) || /^['’]/u.test(tokens[end - 1]!.post) || breaksAfter(tokens[end - 1]!)) return undefined;
  for (let k = end; k < Math.min(end + 2, tokens.length); k++) {
    const word = tokens[k]!.text.toLowerCase();
    // The noun heads the phrase: "the UN war crimes tribunal" names no war.
    const head = breaksAfter(tokens[k]!) || !tokens[k + 1]?.tags.has('Noun') || isCapitalised(tokens[k + 1]!.text);
    if (NAME_PATTERNS.some((pattern) => pattern.trailingNouns?.includes(word))) return head ? { end: k + 1, noun: word } : undefined;
    if (isCapitalised(tokens[k]!.text) || !(tokens[k]!.tags.has('Adjective') || tokens[k]!.tags.has('Noun'))) return undefined;
    if (breaksAfter(tokens[k]!)) return undefined;
  }
  return undefined;
}

interface Classified {
  type: EntityType;
  canonical?: string;
  /** `weak`: compromise's guess or a small town's name; the document may know better. */
  strength: 'strong' | 'weak';
}

/** The type of a name, from the strongest evidence available; undefined when nothing says. */
function classify(words: Token[], surface: string, trailing: string | undefined, gazetteer: Gazetteer): Classified | undefined {
  const key = nameKey(surface);
  const known = gazetteer.names.get(key);
  // "the Paris accord", "the IMF meeting", "the Brussels summit": a body's or a place's name before a
  // treaty or event noun names the treaty or event; a person's or a country's does not ("Iran talks").
  const named = trailing && (!known || known.type === 'Organization' || known.type === 'Place') && !gazetteer.demonyms.has(key);
  const trailed = named ? NAME_PATTERNS.find((pattern) => pattern.trailingNouns?.includes(trailing)) : undefined;
  if (trailed && (trailed.type === 'Treaty' || trailed.type === 'Event')) return { type: trailed.type, strength: 'strong' };
  if (known?.strength === 'strong') return { type: known.type, canonical: known.canonical, strength: 'strong' };
  // "Russian" in "Russian energy minister Ivan Petrov" names the country it describes.
  const country = gazetteer.demonyms.get(key);
  if (country) return { type: 'Country', canonical: country, strength: 'strong' };
  const lower = words.map((w) => nameKey(stripPossessive(w.text)));
  const last = lower[lower.length - 1]!;
  if (lower.includes('&')) return { type: 'Organization', strength: 'strong' };
  for (const pattern of NAME_PATTERNS) {
    if (pattern.lastWords?.includes(last) && words.length > 1) return { type: pattern.type, strength: 'strong' };
    if (lower.length > 2 && lower[1] === 'of' && pattern.firstWordsBeforeOf?.includes(lower[0]!)) return { type: pattern.type, strength: 'strong' };
    if (trailing && pattern.trailingNouns?.includes(trailing)) return { type: pattern.type, strength: 'strong' };
  }
  // "Maria Lindqvist", "M. Waugh", "D.A. Weibring": a first name or initials, then a capitalised word.
  const initials = words.length > 1 && words.slice(0, -1).every((w) => /^(\p{Lu}\.)*\p{Lu}\.?$/u.test(w.text) && (w.text.endsWith('.') || w.post.startsWith('.')));
  if (initials && /^\p{Lu}\p{Ll}/u.test(words[words.length - 1]!.text)) return { type: 'Person', strength: 'strong' };
  if (words.length > 1 && !known && (gazetteer.firstNames.has(lower[0]!) || words[0]!.tags.has('FirstName'))) {
    return { type: 'Person', strength: 'strong' };
  }
  if (known) return { type: known.type, canonical: known.canonical, strength: 'weak' };
  const tagged = (tag: string): number => words.filter((w) => w.tags.has(tag)).length;
  const votes: [EntityType, number][] = [
    ['Person', tagged('Person')],
    ['Place', tagged('Place')],
    ['Organization', tagged('Organization')],
  ];
  const [type, count] = votes.reduce((best, vote) => (vote[1] > best[1] ? vote : best));
  return count > 0 ? { type, strength: 'weak' } : undefined;
}
