import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import type { GraphJson } from '../../src/types.js';
import { entity, hasRelation, newsArticle, relation } from './helpers.js';

/**
 * Real wire and BBC stories (read from ../shared/data/news, never copied). Each expectation was
 * checked by reading the story; the rules behind them name none of these people or places.
 */
async function graphOf(corpus: string, id: string): Promise<GraphJson> {
  const { text } = newsArticle(corpus, id);
  return (await extract([{ id, text, source: `${corpus}:${id}` }], { workers: 1 })).json;
}

describe('Reuters: West German President holds talks with Alfonsin (reuters-5697)', () => {
  it('finds the presidents, their countries and their meeting across a hard-wrapped line', async () => {
    const graph = await graphOf('reuters.jsonl', 'reuters-5697');
    const weizsaecker = entity(graph, 'Person', 'Richard von Weizsaecker');
    const alfonsin = entity(graph, 'Person', 'Raul Alfonsin');
    expect(alfonsin.aliases).toContain('Alfonsin');
    entity(graph, 'Person', 'Juan Carlos Pugliese');
    const argentina = entity(graph, 'Country', 'Argentina');
    entity(graph, 'Country', 'United States');
    relation(graph, 'MET_WITH', weizsaecker, alfonsin, true);
    expect(relation(graph, 'LEADER_OF', alfonsin, argentina).properties.title).toBe('President');
    expect(graph.relations.some((r) => r.type === 'LEADER_OF' && r.source === weizsaecker.id && /germany/.test(r.target))).toBe(true);
    expect(hasRelation(graph, 'MET_WITH', weizsaecker, argentina, true)).toBe(false);
  });
});

describe('Reuters: Shultz begins talks with Shevardnadze (reuters-16218)', () => {
  it('finds the ministers, the meeting and the spokesman', async () => {
    const graph = await graphOf('reuters.jsonl', 'reuters-16218');
    const shevardnadze = entity(graph, 'Person', 'Eduard Shevardnadze');
    const shultz = entity(graph, 'Person', /Shultz$/);
    relation(graph, 'MET_WITH', shevardnadze, shultz, true);
    const soviet = entity(graph, 'Country', 'Soviet Union');
    expect(relation(graph, 'WORKS_FOR', shevardnadze, soviet).properties.title).toBe('Foreign Minister');
    relation(graph, 'WORKS_FOR', entity(graph, 'Person', 'Charles Redman'), entity(graph, 'Organization', 'State Department'));
    for (const city of ['Moscow', 'Helsinki']) entity(graph, 'Place', city);
    expect(hasRelation(graph, 'MET_WITH', shevardnadze, soviet, true)).toBe(false);
  });
});

describe('BBC: Danish royals promote the Andersen bicentennial (bbc/entertainment/002.txt)', () => {
  it('finds the people, the places and the visit to New York', async () => {
    const graph = await graphOf('bbc_all.jsonl', 'bbc/entertainment/002.txt');
    for (const person of ['Jean-Michel Jarre', 'Harold Bloom', 'Helena Christensen', 'Harvey Keitel', 'Cathy Freeman']) entity(graph, 'Person', person);
    for (const place of ['Copenhagen', 'New York', 'Manhattan', 'Odense']) entity(graph, 'Place', place);
    entity(graph, 'Country', 'Denmark');
    const frederik = entity(graph, 'Person', /Frederik$/);
    const visit = relation(graph, 'VISITED', frederik, entity(graph, 'Place', 'New York'));
    expect(visit.properties.date).toBe('Monday');
  });
});

describe('BBC: Straw to attend Auschwitz service (bbc/politics/018.txt)', () => {
  it('finds the politicians, one node for the UK and the hall in London', async () => {
    const graph = await graphOf('bbc_all.jsonl', 'bbc/politics/018.txt');
    expect(entity(graph, 'Person', 'Jack Straw').aliases).toContain('Straw');
    entity(graph, 'Person', 'Michael Ancram');
    const uk = entity(graph, 'Country', 'United Kingdom');
    expect(uk.aliases).toEqual(expect.arrayContaining(['UK', 'Britain']));
    entity(graph, 'Country', 'Poland');
    expect(entity(graph, 'Organization', 'Conservative Party').aliases).toContain('Tories');
    relation(graph, 'LOCATED_IN', entity(graph, 'Place', 'Westminster Hall'), entity(graph, 'Place', 'London'));
  });
});

describe('Reuters: Versatile sells its Alberta-based division (reuters-185)', () => {
  it('reads "<Company>" wire names as names and "X-based" as where a company is based', async () => {
    const graph = await graphOf('reuters.jsonl', 'reuters-185');
    entity(graph, 'Organization', 'Versatile Corp');
    const division = entity(graph, 'Organization', 'Versatile Noble Cultivators Co');
    relation(graph, 'BASED_IN', division, entity(graph, 'Place', 'Alberta'));
    relation(graph, 'BASED_IN', entity(graph, 'Organization', 'Vicon Inc'), entity(graph, 'Place', 'Ontario'));
  });
});

describe("Reuters: American Nursery buys Heinl's Nursery (reuters-467)", () => {
  it('finds buyer and bought, and where the bought company is based', async () => {
    const graph = await graphOf('reuters.jsonl', 'reuters-467');
    entity(graph, 'Organization', 'American Nursery Products Inc');
    const heinl = entity(graph, 'Organization', "Heinl's Nursery Inc");
    relation(graph, 'BASED_IN', heinl, entity(graph, 'Place', 'Miami'));
  });
});
