/** `runQuery(graph, cypher, params)`: the read-only Cypher subset over the in-memory graph. */
import type { KnowledgeGraph } from '../graph/build.js';
import { executeQuery, type QueryResult } from './execute.js';
import { graphView } from './graph-view.js';
import { parseQuery } from './parser.js';
import type { Value } from './values.js';

export type { QueryResult } from './execute.js';
export { QueryError } from './errors.js';
export { parseQuery } from './parser.js';
export type { PlainValue } from './values.js';

/** Run a read-only Cypher query; throws `QueryError` (with line:column) for anything outside the subset. */
export function runQuery(graph: KnowledgeGraph, query: string, parameters: Record<string, unknown> = {}): QueryResult {
  return executeQuery(parseQuery(query), { view: graphView(graph), parameters: parameters as Record<string, Value> });
}
