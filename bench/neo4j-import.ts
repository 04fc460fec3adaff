/**
 * Bulk import speed: a graph written by `kg export --format neo4j-admin` and imported by Neo4j's
 * own importer (`npm run neo4j:import`'s code) into a throwaway store, timed as CSV writing and
 * import; relationships/s counts MENTIONED_IN and relations, as the `kg load` bench does.
 * Alone: `npx tsx bench/neo4j-import.ts [ENTITIES RELATIONS | FILE.json(l)]` (default: a generated
 * graph of 200,000 entities and 1,000,000 relations). Needs Java (tools/neo4j-local).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canRunLocalNeo4j, importIntoLocalNeo4j } from '../scripts/neo4j-local.mjs';
import { readGraphFile } from '../src/cli/inputs.js';
import { writeNeo4jAdminImport } from '../src/export/neo4j-admin.js';
import { buildGraph } from '../src/graph/build.js';
import type { GraphJson } from '../src/types.js';
import { generateGraph } from './neo4j-load.js';

export interface ImportRate {
  graph: string;
  nodes: number;
  relationships: number;
  csvSeconds: number;
  importSeconds: number;
  relationshipsPerSecond: number;
}

export { canRunLocalNeo4j };

export async function runImportBench(label: string, json: GraphJson): Promise<ImportRate> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-import-'));
  try {
    process.stderr.write(`bench: neo4j-admin import of ${label}…\n`);
    const started = performance.now();
    const { files, arguments: args } = writeNeo4jAdminImport(buildGraph(json));
    const folder = join(dir, 'csv');
    await mkdir(folder);
    for (const [name, text] of files) await writeFile(join(folder, name), text);
    await writeFile(join(folder, 'import-arguments.json'), JSON.stringify(args));
    const csvSeconds = (performance.now() - started) / 1000;
    const importStarted = performance.now();
    await importIntoLocalNeo4j(folder, { dir: join(dir, 'store') });
    const importSeconds = (performance.now() - importStarted) / 1000;
    const mentions = new Set(json.entities.flatMap((entity) => entity.mentions.map((mention) => `${entity.id}\u0000${mention.document}`))).size;
    const relationships = mentions + json.relations.length;
    return { graph: label, nodes: json.entities.length + json.documents.length, relationships, csvSeconds, importSeconds, relationshipsPerSecond: relationships / importSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  const rate =
    first && !/^\d+$/.test(first)
      ? await runImportBench(first, await readGraphFile(first))
      : await runImportBench(`generated ${first ?? 200_000} entities, ${second ?? 1_000_000} relations`, generateGraph(Number(first ?? 200_000), Number(second ?? 1_000_000)));
  process.stdout.write(`${JSON.stringify(rate)}\n`);
}
