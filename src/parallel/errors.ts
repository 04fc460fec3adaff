import { UserError } from '../errors.js';
import type { SourceDocument } from '../types.js';

/**
 * The pipeline failed on one document: named, so the user can find it, and skippable with
 * --skip-errors. `cause` keeps the original error (with its stack, for KG_DEBUG).
 */
export class DocumentExtractionError extends UserError {
  constructor(
    readonly document: Pick<SourceDocument, 'id' | 'source'>,
    cause: unknown,
  ) {
    super(`document ${document.id} (${document.source}): extraction failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DocumentExtractionError';
    this.cause = cause;
  }
}
