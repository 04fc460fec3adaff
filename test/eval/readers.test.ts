import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConll04 } from '../../src/eval/conll04.js';
import { parseConll2003 } from '../../src/eval/conll2003.js';
import { joinTokens } from '../../src/eval/detokenize.js';
import { UserError } from '../../src/errors.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/eval/${name}`, import.meta.url), 'utf8');
const typed = (spans: { type: string; text: string }[]): string[] => spans.map(({ type, text }) => `${type}:${text}`);

describe('joinTokens', () => {
  it('rebuilds readable text, one sentence a line, and keeps every token at its offsets', () => {
    const sentences = [
      ['He', 'said', '"', 'no', '"', '(', 'twice', ')', ',', 'did', "n't", 'he', '?'],
      ['Bonn', "'s", 'rate', 'rose', '5', '%', 'to', '$', '10', '.'],
    ];
    const { text, offsets } = joinTokens(sentences);
    expect(text).toBe('He said "no" (twice), didn\'t he?\nBonn\'s rate rose 5% to $10.');
    sentences.forEach((tokens, s) =>
      tokens.forEach((token, t) => expect(text.slice(offsets[s]![t]!.start, offsets[s]![t]!.end)).toBe(token)),
    );
  });
});

describe('parseConll2003', () => {
  const documents = parseConll2003(fixture('tiny.conll'), 'tiny.conll');

  it('splits documents at -DOCSTART- and rebuilds their text', () => {
    expect(documents.map((d) => d.id)).toEqual(['tiny.conll#1', 'tiny.conll#2']);
    expect(documents[0]!.text).toBe("U.N. official Ekeus heads for Baghdad.\nThe German envoy met Helmut Kohl Kinkel in Bonn's office.");
  });

  it('reads IOB1 (B- only between adjacent same-type chunks) and IOB2, and sets MISC aside', () => {
    expect(typed(documents[0]!.gold)).toEqual(['ORG:U.N.', 'PER:Ekeus', 'LOC:Baghdad', 'PER:Helmut Kohl', 'PER:Kinkel', 'LOC:Bonn']);
    expect(typed(documents[0]!.excluded)).toEqual(['MISC:German']);
    expect(typed(documents[1]!.gold)).toEqual(['PER:Smith', 'ORG:Acme Corp', 'LOC:Ohio']);
  });

  it('names the line of a malformed row and rejects tags that are not IOB', () => {
    expect(() => parseConll2003('-DOCSTART- -X- O O\n\nBad\n', 'x.conll')).toThrow(new UserError('x.conll:3: expected "TOKEN ... NER-TAG", got "Bad"'));
    expect(() => parseConll2003('Paris NNP I-NP S-LOC\n', 'x.conll')).toThrow(/x\.conll#1, sentence 1: "S-LOC" is not an IOB tag/);
  });
});

describe('parseConll04', () => {
  it('makes one document per sentence with PER/LOC/ORG spans and relations between them', () => {
    const [sentence] = parseConll04(fixture('tiny-conll04.json'), 'tiny');
    expect(sentence!.text).toBe('John Smith, who lives in Ohio, works for Acme Corp.');
    expect(typed(sentence!.gold)).toEqual(['PER:John Smith', 'LOC:Ohio', 'ORG:Acme Corp']);
    expect(sentence!.relations.map((r) => `${r.type}(${r.head.text}, ${r.tail.text})`)).toEqual([
      'Live_In(John Smith, Ohio)',
      'Work_For(John Smith, Acme Corp)',
    ]);
  });

  it('rejects what is not CoNLL04 JSON with a clear message', () => {
    expect(() => parseConll04('{"tokens": []}', 'x.json')).toThrow('x.json: expected a JSON list of sentences');
    expect(() => parseConll04('[{"tokens": ["a"], "entities": [{"type": "Loc", "start": 0, "end": 3}], "relations": []}]', 'x.json')).toThrow(
      'x.json[0]: entity 0 has token range [0, 3) outside the sentence',
    );
  });
});
