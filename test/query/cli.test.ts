import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = 'test/fixtures/query/summit.json';

/** `kg query …` as a user runs it; NEO4J_URI is cleared so the in-memory engine answers. */
async function kg(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return kgWith({ NEO4J_URI: '' }, ...args);
}

async function kgWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, ...extraEnv };
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/index.ts', 'query', ...args], { cwd: root, env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('kg query', () => {
  it('prints an aligned table', async () => {
    const { stdout, code } = await kg('--graph', fixture, '-e', "MATCH (a)-[r:MET_WITH]->(b) RETURN a.name AS who, b.name AS met, r.place ORDER BY who");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'who            | met            | r.place',
        '---------------+----------------+---------',
        'George W. Bush | Vladimir Putin | Shanghai',
        'Jiang Zemin    | Vladimir Putin | null',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });

  it('reads the query from a file, takes --param as JSON or string, and writes CSV with quoting', async () => {
    const { stdout } = await kg('--graph', fixture, '-f', 'cypher/queries/relation-evidence.cypher', '--param', 'source=George W. Bush', '--param', 'type=MET_WITH', '--param', 'target=Vladimir Putin', '--format', 'csv');
    expect(stdout).toBe('subject,relation,object,evidence,documents\nGeorge W. Bush,MET_WITH,Vladimir Putin,"[""The two leaders met after the APEC forum in Shanghai.""]","[""cnn-2001""]"\n');
    const limited = await kg('--graph', fixture, '-e', 'MATCH (n:Person) RETURN n.name ORDER BY n.name LIMIT $n', '--param', 'n=1', '--format', 'json');
    expect(JSON.parse(limited.stdout)).toEqual([{ 'n.name': 'George W. Bush' }]);
  });

  it('refuses a write clause with a one-line error and a non-zero exit', async () => {
    const { stderr, code, stdout } = await kg('--graph', fixture, '-e', 'MATCH (n)\nDETACH DELETE n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('kg: DETACH is not supported: kg query is read-only (line 2, column 1)\n');
  });

  it('says what to do when Neo4j does not answer', async () => {
    const { stderr, code } = await kgWith({ NEO4J_URI: 'bolt://127.0.0.1:1' }, '--neo4j', '-e', 'RETURN 1');
    expect(code).toBe(1);
    expect(stderr).toBe('kg: cannot reach Neo4j at bolt://127.0.0.1:1. Is the server running? Try `npm run neo4j:start`.\n');
  });

  it('asks for a query when none is given', async () => {
    const { stderr, code } = await kg('--graph', fixture);
    expect(code).toBe(1);
    expect(stderr).toContain('no query: give -e');
  });
});
