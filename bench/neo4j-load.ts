/**
 * Neo4j loading speed: a generated graph (20,000 entities, 100,000 relations by default) loaded by
 * `loadGraph` with its defaults (batches of 1,000 rows per transaction, two sessions), against the
 * same loader with one row per transaction (one MERGE per row) in one session, as a naive loader
 * does, and in as many sessions, on the same server in the same run. The one-per-row loads run on a
 * slice of the graph (rates, not totals, are compared), so the bench ends in minutes.
 *
 * Alone: `npx tsx bench/neo4j-load.ts` (server from NEO4J_URI…, default bolt://127.0.0.1:7687;
 * `npm run neo4j:start` gives one). From the bench runner: `runNeo4jBench()` when
 * `neo4jServerAnswers()`. Everything it writes has ids starting with `bench:` and is deleted
 * before and after, so it can share a database with real data.
 */
import { fileURLToPath } from 'node:url';
import { markdownTable } from 'markdown-table';
import { UserError } from '../src/errors.js';
import { connectionFromEnv, withNeo4j, type Neo4jConnection } from '../src/store/connection.js';
import { DEFAULT_CONCURRENCY, loadGraph } from '../src/store/load.js';
import { DEFAULT_BATCH_SIZE } from '../src/store/model.js';
import { ENTITY_TYPES, RELATION_TYPES, type GraphJson } from '../src/types.js';

export interface Neo4jBenchOptions {
  connection?: Neo4jConnection;
  entities?: number;
  relations?: number;
  /** Relations loaded one per transaction (with the entities they need). */
  perRowRelations?: number;
  batchSize?: number;
  /** Sessions for the batched load and the second one-per-row load. */
  concurrency?: number;
}

export interface LoadRate {
  method: string;
  rows: number;
  relationships: number;
  seconds: number;
  rowsPerSecond: number;
  relationshipsPerSecond: number;
}

export interface Neo4jBenchResult {
  uri: string;
  entities: number;
  relations: number;
  batched: LoadRate;
  /** One row per transaction, one session: the naive loader. */
  perRow: LoadRate;
  /** One row per transaction, as many sessions as batched. */
  perRowConcurrent: LoadRate;
  /** Batched rows/s ÷ naive one-per-row rows/s. */
  speedup: number;
  /** Batched rows/s ÷ one-per-row rows/s in as many sessions. */
  speedupSameSessions: number;
}

const DOCUMENTS = 100;
const MAX_WARM_UPS = 6;
/** Target offsets: distinct mod any entity count above 16,000, so (source, target) pairs never repeat. */
const TARGET_OFFSETS = [1, 3_998, 7_995, 11_992, 15_989];

/** A deterministic graph: entity i is mentioned once; relation i links i mod n to a fixed offset. */
export function generateGraph(entityCount: number, relationCount: number): GraphJson {
  if (relationCount > entityCount * TARGET_OFFSETS.length) throw new Error(`at most ${entityCount * TARGET_OFFSETS.length} relations for ${entityCount} entities`);
  // Each id is one string, reused wherever it is named, as JSON.parse of a saved extraction gives.
  const entityIds = Array.from({ length: entityCount }, (_, index) => `bench:entity-${index}`);
  const documentIds = Array.from({ length: DOCUMENTS }, (_, index) => `bench:doc-${index}`);
  const entityId = (index: number) => entityIds[index]!;
  const documentId = (index: number) => documentIds[index % DOCUMENTS]!;
  return {
    documents: Array.from({ length: Math.min(DOCUMENTS, entityCount) }, (_, i) => ({ id: documentId(i), source: 'generated', title: `Generated ${i}` })),
    entities: Array.from({ length: entityCount }, (_, i) => ({
      id: entityId(i),
      type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
      name: `Entity ${i}`,
      aliases: [`E${i}`],
      mentions: [{ document: documentId(i), start: 0, end: 6, text: 'Entity' }],
    })),
    relations: Array.from({ length: relationCount }, (_, i) => {
      const source = i % entityCount;
      const offset = TARGET_OFFSETS[Math.floor(i / entityCount)]!;
      return {
        type: RELATION_TYPES[i % RELATION_TYPES.length]!,
        source: entityId(source),
        target: entityId((source + offset) % entityCount),
        properties: { date: '2001' },
        confidence: 0.5,
        evidence: [{ document: documentId(source), start: 0, end: 20, text: `Generated sentence ${i}.` }],
      };
    }),
  };
}

/** The first relations of a graph and just the entities they touch. */
function slice(graph: GraphJson, relationCount: number): GraphJson {
  const relations = graph.relations.slice(0, relationCount);
  const needed = new Set(relations.flatMap((relation) => [relation.source, relation.target]));
  return { documents: graph.documents, entities: graph.entities.filter((entity) => needed.has(entity.id)), relations };
}

