import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/build.js';
import type { GraphJson } from '../../src/types.js';
import { neighbourhood } from '../../src/view/focus.js';

const graph = buildGraph(JSON.parse(readFileSync(new URL('../fixtures/export/seed-graph.json', import.meta.url), 'utf8')) as GraphJson);

describe('kg view --focus NAME --hops N', () => {
  it('keeps the entity and what lies within N relations of it, either way, with the relations between them', () => {
    const one = neighbourhood(graph, 'Vladimir Putin', 1);
    expect(one.nodes().sort()).toEqual(['country:russia', 'event:asia-pacific-economic-cooperation-forum', 'person:george-w-bush', 'person:vladimir-putin']);
    // Bush's relations to Putin and to APEC come along; his relation to the United States does not.
    expect(one.edges().sort()).toEqual([
      'person:george-w-bush|INVITED|person:vladimir-putin',
      'person:george-w-bush|MET_AT|event:asia-pacific-economic-cooperation-forum',
      'person:george-w-bush|MET_WITH|person:vladimir-putin',
      'person:george-w-bush|PLANS_SUMMIT|person:vladimir-putin',
      'person:vladimir-putin|LEADER_OF|country:russia',
      'person:vladimir-putin|MET_AT|event:asia-pacific-economic-cooperation-forum',
    ]);
    expect(neighbourhood(graph, 'Vladimir Putin', 2).hasNode('country:united-states')).toBe(true);
    expect(neighbourhood(graph, 'Vladimir Putin', 0).nodes()).toEqual(['person:vladimir-putin']);
  });

  it('finds the entity by alias or id, in any case, and says so when there is none', () => {
    expect(neighbourhood(graph, 'abm', 0).nodes()).toEqual(['treaty:anti-ballistic-missile-treaty']);
    expect(neighbourhood(graph, 'place:crawford', 1).nodes().sort()).toEqual(['place:crawford', 'place:texas']);
    expect(() => neighbourhood(graph, 'Boris Yeltsin', 1)).toThrow(new UserError('--focus Boris Yeltsin: no entity has this name, alias or id'));
  });
});
