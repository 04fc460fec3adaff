import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { runKg, STACK_FRAME } from '../cli/run-kg.js';
import { readFixture } from './helpers.js';

const directory = mkdtempSync(join(tmpdir(), 'kg-export-cli-'));
const SEED_GRAPH = 'test/fixtures/export/seed-graph.json';
const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';

describe('kg export', () => {
  it('writes every format from a saved extraction', async () => {
    const seed = readFixture('seed-graph');
    for (const format of ['graphml', 'gexf', 'cypher', 'json']) {
      const output = join(directory, `seed.${format}`);
      const run = await runKg(['export', '--graph', SEED_GRAPH, '--format', format, '-o', output]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`wrote ${output}: ${seed.entities.length} entities, ${seed.relations.length} relations (${format})`);
    }
    expect(JSON.parse(readFileSync(join(directory, 'seed.json'), 'utf8'))).toEqual(seed);
    expect(readFileSync(join(directory, 'seed.cypher'), 'utf8')).toMatch(/^\/\/ kg-extract graph/);
  });

  it('extracts documents and exports them in one go', async () => {
    const output = join(directory, 'sample.graphml');
    const run = await runKg(['export', SAMPLE, '--format', 'graphml', '-o', output]);
    expect(run.code, run.stderr).toBe(0);
    const graph = parse(Graph.MultiDirectedGraph, readFileSync(output, 'utf8'));
    expect(graph.order).toBeGreaterThan(0);
    expect(graph.filterNodes((_node, attributes) => /Putin/.test(attributes.name as string))).not.toHaveLength(0);
  });

  it("takes the format from the output's extension, and asks for --format when it cannot tell", async () => {
    const output = join(directory, 'inferred.GEXF');
    const run = await runKg(['export', '--graph', SEED_GRAPH, '-o', output]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\(gexf\)\n$/);
    expect(readFileSync(output, 'utf8')).toMatch(/<gexf /);
    const unknown = await runKg(['export', '--graph', SEED_GRAPH, '-o', join(directory, 'graph.txt')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^kg: .*graph\.txt: cannot tell the format from the name; give --format graphml\|gexf\|cypher\|json\|neo4j-admin\n$/);
  });

  it('refuses an unknown format or a missing -o with one line and no stack trace', async () => {
    const unknown = await runKg(['export', '--graph', SEED_GRAPH, '--format', 'pdf', '-o', join(directory, 'x.pdf')]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/argument 'pdf' is invalid. Allowed choices are graphml, gexf, cypher, json/);
    const noOutput = await runKg(['export', '--graph', SEED_GRAPH, '--format', 'json']);
    expect(noOutput.code).not.toBe(0);
    expect(noOutput.stderr).toMatch(/required option '-o, --output <file>' not specified/);
  });

  it('leaves an existing file whole when writing fails, and says why', async () => {
    const bad = join(directory, 'bad.json');
    writeFileSync(bad, '{"documents": [], "entities": [{"id": "x", "type": "Alien", "name": "x", "aliases": [], "mentions": []}], "relations": []}');
    const output = join(directory, 'keep.cypher');
    writeFileSync(output, 'previous contents');
    const run = await runKg(['export', '--graph', bad, '--format', 'cypher', '-o', output]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('kg: entity x has unknown type "Alien" (known: Person, Country, Place, Organization, Treaty, Event)\n');
    expect(readFileSync(output, 'utf8')).toBe('previous contents');

    const nowhere = await runKg(['export', '--graph', SEED_GRAPH, '--format', 'json', '-o', join(directory, 'missing-folder', 'x.json')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/missing-folder\/x\.json: cannot write the output \(ENOENT: no such folder\)/);
    expect(nowhere.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