export async function neo4jServerAnswers(connection = connectionFromEnv()): Promise<boolean> {
  return withNeo4j(connection, async () => true).catch(() => false);
}

async function deleteBenchData(connection: Neo4jConnection): Promise<void> {
  await withNeo4j(connection, async (session) => {
    await session.run("MATCH (n) WHERE n.id STARTS WITH 'bench:' CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS");
  });
}

async function timeLoad(method: string, graph: GraphJson, connection: Neo4jConnection, batchSize: number, concurrency: number): Promise<LoadRate> {
  await deleteBenchData(connection);
  const mentions = graph.entities.reduce((sum, entity) => sum + entity.mentions.length, 0);
  const summary = await loadGraph(graph, connection, { batchSize, concurrency });
  const rows = graph.entities.length + graph.documents.length + mentions + graph.relations.length;
  const relationships = mentions + graph.relations.length;
  const stored = await withNeo4j(connection, async (session) => {
    const result = await session.run("MATCH (n:Entity)-[r]->() WHERE n.id STARTS WITH 'bench:' RETURN count(r) AS n");
    return result.records[0]!.get('n') as number;
  });
  if (stored !== relationships) throw new Error(`${method}: expected ${relationships} relationships, the server holds ${stored}`);
  return { method, rows, relationships, seconds: summary.seconds, rowsPerSecond: rows / summary.seconds, relationshipsPerSecond: relationships / summary.seconds };
}

/** Load the generated graph both ways, print a table, return the figures. */
export async function runNeo4jBench(options: Neo4jBenchOptions = {}): Promise<Neo4jBenchResult> {
  const connection = options.connection ?? connectionFromEnv();
  const entities = options.entities ?? 20_000;
  const relations = options.relations ?? 100_000;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const sessions = (count: number) => `${count} session${count === 1 ? '' : 's'}`;
  const graph = generateGraph(entities, relations);
  process.stderr.write(`bench: Neo4j at ${connection.uri}: ${entities} entities, ${relations} relations…\n`);
  try {
    // Whole loads until one takes about as long as the one before: a fresh server's JIT needs three
    // or four (the first is about 4× slower), and no method should pay for it or for query planning.
    for (let round = 1, previous = Infinity; round <= MAX_WARM_UPS; round++) {
      const { seconds } = await timeLoad('warm-up', graph, connection, batchSize, concurrency);
      process.stderr.write(`bench: warm-up ${round}: ${seconds.toFixed(1)} s\n`);
      if (seconds > previous * 0.85) break;
      previous = seconds;
    }
    const batched = await timeLoad(`UNWIND, ${batchSize} rows per transaction, ${sessions(concurrency)}`, graph, connection, batchSize, concurrency);
    const perRowSlice = slice(graph, options.perRowRelations ?? 1_000);
    // Untimed: the first small load after deleting a big one runs about 40% slower (the server is
    // still busy with the delete), which would flatter the batched figures.
    await timeLoad('settle', perRowSlice, connection, 1, 1);
    const perRow = await timeLoad(`one MERGE per transaction, ${sessions(1)}`, perRowSlice, connection, 1, 1);
    const perRowConcurrent = await timeLoad(`one MERGE per transaction, ${sessions(concurrency)}`, perRowSlice, connection, 1, concurrency);
    const speedup = batched.rowsPerSecond / perRow.rowsPerSecond;
    const speedupSameSessions = batched.rowsPerSecond / perRowConcurrent.rowsPerSecond;
    const result: Neo4jBenchResult = { uri: connection.uri, entities, relations, batched, perRow, perRowConcurrent, speedup, speedupSameSessions };
    process.stdout.write(
      `## Neo4j load: ${entities} entities, ${relations} relations (${connection.uri})\n\n` +
        markdownTable(
          [
            ['method', 'rows', 'relationships', 'seconds', 'rows/s', 'relationships/s'],
            ...[batched, perRow, perRowConcurrent].map((rate) => [
              rate.method,
              String(rate.rows),
              String(rate.relationships),
              rate.seconds.toFixed(1),
              rate.rowsPerSecond.toFixed(0),
              rate.relationshipsPerSecond.toFixed(0),
            ]),
          ],
          { align: ['l', 'r', 'r', 'r', 'r', 'r'] },
        ) +
        `\n\nbatched is ${speedup.toFixed(0)}× faster (rows/s) than one row per transaction in one session, ` +
        `${speedupSameSessions.toFixed(0)}× faster than one row per transaction in ${sessions(concurrency)}\n`,
    );
    return result;
  } finally {
    await deleteBenchData(connection);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await runNeo4jBench();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(1);
  }
}
