import type { EntityType, Mention } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { MARKUP_GAP } from '../clean.js';
import { type Gazetteer, nameKey } from './gazetteer.js';
import { ownsTitle } from './shapes.js';
import type { RuleMentions } from './index.js';
import { spanOffsets } from './tagger/align.js';
import { isMonthOfDate } from './words.js';
import type { NameType, TokenSpan } from './tagger/labels.js';

/** The tagger's names as mentions, and their combination with the rules' mentions. */

interface TaggedName {
  start: number;
  end: number;
  sentence: number;
  type: NameType;
  margin: number;
}

/**
 * The tagger's names with their offsets; a one-word name that ends a longer person's name in the
 * document is that person ("Bush" after "George W. Bush", "Washington" after "MaliVai Washington").
 * (A vote over each name's types across the document, margins summed, lost 0.7 F1 on CoNLL valid.)
 */
function taggedNames(analyzed: AnalyzedText, tagged: TokenSpan[][], gazetteer: Gazetteer, rules: readonly Mention[] = []): TaggedName[] {
  const names = tagged.flatMap((spans, s) =>
    spans
      .flatMap((span) => splitWhereNamesEnd(analyzed.tokens[s]!, span, rules))
      .map((span) => ({ ...spanOffsets(analyzed.tokens[s]!, span.start, span.end, gazetteer), sentence: s, type: span.type, margin: span.margin ?? 0 }))
      .map((name) => (/\p{Script=Latin}/u.test(analyzed.text.slice(name.start, name.end)) ? name : { ...name, margin: 0 })),
  );
  const keyOf = (name: TaggedName): string => nameKey(analyzed.text.slice(name.start, name.end));
  const surnames = new Set(names.filter((name) => name.type === 'PER').map((name) => keyOf(name).split(' ')).filter((words) => words.length > 1).map((words) => words.at(-1)!));
  return names.map((name) => (surnames.has(keyOf(name)) ? { ...name, type: 'PER' } : name));
}

const TYPE_OF: Partial<Record<EntityType, NameType>> = { Person: 'PER', Organization: 'ORG', Country: 'LOC', Place: 'LOC' };

/**
 * What never belongs to a name, whatever the tagger read (issues 12, 13): wire markup ("Sterling
 * Group> of Houston", "Bank <Vneshtorgbank"), a month next to a day ("Reagan's April 17"), and a
 * possessive where the rules end a name ("President Reagan's Council of Economic Advisors"; not
 * "McDonald's Corp", which the rules keep whole). A span cut there loses its margin, so the rules'
 * reading of each piece decides its type; the pieces take the type of the rules' name ending with them.
 */
function splitWhereNamesEnd(tokens: readonly Token[], span: TokenSpan, rules: readonly Mention[]): TokenSpan[] {
  const pieces: TokenSpan[] = [];
  let from = span.start;
  const close = (end: number): void => {
    if (end > from) pieces.push({ ...span, start: from, end });
  };
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i]!;
    if (isMonthOfDate(tokens, i)) {
      close(i);
      from = i + 1;
      continue;
    }
    const markup = i + 1 < span.end && [token.post, tokens[i + 1]!.pre].some((gap) => /[<>]/.test(gap) || gap.includes(MARKUP_GAP));
    const owner = i + 1 < span.end && /['’]s?$/u.test(token.text) && rules.some((m) => m.start >= tokens[span.start]!.start && m.start < token.end && m.end < token.end && m.end >= token.end - 2);
    if (markup || owner) {
      close(i + 1);
      from = i + 1;
    }
  }
  close(span.end);
  if (pieces.length === 1 && pieces[0]!.start === span.start && pieces[0]!.end === span.end) return [span];
  return pieces.map((piece) => {
    const start = tokens[piece.start]!.start;
    const end = tokens[piece.end - 1]!.end;
    const reading = rules.find((m) => m.start >= start && m.end <= end && m.end >= end - 2 && TYPE_OF[m.type]);
    return { ...piece, margin: 0, type: reading ? TYPE_OF[reading.type]! : piece.type };
  });
}

/** A tagger name as a mention, typed by the tagger and the gazetteer only (Country vs Place); MISC names none. */
function mentionOf(text: string, name: TaggedName, gazetteer: Gazetteer): Mention | undefined {
  if (name.type === 'MISC') return undefined;
  const surface = text.slice(name.start, name.end);
  const known = gazetteer.names.get(nameKey(surface.replace(/^the\s+/i, '')));
  let type: EntityType = name.type === 'PER' ? 'Person' : name.type === 'ORG' ? 'Organization' : 'Place';
  // A country's name is the country, whatever kind of name the tagger took it for ("The Philippines meets the criteria").
  if ((type === 'Place' && known?.type === 'Country') || (type === 'Organization' && known?.type === 'Country' && known.strength === 'strong')) type = 'Country';
  const mention: Mention = { text: surface, type, start: name.start, end: name.end, sentence: name.sentence };
  if (known && known.type === type && known.canonical !== surface) mention.canonical = known.canonical;
  return mention;
}

