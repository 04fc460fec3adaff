/**
 * `kg query` on a corpus graph (a saved `kg extract -o graph.json`, the Reuters corpus in the
 * README), in memory and in Neo4j: every file in cypher/queries/ with its example parameters, and
 * two path queries that must finish or stop at the time-out. Each query runs three times on each
 * backend; the median counts. Neo4j is used when a server answers (NEO4J_URI…) and holds this graph
 * (loaded here when the database is empty).
 * Alone: `npx tsx bench/corpus-queries.ts GRAPH.json`; `runCorpusQueryBench()` serves bench/index.ts.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { markdownTable } from 'markdown-table';
import { buildGraph } from '../src/graph/build.js';
import { graphView } from '../src/query/graph-view.js';
import { runQuery } from '../src/query/index.js';
import { runNeo4jQuery } from '../src/query/neo4j.js';
import { connectionFromEnv, openDriver, type Neo4jConnection } from '../src/store/connection.js';
import { loadGraph } from '../src/store/load.js';
import type { GraphJson } from '../src/types.js';
import { readQueryFiles } from '../test/store/helpers.js';

/** Seconds a query may run on either backend before it is stopped. */
const TIMEOUT_SECONDS = 60;
const RUNS = 3;

export interface CorpusQueryFigure {
  name: string;
  query: string;
  parameters: Record<string, unknown>;
  memory: Timing;
  neo4j?: Timing;
}

export interface Timing {
  /** Median wall-clock time of the runs, or the time until the error. */
  milliseconds: number;
  /** In memory: CPU time of that run (all threads, garbage collection included), steadier on a busy machine. */
  cpuMilliseconds?: number;
  rows?: number;
  /** The one line a stopped query prints. */
  error?: string;
}

export interface CorpusQueryBench {
  graph: string;
  entities: number;
  relations: number;
  documents: number;
  /** Reading the JSON and building the graph, then the query view (labels, adjacency, indexes). */
  loadMilliseconds: number;
  viewMilliseconds: number;
  neo4j?: string;
  figures: CorpusQueryFigure[];
}

/** The path queries of issue 14: a long walk stopped by LIMIT, and everything within 4 hops of Reagan. */
export const PATH_QUERIES = [
  { name: 'paths up to 10 hops, LIMIT 5', query: 'MATCH p = (a)-[*1..10]-(b) RETURN length(p) AS hops LIMIT 5', parameters: {} },
  {
    name: 'within 4 hops of Reagan (distinct)',
    query: 'MATCH (reagan:Entity {name: $name})-[*1..4]-(b) RETURN count(DISTINCT b) AS reached',
    parameters: { name: 'Ronald Reagan' },
  },
  {
    name: 'within 4 hops of Reagan (every trail)',
    query: 'MATCH (reagan:Entity {name: $name})-[*1..4]-(b) RETURN count(*) AS trails',
    parameters: { name: 'Ronald Reagan' },
  },
];

export async function runCorpusQueryBench(graphFile: string, connection: Neo4jConnection | undefined = connectionFromEnv()): Promise<CorpusQueryBench> {
  let started = performance.now();
  const json = JSON.parse(readFileSync(graphFile, 'utf8')) as GraphJson;
  const graph = buildGraph(json);
  const loadMilliseconds = performance.now() - started;
  started = performance.now();
  graphView(graph);
  const viewMilliseconds = performance.now() - started;

  const queries = [...readQueryFiles().map((file) => ({ name: `${file.name}.cypher`, query: file.text, parameters: file.params })), ...PATH_QUERIES];
  const figures: CorpusQueryFigure[] = queries.map(({ name, query, parameters }) => {
    process.stderr.write(`bench: ${name} in memory…\n`);
    return { name, query, parameters, memory: median(() => runQuery(graph, query, parameters, { timeoutSeconds: TIMEOUT_SECONDS })) };
  });

  const neo4j = connection && (await neo4jWithGraph(connection, json));
  if (neo4j && !neo4j.skipped) {
    const driver = openDriver(connection!);
    try {
      for (const figure of figures) {
        process.stderr.write(`bench: ${figure.name} in Neo4j…\n`);
        figure.neo4j = await medianAsync(() => runNeo4jQuery(driver, figure.query, figure.parameters, connection!.database, TIMEOUT_SECONDS));
      }
    } finally {
      await driver.close();
    }
  }
  return {
    graph: graphFile,
    entities: json.entities.length,
    relations: json.relations.length,
    documents: json.documents.length,
    loadMilliseconds,
    viewMilliseconds,
    neo4j: neo4j ? (neo4j.skipped ?? connection!.uri) : undefined,
    figures,
  };
}

