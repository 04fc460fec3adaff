/**
 * Big and strange inputs through the real CLI, each in a process of its own (peak RSS is its own):
 * lines of 0.5, 1 and 2 MB without punctuation (time should grow linearly), one 50 MB text file,
 * and the whole Reuters corpus in one `kg extract --format jsonl -o FILE` run (memory flat in the
 * corpus size). Inputs are generated into a temporary folder (corpus text is never copied into
 * the repo).
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
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
  peakRssMB: number;
  summary: string;
}

/** Run `kg extract ARGS…` and measure it; a failure is recorded, never thrown. */
async function measureExtract(input: string, megabytes: number, args: string[]): Promise<BigInputResult> {
  process.stderr.write(`bench: kg extract ${input}…\n`);
  const started = performance.now();
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', '--import', './bench/report-rss.ts', 'src/cli/index.ts', 'extract', ...args], {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    const seconds = (performance.now() - started) / 1000;
    const rss = Number(/bench-peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
    const summary = stderr.split('\n').find((line) => /^\d+ documents/.test(line)) ?? '';
    return { input, megabytes, seconds, peakRssMB: rss / 1024, summary };
  } catch (error) {
    const message = ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n').filter((l) => !l.startsWith('bench-peak')).at(-1) ?? '';
    return { input, megabytes, seconds: (performance.now() - started) / 1000, peakRssMB: NaN, summary: `failed: ${message}` };
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

/**
 * Measure each input; generated inputs and outputs go to `dir` (the caller removes it). The
 * Reuters run leaves its extraction at `reutersLines(dir)` for the import bench.
 */
export async function runBigInputsBench(dir: string): Promise<BigInputResult[]> {
  const results: BigInputResult[] = [];
  for (const megabytes of [0.5, 1, 2]) {
    const file = join(dir, `line-${megabytes}mb.txt`);
    await writeFile(file, unpunctuatedLine(megabytes * 2 ** 20));
    results.push(await measureExtract(`${megabytes} MB line without punctuation`, megabytes, [file, '--workers', '1', '-o', join(dir, 'out.json')]));
  }
  if (existsSync(REUTERS)) {
    const file = join(dir, 'stories-50mb.txt');
    await writeFile(file, await concatenatedStories(50 * 2 ** 20));
    results.push(await measureExtract('50 MB text file (Reuters stories)', 50, [file, '--workers', '1', '-o', join(dir, 'out.json')]));
    await rm(file);
    const megabytes = readFileSync(REUTERS).length / 2 ** 20;
    results.push(
      await measureExtract('Reuters corpus, 19,043 documents, --format jsonl -o FILE', megabytes, [REUTERS, '--format', 'jsonl', '-o', reutersLines(dir), '--workers', '2']),
    );
  }
  return results;
}

export const reutersLines = (dir: string): string => join(dir, 'reuters.jsonl');
