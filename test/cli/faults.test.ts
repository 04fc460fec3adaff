import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKg, STACK_FRAME } from './run-kg.js';
import { extract } from '../../src/extract.js';
import { extractDocument } from '../../src/pipeline/index.js';
import type { DocumentExtraction, GraphJson, SourceDocument } from '../../src/types.js';

/**
 * Property tests over random and adversarial texts: whatever the text, the pipeline gives valid
 * JSON whose every offset slices the original text exactly, and ids that are never empty. Runs are
 * seeded (fast-check prints the seed and the shrunk text of a failure) and few enough for CI.
 */

const WORDS = ['Putin', 'met', 'Bush', 'in', 'Shanghai', 'the', 'U.S.', 'President', 'said', 'treaty', 'ABM', 'Treaty', 'of', 'Moscow', 'and', 'on', 'Sunday'];
const STRANGE = [
  'Владимир Путин', 'Москве', 'Αλέξης Τσίπρας', 'محمد بن سلمان', 'דוד בן-גוריון', '习近平', 'नरेंद्र मोदी', 'Søren Ørsted',
  '😀', '👨‍👩‍👧', '🇺🇸', '\u202e', '\u200f', '\u200b', '\u0000', '\u0007', '\u001b[31m', '\r\n', '\t', '\n\n', '\ufeff', '\ud800',
  '<p>', '</div>', '<script>alert(1)</script>', '&amp;', '&nbsp;', '<Versatile Corp>', '"', '“', '(', ')', '.', '...', '?!', '--', '—', "'s", '’',
];

/** A text of news words, words of other scripts, emoji, controls, markup and punctuation, in any order. */
const mixedText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...STRANGE) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }), { maxLength: 80 })
  .chain((parts) => fc.array(fc.constantFrom(' ', ' ', ' ', '', ', ', '. ', '\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((part, i) => part + gaps[i]).join('')));

/** Raw unicode of every kind, surrogate halves included. */
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

/** Every offset of an extraction slices its text; every id is a real one; the whole survives JSON. */
function expectSound(text: string, extraction: DocumentExtraction): void {
  expect(JSON.parse(JSON.stringify(extraction))).toEqual(extraction);
  for (const entity of extraction.entities) {
    expect(entity.id).toMatch(/^[a-z]+:[^\s:]+$/u);
    expect(entity.id).not.toMatch(/:(unnamed|-)/);
    for (const mention of entity.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  }
  const ids = new Set(extraction.entities.map((e) => e.id));
  expect(ids.size).toBe(extraction.entities.length);
  for (const relation of extraction.relations) {
    expect(ids.has(relation.source) && ids.has(relation.target)).toBe(true);
    for (const evidence of relation.evidence) expect(text.slice(evidence.start, evidence.end)).toBe(evidence.text);
  }
}

const document = (text: string, id = 'doc'): SourceDocument => ({ id, text, source: 'fast-check' });

describe('any text gives sound JSON', () => {
  it('mixed scripts, emoji, RTL marks, control characters, HTML and punctuation (300 texts)', () => {
    fc.assert(
      fc.property(mixedText, (text) => expectSound(text, extractDocument(document(text)))),
      { numRuns: Number(process.env.FAULT_RUNS ?? 300), seed: Number(process.env.FAULT_SEED ?? 13) },
    );
  });

  it('arbitrary UTF-16, lone surrogates included (300 texts)', () => {
    fc.assert(
      fc.property(anyText, (text) => expectSound(text, extractDocument(document(text)))),
      { numRuns: Number(process.env.FAULT_RUNS ?? 300), seed: Number(process.env.FAULT_SEED ?? 13) },
    );
  });

  it('long lines without punctuation, cut into parts and pieces (5 texts of 20,000–200,000 characters)', () => {
    const longLine = fc.tuple(fc.array(fc.constantFrom(...WORDS.filter((w) => /^\p{L}+$/u.test(w)), 'Владимир', 'Путин', '😀', 'word'), { minLength: 50, maxLength: 50 }), fc.integer({ min: 20_000, max: 200_000 })).map(([words, length]) => {
      const parts: string[] = [];
      for (let i = 0, size = 0; size < length; i++) size += (parts[parts.length] = words[(i * 31) % words.length]!).length + 1;
      return parts.join(' ');
    });
    fc.assert(
      fc.property(longLine, (text) => expectSound(text, extractDocument(document(text)))),
      { numRuns: 5, seed: 13 },
    );
  });

  it('the same graph with 1 worker and with 2 (40 random texts)', async () => {
    const texts = fc.sample(mixedText, { numRuns: 40, seed: 13 });
    const documents = texts.map((text, i) => document(text, `doc-${i}`));
    const run = async (workers: number): Promise<GraphJson> => (await extract(documents, { workers })).json;
    const one = await run(1);
    expect(await run(2)).toEqual(one);
    expect(one.documents).toHaveLength(texts.length);
  });
});

describe('a document over the size limit', () => {
  it('is refused with one line naming it, before it is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-huge-'));
    const huge = join(dir, 'huge.txt');
    try {
      await writeFile(huge, '');
      await truncate(huge, 65 * 2 ** 20); // sparse: no disk used
      const run = await runKg(['extract', huge]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`kg: ${huge}: document of 65 MB, over the limit of 64 MB: split it into several files or JSONL records\n`);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
