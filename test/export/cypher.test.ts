import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { cypherLiteral, cypherName, cypherString } from '../../src/export/cypher-literal.js';
import { writeCypherScript } from '../../src/export/cypher-script.js';
import { buildGraph } from '../../src/graph/build.js';
import { tokenize } from '../../src/query/lexer.js';
import { ENTITY_TYPES, RELATION_TYPES, type GraphJson } from '../../src/types.js';
import { readFixture } from './helpers.js';

/** Read a literal back with the project's own Cypher lexer (a second, independent implementation of the escapes). */
function readString(literal: string): string {
  const [token, end] = tokenize(literal);
  expect(token?.kind).toBe('string');
  expect(end?.kind).toBe('end');
  return token!.value;
}

describe('cypherString', () => {
  const cases = [
    'plain',
    "O'Brien",
    'say "hi"',
    'back\\slash at the end\\',
    "\\'",
    'line\nbreak and cr\r\nlf and\ttab',
    'bell\u0007 nul\u0000 esc\u001b del\u007f',
    'separators \u2028 \u2029',
    'emoji 😀🇷🇺 and Zürich',
    '`tick` {brace} $param // not a comment /* nor this */ ;',
    '',
  ];
  for (const text of cases) {
    it(`reads back ${JSON.stringify(text)}`, () => expect(readString(cypherString(text))).toBe(text));
  }

  it('escapes exactly the dangerous characters and keeps the rest as written', () => {
    expect(cypherString(`a'b"c\\d\ne`)).toBe(`'a\\'b\\"c\\\\d\\ne'`);
    expect(cypherString('😀 Zürich')).toBe("'😀 Zürich'");
    expect(cypherString('\u0001')).toBe("'\\u0001'");
    expect(cypherString('\ud800x')).toBe("'\\ud800x'");
  });
});

describe('cypherLiteral and cypherName', () => {
  it('writes numbers, booleans, null, lists, maps and driver Integers', () => {
    expect(cypherLiteral({ a: 1, b: 0.75, c: true, d: null, e: ['x', 2], 'odd key': neo4j.int(7), skip: undefined })).toBe(
      "{a: 1, b: 0.75, c: true, d: null, e: ['x', 2], `odd key`: 7}",
    );
    expect(cypherLiteral(1e21)).toBe('1e21');
    expect(() => cypherLiteral(Number.NaN)).toThrow(/NaN/);
  });

  it('backticks names that are not plain identifiers, doubling backticks', () => {
    expect(cypherName('MET_WITH')).toBe('MET_WITH');
    expect(cypherName('a`b c')).toBe('`a``b c`');
    expect(cypherName('9lives')).toBe('`9lives`');
  });
});

describe('writeCypherScript', () => {
  it('starts with the schema, then MERGEs every entity, document, mention and relation', async () => {
    const json = readFixture('seed-graph');
    const script = await writeCypherScript(buildGraph(json));
    const statements = script.split(/;\n/).filter((statement) => statement.replace(/^\/\/.*$/gm, '').trim());
    expect(statements[0]).toContain('CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE');
    expect(script.indexOf('CREATE CONSTRAINT')).toBeLessThan(script.indexOf('UNWIND'));
    for (const entity of json.entities) expect(script).toContain(`{id: ${cypherString(entity.id)}, type: '${entity.type}'`);
    expect(script).toMatch(/MERGE \(s\)-\[r:MET_WITH\]->\(t\)/);
    expect(script).toContain("evidence: ['The two leaders met after the Asia-Pacific Economic Cooperation forum in Shanghai,");
    // Labels and types only from our vocabulary.
    const labels = [...script.matchAll(/SET e:(\w+)/g)].map((match) => match[1]);
    expect(labels.every((label) => (ENTITY_TYPES as readonly string[]).includes(label!))).toBe(true);
    const types = [...script.matchAll(/\[r:(\w+)\]/g)].map((match) => match[1]);
    expect(new Set(types)).toEqual(new Set(json.relations.map((relation) => relation.type)));
    expect(types.every((type) => (RELATION_TYPES as readonly string[]).includes(type!))).toBe(true);
    // No parameter is left unbound.
    expect(script).not.toMatch(/\$\w/);
  });

  it('writes hostile names as data: every string token reads back as the original value', async () => {
    const json = readFixture('nasty-graph');
    const script = await writeCypherScript(buildGraph(json));
    const strings = new Set(tokenize(script).filter((token) => token.kind === 'string').map((token) => token.value));
    for (const entity of json.entities) {
      expect(strings).toContain(entity.id);
      expect(strings).toContain(entity.name);
      for (const alias of entity.aliases) expect(strings).toContain(alias);
    }
    expect(strings).toContain(json.relations[0]!.evidence[0]!.text);
    expect(strings).toContain(json.documents[0]!.title);
  });

  it('splits big steps into batches', async () => {
    const json = readFixture('seed-graph');
    const script = await writeCypherScript(buildGraph(json), { batchSize: 4 });
    const countries = json.entities.filter((entity) => entity.type === 'Country').length;
    expect((script.match(/SET e:Country/g) ?? []).length).toBe(Math.ceil(countries / 4));
  });

  it('refuses a relation type outside the vocabulary instead of writing it into the script', async () => {
    const json = readFixture('seed-graph');
    const bad: GraphJson = { ...json, relations: [{ ...json.relations[0]!, type: 'MET_WITH]->(x) DETACH DELETE x //' as never }] };
    await expect(writeCypherScript(buildGraph(bad))).rejects.toThrow(/unknown type/);
  });
});
