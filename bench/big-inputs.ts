/**
 * Big and strange inputs through the real CLI, each in a process of its own (peak RSS is its own):
 * lines of 0.5, 1 and 2 MB without punctuation (time should grow linearly), one 50 MB text file,
 * and the whole Reuters corpus in one `kg extract --format jsonl -o FILE` run (memory flat in the
 * corpus size). Inputs are generated into a temporary folder (corpus text is never copied into
 * the repo). Alone: `npx tsx bench/big-inputs.ts [lines] [file] [corpus]` (default: all three), one
 * JSON line per input.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import wordListPath from 'word-list';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
export const REUTERS = fileURLToPath(new URL('../../shared/data/news/reuters.jsonl', import.meta.url));

export interface BigInputResult {
  input: string;
  megabytes: number;
  seconds: number;
  /** User + system CPU seconds of the process, all threads. */
  cpuSeconds: number;
  peakRssMB: number;
  /** One-minute load average at the start and at the end: the figures mean little on a busy machine. */
  loadAverage: [number, number];
  summary: string;
}

/** Run `kg extract ARGS…` and measure it; a failure is recorded, never thrown. */
async function measureExtract(input: string, megabytes: number, args: string[]): Promise<BigInputResult> {
  process.stderr.write(`bench: kg extract ${input}…\n`);
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  try {
    // The build, as `npx kg` runs it: the sources through tsx would build the gazetteer in every thread.
    const { stderr } = await run(process.execPath, ['--import', './bench/report-rss.mjs', 'dist/cli/index.js', 'extract', ...args], {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    const seconds = (performance.now() - started) / 1000;
    const [, rss, cpu] = /bench-peak-rss-kb (\d+) bench-cpu-us (\d+)/.exec(stderr) ?? [];
    const summary = stderr.split('\n').find((line) => /^\d+ documents?\b/.test(line)) ?? '';
    return { input, megabytes, seconds, cpuSeconds: Number(cpu ?? NaN) / 1e6, peakRssMB: Number(rss ?? NaN) / 1024, loadAverage: [loadAtStart, loadavg()[0]!], summary };
  } catch (error) {
    const message = ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n').filter((l) => !l.startsWith('bench-peak')).at(-1) ?? '';
    return { input, megabytes, seconds: (performance.now() - started) / 1000, cpuSeconds: NaN, peakRssMB: NaN, loadAverage: [loadAtStart, loadavg()[0]!], summary: `failed: ${message}` };
  }
}

/** A line of `size` characters of dictionary words, one in ten capitalised, without punctuation; seeded. */
function unpunctuatedLine(size: number): string {
  const words = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);
  let seed = 13;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const parts: string[] = [];
  for (let length = 0; length < size; ) {
    let word = words[Math.floor(random() * words.length)]!;
    if (random() < 0.1) word = word[0]!.toUpperCase() + word.slice(1);
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, size);
}

/** About `size` bytes of Reuters stories, one after another, as one plain text file. */
async function concatenatedStories(size: number): Promise<string> {
  const texts: string[] = [];
  let length = 0;
  while (length < size) {
    for await (const line of createInterface({ input: createReadStream(REUTERS) })) {
      const { text } = JSON.parse(line) as { text: string };
      texts.push(text);
      length += text.length + 2;
      if (length >= size) break;
    }
  }
  return texts.join('\n\n');
}

export type BigInput = 'lines' | 'file' | 'corpus';

/**
 * Measure each input (all by default); generated inputs and outputs go to `dir` (the caller removes
 * it). The Reuters run leaves its extraction at `reutersLines(dir)` for the import bench.
 */
export async function runBigInputsBench(dir: string, inputs: readonly BigInput[] = ['lines', 'file', 'corpus']): Promise<BigInputResult[]> {
  if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) throw new Error('no dist/cli/index.js: run npm run build first');
  const results: BigInputResult[] = [];
  for (const megabytes of inputs.includes('lines') ? [0.5, 1, 2] : []) {
    const file = join(dir, `line-${megabytes}mb.txt`);
    await writeFile(file, unpunctuatedLine(megabytes * 2 ** 20));
    results.push(await measureExtract(`${megabytes} MB line without punctuation`, megabytes, [file, '--workers', '1', '-o', join(dir, 'out.json')]));
  }
  if (existsSync(REUTERS) && inputs.includes('file')) {
    const file = join(dir, 'stories-50mb.txt');
    await writeFile(file, await concatenatedStories(50 * 2 ** 20));
    results.push(await measureExtract('50 MB text file (Reuters stories)', 50, [file, '--workers', '1', '-o', join(dir, 'out.json')]));
    await rm(file);
  }
  if (existsSync(REUTERS) && inputs.includes('corpus')) {
    const megabytes = readFileSync(REUTERS).length / 2 ** 20;
    results.push(
      await measureExtract('Reuters corpus, 19,043 documents, --format jsonl -o FILE', megabytes, [REUTERS, '--format', 'jsonl', '-o', reutersLines(dir), '--workers', '2']),
    );
  }
  return results;
}

export const reutersLines = (dir: string): string => join(dir, 'reuters.jsonl');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-big-'));
  try {
    const inputs = process.argv.slice(2) as BigInput[];
    for (const result of await runBigInputsBench(dir, inputs.length ? inputs : undefined)) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
