import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';
import { clean } from '../../src/pipeline/clean.js';
import { compileCorefLists, resolveCoreference } from '../../src/pipeline/coreference.js';
import { findMentions } from '../../src/pipeline/entities/index.js';
import { resolve } from '../../src/pipeline/resolve.js';
import { newsArticle } from './helpers.js';

/** The document's coreference links as "anaphor → Entity Name (+ Other)", in text order. */
function links(text: string): string[] {
  const analyzed = analyze(clean(text));
  const resolved = resolve('test', analyzed, findMentions(analyzed));
  return resolveCoreference(analyzed, resolved).map((link) => `${link.text} → ${link.entities.map((e) => resolved.entities[e]!.name).join(' + ')}`);
}

describe('coreference sieve: pronouns', () => {
  it('gives a pronoun the subject of the sentence before, not its object', () => {
    expect(links('President Ronald Reagan met Chancellor Helmut Kohl in Bonn on Monday. He said the talks went well.')).toEqual(['He → Ronald Reagan']);
  });

  it('agrees in gender, from first names', () => {
    expect(links('Prime Minister Margaret Thatcher met President Ronald Reagan. She said he was a friend.')).toEqual([
      'She → Margaret Thatcher',
      'he → Ronald Reagan',
    ]);
  });

  it('agrees in gender, from titles', () => {
    expect(links('Mrs. Aquino met Mr. Shultz in Manila. He praised her.')).toEqual(['He → Shultz', 'her → Aquino']);
  });

  it('does not let an object pronoun stand for the subject of its own clause', () => {
    expect(links('Chancellor Kohl arrived in Washington. Reagan praised him.')).toEqual(['him → Kohl']);
  });

  it('links "it" to an organization, but not an "it" that stands for nothing nor one a nearer noun takes', () => {
    expect(links('IBM said it would cut 1,000 jobs.')).toEqual(['it → IBM']);
    expect(links('It is likely that IBM will grow.')).toEqual([]);
    expect(links('IBM cut prices, making it harder for Apple to compete.')).toEqual([]);
    expect(links('IBM started a new research program. Analysts said it would fail.')).toEqual([]);
  });

  it('links "they" to a coordination of names', () => {
    expect(links('Britain and France said they would sign the treaty.')).toEqual(['they → United Kingdom + France']);
  });

  it('reads a pronoun with its verb in one token', () => {
    expect(links("Reagan said he's tired.")).toEqual(['he → Reagan']);
  });

  it('links "they" to a plural name with no title or first name', () => {
    expect(links('The vote was demanded by Republican Senators on Monday. They said it was fair.')).toEqual(['They → Republican Senators']);
  });

  it('prefers the subject of the sentence before to a name in a phrase of its own sentence', () => {
    expect(links('Reagan flew to Bonn. After a meeting with a Dr. Bailey, he said he was tired.')).toEqual(['he → Reagan', 'he → Reagan']);
  });

  it('leaves "he" to a nearer common noun for a person: no link rather than a wrong one', () => {
    expect(links('A spokesman for Reagan said he would not comment.')).toEqual([]);
    expect(links('Reagan said he would not comment.')).toEqual(['he → Reagan']);
  });
});

describe('coreference sieve: descriptions', () => {
  it('links "the Soviet leader" to the person titled leader of the Soviet Union, not to the nearer president', () => {
    expect(links('Soviet leader Mikhail Gorbachev met President Reagan. Aides said the Soviet leader was tired.')).toEqual([
      'the Soviet leader → Mikhail Gorbachev',
    ]);
  });

  it('links "the president" to the person titled President', () => {
    expect(links('President Reagan met Chancellor Helmut Kohl. Kohl told the president about the talks.')).toEqual(['the president → Reagan']);
  });

  it('links "the kingdom" to a monarchy only', () => {
    expect(links('Saudi Arabia raised output. The kingdom said prices would rise.')).toEqual(['The kingdom → Saudi Arabia']);
    expect(links('France raised output. The kingdom said prices would rise.')).toEqual([]);
  });

  it('links "the two leaders" to the pair named before', () => {
    expect(links('Reagan met Gorbachev in Geneva. The two leaders agreed on a summit.')).toEqual(['The two leaders → Gorbachev + Reagan']);
  });
});

describe('coreference sieve on news', () => {
  it('Reuters (reuters-1290): "the Soviet leader" is Gorbachev, every "he" is Reagan', () => {
    const found = links(newsArticle('reuters.jsonl', 'reuters-1290').text);
    expect(found).toContain('the Soviet leader → Mikhail Gorbachev');
    expect(found.filter((link) => /^he →/i.test(link))).not.toHaveLength(0);
    expect(found.filter((link) => /^he →/i.test(link)).every((link) => link.endsWith('→ Reagan'))).toBe(true);
  });

  it('Reuters (reuters-4529): "the two leaders" are Reagan and Moi; "its" is Kenya', () => {
    const found = links(newsArticle('reuters.jsonl', 'reuters-4529').text);
    expect(found).toContain('the two leaders → Daniel Arap Moi + Reagan');
    expect(found).toContain('its → Kenya');
  });

  it('Reuters (reuters-19867): "the French Prime Minister" is Chirac, titled "his Prime Minister" beside the French President', () => {
    expect(links(newsArticle('reuters.jsonl', 'reuters-19867').text)).toContain('the French Prime Minister → Jacques Chirac');
  });
});

describe('coreference word lists', () => {
  it('fail loudly on a type that is not an entity type', () => {
    const data = {
      pronouns: { he: { types: ['Persn'], number: 'singular', gender: 'male', object: false } },
      genderedTitles: { male: [], female: [] },
      genderedNouns: { male: [], female: [] },
      descriptions: {},
      groups: { numbers: {}, heads: {} },
      kingdoms: [],
      pleonastic: [],
      pleonasticObject: [],
    };
    expect(() => compileCorefLists(data as never)).toThrow(/pronoun "he": unknown entity type "Persn"/);
  });
});
