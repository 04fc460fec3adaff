import { readFileSync } from 'node:fs';
import nlp from 'compromise/two';
import type { SyntaxToken } from '../../syntax/types.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../../types.js';
import { compilePath, type CompiledPath, type Tree, type TreeLexicon } from './tree.js';

/**
 * The event frames of data/frames.json, compiled: trigger lemmas and their inflected forms, role
 * paths, the relations each frame states. Compiling checks every relation, entity type, role and
 * dependency label against its vocabulary and throws on a typo, as spaCy's Matcher(validate=True).
 */

export const FRAME_ROLES = ['party', 'other', 'target', 'event', 'place', 'time'] as const;
export type FrameRole = (typeof FRAME_ROLES)[number];

interface RoleSpec {
  types?: EntityType[];
  paths: string[];
}

export interface FrameSpec {
  name: string;
  verbs: string[];
  nouns: string[];
  /** A frame read off a name rather than a word: a place with "in" ("Karimi is in the UAE"). */
  anchor?: { types: EntityType[]; markers: string[] };
  roles: Partial<Record<FrameRole, RoleSpec>>;
  states: { relation: RelationType; source: FrameRole; target: FrameRole; intended: RelationType | null }[];
  /** A status every fact of the frame has, whatever its modality ("invited" is always intended). */
  always?: 'intended' | 'done';
  example: { text: string; expect: string[] };
  nearMiss: string;
}

export interface Signature {
  source: EntityType[];
  target: EntityType[];
}

const MODALITY_LISTS = ['modalAuxiliaries', 'intending', 'intendingModifiers', 'negators', 'voiding', 'carriers', 'settings', 'partyNouns'] as const;
type ModalityList = (typeof MODALITY_LISTS)[number];

interface FrameFile {
  signatures: Record<string, Signature>;
  modality: Record<ModalityList, string[]>;
  /** Office nouns the titles gazetteer lacks, by what holding them says. */
  offices: { leads: string[]; serves: string[]; ofState: string[] };
  frames: FrameSpec[];
}

/** The entity types that can stand at the two ends of a fact a frame states. */
export interface FactEnds {
  source: ReadonlySet<EntityType>;
  target: ReadonlySet<EntityType>;
}

export interface CompiledRole {
  types: ReadonlySet<EntityType> | undefined;
  paths: CompiledPath[];
}

export interface CompiledFrame {
  spec: FrameSpec;
  verbs: ReadonlySet<string>;
  nouns: ReadonlySet<string>;
  anchor?: { types: ReadonlySet<EntityType>; markers: ReadonlySet<string> };
  roles: Map<FrameRole, CompiledRole>;
}

export interface FrameTable {
  frames: CompiledFrame[];
  signatures: ReadonlyMap<RelationType, { source: ReadonlySet<EntityType>; target: ReadonlySet<EntityType> }>;
  modality: Record<ModalityList, ReadonlySet<string>>;
  offices: { leads: ReadonlySet<string>; serves: ReadonlySet<string>; ofState: ReadonlySet<string> };
  lexicon: TreeLexicon;
  /** Every inflected form of every trigger, lower-case → its lemmas: what the parse gate looks for. */
  forms: ReadonlyMap<string, string[]>;
  /**
   * The ends of the facts each trigger lemma's frames state (a role's types the relation takes),
   * and of those a name anchors ("is in the UAE"), which come with every trigger since they read
   * whatever sentence is parsed: what the parse gate asks a sentence's names to fit.
   */
  ends: { byTrigger: ReadonlyMap<string, readonly FactEnds[]>; anchored: readonly FactEnds[] };
}

const world = nlp.world() as unknown as {
  model: unknown;
  methods: { two: { transform: { verb: { conjugate: (w: string, m: unknown) => Record<string, string> }; noun: { toPlural: (w: string, m: unknown) => string } } } };
};

/** Every form of a verb, from compromise's conjugator: "meet" → meet, met, meets, meeting. */
export function verbForms(verb: string): string[] {
  const forms = Object.values(world.methods.two.transform.verb.conjugate(verb, world.model)).filter((form) => !form.includes(' '));
  return [...new Set([verb, ...forms])];
}

function nounForms(noun: string): string[] {
  return [...new Set([noun, world.methods.two.transform.noun.toPlural(noun, world.model)])];
}

