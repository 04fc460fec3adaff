import type { ParsedSentence, SyntaxToken } from '../../syntax/types.js';

/**
 * A small dependency-path language over UD trees, in the spirit of spaCy's DependencyMatcher and
 * Stanford's Semgrex. A path is a list of steps from an anchor token:
 *
 *   nsubj             a child attached as `nsubj`
 *   obl[with|at]      an `obl` child whose `case` marker is one of the words
 *   ^obj              the head, when the token is attached to it as `obj`
 *   (empty)           the anchor itself
 *   @nsubj            as `nsubj`, but also the subject the clause shares with the clause that
 *                     controls or coordinates it ("plans to meet", "arrived and met") or the light
 *                     verb that carries a noun ("held talks"); `@obl[in]` the same for any label
 *
 * Labels are checked against the UD relation vocabulary when a path is compiled: a typo throws.
 */

/** UD v2 relations and the subtypes English treebanks use (old and new names of the unmarked ones). */
export const UD_RELATIONS: ReadonlySet<string> = new Set([
  'acl', 'acl:relcl', 'advcl', 'advcl:relcl', 'advmod', 'amod', 'appos', 'aux', 'aux:pass', 'case', 'cc', 'cc:preconj',
  'ccomp', 'clf', 'compound', 'compound:prt', 'conj', 'cop', 'csubj', 'csubj:pass', 'csubj:outer', 'dep', 'det', 'det:predet',
  'discourse', 'dislocated', 'expl', 'fixed', 'flat', 'goeswith', 'iobj', 'list', 'mark', 'nmod', 'nmod:poss', 'nmod:desc',
  'nmod:unmarked', 'nmod:tmod', 'nmod:npmod', 'nsubj', 'nsubj:pass', 'nsubj:outer', 'nummod', 'obj', 'obl', 'obl:agent',
  'obl:unmarked', 'obl:tmod', 'obl:npmod', 'orphan', 'parataxis', 'punct', 'reparandum', 'root', 'vocative', 'xcomp',
]);

export type Step =
  | { kind: 'child'; label: string; markers?: ReadonlySet<string>; inherited: boolean }
  | { kind: 'head'; label: string };

export interface CompiledPath {
  source: string;
  steps: Step[];
}

export function compilePath(source: string): CompiledPath {
  if (source.trim() === '') return { source, steps: [] }; // the anchor itself
  const steps = source
    .trim()
    .split(/\s+/)
    .map((part): Step => {
      const step = /^([@^]?)([a-z]+(?::[a-z]+)?)(?:\[([a-z|-]+)\])?$/.exec(part);
      if (!step || !UD_RELATIONS.has(step[2]!)) throw new Error(`bad step "${part}" in dependency path "${source}": not a UD relation`);
      const [, prefix, label, markers] = step;
      if (prefix === '^') {
        if (markers) throw new Error(`bad step "${part}" in dependency path "${source}": a step up takes no markers`);
        return { kind: 'head', label: label! };
      }
      return { kind: 'child', label: label!, inherited: prefix === '@', ...(markers && { markers: new Set(markers.split('|')) }) };
    });
  return { source, steps };
}

/** What the tree needs to know about words to pass subjects along: carriers and relative pronouns. */
export interface TreeLexicon {
  /** Verbs that carry a noun event: "hold talks", "the talks were held", "have a meeting". */
  carriers: ReadonlySet<string>;
  /** Prepositions that make an event the setting of a clause, whose subject took part: "after talks with". */
  settings: ReadonlySet<string>;
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);
const OUTSIDE_PHRASE = new Set(['case', 'punct', 'mark', 'nmod', 'acl', 'acl:relcl', 'appos', 'conj', 'cc', 'parataxis']);

/** One parsed sentence, indexed for walking. */
export class Tree {
  readonly tokens: SyntaxToken[];
  private readonly kids: SyntaxToken[][];

  constructor(
    readonly sentence: ParsedSentence,
    /** The document text the token offsets index. */
    readonly text: string,
    private readonly lexicon: TreeLexicon,
  ) {
    this.tokens = sentence.tokens;
    this.kids = this.tokens.map(() => []);
    for (const token of this.tokens) if (token.head > 0) this.kids[token.head - 1]!.push(token);
  }

  head(token: SyntaxToken): SyntaxToken | undefined {
    return token.head > 0 ? this.tokens[token.head - 1] : undefined;
  }

  children(token: SyntaxToken, label?: string): SyntaxToken[] {
    const all = this.kids[token.id - 1]!;
    return label === undefined ? all : all.filter((t) => t.deprel === label);
  }

  /** The lower-case words of a token's `case` and `mark` children, multiword markers joined ("out of"). */
  markers(token: SyntaxToken): string[] {
    return this.children(token)
      .filter((t) => t.deprel === 'case' || t.deprel === 'mark')
      .map((t) => [t, ...this.children(t, 'fixed')].map((w) => w.form.toLowerCase()).join('-'));
  }

  /** The token and every token coordinated with it: "Brazil, Chile and Peru". */
  conjuncts(token: SyntaxToken): SyntaxToken[] {
    const out = [token];
    for (let i = 0; i < out.length; i++) out.push(...this.children(out[i]!, 'conj'));
    return out;
  }

