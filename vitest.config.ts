import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts a local Neo4j for test/neo4j when NEO4J_URI is unset (see the file).
    globalSetup: ['test/neo4j/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
