import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { connectionFromEnv, openDriver } from '../../src/store/connection.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/neo4j');
export const SEED = join(ROOT, 'data/sample/cnn-2001-putin-bush-abm.txt');
export const hasServer = Boolean(process.env.NEO4J_URI);

export const connection = () => connectionFromEnv();

/** Run Cypher and return plain row objects (integers as numbers). */
export async function query(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const c = connection();
  const driver = openDriver(c);
  try {
    const { records } = await driver.executeQuery(cypher, asCypherValues(params), { database: c.database });
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

/** Whole numbers as Cypher INTEGERs (as Neo4j Browser's `:param limit => 10` does), not FLOATs. */
function asCypherValues(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));
}

/**
 * Empty the database. Only on the server the test setup started, or when the user said the one
 * at NEO4J_URI may be wiped (KG_NEO4J_TEST_WIPE=1): these tests delete everything in it.
 */
export async function resetDatabase(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (process.env.KG_NEO4J_TEST_SERVER !== uri && process.env.KG_NEO4J_TEST_WIPE !== '1') {
    throw new Error(`the Neo4j tests delete all data at ${uri}: set KG_NEO4J_TEST_WIPE=1 to allow it, or unset NEO4J_URI to let them start their own server`);
  }
  await query('MATCH (n) DETACH DELETE n');
}

export async function counts(): Promise<{ nodes: number; relationships: number; entities: number; documents: number }> {
  const [row] = await query(`
    MATCH (n) WITH count(n) AS nodes
    OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships
    OPTIONAL MATCH (e:Entity) WITH nodes, relationships, count(e) AS entities
    OPTIONAL MATCH (d:Document) RETURN nodes, relationships, entities, count(d) AS documents`);
  return row as { nodes: number; relationships: number; entities: number; documents: number };
}

export interface QueryFile {
  name: string;
  description: string;
  params: Record<string, unknown>;
  text: string;
}

/** cypher/queries/*.cypher: a first comment line saying what it answers, then `// params: {...}`. */
export function readQueryFiles(): QueryFile[] {
  const directory = join(ROOT, 'cypher/queries');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(directory, file), 'utf8');
      const lines = text.split('\n');
      const params = lines.find((line) => line.startsWith('// params:'));
      return {
        name: basename(file, '.cypher'),
        description: lines[0].replace(/^\/\/\s*/, ''),
        params: params ? (JSON.parse(params.slice('// params:'.length)) as Record<string, unknown>) : {},
        text,
      };
    });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (`npm run build` first), as a user runs it. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const cli = join(ROOT, 'dist/cli/index.js');
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build` first');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}
