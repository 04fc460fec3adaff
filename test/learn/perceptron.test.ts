import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { AveragedPerceptron, FeatureList, decodeModel, encodeModel, hashRange, hashString, loadModel, saveModel } from '../../src/learn/index.js';

// A toy task no single word decides: the class of a three-word phrase is its verb's object kind,
// but "bank" means a place after "swim to" and an institution after "pay to".
const CLASSES = ['place', 'institution', 'person'];
const DATA: [string, string][] = [
  ['swim to bank', 'place'],
  ['pay to bank', 'institution'],
  ['swim to river', 'place'],
  ['pay to lawyer', 'person'],
  ['talk to lawyer', 'person'],
  ['talk to bank', 'institution'],
  ['walk to river', 'place'],
  ['walk to bank', 'place'],
];

function features(phrase: string, list: FeatureList): FeatureList {
  const [verb, , noun] = phrase.split(' ') as [string, string, string];
  list.clear();
  list.add(0, 0); // bias
  list.add(1, hashString(verb));
  list.add(2, hashString(noun));
  list.add(3, hashString(verb), hashString(noun));
  return list;
}

function train(buckets = 1 << 10, data = DATA): AveragedPerceptron {
  const model = new AveragedPerceptron(CLASSES.length, buckets);
  const list = new FeatureList(model.bucketCount);
  const scores = new Float32Array(CLASSES.length);
  for (let epoch = 0; epoch < 10; epoch++) {
    for (const [phrase, label] of data) {
      features(phrase, list);
      const guess = AveragedPerceptron.best(model.score(list.buckets, list.length, scores), CLASSES.length);
      model.update(CLASSES.indexOf(label), guess, list.buckets, list.length);
      model.tick();
    }
  }
  model.finalize();
  return model;
}

function predict(model: AveragedPerceptron, phrase: string): { label: string; scores: number[] } {
  const list = features(phrase, new FeatureList(model.bucketCount));
  const scores = model.score(list.buckets, list.length, new Float32Array(model.classCount));
  return { label: CLASSES[AveragedPerceptron.best(scores, model.classCount)]!, scores: [...scores] };
}

describe('averaged perceptron', () => {
  it('fits a small dataset that needs a feature conjunction exactly', () => {
    const model = train();
    for (const [phrase, label] of DATA) expect(predict(model, phrase).label, phrase).toBe(label);
  });

  it('refuses to learn once finalized', () => {
    const model = train();
    expect(() => model.update(0, 1, new Int32Array([1]), 1)).toThrow(/finalized/);
  });

  it('saves and loads to identical scores, in a compact file', async () => {
    const model = train();
    const path = join(mkdtempSync(join(tmpdir(), 'kg-learn-')), 'toy.kgm');
    await saveModel(path, { kind: 'toy', meta: { classes: CLASSES }, sections: { main: model } });
    const loaded = loadModel<{ classes: string[] }>(path, 'toy');
    expect(loaded.meta.classes).toEqual(CLASSES);
    for (const [phrase] of DATA) expect(predict(loaded.sections.main!, phrase)).toEqual(predict(model, phrase));
    expect(encodeModel(loaded)).toEqual(readFileSync(path));
    // 1024 buckets × 3 classes of float32 would be 12 kB; only the few touched weights are stored.
    expect(readFileSync(path).length).toBeLessThan(600);
  });

  it('scores a read model the same to the bit whether it keeps its weights dense or only the non-zero ones', () => {
    // 1024 buckets hold a few non-zero weights (kept row-compressed), 4 buckets are full (kept dense).
    for (const buckets of [1 << 10, 4]) {
      const model = train(buckets);
      const read = decodeModel<unknown>(encodeModel({ kind: 'toy', meta: {}, sections: { main: model } }), 'toy.kgm', 'toy').sections.main!;
      expect([...read.weights]).toEqual([...model.weights]);
      for (const [phrase] of DATA) expect(predict(read, phrase)).toEqual(predict(model, phrase));
      const row = new Float32Array(CLASSES.length);
      for (let bucket = 0; bucket < buckets; bucket++) expect([...read.weightsOf(bucket, row)]).toEqual([...model.weights.subarray(bucket * 3, bucket * 3 + 3)]);
      // Adding a row's weights to running sums adds what weightsOf reads, for a read and a trained model alike.
      for (const scorer of [read, model]) {
        const sums = Float64Array.from([0.5, -1, 2]);
        scorer.addWeightsOf(1, sums);
        expect([...sums]).toEqual([0.5, -1, 2].map((start, c) => start + model.weights[3 + c]!));
      }
    }
  });

  it('turns a damaged, truncated, foreign, mislabelled or missing file into a one-line user error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-learn-'));
    const path = join(dir, 'toy.kgm');
    await saveModel(path, { kind: 'toy', meta: {}, sections: { main: train() } });
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5]! ^= 0xff;
    const cases: [Buffer, RegExp][] = [
      [flipped, /checksum mismatch/],
      [bytes.subarray(0, bytes.length - 10), /checksum mismatch/],
      [Buffer.from('{"not": "a model"}'), /not a kg-extract model file/],
    ];
    for (const [damaged, message] of cases) {
      expect(() => decodeModel(damaged, 'x.kgm', 'toy')).toThrow(UserError);
      expect(() => decodeModel(damaged, 'x.kgm', 'toy')).toThrow(message);
    }
    const newer = Buffer.from(bytes);
    newer.writeUInt32LE(99, 8);
    expect(() => decodeModel(newer, 'x.kgm', 'toy')).toThrow(/format version 99/);
    expect(() => decodeModel(bytes, 'x.kgm', 'tagger')).toThrow(/holds a toy model/);
    writeFileSync(join(dir, 'empty.kgm'), '');
    expect(() => loadModel(join(dir, 'empty.kgm'), 'toy')).toThrow(/not a kg-extract model file/);
    expect(() => loadModel(join(dir, 'missing.kgm'), 'toy')).toThrow(/cannot read the toy model .*missing\.kgm: ENOENT/);
  });
});

