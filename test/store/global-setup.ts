/**
 * Vitest global setup for the Neo4j tests: when NEO4J_URI is unset and Java is there, build and
 * start the repo's local server (tools/neo4j-local) on a free port with a throwaway store, point
 * NEO4J_URI at it, and stop it afterwards. In CI (CI=true) a missing server is an error: a
 * Neo4j test that skips there would pass without testing anything.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { canRunLocalNeo4j, freePort, startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j-local.mjs';

const inCi = process.env.CI === 'true';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!neo4jTestsSelected(project)) return;
  if (process.env.NEO4J_URI) {
    await mustAnswer(process.env.NEO4J_URI);
    return;
  }
  if (!canRunLocalNeo4j()) {
    const message = 'Neo4j tests: NEO4J_URI is unset and Java 17 + Maven are missing, so no server can be started';
    if (inCi) throw new Error(`${message} (CI=true: failing rather than skipping)`);
    console.warn(`${message}; they will be skipped.`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'kg-neo4j-test-'));
  const { uri } = await startLocalNeo4j({ port: await freePort(), dir, password: '' });
  process.env.NEO4J_URI = uri;
  delete process.env.NEO4J_PASSWORD;
  delete process.env.NEO4J_DATABASE;
  // The tests may wipe this server: it is ours.
  process.env.KG_NEO4J_TEST_SERVER = uri;
  return async () => {
    await stopLocalNeo4j({ dir });
    await rm(dir, { recursive: true, force: true });
  };
}

/** Skip the server when the run is filtered to files that are not Neo4j tests. */
function neo4jTestsSelected(project: TestProject): boolean {
  // Vitest keeps the CLI file filters here (no public accessor in 3.x).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters?.length) return true;
  const directory = resolve(project.config.root, 'test/store');
  const files = readdirSync(directory).filter((file) => file.endsWith('.test.ts')).map((file) => join(directory, file));
  return filters.some((filter) => files.some((file) => file.includes(filter.replace(/^\.\//, ''))));
}

async function mustAnswer(uri: string): Promise<void> {
  const password = process.env.NEO4J_PASSWORD;
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', password) : { scheme: 'none', credentials: '' });
  try {
    await driver.executeQuery('RETURN 1', {}, { database: process.env.NEO4J_DATABASE || undefined });
  } catch (error) {
    const message = `Neo4j tests: the server at NEO4J_URI=${uri} does not answer (${(error as Error).message.split('\n')[0]})`;
    if (inCi) throw new Error(message);
    console.warn(`${message}; the Neo4j tests will fail.`);
  } finally {
    await driver.close();
  }
}
