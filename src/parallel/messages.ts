import type { DocumentExtraction, SourceDocument } from '../types.js';

/** Main thread → worker: extract one document. A worker has one task at a time, so no ids are needed. */
export interface TaskMessage {
  document: SourceDocument;
}

/** Worker → main thread: the extraction, or why it failed. */
export type ResultMessage = { extraction: DocumentExtraction } | { error: unknown };
