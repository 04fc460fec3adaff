import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCorefConllu } from '../../src/eval/conllu-coref.js';
import { scoreCoref, treesBySentence } from '../../src/eval/coref.js';
import type { CorefLink } from '../../src/pipeline/coreference.js';
import type { Entity } from '../../src/types.js';

const fixture = readFileSync(fileURLToPath(new URL('../fixtures/eval/tiny-coref.conllu', import.meta.url)), 'utf8');

describe('CoNLL-U coreference reader (GUM format)', () => {
  const [document] = parseCorefConllu(fixture, 'tiny-coref.conllu');

  it('rebuilds the text from the words: SpaceAfter=No, paragraphs, a multiword token spelt once', () => {
    expect(document!.id).toBe('tiny_news_meeting');
    expect(document!.text).toBe('Angela Merkel met Emmanuel Macron in Paris.\n\nShe praised him at the chancellor’s office. It rained and they left.');
    for (const sentence of document!.sentences) {
      for (const token of sentence.tokens) expect(document!.text.slice(token.start, token.end)).toBe(token.form);
    }
  });

  it('reads nested, one-word and multi-word mentions with their chains and minspan heads', () => {
    const read = document!.mentions.map((m) => [m.chain, m.entityType, document!.text.slice(m.start, m.end), m.heads.map((h) => h.form).join(' ')]);
    expect(read).toEqual([
      ['1', 'person', 'Angela Merkel', 'Merkel'],
      ['2', 'person', 'Emmanuel Macron', 'Macron'],
      ['3', 'place', 'Paris', 'Paris'],
      ['1', 'person', 'She', 'She'],
      ['2', 'person', 'him', 'him'],
      ['4', 'place', 'the chancellor’s office', 'office'],
      ['5', 'person', 'chancellor', 'chancellor'],
      ['6', 'person', 'they', 'they'],
    ]);
  });

  it('refuses a mention that is never closed, naming the document and sentence', () => {
    const broken = fixture.replace('Entity=1)', '_');
    expect(() => parseCorefConllu(broken, 'broken.conllu')).toThrow(/broken\.conllu: tiny_news_meeting: sentence 1: mention 1 never closed/);
  });

  it("regroups the file's trees by the pipeline's sentences, renumbering the words", () => {
    const sentences = [{ index: 0, start: 0, end: document!.text.length, text: document!.text }];
    const trees = treesBySentence(document!.sentences, sentences);
    const words = trees.get(0)!.tokens;
    expect(words).toHaveLength(8 + 9 + 6);
    expect(words.find((t) => t.form === 'praised')).toMatchObject({ id: 10, head: 0 });
    expect(words.find((t) => t.form === 'him')).toMatchObject({ id: 11, head: 10 });
  });
});

describe('pronoun scorer', () => {
  const [document] = parseCorefConllu(fixture, 'tiny-coref.conllu');
  const text = document!.text;
  const entity = (name: string): Entity => {
    const start = text.indexOf(name);
    return { id: `person:${name}`, type: 'Person', name, aliases: [], mentions: [{ document: 'd', start, end: start + name.length, text: name }] };
  };
  const link = (word: string, entities: number[]): CorefLink => {
    const start = text.indexOf(word);
    return { sentence: 1, start, end: start + word.length, text: word, entities, kind: 'pronoun' };
  };
  const entities = [entity('Angela Merkel'), entity('Emmanuel Macron')];

  it('counts third-person pronouns with an earlier named mention; right when linked to a name of their chain', () => {
    const report = scoreCoref([{ gold: document!, entities, links: [link('She', [0]), link('him', [0])] }], 'none');
    // "they" has no earlier mention in its chain, "It" is no mention: two pronouns scored.
    expect(report.pronouns).toMatchObject({ total: 2, correct: 1, linked: 2, accuracy: 0.5, precision: 0.5 });
    expect(report.pronouns.byForm).toMatchObject({ she: { correct: 1, total: 1 }, him: { correct: 0, total: 1 } });
    expect(report.personPronouns).toMatchObject({ total: 2, correct: 1 });
  });

  it('counts an unlinked pronoun as wrong, not as a precision error', () => {
    const report = scoreCoref([{ gold: document!, entities, links: [link('him', [1])] }], 'gold');
    expect(report.pronouns).toMatchObject({ total: 2, correct: 1, linked: 1, accuracy: 0.5, precision: 1 });
    expect(report.syntax).toBe('gold');
  });
});
