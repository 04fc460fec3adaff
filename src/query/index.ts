/**
 * `runQuery(graph, cypher, params)`: the read-only Cypher subset over the in-memory graph, in four
 * phases: parse (parser.ts) → check (check.ts) → plan (plan.ts) → execute (execute.ts, match.ts).
 */
import type { KnowledgeGraph } from '../graph/build.js';
import { checkQuery } from './check.js';
import { executeQuery, type QueryResult } from './execute.js';
import { graphView } from './graph-view.js';
import { patternExists } from './match.js';
import { QueryGuard, type QueryLimits } from './limits.js';
import { parseQuery } from './parser.js';
import { describePlan, planQuery } from './plan.js';
import type { Value } from './values.js';

export type { QueryResult } from './execute.js';
export { QueryError } from './errors.js';
export { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS, QueryLimitError, type QueryLimits } from './limits.js';
export { parseQuery } from './parser.js';
export type { PlainValue } from './values.js';

/**
 * Run a read-only Cypher query; throws `QueryError` (with line:column) for anything outside the
 * subset, and `QueryLimitError` naming the clause when it runs past `limits`.
 */
export function runQuery(graph: KnowledgeGraph, query: string, parameters: Record<string, unknown> = {}, limits: QueryLimits = {}): QueryResult {
  const view = graphView(graph);
  const plan = planQuery(checkQuery(parseQuery(query)), view);
  return executeQuery(plan, { view, parameters: parameters as Record<string, Value>, guard: new QueryGuard(limits), patterns: plan.patterns, patternExists });
}

/** How `runQuery` would match each pattern: where it starts and how (one line per pattern). */
export function explainQuery(graph: KnowledgeGraph, query: string): string[] {
  return describePlan(planQuery(checkQuery(parseQuery(query)), graphView(graph)));
}
