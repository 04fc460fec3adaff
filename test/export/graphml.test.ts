import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { writeGraphml } from '../../src/export/graphml.js';
import { buildGraph } from '../../src/graph/build.js';
import type { Entity, GraphJson, Relation } from '../../src/types.js';
import { hasNetworkx, inCi, readFixture, readGraphmlWithNetworkx } from './helpers.js';

const directory = mkdtempSync(join(tmpdir(), 'kg-graphml-'));

/** What a GraphML reader should give back for an entity whose text needs no cleaning. */
function expectedNode(entity: Entity): Record<string, unknown> {
  return {
    label: entity.name,
    labels: `:Entity:${entity.type}`,
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: JSON.stringify(entity.aliases),
    mentions: JSON.stringify(entity.mentions),
  };
}

function expectedEdge(relation: Relation): Record<string, unknown> {
  return {
    label: relation.type,
    ...relation.properties,
    type: relation.type,
    confidence: relation.confidence,
    evidence: JSON.stringify(relation.evidence),
  };
}

function written(json: GraphJson, name: string): { xml: string; path: string } {
  const xml = writeGraphml(buildGraph(json));
  const path = join(directory, `${name}.graphml`);
  writeFileSync(path, xml);
  return { xml, path };
}

describe('writeGraphml on the seed article', () => {
  const json = readFixture('seed-graph');
  const { xml, path } = written(json, 'seed');

  it('declares every key, typed, before <graph>, and the graph as directed', () => {
    const graphStart = xml.indexOf('<graph ');
    const keys = [...xml.matchAll(/<key id="([^"]+)" for="(node|edge|graph)" attr\.name="([^"]+)" attr\.type="(string|int|long|double|boolean)"\/>/g)];
    expect(keys.length).toBe((xml.match(/<key /g) ?? []).length);
    expect(keys.every((key) => key.index! < graphStart)).toBe(true);
    expect(new Set(keys.map((key) => key[1])).size).toBe(keys.length);
    expect(keys.find((key) => key[2] === 'edge' && key[3] === 'confidence')?.[4]).toBe('double');
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
    const used = new Set([...xml.matchAll(/<data key="([^"]+)"/g)].map((match) => match[1]));
    expect([...used].every((id) => keys.some((key) => key[1] === id))).toBe(true);
  });

  it('round-trips through graphology-graphml: same nodes, edges and attribute values', () => {
    const back = parse(Graph.MultiDirectedGraph, xml);
    expect(back.nodes()).toEqual(json.entities.map((entity) => entity.id));
    for (const entity of json.entities) expect(back.getNodeAttributes(entity.id)).toEqual(expectedNode(entity));
    expect(back.size).toBe(json.relations.length);
    for (const relation of json.relations) {
      const key = `${relation.source}|${relation.type}|${relation.target}`;
      expect(back.extremities(key)).toEqual([relation.source, relation.target]);
      expect(back.getEdgeAttributes(key)).toEqual(expectedEdge(relation));
    }
    expect(JSON.parse(back.getAttribute('documents') as string)).toEqual(json.documents);
  });

  it.runIf(hasNetworkx || inCi)('is read by networkx with the same nodes, edges and typed values', () => {
    const read = readGraphmlWithNetworkx(path);
    expect(read.nodes).toEqual(json.entities.map((entity) => [entity.id, expectedNode(entity)]));
    // networkx lists edges grouped by source node.
    const byKey = (a: unknown[], b: unknown[]) => String(a[2]).localeCompare(String(b[2]));
    expect(read.edges.sort(byKey)).toEqual(
      json.relations
        .map((relation) => [relation.source, relation.target, `${relation.source}|${relation.type}|${relation.target}`, expectedEdge(relation)])
        .sort(byKey),
    );
    expect(JSON.parse(read.graph.documents as string)).toEqual(json.documents);
  });
});

describe('writeGraphml on names full of XML specials, emoji and control characters', () => {
  const json = readFixture('nasty-graph');
  const { xml, path } = written(json, 'nasty');
  const [obrien, ctrl, script] = json.entities as [Entity, Entity, Entity];
  const met = json.relations[0]!;

  /** Both readers must agree on this. */
  function checkRead(nodes: Map<string, Record<string, unknown>>, edges: Map<string, Record<string, unknown>>): void {
    expect(nodes.get(obrien.id)?.name).toBe(`O'Brien <&> "Q" 😀🇷🇺 \\back\\slash \`tick\` {brace}`);
    expect(nodes.get(obrien.id)?.label).toBe(obrien.name);
    // Inside JSON, line ends and control characters are escapes, so they survive.
    expect(JSON.parse(nodes.get(obrien.id)?.aliases as string)).toEqual(["O'Brien", 'line\nbreak', 'cr\r\nlf', 'tab\there']);
    expect(JSON.parse(nodes.get(ctrl.id)?.aliases as string)).toEqual(['\u0000nul']);
    // As plain text, characters XML 1.0 forbids are removed and CR LF becomes LF.
    expect(nodes.get(ctrl.id)?.name).toBe('CtrlLand');
    expect(nodes.get(script.id)?.name).toBe('</script><!-- summit');
    const edge = edges.get(`${obrien.id}|MET_WITH|${ctrl.id}`)!;
    expect(edge.place).toBe('Café "Zürich" & <Bar>');
    expect(edge.date).toBe('Sunday');
    expect(JSON.parse(edge.evidence as string)).toEqual(met.evidence);
  }

  it('writes XML that graphology-graphml reads back', () => {
    const back = parse(Graph.MultiDirectedGraph, xml);
    expect(back.order).toBe(3);
    expect(back.size).toBe(2);
    checkRead(new Map(back.mapNodes((key, attributes) => [key, attributes])), new Map(back.mapEdges((key, attributes) => [key, attributes])));
  });

  it.runIf(hasNetworkx || inCi)('writes XML that networkx reads back', () => {
    const read = readGraphmlWithNetworkx(path);
    checkRead(new Map(read.nodes), new Map(read.edges.map(([, , key, attributes]) => [key, attributes])));
  });

  it('contains no character XML 1.0 forbids', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });
});

describe('GraphML ids', () => {
  it('stay unique and non-empty when keys clash after cleaning or are empty', () => {
    const entity = (id: string): Entity => ({ id, type: 'Place', name: id || 'nameless', aliases: [], mentions: [] });
    const json: GraphJson = {
      documents: [],
      entities: [entity('place:a'), entity('place:a\u0001'), entity('\u0002'), entity('')],
      relations: [{ type: 'LOCATED_IN', source: 'place:a\u0001', target: '', properties: {}, confidence: 0.5, evidence: [] }],
    };
    const xml = writeGraphml(buildGraph(json));
    const ids = [...xml.matchAll(/<node id="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => id !== '')).toBe(true);
    const back = parse(Graph.MultiDirectedGraph, xml);
    const edge = back.edges()[0]!;
    expect(back.getNodeAttribute(back.source(edge), 'id')).toBe('place:a');
    expect(back.getNodeAttribute(back.target(edge), 'name')).toBe('nameless');
  });
});

it('an empty graph is still valid GraphML', () => {
  const back = parse(Graph.MultiDirectedGraph, writeGraphml(buildGraph({ documents: [], entities: [], relations: [] })));
  expect(back.order).toBe(0);
});
