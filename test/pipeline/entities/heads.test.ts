import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('head words', () => {
  it('types an unknown name by the organization or place noun it ends with', () => {
    const found = names('The Norvale Plastics plant and the Kestrel Aviation hangar stand near Brantley County, where the Federal Harbor Administration met.');
    expect(found).toContain('Organization:Norvale Plastics');
    expect(found).toContain('Organization:Kestrel Aviation');
    expect(found).toContain('Place:Brantley County');
    expect(found).toContain('Organization:Federal Harbor Administration');
  });

  it('keeps a person whose surname is no head word a person', () => {
    const found = names('Officials said Martin Holloway would resign.');
    expect(found).toContain('Person:Martin Holloway');
  });
});

describe('wire datelines and codes', () => {
  it('splits the agency off the place it files from', () => {
    const found = names('LD0503072994 Moscow ITAR-TASS in English 0548 GMT 5 Mar 94\nOfficials met on Friday.');
    expect(found).toContain('Place:Moscow');
    expect(found).toContain('Organization:ITAR-TASS');
    expect(found.some((name) => name.includes('GMT') || name.includes('LD0503072994'))).toBe(false);
  });

  it('keeps a place name the gazetteer knows whole', () => {
    const found = names('He flew to Washington DC on Monday.');
    expect(found).toContain('Place:Washington DC');
  });

  it('reads a country the tagger took for an organization as the country: "The Philippines meets the criteria"', () => {
    expect(names('The Philippines meets the first two criteria but not the third.')).toEqual(['Country:The Philippines']);
  });
});