/** The server holds this graph (same entity and document counts), or is empty and gets it loaded. */
async function neo4jWithGraph(connection: Neo4jConnection, json: GraphJson): Promise<{ skipped?: string } | undefined> {
  const driver = openDriver(connection);
  try {
    const count = async (label: string) => Number((await driver.executeQuery(`MATCH (n:${label}) RETURN count(n) AS n`, {}, { database: connection.database })).records[0]!.get('n'));
    let entities: number;
    try {
      entities = await count('Entity');
    } catch (error) {
      process.stderr.write(`bench: no Neo4j at ${connection.uri} (${(error as Error).message.split('\n')[0]}): the Neo4j column is left out\n`);
      return undefined;
    }
    const documents = await count('Document');
    if (entities === 0 && documents === 0) {
      process.stderr.write(`bench: loading the graph into ${connection.uri}…\n`);
      await loadGraph(json, connection);
      return {};
    }
    if (entities !== json.entities.length || documents !== json.documents.length) {
      const reason = `${connection.uri} holds another graph (${entities} entities, ${documents} documents)`;
      process.stderr.write(`bench: ${reason}: the Neo4j column is left out (empty the database, or load this graph)\n`);
      return { skipped: reason };
    }
    return {};
  } finally {
    await driver.close();
  }
}

function median(run: () => { rows: unknown[] }): Timing {
  const timings: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      const { rows } = run();
      const used = process.cpuUsage(cpu);
      timings.push({ milliseconds: performance.now() - started, cpuMilliseconds: (used.user + used.system) / 1000, rows: rows.length });
    } catch (error) {
      // A stopped query stops the same way every time: once is enough.
      return { milliseconds: performance.now() - started, error: (error as Error).message };
    }
  }
  return middle(timings);
}

async function medianAsync(run: () => Promise<{ rows: unknown[] }>): Promise<Timing> {
  const timings: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    try {
      const { rows } = await run();
      timings.push({ milliseconds: performance.now() - started, rows: rows.length });
    } catch (error) {
      return { milliseconds: performance.now() - started, error: (error as Error).message };
    }
  }
  return middle(timings);
}

function middle(timings: Timing[]): Timing {
  return [...timings].sort((a, b) => a.milliseconds - b.milliseconds)[Math.floor(timings.length / 2)]!;
}

export function corpusQueryTable(bench: CorpusQueryBench): string {
  const cell = (timing: Timing | undefined) => (!timing ? '–' : timing.error ? `stopped at ${(timing.milliseconds / 1000).toFixed(1)} s` : `${(timing.milliseconds / 1000).toFixed(3)}`);
  const ratio = (figure: CorpusQueryFigure) =>
    !figure.neo4j || figure.neo4j.error || figure.memory.error ? '–' : `${(figure.memory.milliseconds / figure.neo4j.milliseconds).toFixed(2)}`;
  const cpu = (timing: Timing) => (timing.cpuMilliseconds === undefined ? '–' : (timing.cpuMilliseconds / 1000).toFixed(3));
  const rows = bench.figures.map((figure) => [figure.name, cell(figure.memory), cpu(figure.memory), cell(figure.neo4j), ratio(figure), String(figure.memory.rows ?? figure.neo4j?.rows ?? '–')]);
  const stopped = bench.figures.flatMap((figure) => [figure.memory, figure.neo4j].filter((timing) => timing?.error).map((timing) => `- ${figure.name}: ${timing!.error}`));
  return (
    `## kg query on ${bench.graph}: ${bench.entities} entities, ${bench.relations} relations, ${bench.documents} documents\n\n` +
    `Graph read and built in ${(bench.loadMilliseconds / 1000).toFixed(1)} s, query view (labels, adjacency, indexes) in ${(bench.viewMilliseconds / 1000).toFixed(1)} s; ` +
    `median of ${RUNS} runs, seconds; Neo4j: ${bench.neo4j ?? 'no server'}.\n\n` +
    markdownTable([['query', 'in memory (s)', 'in memory, CPU (s)', 'Neo4j (s)', 'memory ÷ Neo4j', 'rows'], ...rows], { align: ['l', 'r', 'r', 'r', 'r', 'r'] }) +
    (stopped.length ? `\n\n${stopped.join('\n')}` : '') +
    '\n'
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx bench/corpus-queries.ts GRAPH.json (make one with kg extract CORPUS -o GRAPH.json)\n');
    process.exit(1);
  }
  process.stdout.write(corpusQueryTable(await runCorpusQueryBench(file)));
}
