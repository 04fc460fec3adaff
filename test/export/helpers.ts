import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import type { GraphJson } from '../../src/types.js';

export const FIXTURES = new URL('../fixtures/export/', import.meta.url);
export const inCi = process.env.CI === 'true';

export function readFixture(name: 'seed-graph' | 'nasty-graph'): GraphJson {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as GraphJson;
}

export function fixtureGraph(name: 'seed-graph' | 'nasty-graph'): KnowledgeGraph {
  return buildGraph(readFixture(name));
}

const PYTHON = '/usr/bin/python3';

/** Debian's python3-networkx, the reader from outside the JS world (`.ci/run` installs it). */
export const hasNetworkx = spawnSync(PYTHON, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
if (!hasNetworkx && inCi) throw new Error('python3-networkx is missing (CI=true: failing rather than skipping)');

export interface NetworkxGraph {
  graph: Record<string, unknown>;
  nodes: [string, Record<string, unknown>][];
  edges: [string, string, string, Record<string, unknown>][];
}

/** What networkx reads from a GraphML file, as JSON (it raises on undeclared keys, bad types or bad XML). */
export function readGraphmlWithNetworkx(path: string): NetworkxGraph {
  const script = `
import json, sys, networkx
g = networkx.read_graphml(sys.argv[1], force_multigraph=True)
json.dump({"graph": {k: v for k, v in g.graph.items() if not k.endswith("_default")},
           "nodes": [[n, d] for n, d in g.nodes(data=True)],
           "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]}, sys.stdout, ensure_ascii=False)
`;
  const result = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`networkx could not read ${path}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as NetworkxGraph;
}