export function compileFrames(file: FrameFile): FrameTable {
  const fail = (where: string, what: string): never => {
    throw new Error(`frames: ${where}: ${what}`);
  };
  const entityTypes = (where: string, types: string[]): EntityType[] => {
    for (const type of types) if (!(ENTITY_TYPES as readonly string[]).includes(type)) fail(where, `unknown entity type "${type}"`);
    return types as EntityType[];
  };
  const relationType = (where: string, type: string): RelationType => {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) fail(where, `unknown relation "${type}"`);
    return type as RelationType;
  };

  const signatures = new Map<RelationType, { source: ReadonlySet<EntityType>; target: ReadonlySet<EntityType> }>();
  for (const [type, signature] of Object.entries(file.signatures)) {
    const where = `signature ${type}`;
    signatures.set(relationType(where, type), { source: new Set(entityTypes(where, signature.source)), target: new Set(entityTypes(where, signature.target)) });
  }

  const forms = new Map<string, string[]>();
  const addForm = (form: string, lemma: string): void => {
    const key = form.toLowerCase();
    forms.set(key, [...new Set([...(forms.get(key) ?? []), lemma])]);
  };
  const names = new Set<string>();
  const frames = file.frames.map((spec): CompiledFrame => {
    const where = `frame "${spec.name}"`;
    if (names.has(spec.name)) fail(where, 'defined twice');
    names.add(spec.name);
    for (const word of [...spec.verbs, ...spec.nouns]) if (!/^[a-z]+$/.test(word)) fail(where, `trigger "${word}" is not a lower-case lemma`);
    if (spec.verbs.length + spec.nouns.length === 0 && !spec.anchor) fail(where, 'no trigger');
    if (spec.anchor) entityTypes(`${where} anchor`, spec.anchor.types);
    if (!spec.example?.text || !Array.isArray(spec.example.expect) || !spec.nearMiss) fail(where, 'needs an example with what it states, and a near miss');
    const roles = new Map<FrameRole, CompiledRole>();
    for (const [role, roleSpec] of Object.entries(spec.roles)) {
      if (!(FRAME_ROLES as readonly string[]).includes(role)) fail(where, `unknown role "${role}" (roles: ${FRAME_ROLES.join(', ')})`);
      if (role !== 'time' && !roleSpec.types) fail(where, `role "${role}" needs entity types`);
      const paths = roleSpec.paths.map((path) => {
        try {
          return compilePath(path);
        } catch (error) {
          return fail(where, (error as Error).message);
        }
      });
      roles.set(role as FrameRole, { types: roleSpec.types && new Set(entityTypes(`${where} role ${role}`, roleSpec.types)), paths });
    }
    for (const state of spec.states) {
      const type = relationType(where, state.relation);
      if (state.intended !== null) relationType(where, state.intended);
      for (const end of ['source', 'target'] as const) {
        const role = roles.get(state[end]);
        if (!role) fail(where, `${type} ${end} is role "${state[end]}", which the frame does not fill`);
        const allowed = signatures.get(type)?.[end] ?? fail(where, `no signature for ${type}`);
        if (![...role!.types ?? []].some((t) => allowed.has(t))) fail(where, `${type} ${end} role "${state[end]}" has no type the relation takes`);
      }
    }
    for (const verb of spec.verbs) for (const form of verbForms(verb)) addForm(form, verb);
    for (const noun of spec.nouns) for (const form of nounForms(noun)) addForm(form, noun);
    const anchor = spec.anchor && { types: new Set(spec.anchor.types), markers: new Set(spec.anchor.markers) };
    return { spec, verbs: new Set(spec.verbs), nouns: new Set(spec.nouns), ...(anchor && { anchor }), roles };
  });

  const factEnds = (frame: CompiledFrame): FactEnds[] =>
    frame.spec.states.map((state) => {
      const signature = signatures.get(state.relation)!;
      const allowed = (role: FrameRole, types: ReadonlySet<EntityType>): ReadonlySet<EntityType> => new Set([...(frame.roles.get(role)!.types ?? types)].filter((type) => types.has(type)));
      return { source: allowed(state.source, signature.source), target: allowed(state.target, signature.target) };
    });
  const anchored = frames.filter((frame) => frame.anchor).flatMap(factEnds);
  const byTrigger = new Map<string, FactEnds[]>();
  for (const frame of frames) {
    for (const lemma of [...frame.verbs, ...frame.nouns]) byTrigger.set(lemma, [...(byTrigger.get(lemma) ?? anchored), ...factEnds(frame)]);
  }

  const modality = {} as Record<ModalityList, ReadonlySet<string>>;
  for (const key of MODALITY_LISTS) modality[key] = new Set(file.modality[key] ?? fail('modality', `the list "${key}" is missing`));
  for (const key of Object.keys(file.modality)) if (key !== '_comment' && !(MODALITY_LISTS as readonly string[]).includes(key)) fail('modality', `unknown list "${key}"`);
  const words = (where: string, list: string[] | undefined): ReadonlySet<string> => {
    if (!Array.isArray(list)) return fail(where, 'a list of words is missing');
    for (const word of list) if (!/^[a-z][a-z-]*$/.test(word)) fail(where, `"${word}" is not a lower-case word`);
    return new Set(list);
  };
  const offices = { leads: words('offices.leads', file.offices?.leads), serves: words('offices.serves', file.offices?.serves), ofState: words('offices.ofState', file.offices?.ofState) };
  return { frames, signatures, modality, offices, lexicon: { carriers: modality.carriers, settings: modality.settings }, forms, ends: { byTrigger, anchored } };
}

