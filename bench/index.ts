/**
 * `npm run bench [-- CORPUS]`: extraction speed and peak memory on a corpus (default: the BBC
 * corpus in ../shared/data when it is there), for 1 and N worker threads and for raw compromise in
 * the same run, each in a process of its own; then the syntax layer's words/s on one thread; then `kg query` on a generated graph in memory, and
 * loading a generated graph into Neo4j when a server answers (NEO4J_URI…, default
 * bolt://127.0.0.1:7687). Prints tables and writes bench-results/bench.json.
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
import { neo4jServerAnswers, runNeo4jBench, type Neo4jBenchResult } from './neo4j-load.js';
import { runQueryBench } from './query.js';
import { runSyntaxBench } from './syntax.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const defaultCorpus = fileURLToPath(new URL('../../shared/data/news/bbc_all.jsonl', import.meta.url));

interface Row extends Measurement {
  documentsPerSecond: number;
  kilobytesPerSecond: number;
  /** Throughput (bytes/s) relative to raw compromise in the same run. */
  speedVsCompromise: number;
}

async function measure(engine: Engine, corpus: string, workers: number): Promise<Measurement> {
  process.stderr.write(`bench: ${engine}, ${workers} worker(s)…\n`);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/measure.ts', engine, corpus, String(workers)], {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    process.stderr.write(stderr);
    return JSON.parse(stdout) as Measurement;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    const reason = stderr?.split('\n').find((line) => /Error\b/.test(line)) ?? String(error);
    process.stderr.write(`bench: the ${engine} run failed: ${reason}\n`);
    process.exit(1);
  }
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
const baseline = measurements[0]!.bytes / measurements[0]!.seconds;
const rows: Row[] = measurements.map((m) => ({
  ...m,
  documentsPerSecond: m.documents / m.seconds,
  kilobytesPerSecond: m.bytes / 1024 / m.seconds,
  speedVsCompromise: m.bytes / m.seconds / baseline,
}));

process.stdout.write(
  `## Extraction speed: ${corpus} (${rows[0]!.documents} documents, ${(rows[0]!.bytes / 1024 / 1024).toFixed(1)} MB)\n\n` +
    markdownTable(
      [
        ['engine', 'workers', 'documents', 'seconds', 'documents/s', 'KB/s', 'peak RSS (MB)', '× raw compromise'],
        ...rows.map((r) => [
          r.engine === 'compromise' ? 'raw compromise' : 'kg pipeline',
          String(r.workers),
          r.skipped > 0 ? `${r.documents} (${r.skipped} failed)` : String(r.documents),
          r.seconds.toFixed(1),
          r.documentsPerSecond.toFixed(1),
          r.kilobytesPerSecond.toFixed(1),
          r.peakRssMB.toFixed(0),
          r.speedVsCompromise.toFixed(2),
        ]),
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
    ) +
    '\n',
);

const syntax = await runSyntaxBench(corpus);
process.stdout.write(
  `\n## Syntax (tokenize, tag, lemmatize, parse), one thread: ${syntax.sentences} sentences of the corpus\n\n` +
    markdownTable(
      [
        ['model load (ms)', 'words', 'seconds', 'words/s', 'words per CPU second'],
        [
          syntax.loadMilliseconds.toFixed(0),
          String(syntax.words),
          syntax.seconds.toFixed(2),
          syntax.wordsPerSecond.toFixed(0),
          syntax.wordsPerCpuSecond.toFixed(0),
        ],
      ],
      { align: ['r', 'r', 'r', 'r', 'r'] },
    ) +
    '\n',
);

const queryEntities = 20_000;
const query = runQueryBench(queryEntities);
process.stdout.write(
  `\n## kg query in memory: ${queryEntities} generated entities\n\n` +
    markdownTable([['query', 'ms', 'rows'], ...query.map((q) => [q.name, q.milliseconds.toFixed(1), String(q.rows)])], {
      align: ['l', 'r', 'r'],
    }) +
    '\n\n',
);

let neo4j: Neo4jBenchResult | { error: string } | undefined;
if (!(await neo4jServerAnswers())) {
  process.stderr.write('bench: no Neo4j server answers (set NEO4J_URI or run npm run neo4j:start): Neo4j load skipped\n');
} else {
  // The extraction figures are kept whatever happens to the server.
  neo4j = await runNeo4jBench().catch((error: Error) => ({ error: error.message }));
  if ('error' in neo4j) process.stderr.write(`bench: the Neo4j load failed: ${neo4j.error}\n`);
}

const results = { date: new Date().toISOString(), corpus, cpus: availableParallelism(), extraction: rows, syntax, query, neo4j };
await mkdir(fileURLToPath(new URL('../bench-results', import.meta.url)), { recursive: true });
await writeFileAtomic(fileURLToPath(new URL('../bench-results/bench.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('bench: wrote bench-results/bench.json\n');
