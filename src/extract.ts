import { buildGraph, type KnowledgeGraph } from './graph/build.js';
import { extractDocument } from './pipeline/index.js';
import { mergeExtractions } from './pipeline/merge.js';
import type { DocumentExtraction, GraphJson, SourceDocument } from './types.js';

export interface ExtractOptions {
  /** Called after each document, with the running count. */
  onProgress?: (done: number, document: SourceDocument) => void;
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
  for await (const document of documents) {
    extractions.push(extractDocument(document));
    options.onProgress?.(extractions.length, document);
  }
  const json = mergeExtractions(extractions);
  return { json, graph: buildGraph(json) };
}
