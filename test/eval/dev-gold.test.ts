import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateGold, parseGoldFile, type GoldDocument } from '../../src/eval/index.js';
import { readDocuments } from '../../src/ingest/index.js';
import type { SourceDocument } from '../../src/types.js';

/** The development gold for relation work: our annotations of news whose texts stay in ../shared. */
const goldDir = fileURLToPath(new URL('../gold/news-dev/', import.meta.url));
const newsDir = fileURLToPath(new URL('../../../shared/data/news/', import.meta.url));
const corpora = ['reuters.jsonl', 'bbc_all.jsonl'].map((name) => `${newsDir}${name}`);

const files = readdirSync(goldDir).filter((name) => name.endsWith('.json')).sort();
const golds = files.map((file) => ({ file, gold: parseGoldFile(readFileSync(`${goldDir}${file}`, 'utf8'), file) }));

describe('development gold (news)', () => {
  it('parses: every relation end and place names a listed entity, each file named after its document', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { file, gold } of golds) {
      expect(gold.document, file).toBeDefined();
      expect(file).toBe(`${gold.document!.replace(/\.txt$/, '').replaceAll('/', '-')}.json`);
    }
  });

  it.skipIf(!corpora.every(existsSync))('annotates exactly the listed documents, whose texts name every required entity, and scores them', async () => {
    const listed = readFileSync(`${newsDir}dev-docs.txt`, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const wanted = new Set(golds.map(({ gold }) => gold.document!));
    expect([...wanted].sort()).toEqual([...listed].sort());
    const texts = new Map<string, SourceDocument>();
    for await (const document of readDocuments(corpora)) if (wanted.has(document.id)) texts.set(document.id, document);
    const unseen: string[] = [];
    const documents: GoldDocument[] = golds.map(({ file, gold }) => {
      const document = texts.get(gold.document!);
      if (!document) throw new Error(`${file}: ${gold.document} is not in the news corpora`);
      // a required entity none of whose names occurs in the text is a typo (optional ones may carry
      // a descriptive label for an unnamed thing: "dairy accord")
      const text = document.text.replace(/\s+/g, ' ').toLowerCase();
      for (const { names, optional } of gold.entities) if (!optional && !names.some((name) => text.includes(name.toLowerCase()))) unseen.push(`${file}: ${names[0]}`);
      return { ...document, id: file.replace(/\.json$/, ''), gold };
    });

    expect(unseen).toEqual([]);

    const report = evaluateGold(documents);
    expect(report.documents).toBe(files.length);
    const required = (type: string) =>
      golds.reduce((sum, { gold }) => sum + gold.relations.filter((relation) => relation.type === type && !relation.optional).length, 0);
    for (const [type, scores] of Object.entries(report.relations.perType)) expect(scores.tp + scores.fn, type).toBe(required(type));
    const entities = golds.reduce((sum, { gold }) => sum + gold.entities.filter((entity) => !entity.optional).length, 0);
    expect(report.entities.micro.tp + report.entities.micro.fn).toBe(entities);
  });
});