  /** The tokens a path reaches from the anchor. */
  follow(anchor: SyntaxToken, path: CompiledPath): SyntaxToken[] {
    if (path.steps.length === 0) return [anchor];
    let current = [anchor];
    for (const step of path.steps) {
      const next: SyntaxToken[] = [];
      for (const token of current) {
        if (step.kind === 'head') {
          const head = this.head(token);
          if (head && token.deprel === step.label) next.push(head);
          continue;
        }
        const found = step.inherited ? this.inherited(token, step.label, new Set()) : this.children(token, step.label);
        for (const child of found) {
          if (step.markers && !this.markers(child).some((m) => step.markers!.has(m))) continue;
          next.push(this.relativeAntecedent(child));
        }
      }
      current = [...new Set(next)].filter((t) => t !== anchor);
    }
    return current;
  }

  /**
   * The clause a token's clause hangs on, for sharing its arguments, and how: control, coordination,
   * a carrier verb ("held talks", "held several hours of talks"), a reduced relative, or a setting
   * ("said after talks with", "arrived from a meeting with"), which shares only its subject.
   */
  governor(token: SyntaxToken): { head: SyntaxToken; via: 'xcomp' | 'conj' | 'carrier' | 'acl' | 'setting' } | undefined {
    const head = this.head(token);
    if (!head) return undefined;
    if (token.deprel === 'xcomp') return { head, via: 'xcomp' };
    if (token.deprel === 'conj' && token.upos === 'VERB' && head.upos === 'VERB') return { head, via: 'conj' };
    if (token.deprel === 'acl') return { head, via: 'acl' };
    if (token.deprel === 'advcl' && token.upos === 'VERB') return { head, via: 'setting' };
    const noun = token.upos === 'NOUN' || token.upos === 'PROPN';
    if (noun && this.carries(token, head)) return { head, via: 'carrier' };
    const measure = this.head(head);
    if (noun && token.deprel === 'nmod' && head.upos === 'NOUN' && measure && this.markers(token).includes('of') && this.carries(head, measure)) return { head: measure, via: 'carrier' };
    if (noun && token.deprel === 'obl' && head.upos === 'VERB' && this.markers(token).some((m) => this.lexicon.settings.has(m))) return { head, via: 'setting' };
    return undefined;
  }

  private carries(noun: SyntaxToken, verb: SyntaxToken): boolean {
    return ['obj', 'nsubj', 'nsubj:pass'].includes(noun.deprel) && this.lexicon.carriers.has(verb.lemma.toLowerCase());
  }

  /**
   * Children with the label, or, when the token has none, those of the clause that governs it. A
   * controlled clause takes its controller's object when there is one ("invited Gorbachev to visit"),
   * else its subject, a passive one too ("the minister is expected to meet"); a reduced relative's
   * subject is the noun it modifies ("officials meeting in Geneva").
   */
  private inherited(token: SyntaxToken, label: string, seen: Set<number>): SyntaxToken[] {
    const own = this.children(token, label);
    if (own.length > 0 || seen.has(token.id)) return own;
    seen.add(token.id);
    const governor = this.governor(token);
    if (!governor) return [];
    if (governor.via === 'acl') {
      if (label !== 'nsubj') return [];
      // "Kohl and Mitterrand plan to hold": a verb the tagger read as a noun keeps its subject as a
      // compound, or as the name the noun hangs on in apposition.
      const host = governor.head.deprel === 'appos' ? this.head(governor.head) : undefined;
      const names = [...this.children(governor.head, 'compound'), ...(host ? [host] : [])].filter((c) => c.upos === 'PROPN');
      const infinitive = this.children(token, 'mark').some((m) => m.form.toLowerCase() === 'to');
      return infinitive && names.length > 0 ? names : [governor.head];
    }
    if (governor.via === 'setting' && label !== 'nsubj') return [];
    if ((governor.via === 'xcomp' || governor.via === 'setting') && label === 'nsubj') {
      const objects = governor.via === 'xcomp' ? this.children(governor.head, 'obj') : [];
      if (objects.length > 0) return objects;
      // "the minister is expected to meet", "he was invited to visit": a passive controller's subject.
      const passive = this.children(governor.head, 'nsubj:pass');
      if (passive.length > 0) return passive;
    }
    return this.inherited(governor.head, label, seen);
  }

  /** "Shultz, who met Shevardnadze": the relative pronoun stands for the noun the clause modifies. */
  private relativeAntecedent(token: SyntaxToken): SyntaxToken {
    if (!RELATIVE_PRONOUNS.has(token.form.toLowerCase())) return token;
    const clause = this.head(token);
    const antecedent = clause && clause.deprel === 'acl:relcl' ? this.head(clause) : undefined;
    return antecedent ?? token;
  }

  /** The words of a token's phrase, without its markers, punctuation and attached phrases: "last October", not "mid-November in Washington". */
  phrase(token: SyntaxToken): string {
    const inside: SyntaxToken[] = [];
    const visit = (t: SyntaxToken): void => {
      inside.push(t);
      for (const child of this.children(t)) if (!OUTSIDE_PHRASE.has(child.deprel)) visit(child);
    };
    visit(token);
    return this.text.slice(Math.min(...inside.map((t) => t.start)), Math.max(...inside.map((t) => t.end))).replace(/\s+/g, ' ');
  }
}
