import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_TESTS } from '../vitest.config.js';

/**
 * The unit project runs without isolation, a server, a browser or the corpora: a test that needs
 * one of them belongs in INTEGRATION_TESTS (vitest.config.ts), or a unit run would fail or hang
 * where those are missing.
 */
const ROOT = resolve(import.meta.dirname, '..');

// Read in a test's own source: what it imports, and the shared test helpers it calls.
const NEEDS: [string, RegExp][] = [
  ['the research corpora', /\.\.\/shared\/|newsCorpus\(|newsArticle\(/],
  ['Neo4j', /^import .*(neo4j-local|\/store\/(connection|load|helpers)\.js)/m],
  ['a browser', /^import .*(playwright|\/browser\.js)/m],
  ['another process', /^import .*(node:child_process|\/parallel\/index\.js)|runKg\(|runCli\(|WithNetworkx\(/m],
];

const globPattern = (glob: string): RegExp => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
const isIntegration = (file: string): boolean => INTEGRATION_TESTS.some((glob) => globPattern(glob).test(file));

/** What a test's source shows it needs, as "file: need". */
function misplaced(file: string, source: string): string[] {
  return NEEDS.filter(([, pattern]) => pattern.test(source)).map(([need]) => `${file}: ${need}`);
}

describe('unit and integration tests', () => {
  const testFiles = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => `test/${path}`)
    .filter((file) => file !== 'test/test-kinds.test.ts');

  it('no unit test needs the corpora, Neo4j, a browser or another process', () => {
    const unit = testFiles.filter((file) => !isIntegration(file));
    expect(unit.length).toBeGreaterThan(20);
    expect(unit.flatMap((file) => misplaced(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('every integration entry names test files that exist', () => {
    for (const glob of INTEGRATION_TESTS) expect(testFiles.some((file) => globPattern(glob).test(file)), glob).toBe(true);
  });

  it('tells a misplaced test by what it reads', () => {
    expect(misplaced('test/x.test.ts', "const corpus = newsCorpus('reuters.jsonl');")).toEqual(['test/x.test.ts: the research corpora']);
    expect(misplaced('test/x.test.ts', "import { spawn } from 'node:child_process';\nimport { query } from '../store/helpers.js';")).toEqual([
      'test/x.test.ts: Neo4j',
      'test/x.test.ts: another process',
    ]);
    expect(misplaced('test/x.test.ts', "const { stdout } = await runKg(['extract', 'a.txt']);")).toEqual(['test/x.test.ts: another process']);
    expect(misplaced('test/x.test.ts', "import { parseQuery } from '../src/query/parser.js';")).toEqual([]);
  });
});
