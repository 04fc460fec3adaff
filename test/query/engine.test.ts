import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/query/index.js';
import { rows, summitGraph } from './helpers.js';

const graph = summitGraph();
const BUSH = 'George W. Bush';
const PUTIN = 'Vladimir Putin';

describe('MATCH', () => {
  it('follows arrows one way, the other way, or either way', () => {
    expect(rows(graph, 'MATCH (a)-[:MET_WITH]->(b) RETURN a.name, b.name ORDER BY a.name')).toEqual([
      [BUSH, PUTIN],
      ['Jiang Zemin', PUTIN],
    ]);
    expect(rows(graph, 'MATCH (a)<-[:MET_WITH]-(b) RETURN a.name, b.name ORDER BY b.name')).toEqual([
      [PUTIN, BUSH],
      [PUTIN, 'Jiang Zemin'],
    ]);
    expect(rows(graph, "MATCH (a {name: 'Vladimir Putin'})-[:MET_WITH]-(b) RETURN b.name ORDER BY b.name")).toEqual([[BUSH], ['Jiang Zemin']]);
  });

  it('filters by labels (Entity included), relationship types with |, and property maps with parameters', () => {
    expect(rows(graph, 'MATCH (n:Entity:Treaty) RETURN n.id')).toEqual([['treaty:anti-ballistic-missile-treaty']]);
    expect(rows(graph, 'MATCH (:Person {name: $who})-[r:INVITED|PLANS_SUMMIT]->() RETURN type(r) AS t ORDER BY t', { who: BUSH })).toEqual([['INVITED'], ['PLANS_SUMMIT']]);
    expect(rows(graph, "MATCH ()-[r:SIGNED {date: '1972'}]->(t) RETURN count(r), t.name")).toEqual([[2, 'Anti-Ballistic Missile Treaty']]);
  });

  it('expands variable-length patterns within their bounds, never reusing a relationship', () => {
    const reach = (length: string) =>
      rows(graph, `MATCH (:Place {name: 'Shanghai'})-[:HELD_IN|MET_AT${length}]-(x:Person) RETURN DISTINCT x.name ORDER BY x.name`);
    expect(reach('*1')).toEqual([]);
    expect(reach('*2')).toEqual([[BUSH], [PUTIN]]);
    expect(rows(graph, "MATCH (a:Person {name: $n})-[rs:MET_WITH*1..3]-(b) RETURN b.name, size(rs) ORDER BY b.name", { n: 'Jiang Zemin' })).toEqual([
      [BUSH, 2],
      [PUTIN, 1],
    ]);
  });

  it('keeps relationships unique across the patterns of one MATCH', () => {
    expect(rows(graph, 'MATCH (a)-[:SIGNED]->(t), (b)-[:SIGNED]->(t) RETURN a.name, b.name ORDER BY a.name')).toEqual([
      ['Soviet Union', 'United States'],
      ['United States', 'Soviet Union'],
    ]);
  });

  it('binds a path variable in pattern order, even when matching starts from the other end', () => {
    const [[names, hops]] = rows(graph, "MATCH p = (a:Person)-[:LEADER_OF]->(c {id: 'country:russia'}) RETURN [n IN nodes(p) | n.name], length(p)") as [[string[], number]];
    expect(names).toEqual([PUTIN, 'Russia']);
    expect(hops).toBe(1);
  });

  it('OPTIONAL MATCH keeps the row with nulls when nothing matches', () => {
    expect(rows(graph, "MATCH (t:Treaty) OPTIONAL MATCH (t)-[r:HELD_IN]->(p) RETURN t.name, r, p.name")).toEqual([['Anti-Ballistic Missile Treaty', null, null]]);
  });

  it('finds shortest paths (one, or all of the shortest)', () => {
    const query = (fn: string) => `MATCH (a {name: $a}), (b {name: $b}) MATCH p = ${fn}((a)-[:SIGNED|WITHDRAWS_FROM|LEADER_OF*..5]-(b)) RETURN [n IN nodes(p) | n.name] AS names`;
    expect(rows(graph, query('shortestPath'), { a: PUTIN, b: 'Soviet Union' })).toEqual([]);
    expect(rows(graph, query('shortestPath'), { a: BUSH, b: 'Soviet Union' })).toEqual([[[BUSH, 'Anti-Ballistic Missile Treaty', 'Soviet Union']]]);
    expect(rows(graph, query('allShortestPaths'), { a: 'Russia', b: 'Soviet Union' })).toEqual([]);
  });

  it('models documents and MENTIONED_IN like the Neo4j loader', () => {
    expect(rows(graph, "MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document {id: 'cnn-2001'}) WHERE m.count > 1 RETURN e.name, m.count")).toEqual([[PUTIN, 2]]);
    expect(rows(graph, 'MATCH (d:Document) RETURN d.id, d.title ORDER BY d.id')).toEqual([
      ['cnn-2001', 'Putin and Bush'],
      ['reuters-1', null],
    ]);
    expect(rows(graph, "MATCH (a)-[r]->(b) WHERE 'reuters-1' IN r.evidenceDocuments RETURN type(r), r.evidence ORDER BY type(r)")).toEqual([
      ['LEADER_OF', ['Russian President Putin', 'Russian President Putin']],
      ['MET_WITH', ['Jiang met Putin.']],
    ]);
  });
});

