import type { Mention } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { combineWithTagger, taggedMentions } from './combine.js';
import { type Gazetteer, nameKey } from './gazetteer.js';
import { readSpan, type Unresolved } from './names.js';
import { DATED_EVENT_NOUNS } from './patterns.js';
import { GROUP_ROLES, ROLE_NOUNS } from './roles.js';
import { settleByDocument } from './settle.js';
import { breaksAfter } from './shapes.js';
import { candidateSpans, documentContext, shoutingLines } from './spans.js';
import { getNameTagger } from './tagger/model.js';
import { tagNames } from './tagger/tagger.js';
import { markTeams } from './teams.js';
import { lowerWireCapitals } from './wire.js';
import { makeMention } from './words.js';

/**
 * Where names come from: the rules alone, the trained tagger alone (its types refined only by the
 * gazetteer's Country vs Place), or both (the default: see `combineWithTagger` for the order of decisions).
 */
export type EntitySource = 'rules' | 'tagger' | 'combined';
export const ENTITY_SOURCES: readonly EntitySource[] = ['rules', 'tagger', 'combined'];

/** The entity stage: the mentions of names and role phrases of a document, in text order. */
export function findMentions(text: AnalyzedText, gazetteer: Gazetteer, source: EntitySource = 'combined'): Mention[] {
  const analyzed = lowerWireCapitals(text, gazetteer);
  if (source === 'rules') return ruleMentions(analyzed, gazetteer).mentions;
  const tagged = tagNames(getNameTagger(), analyzed, gazetteer);
  return sortMentions(source === 'tagger' ? taggedMentions(analyzed, tagged, gazetteer) : combineWithTagger(analyzed, tagged, ruleMentions(analyzed, gazetteer), gazetteer));
}

/** The rules' mentions, and those of them no strong evidence typed (compromise's or the document's guess). */
export interface RuleMentions {
  mentions: Mention[];
  weak: ReadonlySet<Mention>;
}

/**
 * The rules: capitalised word runs become candidate names; titles and demonyms in front are split
 * off; each name gets a type from the gazetteers, the name patterns, compromise's tags and, last,
 * from what the rest of the document says about the same words.
 */
export function ruleMentions(analyzed: AnalyzedText, gazetteer: Gazetteer): RuleMentions {
  const context = documentContext(analyzed);
  const found: Mention[] = [];
  const unresolved: Unresolved[] = [];
  for (const tokens of analyzed.tokens) {
    const shouting = shoutingLines(tokens);
    for (const span of candidateSpans(tokens, shouting, context, gazetteer)) {
      const reading = readSpan(analyzed.text, tokens, span, gazetteer, found.length);
      found.push(...reading.mentions);
      unresolved.push(...reading.unresolved);
    }
    found.push(...roleMentions(analyzed.text, tokens, gazetteer), ...datedEvents(analyzed.text, tokens));
  }
  const mentions = markTeams(analyzed, settleByDocument(analyzed, found, unresolved));
  // Settling and teams keep the order: a weak mention is known by its place in the list.
  const positions = new Map(found.map((mention, i) => [mention, i]));
  const weakAt = new Set(unresolved.map((u) => positions.get(u.mention)));
  return { mentions: sortMentions(mentions), weak: new Set(mentions.filter((_mention, i) => weakAt.has(i))) };
}

/** Mentions in text order; a title's `of` still points at its owner (an index into the list). */
function sortMentions(mentions: Mention[]): Mention[] {
  const owners = new Map(mentions.map((mention) => [mention, mention.title?.of === undefined ? undefined : mentions[mention.title.of]]));
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const position = new Map(sorted.map((mention, i) => [mention, i]));
  for (const mention of sorted) {
    const owner = owners.get(mention);
    if (owner) mention.title = { ...mention.title!, of: position.get(owner)! };
  }
  return sorted;
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
