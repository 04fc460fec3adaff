import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { isAcronymOf } from '../../src/pipeline/resolve.js';

describe('resolution', () => {
  it('joins acronyms to their expansions and not to other names', () => {
    expect(isAcronymOf('ABM treaty', 'Anti-Ballistic Missile Treaty')).toBe(true);
    expect(isAcronymOf('APEC', 'Asia-Pacific Economic Cooperation forum')).toBe(true);
    expect(isAcronymOf('NATO', 'North Atlantic Treaty Organization')).toBe(true);
    expect(isAcronymOf('IMF', 'Anti-Ballistic Missile Treaty')).toBe(false);
    expect(isAcronymOf('Abm', 'Anti-Ballistic Missile Treaty')).toBe(false);
    expect(isAcronymOf('AT', 'And The')).toBe(false);
    expect(isAcronymOf('UK', 'of the')).toBe(false);
    expect(isAcronymOf('HRH Duchess', 'Hollywood Roosevelt Hotel')).toBe(false);
  });

  it('gives one id per real thing across the documents of a run', async () => {
    const { json } = await extract(
      [
        { id: 'a', source: 'a', text: 'U.S. President Barack Obama met Chinese President Hu Jintao in Washington.' },
        { id: 'b', source: 'b', text: 'President Obama later flew to Beijing. The United States and China agreed on trade.' },
      ],
      { workers: 1 },
    );
    const obama = json.entities.filter((e) => /Obama/.test(e.name));
    expect(obama.map((e) => e.name)).toEqual(['Barack Obama']);
    expect(obama[0]!.mentions.map((m) => m.document)).toEqual(['a', 'b']);
    const us = json.entities.filter((e) => e.id === 'country:united-states');
    expect(us).toHaveLength(1);
    expect(us[0]!.aliases).toContain('U.S.');
  });

  it('joins an acronym to the one spelt-out name of the run, never through another acronym', async () => {
    const { json } = await extract(
      [
        { id: 'a', source: 'a', text: 'The Hollywood Roosevelt Hotel opened in 1927. The Harbour District office will close.' },
        { id: 'b', source: 'b', text: 'Guests of the HRH Duchess praised the HD forum and HRH staff.' },
      ],
      { workers: 1 },
    );
    const hotel = json.entities.find((e) => e.name === 'Hollywood Roosevelt Hotel')!;
    expect(hotel.aliases).not.toContain('HRH Duchess');
    expect(json.entities.filter((e) => e.name === 'HRH Duchess' || e.aliases.includes('HRH Duchess'))).toHaveLength(1);
  });

  it('never merges a person with an organization that shares a name', async () => {
    const { json } = await extract(
      [
        { id: 'a', source: 'a', text: 'Henry Ford visited Detroit on Monday.' },
        { id: 'b', source: 'b', text: 'The Ford Motor Company said sales rose. Ford Motor Company is based in Dearborn.' },
      ],
      { workers: 1 },
    );
    const ford = json.entities.filter((e) => /Ford/.test(e.name));
    expect(new Set(ford.map((e) => e.type))).toEqual(new Set(['Person', 'Organization']));
    expect(ford.find((e) => e.type === 'Person')!.mentions.every((m) => m.document === 'a')).toBe(true);
  });
});