describe('WHERE', () => {
  it('compares, combines with AND/OR/NOT/XOR, and tests strings, lists, regexes and labels', () => {
    const names = (where: string, parameters = {}) => rows(graph, `MATCH (n:Entity) WHERE ${where} RETURN n.name ORDER BY n.name`, parameters).flat();
    expect(names("n.name STARTS WITH 'Vlad' OR n.name ENDS WITH 'Zemin'")).toEqual(['Jiang Zemin', PUTIN]);
    expect(names("n.name CONTAINS 'Union' AND NOT n:Person")).toEqual(['Soviet Union']);
    expect(names("n:Person XOR n.name = 'Jiang Zemin'")).toEqual([BUSH, PUTIN]);
    expect(names('n.name IN $names', { names: ['Texas', 'Nowhere'] })).toEqual(['Texas']);
    expect(names("n.name =~ '(?i)s.*'")).toEqual(['Shanghai', 'Soviet Union']);
    expect(names("'U.S.' IN n.aliases")).toEqual(['United States']);
    expect(names("size(n.aliases) >= 2 AND n.type <> 'Country'")).toEqual([PUTIN]);
  });

  it('treats null as unknown: comparisons give null and the row is filtered out', () => {
    expect(rows(graph, "MATCH ()-[r:MET_WITH]->() WHERE r.place <> 'Shanghai' RETURN r.place")).toEqual([]);
    expect(rows(graph, "MATCH ()-[r:MET_WITH]->() WHERE r.place IS NULL RETURN r.confidence")).toEqual([[0.6]]);
    expect(rows(graph, 'RETURN null = null, null <> 1, 1 IN [null, 2], 2 IN [null, 2], NOT null, null OR true, null AND false')).toEqual([
      [null, null, null, true, null, true, false],
    ]);
  });

  it('takes pattern predicates over bound variables', () => {
    expect(rows(graph, 'MATCH (p:Person) WHERE NOT (p)-[:INVITED]->() AND (p)-[:MET_WITH]-() RETURN p.name ORDER BY p.name')).toEqual([['Jiang Zemin'], [PUTIN]]);
  });
});

describe('projection', () => {
  it('groups by the non-aggregated items, as Cypher does', () => {
    expect(rows(graph, 'MATCH (n:Entity) RETURN n.type AS type, count(*) AS n, collect(n.name)[0] AS first ORDER BY n DESC, type LIMIT 2')).toEqual([
      ['Country', 3, 'Russia'],
      ['Person', 3, PUTIN],
    ]);
    expect(rows(graph, 'MATCH ()-[r]->() WHERE r.confidence IS NOT NULL RETURN min(r.confidence), max(r.confidence), sum(r.count), avg(r.confidence) > 0.7')).toEqual([[0.6, 0.9, 0, true]]);
    expect(rows(graph, 'MATCH (n:Nothing) RETURN count(n), collect(n), max(n.x)')).toEqual([[0, [], null]]);
    expect(rows(graph, 'MATCH (n:Nothing) RETURN n.type, count(n)')).toEqual([]);
  });

  it('counts DISTINCT values and returns DISTINCT rows', () => {
    expect(rows(graph, 'MATCH (:Person)-[r]->() RETURN count(DISTINCT type(r)) AS types')).toEqual([[7]]);
    expect(rows(graph, "MATCH (a)-[:MET_AT]->(e) RETURN DISTINCT e.name")).toEqual([['APEC forum']]);
  });

  it('pipes through WITH, filters after it, and sorts by variables that are not returned', () => {
    expect(rows(graph, 'MATCH (p:Person)-[r]-() WITH p, count(r) AS degree WHERE degree > 5 RETURN p.name ORDER BY degree DESC, p.name')).toEqual([[PUTIN], [BUSH]]);
    expect(rows(graph, 'MATCH (n:Place) RETURN n.name ORDER BY n.id DESC SKIP 1 LIMIT $n', { n: 2 })).toEqual([['Shanghai'], ['Crawford']]);
    expect(rows(graph, 'MATCH (n:Country) WITH * RETURN n.name ORDER BY n.name LIMIT 1')).toEqual([['Russia']]);
    expect(runQuery(graph, 'MATCH (n:Nothing)-[r]->(m) RETURN *').columns).toEqual(['m', 'n', 'r']);
  });

  it('unwinds lists (and null to no rows)', () => {
    expect(rows(graph, 'UNWIND [3, 1, 2] AS x WITH x WHERE x > 1 RETURN x ORDER BY x')).toEqual([[2], [3]]);
    expect(rows(graph, 'UNWIND null AS x RETURN x')).toEqual([]);
    expect(rows(graph, "MATCH (n {name: 'United States'}) UNWIND n.aliases AS alias RETURN alias ORDER BY alias")).toEqual([['U.S.'], ['US']]);
  });

  it('unions parts, without duplicates unless UNION ALL', () => {
    expect(rows(graph, 'RETURN 1 AS x UNION RETURN 1 AS x')).toEqual([[1]]);
    expect(rows(graph, 'RETURN 1 AS x UNION ALL RETURN 1 AS x')).toEqual([[1], [1]]);
  });

  it('returns nodes, relationships and paths as plain JSON', () => {
    const result = runQuery(graph, "MATCH p = (a {id: 'place:crawford'})-[r]->(b) RETURN a, r, p");
    expect(result.columns).toEqual(['a', 'r', 'p']);
    const row = result.rows[0]!;
    expect(row.a).toEqual({ labels: ['Entity', 'Place'], properties: { aliases: [], id: 'place:crawford', name: 'Crawford', type: 'Place' } });
    expect(row.r).toEqual({
      type: 'LOCATED_IN',
      start: 'place:crawford',
      end: 'place:texas',
      properties: { confidence: 0.8, evidence: ['Crawford, Texas'], evidenceDocuments: ['cnn-2001'] },
    });
    expect(row.p).toEqual({ nodes: [row.a, expect.objectContaining({ properties: expect.objectContaining({ id: 'place:texas' }) })], relationships: [row.r] });
  });
});

