import { describe, expect, it } from 'vitest';
import { planLoad } from '../../src/store/model.js';
import type { GraphJson, Relation } from '../../src/types.js';

const graph = (relations: Relation[]): GraphJson => ({
  documents: [],
  entities: ['a', 'b', 'c'].map((name) => ({ id: `person:${name}`, type: 'Person', name, aliases: [], mentions: [] })),
  relations,
});
const met = (target: string, properties: Relation['properties']): Relation => ({
  type: 'MET_WITH',
  source: 'person:a',
  target,
  properties,
  confidence: 0.5,
  evidence: [],
});

describe('planLoad', () => {
  it('gives each set of relation properties its own statement, naming only the properties its rows have', () => {
    const steps = planLoad(graph([met('person:b', { place: 'Oslo' }), met('person:c', { date: '2001', place: 'Rome' }), met('person:c', {})])).filter(
      (step) => step.what === 'MET_WITH',
    );
    expect(steps.map((step) => step.rows.map((row) => row.target))).toEqual([['person:b'], ['person:c'], ['person:c']]);
    const written = steps.map((step) => ['place', 'date', 'title', 'status'].filter((key) => step.statement.includes(`${key}: row.${key}`)));
    expect(written).toEqual([['place'], ['place', 'date'], []]);
    expect(steps[1]!.rows[0]).toMatchObject({ place: 'Rome', date: '2001' });
  });

  it('refuses a relation property outside the vocabulary, naming it', () => {
    const odd = { ...met('person:b', {}), properties: { mood: 'tense' } as Relation['properties'] };
    expect(() => planLoad(graph([odd]))).toThrow(/unknown property "mood" \(known: place, date, dateText, title, status\)/);
  });
});
