import { describe, expect, it } from 'vitest';
import { parseSentence, parseWords, type ParsedSentence } from '../../src/syntax/index.js';

function arcs(parsed: ParsedSentence): Map<string, string> {
  // "dependent -> head" → relation, words by form (unique within each test sentence).
  return new Map(parsed.tokens.map((t) => [`${t.form} -> ${t.head === 0 ? 'ROOT' : parsed.tokens[t.head - 1]!.form}`, t.deprel]));
}

describe('the shipped syntax model', () => {
  it('parses a passive with an agent and a list, offsets indexing the document', () => {
    const text = 'Geneva, Nov. 21. The meeting was attended by the French president and his prime minister.';
    const start = text.indexOf('The');
    const parsed = parseSentence(text, start, text.length);
    for (const token of parsed.tokens) expect(text.slice(token.start, token.end)).toBe(token.form);
    const found = arcs(parsed);
    expect(found.get('attended -> ROOT')).toBe('root');
    expect(found.get('meeting -> attended')).toBe('nsubj:pass');
    expect(found.get('president -> attended')).toMatch(/^obl/);
    expect(found.get('minister -> president')).toBe('conj');
    expect(parsed.tokens.find((t) => t.form === 'was')).toMatchObject({ upos: 'AUX', lemma: 'be', deprel: 'aux:pass' });
  });

  it('splits clitics and parses who did what to whom', () => {
    const text = "Baker's aide didn't meet the Soviet leader.";
    const parsed = parseSentence(text, 0, text.length);
    expect(parsed.tokens.map((t) => t.form)).toEqual(['Baker', "'s", 'aide', 'did', "n't", 'meet', 'the', 'Soviet', 'leader', '.']);
    const found = arcs(parsed);
    expect(found.get('aide -> meet')).toBe('nsubj');
    expect(found.get('leader -> meet')).toBe('obj');
    expect(found.get('Baker -> aide')).toBe('nmod:poss');
  });

  it('parses given words, offsets into the given text', () => {
    const parsed = parseWords(['Troops', 'killed', 'two', 'men', '.'], 'Troops killed two men.');
    expect(parsed.tokens.map((t) => [t.start, t.end])).toEqual([[0, 6], [7, 13], [14, 17], [18, 21], [21, 22]]);
    expect(parsed.tokens.map((t) => t.deprel)).toEqual(['nsubj', 'root', 'nummod', 'obj', 'punct']);
  });
});