describe('AveragedPerceptron.mean and prune', () => {
  it('averages models into one whose scores are the mean of theirs, and refuses models of another shape', () => {
    const first = train();
    const second = train(1 << 10, [...DATA].reverse());
    const mean = AveragedPerceptron.mean([first, second]);
    for (const [phrase, label] of DATA) {
      const [a, b] = [predict(first, phrase).scores, predict(second, phrase).scores];
      predict(mean, phrase).scores.forEach((score, c) => expect(score).toBeCloseTo((a[c]! + b[c]!) / 2, 2));
      expect(predict(mean, phrase).label, phrase).toBe(label);
    }
    expect(() => AveragedPerceptron.mean([first, train(1 << 9)])).toThrow(/one shape/);
    expect(() => AveragedPerceptron.mean([])).toThrow(/one shape/);
  });

  it('prunes the weights smaller than a share of the largest and keeps the others', () => {
    const weights = (model: AveragedPerceptron): number[] => {
      const out = new Float32Array(model.classCount);
      const all: number[] = [];
      for (let bucket = 0; bucket < model.bucketCount; bucket++) all.push(...model.weightsOf(bucket, out));
      return all;
    };
    const model = AveragedPerceptron.mean([train(), train(1 << 10, [...DATA].reverse())]);
    const before = weights(model);
    const largest = Math.max(...before.map(Math.abs));
    model.prune(0.25);
    const after = weights(model);
    expect(after.filter((w) => w !== 0).length).toBeLessThan(before.filter((w) => w !== 0).length);
    after.forEach((w, i) => expect(w).toBe(Math.abs(before[i]!) < 0.25 * largest ? 0 : before[i]));
    expect(() => new AveragedPerceptron(CLASSES.length, 1 << 10).prune(0.25)).toThrow(/pruned/);
  });
});

describe('AveragedPerceptron.adjust', () => {
  it('is half of an update: adding to the truth and subtracting from the guess is update()', () => {
    const features = Int32Array.from([3, 7, 3]);
    const both = new AveragedPerceptron(3, 16);
    const halves = new AveragedPerceptron(3, 16);
    for (let step = 0; step < 4; step++) {
      both.update(step % 3, (step + 1) % 3, features, features.length);
      halves.adjust(step % 3, features, features.length, 1);
      halves.adjust((step + 1) % 3, features, features.length, -1);
      both.tick();
      halves.tick();
    }
    both.finalize();
    halves.finalize();
    expect([...halves.weights]).toEqual([...both.weights]);
    expect(halves.weights.some((w) => w !== 0)).toBe(true);
  });
});

describe('hashRange', () => {
  it('hashes a slice of a text as hashString hashes the slice', () => {
    const text = 'Gorbachev’s 𝒳-ray talks';
    for (const [start, end] of [[0, 0], [0, 9], [3, 12], [12, 15], [0, text.length]] as const) {
      expect(hashRange(text, start, end)).toBe(hashString(text.slice(start, end)));
    }
  });
});
