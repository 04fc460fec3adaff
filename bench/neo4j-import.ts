/**
 * Bulk import against `kg load` on the same graph: the graph written by `kg export --format
 * neo4j-admin` and imported by Neo4j's own importer (`npm run neo4j:import`'s code) into a throwaway
 * store, timed as CSV writing and import; then, given a server, `kg load` (loadGraph with its
 * defaults) of the same graph into its emptied database. relationships/s counts MENTIONED_IN and
 * relations, as the `kg load` bench does.
 * Alone: `npx tsx bench/neo4j-import.ts [ENTITIES RELATIONS | FILE.json(l)]` (default: a generated
 * graph of 200,000 entities and 1,000,000 relations), against a throwaway local server of its own
 * (free port, temporary store). Needs Java (tools/neo4j-local).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canRunLocalNeo4j, freePort, importIntoLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../scripts/neo4j-local.mjs';
import { readGraphFile } from '../src/cli/inputs.js';
import { writeNeo4jAdminImport } from '../src/export/neo4j-admin.js';
import { buildGraph } from '../src/graph/build.js';
import { withNeo4j, type Neo4jConnection } from '../src/store/connection.js';
import { loadGraph } from '../src/store/load.js';
import type { GraphJson } from '../src/types.js';
import { generateGraph } from './neo4j-load.js';

export interface ImportRate {
  graph: string;
  nodes: number;
  relationships: number;
  csvSeconds: number;
  importSeconds: number;
  /** Relationships over import seconds (JVM start included, CSV writing not). */
  relationshipsPerSecond: number;
  /** `kg load` of the same graph into an empty database, when a server was given. */
  kgLoadSeconds?: number;
  kgLoadRelationshipsPerSecond?: number;
  /** One-minute load average at the start and at the end. */
  loadAverage: [number, number];
}

export { canRunLocalNeo4j };

async function writeCsv(json: GraphJson, folder: string): Promise<void> {
  const { files, arguments: args } = writeNeo4jAdminImport(buildGraph(json));
  await mkdir(folder);
  for (const [name, text] of files) await writeFile(join(folder, name), text);
  await writeFile(join(folder, 'import-arguments.json'), JSON.stringify(args));
}

async function emptyDatabase(connection: Neo4jConnection): Promise<void> {
  await withNeo4j(connection, async (session) => {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  });
}

export async function runImportBench(label: string, json: GraphJson, loadInto?: Neo4jConnection): Promise<ImportRate> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-import-'));
  const mentions = new Set(json.entities.flatMap((entity) => entity.mentions.map((mention) => `${entity.id}\u0000${mention.document}`))).size;
  const relationships = mentions + json.relations.length;
  const nodes = json.entities.length + json.documents.length;
  const loadAtStart = loadavg()[0]!;
  try {
    process.stderr.write(`bench: neo4j-admin import of ${label}…\n`);
    const started = performance.now();
    await writeCsv(json, join(dir, 'csv'));
    const csvSeconds = (performance.now() - started) / 1000;
    const importStarted = performance.now();
    await importIntoLocalNeo4j(join(dir, 'csv'), { dir: join(dir, 'store') });
    const importSeconds = (performance.now() - importStarted) / 1000;
    const rate: ImportRate = { graph: label, nodes, relationships, csvSeconds, importSeconds, relationshipsPerSecond: relationships / importSeconds, loadAverage: [loadAtStart, loadavg()[0]!] };
    if (!loadInto) return rate;
    process.stderr.write(`bench: kg load of ${label}…\n`);
    await emptyDatabase(loadInto);
    const { seconds } = await loadGraph(json, loadInto);
    return { ...rate, kgLoadSeconds: seconds, kgLoadRelationshipsPerSecond: relationships / seconds, loadAverage: [loadAtStart, loadavg()[0]!] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Work against a local server of its own (free port, temporary store, stopped afterwards), warmed
 * up by one untimed load: a fresh server's first load is about 4× slower while its JIT warms up.
 */
export async function withThrowawayServer<T>(work: (connection: Neo4jConnection) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-server-'));
  try {
    const { uri } = await startLocalNeo4j({ port: await freePort(), dir, password: '' });
    const connection: Neo4jConnection = { uri, username: 'neo4j', password: '' };
    process.stderr.write(`bench: throwaway Neo4j at ${uri}, warming up…\n`);
    await loadGraph(generateGraph(20_000, 100_000), connection);
    return await work(connection);
  } finally {
    await stopLocalNeo4j({ dir });
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  const rate = await withThrowawayServer(async (connection) =>
    first && !/^\d+$/.test(first)
      ? runImportBench(first, await readGraphFile(first), connection)
      : runImportBench(`generated ${first ?? 200_000} entities, ${second ?? 1_000_000} relations`, generateGraph(Number(first ?? 200_000), Number(second ?? 1_000_000)), connection),
  );
  process.stdout.write(`${JSON.stringify(rate)}\n`);
}
