import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/index.js';
import type { RelationType } from '../../src/types.js';

/** The relations of one made-up sentence, as "TYPE source → target" with entity names. */
function relationsOf(text: string): string[] {
  const { entities, relations } = extractDocument({ id: 'test', text, source: 'test' });
  const name = (id: string): string => entities.find((e) => e.id === id)?.name ?? id;
  return relations.map((r) => `${r.type} ${name(r.source)} → ${name(r.target)}`);
}

/** Each rule: a sentence it was made for, and a sentence that must not fire it. */
const CASES: { type: RelationType; fires: string; expect: string; silent: string }[] = [
  { type: 'MET_WITH', fires: 'Angela Merkel met Emmanuel Macron in Berlin on Tuesday.', expect: 'MET_WITH Angela Merkel → Emmanuel Macron', silent: 'Angela Merkel praised Emmanuel Macron in Berlin on Tuesday.' },
  { type: 'MET_AT', fires: 'Angela Merkel and Emmanuel Macron met in Berlin on Tuesday.', expect: 'MET_AT Angela Merkel → Berlin', silent: 'Angela Merkel and Emmanuel Macron spoke about Berlin on Tuesday.' },
  { type: 'PLANS_SUMMIT', fires: 'Joe Biden and Xi Jinping plan to hold a summit in Geneva.', expect: 'PLANS_SUMMIT Joe Biden → Xi Jinping', silent: 'Joe Biden and Xi Jinping disagreed about Geneva.' },
  { type: 'INVITED', fires: 'Tony Blair has invited Jacques Chirac to London.', expect: 'INVITED Tony Blair → Jacques Chirac', silent: 'Tony Blair has criticised Jacques Chirac in London.' },
  { type: 'SIGNED', fires: 'Israel and Jordan signed the Wadi Araba Treaty in 1994.', expect: 'SIGNED Jordan → Wadi Araba Treaty', silent: 'Israel and Jordan discussed the Wadi Araba Treaty in 1994.' },
  { type: 'WITHDRAWS_FROM', fires: 'Donald Trump decided to withdraw from the Paris Agreement.', expect: 'WITHDRAWS_FROM Donald Trump → Paris Agreement', silent: 'Donald Trump decided to stay in the Paris Agreement.' },
  { type: 'LEADER_OF', fires: 'French President Jacques Chirac arrived on Monday.', expect: 'LEADER_OF Jacques Chirac → France', silent: 'Jacques Chirac arrived on Monday.' },
  { type: 'WORKS_FOR', fires: 'British Foreign Secretary Jack Straw arrived on Monday.', expect: 'WORKS_FOR Jack Straw → United Kingdom', silent: 'Jack Straw arrived in Britain on Monday.' },
  { type: 'LOCATED_IN', fires: 'The plant is in Lyon, France.', expect: 'LOCATED_IN Lyon → France', silent: 'The plant is in Lyon and France buys its cars.' },
  { type: 'HELD_IN', fires: 'The Davos Forum in Switzerland opened on Monday.', expect: 'HELD_IN Davos Forum → Switzerland', silent: 'The Davos Forum praised Switzerland on Monday.' },
  { type: 'VISITED', fires: 'King Fahd visits Britain this week.', expect: 'VISITED Fahd → United Kingdom', silent: 'King Fahd praised Britain this week.' },
  { type: 'BASED_IN', fires: 'The Bonn-based Bundesbank raised rates.', expect: 'BASED_IN Bundesbank → Bonn', silent: 'The Bundesbank raised rates and Bonn agreed.' },
  { type: 'LIVES_IN', fires: 'John Smith, who lives in Ohio, won the prize.', expect: 'LIVES_IN John Smith → Ohio', silent: 'John Smith, who likes Ohio, won the prize.' },
  { type: 'KILLED', fires: 'John Wilkes Booth shot Abraham Lincoln in 1865.', expect: 'KILLED John Wilkes Booth → Abraham Lincoln', silent: 'John Wilkes Booth admired Abraham Lincoln in 1865.' },
  { type: 'NEGOTIATES_WITH', fires: 'Japan will negotiate with China over the islands.', expect: 'NEGOTIATES_WITH Japan → China', silent: 'Japan will compete with China over the islands.' },
  { type: 'SUPPORTS', fires: 'Russia supports Iran in the dispute.', expect: 'SUPPORTS Russia → Iran', silent: 'Russia warned Iran in the dispute.' },
  { type: 'OPPOSES', fires: 'Germany opposed Turkey in the vote.', expect: 'OPPOSES Germany → Turkey', silent: 'Germany joined Turkey in the vote.' },
  { type: 'ATTENDED', fires: 'Gordon Brown attended the Davos Forum.', expect: 'ATTENDED Gordon Brown → Davos Forum', silent: 'Gordon Brown criticised the Davos Forum.' },
];

describe('relation rules', () => {
  for (const { type, fires, expect: expected, silent } of CASES) {
    it(`${type}: fires on its sentence and not on a near miss`, () => {
      expect(relationsOf(fires)).toContain(expected);
      expect(relationsOf(silent).filter((r) => r.startsWith(`${type} `))).toEqual([]);
    });
  }

  it('relates every member of a list: "X and Y signed"', () => {
    const found = relationsOf('The United States and the Soviet Union signed the INF Treaty in 1987.');
    expect(found).toEqual(expect.arrayContaining(['SIGNED United States → INF Treaty', 'SIGNED Soviet Union → INF Treaty']));
  });

  it('reads "the two leaders" as the two leaders the story named', () => {
    const found = relationsOf('Chinese President Hu Jintao welcomed Indian Prime Minister Manmohan Singh. The two leaders met in Beijing.');
    expect(found).toContain('MET_WITH Hu Jintao → Manmohan Singh');
    expect(found).toContain('MET_AT Manmohan Singh → Beijing');
  });

  it('reads "the French leader" as the person the story titled so', () => {
    const found = relationsOf('French President Jacques Chirac arrived. Tony Blair has invited the French leader to Chequers.');
    expect(found).toContain('INVITED Tony Blair → Jacques Chirac');
  });
});
