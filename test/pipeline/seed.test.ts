import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import type { GraphJson } from '../../src/types.js';
import { entity, hasRelation, relation, repoFile } from './helpers.js';

const samplePath = repoFile('data/sample/cnn-2001-putin-bush-abm.txt');
const sampleText = readFileSync(samplePath, 'utf8');

describe('the bundled sample article', () => {
  let graph: GraphJson;
  beforeAll(async () => {
    graph = (await extract([{ id: 'sample', text: sampleText, source: samplePath }], { workers: 1 })).json;
  });

  it('finds its people, countries, places, treaty and events, one node each', () => {
    // The article never gives Putin's first name, so "Putin" is the fullest form it has.
    expect(entity(graph, 'Person', /Putin$/).mentions.length).toBeGreaterThanOrEqual(8);
    expect(entity(graph, 'Person', 'George W. Bush').aliases).toContain('Bush');
    expect(entity(graph, 'Country', 'United States').aliases).toContain('U.S.');
    for (const country of ['Russia', 'Soviet Union', 'China', 'Indonesia', 'Malaysia']) entity(graph, 'Country', country);
    expect(entity(graph, 'Place', 'Shanghai').aliases).toContain('SHANGHAI');
    for (const place of ['Washington', 'Crawford', 'Texas']) entity(graph, 'Place', place);
    const treaty = entity(graph, 'Treaty', 'Anti-Ballistic Missile Treaty');
    expect(treaty.aliases).toContain('ABM treaty');
    const apec = graph.entities.filter((e) => /Asia-Pacific Economic Cooperation/.test(e.name));
    expect(apec).toHaveLength(1);
    expect(['Event', 'Organization']).toContain(apec[0]!.type);
    expect(apec[0]!.aliases).toContain('APEC');
    entity(graph, 'Event', /September 11/);
  });

  it('keeps page furniture and bare titles out of the graph', () => {
    const names = graph.entities.flatMap((e) => [e.name, ...e.aliases]);
    for (const junk of ['President', '/US /US', 'US /US', 'Skip', 'CNN Interactive', 'Back']) expect(names).not.toContain(junk);
    expect(graph.entities.filter((e) => /Putin/.test(e.name))).toHaveLength(1);
    expect(graph.entities.filter((e) => /Bush$/.test(e.name) && e.type === 'Person')).toHaveLength(1);
  });

  it('states who met whom, where, and what they plan', () => {
    const bush = entity(graph, 'Person', 'George W. Bush');
    const putin = entity(graph, 'Person', /Putin$/);
    const shanghai = entity(graph, 'Place', 'Shanghai');
    const met = relation(graph, 'MET_WITH', bush, putin, true);
    expect(met.evidence[0]!.text).toMatch(/^The two leaders met after/);
    expect(hasRelation(graph, 'MET_AT', bush, shanghai)).toBe(true);
    expect(hasRelation(graph, 'MET_AT', putin, shanghai)).toBe(true);
    expect(relation(graph, 'PLANS_SUMMIT', bush, putin, true).properties.place).toBe('Washington');
    expect(relation(graph, 'INVITED', bush, putin).properties.place).toBe('Crawford');
  });

  it('states who signed the treaty, who wants out of it, and who leads what', () => {
    const treaty = entity(graph, 'Treaty', 'Anti-Ballistic Missile Treaty');
    const us = entity(graph, 'Country', 'United States');
    const bush = entity(graph, 'Person', 'George W. Bush');
    expect(relation(graph, 'SIGNED', us, treaty).properties.date).toBe('1972');
    relation(graph, 'SIGNED', entity(graph, 'Country', 'Soviet Union'), treaty);
    expect(hasRelation(graph, 'WITHDRAWS_FROM', us, treaty) || hasRelation(graph, 'WITHDRAWS_FROM', bush, treaty)).toBe(true);
    expect(relation(graph, 'LEADER_OF', entity(graph, 'Person', /Putin$/), entity(graph, 'Country', 'Russia')).properties.title).toBe('President');
    relation(graph, 'LEADER_OF', bush, us);
    relation(graph, 'LOCATED_IN', entity(graph, 'Place', 'Shanghai'), entity(graph, 'Country', 'China'));
    relation(graph, 'LOCATED_IN', entity(graph, 'Place', 'Crawford'), entity(graph, 'Place', 'Texas'));
    const apec = graph.entities.find((e) => /Asia-Pacific Economic Cooperation/.test(e.name))!;
    relation(graph, 'HELD_IN', apec, entity(graph, 'Place', 'Shanghai'));
  });

  it('points every mention and every piece of evidence into the original text', () => {
    for (const e of graph.entities) {
      for (const m of e.mentions) expect(sampleText.slice(m.start, m.end)).toBe(m.text);
    }
    for (const r of graph.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) expect(sampleText.slice(ev.start, ev.end)).toBe(ev.text);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
});
