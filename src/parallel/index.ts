import { pMapIterable, pMapSkip } from 'p-map';
import type { DocumentExtraction, SourceDocument } from '../types.js';
import { DocumentExtractionError } from './errors.js';
import { ExtractionPool } from './pool.js';

export { DocumentExtractionError } from './errors.js';

export interface ExtractEachOptions {
  /** Worker threads; 1 runs the pipeline in this thread. */
  workers: number;
  /** When given, a document the pipeline fails on is reported here and left out, instead of ending the run. */
  onSkip?: (error: DocumentExtractionError) => void;
}

/**
 * Extract each document, yielding the extractions in input order whatever the number of workers.
 * At most a few documents per worker are read ahead, so a corpus streams through.
 */
export async function* extractEach(
  documents: Iterable<SourceDocument> | AsyncIterable<SourceDocument>,
  options: ExtractEachOptions,
): AsyncGenerator<DocumentExtraction> {
  const { head, rest } = await peek(documents, 2);
  if (options.workers <= 1 || head.length < 2) {
    // One document is done sooner here than a thread can even load the pipeline.
    const { extractDocument } = await import('../pipeline/index.js');
    for await (const document of rest) {
      const extraction = extractInThread(extractDocument, document, options.onSkip);
      if (extraction) yield extraction;
    }
    return;
  }
  const pool = new ExtractionPool(options.workers);
  try {
    const skip = (error: unknown): typeof pMapSkip => {
      if (!(options.onSkip && error instanceof DocumentExtractionError)) throw error;
      options.onSkip(error);
      return pMapSkip;
    };
    // Two documents per worker keep every thread busy while its next document is posted.
    yield* pMapIterable(rest, (document) => pool.run(document).catch(skip), {
      concurrency: 2 * options.workers,
      backpressure: 4 * options.workers,
    });
  } finally {
    await pool.close();
  }
}

/** The pipeline is loaded only when this thread runs it: with workers, only they need it. */
function extractInThread(
  extractDocument: (document: SourceDocument) => DocumentExtraction,
  document: SourceDocument,
  onSkip: ExtractEachOptions['onSkip'],
): DocumentExtraction | undefined {
  try {
    return extractDocument(document);
  } catch (error) {
    const failure = new DocumentExtractionError(document, error);
    if (!onSkip) throw failure;
    onSkip(failure);
    return undefined;
  }
}

/** The first `count` items (fewer if the stream is shorter), and the whole stream again, those items included. */
async function peek<T>(items: Iterable<T> | AsyncIterable<T>, count: number): Promise<{ head: T[]; rest: AsyncIterable<T> }> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const head: T[] = [];
  while (head.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  async function* rest(): AsyncGenerator<T> {
    try {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head, rest: rest() };
}
