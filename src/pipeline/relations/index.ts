import type { Relation } from '../../types.js';
import type { AnalyzedText } from '../analyze.js';
import type { Resolved } from '../resolve.js';

/** Relations stated in the sentences of one document. */
export function findRelations(_documentId: string, _analyzed: AnalyzedText, _resolved: Resolved): Relation[] {
  return [];
}
