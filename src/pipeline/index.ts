import type { DocumentExtraction, DocumentInfo, MentionRef, SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { chunkText, type TextRange } from './chunks.js';
import { clean } from './clean.js';
import { findMentions } from './entities/index.js';
import { mergeExtractions } from './merge.js';
import { resolve } from './resolve.js';
import { findRelations } from './relations/index.js';

/**
 * Documents longer than this are read in parts of at most this many characters (cut at paragraphs,
 * then sentences), each resolved on its own and merged as separate documents are: resolution
 * compares the names of a part with each other, so a part's size bounds that cost. No article of the
 * news corpora comes near it; a 50 MB dump does.
 */
export const DOCUMENT_PART_CHARS = 100_000;

/** The whole per-document pipeline: clean → sentences → entities → resolve → relations. Pure. */
export function extractDocument(document: SourceDocument): DocumentExtraction {
  const { id, source, title, date, url } = document;
  const info: DocumentInfo = { id, source, ...(title && { title }), ...(date && { date }), ...(url && { url }) };
  const cleaned = clean(document.text);
  const parts = chunkText(cleaned, DOCUMENT_PART_CHARS);
  const extraction =
    parts.length === 1
      ? { document: info, ...extractPart(id, cleaned) }
      : { document: info, ...mergeExtractions(parts.map((part) => ({ document: info, ...extractPart(id, cleaned, part) }))) };
  return withOriginalText(extraction, document.text);
}

/**
 * Cleaning blanks markup and furniture with spaces, so offsets hold but the cleaned slice of a
 * sentence that had markup differs from the original: the contract gives the original's slice.
 */
function withOriginalText(extraction: DocumentExtraction, text: string): DocumentExtraction {
  const original = <T extends MentionRef>(ref: T): T => ({ ...ref, text: text.slice(ref.start, ref.end) });
  return {
    document: extraction.document,
    entities: extraction.entities.map((entity) => ({ ...entity, mentions: entity.mentions.map(original) })),
    relations: extraction.relations.map((relation) => ({ ...relation, evidence: relation.evidence.map(original) })),
  };
}

function extractPart(documentId: string, cleaned: string, part?: TextRange): Omit<DocumentExtraction, 'document'> {
  const analyzed = analyze(cleaned, part);
  const mentions = findMentions(analyzed);
  const resolved = resolve(documentId, analyzed, mentions);
  return { entities: resolved.entities, relations: findRelations(documentId, analyzed, resolved) };
}
