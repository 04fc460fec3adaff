/**
 * The same query against Neo4j, with results converted to the plain rows the in-memory engine
 * returns: Integers become numbers, nodes / relationships / paths take the shapes in values.ts.
 */
import neo4j, { Neo4jError, type Driver, type Node, type Path, type Relationship } from 'neo4j-driver';
import type { QueryResult } from './execute.js';
import { DEFAULT_TIMEOUT_SECONDS, QueryLimitError } from './limits.js';
import { plainNode, plainPath, plainRelationship, type PlainNode, type PlainRelationship, type PlainValue } from './values.js';

/**
 * Run a query in a read transaction (Neo4j refuses writes there), with a transaction time-out
 * (default 60 s, as the in-memory engine's): past it the server stops the query.
 */
export async function runNeo4jQuery(driver: Driver, query: string, parameters: Record<string, unknown> = {}, database?: string, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS): Promise<QueryResult> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const { keys, records } = await session
      .executeRead(
        async (tx) => {
          const running = tx.run(query, toNeo4jParameters(parameters));
          return { keys: await running.keys(), records: (await running).records };
        },
        { timeout: Math.round(timeoutSeconds * 1000) },
      )
      .catch((error: unknown) => {
        if (error instanceof Neo4jError && /TransactionTimedOut/.test(error.code)) {
          throw new QueryLimitError(`Neo4j stopped the query at its transaction time-out of ${timeoutSeconds} s: narrow the pattern, add a LIMIT, or give more time with --timeout SECONDS`);
        }
        throw error;
      });
    const columns = keys.map(String);
    // Relationships name their end nodes by element id; fetch those nodes' `id` properties.
    const elementIds = new Set<string>();
    for (const record of records) for (const value of record.values()) collectEndpoints(value, elementIds);
    const ids = await nodeIds(session, [...elementIds]);
    const rows = records.map((record) => Object.fromEntries(columns.map((column) => [column, toPlain(record.get(column), ids)])));
    return { columns, rows };
  } finally {
    await session.close();
  }
}

async function nodeIds(session: ReturnType<Driver['session']>, elementIds: string[]): Promise<Map<string, PlainValue>> {
  if (elementIds.length === 0) return new Map();
  const result = await session.executeRead((tx) => tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS element, n.id AS id', { ids: elementIds }));
  return new Map(result.records.map((record) => [record.get('element') as string, (record.get('id') as string | null) ?? null]));
}

function collectEndpoints(value: unknown, into: Set<string>): void {
  if (neo4j.isRelationship(value as Relationship)) {
    const relationship = value as Relationship;
    into.add(relationship.startNodeElementId);
    into.add(relationship.endNodeElementId);
  } else if (neo4j.isPath(value as Path)) {
    for (const segment of (value as Path).segments) collectEndpoints(segment.relationship, into);
  } else if (Array.isArray(value)) {
    for (const item of value) collectEndpoints(item, into);
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) collectEndpoints(item, into);
  }
}

function toPlain(value: unknown, ids: Map<string, PlainValue>): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isNode(value as Node)) return node(value as Node, ids);
  if (neo4j.isRelationship(value as Relationship)) return relationship(value as Relationship, ids);
  if (neo4j.isPath(value as Path)) {
    const path = value as Path;
    const nodes = [path.start, ...path.segments.map((segment) => segment.end)].map((item) => node(item, ids));
    const relationships = path.segments.map((segment) => relationship(segment.relationship, ids));
    return plainPath(nodes, relationships);
  }
  if (Array.isArray(value)) return value.map((item) => toPlain(item, ids));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item, ids)]));
  // Temporal and spatial values print as Neo4j writes them.
  return String(value);
}

function node(value: Node, ids: Map<string, PlainValue>): PlainNode {
  return plainNode(value.labels, properties(value.properties, ids));
}

function relationship(value: Relationship, ids: Map<string, PlainValue>): PlainRelationship {
  return plainRelationship(value.type, ids.get(value.startNodeElementId) ?? null, ids.get(value.endNodeElementId) ?? null, properties(value.properties, ids));
}

function properties(record: Record<string, unknown>, ids: Map<string, PlainValue>): Record<string, PlainValue> {
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, toPlain(item, ids)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** JavaScript numbers reach Cypher as floats; whole numbers must be Integers (`LIMIT $n`). */
export function toNeo4jParameters(value: unknown): Record<string, unknown> {
  return convert(value) as Record<string, unknown>;
  function convert(item: unknown): unknown {
    if (typeof item === 'number' && Number.isInteger(item)) return neo4j.int(item);
    if (Array.isArray(item)) return item.map(convert);
    if (isPlainObject(item)) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, convert(inner)]));
    return item;
  }
}
