import { execFileSync, spawnSync } from 'node:child_process';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { ENTITY_COLOURS } from '../../src/graph/appearance.js';
import { writeGexf } from '../../src/export/gexf.js';
import { buildGraph } from '../../src/graph/build.js';
import type { Entity } from '../../src/types.js';
import { readFixture } from './helpers.js';

describe('writeGexf', () => {
  const seed = readFixture('seed-graph');
  const seedGexf = writeGexf(buildGraph(seed));

  it('reads back through graphology-gexf with labels, attributes, colours per type and sizes by degree', () => {
    const back = parse(Graph.MultiDirectedGraph, seedGexf);
    expect(back.nodes()).toEqual(seed.entities.map((entity) => entity.id));
    expect(back.size).toBe(seed.relations.length);
    const putin = back.getNodeAttributes('person:vladimir-putin');
    expect(putin.label).toBe('Vladimir Putin');
    expect(putin.type).toBe('Person');
    expect(putin.labels).toBe(':Entity:Person');
    expect(JSON.parse(putin.aliases as string)).toEqual(['Russian President Putin', 'Putin']);
    expect(putin.color).toBe(asRgb(ENTITY_COLOURS.Person));
    expect(back.getNodeAttribute('country:russia', 'color')).toBe(asRgb(ENTITY_COLOURS.Country));
    // Putin has 5 relations, Indonesia none.
    expect(putin.size).toBeCloseTo(3 + 2 * Math.sqrt(5));
    expect(back.getNodeAttribute('country:indonesia', 'size')).toBe(3);
    const met = back.getEdgeAttributes('person:george-w-bush|MET_WITH|person:vladimir-putin');
    expect(met).toMatchObject({ label: 'MET_WITH', type: 'MET_WITH', place: 'Shanghai', date: 'Sunday', confidence: 0.8 });
    expect(JSON.parse(met.evidence as string)[0].text).toMatch(/^The two leaders met after/);
  });

  it.skipIf(!hasNetworkx)('reads in networkx with its colours (viz:color as r, g, b)', () => {
    const script = 'import json, sys, networkx\ng = networkx.read_gexf(sys.stdin)\nprint(json.dumps(g.nodes["person:vladimir-putin"]["viz"]["color"]))';
    const colour = JSON.parse(execFileSync('python3', ['-c', script], { input: seedGexf, encoding: 'utf8' })) as Record<string, number>;
    expect(`rgb(${colour.r},${colour.g},${colour.b})`).toBe(asRgb(ENTITY_COLOURS.Person));
  });

  it('keeps parallel edges apart (one kind per relation type), as Gephi needs', () => {
    const back = parse(Graph.MultiDirectedGraph, seedGexf);
    const between = back.edges('person:george-w-bush', 'person:vladimir-putin');
    expect(between.map((edge) => back.getEdgeAttribute(edge, 'label')).sort()).toEqual(['INVITED', 'MET_WITH', 'PLANS_SUMMIT']);
    expect(seedGexf).toContain('kind="MET_WITH"');
  });

  it('keeps XML specials and emoji, and drops the control characters XML 1.0 forbids', () => {
    const json = readFixture('nasty-graph');
    const gexf = writeGexf(buildGraph(json));
    expect(gexf).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const back = parse(Graph.MultiDirectedGraph, gexf);
    const [obrien, ctrl] = json.entities as [Entity, Entity];
    expect(back.getNodeAttribute(obrien.id, 'label')).toBe(obrien.name);
    expect(back.getNodeAttribute(ctrl.id, 'label')).toBe('CtrlLand');
    expect(back.getEdgeAttribute(`${obrien.id}|MET_WITH|${ctrl.id}`, 'place')).toBe('Café "Zürich" & <Bar>');
    expect(JSON.parse(back.getNodeAttribute(obrien.id, 'aliases') as string)).toEqual(obrien.aliases);
  });
});

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx']).status === 0;

/** `#e6194b` as graphology-gexf reads r, g and b back: `rgb(230,25,75)`. */
function asRgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).join(',')})`;
}
