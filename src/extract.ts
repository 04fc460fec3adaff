import { availableParallelism } from 'node:os';
import { buildGraph, type KnowledgeGraph } from './graph/build.js';
import { extractEach, type DocumentExtractionError } from './parallel/index.js';
import { mergeExtractions } from './pipeline/merge.js';
import type { DocumentExtraction, DocumentInfo, GraphJson, SourceDocument } from './types.js';

export interface ExtractOptions {
  /** Worker threads; default one per core, 1 = run in this thread. The result is the same for any number. */
  workers?: number;
  /** Called after each document (in input order), with the running count. */
  onProgress?: (done: number, document: DocumentInfo) => void;
  /** When given, a document the pipeline fails on is reported here and left out, instead of ending the run. */
  onSkip?: (error: DocumentExtractionError) => void;
}

export interface ExtractResult {
  graph: KnowledgeGraph;
  json: GraphJson;
}

/** Run the whole pipeline over a stream of documents and merge the results across documents. */
export async function extract(
  documents: Iterable<SourceDocument> | AsyncIterable<SourceDocument>,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const extractions: DocumentExtraction[] = [];
  const workers = options.workers ?? availableParallelism();
  for await (const extraction of extractEach(documents, { workers, onSkip: options.onSkip })) {
    extractions.push(extraction);
    options.onProgress?.(extractions.length, extraction.document);
  }
  const json = mergeExtractions(extractions);
  return { json, graph: buildGraph(json) };
}
