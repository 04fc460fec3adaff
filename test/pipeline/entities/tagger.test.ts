import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { FeatureList, hashString } from '../../../src/learn/index.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { clean } from '../../../src/pipeline/clean.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../../src/pipeline/entities/index.js';
import { tokenSpans } from '../../../src/pipeline/entities/tagger/align.js';
import { documentFeatures, FEATURE_TEMPLATES as T, shapeHashes, wordShape } from '../../../src/pipeline/entities/tagger/features.js';
import { decodeSpans, encodeSpans } from '../../../src/pipeline/entities/tagger/labels.js';
import { decodeNameTagger, encodeNameTagger, getNameTagger } from '../../../src/pipeline/entities/tagger/model.js';
import { tagNames, trainNameTagger, type TrainingDocument } from '../../../src/pipeline/entities/tagger/tagger.js';
import { newsArticle } from '../helpers.js';

const gazetteer = getGazetteer();
const BUCKETS = 1 << 16;

/** The hashed bucket of one feature, as the feature extractor computes it. */
function bucket(template: number, a: number, b = 0): number {
  const list = new FeatureList(BUCKETS, 1);
  list.add(template, a, b);
  return list.buckets[0]!;
}

describe('name tagger features', () => {
  it('shapes words: case, digits and punctuation, runs shortened', () => {
    expect(wordShape('U.S.')).toEqual({ shape: 'X.X.', short: 'X.X.' });
    expect(wordShape('McDonald')).toEqual({ shape: 'XxXxxxxx', short: 'XxXx' });
    expect(wordShape('1996-08-22').short).toBe('d-d-d');
    // The features hash the shapes without building them: the same hashes, astral characters and long words included.
    for (const word of ['U.S.', 'McDonald', 'Ünal-Özdemir', '𝒳𝒳y', '😀😀a😀', 'Pneumonoultramicroscopic', '']) {
      const { shape, short } = wordShape(word);
      expect(shapeHashes(word)).toEqual({ shape: hashString(shape), short: hashString(short) });
    }
  });

  it('describes each token by its word, neighbours, gazetteer entries and position', () => {
    const analyzed = analyze('Bill Clinton flew to New York.\nHe met Boris Yeltsin.');
    const { tokens } = documentFeatures(analyzed, gazetteer, BUCKETS);
    const has = (s: number, i: number, feature: number): boolean => tokens[s]![i]!.includes(feature);
    expect(has(0, 1, bucket(T.word, hashString('Clinton')))).toBe(true);
    expect(has(0, 1, bucket(T.wordAt, -1, hashString('bill')))).toBe(true);
    expect(has(0, 0, bucket(T.firstName, 1))).toBe(true);
    expect(has(0, 0, bucket(T.sentenceStart, 1))).toBe(true);
    expect(has(0, 1, bucket(T.sentenceStart, 1))).toBe(false);
    // "New York" is one place of the gazetteer: its first token begins it, its second ends it.
    const place = hashString('Place:strong');
    expect(has(0, 4, bucket(T.gazetteerPhrase, 0, place))).toBe(true);
    expect(has(0, 5, bucket(T.gazetteerPhrase, 2, place))).toBe(true);
    expect(has(0, 2, bucket(T.englishWord, 1))).toBe(true);
    expect(has(1, 2, bucket(T.lineStart, 1))).toBe(false);
  });

  it('reads gold character spans as BILOU labels and back', () => {
    const analyzed = analyze("Germany's Helmut Kohl met Boris Yeltsin.");
    const text = analyzed.text;
    const span = (name: string, type: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type });
    const [names] = tokenSpans(analyzed, [span('Germany', 'LOC'), span('Helmut Kohl', 'PER'), span('Boris Yeltsin', 'PER')]);
    expect(names).toEqual([
      { start: 0, end: 1, type: 'LOC' },
      { start: 1, end: 3, type: 'PER' },
      { start: 4, end: 6, type: 'PER' },
    ]);
    expect(decodeSpans(encodeSpans(names!, analyzed.tokens[0]!.length))).toEqual(names);
  });
});

/** Made-up documents and their names, "Name/TYPE" in order of appearance. */
const TINY: [string, string[]][] = [
  ['Maria Lindqvist flew to Oslo on Monday.', ['Maria Lindqvist/PER', 'Oslo/LOC']],
  ['Acme Widgets hired Maria Lindqvist.', ['Acme Widgets/ORG', 'Maria Lindqvist/PER']],
  ['The Oslo Accords were signed in Washington.', ['Oslo Accords/MISC', 'Washington/LOC']],
  ['Jonas Berg of Acme Widgets lives in Bergen.', ['Jonas Berg/PER', 'Acme Widgets/ORG', 'Bergen/LOC']],
];

