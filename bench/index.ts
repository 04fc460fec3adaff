/**
 * `npm run bench [-- CORPUS] [--query-graph GRAPH.json]`: the first answer (kg extract on one article
 * against raw compromise, each a process from start to exit); extraction speed and peak memory on a
 * corpus (default: the BBC corpus in ../shared/data when it is there), for 1 and N worker threads
 * and for raw compromise in the same run, each in a process of its own; then the syntax layer's
 * words/s on one thread; then big inputs (lines without punctuation, a 50 MB file, the Reuters
 * corpus in one jsonl run: time and peak RSS); then `kg query` on a generated graph in memory; then
 * every cypher/queries file on a corpus graph (default bench-results/reuters-graph.json when it is
 * there), in memory and in Neo4j; then loading a generated graph into Neo4j when a server answers
 * (NEO4J_URI…, default bolt://127.0.0.1:7687); then, with Java, neo4j-admin import against kg load of
 * the Reuters graph and of a generated graph of a million relations (a throwaway local server).
 * Prints tables and writes bench-results/bench.json.
 * Figures are information, never a failure: the exit code only reflects errors.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { markdownTable } from 'markdown-table';
import { writeFileAtomic } from '../src/io/write-file-atomic.js';
import type { Engine, Measurement } from './measure.js';
import { neo4jServerAnswers, runNeo4jBench, type Neo4jBenchResult } from './neo4j-load.js';
import { corpusQueryTable, runCorpusQueryBench, type CorpusQueryBench } from './corpus-queries.js';
import { runFirstAnswerBench } from './first-answer.js';
import { runQueryBench } from './query.js';
import { runSyntaxBench } from './syntax.js';
import { reutersLines, runBigInputsBench } from './big-inputs.js';
import { canRunLocalNeo4j, runImportBench, withThrowawayServer, type ImportRate } from './neo4j-import.js';
import { generateGraph } from './neo4j-load.js';
import { readGraphFile } from '../src/cli/inputs.js';

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

const args = process.argv.slice(2);
const graphOption = args.indexOf('--query-graph');
const queryGraph = graphOption >= 0 ? args.splice(graphOption, 2)[1] : fileURLToPath(new URL('../bench-results/reuters-graph.json', import.meta.url));
const corpus = args[0] ?? (existsSync(defaultCorpus) ? defaultCorpus : undefined);
if (!corpus) {
  process.stderr.write(`bench: no corpus: give a path (npm run bench -- FILE.jsonl); ${defaultCorpus} is not there\n`);
  process.exit(1);
}
const firstAnswer = await runFirstAnswerBench();
process.stdout.write(
  `## First answer: one article (${firstAnswer.file}), a process from start to exit, median of ${firstAnswer.runs} alternating runs (load average ${firstAnswer.load.map((load) => load.toFixed(1)).join(' → ')})\n\n` +
    markdownTable(
      [
        ['command', 'wall s', '× raw compromise'],
        [`kg extract (dist/cli/index.js: ${firstAnswer.kgPath})`, firstAnswer.kgSeconds.toFixed(2), (firstAnswer.kgSeconds / firstAnswer.compromiseSeconds).toFixed(2)],
        ['kg extract, in-process (KG_SNAPSHOT=0)', firstAnswer.kgInProcessSeconds.toFixed(2), (firstAnswer.kgInProcessSeconds / firstAnswer.compromiseSeconds).toFixed(2)],
        ['raw compromise (nlp(text), people, places, organizations)', firstAnswer.compromiseSeconds.toFixed(2), '1.00'],
      ],
      { align: ['l', 'r', 'r'] },
    ) +
    '\n\n',
);

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

const scratch = await mkdtemp(join(tmpdir(), 'kg-bench-'));
const bigInputs = await runBigInputsBench(scratch);
process.stdout.write(
  '\n## Big inputs and long runs (kg extract, one process each)\n\n' +
    markdownTable(
      [
        ['input', 'MB', 'seconds', 'CPU s', 'CPU s per MB', 'peak RSS (MB)', 'load average', 'result'],
        ...bigInputs.map((r) => [
          r.input,
          r.megabytes.toFixed(1),
          r.seconds.toFixed(1),
          r.cpuSeconds.toFixed(1),
          (r.cpuSeconds / r.megabytes).toFixed(1),
          r.peakRssMB.toFixed(0),
          r.loadAverage.map((load) => load.toFixed(1)).join(' → '),
          r.summary,
        ]),
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] },
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

let corpusQueries: CorpusQueryBench | undefined;
if (queryGraph && existsSync(queryGraph)) {
  corpusQueries = await runCorpusQueryBench(queryGraph);
  process.stdout.write(`\n${corpusQueryTable(corpusQueries)}\n`);
} else {
  process.stderr.write(
    `bench: no corpus graph at ${queryGraph}: kg query on a corpus skipped (make one: kg extract ../shared/data/news/reuters.jsonl -o bench-results/reuters-graph.json)\n`,
  );
}

let neo4j: Neo4jBenchResult | { error: string } | undefined;
if (!(await neo4jServerAnswers())) {
  process.stderr.write('bench: no Neo4j server answers (set NEO4J_URI or run npm run neo4j:start): Neo4j load skipped\n');
} else {
  // The extraction figures are kept whatever happens to the server.
  neo4j = await runNeo4jBench().catch((error: Error) => ({ error: error.message }));
  if ('error' in neo4j) process.stderr.write(`bench: the Neo4j load failed: ${neo4j.error}\n`);
}

// Bulk import (neo4j-admin) against kg load, on the Reuters graph and a generated graph of a million relations.
let imports: ImportRate[] = [];
if (canRunLocalNeo4j()) {
  imports = await withThrowawayServer(async (connection) => [
    ...(existsSync(reutersLines(scratch)) ? [await runImportBench('Reuters, 19,043 documents', await readGraphFile(reutersLines(scratch)), connection)] : []),
    await runImportBench('generated: 200,000 entities, 1,000,000 relations', generateGraph(200_000, 1_000_000), connection),
  ]);
  process.stdout.write(
    '\n## Bulk import (kg export --format neo4j-admin; neo4j-admin database import full) against kg load, into an empty database\n\n' +
      markdownTable(
        [
          ['graph', 'nodes', 'relationships', 'CSV s', 'import s', 'import relationships/s', 'kg load s', 'kg load relationships/s', 'import ÷ kg load', 'load average'],
          ...imports.map((r) => [
            r.graph,
            String(r.nodes),
            String(r.relationships),
            r.csvSeconds.toFixed(1),
            r.importSeconds.toFixed(1),
            r.relationshipsPerSecond.toFixed(0),
            r.kgLoadSeconds!.toFixed(1),
            r.kgLoadRelationshipsPerSecond!.toFixed(0),
            (r.relationshipsPerSecond / r.kgLoadRelationshipsPerSecond!).toFixed(1),
            r.loadAverage.map((load) => load.toFixed(1)).join(' → '),
          ]),
        ],
        { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
      ) +
      '\n\nimport s: JVM start included, CSV writing not; kg load: a throwaway local server, warmed up by one untimed load\n',
  );
}
await rm(scratch, { recursive: true, force: true });

const results = { date: new Date().toISOString(), loadAverage: loadavg(), corpus, cpus: availableParallelism(), firstAnswer, extraction: rows, syntax, bigInputs, query, corpusQueries, neo4j, imports };
await mkdir(fileURLToPath(new URL('../bench-results', import.meta.url)), { recursive: true });
await writeFileAtomic(fileURLToPath(new URL('../bench-results/bench.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('bench: wrote bench-results/bench.json\n');
