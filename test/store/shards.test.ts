import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '../../src/types.js';
import { hasServer, query, resetDatabase, runCli, ROOT } from './helpers.js';

/** Every 250th Reuters story (read from ../shared/data, never copied). */
const REUTERS = join(ROOT, '../shared/data/news/reuters.jsonl');

let scratch: string;
let corpus: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-shards-'));
  corpus = join(scratch, 'corpus.jsonl');
  const lines = (await readFile(REUTERS, 'utf8')).split('\n').filter((line, i) => line && i % 250 === 0);
  await writeFile(corpus, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/**
 * The whole database as sorted plain rows: lists whose order depends on load order are compared as
 * sets. A relation's place, date and title are left out: where two shards state one fact with
 * different words ("Agriculture Minister", "Agricultural Minister"), the later load wins (kg load's
 * rule), and which load is later is up to the race.
 */
async function snapshot(): Promise<unknown[]> {
  const nodes = await query(`
    MATCH (n) RETURN labels(n) AS labels, n {.*, aliases: null} AS props, n.aliases AS aliases`);
  const relationships = await query(`
    MATCH (a)-[r]->(b)
    RETURN a.id AS source, type(r) AS type, b.id AS target, r {.*, evidence: null, evidenceDocuments: null, place: null, date: null, dateText: null, title: null} AS props,
           [i IN range(0, size(coalesce(r.evidence, [])) - 1) | r.evidenceDocuments[i] + ': ' + r.evidence[i]] AS evidence`);
  const rows = [
    ...nodes.map((row) => ({ ...row, labels: [...(row.labels as string[])].sort(), aliases: [...((row.aliases as string[] | null) ?? [])].sort() })),
    ...relationships.map((row) => ({ ...row, evidence: [...(row.evidence as string[])].sort() })),
  ];
  return rows.map((row) => JSON.stringify(row)).sort();
}

describe.skipIf(!hasServer)('kg extract --shard K/N: three machines, one Neo4j', { timeout: 300_000 }, () => {
  it('three shard processes extracting and loading at once build the graph one process builds from the same shards', async () => {
    const part = (k: number) => join(scratch, `part-${k}.jsonl`);
    const shards = [1, 2, 3];
    for (const k of shards) {
      const run = await runCli(['extract', corpus, '--shard', `${k}/3`, '--format', 'jsonl', '-o', part(k), '--workers', '1']);
      expect(run.code, run.stderr).toBe(0);
    }
    // The shards split the corpus: every document in exactly one of them, in turn.
    const ids = async (k: number) => (await readFile(part(k), 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as DocumentExtraction).document.id);
    const all = (await readFile(corpus, 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    for (const k of shards) expect(await ids(k)).toEqual(all.filter((_, i) => i % 3 === k - 1));

    await resetDatabase();
    const loads = await Promise.all(shards.map((k) => runCli(['load', '--graph', part(k)])));
    for (const load of loads) expect(load.code, load.stderr).toBe(0);
    const together = await snapshot();

    await resetDatabase();
    for (const k of shards) expect((await runCli(['load', '--graph', part(k)])).code).toBe(0);
    const oneByOne = await snapshot();
    expect(together.length).toBeGreaterThan(all.length);
    expect(together).toEqual(oneByOne);

    // No entity twice, whatever the interleaving: the unique constraint holds under concurrent MERGE.
    expect(await query('MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id')).toEqual([]);
  });
});
