/**
 * Scoring against a UD treebank with gold tokenization: UPOS accuracy, UAS and LAS (universal
 * relation, the part before ':', punctuation included), the most frequent relation confusions,
 * and speed.
 */
import type { ConlluSentence } from './conllu.js';
import type { SyntaxModel, WordAnalysis } from './model.js';

export interface UdReport {
  sentences: number;
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** The ten most frequent (gold, predicted) universal relation pairs among wrong labels. */
  confusions: { gold: string; predicted: string; count: number }[];
  wordsPerSecond: number;
}

export function universalRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

export function evaluateUd(treebank: readonly ConlluSentence[], model: SyntaxModel): UdReport {
  const started = process.hrtime.bigint();
  const predictions: WordAnalysis[][] = treebank.map((sentence) => model.analyze(sentence.words.map((word) => word.form)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...scoreUd(treebank, predictions), wordsPerSecond: Math.round(scoreWords(treebank) / Math.max(seconds, 1e-9)) };
}

function scoreWords(treebank: readonly ConlluSentence[]): number {
  return treebank.reduce((sum, sentence) => sum + sentence.words.length, 0);
}

export function scoreUd(treebank: readonly ConlluSentence[], predictions: readonly WordAnalysis[][]): Omit<UdReport, 'wordsPerSecond'> {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  const confusions = new Map<string, number>();
  treebank.forEach((sentence, s) => {
    sentence.words.forEach((gold, i) => {
      const predicted = predictions[s]![i]!;
      words++;
      if (predicted.upos === gold.upos) upos++;
      const goldRelation = universalRelation(gold.deprel);
      const predictedRelation = universalRelation(predicted.deprel);
      if (predicted.head === gold.head) {
        uas++;
        if (predictedRelation === goldRelation) las++;
      }
      if (predictedRelation !== goldRelation) {
        const key = `${goldRelation}\t${predictedRelation}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    });
  });
  const ratio = (count: number) => (words === 0 ? 0 : count / words);
  return {
    sentences: treebank.length,
    words,
    upos: ratio(upos),
    uas: ratio(uas),
    las: ratio(las),
    confusions: [...confusions]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([key, count]) => {
        const [gold, predicted] = key.split('\t') as [string, string];
        return { gold, predicted, count };
      }),
  };
}
