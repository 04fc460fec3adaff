import { describe, expect, it } from 'vitest';
import { normaliseDate, parseDocumentDate } from '../../../src/pipeline/relations/dates.js';

describe('dates of facts', () => {
  const story = parseDocumentDate('02-MAR-1987 15:01:01.79'); // a Monday

  it('reads the corpora\'s story dates', () => {
    expect(story).toEqual({ year: 1987, month: 3, day: 2 });
    expect(parseDocumentDate('2001-10-21')).toEqual({ year: 2001, month: 10, day: 21 });
    expect(parseDocumentDate('no date')).toBeUndefined();
  });

  it.each([
    ['last October', undefined, '1986-10'],
    ['next March', undefined, '1988-03'],
    ['October', 'past', '1986-10'],
    ['April', 'future', '1987-04'],
    ['October 21, 1986', undefined, '1986-10-21'],
    ['21 October 1986', undefined, '1986-10-21'],
    ['1972', undefined, '1972'],
    ['mid-November', 'future', '1987-11'],
    ['yesterday', undefined, '1987-03-01'],
    ['Friday', 'past', '1987-02-27'],
    ['Friday', 'future', '1987-03-06'],
    ['last year', undefined, '1986'],
    ['next month', undefined, '1987-04'],
  ] as const)('"%s" (%s) → %s', (words, tense, iso) => {
    expect(normaliseDate(words, story, tense)).toBe(iso);
  });

  it('leaves vague phrases and relative ones without a story date alone', () => {
    expect(normaliseDate('this week', story)).toBeUndefined();
    expect(normaliseDate('last October', undefined)).toBeUndefined();
    expect(normaliseDate('October 1986', undefined)).toBe('1986-10');
  });
});
