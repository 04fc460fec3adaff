/**
 * The trained syntax model: tagger, parser, labeler and lemma table in one model file, and the
 * function that runs them over the words of a sentence.
 */
import { UserError } from '../errors.js';
import { loadModel, saveModel, type AveragedPerceptron } from '../learn/index.js';
import { lemmatize, type LemmaTable } from './lemma.js';
import { Parser, parserInput, type ParseResult } from './parser.js';
import { PunctuationAttacher, punctuationMask } from './punctuation.js';
import { Tagger } from './tagger.js';
import { hashWords, type WordHashes } from './word-features.js';

const KIND = 'syntax';

interface SyntaxMeta {
  xposTags: string[];
  uposTags: string[];
  labels: string[];
  /** [normalized form, tag index] pairs, per tagger pass. */
  xposDictionary: [string, number][];
  uposDictionary: [string, number][];
  /** [lowercased form \t UPOS, lemma] pairs. */
  lemmas: [string, string][];
}

/** What the model says of each word of a sentence, in order. */
export interface WordAnalysis {
  upos: string;
  xpos: string;
  lemma: string;
  /** 0 for the root, else the 1-based index of the head word. */
  head: number;
  deprel: string;
}

export class SyntaxModel {
  /** The UPOS tag of the marks attached after parsing (-1: none), and the relation they take. */
  private readonly punctTag: number;
  private readonly punctLabel: number;

  constructor(
    readonly tagger: Tagger,
    readonly parser: Parser,
    readonly punctuation: PunctuationAttacher,
    readonly lemmas: LemmaTable,
  ) {
    this.punctLabel = parser.labelNames.indexOf('punct');
    this.punctTag = this.punctLabel < 0 ? -1 : tagger.uposTags.indexOf('PUNCT');
  }

  /** Which words the punctuation attacher places (its mask over words 1…n). */
  punctuationOf(upos: Int32Array, n: number): Uint8Array {
    return punctuationMask(upos, n, this.punctTag);
  }

  /** Heads and relations of a tagged sentence: parsed, then its punctuation attached anew. */
  parseTagged(words: WordHashes, n: number, tags: { upos: Int32Array; xpos: Int32Array }): ParseResult {
    const parse = this.parser.parse(parserInput(words, n, tags, this.tagger));
    const mask = this.punctuationOf(tags.upos, n);
    this.punctuation.reattach({ n, words, upos: tags.upos, xpos: tags.xpos, mask, ...parse }, this.punctLabel);
    return parse;
  }

  /** Tags, lemmatizes and parses one sentence given as its words. */
  analyze(forms: readonly string[]): WordAnalysis[] {
    const n = forms.length;
    if (n === 0) return [];
    const words = hashWords(forms);
    const tags = this.tagger.tag(words, n);
    const { heads, labels } = this.parseTagged(words, n, tags);
    return forms.map((form, index) => {
      const upos = this.tagger.uposTags[tags.upos[index + 1]!]!;
      const xpos = this.tagger.xposTags[tags.xpos[index + 1]!]!;
      return { upos, xpos, lemma: lemmatize(form, upos, this.lemmas), head: heads[index + 1]!, deprel: this.parser.labelNames[labels[index + 1]!]! };
    });
  }

  async save(path: string): Promise<void> {
    const [xpos, upos] = this.tagger.passes;
    const sections: Record<string, AveragedPerceptron> = {
      xpos: xpos.model,
      upos: upos.model,
      transitions: this.parser.transitions,
      labeler: this.parser.labeler,
      punctuation: this.punctuation.model,
    };
    const meta: SyntaxMeta = {
      xposTags: [...xpos.tags],
      uposTags: [...upos.tags],
      labels: [...this.parser.labelNames],
      xposDictionary: [...xpos.dictionary],
      uposDictionary: [...upos.dictionary],
      lemmas: [...this.lemmas],
    };
    await saveModel(path, { kind: KIND, meta, sections });
  }

  static load(path: string): SyntaxModel {
    const { meta, sections } = loadModel<SyntaxMeta>(path, KIND);
    const tagger = new Tagger([
      { tags: meta.xposTags, model: sections.xpos!, dictionary: new Map(meta.xposDictionary) },
      { tags: meta.uposTags, model: sections.upos!, dictionary: new Map(meta.uposDictionary) },
    ]);
    const parser = new Parser(meta.labels, sections.transitions!, sections.labeler!);
    if (!sections.punctuation) throw new UserError(`${path}: not a usable syntax model (no punctuation section: retrain it with npm run train:syntax)`);
    return new SyntaxModel(tagger, parser, new PunctuationAttacher(sections.punctuation), new Map(meta.lemmas));
  }
}
