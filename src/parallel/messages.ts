import type { DocumentExtraction, SourceDocument } from '../types.js';

/** Main thread → worker: extract one document. */
export interface TaskMessage {
  task: number;
  document: SourceDocument;
}

/** Worker → main thread: the extraction, or why it failed. */
export type ResultMessage = { task: number; extraction: DocumentExtraction } | { task: number; error: unknown };
