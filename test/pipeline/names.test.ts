import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { extractDocument } from '../../src/pipeline/index.js';
import type { DocumentExtraction } from '../../src/types.js';
import { newsArticle } from './helpers.js';

/** Each person's (and organization's) mentions as "id: text|text", to see what joined what. */
function people(text: string): string[] {
  const { entities } = extractDocument({ id: 'test', source: 'test', text });
  return entities
    .filter((e) => e.type === 'Person' || e.type === 'Organization')
    .map((e) => `${e.id}: ${e.mentions.map((m) => m.text).join('|')}`)
    .sort();
}

const reuters = (id: string): DocumentExtraction => extractDocument({ id, source: 'reuters', text: newsArticle('reuters.jsonl', id).text });
const names = (extraction: DocumentExtraction): string[] => extraction.entities.map((e) => e.name);

describe('resolution: a surname joins a full name only when nothing contradicts it', () => {
  it('Reuters (reuters-1807): "President Reagan … Reagan and Nancy Reagan": the President is not Nancy Reagan', () => {
    const extraction = reuters('reuters-1807');
    const nancy = extraction.entities.find((e) => e.name === 'Nancy Reagan')!;
    expect(nancy.mentions.map((m) => m.text)).toEqual(['Nancy Reagan']);
    expect(extraction.entities.find((e) => e.id === 'person:reagan')!.mentions).toHaveLength(3);
  });

  it('a title of the other gender contradicts; the closest full name wins among the rest', () => {
    expect(people('Ronald Reagan and his wife Nancy Reagan arrived. Mrs. Reagan smiled. Mr. Reagan spoke. Later Reagan left.')).toEqual([
      'person:nancy-reagan: Nancy Reagan|Reagan',
      'person:ronald-reagan: Ronald Reagan|Reagan|Reagan',
    ]);
  });

  it('an office title met first, which the full name never carries, contradicts', () => {
    expect(people('President Reagan met Nancy Reagan.')).toEqual(['person:nancy-reagan: Nancy Reagan', 'person:reagan: Reagan']);
  });

  it('near miss: with nothing against it, the surname joins the one full name', () => {
    expect(people('Nancy Reagan visited a school in Harlem. Reagan said drugs were a danger.')).toEqual(['person:nancy-reagan: Nancy Reagan|Reagan']);
  });
});

describe('names: a possessive or a month never extends one', () => {
  it('Reuters (reuters-17083): "President Reagan\'s April 17 decision" names Reagan, no "April"', () => {
    const found = names(reuters('reuters-17083'));
    expect(found).toContain('Reagan');
    expect(found.filter((name) => /April/.test(name))).toEqual([]);
  });

  it('Reuters (reuters-12377): "President Reagan\'s Council of Economic Advisors" is Reagan and the council', () => {
    const extraction = reuters('reuters-12377');
    expect(extraction.entities.find((e) => e.name === 'Council of Economic Advisors')?.type).toBe('Organization');
    expect(extraction.entities.find((e) => e.name === 'Reagan')?.type).toBe('Person');
  });

  it('Reuters (reuters-11357): "told the Senate Reagan\'s decision" is the Senate and Reagan, not "Senate Reagan"', () => {
    const extraction = reuters('reuters-11357');
    expect(names(extraction).filter((name) => /Senate Reagan/.test(name))).toEqual([]);
    expect(extraction.entities.find((e) => e.name === 'Senate')?.type).toBe('Organization');
    expect(extraction.entities.find((e) => e.name === 'Reagan')?.type).toBe('Person');
  });

  it('near miss: a company keeps its possessive, a first name keeps its surname', () => {
    expect(people("McDonald's Corp and Moody's Investors Service said Nancy Reagan called.")).toEqual([
      "organization:mcdonald-s-corp: McDonald's Corp",
      "organization:moody-s-investors-service: Moody's Investors Service",
      'person:nancy-reagan: Nancy Reagan',
    ]);
  });
});

describe('resolution across documents', () => {
  it('a bare surname joins the full name its documents resolved it to, by a clear majority', async () => {
    const { json } = await extract(
      [
        { id: 'a', source: 'a', text: 'President Ronald Reagan flew to Bonn. Reagan met Kohl.' },
        { id: 'b', source: 'b', text: 'Ronald Reagan spoke on Monday. Reagan said taxes would fall.' },
        { id: 'c', source: 'c', text: 'Nancy Reagan visited a school in Harlem.' },
        { id: 'd', source: 'd', text: 'President Reagan vetoed the bill.' },
      ],
      { workers: 1 },
    );
    const reagans = json.entities.filter((e) => /Reagan/.test(e.name)).map((e) => `${e.name}: ${[...new Set(e.mentions.map((m) => m.document))].join(',')}`);
    expect(reagans.sort()).toEqual(['Nancy Reagan: c', 'Ronald Reagan: a,b,d']);
  });

  it('near miss: without a clear majority the surname stays on its own', async () => {
    const { json } = await extract(
      [
        { id: 'a', source: 'a', text: 'Ronald Reagan flew to Bonn. Reagan met Kohl.' },
        { id: 'b', source: 'b', text: 'Nancy Reagan visited a school. Reagan said drugs were a danger.' },
        { id: 'c', source: 'c', text: 'Reagan arrived on Tuesday.' },
      ],
      { workers: 1 },
    );
    expect(json.entities.filter((e) => /Reagan/.test(e.name)).map((e) => e.name).sort()).toEqual(['Nancy Reagan', 'Reagan', 'Ronald Reagan']);
  });
});
