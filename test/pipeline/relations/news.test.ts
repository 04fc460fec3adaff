import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/index.js';
import { newsArticle } from '../helpers.js';

/**
 * Frames on real news sentences, read with the shipped parser, each in its whole story (so "he"
 * and "the president" resolve). None of these stories is in the development gold
 * (../shared/data/news/dev-docs.txt).
 */
function factsOf(corpus: string, id: string, sentence: string, edit?: (text: string) => string): string[] {
  const article = newsArticle(corpus, id);
  const text = edit ? edit(article.text) : article.text;
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  expect(flat(text), `the sentence is in ${id}`).toContain(sentence);
  const { entities, relations } = extractDocument({ id, text, source: corpus, ...((article as { date?: string }).date && { date: (article as { date?: string }).date }) });
  const name = (entity: string): string => entities.find((e) => e.id === entity)?.name ?? entity;
  return relations
    .filter((r) => flat(r.evidence[0]!.text).includes(sentence))
    .map((r) => `${r.type} ${name(r.source)} → ${name(r.target)}${r.properties.status ? ` (${r.properties.status})` : ''}`);
}

describe('frames on news', () => {
  it('a light verb carries the meeting: "held talks with"', () => {
    const found = factsOf('bbc_all.jsonl', 'bbc/politics/188.txt', 'Gen Musharraf held talks with Tony Blair on Monday.');
    expect(found.filter((r) => /^MET_WITH .*Musharraf → Tony Blair$/.test(r))).toHaveLength(1);
  });

  it('a possessor, a "with" phrase, and a planned meeting: "to prepare for Nakasone\'s talks with President Ronald Reagan"', () => {
    const found = factsOf('reuters.jsonl', 'reuters-16774', "Abe's visit is to prepare for Prime Minister Yasuhiro Nakasone's talks with President Ronald Reagan later this month.");
    expect(found).toContain('PLANS_SUMMIT Yasuhiro Nakasone → Ronald Reagan (intended)');
    expect(found.filter((r) => r.startsWith('MET_WITH'))).toEqual([]);
  });

  it('a list of parties, and a pronoun that coreference resolves: "He met with Prime Minister Nakasone, …, Governor Satoshi Sumita"', () => {
    const found = factsOf('reuters.jsonl', 'reuters-351', 'He met with Prime Minister Yasuhiro Nakasone, Foreign Minister Tadashi Kuranari, Bank of Japan Governor Satoshi Sumita');
    expect(found).toEqual(expect.arrayContaining(['MET_WITH Jean-Claude Paye → Yasuhiro Nakasone', 'MET_WITH Jean-Claude Paye → Satoshi Sumita']));
  });

  it('a meeting\'s place: "Brodersohn held talks in New York with U.S. Treasury Secretary James Baker, …"', () => {
    const found = factsOf('reuters.jsonl', 'reuters-348', 'Brodersohn held talks in New York with U.S. Treasury Secretary James Baker');
    expect(found).toEqual(expect.arrayContaining(['MET_AT Mario Brodersohn → New York', 'MET_WITH Mario Brodersohn → James Baker']));
    expect(found.filter((r) => r.startsWith('MET_AT') && !r.endsWith('→ New York'))).toEqual([]);
  });

  it('a negated meeting states none; the same sentence affirmed does', () => {
    const sentence = 'While he did not meet with Jorge Cardenas, head of the Colombian coffee producers federation';
    const meetings = (found: string[]): string[] => found.filter((r) => r.startsWith('MET_WITH') && r.includes('Cardenas'));
    expect(meetings(factsOf('reuters.jsonl', 'reuters-19387', sentence))).toEqual([]);
    const affirmed = factsOf('reuters.jsonl', 'reuters-19387', sentence.replace('did not meet', 'met'), (text) => text.replace('did not meet', 'met'));
    expect(meetings(affirmed)).toEqual(['MET_WITH Jon Rosenbaum → Jorge Cardenas']);
  });

  it('a cancelled trip is no visit', () => {
    const found = factsOf('reuters.jsonl', 'reuters-17218', 'Treasury Secretary James Baker has cancelled a trip to Australia');
    expect(found.filter((r) => r.startsWith('VISITED'))).toEqual([]);
  });

  it('a visit through a possessor: "Swedish Prime Minister Ingvar Carlsson\'s visit to China"', () => {
    expect(factsOf('reuters.jsonl', 'reuters-12755', "Swedish Prime Minister Ingvar Carlsson's visit to China")).toContain('VISITED Ingvar Carlsson → China');
  });

  it('negotiations: "China is negotiating with Pakistan"', () => {
    expect(factsOf('reuters.jsonl', 'reuters-16107', 'China is negotiating with Pakistan to buy 5,000 tonnes of cotton')).toContain('NEGOTIATES_WITH China → Pakistan');
  });

  it('support and opposition: "France backed the Ivory Coast", "Baker criticised West Germany"', () => {
    expect(factsOf('reuters.jsonl', 'reuters-1579', 'France backed the Ivory Coast and other African producers during the talks.')).toContain('SUPPORTS France → Ivory Coast');
    expect(factsOf('reuters.jsonl', 'reuters-20907', 'The meeting came after Baker criticised West Germany')).toContain('OPPOSES James Baker → West Germany');
  });

  it('a refusal to sign states no signature', () => {
    const found = factsOf('bbc_all.jsonl', 'bbc/politics/197.txt', "the United States' refusal to sign the Kyoto Protocol on emissions");
    expect(found.filter((r) => r.startsWith('SIGNED'))).toEqual([]);
  });

  it('a meeting needs parties that can meet: "Wayne Rooney met Gary Neville\'s cross"', () => {
    const found = factsOf('bbc_all.jsonl', 'bbc/sport/101.txt', "Wayne Rooney met Gary Neville's cross to the near post");
    expect(found.filter((r) => r.startsWith('MET_'))).toEqual([]);
  });
  it('a treaty ratified: planned ("Japan will ratify the 1986 International Cocoa Agreement"), then stated in the past', () => {
    const sentence = 'Japan will ratify the 1986 International Cocoa Agreement';
    expect(factsOf('reuters.jsonl', 'reuters-19500', sentence)).toContain('SIGNED Japan → International Cocoa Agreement (intended)');
    const done = factsOf('reuters.jsonl', 'reuters-19500', 'Japan ratified the 1986 International Cocoa Agreement', (text) => text.replace('will ratify', 'ratified'));
    expect(done).toContain('SIGNED Japan → International Cocoa Agreement');
  });

  it('an invitation is intended: "Chancellor Helmut Kohl has invited the European Community\'s 17-man Commission for talks"; inviting offers invites no party', () => {
    const found = factsOf('reuters.jsonl', 'reuters-6024', "West German Chancellor Helmut Kohl has invited the European Community's 17-man Commission for talks in Bonn");
    expect(found.filter((r) => /^INVITED Helmut Kohl → .*Commission \(intended\)$/.test(r))).toHaveLength(1);
    const offers = factsOf('reuters.jsonl', 'reuters-7562', 'The Bank of England said it had invited an early round of bill offers from the discount houses');
    expect(offers.filter((r) => r.startsWith('INVITED'))).toEqual([]);
  });

  it('offices with a lower-case title: "Soviet deputy prime minister Alexei Antonov", "Guinean natural resources minister Ousmane Sylla", "BBC home affairs correspondent Danny Shaw"', () => {
    expect(factsOf('reuters.jsonl', 'reuters-12414', 'Soviet deputy prime minister Alexei Antonov begins two days of economic talks in Bonn')).toContain('WORKS_FOR Alexei Antonov → Soviet Union');
    expect(factsOf('reuters.jsonl', 'reuters-1156', 'between Guinean natural resources minister Ousmane Sylla and Nigerian minister')).toContain('WORKS_FOR Ousmane Sylla → Guinea');
    expect(factsOf('bbc_all.jsonl', 'bbc/politics/239.txt', 'BBC home affairs correspondent Danny Shaw said the research is inconclusive.')).toContain('WORKS_FOR Danny Shaw → BBC');
  });

  it('a named meeting: attended ("Mr Chidambaram is attending the G7 meeting"), and where it is held ("the OPEC meeting in Vienna")', () => {
    expect(factsOf('bbc_all.jsonl', 'bbc/business/008.txt', 'Mr Chidambaram is attending the G7 meeting as part of the G20 group')).toContain('ATTENDED Palaniappan Chidambaram → G7 meeting');
    expect(factsOf('reuters.jsonl', 'reuters-19509', 'We took a very positive view of the OPEC meeting in Vienna')).toContain('HELD_IN OPEC meeting → Vienna');
  });

  it('talks named after a body are an event of it, not the body: "the failure of the ICO talks in London"', () => {
    const found = factsOf('reuters.jsonl', 'reuters-1085', 'the failure of the ICO talks in London to reach agreement');
    expect(found).toContain('HELD_IN ICO talks → London');
    expect(found.filter((r) => r.startsWith('BASED_IN'))).toEqual([]);
  });

  it('leaving a party: "Robert Kilroy-Silk has quit the UK Independence Party"', () => {
    expect(factsOf('bbc_all.jsonl', 'bbc/politics/281.txt', 'Robert Kilroy-Silk has quit the UK Independence Party')).toContain('WITHDRAWS_FROM Robert Kilroy-Silk → UK Independence Party (done)');
  });

  it('standing by a treaty is support: "he stood by the Paris agreement"', () => {
    expect(factsOf('reuters.jsonl', 'reuters-9689', 'Treasury Secretary James Baker said he stood by the Paris agreement')).toContain('SUPPORTS James Baker → Paris agreement');
  });

  it('a summit\'s place through "in": "the earlier Reagan-Gorbachev summit in Geneva"; talks "held in April" have a time, no place', () => {
    expect(factsOf('reuters.jsonl', 'reuters-1290', 'the earlier Reagan-Gorbachev summit in Geneva')).toContain('HELD_IN Reagan-Gorbachev summit → Geneva');
    const dated = factsOf('reuters.jsonl', 'reuters-914', 'Ministry sources said the talks are likely to be held in April or June.');
    expect(dated.filter((r) => r.startsWith('HELD_IN'))).toEqual([]);
  });

  it('a passive controller is the subject of the clause it controls: "Theodore is scheduled to meet …", "Martin was jailed for murdering …"', () => {
    const sentence = 'Euronext chief Jean-Francois Theodore is scheduled to meet his LSE counterpart Clara Furse on Friday.';
    expect(factsOf('bbc_all.jsonl', 'bbc/business/392.txt', sentence)).toContain('PLANS_SUMMIT Jean-Francois Theodore → Clara Furse (intended)');
    const denied = factsOf('bbc_all.jsonl', 'bbc/business/392.txt', sentence.replace('is scheduled', 'is not scheduled'), (text) => text.replace('is scheduled to meet', 'is not scheduled to meet'));
    expect(denied.filter((r) => r.startsWith('PLANS_SUMMIT'))).toEqual([]);
    const jailed = factsOf('bbc_all.jsonl', 'bbc/politics/230.txt', 'Norfolk farmer Tony Martin was jailed for life for murdering 16-year-old burglar Fred Barras');
    expect(jailed).toContain('KILLED Tony Martin → Fred Barras');
  });
});
