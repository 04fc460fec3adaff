import type { SyntaxToken } from '../../syntax/types.js';
import { SYMMETRIC_RELATIONS, type EntityType, type RelationProperties, type RelationType } from '../../types.js';
import { looksLikeDate, normaliseDate, type CalendarDate, type Tense } from './dates.js';
import { modalityOf, triggerLemmas, type CompiledFrame, type FrameRole, type FrameTable } from './frames.js';
import type { Tree } from './tree.js';

/** What the frames need to know about the document's entities. */
export interface EntityView {
  /** The entities a token stands for in a role: the name it is part of, or what a pronoun or role phrase refers to. */
  at(token: SyntaxToken): number[];
  /** The entities of the name a token is part of, read as that name ("U.S." in "U.S. Treasury Secretary James Baker"). */
  named(token: SyntaxToken): number[];
  type(entity: number): EntityType;
  name(entity: number): string;
}

export interface FrameFact {
  type: RelationType;
  source: number;
  target: number;
  properties: RelationProperties;
  confidence: number;
}

const CONFIDENCE = { asserted: 0.8, intended: 0.7 } as const;

/** Every fact the frames state in one parsed sentence. */
export function readFrames(tree: Tree, table: FrameTable, entities: EntityView, story: CalendarDate | undefined): FrameFact[] {
  const facts: FrameFact[] = [];
  for (const token of tree.tokens) {
    const isVerb = token.upos === 'VERB';
    const isNoun = token.upos === 'NOUN' || token.upos === 'PROPN';
    if (!isVerb && !isNoun) continue;
    const lemmas = triggerLemmas(token, table);
    for (const frame of table.frames) {
      const triggers = isVerb ? frame.verbs : frame.nouns;
      if (lemmas.some((lemma) => triggers.has(lemma)) || anchors(tree, frame, token, entities)) facts.push(...frameFacts(tree, table, frame, token, entities, story));
    }
  }
  return facts;
}

/** Whether a name anchors the frame: of its types, with its marker ("in the United Arab Emirates"). */
function anchors(tree: Tree, frame: CompiledFrame, token: SyntaxToken, entities: EntityView): boolean {
  const anchor = frame.anchor;
  if (!anchor || !entities.named(token).some((e) => anchor.types.has(entities.type(e)))) return false;
  return tree.markers(token).some((marker) => anchor.markers.has(marker));
}

function frameFacts(tree: Tree, table: FrameTable, frame: CompiledFrame, trigger: SyntaxToken, entities: EntityView, story: CalendarDate | undefined): FrameFact[] {
  const modality = modalityOf(tree, trigger, table);
  if (modality === 'void') return [];
  const filled = new Map<FrameRole, number[]>();
  const fill = (role: FrameRole): number[] => {
    if (!filled.has(role)) filled.set(role, roleEntities(tree, table, frame, role, trigger, entities));
    return filled.get(role)!;
  };
  const properties: RelationProperties = {};
  const place = fill('place').find((e) => entities.type(e) === 'Place' || entities.type(e) === 'Country');
  if (place !== undefined) properties.place = entities.name(place);
  const time = timeOf(tree, frame, trigger, story);
  if (time) Object.assign(properties, time);
  const status = frame.spec.always === 'intended' || modality === 'intended' ? 'intended' : frame.spec.always;
  if (status) properties.status = status;

  const facts: FrameFact[] = [];
  for (const state of frame.spec.states) {
    const type = modality === 'intended' ? state.intended : state.relation;
    if (type === null) continue;
    const signature = table.signatures.get(state.relation)!;
    const sources = fill(state.source).filter((e) => signature.source.has(entities.type(e)));
    const targets = fill(state.target).filter((e) => signature.target.has(entities.type(e)));
    const confidence = CONFIDENCE[modality];
    const add = (source: number, target: number): void => {
      if (source !== target) facts.push({ type, source, target, properties: { ...properties }, confidence });
    };
    for (const source of sources) for (const target of targets) add(source, target);
    // "Reagan and Gorbachev met", "talks between Baker and Watanabe": the parties met each other.
    if (SYMMETRIC_RELATIONS.has(state.relation) && targets.length === 0) {
      sources.forEach((source, i) => sources.slice(i + 1).forEach((other) => add(source, other)));
    }
  }
  return facts;
}

