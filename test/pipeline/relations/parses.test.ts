import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/pipeline/analyze.js';
import { clean } from '../../../src/pipeline/clean.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../../src/pipeline/entities/index.js';
import { sentencesToParse } from '../../../src/pipeline/relations/parses.js';
import { resolve } from '../../../src/pipeline/resolve.js';
import { newsArticle } from '../helpers.js';

/**
 * The parse gate on real news sentences, each in its whole story (so its names have their
 * resolved types). None of these stories is in the development gold (../shared/data/news/dev-docs.txt).
 */
function parsed(id: string, sentence: string): boolean {
  const analyzed = analyze(clean(newsArticle('bbc_all.jsonl', id).text));
  const gazetteer = getGazetteer();
  const wanted = sentencesToParse(analyzed, resolve(id, analyzed, findMentions(analyzed, gazetteer), gazetteer), gazetteer);
  const index = analyzed.sentences.findIndex((s) => s.text.includes(sentence));
  expect(index, `the sentence is in ${id}`).toBeGreaterThanOrEqual(0);
  return wanted[index]!;
}

describe('which sentences are parsed', () => {
  it('a trigger whose frames the names can fill: "sign the Kyoto Protocol"', () => {
    expect(parsed('bbc/politics/197.txt', 'Tony Blair is pressing the US to cut greenhouse gases despite its unwillingness to sign the Kyoto Protocol')).toBe(true);
  });

  it('not a trigger whose facts need a type no name has: "signed a technology-sharing agreement" (no treaty named)', () => {
    expect(parsed('bbc/business/034.txt', 'Rover and SAIC signed a technology-sharing agreement in August.')).toBe(false);
  });

  it('an office word with a person and a country: "the Italian finance minister Domenico Siniscalco"', () => {
    expect(parsed('bbc/politics/366.txt', 'he had agreed with the Italian finance minister Domenico Siniscalco')).toBe(true);
  });

  it('not an office word with no person to hold it: "It employs 50,000 staff in Kazakhstan"', () => {
    expect(parsed('bbc/business/027.txt', 'It employs 50,000 staff in Kazakhstan alone')).toBe(false);
  });
});
