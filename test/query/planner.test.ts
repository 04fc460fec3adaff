/**
 * The planner and the streaming executor: where patterns start, that work stays linear where it
 * should and stops early where it can, that variable-length walks never reuse a relationship, and
 * that limits stop a query with one line naming the clause. Work is counted in the guard's units
 * (relationships looked at, rows passed on), not timed.
 */
import { describe, expect, it } from 'vitest';
import { randomGraphJson } from '../../bench/query.js';
import { buildGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { checkQuery } from '../../src/query/check.js';
import { executeQuery } from '../../src/query/execute.js';
import { graphView } from '../../src/query/graph-view.js';
import { explainQuery, QueryLimitError, runQuery } from '../../src/query/index.js';
import { QueryGuard } from '../../src/query/limits.js';
import { parseQuery } from '../../src/query/parser.js';
import { patternExists } from '../../src/query/match.js';
import { planQuery } from '../../src/query/plan.js';
import { rows, summitGraph } from './helpers.js';

const summit = summitGraph();
const BUSH = 'George W. Bush';
const PUTIN = 'Vladimir Putin';

/** Rows and units of work of a query. */
function measured(graph: KnowledgeGraph, query: string, parameters: Record<string, unknown> = {}): { rows: number; work: number } {
  const view = graphView(graph);
  const plan = planQuery(checkQuery(parseQuery(query)), view);
  const guard = new QueryGuard({ timeoutSeconds: 600 });
  const result = executeQuery(plan, { view, parameters, guard, patterns: plan.patterns, patternExists });
  return { rows: result.rows.length, work: guard.work };
}

describe('where a pattern starts', () => {
  it('at an `id` or `name` given in the pattern or in WHERE, walking against the arrows when that end is cheaper', () => {
    expect(explainQuery(summit, "MATCH (p:Person)-[:LEADER_OF]->(c {id: 'country:russia'}) RETURN p")).toEqual(['MATCH (line 1)', '  start at c by id index (~1), 1 hop(s)']);
    expect(explainQuery(summit, 'MATCH (a:Entity)-[r]->(b:Entity) WHERE b.name = $name RETURN a')).toEqual(['MATCH (line 1)', '  start at b by name index (~2), 1 hop(s), 1 filter(s) on the way']);
    // The answer is the same whichever end the walk starts from.
    expect(rows(summit, "MATCH p = (a:Person)-[:LEADER_OF]->(c {id: 'country:russia'}) RETURN a.name, length(p)")).toEqual([[PUTIN, 1]]);
  });

  it('at a variable bound before, so a second MATCH expands instead of scanning again', () => {
    expect(explainQuery(summit, 'MATCH (e:Entity) MATCH (e)-[m:MENTIONED_IN]->() RETURN sum(m.count)')).toEqual([
      'MATCH (line 1)',
      '  start at e by label Entity (~11), 0 hop(s)',
      'MATCH (line 1)',
      '  start at e by bound (~1), 1 hop(s)',
    ]);
  });

  it('at the rarest label or relationship type, and orders the patterns of one MATCH by what they share', () => {
    expect(explainQuery(summit, 'MATCH (a)-[:MET_WITH]->(b) RETURN a')).toEqual(['MATCH (line 1)', '  start at a by relationship type MET_WITH (~2), 1 hop(s)']);
    expect(explainQuery(summit, 'MATCH (x:Entity)-[:SIGNED]->(t), (t:Treaty) RETURN x')).toEqual([
      'MATCH (line 1)',
      '  start at t by label Treaty (~1), 0 hop(s)',
      '  start at t by bound (~1), 1 hop(s)',
    ]);
  });

  it('does the work of one pass for MATCH (e:Entity) MATCH (e)-[m:MENTIONED_IN]->(), as one pattern does', () => {
    // Two graphs, one four times the other: the work grows four times, not sixteen.
    const small = buildGraph(randomGraphJson(500, 1));
    const large = buildGraph(randomGraphJson(2_000, 1));
    // sum(m.count) reads each relationship: a walk, not a degree.
    const twoClauses = 'MATCH (e:Entity) MATCH (e)-[m:MENTIONED_IN]->() RETURN sum(m.count) AS n';
    const onePattern = 'MATCH (e:Entity)-[m:MENTIONED_IN]->() RETURN sum(m.count) AS n';
    for (const graph of [small, large]) expect(rows(graph, twoClauses)).toEqual(rows(graph, onePattern));
    const growth = measured(large, twoClauses).work / measured(small, twoClauses).work;
    expect(growth).toBeGreaterThan(3);
    expect(growth).toBeLessThan(5);
    expect(measured(large, twoClauses).work).toBeLessThan(2 * measured(large, onePattern).work + 10_000);
  });
});

describe('streaming', () => {
  const graph = buildGraph(randomGraphJson(2_000, 3));

  it('stops a long variable-length walk at LIMIT', () => {
    const limited = measured(graph, 'MATCH p = (a)-[*1..10]-(b) RETURN length(p) AS hops LIMIT 5');
    expect(limited.rows).toBe(5);
    expect(limited.work).toBeLessThan(1_000);
  });

  it('stops a pattern predicate at its first match', () => {
    const exists = measured(graph, 'MATCH (d:Document) WHERE (d)<-[:MENTIONED_IN]-() RETURN count(d) AS n');
    const [[mentions]] = rows(graph, 'MATCH ()-[m:MENTIONED_IN]->() RETURN count(m)') as [[number]];
    // Looking at every mention of every document would take as many units as there are mentions.
    expect(exists.work).toBeLessThan(mentions / 2);
  });

  it('counts rows without holding them', () => {
    // Far more trails than the row budget, counted as they come.
    const [[trails]] = rows(graph, 'MATCH (a:Person)-[:MET_WITH*1..3]-(b) RETURN count(*) AS n') as [[number]];
    expect(trails).toBeGreaterThan(10_000);
    expect(runQuery(graph, 'MATCH (a:Person)-[:MET_WITH*1..3]-(b) RETURN count(*) AS n', {}, { maxRows: 1_000 }).rows).toEqual([{ n: trails }]);
    expect(() => runQuery(graph, 'MATCH (a:Person)-[:MET_WITH*1..3]-(b) RETURN b.id', {}, { maxRows: 1_000 })).toThrow(
      'query stopped in RETURN (line 1, column 39): it holds more than 1,000 rows (--max-rows N); add a LIMIT or aggregate',
    );
  });

  it('stops at the time-out with one line naming the clause', () => {
    let error: unknown;
    try {
      runQuery(graph, 'MATCH (a)\nOPTIONAL MATCH p = (a)-[*1..12]-(b) RETURN count(p)', {}, { timeoutSeconds: 0.2 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QueryLimitError);
    expect((error as Error).message).toBe('query timed out after 0.2 s in OPTIONAL MATCH (line 2, column 1): narrow the pattern, add a LIMIT, or give more time with --timeout SECONDS');
  });
});

describe('variable-length paths', () => {
  const TALKS = ':MET_WITH|PLANS_SUMMIT|INVITED';

  it('never take a relationship twice: trails over three parallel relationships', () => {
    // Bush and Putin are joined by MET_WITH, PLANS_SUMMIT and INVITED: 3 trails of one hop, and
    // 3·2·1 = 6 of three hops; a walk free to reuse relationships would find 3 + 27.
    expect(rows(summit, `MATCH (a {name: $a})-[${TALKS}*1..3]-(b {name: $b}) RETURN count(*)`, { a: BUSH, b: PUTIN })).toEqual([[9]]);
    // Back to Bush: there and back on two different relationships, 3·2 ways.
    expect(rows(summit, `MATCH (a {name: $a})-[${TALKS}*1..3]-(b {name: $a}) RETURN count(*)`, { a: BUSH })).toEqual([[6]]);
    // All ends: 3 trails of one hop; 3·3 of two (back to Bush, or on to Jiang Zemin's MET_WITH);
    // 3·2·1 of three (Jiang has no other relationship of these types).
    const paths = runQuery(summit, `MATCH p = (a {name: $a})-[${TALKS}*1..3]-(b) RETURN [r IN relationships(p) | startNode(r).id + type(r) + endNode(r).id] AS hops`, { a: BUSH }).rows;
    expect(paths).toHaveLength(18);
    for (const { hops } of paths) expect(new Set(hops as string[]).size).toBe((hops as string[]).length);
  });

  it('feeding DISTINCT, reach each end once, the start only through a cycle', () => {
    expect(explainQuery(summit, `MATCH (a {name: $a})-[${TALKS}*1..2]-(b) RETURN count(DISTINCT b)`)).toEqual(['MATCH (line 1)', '  start at a by name index (~2), 1 hop(s)']);
    // From Bush: Putin, Jiang Zemin, and Bush himself over two parallel relationships.
    expect(rows(summit, `MATCH (a {name: $a})-[${TALKS}*1..2]-(b) RETURN count(DISTINCT b)`, { a: BUSH })).toEqual([[3]]);
    expect(rows(summit, `MATCH (a {name: $a})-[${TALKS}*1]-(b) RETURN count(DISTINCT b)`, { a: BUSH })).toEqual([[1]]);
    // From Jiang Zemin, whose one relationship of these types cannot bring him back.
    expect(rows(summit, `MATCH (a {name: $a})-[${TALKS}*1..3]-(b) RETURN DISTINCT b.name AS name ORDER BY name`, { a: 'Jiang Zemin' })).toEqual([[BUSH], [PUTIN]]);
    expect(rows(summit, `MATCH (a {name: $a})-[:MET_WITH*1..4]-(b) RETURN DISTINCT b.name AS name ORDER BY name`, { a: BUSH })).toEqual([['Jiang Zemin'], [PUTIN]]);
  });

  it('give the same ends breadth-first (DISTINCT) as depth-first, on a random graph, every direction and bound', () => {
    const json = randomGraphJson(300, 7);
    const graph = buildGraph(json);
    const arrows = { out: ['-', '->'], in: ['<-', '-'], both: ['-', '-'] } as const;
    for (const entity of json.entities.slice(0, 25)) {
      for (const length of ['*1..3', '*0..2', '*1', '*..2']) {
        for (const [left, right] of Object.values(arrows)) {
          const pattern = `MATCH (a {id: $id})${left}[${length}]${right}(b)`;
          const distinct = rows(graph, `${pattern} RETURN DISTINCT b.id AS id ORDER BY id`, { id: entity.id });
          const everyTrail = rows(graph, `${pattern} RETURN b.id AS id ORDER BY id`, { id: entity.id });
          expect(distinct, `${pattern} from ${entity.id}`).toEqual([...new Set(everyTrail.map(String))].map((id) => [id]));
        }
      }
    }
  });
});

describe('counting relationships as a degree', () => {
  const graph = buildGraph(randomGraphJson(500, 5));
  const degree = (line: string) => ['MATCH (line 1)', '  start at e by label Entity (~500), 0 hop(s)', 'OPTIONAL MATCH (line 1)', line];

  it('reads the degree where the relationship is only counted, with the rows a walk would give', () => {
    const query = 'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) WITH e, count(r) AS n RETURN e.id AS id, n ORDER BY n DESC, id';
    expect(explainQuery(graph, query)).toEqual(degree('  count r as the degree of e'));
    // A relationship read anywhere but in count() keeps the walk: the same numbers, row by row.
    const walked = 'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) WITH e, sum(CASE WHEN r IS NULL THEN 0 ELSE 1 END) AS n RETURN e.id AS id, n ORDER BY n DESC, id';
    expect(explainQuery(graph, walked)[3]).toBe('  start at e by bound (~1), 1 hop(s)');
    expect(rows(graph, query)).toEqual(rows(graph, walked));
    // Far fewer units of work than one per relationship.
    expect(measured(graph, query).work).toBeLessThan(measured(graph, walked).work / 2);
  });

  it('keeps types, direction and the far label, and a plain MATCH drops the nodes with none', () => {
    for (const [pattern, optional] of [['(e)-[r:MENTIONED_IN]->(:Document)', 'OPTIONAL '], ['(e)<-[r:MET_WITH|LEADER_OF]-()', ''], ['(e)-[r]-(:Person)', '']] as const) {
      const query = `MATCH (e:Entity) ${optional}MATCH ${pattern} RETURN e.id AS id, count(r) AS n ORDER BY id`;
      const walked = `MATCH (e:Entity) ${optional}MATCH ${pattern} RETURN e.id AS id, size(collect(r)) AS n ORDER BY id`;
      expect(explainQuery(graph, query).at(-1)).toBe('  count r as the degree of e');
      expect(rows(graph, query), query).toEqual(rows(graph, walked));
    }
  });

  it('does not fire where a row per relationship matters', () => {
    const kept = [
      // The relationship is also returned or tested.
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) RETURN e.id, count(r), collect(type(r))',
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) WHERE r.confidence > 0.5 RETURN e.id, count(r)',
      // The far end has a property predicate, or a name.
      "MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity {type: 'Person'}) RETURN e.id, count(r)",
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(o:Entity) RETURN e.id, count(r)',
      // Another aggregate counts the rows themselves; DISTINCT; more than one hop.
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) RETURN e.id, count(r), count(*)',
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r]-(:Entity) RETURN e.id, count(DISTINCT r)',
      'MATCH (e:Entity) OPTIONAL MATCH (e)-[r*1..2]-(:Entity) RETURN e.id, count(r)',
    ];
    for (const query of kept) expect(explainQuery(graph, query).join('\n'), query).not.toContain('degree');
  });
});

