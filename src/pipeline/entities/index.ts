import type { EntityType, Mention, MentionTitle } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { getGazetteer, nameKey, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { DATED_EVENT_NOUNS, NAME_CONNECTORS, NAME_PARTICLES, NAME_PATTERNS } from './patterns.js';
import { ROLE_NOUNS, GROUP_ROLES } from './roles.js';
import { markTeams } from './teams.js';

/**
 * The entity stage: capitalised word runs become candidate names; titles and demonyms in front
 * are split off; each name gets a type from the gazetteers, the name patterns, compromise's tags
 * and, last, from what the rest of the document says about the same words.
 */
export function findMentions(analyzed: AnalyzedText): Mention[] {
  const gazetteer = getGazetteer();
  markLineEnds(analyzed);
  const context = documentContext(analyzed);
  const mentions: Mention[] = [];
  const unresolved: { mention: Mention; tokens: Token[] }[] = [];
  for (const tokens of analyzed.tokens) {
    const shouting = shoutingLines(tokens);
    for (const span of candidateSpans(tokens, shouting, context, gazetteer)) {
      readSpan(analyzed.text, tokens, span, gazetteer, mentions, unresolved);
    }
    mentions.push(...roleMentions(analyzed.text, tokens, gazetteer), ...datedEvents(analyzed.text, tokens));
  }
  settleByDocument(analyzed, unresolved, mentions);
  markTeams(analyzed, mentions);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface DocumentContext {
  /** Lower-cased words seen capitalised inside a sentence, in mixed-case text. */
  capitalisedInside: Set<string>;
}

function documentContext(analyzed: AnalyzedText): DocumentContext {
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
function shoutingLines(tokens: Token[]): boolean[] {
  const shouting: boolean[] = [];
  let lineStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i + 1 < tokens.length && !endsLine(tokens[i]!)) continue;
    const letters = tokens.slice(lineStart, i + 1).map((t) => t.text).join('').replace(/[^A-Za-z]/g, '');
    const loud = letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
    for (let k = lineStart; k <= i; k++) shouting.push(loud);
    lineStart = i + 1;
  }
  return shouting;
}

/**
 * Tokens followed by a line break. compromise keeps no newlines in `post`, and a line break ends a
 * name as surely as a full stop. A property of the token object, so a WeakSet holds it.
 */
const lineEnds = new WeakSet<Token>();
function markLineEnds(analyzed: AnalyzedText): void {
  const all = analyzed.tokens.flat();
  all.forEach((token, i) => {
    const next = all[i + 1];
    if (next && analyzed.text.slice(token.end, next.start).includes('\n')) lineEnds.add(token);
  });
}
const endsLine = (token: Token): boolean => lineEnds.has(token);
/** The first word of a sentence or of a line, where capitals say little. */
const startsLine = (tokens: Token[], i: number): boolean => i === 0 || endsLine(tokens[i - 1]!);

const isCapitalised = (word: string): boolean => /^[\p{Lu}]/u.test(word) || /^[0-9]+[\p{Lu}]/u.test(word);
const opensQuote = (token: Token): boolean => /["“‘'(\[]\s*$/.test(token.pre);

/** Tags of words that are not names even when capitalised at the start of a sentence. */
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula', 'Negative'];
/** Words compromise sometimes tags as proper nouns when they open a quote or a line. */
const CAPITALISED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'i we it he she they you this that these those there here his her their our its my your and or but if when while after before as at in on for with by from to of a an the no not yes so then also only all some any one'.split(' '),
);
/** "1313 GMT": time zones name no thing. */
const TIME_ZONES: ReadonlySet<string> = new Set(['GMT', 'UTC', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'BST', 'CET', 'CEST']);
/** Dates, months and weekdays are not entities. */
const DATE_TAGS = ['Date', 'Month', 'WeekDay', 'Holiday', 'Duration'];

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Runs of name-like tokens, broken at punctuation. */
function candidateSpans(tokens: Token[], shouting: boolean[], context: DocumentContext, gazetteer: Gazetteer): Span[] {
  const nameLike = tokens.map((token, i) => isNameLike(tokens, i, shouting[i]!, context, gazetteer));
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
 * Punctuation after a token ends a name, except the period of an initial or an abbreviation and a
 * joining hyphen; so do a line break and a spaced dash ("France - Le Monde").
 */
function breaksAfter(token: Token): boolean {
  if (endsLine(token)) return true;
  const post = token.post.trim();
  if (post === '-' && /\s/.test(token.post)) return true;
  if (post === '' || post === '-' || post === '&') return false;
  if (post === '.' && (/^\p{Lu}$/u.test(token.text) || ABBREVIATIONS.has(token.text.toLowerCase()))) return false;
  return true;
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

/** Abbreviations that are also words or titles ("Miss", "Man", "Mass"): a state only after "Town,". */
const AMBIGUOUS_STATES: ReadonlySet<string> = new Set(['b.c', 'man', 'miss', 'la', 'ind', 'del', 'cal', 'penn', 'mass']);

/**
 * "Tuscumbia, Ala.", "Jamestown N.Y.": a state abbreviation, with its period or after a town and a
 * comma (lines whose last period was cut off: "Plymouth, Vt"). The state's name, if it is one.
 */
function stateAt(tokens: Token[], i: number, gazetteer: Gazetteer): string | undefined {
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

/** "Russia's Zhirinovsky": a known name in the possessive owns the next name; "Heinl's Nursery Inc" stays one. */
function isKnownOwner(tokens: Token[], gazetteer: Gazetteer): boolean {
  const last = tokens[tokens.length - 1]!.text;
  return /['’]s$/u.test(last) && gazetteer.names.has(nameKey(stripPossessive(tokens.map((t) => t.text).join(' '))));
}
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'ft', 'mt']);

function isNameLike(tokens: Token[], i: number, shouting: boolean, context: DocumentContext, gazetteer: Gazetteer): boolean {
  const token = tokens[i]!;
  const word = token.text;
  if (!isCapitalised(word) || DATE_TAGS.some((tag) => token.tags.has(tag)) || TIME_ZONES.has(word) || /\d{5,}/.test(word)) return false;
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
    // "President Obama said": a title before a capitalised word opens a name.
    (gazetteer.titles.has(key) && isCapitalised(tokens[i + 1]?.text ?? '')) ||
    context.capitalisedInside.has(key) ||
    /^[\p{Lu}]{2,}$/u.test(word) ||
    !gazetteer.words.has(key)
  );
}

/** Whether the token is part of a two- or three-word name the gazetteer knows ("NEW" in "NEW YORK"). */
function inKnownPhrase(tokens: Token[], i: number, gazetteer: Gazetteer): boolean {
  for (let from = Math.max(0, i - 2); from <= i; from++) {
    for (let to = Math.max(i + 1, from + 2); to <= Math.min(tokens.length, from + 3); to++) {
      if (gazetteer.names.has(nameKey(tokens.slice(from, to).map((t) => t.text).join(' ')))) return true;
    }
  }
  return false;
}

/** "Russian", "Asian": words of a people or region, not names of a thing. */
function isAdjective(token: Token, gazetteer: Gazetteer): boolean {
  return gazetteer.demonyms.has(nameKey(token.text)) || (token.tags.has('Adjective') && !token.tags.has('ProperNoun')) || /(an|ese|ish|ic)$/.test(token.text);
}

const stripPossessive = (word: string): string => word.replace(/['’]s?$/u, '');

/** Split a span into its leading country/demonym and title, and the name itself; type the name. */
function readSpan(
  text: string,
  tokens: Token[],
  span: Span,
  gazetteer: Gazetteer,
  mentions: Mention[],
  unresolved: { mention: Mention; tokens: Token[] }[],
): void {
  let { start } = span;
  const { end } = span;
  const state = end - start === 1 ? stateAt(tokens, start, gazetteer) : undefined;
  if (state) {
    mentions.push(makeMention(text, tokens, start, end, 'Place', state));
    return;
  }
  let ofIndex: number | undefined;
  let title: MentionTitle | undefined;

  // "Russian President Putin", "U.S. Secretary of State George Shultz"; not "General Motors".
  const known = gazetteer.names.has(nameKey(spanText(text, tokens, start, end)));
  const owner = start + 1 < end && !known ? leadingCountry(tokens, start, end, gazetteer) : undefined;
  const titleAt = known ? undefined : titleMatch(tokens, owner ? owner.end : start, end, gazetteer);
  if (titleAt && titleAt.end < end) {
    if (owner) {
      ofIndex = mentions.length;
      mentions.push(makeMention(text, tokens, start, owner.end, 'Country', owner.country));
    }
    title = { name: titleAt.title, relation: titleAt.relation, ...(ofIndex !== undefined && { of: ofIndex }) };
    start = titleAt.end;
  } else if (titleAt && titleAt.end === end) {
    return; // a bare title ("President") names nobody
  } else if (!known) {
    // "Deputy Foreign Minister Peter Smith", "EU Farm Commissioner Jan Novak": a title word inside.
    const inner = innerTitle(tokens, start, end, gazetteer);
    if (inner) {
      const holder = leadingName(tokens, start, inner.head, gazetteer);
      if (holder) {
        ofIndex = mentions.length;
        mentions.push(makeMention(text, tokens, start, holder.end, holder.entry.type, holder.entry.canonical));
      }
      const name = text.slice(tokens[holder?.end ?? start]!.start, tokens[inner.head]!.end);
      title = { name, relation: inner.relation, ...(ofIndex !== undefined && { of: ofIndex }) };
      start = inner.head + 1;
    }
  }

  const words = tokens.slice(start, end);
  const surface = spanText(text, tokens, start, end);
  const extended = trailingNoun(tokens, end);
  const classified: Classified | undefined = title ? { type: 'Person', strength: 'strong' } : classify(words, surface, extended?.noun, gazetteer);
  if (extended && classified && (classified.type === 'Treaty' || classified.type === 'Event')) {
    mentions.push(makeMention(text, tokens, start, extended.end, classified.type));
    return;
  }
  if (!classified && words.length === 1 && isAdjective(words[0]!, gazetteer)) return;
  const mention = makeMention(text, tokens, start, end, classified?.type ?? 'Organization', classified?.canonical);
  if (title) mention.title = title;
  if (classified?.strength !== 'strong') unresolved.push({ mention, tokens: words });
  mentions.push(mention);
}

function makeMention(text: string, tokens: Token[], start: number, end: number, type: EntityType, canonical?: string): Mention {
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  let stop = last.end;
  if (/['’]s?$/u.test(last.text) && last.text.length > 2) stop -= /['’]s$/u.test(last.text) ? 2 : 1;
  const mention: Mention = { text: text.slice(first.start, stop), type, start: first.start, end: stop, sentence: first.sentence };
  if (canonical && canonical !== mention.text) mention.canonical = canonical;
  return mention;
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
  for (let k = end; k < Math.min(end + 2, tokens.length); k++) {
    const word = tokens[k]!.text.toLowerCase();
    if (NAME_PATTERNS.some((pattern) => pattern.trailingNouns?.includes(word))) return { end: k + 1, noun: word };
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
  if (known?.strength === 'strong') return { type: known.type, canonical: known.canonical, strength: 'strong' };
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

/**
 * "the September 11 (terrorist) attacks": after a determiner, a month, a day, an optional
 * adjective or noun, an event noun.
 */
function datedEvents(text: string, tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const before = tokens[i - 1];
    const determined = before !== undefined && (before.tags.has('Determiner') || /['’]s?$/u.test(before.text));
    if (!determined || !tokens[i]!.tags.has('Month') || !/^\d{1,2}$/.test(tokens[i + 1]!.text) || breaksAfter(tokens[i]!) || breaksAfter(tokens[i + 1]!)) continue;
    for (let k = i + 2; k < Math.min(i + 4, tokens.length); k++) {
      const word = tokens[k]!.text;
      if (DATED_EVENT_NOUNS.has(word.toLowerCase())) {
        found.push(makeMention(text, tokens, i, k + 1, 'Event'));
        break;
      }
      const modifier = /^\p{Ll}[\p{Ll}-]*$/u.test(word) && (tokens[k]!.tags.has('Adjective') || tokens[k]!.tags.has('Noun'));
      if (!modifier || breaksAfter(tokens[k]!)) break;
    }
  }
  return found;
}

/** Role phrases: "the Russian leader", "the two leaders". */
function roleMentions(text: string, tokens: Token[], gazetteer: Gazetteer): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i]!.text.toLowerCase();
    const next = tokens[i + 1]!.text.toLowerCase();
    const group = GROUP_ROLES.get(`${word} ${next}`);
    if (group && ROLE_NOUNS.has(tokens[i + 2]?.text.toLowerCase() ?? '')) {
      found.push({ ...makeMention(text, tokens, i, i + 3, 'Person'), role: { count: group } });
      continue;
    }
    const country = gazetteer.demonyms.get(nameKey(tokens[i]!.text));
    const before = tokens[i - 1]?.text.toLowerCase();
    if (country && ROLE_NOUNS.has(next) && (before === 'the' || before === 'his' || before === 'her')) {
      found.push({ ...makeMention(text, tokens, i - 1, i + 2, 'Person'), role: { of: country } });
    }
  }
  return found;
}

/**
 * Names no rule typed take the type the document gives the same words elsewhere: "Clinton" after
 * "Bill Clinton" is a person, and so is "Jordan" after "Michael Jordan". What stays unknown is
 * typed by its neighbours ("in Arbil" is a place) or by its shape (a lone acronym is an
 * organization, a lone capitalised word most often a surname).
 */
function settleByDocument(analyzed: AnalyzedText, unresolved: { mention: Mention; tokens: Token[] }[], mentions: Mention[]): void {
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

/** "Crawford, Texas", "Lyon, France": a name followed by a comma and a country or region is a place in it. */
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
  if (at < 0 || !(at === 0 || lineEnds.has(sentence[at - 1]!))) return false;
  const next = sentence.findIndex((t) => t.start >= mention.end);
  if (next < 0) return false;
  for (let k = next; k < Math.min(next + 3, sentence.length); k++) {
    const token = sentence[k]!;
    if (/^\d{4}-\d\d-\d\d$/.test(token.text) || (token.tags.has('Date') && !token.tags.has('Duration') && !token.tags.has('WeekDay')) || (opensQuote(token) && /^(reuters|ap|afp)$/i.test(token.text))) return true;
    if (!isCapitalised(token.text) || lineEnds.has(token)) return false;
  }
  return false;
}

/** Words after which an unknown name is a place. */
const LOCATIVE_WORDS: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'around', 'towards', 'province', 'village', 'town', 'city']);
