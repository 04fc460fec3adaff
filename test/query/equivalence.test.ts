/**
 * Every file in cypher/queries/ gives the same rows in memory and in a real Neo4j, on the seed
 * article and the first Reuters stories: with its example parameters, and with parameters taken
 * from the extraction (so the comparison never rests on empty results alone).
 *
 * The test starts a Neo4j of its own (scripts/neo4j-local.mjs, a throwaway store on a free port):
 * the server of the global setup is wiped and reloaded by the test/store Neo4j tests in parallel with this file.
 * Without Java it falls back to NEO4J_URI when that server may be wiped; in CI it never skips.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j-local.mjs';
import { extract } from '../../src/extract.js';
import { buildGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import type { Clause } from '../../src/query/ast.js';
import { runQuery, type PlainValue, type QueryResult } from '../../src/query/index.js';
import { runNeo4jQuery } from '../../src/query/neo4j.js';
import { parseQuery } from '../../src/query/parser.js';
import { openDriver, type Neo4jConnection } from '../../src/store/connection.js';
import { loadGraph } from '../../src/store/load.js';
import type { GraphJson } from '../../src/types.js';
import { readDocuments } from '../../src/ingest/index.js';
import { readQueryFiles, ROOT, SEED, type QueryFile } from '../store/helpers.js';

const REUTERS = resolve(ROOT, '../shared/data/news/reuters.jsonl');
const REUTERS_STORIES = 20;
const inCi = process.env.CI === 'true';
const sharedUri = process.env.NEO4J_URI;
const sharedMayBeWiped = Boolean(sharedUri) && (process.env.KG_NEO4J_TEST_SERVER === sharedUri || process.env.KG_NEO4J_TEST_WIPE === '1');
const ownServer = canRunLocalNeo4j();
const queryFiles = readQueryFiles();

describe.skipIf(!ownServer && !sharedMayBeWiped && !inCi)('cypher/queries: in memory = Neo4j', { timeout: 600_000 }, () => {
  let dir: string | undefined;
  let connection: Neo4jConnection;
  let driver: Driver;
  let json: GraphJson;
  let graph: KnowledgeGraph;

  beforeAll(async () => {
    if (!ownServer && !sharedMayBeWiped) throw new Error('no Neo4j to compare with: install Java 17 + Maven, or set NEO4J_URI with KG_NEO4J_TEST_WIPE=1');
    if (ownServer) {
      dir = await mkdtemp(join(tmpdir(), 'kg-query-equivalence-'));
      const { uri } = await startLocalNeo4j({ port: await getPort(), dir, password: '' });
      connection = { uri, username: 'neo4j', password: '' };
    } else {
      connection = { uri: sharedUri!, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
    }
    driver = openDriver(connection);
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: connection.database });

    const reuters = join(dir ?? tmpdir(), 'reuters-sample.jsonl');
    const lines = (await readFile(REUTERS, 'utf8')).split('\n').slice(0, REUTERS_STORIES).join('\n');
    await writeFile(reuters, `${lines}\n`);
    json = (await extract(readDocuments([SEED, reuters]))).json;
    graph = buildGraph(json);
    await loadGraph(json, connection);
  }, 600_000);

  afterAll(async () => {
    await driver?.close();
    if (dir) {
      await stopLocalNeo4j({ dir });
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has a graph worth comparing', () => {
    expect(json.documents).toHaveLength(REUTERS_STORIES + 1);
    expect(json.relations.length).toBeGreaterThan(10);
  });

  const answered = new Set<string>();

  it.each(queryFiles.map((file) => [file.name, file] as const))('%s', async (_name, file) => {
    for (const parameters of parameterSets(file, json)) {
      const memory = runQuery(graph, file.text, parameters);
      const neo4j = await runNeo4jQuery(driver, file.text, parameters);
      expect(memory.columns, `columns with ${JSON.stringify(parameters)}`).toEqual(neo4j.columns);
      expect(comparable(memory, file.text), `rows with ${JSON.stringify(parameters)}`).toEqual(comparable(neo4j, file.text));
      if (memory.rows.length > 0) answered.add(file.name);
    }
  });

  it('prints the same table from kg query in memory and kg query --neo4j', async () => {
    const graphFile = join(dir ?? tmpdir(), 'graph.json');
    await writeFile(graphFile, JSON.stringify(json));
    const query = ['-f', 'cypher/queries/most-connected.cypher', '--param', 'limit=8'];
    const memory = await kg(['query', '--graph', graphFile, ...query], { NEO4J_URI: '' });
    const neo4j = await kg(['query', '--neo4j', ...query], { NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database ?? '' });
    expect(neo4j.stderr).toBe('');
    expect(memory.stdout).toMatch(/\(8 rows\)\n$/);
    expect(neo4j.stdout).toBe(memory.stdout);
  });

  it('stops a query past --timeout with one line on both backends', async () => {
    const graphFile = join(dir ?? tmpdir(), 'graph-timeout.json');
    await writeFile(graphFile, JSON.stringify(json));
    // Every ordered four nodes: far more than a second's work for either backend (ordered triples
    // no longer are for the in-memory engine).
    const query = ['--timeout', '1', '-e', 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND b.id < c.id AND c.id < d.id RETURN count(*) AS n'];
    const memory = await kgFailing(['query', '--graph', graphFile, ...query], { NEO4J_URI: '' });
    expect(memory.stderr).toBe('kg: query timed out after 1 s in MATCH (line 1, column 1): narrow the pattern, add a LIMIT, or give more time with --timeout SECONDS\n');
    const neo4j = await kgFailing(['query', '--neo4j', ...query], { NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database ?? '' });
    expect(neo4j.stderr).toBe('kg: Neo4j stopped the query at its transaction time-out of 1 s: narrow the pattern, add a LIMIT, or give more time with --timeout SECONDS\n');
  });

  // Corners of the subset the query files may not reach: the same rows on both backends.
  it.each(CORNER_CASES.map((query) => [query.replace(/\s+/g, ' ').slice(0, 80), query] as const))('corner: %s', async (_name, query) => {
    const memory = runQuery(graph, query);
    const neo4j = await runNeo4jQuery(driver, query);
    expect(memory.columns).toEqual(neo4j.columns);
    expect(comparable(memory, query)).toEqual(comparable(neo4j, query));
  });

  // Equal empty answers prove little; most questions must have an answer on this corpus.
  it('gets rows from most queries', () => {
    expect(answered.size, `answered: ${[...answered].join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(queryFiles.length * 0.7));
  });
});

const CORNER_CASES = [
  'MATCH (a:Entity)-[r]-(b:Entity) RETURN a.id, type(r), b.id',
  'MATCH (a:Entity)-[r]->(a) RETURN a.id, type(r)',
  'MATCH (a:Entity)-[*2]-(b:Entity) WHERE a.id < b.id RETURN count(*) AS trails',
  'MATCH (a:Entity)-[rs*1..2]->(b) RETURN a.id, [r IN rs | type(r)] AS types, b.id',
  'MATCH (e:Entity) OPTIONAL MATCH (e)-[:MET_WITH]-(o) RETURN e.id, count(o) AS met, collect(o.id)[0] IS NULL AS none',
  'MATCH (e:Entity) WITH e.type AS t, count(*) AS n WHERE n > 1 RETURN t, n ORDER BY n DESC, t',
  'MATCH (e:Entity) RETURN e.type, min(e.name) AS first, max(e.name) AS last, avg(size(e.aliases)) AS aliases, sum(size(e.name)) AS letters ORDER BY e.type',
  'MATCH (d:Document) RETURN d.id, d.title, d.date, d.url, d.source',
  'MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document) RETURN d.id, sum(m.count) AS mentions, count(e) AS entities',
  'MATCH (a)-[r]->(b) WHERE r.confidence >= 0.7 AND NOT type(r) IN ["MENTIONED_IN"] RETURN type(r), count(*)',
  "MATCH (e:Entity) WHERE e.name STARTS WITH 'A' OR e.name =~ '(?i).*union.*' OR e.name ENDS WITH 'ia' OR e.name CONTAINS ' of ' RETURN e.name",
  'MATCH (a:Person) WHERE NOT (a)-[:LEADER_OF]->() AND (a)--() RETURN count(a) AS people',
  'MATCH p = (a:Person)-[:LEADER_OF|WORKS_FOR]->(c) RETURN p',
  'MATCH (a:Entity)-[r]->(b) RETURN r ORDER BY r.confidence DESC, type(r), a.id, b.id LIMIT 5',
  "MATCH (a:Entity {type: 'Country'}) RETURN a, labels(a), keys(a) ORDER BY a.id LIMIT 3",
  'MATCH (a:Entity) RETURN DISTINCT a.type AS type ORDER BY type DESC SKIP 1 LIMIT 2',
  'MATCH (a:Entity), (b:Entity) WHERE a.name = b.name AND a.id < b.id RETURN a.id, b.id',
  'MATCH (a:Entity) RETURN a.name ORDER BY size(a.name) DESC, a.name LIMIT 3',
  "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n UNION ALL MATCH (d:Document) RETURN 'Document' AS t, count(d) AS n",
  'MATCH (a:Person), (b:Country) WITH a, b ORDER BY a.id, b.id LIMIT 6 MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN a.id, b.id, length(p) AS hops, count(p) AS paths',
  'UNWIND [1, null, 2] AS x RETURN x, x + 1 AS next, x IS NULL AS missing, toString(x) AS text',
  'RETURN 7 / 2 AS i, 7 % 3 AS m, 2 ^ 10 AS p, -3 AS neg, abs(-2.5) AS a, round(2.5) AS up, round(-2.5) AS down, toInteger("42") AS n, toFloat("1.5") AS f',
  'RETURN substring("hello", 1, 3) AS s, left("hello", 2) AS l, right("hello", 2) AS r, split("a,b,,c", ",") AS parts, replace("aXbX", "X", "-") AS x, reverse("abc") AS rev, trim("  x ") AS t, toUpper("a") AS u, toLower("B") AS d',
  'RETURN [x IN range(0, 10, 3) WHERE x > 0 | x * 2] AS xs, head([]) AS h, last([1, 2]) AS l, tail([1, 2, 3]) AS t, coalesce(null, 2) AS c, [1, 2, 3][1..] AS sl, [1, 2, 3][-1] AS neg',
  'RETURN null = null AS a, null <> 1 AS b, 1 IN [null] AS c, [1, null] = [1, null] AS d, null OR true AS e, null AND false AS f, NOT null AS g, true XOR null AS h',
  "RETURN 'a' + 1 AS s, [1] + [2] AS l, 1 + 2.5 AS f, CASE WHEN 1 < 2 THEN 'yes' END AS c, CASE 2 WHEN 1 THEN 'one' ELSE 'other' END AS d",
  // The planner: starts at a bound variable, an index, a label in the middle of a chain; DISTINCT
  // ends of variable-length hops reached breadth-first; trails; WHERE pieces tested early.
  'MATCH (e:Entity) MATCH (e)-[m:MENTIONED_IN]->(d:Document) RETURN e.type AS type, count(m) AS mentions, count(DISTINCT d) AS documents ORDER BY type',
  'MATCH (a)-[:LEADER_OF|WORKS_FOR]->(c:Country)<-[:LOCATED_IN|BASED_IN]-(p) RETURN a.id, c.id, p.id',
  'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name = b.name OR (b.type = "Country" AND a.type = "Person") RETURN a.id, type(r), b.id',
  'MATCH (a:Person)-[*1..3]-(b) RETURN a.id, count(DISTINCT b) AS reached',
  'MATCH (a:Entity)-[:LEADER_OF|WORKS_FOR|LOCATED_IN|BASED_IN|MET_WITH*0..3]-(b:Entity) RETURN DISTINCT a.id, b.id',
  'MATCH (a:Entity)<-[:LEADER_OF|WORKS_FOR|LOCATED_IN|BASED_IN|MET_WITH*1..2]-(b) RETURN DISTINCT a.id, b.id',
  'MATCH p = (a:Entity)-[:LEADER_OF|WORKS_FOR|LOCATED_IN|BASED_IN|MET_WITH*1..3]-(b) RETURN length(p) AS hops, count(*) AS trails',
  'MATCH (d:Document) WHERE (d)<-[:MENTIONED_IN]-(:Person) AND d.id <> "x" RETURN count(d) AS documents',
  // Counts read as degrees: optional and plain, directions, types, a far label, self-loops.
  'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) WITH e, count(r) AS relations RETURN e.id, relations',
  'MATCH (e:Entity) MATCH (e)<-[r:MET_WITH|LEADER_OF|LOCATED_IN]-() RETURN e.id, count(r) AS n',
  'MATCH (d:Document) OPTIONAL MATCH (d)<-[m:MENTIONED_IN]-(:Person) RETURN d.id, count(m) AS people',
  'MATCH (e) OPTIONAL MATCH (e)-[r]->() RETURN e.id, count(r) AS out',
];

/** The file's example parameters, plus the same keys filled from the extraction. */
function parameterSets(file: QueryFile, json: GraphJson): Array<Record<string, unknown>> {
  const keys = Object.keys(file.params);
  if (keys.length === 0) return [file.params];
  const degree = new Map<string, number>();
  for (const relation of json.relations) for (const id of [relation.source, relation.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const byDegree = [...json.entities].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const relation = json.relations.find((candidate) => candidate.type === 'MET_WITH') ?? json.relations[0]!;
  const name = (id: string) => json.entities.find((entity) => entity.id === id)!.name;
  const fromData: Record<string, unknown> = {
    name: byDegree[0]?.name,
    document: json.documents[1]?.id ?? json.documents[0]!.id,
    country: json.entities.find((entity) => entity.type === 'Country')?.name,
    from: name(relation.source),
    to: byDegree.find((entity) => entity.id !== relation.source && entity.id !== relation.target)?.name,
    source: name(relation.source),
    type: relation.type,
    target: name(relation.target),
    limit: 25,
  };
  const derived = Object.fromEntries(keys.map((key) => [key, fromData[key] ?? file.params[key]]));
  return [file.params, derived];
}

/**
 * Rows to compare: as a sorted multiset, and, when the query orders its rows by returned
 * columns, the sequence of those sort keys too (rows tied on every key may come in any order).
 */
function comparable(result: QueryResult, text: string): { rows: string[]; order?: string[] } {
  const canonical = (value: unknown): string => JSON.stringify(sortedKeys(value as PlainValue));
  const rows = result.rows.map(canonical).sort();
  const returnClause = parseQuery(text).parts[0]!.at(-1) as Extract<Clause, { kind: 'return' }>;
  const sortColumns = returnClause.projection.orderBy.map(({ expression }) => (expression.kind === 'variable' && result.columns.includes(expression.name) ? expression.name : expression.text));
  if (sortColumns.length === 0) return { rows };
  if (!sortColumns.every((column) => result.columns.includes(column))) return { rows, order: result.rows.map(canonical) };
  return { rows, order: result.rows.map((row) => canonical(sortColumns.map((column) => row[column]))) };
}

/** Keys sorted; fractions to 12 significant digits, as summing in another order changes the last bits. */
function sortedKeys(value: PlainValue): PlainValue {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys(value[key]!)]));
  return value;
}

const run = promisify(execFile);

async function kg(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['tsx', 'src/cli/index.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

/** A kg run that must fail: its stderr, once the exit code is checked. */
async function kgFailing(args: string[], env: Record<string, string>): Promise<{ stderr: string }> {
  try {
    await kg(args, env);
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    expect(failed.code).toBe(1);
    return { stderr: failed.stderr };
  }
  throw new Error(`kg ${args.join(' ')} should have failed`);
}
