import { readFileSync } from 'node:fs';
import { buildGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { runQuery } from '../../src/query/index.js';
import type { GraphJson } from '../../src/types.js';

/** A hand-made graph of the CNN seed story and one Reuters line (test/fixtures/query/summit.json). */
export function summitGraph(): KnowledgeGraph {
  return buildGraph(JSON.parse(readFileSync(new URL('../fixtures/query/summit.json', import.meta.url), 'utf8')) as GraphJson);
}

/** Rows of a query as arrays in column order. */
export function rows(graph: KnowledgeGraph, query: string, parameters: Record<string, unknown> = {}): unknown[][] {
  const result = runQuery(graph, query, parameters);
  return result.rows.map((row) => result.columns.map((column) => row[column]));
}
