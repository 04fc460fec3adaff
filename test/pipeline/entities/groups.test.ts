import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('plural names after "the"', () => {
  it('reads a plural name after "the" as an organization', () => {
    const found = names('Ortiz hit two home runs as the Seahawkers beat the visitors for the third time this week.');
    expect(found).toContain('Organization:Seahawkers');
  });

  it('leaves a surname ending in s without "the" a person', () => {
    const found = names('Officials said Andreas Michaelis would attend the talks, and Michaelis later confirmed it.');
    expect(found).toContain('Person:Andreas Michaelis');
    expect(found).toContain('Person:Michaelis');
  });
});
