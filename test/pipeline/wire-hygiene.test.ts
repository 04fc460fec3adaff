import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/index.js';
import { mergeExtractions } from '../../src/pipeline/merge.js';
import { newsCorpus, repoFile } from './helpers.js';

/**
 * Reuters-21578 wire copy carries tickers ("American Express Co <AXP>"), names in brackets
 * ("<Versatile Corp> said"), a "REUTER" signature and capitals after "U.S." ("U.S. Officials
 * said"). Over 300 stories that carry such markup (the development gold's stories left out),
 * none of it may reach an entity name.
 */
describe('Reuters wire markup, 300 stories', () => {
  const path = newsCorpus('reuters.jsonl');
  if (!existsSync(path)) throw new Error(`${path} is missing: these tests read the shared research corpora`);
  const devDocuments = new Set(readFileSync(repoFile('../shared/data/news/dev-docs.txt'), 'utf8').split('\n'));
  const stories = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; text: string })
    .filter((story) => !devDocuments.has(story.id) && /<[^>\n]+>|U\.S\. [A-Z][a-z]+s\b/.test(story.text))
    .filter((_, i) => i % 12 === 0)
    .slice(0, 300);
  const texts = new Map(stories.map((story) => [story.id, story.text]));
  const graph = mergeExtractions(stories.map((story) => extractDocument({ id: story.id, text: story.text, source: 'reuters.jsonl' })));

  it('reads enough marked-up stories to mean something', () => {
    expect(stories).toHaveLength(300);
    expect(stories.filter((story) => /\bREUTER\b/.test(story.text)).length).toBeGreaterThan(50);
    expect(graph.entities.length).toBeGreaterThan(1000);
  });

  it('keeps tickers, brackets and the signature out of every name and alias', () => {
    const bad = graph.entities.flatMap((entity) => [entity.name, ...entity.aliases]).filter((name) => /[<>]|\bREUTERS?\b/.test(name));
    expect(bad).toEqual([]);
  });

  it('reads no headline capital after "U.S." as part of a name', () => {
    const bad = graph.entities.flatMap((entity) => [entity.name, ...entity.aliases]).filter((name) => /^U\.S\. (Officials|And|Says|Dlrs)\b/.test(name));
    expect(bad).toEqual([]);
  });

  it('still points every mention into the original text', () => {
    for (const entity of graph.entities) {
      for (const mention of entity.mentions) {
        const original = texts.get(mention.document)!.slice(mention.start, mention.end);
        const words = (text: string): string => text.replace(/<[A-Z][A-Z0-9.&-]*>|[<>]/g, ' ').replace(/\s+/g, ' ').trim();
        expect(words(original)).toBe(words(mention.text));
      }
    }
  });
});
