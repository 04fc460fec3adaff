/**
 * Extraction quality against annotated corpora: readers turn annotations into gold data, the
 * pipeline predicts, scorers compare. Everything here takes and returns plain data; the CLI reads
 * the files and prints.
 */
import { analyze } from '../pipeline/analyze.js';
import { clean } from '../pipeline/clean.js';
import { resolveCoreferenceChains } from '../pipeline/coreference.js';
import { getGazetteer } from '../pipeline/entities/gazetteer.js';
import { type EntitySource, findMentions } from '../pipeline/entities/index.js';
import { extractDocument } from '../pipeline/index.js';
import { resolve } from '../pipeline/resolve.js';
import { parseSentence } from '../syntax/index.js';
import type { SourceDocument } from '../types.js';
import { parseConll04 } from './conll04.js';
import { parseConll2003 } from './conll2003.js';
import { parseCorefConllu } from './conllu-coref.js';
import { scoreCoref, treesBySentence, type CorefReport } from './coref.js';
import { scoreGold, type GoldAnnotations, type GoldReport } from './gold.js';
import { scoreNer, type NerReport } from './ner.js';
import { predictedMentions, predictedRelations } from './predict.js';
import { scoreSpanRelations, type SpanRelationReport } from './relations.js';

export { parseConll2003, type AnnotatedDocument } from './conll2003.js';
export { parseConll04, type RelationDocument } from './conll04.js';
export { parseGoldFile, scoreGold, type GoldAnnotations, type GoldRelationError, type GoldReport } from './gold.js';
export { parseCorefConllu, type CorefDocument } from './conllu-coref.js';
export { scoreCoref, type CorefReport } from './coref.js';
export { scoreNer, type NerReport } from './ner.js';
export { scoreSpanRelations, type SpanRelationReport } from './relations.js';
export type { Prf, PrfTable } from './prf.js';

export interface EvaluateOptions {
  /** Names the corpus in document ids and error messages. */
  name?: string;
  /** Score only the first N documents (CoNLL-2003) or sentences (CoNLL04). */
  limit?: number;
  /** Called after each document with the running count and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Where names come from (default: the tagger and the rules combined). */
  entities?: EntitySource;
}

const NER_TYPES = ['LOC', 'ORG', 'PER'];
const CONLL04_RELATIONS = ['Kill', 'Live_In', 'Located_In', 'OrgBased_In', 'Work_For'];

/** CoNLL-2003 NER: exact span and type, PER/LOC/ORG, MISC excluded. */
export function evaluateConll2003(content: string, options: EvaluateOptions = {}): NerReport {
  const documents = parseConll2003(content, options.name).slice(0, options.limit);
  return scoreNer(
    documents.map((document, index) => {
      const extraction = extractDocument(sourceOf(document, options.name), { entities: options.entities });
      options.onProgress?.(index + 1, documents.length);
      return { ...document, predicted: predictedMentions(extraction) };
    }),
    { types: NER_TYPES },
  );
}

export interface Conll04Report {
  relations: SpanRelationReport;
  entities: NerReport;
}

/** CoNLL04: relations (ends' mentions overlap the gold head and tail) and, for information, NER. */
export function evaluateConll04(content: string, options: EvaluateOptions = {}): Conll04Report {
  const sentences = parseConll04(content, options.name).slice(0, options.limit);
  const cases = sentences.map((sentence, index) => {
    const extraction = extractDocument(sourceOf(sentence, options.name), { entities: options.entities });
    options.onProgress?.(index + 1, sentences.length);
    return { ...sentence, predicted: predictedMentions(extraction), predictedRelations: predictedRelations(extraction) };
  });
  return {
    relations: scoreSpanRelations(
      cases.map(({ relations, predictedRelations: predicted }) => ({ relations, predicted })),
      { types: CONLL04_RELATIONS },
    ),
    entities: scoreNer(cases, { types: NER_TYPES }),
  };
}

/** A gold document whose text has been loaded. */
export interface GoldDocument extends SourceDocument {
  gold: GoldAnnotations;
}

/** Our own document-level gold files: entities and relations, duplicates counted as errors. */
export function evaluateGold(documents: GoldDocument[], options: EvaluateOptions = {}): GoldReport {
  return scoreGold(
    documents.map(({ gold, ...document }, index) => {
      const { entities, relations } = extractDocument(document, { entities: options.entities });
      options.onProgress?.(index + 1, documents.length);
      return { id: document.id, gold, predicted: { entities, relations } };
    }),
  );
}

function sourceOf(document: { id: string; text: string }, name = 'eval'): SourceDocument {
  return { id: document.id, text: document.text, source: name };
}

/**
 * Pronoun resolution on CoNLL-U coreference (GUM): each document's text is rebuilt from its words,
 * run through the pipeline up to coreference, and the links are mapped back to the words by offset.
 * `trees`: where grammatical roles come from: none (word order and tags), our parser on every
 * sentence, or the file's own trees.
 */
export function evaluateCoref(content: string, options: EvaluateOptions & { trees?: CorefReport['syntax'] } = {}): CorefReport {
  const trees = options.trees ?? 'none';
  const documents = parseCorefConllu(content, options.name).slice(0, options.limit);
  const gazetteer = getGazetteer();
  const cases = documents.map((gold, index) => {
    const analyzed = analyze(clean(gold.text));
    const resolved = resolve(gold.id, analyzed, findMentions(analyzed, gazetteer), gazetteer);
    const parses =
      trees === 'gold'
        ? treesBySentence(gold.sentences, analyzed.sentences)
        : trees === 'parser'
          ? new Map(analyzed.sentences.map((s) => [s.index, parseSentence(analyzed.text, s.start, s.end)]))
          : undefined;
    const { links, nominal } = resolveCoreferenceChains(analyzed, resolved, gazetteer, parses);
    options.onProgress?.(index + 1, documents.length);
    return { gold, entities: resolved.entities, links, nominal };
  });
  return scoreCoref(cases, trees);
}
