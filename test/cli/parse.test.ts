import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConllu } from '../../src/syntax/conllu.js';
import { runKg, STACK_FRAME } from './run-kg.js';

const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';
const TINY = 'test/fixtures/syntax/tiny.conllu';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-parse-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('kg parse', () => {
  it('prints CoNLL-U whose TokenRange offsets slice the original text', async () => {
    const { code, stdout, stderr } = await runKg(['parse', SAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = await readFile(SAMPLE, 'utf8');
    const sentences = parseConllu(stdout, 'stdout');
    expect(sentences.length).toBeGreaterThan(10);
    for (const sentence of sentences) {
      expect(sentence.comments[0]).toMatch(/^sent_id = cnn-2001-putin-bush-abm-\d+$/);
      expect(sentence.comments[1]).toMatch(/^text = \S/);
      expect(sentence.words.filter((word) => word.head === 0)).toHaveLength(1);
      for (const word of sentence.words) {
        const [, start, end] = /TokenRange=(\d+):(\d+)/.exec(word.misc)!.map(Number) as [unknown, number, number];
        expect(text.slice(start, end)).toBe(word.form);
      }
    }
  });

  it('parses the words of a CoNLL-U file as given, multiword tokens and ids kept', async () => {
    const { code, stdout } = await runKg(['parse', '--tokenized', TINY]);
    expect(code).toBe(0);
    const gold = parseConllu(await readFile(TINY, 'utf8'), TINY);
    const parsed = parseConllu(stdout, 'stdout');
    expect(parsed.map((s) => s.comments)).toEqual(gold.map((s) => s.comments));
    expect(parsed.map((s) => s.words.map((w) => [w.id, w.form]))).toEqual(gold.map((s) => s.words.map((w) => [w.id, w.form])));
    expect(parsed.map((s) => [...s.multiwords])).toEqual(gold.map((s) => [...s.multiwords]));
  });

  it('scores a treebank with kg eval --ud', async () => {
    const { code, stdout } = await runKg(['eval', '--ud', TINY, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { sentences: number; words: number; upos: number; uas: number; las: number; confusions: unknown[] };
    expect(report).toMatchObject({ sentences: 6, words: 54 });
    for (const score of [report.upos, report.uas, report.las]) expect(score).toBeGreaterThan(0.6);
    expect(report.las).toBeLessThanOrEqual(report.uas);
  });

  it('reports a missing or malformed treebank on one line', async () => {
    const missing = await runKg(['parse', '--tokenized', join(scratch, 'none.conllu')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kg: .*none\.conllu: cannot read the file\n$/);
    const bad = join(scratch, 'bad.conllu');
    await writeFile(bad, '1\tWord\tword\tNOUN\n');
    const malformed = await runKg(['eval', '--ud', bad]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^kg: .*bad\.conllu:1: expected 10 tab-separated columns, found 4\n$/);
    expect(malformed.stderr).not.toMatch(STACK_FRAME);
  });
});
