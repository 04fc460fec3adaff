import { UserError } from '../errors.js';
import type { SourceDocument } from '../types.js';

/** The pipeline failed on one document: named, so the user can find it, and skippable with --skip-errors. */
export class DocumentExtractionError extends UserError {
  constructor(
    readonly document: Pick<SourceDocument, 'id' | 'source'>,
    reason: string,
  ) {
    super(`document ${document.id} (${document.source}): extraction failed: ${reason}`);
    this.name = 'DocumentExtractionError';
  }
}
