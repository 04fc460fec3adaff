import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('initials and headline capitals', () => {
  it('reads initials before a surname as a person', () => {
    const found = names('Yorkshire 310 ( J. Hartley 83, R.T. Dawson 54 not out).');
    expect(found).toContain('Person:J. Hartley');
    expect(found).toContain('Person:R.T. Dawson');
  });

  it('keeps a known two-word place whole in a headline in capitals', () => {
    const found = names('STORMS CLOSE AIRPORTS IN NEW YORK AND SAN FRANCISCO.\n\nFlights were cancelled on Monday.');
    expect(found).toContain('Place:NEW YORK');
    expect(found).toContain('Place:SAN FRANCISCO');
    expect(found.some((name) => /STORMS|AIRPORTS/.test(name))).toBe(false);
  });
});
