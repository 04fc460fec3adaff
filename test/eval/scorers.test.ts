import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConll04 } from '../../src/eval/conll04.js';
import { parseConll2003, type AnnotatedDocument } from '../../src/eval/conll2003.js';
import { parseGoldFile, scoreGold, type GoldCase } from '../../src/eval/gold.js';
import { scoreNer } from '../../src/eval/ner.js';
import { scoreSpanRelations, type PredictedSpanRelation } from '../../src/eval/relations.js';
import type { LabeledSpan, Span } from '../../src/eval/spans.js';
import { UserError } from '../../src/errors.js';
import type { Entity, EntityType, Relation, RelationType } from '../../src/types.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/eval/${name}`, import.meta.url), 'utf8');

/** The span of the first occurrence of `text` in a document, as a prediction of `type`. */
function at(document: { text: string }, text: string, type = ''): LabeledSpan {
  const start = document.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the fixture`);
  return { start, end: start + text.length, type, text };
}

describe('scoreNer', () => {
  const [document, second] = parseConll2003(fixture('tiny.conll')) as [AnnotatedDocument, AnnotatedDocument];

  it('counts exact span and type matches per type and micro-averaged', () => {
    const predicted = [
      at(document, 'U.N.', 'ORG'), // right
      at(document, 'Ekeus', 'PER'), // right
      at(document, 'Ekeus', 'PER'), // the same prediction twice counts once
      at(document, 'Baghdad', 'ORG'), // right span, wrong type: an ORG false positive and a LOC false negative
      at(document, 'Helmut Kohl Kinkel', 'PER'), // wrong boundaries: one false positive, two false negatives
      at(document, 'German envoy', 'LOC'), // overlaps gold MISC: not counted
      at(document, 'Bonn', 'LOC'), // right
    ];
    const report = scoreNer([{ ...document, predicted }], { types: ['LOC', 'ORG', 'PER'] });
    expect(report.micro).toMatchObject({ tp: 3, fp: 2, fn: 3, precision: 0.6, recall: 0.5 });
    expect(report.micro.f1).toBeCloseTo(6 / 11, 10);
    expect(report.perType.PER).toMatchObject({ tp: 1, fp: 1, fn: 2, precision: 0.5 });
    expect(report.perType.PER!.recall).toBeCloseTo(1 / 3, 10);
    expect(report.perType.LOC).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(report.perType.ORG).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.errors).toEqual({
      falsePositives: [{ text: 'Helmut Kohl Kinkel', type: 'PER', count: 1 }],
      falseNegatives: [
        { text: 'Helmut Kohl', type: 'PER', count: 1 },
        { text: 'Kinkel', type: 'PER', count: 1 },
      ],
      wrongType: [{ text: 'Baghdad', gold: 'LOC', predicted: 'ORG', count: 1 }],
    });
  });

  it('scores nothing predicted as zero, ranks errors by frequency across documents and keeps the top N', () => {
    const report = scoreNer(
      [
        { ...document, predicted: [at(document, 'official', 'PER')] },
        { ...second, predicted: [at(second, 'works', 'PER'), at(second, 'Smith', 'PER')] },
        { ...second, predicted: [at(second, 'works', 'PER')] },
      ],
      { topErrors: 1 },
    );
    expect(report.documents).toBe(3);
    expect(report.micro).toMatchObject({ tp: 1, fp: 3, fn: 11, precision: 0.25 });
    expect(report.errors.falsePositives).toEqual([{ text: 'works', type: 'PER', count: 2 }]);
    expect(scoreNer([{ ...second, gold: [], predicted: [] }]).micro).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('scoreSpanRelations', () => {
  const [sentence] = parseConll04(fixture('tiny-conll04.json'));
  const mentions = (...texts: string[]): Span[] => texts.map((text) => at(sentence!, text));
  const relation = (type: string, source: string, target: string, sourceMentions = mentions(source)): PredictedSpanRelation => ({
    type,
    source,
    target,
    sourceMentions,
    targetMentions: mentions(target),
  });

  it('matches a prediction when any mention of each end overlaps the gold head and tail, each gold relation once', () => {
    const report = scoreSpanRelations(
      [
        {
          relations: sentence!.relations,
          predicted: [
            relation('Live_In', 'Smith', 'Ohio', mentions('who', 'Smith')), // a mention overlapping "John Smith"
            relation('Live_In', 'John', 'Ohio'), // the same gold relation again: a false positive
            relation('Work_For', 'Ohio', 'Acme Corp'), // the head does not overlap
          ],
        },
      ],
      { types: ['Kill', 'Live_In', 'Work_For'] },
    );
    expect(report.micro).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(report.perType).toMatchObject({
      Kill: { tp: 0, fp: 0, fn: 0, f1: 0 },
      Live_In: { tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 },
      Work_For: { tp: 0, fp: 1, fn: 1 },
    });
    expect(report.errors.falseNegatives).toEqual([{ type: 'Work_For', source: 'John Smith', target: 'Acme Corp', count: 1 }]);
  });
});

describe('gold files', () => {
  const gold = parseGoldFile(
    JSON.stringify({
      text: 'Bush met Putin in Shanghai. Putin met Bush. The APEC forum was held in Shanghai.',
      entities: [
        { type: 'Person', names: ['George W. Bush', 'Bush'] },
        { type: 'Person', names: ['Vladimir Putin', 'Putin'] },
        { type: 'Place', names: ['Shanghai'] },
        { type: ['Event', 'Organization'], names: ['APEC forum', 'APEC'] },
        { type: 'Country', names: ['China'], optional: true },
      ],
      relations: [
        { type: 'MET_WITH', source: 'Bush', target: 'Putin' },
        { type: 'MET_AT', source: ['Bush', 'Putin'], target: 'Shanghai' },
        { type: 'HELD_IN', source: 'APEC', target: 'Shanghai', place: 'Shanghai' },
        { type: 'LOCATED_IN', source: 'Shanghai', target: 'China', optional: true },
      ],
    }),
    'gold.json',
  );
  const entity = (id: string, type: EntityType, name: string, ...aliases: string[]): Entity => ({ id, type, name, aliases, mentions: [] });
  const relation = (type: RelationType, source: string, target: string, sentence?: string): Relation => ({
    type,
    source,
    target,
    properties: {},
    confidence: 1,
    evidence: sentence === undefined ? [] : [{ document: 'doc', start: 0, end: sentence.length, text: sentence }],
  });
  const score = (entities: Entity[], relations: Relation[] = []) => scoreGold([{ id: 'doc', gold, predicted: { entities, relations } } satisfies GoldCase]);
  const facts = (errors: { type: string; source: string; target: string; reason?: string }[]): string[] =>
    errors.map((r) => `${r.type}(${r.source}, ${r.target})${r.reason ? ` ${r.reason}` : ''}`);
  const people = [entity('p:bush', 'Person', 'George W. Bush'), entity('p:putin', 'Person', 'Putin'), entity('pl:shanghai', 'Place', 'Shanghai')];

  it('matches entities by type (any listed one) and any name, ignoring case, and counts a second match as a duplicate', () => {
    const report = score([
      entity('p:bush', 'Person', 'Bush'),
      entity('p:george', 'Person', 'george w. bush'), // the same gold person again
      entity('o:putin', 'Organization', 'Putin'), // wrong type
      entity('pl:shanghai', 'Place', 'SHANGHAI'),
      entity('o:apec', 'Organization', 'Asia-Pacific forum', 'APEC'), // one of the accepted types, by alias
    ]);
    expect(report.entities.micro).toMatchObject({ tp: 3, fp: 2, fn: 1, precision: 0.6, recall: 0.75 });
    expect(report.entities.perType).toMatchObject({ Person: { tp: 1, fp: 1, fn: 1 }, Organization: { tp: 1, fp: 1 } });
    expect(report.entities.falsePositives.map((e) => `${e.name}: ${e.reason}`)).toEqual(['george w. bush: duplicate', 'Putin: unmatched']);
    expect(report.entities.falseNegatives).toEqual([{ type: 'Person', name: 'Vladimir Putin', document: 'doc' }]);
  });

  it('neither rewards nor punishes an optional entity, but a duplicate of it is an error', () => {
    const found = score([...people, entity('c:china', 'Country', 'China')]).entities;
    const missed = score(people).entities;
    expect(found.micro).toMatchObject({ tp: 3, fp: 0, fn: 1 });
    expect(missed.micro).toMatchObject({ tp: 3, fp: 0, fn: 1 });
    expect([found.optionalMatches, missed.optionalMatches]).toEqual([1, 0]);
    const twice = score([...people, entity('c:china', 'Country', 'China'), entity('c:prc', 'Country', 'PRC', 'China')]).entities;
    expect(twice.falsePositives.map((e) => `${e.name}: ${e.reason}`)).toEqual(['PRC: duplicate']);
  });

  it('neither rewards nor punishes an optional relation', () => {
    const china = entity('c:china', 'Country', 'China');
    const required = [relation('MET_WITH', 'p:bush', 'p:putin')];
    const found = score([...people, china], [...required, relation('LOCATED_IN', 'pl:shanghai', 'c:china')]).relations;
    const missed = score([...people, china], required).relations;
    for (const report of [found, missed]) expect(report.micro).toMatchObject({ tp: 1, fp: 0, fn: 2 });
    expect([found.optionalMatches, missed.optionalMatches]).toEqual([1, 0]);
  });

  it('counts a prediction matching any alternative end once; another alternative of the same fact is a duplicate', () => {
    const report = score(people, [relation('MET_AT', 'p:putin', 'pl:shanghai'), relation('MET_AT', 'p:bush', 'pl:shanghai')]).relations;
    expect(report.perType.MET_AT).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(facts(report.falsePositives)).toEqual(['MET_AT(George W. Bush, Shanghai) duplicate']);
  });

  it('matches symmetric relations either way round, others only forward; a fact predicted again is a false positive', () => {
    const entities = [...people, entity('p:bush-again', 'Person', 'Bush'), entity('e:apec', 'Event', 'APEC forum')];
    const report = score(entities, [
      relation('MET_WITH', 'p:putin', 'p:bush'), // symmetric: matches MET_WITH(Bush, Putin)
      relation('MET_WITH', 'p:bush-again', 'p:putin'), // the same fact through a duplicate entity
      relation('MET_WITH', 'p:bush', 'p:putin'), // the same fact the other way round
      relation('HELD_IN', 'pl:shanghai', 'e:apec', 'The APEC forum was held in Shanghai.'), // not symmetric: wrong way round
      relation('LEADER_OF', 'p:putin', 'e:apec'), // not in the gold
    ]).relations;
    expect(report.micro).toMatchObject({ tp: 1, fp: 4, fn: 2, precision: 0.2 });
    expect(facts(report.falsePositives)).toEqual([
      'MET_WITH(Bush, Putin) duplicate',
      'MET_WITH(George W. Bush, Putin) duplicate',
      'HELD_IN(Shanghai, APEC forum) unmatched',
      'LEADER_OF(Putin, APEC forum) unmatched',
    ]);
    expect(report.falsePositives[2]!.sentence).toBe('The APEC forum was held in Shanghai.');
    expect(facts(report.falseNegatives)).toEqual(['MET_AT(George W. Bush|Vladimir Putin, Shanghai)', 'HELD_IN(APEC forum, Shanghai)']);
    expect(Object.keys(report.perType)).toEqual(['HELD_IN', 'LEADER_OF', 'MET_AT', 'MET_WITH']);
  });

  it('rejects a gold file with a clear message naming the field', () => {
    const parse = (json: object) => () => parseGoldFile(JSON.stringify(json), 'g.json');
    const bush = { type: 'Person', names: ['Bush'] };
    expect(parse({ text: 'x', entities: [{ type: 'Persn', names: ['Bush'] }], relations: [] })).toThrow(
      new UserError('g.json: entities[0].type: "Persn" is not one of Person, Country, Place, Organization, Treaty, Event'),
    );
    expect(parse({ text: 'x', entities: [bush], relations: [{ type: 'MET_WITH', source: 'Bush', target: 'Putin' }] })).toThrow(
      'g.json: relations[0].target: "Putin" names no gold entity',
    );
    expect(parse({ text: 'x', entities: [bush, { type: 'Place', names: ['Bush'] }], relations: [] })).toThrow(
      'g.json: entities[1].names: "Bush" also names entities[0]',
    );
    expect(parse({ text: 'x', entities: [{ ...bush, optinal: true }], relations: [] })).toThrow(
      'g.json: entities[0]: unknown field "optinal" (expected type, names, optional)',
    );
    expect(parse({ text: 'x', entities: [{ ...bush, optional: 'yes' }], relations: [] })).toThrow('g.json: entities[0].optional: expected true or false');
    expect(parse({ text: 'x', entities: [bush], relations: [{ type: 'VISITED', source: 'Bush', target: 'Bush', place: 'Texas' }] })).toThrow(
      'g.json: relations[0].place: "Texas" names no gold entity',
    );
    expect(parse({ entities: [], relations: [] })).toThrow(
      'g.json: document: give exactly one of "document" (a corpus id or a path relative to this file) or "text"',
    );
    expect(() => parseGoldFile('{', 'g.json')).toThrow(/^g\.json: not valid JSON/);
  });
});