/** The tagger alone: its names, MISC left out. */
export function taggedMentions(analyzed: AnalyzedText, tagged: TokenSpan[][], gazetteer: Gazetteer): Mention[] {
  return taggedNames(analyzed, tagged, gazetteer).flatMap((name) => mentionOf(analyzed.text, name, gazetteer) ?? []);
}

/** "Douglas & Lomason", "Procter & Gamble": two names joined by "&" name a firm, whatever the tagger says. */
const isCompanyPair = (mention: Mention, weak: ReadonlySet<Mention>): boolean => mention.type === 'Organization' && !weak.has(mention) && /\s&\s/.test(mention.text);

/** Rule types each tagger type may be refined into. */
const REFINES: Record<NameType, readonly EntityType[]> = {
  PER: ['Person', 'Treaty', 'Event'],
  LOC: ['Country', 'Place', 'Treaty', 'Event'],
  ORG: ['Organization', 'Treaty'],
  MISC: ['Treaty', 'Event'],
};

/** Below this margin the tagger is unsure (about 1 in 1,000 names of CoNLL valid); the rules' reading decides. */
const UNSURE_MARGIN = 10;

const isName = (mention: Mention): boolean => mention.type === 'Person' || mention.type === 'Organization' || mention.type === 'Country' || mention.type === 'Place';

/**
 * One decision per span. The tagger says where names are and of which broad kind; the rules'
 * mentions of the same words refine it. For each tagger name, in this order:
 *  1. A tagger person the rules read with a title in front ("President Reagan", "Chinese President
 *     Hu Jintao") gets the rules' title and its owner ("China"); the name's boundaries are the
 *     rules' when they split more off (the tagger kept a title word), else the tagger's. A
 *     style the rules keep as part of the name ("Crown Princess Mary") stays part of it.
 *  2. Several tagger names that together are exactly one organization the rules read from strong
 *     evidence are that organization ("Heinl's" + "Nursery Inc": "Heinl's Nursery Inc").
 *     Likewise a tagger place the rules read as several places ("Corvane N.Y.": town and state).
 *  3. A tagger name the rules read with the same span (a period of an abbreviation aside) keeps
 *     the rules' finer type when it refines the tagger's: LOC → Country or Place with the
 *     canonical name; any type but ORG → Treaty or Event by the name patterns ("Davos Forum",
 *     "the ABM treaty" with its trailing noun); ORG → Treaty only ("Organisation of Islamic
 *     Conference" is no event). Two names joined by "&" are the rules' Organization. When the
 *     tagger is unsure (margin below UNSURE_MARGIN), the rules' reading of another type wins.
 *  4. Otherwise the tagger's type stands (PER Person, ORG Organization, LOC Country when the
 *     gazetteer knows a country of that name, else Place). A MISC name (demonyms, nationalities,
 *     products) stays out of the graph, but a name the rules found inside it stays ("Bonn" in
 *     "Bonn-based").
 *  5. Rule mentions that overlap no tagger name stay only when no name tagger could have found
 *     them: role phrases ("the Russian leader"), treaties and events ("the September 11 attacks"),
 *     and the countries owning a title kept in step 1. Every other rule name is dropped.
 */
