import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { canRunLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j-local.mjs';
import type { GraphJson } from '../../src/types.js';
import { runCli } from './helpers.js';

/** A generated graph big enough that its load takes a while: people and their meetings (one per person at most, so no two share an edge). */
function generatedGraph(people: number, meetings: number): GraphJson {
  const document = 'generated';
  const entities = Array.from({ length: people }, (_, i) => ({
    id: `person:p${i}`,
    type: 'Person' as const,
    name: `Person ${i}`,
    aliases: [],
    mentions: [{ document, start: 0, end: 6, text: 'Person' }],
  }));
  const relations = Array.from({ length: meetings }, (_, k) => ({
    type: 'MET_WITH' as const,
    source: `person:p${k % people}`,
    target: `person:p${(k * 7919 + 1) % people}`,
    properties: {},
    confidence: 0.8,
    evidence: [{ document, start: 0, end: 6, text: `Meeting ${k}` }],
  })).filter((relation) => relation.source !== relation.target);
  return { documents: [{ id: document, source: 'test' }], entities, relations };
}

async function count(uri: string, cypher: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true, connectionTimeout: 2_000, maxTransactionRetryTime: 0 });
  try {
    const { records } = await driver.executeQuery(cypher);
    return records[0]!.get(0) as number;
  } catch {
    return -1;
  } finally {
    await driver.close();
  }
}

const PASSWORD = 'kg-test-password';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let dir: string | undefined;
afterAll(async () => {
  if (dir) {
    await stopLocalNeo4j({ dir });
    await rm(dir, { recursive: true, force: true });
  }
});

describe.runIf(canRunLocalNeo4j())('Neo4j failures, told straight', () => {
  it('a wrong password is one line; a server killed mid-load is noticed within 10 s, in one line naming what was written; the rerun completes it with no duplicate', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-neo4j-killed-'));
    const graph = generatedGraph(20_000, 4_000);
    const file = join(dir, 'graph.json');
    await writeFile(file, JSON.stringify(graph));
    const port = await getPort();
    const { pid, uri } = await startLocalNeo4j({ port, dir, password: PASSWORD });
    const env = { NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD };

    const refused = await runCli(['load', '--graph', file], { ...env, NEO4J_PASSWORD: 'wrong-password' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`kg: Neo4j at ${uri} refused the credentials of user "neo4j": check NEO4J_USERNAME and NEO4J_PASSWORD (or --username/--password).\n`);
    expect(await count(uri, 'MATCH (n) RETURN count(n)')).toBe(0);

    // Small batches: many transactions, so the kill falls in the middle of the load.
    const load = runCli(['load', '--graph', file, '--batch-size', '50', '--concurrency', '1'], env);
    while ((await count(uri, 'MATCH (e:Entity) RETURN count(e)')) < 1_000) await sleep(100);
    process.kill(pid, 'SIGKILL');
    const killed = Date.now();
    const run = await load;
    expect(Date.now() - killed).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^kg: lost Neo4j at ${uri} during the load, which is partial: written \\d+/20000 Person nodes[^.]*\\. ` +
          'Loading is idempotent: once the server is back, run the same load again to complete it\\.\\n$',
      ),
    );

    await startLocalNeo4j({ port, dir, password: PASSWORD });
    const rerun = await runCli(['load', '--graph', file], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await count(uri, 'MATCH (e:Entity) RETURN count(e)')).toBe(graph.entities.length);
    expect(await count(uri, 'MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    expect(await count(uri, 'MATCH ()-[r:MET_WITH]->() RETURN count(r)')).toBe(graph.relations.length);
  }, 300_000);
});
