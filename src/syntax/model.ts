/**
 * The trained syntax model: tagger, parser, labeler and lemma table in one model file, and the
 * function that runs them over the words of a sentence.
 */
import { loadModel, saveModel, type AveragedPerceptron } from '../learn/index.js';
import { lemmatize, type LemmaTable } from './lemma.js';
import { Parser, parserInput } from './parser.js';
import { Tagger } from './tagger.js';
import { hashWords } from './word-features.js';

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
  constructor(
    readonly tagger: Tagger,
    readonly parser: Parser,
    readonly lemmas: LemmaTable,
  ) {}

  /** Tags, lemmatizes and parses one sentence given as its words. */
  analyze(forms: readonly string[]): WordAnalysis[] {
    const n = forms.length;
    if (n === 0) return [];
    const words = hashWords(forms);
    const tags = this.tagger.tag(words, n);
    const { heads, labels } = this.parser.parse(parserInput(words, n, tags, this.tagger));
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
    return new SyntaxModel(tagger, parser, new Map(meta.lemmas));
  }
}
