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

describe('events and treaties named after a body or a place', () => {
  it('reads "the IMF meeting", "the Brussels summit", "the Paris accord" as the event or treaty, and keeps the body or place', () => {
    const found = names('Ministers will be in Washington for the IMF meeting next week. Blair flew to the Brussels summit. The dollar held under the Paris accord.');
    expect(found).toEqual(expect.arrayContaining(['Event:IMF meeting', 'Organization:IMF', 'Event:Brussels summit', 'Place:Brussels', 'Treaty:Paris accord']));
  });

  it('leaves a person\'s meeting, a country\'s talks and a noun compound alone', () => {
    const found = names('James Baker flew home. Dealers waited for the outcome of the Baker meeting. Turkey wants Iran talks soon. He spoke to the UN war crimes tribunal.');
    expect(found.filter((name) => /^(Event|Treaty):/.test(name))).toEqual([]);
  });
});