/** The entities a role's paths reach, with the names coordinated with them and those a party noun stands for. */
function roleEntities(tree: Tree, table: FrameTable, frame: CompiledFrame, role: FrameRole, trigger: SyntaxToken, entities: EntityView): number[] {
  const spec = frame.roles.get(role);
  if (!spec) return [];
  const found: number[] = [];
  // A trigger that is part of a name ("the Brussels summit") is no place or party of itself.
  const own = new Set(entities.at(trigger));
  for (const path of spec.paths) {
    for (const token of tree.follow(trigger, path)) {
      for (const member of tree.conjuncts(token)) found.push(...tokenEntities(tree, table, member, entities).filter((e) => path.steps.length === 0 || !own.has(e)));
    }
  }
  return [...new Set(found)].filter((e) => !spec.types || spec.types.has(entities.type(e)));
}

/**
 * What a phrase head stands for: its name; a name in apposition ("his foreign minister, Tahir
 * al-Masri"); or the countries and bodies a party noun belongs to ("the presidents of Brazil, Chile
 * and Peru", "Soviet officials"). A thing that is none of these ("Neville's cross") is no party.
 */
function tokenEntities(tree: Tree, table: FrameTable, token: SyntaxToken, entities: EntityView): number[] {
  const own = entities.at(token);
  // "U.S.(head) Treasury Secretary James Baker(flat)": a person named below a country's name is the party.
  if (own.length > 0 && !own.some((e) => entities.type(e) === 'Person')) {
    const people = tree.children(token).filter((c) => c.deprel === 'flat').flatMap((c) => entities.at(c).filter((e) => entities.type(e) === 'Person'));
    if (people.length > 0) return [...new Set(people)];
  }
  if (own.length > 0) return own;
  for (const child of tree.children(token)) {
    if (child.deprel === 'appos' || child.deprel === 'flat' || nameOnTitle(tree, child, entities)) {
      const named = entities.at(child);
      if (named.length > 0) return named;
    }
  }
  if (!table.modality.partyNouns.has(token.lemma.toLowerCase())) return [];
  const owners: number[] = [];
  for (const child of tree.children(token)) {
    const owner = child.deprel === 'nmod:poss' || child.deprel === 'amod' || child.deprel === 'compound' || (child.deprel === 'nmod' && tree.markers(child).includes('of'));
    if (!owner) continue;
    for (const member of tree.conjuncts(child)) owners.push(...entities.at(member).filter((e) => entities.type(e) === 'Country' || entities.type(e) === 'Organization'));
  }
  return owners;
}

/**
 * "Turkish Ambassador to Athens Nazmi Akiman": a person's name that a parser hung on its title as
 * an nmod with no preposition of its own. A preposition before another name compounded onto it
 * ("to Athens(compound) Nazmi") is that name's.
 */
export function nameOnTitle(tree: Tree, token: SyntaxToken, entities: EntityView): boolean {
  const own = entities.at(token);
  if (token.deprel !== 'nmod' || !own.some((e) => entities.type(e) === 'Person')) return false;
  const other = tree.children(token).find((c) => c.deprel === 'compound' && c.id < token.id && entities.named(c).some((e) => !own.includes(e)));
  return tree.children(token).every((c) => (c.deprel !== 'case' && c.deprel !== 'mark') || (other !== undefined && c.id < other.id));
}

/** The time role: the first phrase that reads as a date, normalised, with the words it was read from. */
function timeOf(tree: Tree, frame: CompiledFrame, trigger: SyntaxToken, story: CalendarDate | undefined): RelationProperties | undefined {
  const spec = frame.roles.get('time');
  if (!spec) return undefined;
  for (const path of spec.paths) {
    for (const token of tree.follow(trigger, path)) {
      // The head word names the time ("last October", "on Tuesday"), not a word below it ("in Berlin on Tuesday").
      if (!looksLikeDate(token.form)) continue;
      const words = tree.phrase(token);
      const iso = normaliseDate(words, story, tenseOf(tree, trigger));
      return iso && iso !== words ? { date: iso, dateText: words } : { date: iso ?? words };
    }
  }
  return undefined;
}

function tenseOf(tree: Tree, trigger: SyntaxToken): Tense | undefined {
  let token: SyntaxToken | undefined = trigger;
  while (token && token.upos !== 'VERB') token = tree.head(token);
  if (!token) return undefined;
  if (tree.children(token).some((c) => c.deprel === 'aux' && /^(will|'ll|shall)$/i.test(c.form))) return 'future';
  if (token.xpos === 'VBD' || token.xpos === 'VBN' || tree.children(token).some((c) => /^(had|did|was|were)$/i.test(c.form))) return 'past';
  return undefined;
}
