import { describe, expect, it } from 'vitest';
import { names } from './helpers.js';

describe('dated events', () => {
  it('reads a date, an optional modifier and an event noun as an event', () => {
    expect(names('Airport security was tightened after the July 7 bombings in London.')).toContain('Event:July 7 bombings');
    expect(names('Tourism fell after last year’s October 12 nightclub bombing in Bali.')).toContain('Event:October 12 nightclub bombing');
  });

  it('leaves a plain date before other words alone', () => {
    const found = names('She was born on May 4 and attacks on the convoy began in June. On March 3 attacks killed ten.');
    expect(found.filter((name) => name.startsWith('Event:'))).toEqual([]);
  });
});
