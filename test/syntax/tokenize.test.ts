import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentValue, parseConllu } from '../../src/syntax/conllu.js';
import { tokenize } from '../../src/syntax/tokenize.js';

const forms = (text: string) => tokenize(text).map((token) => token.form);
const EWT_DEV = '../shared/data/ud/en_ewt/dev.conllu';

describe('UD tokenization', () => {
  it('splits clitics, punctuation and hyphenated compounds as UD English EWT does', () => {
    expect(forms(`"We don't know," Baker's aide said; they'll see.`)).toEqual(['"', 'We', 'do', "n't", 'know', ',', '"', 'Baker', "'s", 'aide', 'said', ';', 'they', "'ll", 'see', '.']);
    expect(forms('I cannot go, and he won’t: we’re gonna wait.')).toEqual(['I', 'can', 'not', 'go', ',', 'and', 'he', 'wo', 'n’t', ':', 'we', '’re', 'gon', 'na', 'wait', '.']);
    expect(forms('A long-term deal (West German-Soviet) for the e-mail lists.')).toEqual(['A', 'long', '-', 'term', 'deal', '(', 'West', 'German', '-', 'Soviet', ')', 'for', 'the', 'e-mail', 'lists', '.']);
  });

  it('keeps abbreviations, numbers, addresses and a dash of numbers whole', () => {
    expect(forms('Mr. Smith of the U.S. paid $1,200.50 (9/11) to Corp. Inc..')).toEqual(['Mr.', 'Smith', 'of', 'the', 'U.S.', 'paid', '$', '1,200.50', '(', '9/11', ')', 'to', 'Corp.', 'Inc.', '.']);
    expect(forms('Call 713-853-3989 or see www.adobe.com. Mail bob@example.org!')).toEqual(['Call', '713-853-3989', 'or', 'see', 'www.adobe.com', '.', 'Mail', 'bob@example.org', '!']);
    expect(forms('We rose 5% and/or more...')).toEqual(['We', 'rose', '5', '%', 'and', '/', 'or', 'more', '...']);
  });

  it('gives offsets that slice the original text exactly, from any start', () => {
    const text = '  Intro.  "Gorbachev\'s plan," he said — isn\'t it U.S.-backed?\n\tNext line… ends here.';
    for (const start of [0, 2, 10]) {
      const tokens = tokenize(text, start, text.length - 3);
      expect(tokens.length).toBeGreaterThan(5);
      for (const token of tokens) {
        expect(text.slice(token.start, token.end)).toBe(token.form);
        expect(token.start).toBeGreaterThanOrEqual(start);
        expect(token.end).toBeLessThanOrEqual(text.length - 3);
      }
    }
    for (const name of readdirSync('data/sample').filter((file) => file.endsWith('.txt'))) {
      const sample = readFileSync(`data/sample/${name}`, 'utf8');
      for (const token of tokenize(sample)) expect(sample.slice(token.start, token.end)).toBe(token.form);
    }
  });

  it.skipIf(!existsSync(EWT_DEV))('matches the gold tokenization of most EWT dev sentences', () => {
    const dev = parseConllu(readFileSync(EWT_DEV, 'utf8'), EWT_DEV);
    const same = dev.filter((sentence) => forms(commentValue(sentence, 'text')!).join(' ') === sentence.words.map((w) => w.form).join(' '));
    // Web text: the rest are mostly emoticons, run-together words and typos EWT splits by hand.
    expect(same.length / dev.length).toBeGreaterThan(0.87);
  });
});
