import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson } from '../../src/types.js';
import { runKg, STACK_FRAME, type KgRun } from './run-kg.js';

/** Every 60th Reuters story, a few hundred in all (read from ../shared/data, never copied). */
const REUTERS = '../shared/data/news/reuters.jsonl';
const DOCUMENTS = 300;

let scratch: string;
let corpus: string;
let whole: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kg-long-'));
  corpus = join(scratch, 'corpus.jsonl');
  const lines = (await readFile(REUTERS, 'utf8')).split('\n').filter((_, i) => i % 60 === 0).slice(0, DOCUMENTS);
  await writeFile(corpus, `${lines.join('\n')}\n`);
  whole = join(scratch, 'whole.jsonl');
  const run = await runKg(['extract', corpus, '--format', 'jsonl', '-o', whole, '--workers', '2']);
  expect(run.code, run.stderr).toBe(0);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Run kg in a shell, as a user's command line would (for `ulimit`), or stop it with SIGINT once `stopWhen` holds. */
function runShell(command: string, stopWhen?: () => boolean): Promise<KgRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const poll = stopWhen && setInterval(() => stopWhen() && (clearInterval(poll), child.kill('SIGINT')), 50);
    child.on('error', reject);
    child.on('close', (code) => (poll && clearInterval(poll), resolve({ code, stdout, stderr })));
  });
}

const kg = `exec ${process.execPath} dist/cli/index.js`;
const lineCount = async (path: string): Promise<number> => (existsSync(path) ? (await readFile(path, 'utf8')).split('\n').length - 1 : 0);

describe('kg extract --format jsonl -o FILE: long runs', () => {
  it(`the lines merge into the same graph as the in-memory run (${DOCUMENTS} documents): kg export --graph FILE.jsonl`, async () => {
    const exported = join(scratch, 'from-lines.json');
    const [inMemory, fromLines] = [await runKg(['extract', corpus, '--workers', '2']), await runKg(['export', '--graph', whole, '--format', 'json', '-o', exported])];
    expect(fromLines.code, fromLines.stderr).toBe(0);
    const graph = JSON.parse(inMemory.stdout) as GraphJson;
    expect(graph.documents).toHaveLength(DOCUMENTS);
    expect(JSON.parse(await readFile(exported, 'utf8'))).toEqual(graph);
  });

  it('Ctrl-C leaves only complete lines; --resume finishes the file exactly as an uninterrupted run wrote it', async () => {
    const output = join(scratch, 'resumed.jsonl');
    let size = 0;
    const stopped = await runShell(`${kg} extract ${corpus} --format jsonl -o ${output} --workers 1`, () => {
      // Poll the file; stop once a few documents are in.
      void readFile(output, 'utf8').then((text) => (size = text.split('\n').length - 1), () => undefined);
      return size >= 3;
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/^kg: interrupted: \d+ documents written to .*resumed\.jsonl, each line complete; rerun with --resume to finish\n$/);
    const partial = await readFile(output, 'utf8');
    expect(partial.endsWith('\n')).toBe(true);
    const done = await lineCount(output);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(DOCUMENTS);
    expect((await readFile(whole, 'utf8')).startsWith(partial)).toBe(true);

    // A kill -9 mid-line leaves half a line: --resume cuts it off.
    await appendFile(output, '{"document":{"id":"reuters-');
    const resumed = await runKg(['extract', corpus, '--format', 'jsonl', '-o', output, '--resume', '--workers', '2']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${DOCUMENTS - done} documents to ${output} (after the ${done} already there)`);
    expect(await readFile(output, 'utf8')).toBe(await readFile(whole, 'utf8'));
  });

  it('a full disk (a file size limit) gives one line, a non-zero exit, and a file of complete lines only', async () => {
    const dir = await mkdtemp(join(scratch, 'full-'));
    const output = join(dir, 'out.jsonl');
    // ulimit -f counts 1 KB blocks: room for a few documents, not all.
    const full = await runShell(`ulimit -f 40; ${kg} extract ${corpus} --format jsonl -o ${output} --workers 1`);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^kg: .*out\.jsonl: cannot write the output \(EFBIG: file size limit reached\); it holds \d+ complete documents: make room and rerun with --resume\n$/);
    expect(full.stderr).not.toMatch(STACK_FRAME);
    const text = await readFile(output, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const kept = await lineCount(output);
    expect(full.stderr).toContain(`it holds ${kept} complete documents`);
    expect((await readFile(whole, 'utf8')).startsWith(text)).toBe(true);

    const json = join(dir, 'graph.json');
    const fullJson = await runShell(`ulimit -f 40; ${kg} extract ${corpus} -o ${json} --workers 2`);
    expect(fullJson.code).toBe(1);
    expect(fullJson.stderr).toMatch(/^kg: .*graph\.json: cannot write the output \(EFBIG: file size limit reached\)\n$/);
    expect(await readdir(dir)).toEqual(['out.jsonl']);
  });

  it('an unwritable output path fails at once, before any extraction, and leaves no file', async () => {
    for (const format of ['json', 'jsonl']) {
      const run = await runKg(['extract', corpus, '--format', format, '-o', join(scratch, 'missing', 'out'), '--workers', '1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^kg: .*missing\/out: cannot write the output \(ENOENT: no such folder\)\n$/);
    }
    expect(existsSync(join(scratch, 'missing'))).toBe(false);
  });

  it('--resume needs a jsonl file', async () => {
    const run = await runKg(['extract', corpus, '--resume']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('kg: --resume needs --format jsonl and -o FILE\n');
  });
});
