import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeCypherScript } from '../../src/export/cypher-script.js';
import { extract } from '../../src/extract.js';
import { buildGraph } from '../../src/graph/build.js';
import { readDocuments } from '../../src/ingest/index.js';
import { loadGraph } from '../../src/store/load.js';
import type { Entity, GraphJson, Relation } from '../../src/types.js';
import { connection, counts, FIXTURES, hasServer, query, readQueryFiles, resetDatabase, runCli, SEED } from './helpers.js';

const readFixture = async (name: string) => JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as GraphJson;

// One file, run in order: the tests share the server's single database.
describe.skipIf(!hasServer)('kg load into Neo4j', { timeout: 240_000 }, () => {
  beforeEach(resetDatabase);

  it('loads the seed article and answers the generic queries on it', async () => {
    const { json } = await extract(readDocuments([SEED]));
    const run = await runCli(['load', SEED]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    // The summary on stderr, as extract's.
    expect(run.stderr).toMatch(/^loaded 1 document into \S+: nodes \d+ created, 0 updated; relationships \d+ created, 0 updated; \d+ batches in [\d.]+ s\n$/);

    const after = await counts();
    expect(after.documents).toBe(1);
    expect(after.entities).toBe(json.entities.length);
    const [mentioned] = await query('MATCH (:Entity)-[m:MENTIONED_IN]->(:Document {id: $id}) RETURN count(m) AS n', { id: 'cnn-2001-putin-bush-abm' });
    expect(mentioned.n).toBe(json.entities.filter((entity) => entity.mentions.length > 0).length);

    // Every query runs; the ones that need no extraction-specific names give rows.
    for (const file of readQueryFiles()) await query(file.text, file.params);
    const top = [...json.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
    const byName = (name: string) => readQueryFiles().find((file) => file.name === name)!.text;
    expect(await query(byName('most-connected'), { limit: 10 })).toHaveLength(Math.min(10, json.entities.length));
    expect(await query(byName('entity-documents'), { name: top.name })).toEqual([
      { document: 'cnn-2001-putin-bush-abm', title: null, mentions: top.mentions.length },
    ]);
    const facts = await query(byName('document-facts'), { document: 'cnn-2001-putin-bush-abm' });
    expect(facts).toHaveLength(new Set(json.relations.map((relation) => `${relation.source}|${relation.type}|${relation.target}`)).size);
  });

  it('answers every cypher/queries file with the exact rows of a known graph', async () => {
    const summit = await readFixture('summit.json');
    await loadGraph(summit, connection());
    const sentence = (type: string, target?: string) =>
      summit.relations.find((relation) => relation.type === type && (!target || relation.target === target))!.evidence[0].text;
    const name = (id: string) => summit.entities.find((entity) => entity.id === id)!.name;
    const putin = summit.entities.find((entity) => entity.name === 'Putin')!;
    const expected: Record<string, (rows: Record<string, unknown>[]) => void> = {
      'met-with': (rows) =>
        expect(rows).toEqual([{ who: 'Putin', met: 'George W. Bush', place: 'Shanghai', date: 'Sunday', evidence: [sentence('MET_WITH')] }]),
      'treaties-signed-by-country': (rows) =>
        expect(rows).toEqual([{ treaty: 'Anti-Ballistic Missile Treaty', date: '1972', evidence: [sentence('SIGNED')] }]),
      'planned-summits': (rows) =>
        expect(rows).toEqual([
          { party: 'George W. Bush', counterpart: 'Putin', place: 'Washington', date: 'mid-November', evidence: [sentence('PLANS_SUMMIT')] },
        ]),
      'entity-facts': (rows) => {
        expect(rows.map((row) => `${row.subject} ${row.relation} ${row.object}`)).toEqual([
          'George W. Bush INVITED Putin',
          'Putin LEADER_OF Russia',
          'Putin MET_WITH George W. Bush',
          'George W. Bush PLANS_SUMMIT Putin',
        ]);
        expect(rows[1]).toMatchObject({ title: 'President', evidence: [sentence('LEADER_OF', 'country:russia')] });
        expect(rows[0]).toMatchObject({ place: 'Crawford, Texas' });
      },
      'shortest-path': (rows) => {
        expect(rows).toHaveLength(1);
        const path = rows[0].path as { start: { properties: { name: string } }; segments: { relationship: { type: string } }[]; end: { properties: { name: string } } };
        expect(rows[0].hops).toBe(1);
        expect([path.start.properties.name, path.segments[0].relationship.type, path.end.properties.name]).toEqual([
          'George W. Bush',
          'WITHDRAWS_FROM',
          'Anti-Ballistic Missile Treaty',
        ]);
      },
      'most-connected': (rows) =>
        expect(rows.map((row) => [row.entity, row.relations, row.documents])).toEqual([
          ['George W. Bush', 6, 1],
          ['Putin', 4, 1],
          ['Anti-Ballistic Missile Treaty', 3, 1],
          ['Asia-Pacific Economic Cooperation forum', 2, 1],
          ['Shanghai', 2, 1],
          ['United States', 2, 1],
          ['China', 1, 1],
          ['Crawford', 1, 1],
          ['Russia', 1, 1],
          ['Soviet Union', 1, 1],
        ]),
      'document-facts': (rows) => {
        const all = summit.relations
          .map((relation) => [relation.type, name(relation.source), name(relation.target)])
          .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
        expect(rows.map((row) => [row.relation, row.subject, row.object])).toEqual(all);
      },
      offices: (rows) =>
        expect(rows).toEqual([
          { person: 'George W. Bush', title: 'President', of: 'United States', relation: 'LEADER_OF' },
          { person: 'Putin', title: 'President', of: 'Russia', relation: 'LEADER_OF' },
        ]),
      'relation-evidence': (rows) =>
        expect(rows).toEqual([
          {
            subject: 'Putin',
            relation: 'MET_WITH',
            object: 'George W. Bush',
            evidence: [sentence('MET_WITH')],
            documents: ['cnn-2001-putin-bush-abm'],
          },
        ]),
      'entity-documents': (rows) =>
        expect(rows).toEqual([
          { document: 'cnn-2001-putin-bush-abm', title: 'Putin opens door to further talks on ABM treaty', mentions: putin.mentions.length },
        ]),
    };
    const files = readQueryFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      expect(file.description, file.name).not.toMatch(/^params:/);
      expect(expected[file.name], `no expected rows for cypher/queries/${file.name}.cypher`).toBeDefined();
      expected[file.name](await query(file.text, file.params));
    }
  });

  it('loading twice leaves identical counts and no doubled evidence', async () => {
    const summit = await readFixture('summit.json');
    const first = await loadGraph(summit, connection(), { batchSize: 5 });
    const once = await counts();
    const second = await loadGraph(summit, connection(), { batchSize: 5 });
    expect(await counts()).toEqual(once);
    expect(once).toMatchObject({ entities: summit.entities.length, documents: 1 });
    expect(first.nodesCreated).toBe(summit.entities.length + 1);
    expect(second).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesUpdated: summit.entities.length + 1 });
    const [evidence] = await query('MATCH ()-[r]->(:Entity) RETURN max(size(r.evidence)) AS most');
    expect(evidence.most).toBe(1);
  });

  it('a later load adds new evidence after the stored one, keeps the best confidence and the cap', async () => {
    const people: Entity[] = ['a', 'b'].map((name) => ({ id: `person:${name}`, type: 'Person', name, aliases: [], mentions: [] }));
    const sentence = (document: string, text: string) => ({ document, start: 0, end: text.length, text });
    const met = (confidence: number, properties: Relation['properties'], evidence: Relation['evidence']): GraphJson => ({
      documents: [],
      entities: people,
      relations: [{ type: 'MET_WITH', source: 'person:a', target: 'person:b', properties, confidence, evidence }],
    });
    const stored = async () =>
      (await query('MATCH ()-[r:MET_WITH]->() RETURN properties(r) AS r')).map((row) => row.r as Record<string, unknown>);
    const options = { evidencePerRelation: 3 };

    await loadGraph(met(0.8, { place: 'Oslo' }, [sentence('d1', 'They met.')]), connection(), options);
    // The same sentence again from the same document, the same sentence from another one, and a new one.
    await loadGraph(met(0.5, { date: '2001' }, [sentence('d1', 'They met.'), sentence('d2', 'They met.'), sentence('d2', 'They talked.')]), connection(), options);
    expect(await stored()).toEqual([
      { place: 'Oslo', date: '2001', confidence: 0.8, evidence: ['They met.', 'They met.', 'They talked.'], evidenceDocuments: ['d1', 'd2', 'd2'] },
    ]);
    await loadGraph(met(0.9, { place: 'Bergen' }, [sentence('d3', 'They met again.')]), connection(), options);
    expect(await stored()).toEqual([
      { place: 'Bergen', date: '2001', confidence: 0.9, evidence: ['They met.', 'They met.', 'They talked.'], evidenceDocuments: ['d1', 'd2', 'd2'] },
    ]);
  });

  it('many sessions in one-row batches on a hub-heavy graph store the same graph as one session', async () => {
    // Every relation touches one of three hubs, in one-row batches: concurrent transactions contend
    // for the same nodes, and the driver retries the ones that deadlock.
    const entities: Entity[] = Array.from({ length: 150 }, (_, i) => ({
      id: `country:c${i}`,
      type: 'Country',
      name: `Country ${i}`,
      aliases: [],
      mentions: [{ document: `doc-${i % 3}`, start: 0, end: 1, text: 'C' }],
    }));
    const relations: Relation[] = entities.slice(3).flatMap((entity, i) => [
      { type: 'NEGOTIATES_WITH', source: entity.id, target: `country:c${i % 3}`, properties: {}, confidence: 0.7, evidence: [{ document: 'doc-0', start: 0, end: 1, text: `talks ${i}` }] },
      { type: 'SUPPORTS', source: `country:c${(i + 1) % 3}`, target: entity.id, properties: { date: '2001' }, confidence: 0.6, evidence: [] },
    ]);
    const graph: GraphJson = { documents: [], entities, relations };
    const snapshot = async () => ({
      counts: await counts(),
      relationships: await query('MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS properties ORDER BY s, type, t'),
    });
    await loadGraph(graph, connection(), { concurrency: 1 });
    const sequential = await snapshot();
    await resetDatabase();
    const summary = await loadGraph(graph, connection(), { batchSize: 1, concurrency: 6 });
    expect(summary.relationshipsCreated).toBe(relations.length + entities.length);
    expect(await snapshot()).toEqual(sequential);
    expect(sequential.counts).toMatchObject({ entities: 150, documents: 3, relationships: relations.length + entities.length });
  });

  it('the exported Cypher script builds the same graph as kg load', async () => {
    const summit = await readFixture('summit.json');
    const snapshot = async () => ({
      nodes: await query('MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id'),
      relationships: await query('MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS properties ORDER BY s, type, t'),
    });
    await loadGraph(summit, connection());
    const loaded = await snapshot();
    await resetDatabase();
    const script = await writeCypherScript(buildGraph(summit), { batchSize: 3 });
    for (const statement of script.split(/;\n/).filter((text) => text.replace(/^\/\/.*$/gm, '').trim())) await query(statement);
    expect(await snapshot()).toEqual(loaded);
    expect(loaded.relationships.length).toBeGreaterThan(summit.relations.length);
  });

  it('a second corpus merges into the first: one "United States"', async () => {
    await loadGraph(await readFixture('summit.json'), connection());
    await loadGraph(await readFixture('second-corpus.json'), connection());
    const rows = await query(
      `MATCH (e:Entity {name: 'United States'})
       OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document)
       RETURN e.id AS id, labels(e) AS labels, e.aliases AS aliases, count(d) AS documents`,
    );
    expect(rows).toEqual([{ id: 'country:united-states', labels: expect.arrayContaining(['Entity', 'Country']), aliases: ['U.S.'], documents: 2 }]);
    expect(await counts()).toMatchObject({ entities: 14, documents: 2 });
    const [washington] = await query("MATCH (e:Entity {id: 'place:washington'}) RETURN e.aliases AS aliases");
    expect(washington.aliases).toEqual(['WASHINGTON']);
    const [signed] = await query("MATCH (:Country {name: 'United States'})-[r:SIGNED|NEGOTIATES_WITH]->() RETURN collect(type(r)) AS types");
    expect([...(signed.types as string[])].sort()).toEqual(['NEGOTIATES_WITH', 'SIGNED']);
  });

  it('stores names with quotes, backticks, braces and Cypher keywords verbatim', async () => {
    const names = [
      `O'Brien "the Hammer"`,
      'Back`tick`) DETACH DELETE n //',
      '{name: $x} }) MATCH (n) DETACH DELETE n',
      'MERGE',
      "Robert'); DROP CONSTRAINT entity_id; //",
      'back\\slash \u00e9\u4e2d\u{1F600}',
    ];
    const entities: Entity[] = names.map((name, index) => ({ id: `person:odd-${index}-${name}`, type: 'Person', name, aliases: [name.toLowerCase()], mentions: [] }));
    const relations: Relation[] = [
      {
        type: 'MET_WITH',
        source: entities[0].id,
        target: entities[1].id,
        properties: { place: '`Hall` {A}' },
        confidence: 0.5,
        evidence: [{ document: 'doc "x"', start: 0, end: 3, text: `"}) RETURN 1 //'` }],
      },
    ];
    await loadGraph({ documents: [{ id: 'doc "x"', source: '`odd`' }], entities, relations }, connection());
    const rows = await query('MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases ORDER BY id');
    expect(rows).toEqual(
      entities.map((entity) => ({ id: entity.id, name: entity.name, aliases: entity.aliases })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const [met] = await query('MATCH ()-[r:MET_WITH]->() RETURN r.place AS place, r.evidence AS evidence, r.evidenceDocuments AS documents');
    expect(met).toEqual({ place: '`Hall` {A}', evidence: [`"}) RETURN 1 //'`], documents: ['doc "x"'] });
    const [constraint] = await query("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*) AS n");
    expect(constraint.n).toBe(1);
  });

  it('two kg load processes at once on overlapping data leave no duplicate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-concurrent-'));
    // Two corpora sharing half their entities and relations, in opposite order, small batches: many interleavings.
    const entity = (index: number): Entity => ({ id: `person:p${index}`, type: 'Person', name: `Person ${index}`, aliases: [], mentions: [{ document: `doc-${index % 7}`, start: 0, end: 1, text: 'P' }] });
    const relation = (index: number): Relation => ({
      type: index % 2 ? 'MET_WITH' : 'SUPPORTS',
      source: `person:p${index}`,
      target: `person:p${(index * 7 + 1) % 3000}`,
      properties: {},
      confidence: 0.5,
      evidence: [{ document: `doc-${index % 7}`, start: 0, end: 1, text: `sentence ${index}` }],
    });
    const corpus = (from: number, to: number, reverse: boolean): GraphJson => {
      const order = (length: number, start = 0) => {
        const indices = Array.from({ length }, (_, i) => start + i);
        return reverse ? indices.reverse() : indices;
      };
      return {
        documents: Array.from({ length: 7 }, (_, i) => ({ id: `doc-${i}`, source: 'generated' })),
        entities: order(3000).map(entity),
        relations: order(to - from, from).map(relation),
      };
    };
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await writeFile(a, JSON.stringify(corpus(0, 2000, false)));
    await writeFile(b, JSON.stringify(corpus(1000, 3000, true)));
    const runs = await Promise.all([runCli(['load', '--graph', a, '--batch-size', '100']), runCli(['load', '--graph', b, '--batch-size', '100'])]);
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^loaded \d+ documents? into [^\n]*\n$/) });
    const [duplicates] = await query('MATCH (e:Entity) WITH e.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(id) AS n');
    expect(duplicates.n).toBe(0);
    const [doubledEdges] = await query('MATCH (s)-[r]->(t) WITH s, t, type(r) AS type, count(r) AS copies WHERE copies > 1 RETURN count(*) AS n');
    expect(doubledEdges.n).toBe(0);
    expect(await counts()).toMatchObject({ entities: 3000, documents: 7 });
    const [relations] = await query('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    expect(relations.n).toBe(3000);
  });

  it('a failed batch is rolled back and reported; a rerun completes the load', async () => {
    const summit = await readFixture('summit.json');
    // A rule the data breaks: only one Place may have type "Place", so the second place's batch fails.
    await query('CREATE CONSTRAINT one_place FOR (p:Place) REQUIRE p.type IS UNIQUE');
    try {
      // One session: batches commit in plan order, so "before" and "after" the failure are well defined.
      await expect(loadGraph(summit, connection(), { batchSize: 1, concurrency: 1 })).rejects.toThrow(
        /batch \d+ \(1 Place nodes\) failed and was rolled back.*run the same load again/,
      );
      // Everything before the failed batch is stored; nothing of it or after it.
      expect(await query('MATCH (p:Place) RETURN p.name AS name')).toEqual([{ name: 'Shanghai' }]);
      expect(await counts()).toMatchObject({ documents: 0, relationships: 0 });
    } finally {
      await query('DROP CONSTRAINT one_place');
    }
    await loadGraph(summit, connection(), { batchSize: 1 });
    expect(await counts()).toMatchObject({ entities: summit.entities.length, documents: 1 });
  });
});
