import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('state abbreviations', () => {
  it('reads an abbreviated US state after a town as a place, and the town too', () => {
    const found = names('The sheriff of Wellbrook, Ala., said the road reopened. She grew up in Corvane N.Y. and moved to Dunmore, Vt');
    // An abbreviation's period belongs to the name, as in CoNLL-2003 and CoNLL04 ("Fla.").
    expect(found).toContain('Place:Ala.');
    expect(found).toContain('Place:Wellbrook');
    expect(found).toContain('Place:N.Y.');
    expect(found).toContain('Place:Corvane');
    expect(found).toContain('Place:Vt');
    expect(found).not.toContain('Person:Ala');
  });

  it('leaves an abbreviation that is also a word or title alone without a town before it', () => {
    const found = names('Thank you, Miss Harwell. He was born on the Isle of Man.');
    // The name tagger leaves the courtesy title out, as CoNLL-2003 does; the rules keep it.
    expect(found.filter((name) => /^Person:(Miss )?Harwell$/.test(name))).toHaveLength(1);
    expect(found).not.toContain('Place:Miss');
    expect(found).not.toContain('Place:Man');
  });
});
