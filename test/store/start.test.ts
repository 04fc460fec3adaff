import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { describe, expect, it } from 'vitest';
import { canRunLocalNeo4j, startLocalNeo4j } from '../../scripts/neo4j-local.mjs';

describe.runIf(canRunLocalNeo4j())('npm run neo4j:start', () => {
  it("with a password Neo4j refuses, prints the server's first error as soon as it appears and stops the server", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-neo4j-refused-'));
    try {
      const started = Date.now();
      await expect(startLocalNeo4j({ port: await getPort(), dir, password: 'secret', timeoutMs: 150_000 })).rejects.toThrow(
        /^Neo4j failed to start: A password must be at least 8 characters\. \(log: .*neo4j\.log\)$/,
      );
      expect(Date.now() - started).toBeLessThan(120_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
