import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Prf, PrfTable } from '../../src/eval/prf.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const conll2003Valid = fileURLToPath(new URL('../../../shared/data/conll2003/valid.txt', import.meta.url));

async function kg(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/index.ts', 'eval', ...args], { cwd: root });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** Whatever the pipeline predicts, the report's figures must add up. */
function expectConsistent({ perType, micro }: PrfTable, goldPerType: Record<string, number>): void {
  for (const [type, gold] of Object.entries(goldPerType)) expect(perType[type]!.tp + perType[type]!.fn).toBe(gold);
  const all = Object.values(perType);
  for (const kind of ['tp', 'fp', 'fn'] as const) expect(micro[kind]).toBe(all.reduce((sum, s) => sum + s[kind], 0));
  for (const s of [...all, micro] as Prf[]) {
    expect(s.precision).toBeCloseTo(s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp), 10);
    expect(s.recall).toBeCloseTo(s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn), 10);
  }
}

describe('kg eval', () => {
  it('scores a CoNLL-2003 file: JSON report whose counts add up to the gold spans', async () => {
    const { stdout, code } = await kg('--conll', 'test/fixtures/eval/tiny.conll', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.documents).toBe(2);
    expectConsistent(report, { PER: 4, LOC: 3, ORG: 2 });
    expect(Object.keys(report.errors)).toEqual(['falsePositives', 'falseNegatives', 'wrongType']);
  });

  it('prints tables by default', async () => {
    const { stdout, code } = await kg('--conll', 'test/fixtures/eval/tiny.conll');
    expect(code).toBe(0);
    expect(stdout).toContain('## CoNLL-2003 NER (exact span, MISC excluded): 2 documents');
    expect(stdout).toMatch(/^\| micro +\| +[01]\.\d{3} \|/m);
  });

  it('scores CoNLL04 relations and NER', async () => {
    const { stdout, code } = await kg('--conll04', 'test/fixtures/eval/tiny-conll04.json', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expectConsistent(report.relations, { Live_In: 1, Work_For: 1, Kill: 0 });
    expectConsistent(report.entities, { PER: 1, LOC: 1, ORG: 1 });
  });

  it('scores the bundled sample against its gold file', async () => {
    const { stdout, code } = await kg('--gold', 'data/gold', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.documents).toBe(1);
    expect(report.entities.micro.tp + report.entities.micro.fn).toBe(17);
    expect(report.relations.micro.tp + report.relations.micro.fn).toBe(13);
  });

  const goldCorpus = ['--gold', 'test/fixtures/eval/gold-corpus', '--corpus', 'test/fixtures/eval/corpus-a.jsonl', '--corpus', 'test/fixtures/eval/corpus-b.jsonl'];

  it("reads gold documents by id from several JSONL corpora; --verbose lists each document's missed and spurious facts", async () => {
    const [json, plain, verbose] = await Promise.all([kg(...goldCorpus, '--json'), kg(...goldCorpus), kg(...goldCorpus, '--verbose')]);
    expect([json.code, plain.code, verbose.code]).toEqual([0, 0, 0]);
    const report = JSON.parse(json.stdout);
    expect(report.documents).toBe(2);
    // optional gold items are not expected: 7 of 9 entities, 6 of 8 relations
    expectConsistent(report.entities, { Person: 3, Place: 2 });
    expect(report.entities.micro.tp + report.entities.micro.fn).toBe(7);
    expectConsistent(report.relations, { MET_WITH: 1, MET_AT: 2, WORKS_FOR: 2, VISITED: 1 });
    expect(plain.stdout).toMatch(/^\| micro +\| +[01]\.\d{3} \|/m);
    expect(plain.stdout).not.toContain('### ');
    const errors = report.relations.falseNegatives.length + report.relations.falsePositives.length;
    expect(verbose.stdout.match(/^- (missed|spurious) [A-Z_]+\(/gm) ?? []).toHaveLength(errors);
    for (const { document } of report.relations.falseNegatives) expect(verbose.stdout).toContain(`### ${document}\n`);
  });

  it.skipIf(!existsSync(conll2003Valid))('runs on the first documents of CoNLL-2003 validation', async () => {
    const { stdout, code } = await kg('--conll', conll2003Valid, '--limit', '2', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.documents).toBe(2);
    expectConsistent(report, {});
  });

  it('scores pronoun resolution on CoNLL-U coreference: JSON whose counts add up', async () => {
    const { stdout, code } = await kg('--coref', 'test/fixtures/eval/tiny-coref.conllu', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.documents).toBe(1);
    for (const score of [report.pronouns, report.personPronouns]) {
      expect(score.total).toBe(2);
      expect(score.correct).toBeLessThanOrEqual(score.linked);
      expect(score.linked).toBeLessThanOrEqual(score.total);
      expect(score.accuracy).toBeCloseTo(score.correct / score.total, 10);
    }
    const tables = await kg('--coref', 'test/fixtures/eval/tiny-coref.conllu');
    expect(tables.stdout).toMatch(/^\| third person +\| +[01]\.\d{3} \|/m);
  });

  it('fails with one clear line on bad input', async () => {
    const cases: [string[], string][] = [
      [[], 'kg: give exactly one of --conll FILE, --conll04 FILE, --coref FILE, --gold DIR or --ud FILE\n'],
      [['--gold', 'data/gold', '--trees', 'gold'], 'kg: --trees goes with --coref FILE\n'],
      [['--coref', 'test/fixtures/eval/tiny.conll'], 'kg: tiny.conll:1: expected 10 tab-separated columns, found 1\n'],
      [['--conll', 'missing.conll'], 'kg: missing.conll: cannot read the file\n'],
      [['--conll', 'missing.conll', '--corpus', 'c.jsonl'], 'kg: --corpus goes with --gold DIR\n'],
      [
        ['--gold', 'test/fixtures/eval/gold-missing-id', '--corpus', 'test/fixtures/eval/corpus-a.jsonl'],
        'kg: test/fixtures/eval/gold-missing-id/x.json: document "wire-404" is in none of test/fixtures/eval/corpus-a.jsonl\n',
      ],
      [
        ['--gold', 'test/fixtures/eval/bad-type.json'],
        'kg: test/fixtures/eval/bad-type.json: entities[0].type: "Persn" is not one of Person, Country, Place, Organization, Treaty, Event\n',
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => kg(...args)));
    expect(results.map(({ stderr, code }) => [stderr, code])).toEqual(cases.map(([, message]) => [message, 1]));
  });
});
