import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeExtractions } from '../../src/pipeline/merge.js';
import type { DocumentExtraction, GraphJson } from '../../src/types.js';
import { runKg, STACK_FRAME } from './run-kg.js';

const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';
const FIXTURES = 'test/fixtures/ingest';
const BBC = '../shared/data/news/bbc_all.jsonl';
const SUMMARY = /^\d+ documents?, \d+ entities, \d+ relations in \d+\.\d s/m;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A few BBC articles from all five categories (every 250th line), or our own fixture corpus without the shared data. */
async function smallCorpus(): Promise<string> {
  const path = join(scratch, 'corpus.jsonl');
  if (!existsSync(BBC)) return `${FIXTURES}/articles/corpus.jsonl`;
  const lines: string[] = [];
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(BBC) })) {
    if (number++ % 250 === 0) lines.push(line);
    if (lines.length === 8) break;
  }
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

describe('kg extract', () => {
  it('prints the JSON contract on stdout for the sample article, mentions slicing the original text', async () => {
    const { code, stdout, stderr } = await runKg(['extract', SAMPLE]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as GraphJson;
    expect(json.documents).toEqual([{ id: 'cnn-2001-putin-bush-abm', source: SAMPLE }]);
    expect(json.entities.length).toBeGreaterThan(0);
    const text = await readFile(SAMPLE, 'utf8');
    for (const entity of json.entities) {
      for (const mention of entity.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
    expect(stderr).toMatch(/^1 document, \d+ entities, \d+ relations in \d+\.\d s\n$/);
  });

  it('prints the same output for --workers 1 and --workers 2', async () => {
    const corpus = await smallCorpus();
    const [one, two] = [await runKg(['extract', corpus, '--workers', '1']), await runKg(['extract', corpus, '--workers', '2'])];
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(one.stdout).documents.length).toBeGreaterThan(2);
    expect(two.stdout).toBe(one.stdout);
  });

  it('--format jsonl: one line per document, in input order, each with only its own mentions and evidence, merging into the json graph', async () => {
    const corpus = await smallCorpus();
    const [merged, lines] = [await runKg(['extract', corpus]), await runKg(['extract', corpus, '--format', 'jsonl'])];
    expect(lines.code).toBe(0);
    const graph = JSON.parse(merged.stdout) as GraphJson;
    const views = lines.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as DocumentExtraction);
    expect(views.map((view) => view.document)).toEqual(graph.documents);
    for (const view of views) {
      for (const entity of view.entities) expect(entity.mentions.every((mention) => mention.document === view.document.id)).toBe(true);
      for (const relation of view.relations) expect(relation.evidence.every((evidence) => evidence.document === view.document.id)).toBe(true);
    }
    expect(mergeExtractions(views)).toEqual(graph);
  });

  it('reads stdin with -', async () => {
    const { code, stdout } = await runKg(['extract', '-'], 'Russian President Vladimir Putin met George W. Bush in Shanghai.\n');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as GraphJson).documents).toEqual([{ id: 'stdin', source: 'stdin' }]);
  });
});

