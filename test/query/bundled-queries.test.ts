import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { buildGraph } from '../../src/graph/build.js';
import { readDocuments } from '../../src/ingest/index.js';
import { runQuery } from '../../src/query/index.js';
import { readQueryFiles, SEED } from '../store/helpers.js';

// A new user's first try: each bundled query, with the example parameters its file gives, on the
// bundled sample, answers something.
describe('cypher/queries on the bundled sample', () => {
  it('every example parameter set returns rows', async () => {
    const graph = buildGraph((await extract(readDocuments([SEED]), { workers: 1 })).json);
    const files = readQueryFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(runQuery(graph, file.text, file.params).rows.length, file.name).toBeGreaterThan(0);
  });
});
