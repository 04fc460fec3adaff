import type { EntityType, Mention } from '../../types.js';
import type { AnalyzedText } from '../analyze.js';
import { type Gazetteer, nameKey } from './gazetteer.js';
import { spanOffsets } from './tagger/align.js';
import type { NameType, TokenSpan } from './tagger/labels.js';

/** The tagger's names as mentions, and their combination with the rules' mentions. */

interface TaggedName {
  start: number;
  end: number;
  sentence: number;
  type: NameType;
}

function taggedNames(analyzed: AnalyzedText, tagged: TokenSpan[][], gazetteer: Gazetteer): TaggedName[] {
  return tagged.flatMap((spans, s) => spans.map((span) => ({ ...spanOffsets(analyzed.tokens[s]!, span.start, span.end, gazetteer), sentence: s, type: span.type })));
}

/** A tagger name as a mention, typed by the tagger and the gazetteer only (Country vs Place); MISC names none. */
function mentionOf(text: string, name: TaggedName, gazetteer: Gazetteer): Mention | undefined {
  if (name.type === 'MISC') return undefined;
  const surface = text.slice(name.start, name.end);
  const known = gazetteer.names.get(nameKey(surface));
  let type: EntityType = name.type === 'PER' ? 'Person' : name.type === 'ORG' ? 'Organization' : 'Place';
  if (type === 'Place' && known?.type === 'Country') type = 'Country';
  const mention: Mention = { text: surface, type, start: name.start, end: name.end, sentence: name.sentence };
  if (known && known.type === type && known.canonical !== surface) mention.canonical = known.canonical;
  return mention;
}

/** The tagger alone: its names, MISC left out. */
export function taggedMentions(analyzed: AnalyzedText, tagged: TokenSpan[][], gazetteer: Gazetteer): Mention[] {
  return taggedNames(analyzed, tagged, gazetteer).flatMap((name) => mentionOf(analyzed.text, name, gazetteer) ?? []);
}

/** Rule types each tagger type may be refined into. */
const REFINES: Record<NameType, readonly EntityType[]> = {
  PER: ['Person'],
  LOC: ['Country', 'Place'],
  ORG: ['Organization', 'Treaty'],
  MISC: ['Treaty', 'Event'],
};

/**
 * One decision per span. The tagger says where names are and of which broad kind; the rules'
 * mention of the same words refines it. In this order:
 *  1. A tagger person the rules read with a title in front ("President Reagan", "Chinese President
 *     Hu Jintao") gets the rules' title and its owner ("China"); the name's boundaries are the
 *     rules' when they split more off (the tagger kept a title word), else the tagger's.
 *  2. A tagger name the rules read with the same span keeps the rules' finer type when it refines
 *     the tagger's: LOC → Country or Place with the canonical name; MISC → Treaty or Event by the
 *     name patterns ("the ABM treaty" with its trailing noun); ORG → Treaty ("Treaty of Baden"),
 *     never Event ("Organisation of Islamic Conference" is no event).
 *  3. Otherwise the tagger's type stands (PER Person, ORG Organization, LOC Country when the
 *     gazetteer knows a country of that name, else Place); other MISC names (demonyms,
 *     nationalities, products) stay out of the graph.
 *  4. Rule mentions that overlap no tagger name stay only when no name tagger could have found
 *     them: role phrases ("the Russian leader"), treaties and events ("the September 11 attacks"),
 *     and the countries owning a title kept in step 1. Every other rule name is dropped.
 */
export function combineWithTagger(analyzed: AnalyzedText, tagged: TokenSpan[][], rules: Mention[], gazetteer: Gazetteer): Mention[] {
  const owners = new Map<Mention, Mention>();
  rules.forEach((mention) => mention.title?.of !== undefined && owners.set(mention, rules[mention.title.of]!));
  const names = rules.filter((mention) => !mention.role);
  const kept: Mention[] = [];
  const decided = new Set<Mention>();
  for (const name of taggedNames(analyzed, tagged, gazetteer)) {
    const overlapping = names.filter((m) => m.start < name.end && name.start < m.end);
    const titled = name.type === 'PER' ? overlapping.find((m) => m.title && m.end === name.end && m.type === 'Person') : undefined;
    const same = overlapping.find((m) => m.start === name.start && (m.end === name.end || ((m.type === 'Treaty' || m.type === 'Event') && m.end > name.end)));
    let chosen: Mention | undefined;
    if (titled && titled.start >= name.start) chosen = titled;
    else if (titled) chosen = { ...mentionOf(analyzed.text, name, gazetteer)!, title: titled.title! };
    else chosen = same && REFINES[name.type].includes(same.type) ? same : mentionOf(analyzed.text, name, gazetteer);
    if (titled && chosen !== titled) owners.set(chosen!, owners.get(titled)!);
    for (const m of overlapping) decided.add(m);
    if (!chosen || kept.includes(chosen)) continue;
    kept.push(chosen);
    const owner = owners.get(chosen);
    if (owner && !kept.includes(owner)) kept.push(owner);
  }
  for (const mention of rules) {
    const ruleOnly = mention.role !== undefined || ((mention.type === 'Treaty' || mention.type === 'Event') && !decided.has(mention));
    if (ruleOnly && !kept.includes(mention)) kept.push(mention);
  }
  const position = new Map(kept.map((mention, i) => [mention, i]));
  return kept.map((mention) => {
    const owner = owners.get(mention);
    if (!mention.title) return mention;
    const { of: _, ...title } = mention.title;
    return { ...mention, title: owner && position.has(owner) ? { ...title, of: position.get(owner)! } : title };
  });
}
