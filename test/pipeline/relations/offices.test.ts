import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/index.js';

/** The office relations of a text, as "TYPE person → body (title)". */
function offices(text: string): string[] {
  const { entities, relations } = extractDocument({ id: 'test', text, source: 'test' });
  const name = (id: string): string => entities.find((e) => e.id === id)?.name ?? id;
  return relations.filter((r) => ['LEADER_OF', 'WORKS_FOR', 'LIVES_IN'].includes(r.type)).map((r) => `${r.type} ${name(r.source)} → ${name(r.target)} (${r.properties.title ?? ''})`);
}

describe('offices', () => {
  it('a head of state is LEADER_OF, named before or after the country', () => {
    expect(offices('Egyptian President Hosni Mubarak arrived on Monday.')).toEqual(['LEADER_OF Hosni Mubarak → Egypt (President)']);
    expect(offices('King Hussein of Jordan arrived on Monday.')).toEqual(['LEADER_OF Hussein → Jordan (King)']);
  });

  it('other office holders are WORKS_FOR, with the title', () => {
    expect(offices('Treasury Secretary James Baker spoke on Monday.')).toEqual(['WORKS_FOR James Baker → Treasury (Secretary)']);
    expect(offices('Iranian Oil Minister Ahmed Karimi is in the United Arab Emirates.')).toContain('WORKS_FOR Ahmed Karimi → Iran (Oil Minister)');
  });

  it('a governor leads the bank he governs; his deputy serves it', () => {
    expect(offices('Central Bank governor Maria Silva spoke on Monday.')).toEqual(['LEADER_OF Maria Silva → Central Bank (Governor)']);
    expect(offices('Central Bank deputy governor Maria Silva spoke on Monday.')).toEqual(['WORKS_FOR Maria Silva → Central Bank (Deputy Governor)']);
  });

  it('the whole title decides, and a two-word demonym opens a sentence: "IMF Managing Director", "West German Farm Minister"', () => {
    expect(offices('IMF Managing Director Jan Novak arrived on Monday.')).toEqual(['LEADER_OF Jan Novak → International Monetary Fund (Managing Director)']);
    expect(offices('IMF Deputy Managing Director Jan Novak arrived on Monday.')).toEqual(['WORKS_FOR Jan Novak → International Monetary Fund (Deputy Managing Director)']);
    expect(offices('West German Farm Minister Karl Weber arrived on Monday.')).toEqual(['WORKS_FOR Karl Weber → West Germany (Farm Minister)']);
  });

  it('a lower-case title between a country and a name: "Russian energy minister", "Turkish Ambassador to Athens"', () => {
    expect(offices('Russian energy minister Viktor Petrov and his aides arrived on Monday.')).toContain('WORKS_FOR Viktor Petrov → Russia (energy minister)');
    expect(offices('He spoke after talks with Turkish Ambassador to Athens Nazmi Akiman on Monday.')).toContain('WORKS_FOR Nazmi Akiman → Turkey (Ambassador)');
  });

  it('a capitalised qualifier before a lower-case title: "West German Finance minister Karl Weber"; a ministry\'s official is no such title', () => {
    const weber = offices('West German Finance minister Karl Weber said rates would hold.');
    expect(weber.filter((r) => r.startsWith('WORKS_FOR Karl Weber → West Germany'))).toHaveLength(1);
    const official = offices('A Japanese Finance Ministry official, Kenji Mori, said rates would hold.');
    expect(official.filter((r) => r.includes('→ Japan') && r.includes('minister'))).toEqual([]);
  });

  it('a title that belongs to one name in a list is not given to the next', () => {
    const found = offices('The talks were between Gazprom chairman Aleksey Miller and India\'s petroleum minister Mani Aiyar.');
    expect(found.filter((r) => r.includes('Aiyar → Gazprom'))).toEqual([]);
  });

  it('a title owned through "his" belongs to what its possessor leads', () => {
    const found = offices('King Hussein of Jordan arrived in Cairo on Monday. He was accompanied by his Foreign Minister Tahir al-Masri.');
    expect(found).toContain('WORKS_FOR Tahir al-Masri → Jordan (Foreign Minister)');
  });

  it('an office is not a residence', () => {
    const found = offices('Chilean President Ricardo Lagos and President Omar Bongo of Gabon arrived on Monday.');
    expect(found.filter((r) => r.startsWith('LIVES_IN'))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['LEADER_OF Ricardo Lagos → Chile (President)', 'LEADER_OF Omar Bongo → Gabon (President)']));
  });
});
