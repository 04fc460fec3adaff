import type { DocumentExtraction, SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { clean } from './clean.js';
import { type EntitySource, findMentions } from './entities/index.js';
import { resolve } from './resolve.js';
import { findRelations } from './relations/index.js';

export interface PipelineOptions {
  /** Where names come from (evaluation compares them); default both the tagger and the rules. */
  entities?: EntitySource;
}

/** The whole per-document pipeline: clean → sentences → entities → resolve → relations. Pure. */
export function extractDocument(document: SourceDocument, options: PipelineOptions = {}): DocumentExtraction {
  const analyzed = analyze(clean(document.text));
  const mentions = findMentions(analyzed, options.entities);
  const resolved = resolve(document.id, analyzed, mentions);
  const relations = findRelations(document.id, analyzed, resolved);
  const { id, source, title, date, url } = document;
  return {
    document: { id, source, ...(title && { title }), ...(date && { date }), ...(url && { url }) },
    entities: resolved.entities,
    relations,
  };
}