describe('a union of index seeks for WHERE … OR …', () => {
  const FACTS = 'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name = $x OR b.name = $y RETURN a.name AS a, type(r) AS t, b.name AS b ORDER BY a, t, b';
  /** The same condition where the planner cannot split it: a scan. */
  const SCANNED = FACTS.replace('WHERE a.name = $x OR b.name = $y', 'WHERE CASE WHEN a.name = $x OR b.name = $y THEN true ELSE false END');

  it('starts at each side’s index, and gives each row once, as the scan does', () => {
    expect(explainQuery(summit, FACTS)).toEqual([
      'MATCH (line 1)',
      '  union of 2 index seeks:',
      '    start at a by name index (~2), 1 hop(s), 1 filter(s) on the way',
      '    start at b by name index (~2), 1 hop(s), 1 filter(s) on the way',
    ]);
    expect(explainQuery(summit, SCANNED).join('\n')).not.toContain('union');
    // Bush's relationships to Putin make both sides true: still one row each.
    for (const [x, y] of [[BUSH, PUTIN], [BUSH, BUSH], [PUTIN, 'nobody'], [null, BUSH]]) {
      const found = rows(summit, FACTS, { x, y });
      expect(found, `${x} / ${y}`).toEqual(rows(summit, SCANNED, { x, y }));
      if (x === BUSH && y === PUTIN) expect(found.filter(([a, , b]) => a === BUSH && b === PUTIN).length).toBeGreaterThan(0);
    }
    const graph = buildGraph(randomGraphJson(500, 9));
    const names = rows(graph, 'MATCH (e:Entity) RETURN e.name ORDER BY e.name LIMIT 3').map(([name]) => name);
    const withAnd = 'MATCH (a:Entity)-[r]-(b) WHERE (a.name = $x AND b.name <> $x) OR a.id = $id OR a.name = $x RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b';
    expect(explainQuery(graph, withAnd)[1]).toBe('  union of 3 index seeks:');
    const id = rows(graph, 'MATCH (e:Entity {name: $x}) RETURN e.id', { x: names[1] })[0]![0];
    expect(rows(graph, withAnd, { x: names[0], id })).toEqual(rows(graph, withAnd.replace('WHERE', 'WITH a, r, b WHERE'), { x: names[0], id }));
  });

  it('does not fire when a side gives no index seek', () => {
    expect(explainQuery(summit, "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name = $x OR b.type = 'Country' RETURN a").join('\n')).not.toContain('union');
    expect(explainQuery(summit, 'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name = $x OR a.name STARTS WITH $y RETURN a').join('\n')).not.toContain('union');
  });
});

describe('ORDER BY … LIMIT', () => {
  it('keeps the first rows of the full stable sort, ties in arrival order, holding only SKIP + LIMIT of them', () => {
    const graph = buildGraph(randomGraphJson(500, 11));
    const query = 'MATCH (e:Entity) RETURN e.type AS type, e.id AS id ORDER BY type DESC';
    const all = rows(graph, query);
    expect(new Set(all.map(([type]) => type)).size).toBeLessThan(all.length / 10);
    for (const [skip, limit] of [[0, 1], [0, 7], [3, 25], [0, all.length + 5]]) {
      expect(rows(graph, `${query} SKIP ${skip} LIMIT ${limit}`), `SKIP ${skip} LIMIT ${limit}`).toEqual(all.slice(skip, skip + limit));
    }
    // Far more rows than the budget go through; the heap holds 10.
    expect(runQuery(graph, `${query} LIMIT 10`, {}, { maxRows: 20 }).rows).toHaveLength(10);
  });
});
