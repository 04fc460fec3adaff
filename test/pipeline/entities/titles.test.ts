import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/pipeline/analyze.js';
import { clean } from '../../../src/pipeline/clean.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../../src/pipeline/entities/index.js';
import { names } from './helpers.js';

describe('titles inside a name', () => {
  it('splits a long title off the person it names, and the organization in front of it', () => {
    const found = names('The plan was announced by EU Fisheries Commissioner Maria Lindqvist on Tuesday.');
    expect(found).toContain('Organization:EU');
    expect(found).toContain('Person:Maria Lindqvist');
    const person = findMentions(analyze(clean('The talks were led by Deputy Foreign Minister Tomas Berg.')), getGazetteer()).find((m) => m.type === 'Person');
    expect(person?.text).toBe('Tomas Berg');
    expect(person?.title).toMatchObject({ name: 'Deputy Foreign Minister', relation: 'WORKS_FOR' });
  });

  it('does not read a title word in a known name as a title', () => {
    const found = names('Shares of General Motors rose after the report.');
    expect(found).toContain('Organization:General Motors');
    expect(found.some((name) => name.startsWith('Person:'))).toBe(false);
  });
});
