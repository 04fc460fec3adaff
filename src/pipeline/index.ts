import { parseSentence, syntaxModel } from '../syntax/index.js';
import type { DocumentExtraction, DocumentInfo, MentionRef, SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { chunkText, type TextRange } from './chunks.js';
import { clean } from './clean.js';
import { getCorefLists, resolveCoreference } from './coreference.js';
import { getGazetteer } from './entities/gazetteer.js';
import { type EntitySource, findMentions } from './entities/index.js';
import { nameFirstWords } from './entities/tagger/features.js';
import { getNameTagger } from './entities/tagger/model.js';
import { mergeExtractions } from './merge.js';
import { resolve } from './resolve.js';
import { getFrames } from './relations/frames.js';
import { findRelations } from './relations/index.js';
import { LazyParses, type SentenceParser } from './relations/parses.js';

/**
 * Documents longer than this are read in parts of at most this many characters (cut at paragraphs,
 * then sentences), each resolved on its own and merged as separate documents are: resolution
 * compares the names of a part with each other, so a part's size bounds that cost. No article of the
 * news corpora comes near it; a 50 MB dump does.
 */
export const DOCUMENT_PART_CHARS = 100_000;

export interface PipelineOptions {
  /** Where names come from (evaluation compares them); default both the tagger and the rules. */
  entities?: EntitySource;
  /** Parses the sentences that may hold a fact; default the shipped model. */
  parser?: SentenceParser;
}

/**
 * Load now every table the pipeline otherwise loads on first use: the startup snapshot
 * (scripts/build-snapshot.mjs) is taken after this, so its processes start with them all.
 */
export function loadPipelineData(): void {
  nameFirstWords(getGazetteer());
  getNameTagger();
  syntaxModel();
  getFrames();
  getCorefLists();
}

/**
 * The whole per-document pipeline: clean → sentences → entities → resolve → coreference →
 * relations, with the sentences that may hold a fact parsed on demand. Pure, once the models are
 * loaded.
 */
export function extractDocument(document: SourceDocument, options: PipelineOptions = {}): DocumentExtraction {
  const { id, source, title, date, url } = document;
  const info: DocumentInfo = { id, source, ...(title && { title }), ...(date && { date }), ...(url && { url }) };
  const cleaned = clean(document.text);
  const parts = chunkText(cleaned, DOCUMENT_PART_CHARS);
  const extraction =
    parts.length === 1
      ? { document: info, ...extractPart(document, cleaned, options) }
      : { document: info, ...mergeExtractions(parts.map((part) => ({ document: info, ...extractPart(document, cleaned, options, part) }))) };
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

function extractPart(document: SourceDocument, cleaned: string, options: PipelineOptions, part?: TextRange): Omit<DocumentExtraction, 'document'> {
  const analyzed = analyze(cleaned, part);
  const gazetteer = getGazetteer();
  const mentions = findMentions(analyzed, gazetteer, options.entities);
  const resolved = resolve(document.id, analyzed, mentions, gazetteer);
  const parses = new LazyParses(analyzed, resolved, gazetteer, options.parser ?? parseSentence);
  const coreference = resolveCoreference(analyzed, resolved, gazetteer, parses);
  const context = { ...(document.date && { date: document.date }), parses, coreference };
  return { entities: resolved.entities, relations: findRelations(document.id, analyzed, resolved, gazetteer, context) };
}
