import type { CorefLink } from '../pipeline/coreference.js';
import type { ParsedSentence } from '../syntax/types.js';
import type { Entity, Sentence } from '../types.js';
import type { CorefDocument, CorefMention } from './conllu-coref.js';

/**
 * Pronoun resolution against coreference chains: of the third-person pronouns whose chain has an
 * earlier named or nominal mention, the share the resolver links to an entity one of whose names
 * touches the head of a mention of that chain. A pronoun left unlinked or linked elsewhere counts
 * as wrong; `precision` is the share right among those linked.
 */

export interface CorefScore {
  accuracy: number;
  /** Pronouns scored: third person, with an earlier named or nominal mention in their chain. */
  total: number;
  correct: number;
  /** Pronouns the resolver linked to some entity. */
  linked: number;
  precision: number;
}

export interface CorefReport {
  documents: number;
  /** Which trees gave grammatical roles: none (word order and tags), our parser's, or the file's own. */
  syntax: 'none' | 'parser' | 'gold';
  pronouns: CorefScore & { byForm: Record<string, CorefScore> };
  /** Pronouns of GUM's `person` chains. */
  personPronouns: CorefScore;
}

export interface CorefCase {
  gold: CorefDocument;
  entities: Entity[];
  links: CorefLink[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** A third-person personal pronoun (he, its, them, themselves …), one word long. */
export function isThirdPersonPronoun(mention: CorefMention): boolean {
  const [word] = mention.words;
  return mention.words.length === 1 && word!.upos === 'PRON' && /(?:^|\|)Person=3(?:\||$)/.test(mention.features) && /(?:^|\|)PronType=Prs(?:\||$)/.test(mention.features);
}

export function scoreCoref(cases: CorefCase[], syntax: CorefReport['syntax']): CorefReport {
  const all = tally();
  const persons = tally();
  const byForm = new Map<string, ReturnType<typeof tally>>();
  for (const { gold, entities, links } of cases) {
    const chains = new Map<string, CorefMention[]>();
    for (const mention of gold.mentions) chains.set(mention.chain, [...(chains.get(mention.chain) ?? []), mention]);
    for (const pronoun of gold.mentions.filter(isThirdPersonPronoun)) {
      const chain = chains.get(pronoun.chain)!;
      const antecedent = chain.some((m) => m.end <= pronoun.start && m.heads.some((h) => h.upos === 'PROPN' || h.upos === 'NOUN'));
      if (!antecedent) continue;
      const link = links.find((l) => overlaps(l, pronoun));
      const others = chain.filter((m) => m !== pronoun);
      const right =
        link !== undefined &&
        link.entities.some((e) => entities[e]!.mentions.some((name) => others.some((m) => m.heads.some((head) => overlaps(name, head)))));
      const form = pronoun.words[0]!.form.toLowerCase();
      if (!byForm.has(form)) byForm.set(form, tally());
      for (const counter of [all, byForm.get(form)!, ...(pronoun.entityType === 'person' ? [persons] : [])]) counter.add(link !== undefined, right);
    }
  }
  const forms = [...byForm].sort((a, b) => b[1].score().total - a[1].score().total);
  return {
    documents: cases.length,
    syntax,
    pronouns: { ...all.score(), byForm: Object.fromEntries(forms.map(([form, counter]) => [form, counter.score()])) },
    personPronouns: persons.score(),
  };
}

function tally() {
  let total = 0;
  let correct = 0;
  let linked = 0;
  return {
    add(isLinked: boolean, isRight: boolean): void {
      total++;
      if (isLinked) linked++;
      if (isRight) correct++;
    },
    score(): CorefScore {
      return { accuracy: total === 0 ? 0 : correct / total, total, correct, linked, precision: linked === 0 ? 0 : correct / linked };
    },
  };
}

/**
 * The file's own trees, regrouped by the pipeline's sentences (which may join or split the file's):
 * each of our sentences gets the words of the file's sentences that start inside it, renumbered.
 */
export function treesBySentence(trees: ParsedSentence[], sentences: Sentence[]): Map<number, ParsedSentence> {
  const parses = new Map<number, ParsedSentence>();
  for (const tree of trees) {
    const index = sentences.findIndex((s) => tree.start >= s.start && tree.start < s.end);
    if (index < 0) continue;
    const known = parses.get(index);
    const offset = known?.tokens.length ?? 0;
    const tokens = tree.tokens.map((t) => ({ ...t, id: t.id + offset, head: t.head === 0 ? 0 : t.head + offset }));
    parses.set(index, known ? { start: known.start, end: tree.end, tokens: [...known.tokens, ...tokens] } : { start: tree.start, end: tree.end, tokens });
  }
  return parses;
}