// Each test spawns its own short run: they can overlap.
describe.concurrent('kg extract: bad input', () => {
  it('stops at the first bad input with a one-line message naming file and line, non-zero exit, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runKg(['extract', `${FIXTURES}/bad/records.jsonl`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^kg: test\/fixtures\/ingest\/bad\/records\.jsonl:2: malformed JSON \(.*\)\n$/);
  });

  it.each([
    ['image.txt', 'binary data'],
    ['latin1.txt', ':3: invalid UTF-8'],
    ['empty.txt', 'empty document'],
    ['missing.txt', 'no such file or directory'],
  ])('%s: %s', async (file, message) => {
    const { code, stdout, stderr } = await runKg(['extract', `${FIXTURES}/bad/${file}`, '--workers', '2']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`kg: ${FIXTURES}/bad/${file}`);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('--skip-errors reports each skipped input on stderr, extracts the rest and exits 0', async () => {
    const { code, stdout, stderr } = await runKg(['extract', `${FIXTURES}/bad`, `${FIXTURES}/articles/shanghai.txt`, '--skip-errors', '--workers', '2']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as GraphJson).documents.map((d) => d.id)).toEqual(['ok-1', 'ok-2', 'shanghai']);
    const skipped = stderr.split('\n').filter((line) => line.startsWith('kg: skipped '));
    expect(skipped).toEqual([
      `kg: skipped ${FIXTURES}/bad/empty.txt: empty document`,
      `kg: skipped ${FIXTURES}/bad/image.txt: binary data (contains NUL bytes), not a text document`,
      `kg: skipped ${FIXTURES}/bad/latin1.txt:3: invalid UTF-8 (save the file as UTF-8)`,
      expect.stringMatching(/^kg: skipped .*records\.jsonl:2: malformed JSON/),
      `kg: skipped ${FIXTURES}/bad/records.jsonl:3: the record has no string "text" field`,
      `kg: skipped ${FIXTURES}/bad/records.jsonl:5: expected a JSON object {"text": …}, found an array`,
      `kg: skipped ${FIXTURES}/bad/records.jsonl:6: empty document ("text" is blank)`,
    ]);
    expect(stderr).toMatch(/^3 documents, .* \(7 skipped\)$/m);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});

describe('kg extract -o', () => {
  it('writes the file (and nothing on stdout), leaving no temporary file beside it', async () => {
    const output = join(scratch, 'out', 'graph.json');
    await mkdir(join(scratch, 'out'));
    const [written, printed] = [await runKg(['extract', SAMPLE, '-o', output]), await runKg(['extract', SAMPLE])];
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toMatch(SUMMARY);
    expect(await readFile(output, 'utf8')).toBe(printed.stdout);
    expect(await readdir(join(scratch, 'out'))).toEqual(['graph.json']);
  });

  it('a failing run creates no file and leaves an existing one as it was', async () => {
    const fresh = join(scratch, 'fresh.json');
    const failed = await runKg(['extract', `${FIXTURES}/bad/image.txt`, '-o', fresh]);
    expect(failed.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);

    const existing = join(scratch, 'existing.json');
    await writeFile(existing, '{"keep": true}\n');
    expect((await runKg(['extract', SAMPLE, `${FIXTURES}/bad/empty.txt`, '-o', existing])).code).toBe(1);
    expect(await readFile(existing, 'utf8')).toBe('{"keep": true}\n');
  });

  it('names an output path it cannot write', async () => {
    const { code, stderr } = await runKg(['extract', SAMPLE, '-o', join(scratch, 'no-such-dir', 'graph.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/kg: .*no-such-dir\/graph\.json: cannot write the output \(ENOENT: no such folder\)$/m);
  });
});

describe.concurrent('kg: flags and help', () => {
  it('refuses an unknown flag with a clear message', async () => {
    const { code, stdout, stderr } = await runKg(['extract', SAMPLE, '--frobnicate']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain("error: unknown option '--frobnicate'");
  });

  it.each([['0'], ['two'], ['1.5']])('refuses --workers %s', async (workers) => {
    const { code, stderr } = await runKg(['extract', SAMPLE, '--workers', workers]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('give a whole number of threads, 1 or more');
  });

  it('refuses an unknown --format', async () => {
    const { code, stderr } = await runKg(['extract', SAMPLE, '--format', 'xml']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("argument 'xml' is invalid");
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(await runKg(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('kg --help lists the commands with examples; extract --help explains every flag with examples', async () => {
    const top = await runKg(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:\n(.|\n)*extract \[options\] <inputs\.\.\.>/);
    expect(top.stdout).toContain('Examples:\n  $ kg extract');
    const help = await runKg(['extract', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--format <format>', '--output <file>', '--workers <n>', '--skip-errors', '--progress', 'Examples:']) {
      expect(help.stdout).toContain(flag);
    }
  });
});
