/**
 * One benchmark run in a process of its own, so its peak RSS is its own: reads the corpus into
 * memory, then times either the pipeline (`extract` with N workers) or raw compromise, and prints
 * one JSON line. Started by bench/index.ts: `tsx bench/measure.ts pipeline|compromise CORPUS WORKERS`.
 */
import { existsSync } from 'node:fs';
import { readDocuments } from '../src/ingest/index.js';
import type { DocumentExtractionError } from '../src/parallel/index.js';
import type { SourceDocument } from '../src/types.js';

export type Engine = 'pipeline' | 'compromise';

export interface Measurement {
  engine: Engine;
  workers: number;
  /** Documents measured (read, less those the pipeline failed on). */
  documents: number;
  bytes: number;
  /** Documents the pipeline failed on, left out of the figures (and named on stderr). */
  skipped: number;
  seconds: number;
  /** Peak resident set size of the whole process (all its threads), in MB. */
  peakRssMB: number;
}

/**
 * What most users would call compromise NER: people, places and organizations of each document.
 * Imported only for this engine: loaded beside the pipeline in one thread, compromise's full build
 * adds its phrase-chunking steps to the hooks the pipeline's compromise runs.
 */
function rawCompromise(nlp: typeof import('compromise').default, documents: SourceDocument[]): void {
  for (const { text } of documents) {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
}

// The pipeline as users run it (`npx kg`): the build, with its compiled gazetteer and compiled worker
// threads, not the sources through a TypeScript loader in every thread.
const built = new URL('../dist/extract.js', import.meta.url);
if (!existsSync(built)) throw new Error('no dist/extract.js: run npm run build first');
const { extract } = (await import(built.href)) as typeof import('../src/extract.js');

const [engine, corpus, workers] = [process.argv[2] as Engine, process.argv[3]!, Number(process.argv[4] ?? 1)];
const documents: SourceDocument[] = [];
for await (const document of readDocuments([corpus])) documents.push(document);

// A document the pipeline fails on is a bug to report, not a reason to lose the run's figures.
const skipped = new Set<SourceDocument>();
const onSkip = (error: DocumentExtractionError): void => {
  skipped.add(documents.find(({ id }) => id === error.document.id)!);
  process.stderr.write(`bench: skipped ${error.message}\n`);
};
const nlp = engine === 'compromise' ? (await import('compromise')).default : undefined;
const started = process.hrtime.bigint();
if (nlp) rawCompromise(nlp, documents);
else await extract(documents, { workers, onSkip });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const measured = documents.filter((document) => !skipped.has(document));

const measurement: Measurement = {
  engine,
  workers: engine === 'compromise' ? 1 : workers,
  documents: measured.length,
  bytes: measured.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0),
  skipped: skipped.size,
  seconds,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
