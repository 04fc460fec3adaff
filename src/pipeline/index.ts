import type { DocumentExtraction, SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { clean } from './clean.js';
import { resolveCoreference } from './coreference.js';
import { findMentions } from './entities/index.js';
import { resolve } from './resolve.js';
import { findRelations } from './relations/index.js';

/** The whole per-document pipeline: clean → sentences → entities → resolve → coreference → relations. Pure. */
export function extractDocument(document: SourceDocument): DocumentExtraction {
  const analyzed = analyze(clean(document.text));
  const mentions = findMentions(analyzed);
  const resolved = resolve(document.id, analyzed, mentions);
  const links = resolveCoreference(analyzed, resolved);
  const relations = findRelations(document.id, analyzed, resolved, links);
  const { id, source, title, date, url } = document;
  return {
    document: { id, source, ...(title && { title }), ...(date && { date }), ...(url && { url }) },
    entities: resolved.entities,
    relations,
  };
}