function tinyDocuments(): TrainingDocument[] {
  return TINY.map(([text, names]) => {
    const analyzed = analyze(text);
    let from = 0;
    const spans = names.map((name) => {
      const [words, type] = name.split('/') as [string, string];
      const start = text.indexOf(words, from);
      from = start + words.length;
      return { start, end: start + words.length, type };
    });
    return { analyzed, names: tokenSpans(analyzed, spans) };
  });
}

describe('name tagger training', () => {
  const documents = tinyDocuments();
  const model = trainNameTagger(documents, gazetteer, { epochs: 10, folds: 2, bucketCount: BUCKETS, seed: 1 });

  it('fits a tiny training set exactly', () => {
    for (const document of documents) {
      expect(tagNames(model, document.analyzed, gazetteer).map((spans) => spans.map(({ start, end, type }) => ({ start, end, type })))).toEqual(document.names);
    }
  });

  it('trains the same model from the same data and seed', () => {
    const again = trainNameTagger(documents, gazetteer, { epochs: 10, folds: 2, bucketCount: BUCKETS, seed: 1 });
    expect(encodeNameTagger(again, {}).equals(encodeNameTagger(model, {}))).toBe(true);
  });

  it('saves and reads back the same model; a damaged or foreign file is a clear error', () => {
    const bytes = encodeNameTagger(model, { data: 'tiny' });
    const read = decodeNameTagger(bytes, 'tiny.kgm');
    expect([...read.second.weights]).toEqual([...model.second.weights]);
    for (const document of documents) expect(tagNames(read, document.analyzed, gazetteer)).toEqual(tagNames(model, document.analyzed, gazetteer));
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 5]! ^= 0xff;
    expect(() => decodeNameTagger(damaged, 'damaged.kgm')).toThrow(UserError);
    expect(() => decodeNameTagger(damaged, 'damaged.kgm')).toThrow(/checksum/);
    expect(() => decodeNameTagger(Buffer.from('not a model'), 'text.kgm')).toThrow(/not a kg-extract model file/);
  });

  it('ships a model trained on CoNLL-2003', () => {
    const shipped = getNameTagger();
    expect(shipped.first.bucketCount).toBe(shipped.second.bucketCount);
    const [names] = tagNames(shipped, analyze('Helmut Kohl met Boris Yeltsin in Moscow on Monday.'), gazetteer);
    expect(names!.map((name) => name.type)).toEqual(['PER', 'PER', 'LOC']);
  });
});

/** The mentions findMentions gives for the sentence of a real news story that contains `phrase`. */
function sentenceMentions(corpus: string, id: string, phrase: string) {
  const analyzed = analyze(clean(newsArticle(corpus, id).text));
  const sentence = analyzed.sentences.find((s) => s.text.includes(phrase));
  if (!sentence) throw new Error(`${id}: no sentence with "${phrase}"`);
  const mentions = findMentions(analyzed, getGazetteer());
  return { mentions, inSentence: mentions.filter((m) => m.sentence === sentence.index) };
}

describe('one decision per span, on real news (combineWithTagger, in its order)', () => {
  it('1. a tagged person takes the title and owner the rules read in front', () => {
    const { mentions, inSentence } = sentenceMentions('reuters.jsonl', 'reuters-5697', 'Argentine President');
    const person = inSentence.find((m) => m.text === 'Raul Alfonsin')!;
    expect(person.type).toBe('Person');
    expect(person.title).toMatchObject({ name: 'President', relation: 'LEADER_OF' });
    expect(mentions[person.title!.of!]).toMatchObject({ type: 'Country', canonical: 'Argentina' });
  });

  it('1. a style the rules keep in the name stays in it', () => {
    const { inSentence } = sentenceMentions('bbc_all.jsonl', 'bbc/entertainment/002.txt', 'Crown Princess');
    expect(inSentence.map((m) => `${m.type}:${m.text}`)).toContain('Person:Crown Princess Mary');
  });

  it('2. a firm the tagger split in two is the one organization the rules read; 4. a place inside "X-based" stays', () => {
    const { inSentence } = sentenceMentions('reuters.jsonl', 'reuters-467', 'Miami-based');
    expect(inSentence.map((m) => `${m.type}:${m.text}`)).toEqual(['Organization:American Nursery Products Inc', 'Place:Miami', "Organization:Heinl's Nursery Inc"]);
  });

  it('3. a tagged location is a Country when the gazetteer says so, with its canonical name', () => {
    const { inSentence } = sentenceMentions('reuters.jsonl', 'reuters-5697', 'Argentine President');
    expect(inSentence.find((m) => m.text === 'West German')).toMatchObject({ type: 'Country', canonical: 'West Germany' });
  });

  it('4. a nationality is no entity', () => {
    const { inSentence } = sentenceMentions('bbc_all.jsonl', 'bbc/entertainment/002.txt', 'Danish supermodel');
    expect(inSentence.map((m) => `${m.type}:${m.text}`)).toEqual(['Person:Helena Christensen', 'Person:Hans Christian Andersen']);
  });
});
