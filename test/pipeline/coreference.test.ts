import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';
import { clean } from '../../src/pipeline/clean.js';
import { compileCorefLists, resolveCoreference, resolveCoreferenceChains } from '../../src/pipeline/coreference.js';
import { getGazetteer } from '../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../src/pipeline/entities/index.js';
import { resolve } from '../../src/pipeline/resolve.js';
import { newsArticle } from './helpers.js';

/** The document's coreference links as "anaphor → Entity Name (+ Other)", in text order. */
function links(text: string): string[] {
  const analyzed = analyze(clean(text));
  const resolved = resolve('test', analyzed, findMentions(analyzed, getGazetteer()), getGazetteer());
  return resolveCoreference(analyzed, resolved, getGazetteer()).map((link) => `${link.text} → ${link.entities.map((e) => resolved.entities[e]!.name).join(' + ')}`);
}

/** The pronouns the sieve gave a common noun, as "pronoun → noun". */
function nominalLinks(text: string): string[] {
  const analyzed = analyze(clean(text));
  const resolved = resolve('test', analyzed, findMentions(analyzed, getGazetteer()), getGazetteer());
  return resolveCoreferenceChains(analyzed, resolved, getGazetteer()).nominal.map((link) => `${link.text} → ${link.antecedent.text}`);
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

  it('gives "he" a single person, never a group', () => {
    expect(links('The vote was demanded by Republican Senators on Monday. He said it was fair.')).toEqual([]);
    expect(links('The vote was demanded by Senator Jones on Monday. He said it was fair.')).toEqual(['He → Jones']);
  });

  it('prefers the subject of the sentence before to a name in a phrase of its own sentence', () => {
    expect(links('Reagan flew to Bonn. After a meeting with a Dr. Bailey, he said he was tired.')).toEqual(['he → Reagan', 'he → Reagan']);
  });

  it('leaves "he" to a nearer common noun for a person: no link rather than a wrong one', () => {
    expect(links('A spokesman for Reagan said he would not comment.')).toEqual([]);
    expect(links('Reagan said he would not comment.')).toEqual(['he → Reagan']);
  });

  it('chains pronouns to the common noun for a person they stand for, with no entity link', () => {
    expect(nominalLinks('My father worked in a mill for years. He said his back hurt.')).toEqual(['He → father', 'his → father']);
    expect(links('My father worked in a mill for years. He said his back hurt.')).toEqual([]);
    // Gender disagrees: "she" is not the father's.
    expect(nominalLinks('My father worked in a mill for years. She said it was hard.')).not.toContain('She → father');
  });

  it('does not give a "he" inside quotes to the speaker outside them', () => {
    expect(links('Reagan met Chancellor Kohl in Bonn. Reagan said: "He is a true friend."')).toEqual(['He → Kohl']);
    expect(links('Reagan met Chancellor Kohl in Bonn. Reagan said he was a true friend.')).toEqual(['he → Reagan']);
  });

  it('gives "they" people before things, and things when no people came before', () => {
    expect(nominalLinks('The researchers studied the samples for months. They found nothing.')).toEqual(['They → researchers']);
    expect(nominalLinks('The samples were studied for months. They were old.')).toEqual(['They → samples']);
    // A plural name of a group comes after the people: it takes "they" only when none came before.
    expect(nominalLinks('The Rangers trained the researchers. They were pleased.')).toEqual(['They → researchers']);
    expect(links('The Rangers organised a course in May. They said it was popular.')).toEqual(['They → Rangers']);
  });

  it('reads the gender of a lone first name that is no English word', () => {
    expect(links('Susan met Shultz in Manila. He was tired.')).toEqual(['He → Shultz']);
    // A name of either gender (or none known) keeps the subject first.
    expect(links('Devin met Shultz in Manila. He was tired.')).toEqual(['He → Devin']);
  });

  it('gives "it" the common noun for a thing, never a noun for a person', () => {
    expect(nominalLinks('The treaty was signed in May. It bans missiles.')).toEqual(['It → treaty']);
    expect(nominalLinks('The official was sacked in May. It was a shock.')).toEqual([]);
  });

  it('reads a possessive before a gerund as its subject: "Kenya\'s maintaining its standards"', () => {
    expect(links("An aide stressed the importance of Kenya's maintaining its high standards.")).toEqual(['its → Kenya']);
    expect(links("An aide stressed the importance of Kenya's standards for its people.")).toEqual([]);
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

  it('keeps the role phrases resolution tied to people: "his Russian counterpart"', () => {
    // "George Bush" first: the name tagger misses a bare sentence-initial "Bush" with nothing to tell it a person.
    expect(links('Russian President Vladimir Putin met George Bush. Bush thanked his Russian counterpart.')).toEqual([
      'his → George Bush',
      'his Russian counterpart → Vladimir Putin',
    ]);
  });

  it('links "the two leaders" to the pair named before', () => {
    // The full names give the name tagger the context a bare sentence-initial "Reagan" lacks (it reads it as an organization).
    expect(links('President Reagan met Mikhail Gorbachev in Geneva. The two leaders agreed on a summit.')).toEqual(['The two leaders → Reagan + Mikhail Gorbachev']);
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
      notAntecedents: [],
      personNouns: [],
    };
    expect(() => compileCorefLists(data as never)).toThrow(/pronoun "he": unknown entity type "Persn"/);
  });
});