export function combineWithTagger(analyzed: AnalyzedText, tagged: TokenSpan[][], { mentions: rules, weak }: RuleMentions, gazetteer: Gazetteer): Mention[] {
  const owners = new Map<Mention, Mention>();
  rules.forEach((mention) => mention.title?.of !== undefined && owners.set(mention, rules[mention.title.of]!));
  const names = rules.filter((mention) => !mention.role);
  const tagger = taggedNames(analyzed, tagged, gazetteer, rules);
  const kept: Mention[] = [];
  const keep = (mention: Mention): void => {
    if (kept.includes(mention)) return;
    kept.push(mention);
    const owner = owners.get(mention);
    if (owner && !kept.includes(owner)) kept.push(owner);
  };
  const decided = new Set<Mention>();
  for (const name of tagger) {
    const overlapping = names.filter((m) => m.start < name.end && name.start < m.end);
    for (const m of overlapping) decided.add(m);
    const titled = name.type === 'PER' ? overlapping.find((m) => m.title && m.end === name.end && m.type === 'Person') : undefined;
    if (titled && titled.start >= name.start) {
      keep(titled);
      continue;
    }
    const styled = name.type === 'PER' && !titled ? overlapping.find((m) => m.type === 'Person' && m.end === name.end && m.start < name.start && isStyle(analyzed.text.slice(m.start, name.start), gazetteer)) : undefined;
    if (styled) {
      keep(styled);
      continue;
    }
    if (titled) {
      const person = { ...mentionOf(analyzed.text, name, gazetteer)!, title: titled.title! };
      if (owners.has(titled)) owners.set(person, owners.get(titled)!);
      keep(person);
      continue;
    }
    const company = overlapping.find((m) => m.type === 'Organization' && !weak.has(m) && coversSeveral(m, tagger));
    if (company) {
      keep(company);
      continue;
    }
    const places = overlapping.filter((m) => m.start >= name.start && m.end <= name.end);
    const townAndState = places.length > 1 && !weak.has(places.at(-1)!) && places.every((m, k) => (m.type === 'Place' || m.type === 'Country') && (k === 0 || /^\s+$/.test(analyzed.text.slice(places[k - 1]!.end, m.start))));
    if (name.type === 'LOC' && townAndState && fills(places, name)) {
      places.forEach(keep);
      continue;
    }
    const same = overlapping.find(
      (m) =>
        m.start === name.start &&
        (m.end === name.end || (m.end === name.end - 1 && analyzed.text[m.end] === '.') || ((m.type === 'Treaty' || m.type === 'Event') && m.end > name.end)),
    );
    // "the IMF meeting", "the Brussels summit": the event or treaty, and the body or place it is named after.
    // A person's name before the noun makes a meeting with that person ("the Baker meeting"), no named event.
    if (same && same.end > name.end) {
      if (name.type !== 'PER') keep(same);
      const named = mentionOf(analyzed.text, name, gazetteer) ?? overlapping.find((m) => m.start === name.start && m.end === name.end && isName(m));
      if (named) keep(named);
      continue;
    }
    // "the IMF talks" read whole by the tagger: a lower-case event or treaty noun after a name makes it one.
    const trailed = same !== undefined && (same.type === 'Event' || same.type === 'Treaty') && /\s\p{Ll}+$/u.test(same.text);
    if (same && (REFINES[name.type].includes(same.type) || trailed || isCompanyPair(same, weak) || name.margin < UNSURE_MARGIN)) {
      // An abbreviation's period ("Fla.", "Corp.") belongs to the name, as CoNLL annotates it.
      keep(same.end === name.end - 1 ? withEnd(same, name.end, analyzed.text) : same);
      continue;
    }
    const mention = mentionOf(analyzed.text, name, gazetteer);
    if (mention) keep(mention);
    else for (const inner of overlapping.filter((m) => isName(m) && m.start >= name.start && m.end <= name.end && m.end - m.start < name.end - name.start)) keep(inner);
  }
  for (const mention of rules) {
    if (mention.role !== undefined || ((mention.type === 'Treaty' || mention.type === 'Event') && !decided.has(mention))) keep(mention);
    // A nationality the tagger leaves out (MISC) still owns the office after it.
    else if (ownsTitle(analyzed.text, mention, gazetteer) && !kept.some((k) => k.start < mention.end && mention.start < k.end)) keep(mention);
  }
  const position = new Map(kept.map((mention, i) => [mention, i]));
  return kept.map((mention) => {
    const owner = owners.get(mention);
    if (!mention.title) return mention;
    const { of: _, ...title } = mention.title;
    return { ...mention, title: owner && position.has(owner) ? { ...title, of: position.get(owner)! } : title };
  });
}


/** Whether the tagger names inside `mention` are several organizations that exactly fill it. */
function coversSeveral(mention: Mention, tagger: TaggedName[]): boolean {
  const inside = tagger.filter((name) => name.start >= mention.start && name.end <= mention.end);
  return inside.length > 1 && inside.every((name) => name.type === 'ORG') && fills(inside, mention);
}

/**
 * "Crown Princess ", "Sir ": whole words before a name, one of them a courtesy title (one that
 * holds no office: Prince, Sir, Lady …), none a country; not an office ("Attorney") nor an
 * abbreviated title ("Sen. ", "Dr. "), which the tagger rightly leaves out.
 */
function isStyle(words: string, gazetteer: Gazetteer): boolean {
  const keys = words.trim().split(/\s+/).map(nameKey);
  const isCourtesy = (key: string): boolean => (gazetteer.titles.get(key) ?? []).some((title) => nameKey(title.title) === key && title.relation === null);
  return keys.some(isCourtesy) && keys.every((key) => /^\p{Ll}+$/u.test(key) && !gazetteer.demonyms.has(key) && gazetteer.names.get(key)?.type !== 'Country');
}

function withEnd(mention: Mention, end: number, text: string): Mention {
  return { ...mention, end, text: text.slice(mention.start, end) };
}

/** Whether spans in text order start where `whole` starts and end where it ends. */
const fills = (parts: readonly { start: number; end: number }[], whole: { start: number; end: number }): boolean =>
  parts[0]!.start === whole.start && parts.at(-1)!.end === whole.end;
