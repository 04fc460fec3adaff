/**
 * `npm run bench [-- CORPUS]`: extraction speed and peak memory on a corpus (default: the BBC
 * corpus in ../shared/data when it is there), for 1 and N worker threads and for raw compromise in
 * the same run, each in a process of its own. Prints a table and writes bench-results/bench.json.
 * Figures are information, never a failure: the exit code only reflects errors.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { markdownTable } from 'markdown-table';
import { writeFileAtomic } from '../src/io/write-file-atomic.js';
import type { Engine, Measurement } from './measure.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const defaultCorpus = fileURLToPath(new URL('../../shared/data/news/bbc_all.jsonl', import.meta.url));

interface Row extends Measurement {
  documentsPerSecond: number;
  kilobytesPerSecond: number;
  /** Throughput relative to raw compromise in the same run. */
  speedVsCompromise: number;
}

async function measure(engine: Engine, corpus: string, workers: number): Promise<Measurement> {
  process.stderr.write(`bench: ${engine}, ${workers} worker(s)…\n`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/measure.ts', engine, corpus, String(workers)], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measurement;
}

const corpus = process.argv[2] ?? (existsSync(defaultCorpus) ? defaultCorpus : undefined);
if (!corpus) {
  process.stderr.write(`bench: no corpus: give a path (npm run bench -- FILE.jsonl); ${defaultCorpus} is not there\n`);
  process.exit(1);
}
const workers = Math.max(2, availableParallelism());
const measurements = [
  await measure('compromise', corpus, 1),
  await measure('pipeline', corpus, 1),
  await measure('pipeline', corpus, workers),
];
const baseline = measurements[0]!.documents / measurements[0]!.seconds;
const rows: Row[] = measurements.map((m) => ({
  ...m,
  documentsPerSecond: m.documents / m.seconds,
  kilobytesPerSecond: m.bytes / 1024 / m.seconds,
  speedVsCompromise: m.documents / m.seconds / baseline,
}));

process.stdout.write(
  `## Extraction speed: ${corpus} (${rows[0]!.documents} documents, ${(rows[0]!.bytes / 1024 / 1024).toFixed(1)} MB)\n\n` +
    markdownTable(
      [
        ['engine', 'workers', 'seconds', 'documents/s', 'KB/s', 'peak RSS (MB)', '× raw compromise'],
        ...rows.map((r) => [
          r.engine === 'compromise' ? 'raw compromise' : 'kg pipeline',
          String(r.workers),
          r.seconds.toFixed(1),
          r.documentsPerSecond.toFixed(1),
          r.kilobytesPerSecond.toFixed(1),
          r.peakRssMB.toFixed(0),
          r.speedVsCompromise.toFixed(2),
        ]),
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'] },
    ) +
    '\n',
);

const results = { date: new Date().toISOString(), corpus, cpus: availableParallelism(), extraction: rows };
await mkdir(fileURLToPath(new URL('../bench-results', import.meta.url)), { recursive: true });
await writeFileAtomic(fileURLToPath(new URL('../bench-results/bench.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('bench: wrote bench-results/bench.json\n');
