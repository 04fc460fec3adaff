import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers.js';

/** A port that was free a moment ago: nothing answers there. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('kg load without a server', () => {
  it('says how to start one, in one line, and exits non-zero', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const run = await runCli(['load', '--graph', join(FIXTURES, 'summit.json')], { NEO4J_URI: uri });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`kg: cannot reach Neo4j at ${uri}. Is the server running? Try \`npm run neo4j:start\`.\n`);
  });
});
