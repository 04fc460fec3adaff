import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunLocalNeo4j, importIntoLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j-local.mjs';
import { hasServer, query, readQueryFiles, resetDatabase, ROOT, runCli, SEED } from './helpers.js';

/** The seed article (the queries' example parameters name its people) and every 100th Reuters story. */
const REUTERS = join(ROOT, '../shared/data/news/reuters.jsonl');

let scratch: string;
let store: string | undefined;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-import-'));
});
afterAll(async () => {
  if (store) await stopLocalNeo4j({ dir: store });
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Rows of every cypher/queries file, each list of rows sorted (ties may come in any order). A path
 * is its ends and length: its internal ids differ between stores, and of several shortest paths
 * either store may return any.
 */
async function answers(run: (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>): Promise<Record<string, string[]>> {
  const plain = (_key: string, value: unknown): unknown =>
    value instanceof neo4j.types.Path ? { from: value.start.properties.id, to: value.end.properties.id, length: value.length } : value;
  const result: Record<string, string[]> = {};
  for (const file of readQueryFiles()) result[file.name] = (await run(file.text, file.params)).map((row) => JSON.stringify(row, plain)).sort();
  return result;
}

describe.skipIf(!hasServer || !canRunLocalNeo4j())('kg export --format neo4j-admin + npm run neo4j:import', { timeout: 300_000 }, () => {
  it('the bulk-imported store answers every cypher/queries file with the rows kg load gives', async () => {
    const corpus = join(scratch, 'corpus.jsonl');
    const stories = (await readFile(REUTERS, 'utf8')).split('\n').filter((line, i) => line && i % 100 === 0);
    const seed = JSON.stringify({ id: 'cnn-2001-putin-bush-abm', text: await readFile(SEED, 'utf8') });
    await writeFile(corpus, `${[seed, ...stories].join('\n')}\n`);
    const graph = join(scratch, 'graph.jsonl');
    expect((await runCli(['extract', corpus, '--format', 'jsonl', '-o', graph, '--workers', '2'])).code).toBe(0);

    await resetDatabase();
    const load = await runCli(['load', '--graph', graph]);
    expect(load.code, load.stderr).toBe(0);
    const loaded = await answers(query);

    const folder = join(scratch, 'import');
    const exported = await runCli(['export', '--graph', graph, '--format', 'neo4j-admin', '-o', folder]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/^neo4j-admin database import full neo4j --overwrite-destination=true --array-delimiter=U\+001F --multiline-fields=true --nodes=01-person-nodes\.csv .*--relationships=\d+-mentioned_in\.csv/m);
    expect(await readFile(join(folder, 'import.sh'), 'utf8')).toContain(exported.stderr.split('\n')[0]);
    const mentions = (await readFile(join(folder, '08-mentioned_in.csv'), 'utf8')).split('\n')[0];
    expect(mentions).toBe(':START_ID(Entity),:END_ID(Document),count:long,:TYPE');

    store = await mkdtemp(join(scratch, 'store-'));
    const summary = await importIntoLocalNeo4j(folder, { dir: store });
    expect(summary[0]).toMatch(/^IMPORT DONE in /);
    const { uri } = await startLocalNeo4j({ port: await getPort(), dir: store, password: '' });
    const driver = neo4j.driver(uri, { scheme: 'none', credentials: '' }, { disableLosslessIntegers: true });
    try {
      const imported = await answers(async (cypher, params) => {
        const integers = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));
        return (await driver.executeQuery(cypher, integers)).records.map((record) => record.toObject());
      });
      expect(Object.values(loaded).some((rows) => rows.length > 0)).toBe(true);
      for (const name of Object.keys(loaded)) expect(imported[name], name).toEqual(loaded[name]);
    } finally {
      await driver.close();
    }
  });
});
