import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConllu } from '../../src/syntax/conllu.js';
import { buildLemmaTable, lemmatize } from '../../src/syntax/lemma.js';

describe('lemmas', () => {
  const table = buildLemmaTable(parseConllu(readFileSync('test/fixtures/syntax/tiny.conllu', 'utf8'), 'tiny.conllu'));

  it('learns the irregular forms of the treebank and only those', () => {
    expect(lemmatize('was', 'AUX', table)).toBe('be');
    expect(lemmatize('Met', 'VERB', table)).toBe('meet');
    expect(lemmatize('men', 'NOUN', table)).toBe('man');
    // Regular forms are left to the rules, not stored.
    expect(table.has('talks\tNOUN')).toBe(false);
  });

  it('undoes regular inflection of words it has never seen, and keeps names as written', () => {
    expect(lemmatize('treaties', 'NOUN', table)).toBe('treaty');
    expect(lemmatize('speeches', 'NOUN', table)).toBe('speech');
    expect(lemmatize('negotiated', 'VERB', table)).toBe('negotiate');
    expect(lemmatize('producing', 'VERB', table)).toBe('produce');
    expect(lemmatize('signing', 'VERB', table)).toBe('sign');
    expect(lemmatize('belonged', 'VERB', table)).toBe('belong');
    expect(lemmatize('attacked', 'VERB', table)).toBe('attack');
    expect(lemmatize('stopped', 'VERB', table)).toBe('stop');
    expect(lemmatize('Gorbachev', 'PROPN', table)).toBe('Gorbachev');
    expect(lemmatize('Talks', 'NOUN', table)).toBe('talk');
  });
});