describe('functions', () => {
  it('computes scalar functions', () => {
    expect(
      rows(
        graph,
        "MATCH (n {id: 'person:vladimir-putin'})-[r:LEADER_OF]->(c) RETURN size(n.aliases), labels(n), type(r), toLower(n.name), toUpper(c.name), size('abc'), coalesce(r.place, r.title), head(n.aliases), last([1, 2]), toString(12), toInteger('7'), range(1, 3), split('a,b', ','), substring('hello', 1, 3), trim('  x '), keys(c)",
      ),
    ).toEqual([[2, ['Entity', 'Person'], 'LEADER_OF', 'vladimir putin', 'RUSSIA', 3, 'President', 'Putin', 2, '12', 7, [1, 2, 3], ['a', 'b'], 'ell', 'x', ['id', 'name', 'type', 'aliases']]]);
  });

  it('evaluates arithmetic, list literals, indexes, slices, CASE and comprehensions', () => {
    expect(rows(graph, "RETURN 7 / 2, 7.5 / 2, 2 ^ 3, 7 % 3, 'a' + 1, [1, 2] + 3, [1, 2, 3][-1], [1, 2, 3][1..], CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END, [x IN range(1, 5) WHERE x % 2 = 1 | x * 10], any(x IN [1, 2] WHERE x > 1)")).toEqual([
      [3, 3.75, 8, 1, 'a1', [1, 2, 3], 3, [2, 3], 'y', [10, 30, 50], true],
    ]);
  });
});

describe('errors', () => {
  it('refuses undefined variables, unknown functions, missing parameters and misplaced aggregates before running', () => {
    expect(() => runQuery(graph, 'MATCH (n:Nothing) RETURN m')).toThrow('variable `m` is not defined (line 1, column 26)');
    expect(() => runQuery(graph, 'MATCH (n) RETURN apoc.text.join(n.aliases)')).toThrow('unknown function apoc.text.join() (line 1, column 18)');
    expect(() => runQuery(graph, 'MATCH (n) RETURN id(n)')).toThrow('id() is not supported by kg query: internal ids differ between backends; use n.id');
    expect(() => runQuery(graph, 'MATCH (n) WHERE count(n) > 1 RETURN n')).toThrow('count() is an aggregate: it may only be used in WITH or RETURN');
    expect(() => runQuery(graph, 'MATCH (n {name: $name}) RETURN n')).toThrow('missing parameter $name');
    expect(() => runQuery(graph, 'RETURN size(1)')).toThrow('size() expects a list or string, got a number (line 1, column 8)');
    expect(() => runQuery(graph, 'RETURN 1 AS a UNION RETURN 1 AS b')).toThrow('same column names');
    expect(() => runQuery(graph, 'RETURN 1 AS a, 2 AS a')).toThrow('`a` is named twice in RETURN; give each column its own name (line 1, column 16)');
  });
});
