import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/query/errors.js';
import { parseQuery } from '../../src/query/parser.js';

function errorOf(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${query}`);
}

describe('parseQuery', () => {
  it('reads patterns: variables, labels, types with |, directions, property maps, variable length', () => {
    const query = parseQuery("MATCH p = (a:Entity:Person {name: $name})-[r:MET_WITH|PLANS_SUMMIT*1..3]->(b)<-[:SIGNED]-(c)--(d) RETURN a");
    const match = query.parts[0]![0]!;
    expect(match.kind).toBe('match');
    if (match.kind !== 'match') return;
    const [part] = match.patterns;
    expect(part!.variable).toBe('p');
    expect(part!.nodes.map((node) => [node.variable, node.labels])).toEqual([
      ['a', ['Entity', 'Person']],
      ['b', []],
      ['c', []],
      ['d', []],
    ]);
    expect(part!.relationships.map((r) => [r.variable, r.types, r.direction, r.length])).toEqual([
      ['r', ['MET_WITH', 'PLANS_SUMMIT'], 'out', { min: 1, max: 3 }],
      [undefined, ['SIGNED'], 'in', undefined],
      [undefined, [], 'both', undefined],
    ]);
  });

  it('reads the length forms *, *2, *..4, *2..', () => {
    const lengths = ['*', '*2', '*..4', '*2..'].map((length) => {
      const clause = parseQuery(`MATCH (a)-[${length}]-(b) RETURN a`).parts[0]![0]!;
      return clause.kind === 'match' ? clause.patterns[0]!.relationships[0]!.length : undefined;
    });
    expect(lengths).toEqual([{ min: 1 }, { min: 2, max: 2 }, { min: 1, max: 4 }, { min: 2 }]);
  });

  it('names unaliased columns by their source text, aliased ones by the alias', () => {
    const clause = parseQuery('MATCH (a) RETURN a.name, count( * ) AS n, toLower(a.name)').parts[0]!.at(-1)!;
    expect(clause.kind === 'return' && clause.projection.items.map((item) => item.name)).toEqual(['a.name', 'n', 'toLower(a.name)']);
  });

  it('binds AND tighter than OR, and comparisons tighter than NOT', () => {
    const clause = parseQuery('MATCH (a) WHERE NOT a.x = 1 OR a.y = 2 AND a.z = 3 RETURN a').parts[0]![0]!;
    const where = clause.kind === 'match' ? clause.where : undefined;
    expect(where?.kind === 'binary' && where.operator).toBe('OR');
    expect(where?.kind === 'binary' && where.left.kind).toBe('not');
    expect(where?.kind === 'binary' && where.right.kind === 'binary' && where.right.operator).toBe('AND');
  });

  it('refuses every write clause by name, with its position', () => {
    for (const [query, word, column] of [
      ['CREATE (n) RETURN n', 'CREATE', 1],
      ['MATCH (n) SET n.x = 1 RETURN n', 'SET', 11],
      ['MATCH (n) DETACH DELETE n', 'DETACH', 11],
      ['MERGE (n:Person {id: 1}) RETURN n', 'MERGE', 1],
      ['MATCH (n) REMOVE n.x RETURN n', 'REMOVE', 11],
      ["LOAD CSV FROM 'x' AS line RETURN line", 'LOAD', 1],
    ] as const) {
      const error = errorOf(query);
      expect(error.message).toContain(`${word} is not supported: kg query is read-only`);
      expect(error.position).toEqual({ line: 1, column });
    }
  });

  it('refuses CALL and syntax outside the subset, naming it and its line:column', () => {
    expect(errorOf('CALL db.labels()').message).toBe('CALL is not supported by kg query (line 1, column 1)');
    expect(errorOf('MATCH (n:A|B) RETURN n').message).toContain('label expressions');
    expect(errorOf('MATCH (n) RETURN n {.name}').message).toContain('map projections');
    expect(errorOf('MATCH (n)\nRETURN [(n)-->(m) | m.name]').message).toBe(
      'not supported by kg query: pattern comprehensions ([(a)-->(b) | b.name]) (line 2, column 9)',
    );
    expect(errorOf('MATCH (n) WHERE COUNT { (n)-->() } > 1 RETURN n').message).toContain('COUNT { } subqueries');
  });

  it('takes any word as a name after AS, and refuses clause words as variables', () => {
    const clause = parseQuery('UNWIND [1] AS next RETURN next AS count').parts[0]!.at(-1)!;
    expect(clause.kind === 'return' && clause.projection.items.map((item) => item.name)).toEqual(['count']);
    expect(errorOf('MATCH (n) RETURN where').message).toBe("unexpected 'where' (line 1, column 18)");
  });

  it('reports bad syntax with line and column', () => {
    expect(errorOf('MATCH (n)\nRETURN n.name AS').message).toBe('unexpected end of query: expected a name after AS (line 2, column 17)');
    expect(errorOf("MATCH (n) WHERE n.name = 'open RETURN n").message).toBe('unterminated string (line 1, column 26)');
    expect(errorOf('MATCH (n)').message).toContain('the query must end with RETURN');
    expect(errorOf('RETURN 1 MATCH (n) RETURN n').message).toContain('RETURN must be the last clause');
    expect(errorOf('MATCH (a)<-[r]->(b) RETURN a').message).toContain('cannot point both ways');
  });
});
