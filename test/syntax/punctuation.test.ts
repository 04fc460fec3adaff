import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AveragedPerceptron } from '../../src/learn/index.js';
import { parseConllu, type ConlluSentence } from '../../src/syntax/conllu.js';
import { isProjective, projectivize } from '../../src/syntax/projectivize.js';
import { PunctuationAttacher, punctuationMask, type AttachInput } from '../../src/syntax/punctuation.js';
import { hashWords } from '../../src/syntax/word-features.js';

const EWT_DEV = '../shared/data/ud/en_ewt/dev.conllu';

/** A gold tree as the attacher sees a parse: tags and labels as indices into lists grown on the way. */
function attachInput(sentence: ConlluSentence, names: Map<string, number>): AttachInput {
  const id = (name: string) => names.get(name) ?? names.set(name, names.size).get(name)!;
  const n = sentence.words.length;
  const upos = Int32Array.from([-1, ...sentence.words.map((w) => id(w.upos))]);
  return {
    n,
    words: hashWords(sentence.words.map((w) => w.form)),
    upos,
    xpos: Int32Array.from([-1, ...sentence.words.map((w) => id(w.xpos))]),
    mask: punctuationMask(upos, n, id('PUNCT')),
    heads: projectivize(goldHeads(sentence), n),
    labels: Int32Array.from([-1, ...sentence.words.map((w) => id(w.deprel))]),
  };
}

function goldHeads(sentence: ConlluSentence): Int32Array {
  return Int32Array.from([-1, ...sentence.words.map((word) => word.head)]);
}

const appositive = parseConllu(
  [
    '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_',
    '2\ttalks\ttalk\tNOUN\tNNS\t_\t9\tnsubj\t_\t_',
    '3\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_',
    '4\twhich\twhich\tPRON\tWDT\t_\t5\tnsubj\t_\t_',
    '5\tbegan\tbegin\tVERB\tVBD\t_\t2\tacl:relcl\t_\t_',
    '6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_',
    '7\tMay\tMay\tPROPN\tNNP\t_\t5\tobl\t_\t_',
    '8\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_',
    '9\tended\tend\tVERB\tVBD\t_\t0\troot\t_\t_',
    '10\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_',
    '',
  ].join('\n'),
  'appositive.conllu',
);

describe('punctuation attached after parsing', () => {
  it('takes the marks out of a parse and learns to put them back where the tree has them', () => {
    const names = new Map<string, number>();
    const attacher = new PunctuationAttacher(new AveragedPerceptron(1, 1 << 10));
    const sentence = appositive[0]!;
    for (let epoch = 0; epoch < 5; epoch++) attacher.reattach(attachInput(sentence, names), names.get('punct')!, goldHeads(sentence));
    attacher.model.finalize();
    // A parse that hung "May" from the first comma: the word is lifted to the comma's head.
    const input = attachInput(sentence, names);
    input.heads[7] = 3;
    attacher.reattach(input, names.get('punct')!);
    expect([...input.heads]).toEqual([...goldHeads(sentence)].map((head, i) => (i === 0 ? -1 : i === 7 ? 5 : head)));
    expect([3, 8, 10].map((i) => input.labels[i])).toEqual([3, 8, 10].map(() => names.get('punct')));
  });

  it('leaves a parse whose marks hold up two clauses as it is', () => {
    const names = new Map<string, number>();
    const sentence = appositive[0]!;
    const input = attachInput(sentence, names);
    // The final mark as the root, both verbs under it: taking it out would leave two roots.
    input.heads.set([10, 0], 9);
    input.heads[5] = 10;
    const before = Int32Array.from(input.heads);
    new PunctuationAttacher(new AveragedPerceptron(1, 1 << 10)).reattach(input, names.get('punct')!);
    expect([...input.heads]).toEqual([...before]);
  });

  it.skipIf(!existsSync(EWT_DEV))('keeps every EWT dev tree projective and learns where EWT puts its marks', () => {
    const dev = parseConllu(readFileSync(EWT_DEV, 'utf8'), EWT_DEV);
    const names = new Map<string, number>();
    const attacher = new PunctuationAttacher(new AveragedPerceptron(1, 1 << 16));
    const [learn, held] = [dev.slice(0, 1500), dev.slice(1500)];
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const sentence of learn) attacher.reattach(attachInput(sentence, names), names.get('punct')!, goldHeads(sentence));
    }
    attacher.model.finalize();
    let marks = 0;
    let right = 0;
    for (const sentence of held) {
      const input = attachInput(sentence, names);
      attacher.reattach(input, names.get('punct')!);
      expect(isProjective(input.heads, input.n)).toBe(true);
      const gold = goldHeads(sentence);
      for (let i = 1; i <= input.n; i++) {
        if (!input.mask[i]) continue;
        marks++;
        if (input.heads[i] === gold[i]) right++;
      }
    }
    expect(marks).toBeGreaterThan(500);
    expect(right / marks).toBeGreaterThan(0.94);
  });
});
