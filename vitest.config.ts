import { defineConfig } from 'vitest/config';

/**
 * Integration tests: they need what a unit test may not, each named here with the reason, so a
 * unit run stays fast and self-contained (test/test-kinds.test.ts checks the unit side).
 */
export const INTEGRATION_TESTS = [
  // A Neo4j server (started by test/store/global-setup.ts when NEO4J_URI is unset).
  'test/store/import.test.ts',
  'test/store/killed.test.ts',
  'test/store/load.test.ts',
  'test/store/shards.test.ts',
  'test/store/start.test.ts',
  'test/store/unreachable.test.ts',
  'test/query/bundled-queries.test.ts',
  'test/query/cli.test.ts',
  'test/query/equivalence.test.ts',
  'test/cli/readme.test.ts',
  // Chromium.
  'test/view/view.test.ts',
  'test/view/corpus-view.test.ts',
  // The research corpora in ../shared/data.
  'test/cli/extract.test.ts',
  'test/cli/long-runs.test.ts',
  'test/pipeline/entities/tagger.test.ts',
  'test/eval/cli.test.ts',
  'test/eval/dev-gold.test.ts',
  'test/pipeline/coreference.test.ts',
  'test/pipeline/names.test.ts',
  'test/pipeline/news.test.ts',
  'test/pipeline/wire-hygiene.test.ts',
  'test/pipeline/relations/news.test.ts',
  'test/pipeline/relations/parses.test.ts',
  'test/syntax/parser.test.ts',
  'test/syntax/punctuation.test.ts',
  'test/syntax/tokenize.test.ts',
  // Other processes: the built CLI (dist/), networkx in Python, worker threads.
  'test/cli/parse.test.ts',
  'test/export/cli.test.ts',
  'test/export/gexf.test.ts',
  'test/export/graphml.test.ts',
  'test/parallel/extract-each.test.ts',
  'test/cli/faults.test.ts',
  'test/cli/snapshot.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION_TESTS,
          // Pure functions over plain data: the files share one module graph (the models and the
          // gazetteer load once), no fresh environment per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION_TESTS,
          // Starts a local Neo4j for the Neo4j tests when NEO4J_URI is unset (see the file).
          globalSetup: ['test/store/global-setup.ts'],
        },
      },
    ],
  },
});
