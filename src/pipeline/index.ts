import { parseSentence } from '../syntax/index.js';
import type { DocumentExtraction, SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { clean } from './clean.js';
import { resolveCoreference } from './coreference.js';
import { findMentions } from './entities/index.js';
import { resolve } from './resolve.js';
import { findRelations } from './relations/index.js';
import { LazyParses, type SentenceParser } from './relations/parses.js';

/**
 * The whole per-document pipeline: clean → sentences → entities → resolve → coreference →
 * relations, with the sentences that may hold a fact parsed on demand (`parser`, the shipped model
 * by default; `undefined` reads no trees). Pure, once the model is loaded.
 */
export function extractDocument(document: SourceDocument, parser: SentenceParser | undefined = parseSentence): DocumentExtraction {
  const analyzed = analyze(clean(document.text));
  const mentions = findMentions(analyzed);
  const resolved = resolve(document.id, analyzed, mentions);
  const parses = parser && new LazyParses(analyzed, resolved, parser);
  const links = resolveCoreference(analyzed, resolved, parses);
  const relations = findRelations(document.id, analyzed, resolved, { ...(document.date && { date: document.date }), ...(parses && { parses }), coreference: links });
  const { id, source, title, date, url } = document;
  return {
    document: { id, source, ...(title && { title }), ...(date && { date }), ...(url && { url }) },
    entities: resolved.entities,
    relations,
  };
}