let table: FrameTable | undefined;

/** The frame table of data/frames.json, compiled once per process. */
export function getFrames(): FrameTable {
  table ??= compileFrames(JSON.parse(readFileSync(new URL('../../../data/frames.json', import.meta.url), 'utf8')) as FrameFile);
  return table;
}

/** The lemma a trigger token stands for, whatever the parser's lemmatizer said. */
export function triggerLemmas(token: SyntaxToken, table: FrameTable): string[] {
  const lemma = token.lemma.toLowerCase();
  return [...new Set([lemma, ...(table.forms.get(token.form.toLowerCase()) ?? [])])];
}

export type Modality = 'asserted' | 'intended' | 'void';

/**
 * Whether the event a trigger names happened, is intended, or is denied: read on the trigger and
 * on each clause above it that shares its arguments (control, carrier verbs, coordination).
 */
export function modalityOf(tree: Tree, trigger: SyntaxToken, table: FrameTable): Modality {
  const { modalAuxiliaries, intending, intendingModifiers, negators, voiding } = table.modality;
  let intended = false;
  let token: SyntaxToken | undefined = trigger;
  for (let depth = 0; token && depth < 6; depth++) {
    const lemma = token.lemma.toLowerCase();
    if (token !== trigger && voiding.has(lemma)) return 'void';
    if (token !== trigger && intending.has(lemma)) intended = true;
    for (const child of tree.children(token)) {
      const word = child.form.toLowerCase();
      if ((child.deprel === 'advmod' || child.deprel === 'det' || child.deprel === 'cc:preconj') && negators.has(word)) return 'void';
      if ((child.deprel === 'aux' || child.deprel === 'aux:pass') && modalAuxiliaries.has(word)) intended = true;
      if ((child.deprel === 'amod' || child.deprel === 'det') && token.upos !== 'VERB' && intendingModifiers.has(word)) intended = true;
    }
    const children = tree.children(token);
    // "there were no plans for a meeting": an existential whose subject is denied.
    if (children.some((c) => c.deprel === 'expl') && children.some((c) => c.deprel === 'nsubj' && tree.children(c).some((d) => d.deprel === 'det' && negators.has(d.form.toLowerCase())))) return 'void';
    // "the envoy is to meet the committee": be + to, read as a copula.
    if (children.some((c) => c.deprel === 'cop' && c.lemma === 'be') && children.some((c) => c.deprel === 'mark' && c.form.toLowerCase() === 'to')) intended = true;
    const governor = tree.governor(token);
    if (governor) {
      token = governor.head;
      continue;
    }
    // "agreed on a summit", "called for talks": a noun trigger under an intending verb.
    const head = tree.head(token);
    if (head && token.upos !== 'VERB' && (token.deprel === 'obl' || token.deprel === 'obj') && (intending.has(head.lemma.toLowerCase()) || voiding.has(head.lemma.toLowerCase()))) {
      token = head;
      continue;
    }
    break;
  }
  return intended ? 'intended' : 'asserted';
}
