import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('datelines', () => {
  it('reads the name opening a dateline as the place the story was filed from', () => {
    const found = names('FLOODS CUT ROADS IN ALPINE VALLEYS.\nOBERWILEN, Switzerland 1997-03-02\nHeavy rain closed three roads on Sunday, police said.');
    expect(found).toContain('Place:OBERWILEN');
    expect(found).toContain('Country:Switzerland');
  });

  it('does not take a company opening a sentence before a weekday for a place', () => {
    // The rules' reading: of a made-up name the tagger knows nothing but its place in the line.
    const found = names('Quarterly results were mixed.\nKordexa Tuesday announced a merger with a rival.', 'rules');
    expect(found).not.toContain('Place:Kordexa');
  });
});
